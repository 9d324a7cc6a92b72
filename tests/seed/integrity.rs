//! Referential integrity and OCI's uniqueness rules, checked on any snapshot; returns every
//! problem found so a failure names all of them at once.

use std::collections::{HashMap, HashSet};

use canopy::model::{LifecycleState, Snapshot, TagValidator};

/// OCID shape of both seeds: `ocid1.<type>.oc1..aaaaaaaa` and 52 lower-case base32 characters.
pub fn is_realistic_ocid(id: &str) -> bool {
    let Some(rest) = id.strip_prefix("ocid1.") else {
        return false;
    };
    let Some((kind, tail)) = rest.split_once(".oc1..aaaaaaaa") else {
        return false;
    };
    // Kinds are lower-case words, some with digits (`saml2idp`).
    kind.starts_with(|c: char| c.is_ascii_lowercase())
        && kind
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        && tail.len() == 52
        && tail
            .chars()
            .all(|c| c.is_ascii_lowercase() || ('2'..='7').contains(&c))
}

/// 2026-11-21T00:00:00Z: nothing in a seed happens after this.
const SEED_NOW: i64 = 1_795_219_200;

fn live(state: &LifecycleState) -> bool {
    *state != LifecycleState::Deleted
}

/// Every problem with references, names and ids in `s`; empty when the snapshot is sound.
pub fn problems(s: &Snapshot) -> Vec<String> {
    let mut out = Vec::new();
    let tenancy = s.tenancy.id.as_str();

    // Every OCID is realistic and unique across the whole tenancy.
    let mut seen = HashSet::new();
    let ids = std::iter::once(tenancy)
        .chain(s.compartments.iter().map(|c| c.id.as_str()))
        .chain(s.users.iter().map(|u| u.id.as_str()))
        .chain(s.groups.iter().map(|g| g.id.as_str()))
        .chain(s.memberships.iter().map(|m| m.id.as_str()))
        .chain(s.dynamic_groups.iter().map(|d| d.id.as_str()))
        .chain(s.policies.iter().map(|p| p.id.as_str()))
        .chain(s.tag_namespaces.iter().map(|n| n.id.as_str()))
        .chain(s.tags.iter().map(|t| t.id.as_str()))
        .chain(s.tag_defaults.iter().map(|d| d.id.as_str()))
        .chain(s.sender_invitations.iter().map(|i| i.id.as_str()));
    for id in ids {
        if !is_realistic_ocid(id) {
            out.push(format!("unrealistic OCID {id}"));
        }
        if !seen.insert(id) {
            out.push(format!("duplicate OCID {id}"));
        }
    }

    // Compartments: parents exist, no cycles, DELETED ones are leaves, sibling names unique.
    let compartments: HashMap<&str, _> =
        s.compartments.iter().map(|c| (c.id.as_str(), c)).collect();
    let mut sibling_names = HashSet::new();
    for c in &s.compartments {
        if c.compartment_id != tenancy && !compartments.contains_key(c.compartment_id.as_str()) {
            out.push(format!("compartment {} has a missing parent", c.name));
        }
        if s.compartment_path(&c.id).len() > s.compartments.len() || !reaches_root(s, &c.id) {
            out.push(format!("compartment {} does not reach the tenancy", c.name));
        }
        if live(&c.lifecycle_state)
            && !sibling_names.insert((c.compartment_id.as_str(), c.name.to_lowercase()))
        {
            out.push(format!(
                "two live compartments named {} under one parent",
                c.name
            ));
        }
        if let Some(parent) = compartments.get(c.compartment_id.as_str())
            && !live(&parent.lifecycle_state)
            && live(&c.lifecycle_state)
        {
            out.push(format!(
                "DELETED compartment {} has live child {}",
                parent.name, c.name
            ));
        }
    }
    let live_compartment = |id: &str| {
        id == tenancy
            || compartments
                .get(id)
                .is_some_and(|c| live(&c.lifecycle_state))
    };

    // Tenancy-wide unique names (case-insensitive, as OCI compares them) among live objects.
    unique(
        &mut out,
        "user",
        s.users
            .iter()
            .filter(|u| live(&u.lifecycle_state))
            .map(|u| &u.name),
    );
    unique(
        &mut out,
        "group",
        s.groups
            .iter()
            .filter(|g| live(&g.lifecycle_state))
            .map(|g| &g.name),
    );
    unique(
        &mut out,
        "dynamic group",
        s.dynamic_groups
            .iter()
            .filter(|d| live(&d.lifecycle_state))
            .map(|d| &d.name),
    );
    unique(
        &mut out,
        "policy",
        s.policies
            .iter()
            .filter(|p| live(&p.lifecycle_state))
            .map(|p| &p.name),
    );
    unique(
        &mut out,
        "tag namespace",
        s.tag_namespaces.iter().map(|n| &n.name),
    );
    for u in &s.users {
        if u.compartment_id != tenancy {
            out.push(format!("user {} is not in the tenancy", u.name));
        }
    }
    for g in &s.groups {
        if g.compartment_id != tenancy {
            out.push(format!("group {} is not in the tenancy", g.name));
        }
    }

    // Memberships: both ends exist and are not deleted, one per pair.
    let users: HashMap<&str, _> = s.users.iter().map(|u| (u.id.as_str(), u)).collect();
    let groups: HashMap<&str, _> = s.groups.iter().map(|g| (g.id.as_str(), g)).collect();
    let mut pairs = HashSet::new();
    for m in &s.memberships {
        match users.get(m.user_id.as_str()) {
            None => out.push(format!("membership {} names a missing user", m.id)),
            Some(u) if !live(&u.lifecycle_state) => {
                out.push(format!("membership {} names DELETED user {}", m.id, u.name));
            }
            Some(_) => {}
        }
        if !groups.contains_key(m.group_id.as_str()) {
            out.push(format!("membership {} names a missing group", m.id));
        }
        if m.compartment_id != tenancy {
            out.push(format!("membership {} is not in the tenancy", m.id));
        }
        if !pairs.insert((m.user_id.as_str(), m.group_id.as_str())) {
            out.push(format!("membership {} repeats a user/group pair", m.id));
        }
    }

    // Dynamic groups: every compartment OCID a matching rule names exists.
    for d in &s.dynamic_groups {
        for id in ocids_in(&d.matching_rule, "ocid1.compartment.") {
            if !compartments.contains_key(id) {
                out.push(format!(
                    "dynamic group {} names missing compartment {id}",
                    d.name
                ));
            }
        }
    }

    // Policies hang off live compartments and are never empty.
    for p in &s.policies {
        if !live_compartment(&p.compartment_id) && live(&p.lifecycle_state) {
            out.push(format!(
                "policy {} is attached to a missing or DELETED compartment",
                p.name
            ));
        }
        if p.statements.is_empty() {
            out.push(format!("policy {} has no statements", p.name));
        }
    }

    // Tags: namespace exists and agrees by name, names unique per namespace.
    let namespaces: HashMap<&str, _> = s
        .tag_namespaces
        .iter()
        .map(|n| (n.id.as_str(), n))
        .collect();
    let mut tag_names = HashSet::new();
    for n in &s.tag_namespaces {
        if !live_compartment(&n.compartment_id) {
            out.push(format!(
                "tag namespace {} is in a missing compartment",
                n.name
            ));
        }
    }
    for t in &s.tags {
        let ns = t
            .tag_namespace_id
            .as_deref()
            .and_then(|id| namespaces.get(id));
        match ns {
            None => out.push(format!("tag {} has a missing namespace", t.name)),
            Some(ns) if t.tag_namespace_name.as_deref() != Some(ns.name.as_str()) => {
                out.push(format!(
                    "tag {} disagrees with its namespace's name",
                    t.name
                ));
            }
            Some(_) => {}
        }
        if !tag_names.insert((t.tag_namespace_id.clone(), t.name.to_lowercase())) {
            out.push(format!("two tags named {} in one namespace", t.name));
        }
    }
    let tags: HashMap<&str, _> = s.tags.iter().map(|t| (t.id.as_str(), t)).collect();
    for d in &s.tag_defaults {
        match tags.get(d.tag_definition_id.as_str()) {
            None => out.push(format!("tag default {} names a missing tag", d.id)),
            Some(t) => {
                if t.tag_namespace_id.as_deref() != Some(d.tag_namespace_id.as_str()) {
                    out.push(format!("tag default {} names the wrong namespace", d.id));
                }
                if t.name != d.tag_definition_name {
                    out.push(format!("tag default {} names its tag wrongly", d.id));
                }
                if !accepts(t.validator.as_ref(), &d.value) {
                    out.push(format!(
                        "tag default {} value {} is not allowed",
                        d.id, d.value
                    ));
                }
            }
        }
        if !namespaces.contains_key(d.tag_namespace_id.as_str()) {
            out.push(format!("tag default {} names a missing namespace", d.id));
        }
        if !live_compartment(&d.compartment_id) {
            out.push(format!(
                "tag default {} is on a missing or DELETED compartment",
                d.id
            ));
        }
    }

    // Defined tags on compartments name real namespaces and tags with allowed values.
    let by_name: HashMap<(&str, &str), _> = s
        .tags
        .iter()
        .filter_map(|t| Some(((t.tag_namespace_name.as_deref()?, t.name.as_str()), t)))
        .collect();
    for c in &s.compartments {
        for (ns, keys) in &c.defined_tags {
            for (key, value) in keys {
                match by_name.get(&(ns.as_str(), key.as_str())) {
                    None => out.push(format!(
                        "compartment {} uses unknown tag {ns}.{key}",
                        c.name
                    )),
                    Some(t) => {
                        if !value
                            .as_str()
                            .is_some_and(|v| accepts(t.validator.as_ref(), v))
                        {
                            out.push(format!(
                                "compartment {} has a bad value for {ns}.{key}",
                                c.name
                            ));
                        }
                    }
                }
            }
        }
    }

    // Times are RFC 3339 and in the past of the seeds' "now" (2026-11-21); logins in order.
    let times = s
        .compartments
        .iter()
        .map(|c| c.time_created.as_str())
        .chain(s.users.iter().map(|u| u.time_created.as_str()))
        .chain(s.groups.iter().map(|g| g.time_created.as_str()))
        .chain(s.memberships.iter().map(|m| m.time_created.as_str()))
        .chain(s.dynamic_groups.iter().map(|d| d.time_created.as_str()))
        .chain(s.policies.iter().map(|p| p.time_created.as_str()))
        .chain(s.tag_namespaces.iter().map(|n| n.time_created.as_str()))
        .chain(s.tags.iter().map(|t| t.time_created.as_str()))
        .chain(s.tag_defaults.iter().map(|d| d.time_created.as_str()))
        .chain(s.sender_invitations.iter().map(|i| i.time_created.as_str()))
        .chain(
            s.users
                .iter()
                .filter_map(|u| u.last_successful_login_time.as_deref()),
        );
    for t in times {
        let parsed = time::OffsetDateTime::parse(t, &time::format_description::well_known::Rfc3339);
        if !parsed.is_ok_and(|p| p.unix_timestamp() < SEED_NOW) {
            out.push(format!("time {t} is malformed or in the future"));
        }
    }
    for u in &s.users {
        if let (Some(last), Some(previous)) = (
            &u.last_successful_login_time,
            &u.previous_successful_login_time,
        ) && previous >= last
        {
            out.push(format!(
                "user {} logged in previously after the last time",
                u.name
            ));
        }
    }

    for i in &s.sender_invitations {
        if i.compartment_id != tenancy {
            out.push(format!(
                "sender invitation {} is not in the tenancy",
                i.display_name
            ));
        }
    }
    out.extend(super::domains::problems(s, &seen, SEED_NOW));
    out.extend(super::tag_tools::problems(s, &seen));
    out
}

fn reaches_root(s: &Snapshot, id: &str) -> bool {
    let mut current = id;
    for _ in 0..=s.compartments.len() {
        if current == s.tenancy.id {
            return true;
        }
        match s.compartment(current) {
            Some(c) => current = &c.compartment_id,
            None => return false,
        }
    }
    false
}

fn unique<'a>(out: &mut Vec<String>, what: &str, names: impl Iterator<Item = &'a String>) {
    let mut seen = HashSet::new();
    for name in names {
        if !seen.insert(name.to_lowercase()) {
            out.push(format!("two {what}s named {name}"));
        }
    }
}

/// Tag-default variables such as `${iam.principal.name}` are filled in by the service.
fn accepts(validator: Option<&TagValidator>, value: &str) -> bool {
    match validator {
        Some(TagValidator::Enum { values }) => {
            value.starts_with("${") || values.iter().any(|v| v == value)
        }
        _ => true,
    }
}

/// OCIDs starting with `prefix` inside free text such as a matching rule.
pub fn ocids_in<'a>(text: &'a str, prefix: &str) -> Vec<&'a str> {
    text.match_indices(prefix)
        .map(|(at, _)| {
            let rest = &text[at..];
            let end = rest
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '.'))
                .unwrap_or(rest.len());
            &rest[..end]
        })
        .collect()
}

/// Longest compartment path (root children have depth 1).
pub fn max_depth(s: &Snapshot) -> usize {
    s.compartments
        .iter()
        .map(|c| s.compartment_path(&c.id).len())
        .max()
        .unwrap_or(0)
}
