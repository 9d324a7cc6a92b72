//! Identity domains, federation, region subscriptions and work-request history in a seed:
//! the checks the integrity checker adds for them, and what docs/seed.md promises the demo
//! has.

use std::collections::HashSet;

use canopy::emulator::seed;
use canopy::model::{DomainType, LifecycleState, Snapshot, WorkRequest, WorkRequestStatus};

use super::integrity::{is_realistic_ocid, problems as all_problems};

const LICENSE_TYPES: &[&str] = &[
    "free",
    "oracle-apps",
    "oracle-apps-premium",
    "premium",
    "external-user",
];
const IAM_OPERATIONS: &[&str] = &[
    "CREATE_DOMAIN",
    "REPLICATE_DOMAIN_TO_REGION",
    "UPDATE_DOMAIN",
    "ACTIVATE_DOMAIN",
    "DEACTIVATE_DOMAIN",
    "DELETE_DOMAIN",
    "CHANGE_COMPARTMENT_FOR_DOMAIN",
    "CHANGE_LICENSE_TYPE_FOR_DOMAIN",
];

fn live(state: &LifecycleState) -> bool {
    *state != LifecycleState::Deleted
}

/// Problems with this part of `s`; `seen` holds the OCIDs the rest of the checker saw.
pub fn problems<'a>(s: &'a Snapshot, seen: &HashSet<&'a str>, now: i64) -> Vec<String> {
    let mut out = Vec::new();
    let tenancy = s.tenancy.id.as_str();
    let history = &s.work_request_history;
    let ids = s
        .domains
        .iter()
        .map(|d| d.id.as_str())
        .chain(s.identity_providers.iter().map(|p| p.id.as_str()))
        .chain(s.identity_provider_groups.iter().map(|g| g.id.as_str()))
        .chain(s.idp_group_mappings.iter().map(|m| m.id.as_str()))
        .chain(history.classic.iter().map(|w| w.id.as_str()))
        .chain(history.iam.iter().map(|w| w.id.as_str()))
        .chain(history.tagging.iter().map(|w| w.id.as_str()));
    let mut mine = HashSet::new();
    for id in ids {
        if !is_realistic_ocid(id) {
            out.push(format!("unrealistic OCID {id}"));
        }
        if seen.contains(id) || !mine.insert(id) {
            out.push(format!("duplicate OCID {id}"));
        }
    }

    // Regions: one home region, matching the tenancy's.
    let homes: Vec<_> = s
        .region_subscriptions
        .iter()
        .filter(|r| r.is_home_region)
        .collect();
    if !s.region_subscriptions.is_empty()
        && (homes.len() != 1
            || Some(homes[0].region_key.as_str()) != s.tenancy.home_region_key.as_deref())
    {
        out.push("region subscriptions need exactly the tenancy's home region as home".into());
    }
    let subscribed = |region: &str| {
        s.region_subscriptions.is_empty()
            || s.region_subscriptions
                .iter()
                .any(|r| r.region_name == region)
    };

    // Domains: in live compartments, one Default, known license types, subscribed regions.
    let compartment_live =
        |id: &str| id == tenancy || s.compartment(id).is_some_and(|c| live(&c.lifecycle_state));
    let defaults = s.domains.iter().filter(|d| d.is_default()).count();
    if !s.domains.is_empty() && defaults != 1 {
        out.push(format!("{defaults} Default domains instead of one"));
    }
    let mut names = HashSet::new();
    for d in &s.domains {
        if !compartment_live(&d.compartment_id) {
            out.push(format!(
                "domain {} is in a missing compartment",
                d.display_name
            ));
        }
        if !names.insert(d.display_name.to_lowercase()) {
            out.push(format!("two domains named {}", d.display_name));
        }
        if !LICENSE_TYPES.contains(&d.license_type.as_str()) {
            out.push(format!(
                "domain {} has license type {}",
                d.display_name, d.license_type
            ));
        }
        if !subscribed(&d.home_region) {
            out.push(format!(
                "domain {} lives in an unsubscribed region",
                d.display_name
            ));
        }
        for r in &d.replica_regions {
            if !subscribed(&r.region) || r.region == d.home_region {
                out.push(format!(
                    "domain {} replicates to {}",
                    d.display_name, r.region
                ));
            }
        }
        let settled = matches!(
            d.lifecycle_state,
            LifecycleState::Active | LifecycleState::Inactive
        );
        if !settled || d.lifecycle_details.is_some() {
            out.push(format!("domain {} is mid-change in a seed", d.display_name));
        }
        if d.domain_type == DomainType::Default
            && (d.lifecycle_state != LifecycleState::Active || d.is_hidden_on_login)
        {
            out.push("the Default domain must be ACTIVE and shown at sign-in".into());
        }
    }

    // Identity providers, their groups and mappings.
    let mut idp_names = HashSet::new();
    for p in &s.identity_providers {
        if p.compartment_id != tenancy || p.protocol != "SAML2" {
            out.push(format!(
                "identity provider {} is not a SAML2 provider of the tenancy",
                p.name
            ));
        }
        if !["IDCS", "ADFS"].contains(&p.product_type.as_str()) {
            out.push(format!(
                "identity provider {} has product {}",
                p.name, p.product_type
            ));
        }
        if live(&p.lifecycle_state) && !idp_names.insert(p.name.to_lowercase()) {
            out.push(format!("two live identity providers named {}", p.name));
        }
    }
    let idp = |id: &str| s.identity_providers.iter().find(|p| p.id == id);
    for g in &s.identity_provider_groups {
        if idp(&g.identity_provider_id).is_none() {
            out.push(format!("IdP group {} names a missing provider", g.name));
        }
    }
    let mut pairs = HashSet::new();
    for m in &s.idp_group_mappings {
        match idp(&m.idp_id) {
            Some(p) if live(&p.lifecycle_state) => {}
            _ => out.push(format!(
                "mapping {} names a missing or DELETED provider",
                m.id
            )),
        }
        if !s
            .groups
            .iter()
            .any(|g| g.id == m.group_id && live(&g.lifecycle_state))
        {
            out.push(format!("mapping {} names a missing group", m.id));
        }
        let reported = s
            .identity_provider_groups
            .iter()
            .any(|g| g.identity_provider_id == m.idp_id && g.name == m.idp_group_name);
        if !reported {
            out.push(format!(
                "mapping {} maps an unreported group {}",
                m.id, m.idp_group_name
            ));
        }
        if m.compartment_id != tenancy || !pairs.insert((&m.idp_id, &m.idp_group_name, &m.group_id))
        {
            out.push(format!(
                "mapping {} is outside the tenancy or repeated",
                m.id
            ));
        }
    }

    // History: finished, failures explained, everything logged, nothing in the future.
    let all = history
        .classic
        .iter()
        .chain(&history.iam)
        .chain(&history.tagging);
    for w in all {
        out.extend(history_problems(w, now));
    }
    for w in &history.iam {
        if !IAM_OPERATIONS.contains(&w.operation_type.as_str()) {
            out.push(format!(
                "IAM work request {} does {}",
                w.id, w.operation_type
            ));
        }
    }
    out
}

fn history_problems(w: &WorkRequest, now: i64) -> Vec<String> {
    let mut out = Vec::new();
    if !w.status.is_finished() {
        out.push(format!("work request {} is not finished", w.id));
    }
    if w.status == WorkRequestStatus::Failed && w.errors.is_empty() {
        out.push(format!("failed work request {} says not why", w.id));
    }
    if w.logs.as_ref().is_none_or(Vec::is_empty) || w.resources.is_empty() {
        out.push(format!("work request {} has no logs or resources", w.id));
    }
    let times = w
        .time_accepted
        .iter()
        .chain(&w.time_finished)
        .chain(w.logs.iter().flatten().map(|l| &l.timestamp));
    for t in times {
        let parsed = time::OffsetDateTime::parse(t, &time::format_description::well_known::Rfc3339);
        if !parsed.is_ok_and(|p| p.unix_timestamp() < now) {
            out.push(format!(
                "work request {} time {t} is malformed or in the future",
                w.id
            ));
        }
    }
    out
}

#[test]
fn demo_has_domains_federation_regions_and_history() {
    let s = seed::demo();
    let names: Vec<&str> = s.domains.iter().map(|d| d.display_name.as_str()).collect();
    assert_eq!(names, ["Default", "Partners", "Legacy-Apps"]);
    let partners = &s.domains[1];
    assert_eq!(partners.domain_type, DomainType::Secondary);
    assert_eq!(partners.license_type, "external-user");
    assert_eq!(s.domains[2].lifecycle_state, LifecycleState::Inactive);
    let regions: Vec<&str> = s
        .region_subscriptions
        .iter()
        .map(|r| r.region_name.as_str())
        .collect();
    assert_eq!(regions, ["us-ashburn-1", "us-phoenix-1"]);

    assert_eq!(s.identity_providers.len(), 3);
    let live = s
        .identity_providers
        .iter()
        .filter(|p| p.lifecycle_state == LifecycleState::Active);
    assert_eq!(live.count(), 2);
    assert_eq!(s.identity_provider_groups.len(), 10);
    assert_eq!(s.idp_group_mappings.len(), 9);
    let administrators = s
        .groups
        .iter()
        .find(|g| g.name == "Administrators")
        .unwrap();
    assert!(
        s.idp_group_mappings
            .iter()
            .any(|m| m.group_id == administrators.id),
        "an IdP group grants Administrators"
    );

    let h = &s.work_request_history;
    for list in [&h.classic, &h.iam, &h.tagging] {
        let statuses: HashSet<_> = list.iter().map(|w| w.status.clone()).collect();
        assert!(statuses.contains(&WorkRequestStatus::Succeeded), "{list:?}");
        assert!(statuses.contains(&WorkRequestStatus::Failed), "{list:?}");
    }
}

#[test]
fn the_checker_catches_broken_domains_and_mappings() {
    let mut s = seed::demo();
    s.domains[1].domain_type = DomainType::Default;
    s.domains[2].home_region = "eu-frankfurt-1".into();
    s.idp_group_mappings[0].group_id = "ocid1.group.oc1..aaaaaaaamissing".into();
    s.work_request_history.iam[2].errors.clear();
    let found = all_problems(&s);
    for expected in [
        "2 Default domains",
        "unsubscribed region",
        "names a missing group",
        "says not why",
    ] {
        assert!(
            found.iter().any(|p| p.contains(expected)),
            "{expected} not reported: {found:#?}"
        );
    }
}

#[test]
fn an_older_snapshot_without_these_collections_still_loads() {
    let mut value: serde_json::Value =
        serde_json::to_value(seed::demo()).expect("the demo serialises");
    let object = value.as_object_mut().unwrap();
    for key in [
        "domains",
        "identityProviders",
        "identityProviderGroups",
        "idpGroupMappings",
        "regionSubscriptions",
        "workRequestHistory",
    ] {
        assert!(object.remove(key).is_some(), "{key} is in the demo");
    }
    let older: Snapshot = serde_json::from_value(value).expect("an older snapshot loads");
    assert!(older.domains.is_empty() && older.work_request_history.is_empty());
}
