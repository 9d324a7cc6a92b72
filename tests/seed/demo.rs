//! The demo tenancy: believable sizes, sound references, and the deliberate problems that
//! docs/seed.md promises the audit will find.

use std::collections::BTreeSet;

use canopy::emulator::seed::{self, DEMO_ADMIN_USER, SeedSource};
use canopy::model::{InvitationStatus, LifecycleState, Snapshot, TagValidator};

use super::integrity::{max_depth, problems};

fn in_range(what: &str, n: usize, lo: usize, hi: usize) {
    assert!((lo..=hi).contains(&n), "{what}: {n} not in {lo}..={hi}");
}

#[test]
fn demo_counts_are_in_the_promised_ranges() {
    let s = seed::demo();
    assert_eq!(s.tenancy.name, "acme-corp");
    assert_eq!(s.tenancy.home_region_key.as_deref(), Some("IAD"));
    in_range("compartments", s.compartments.len(), 25, 40);
    in_range("users", s.users.len(), 35, 45);
    in_range("groups", s.groups.len(), 10, 14);
    in_range("memberships", s.memberships.len(), 70, 90);
    assert_eq!(s.dynamic_groups.len(), 3);
    in_range("policies", s.policies.len(), 20, 30);
    assert_eq!(s.tag_namespaces.len(), 3);
    in_range("tag defaults", s.tag_defaults.len(), 3, 10);
    assert_eq!(s.sender_invitations.len(), 4);
    in_range("compartment depth", max_depth(&s), 4, 5);
}

#[test]
fn demo_references_and_names_are_sound() {
    let found = problems(&seed::demo());
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn demo_is_what_seed_demo_loads() {
    let loaded = "demo".parse::<SeedSource>().unwrap().load().unwrap();
    assert_eq!(loaded, seed::demo());
}

#[test]
fn demo_has_inactive_and_deleted_objects() {
    let s = seed::demo();
    let states = |state: LifecycleState| {
        s.compartments
            .iter()
            .filter(|c| c.lifecycle_state == state)
            .count()
    };
    assert!(states(LifecycleState::Inactive) >= 1);
    assert!(states(LifecycleState::Deleted) >= 1);
    for c in s
        .compartments
        .iter()
        .filter(|c| c.lifecycle_state == LifecycleState::Deleted)
    {
        assert!(
            !s.compartments
                .iter()
                .any(|child| child.compartment_id == c.id),
            "DELETED compartment {} has children",
            c.name
        );
    }
    let blocked: Vec<_> = s.users.iter().filter(|u| u.is_blocked()).collect();
    in_range("blocked users", blocked.len(), 1, 2);
    for u in blocked {
        assert_eq!(u.lifecycle_state, LifecycleState::Inactive);
        assert_eq!(u.inactive_status, Some(4));
    }
    let deleted = s
        .users
        .iter()
        .filter(|u| u.lifecycle_state == LifecycleState::Deleted)
        .count();
    assert_eq!(deleted, 1);
    assert!(
        s.policies
            .iter()
            .any(|p| p.lifecycle_state == LifecycleState::Deleted)
    );
}

#[test]
fn demo_users_look_like_people_and_service_accounts() {
    let s = seed::demo();
    let humans = s.users.iter().filter(|u| u.email.is_some()).count();
    assert!(humans >= 30, "only {humans} users have e-mail addresses");
    assert!(s.users.iter().any(|u| !u.is_mfa_activated));
    assert!(
        s.users
            .iter()
            .any(|u| u.last_successful_login_time.is_none())
    );
    assert!(s.users.iter().any(|u| {
        u.capabilities
            .as_ref()
            .is_some_and(|c| !c.can_use_console_password)
    }));
    for u in &s.users {
        assert!(
            !u.description.is_empty(),
            "user {} has no description",
            u.name
        );
    }
}

#[test]
fn demo_contains_terminal_escape_sequences_in_names() {
    let s = seed::demo();
    let users = s
        .users
        .iter()
        .filter(|u| u.name.contains('\u{1b}') || u.description.contains('\u{1b}'))
        .count();
    let groups = s
        .groups
        .iter()
        .filter(|g| g.name.contains('\u{1b}') || g.description.contains('\u{1b}'))
        .count();
    assert!(users >= 1, "no user carries an escape sequence");
    assert!(groups >= 1, "no group carries an escape sequence");
    // The OSC title-setting form, the nastier one for a terminal.
    assert!(s.users.iter().any(|u| u.description.contains("\u{1b}]0;")));
}

#[test]
fn demo_administrator_owns_the_first_slots() {
    let s = seed::demo();
    assert_eq!(s.groups[0].name, "Administrators");
    assert_eq!(s.users[0].name, DEMO_ADMIN_USER);
    let admin = seed::administrator(&s).expect("the demo has an administrator");
    assert_eq!(admin.name, DEMO_ADMIN_USER);
    assert!(admin.is_mfa_activated);
}

#[test]
fn demo_tags_cover_validators_retirement_and_cost_tracking() {
    let s = seed::demo();
    let retired = s.tag_namespaces.iter().filter(|n| n.is_retired).count();
    assert_eq!(retired, 1);
    assert!(s.tags.iter().any(|t| t.is_cost_tracking));
    assert!(
        s.tags
            .iter()
            .any(|t| matches!(t.validator, Some(TagValidator::Enum { .. })))
    );
    assert!(
        s.tags
            .iter()
            .any(|t| matches!(t.validator, Some(TagValidator::Default)))
    );
    for n in &s.tag_namespaces {
        assert!(
            s.tags
                .iter()
                .any(|t| t.tag_namespace_id.as_deref() == Some(n.id.as_str())),
            "namespace {} has no tags",
            n.name
        );
    }
}

#[test]
fn demo_invitations_are_in_four_different_states() {
    let s = seed::demo();
    let statuses: BTreeSet<_> = s
        .sender_invitations
        .iter()
        .map(|i| i.status.clone())
        .collect();
    let expected: BTreeSet<_> = [
        InvitationStatus::Pending,
        InvitationStatus::Accepted,
        InvitationStatus::Canceled,
        InvitationStatus::Expired,
    ]
    .into();
    assert_eq!(statuses, expected);
}

#[test]
fn demo_dynamic_groups_reference_real_compartments() {
    let s = seed::demo();
    for d in &s.dynamic_groups {
        let ids = super::integrity::ocids_in(&d.matching_rule, "ocid1.compartment.");
        assert!(!ids.is_empty(), "{} names no compartment", d.name);
        for id in ids {
            assert!(s.compartment(id).is_some(), "{} names {id}", d.name);
        }
    }
    assert!(
        s.dynamic_groups
            .iter()
            .any(|d| d.matching_rule.contains("resource.type = 'fnfunc'"))
    );
}

fn policy<'a>(s: &'a Snapshot, name: &str) -> &'a canopy::model::Policy {
    s.policies
        .iter()
        .find(|p| p.name == name)
        .unwrap_or_else(|| panic!("no policy {name}"))
}

/// A name-level reading of each Allow/Deny statement, enough to find dangling group names
/// and compartment paths without the policy engine.
fn dangling_references(s: &Snapshot) -> BTreeSet<String> {
    let mut groups: BTreeSet<_> = s.groups.iter().map(|g| g.name.to_lowercase()).collect();
    let mut dynamic: BTreeSet<_> = s
        .dynamic_groups
        .iter()
        .map(|d| d.name.to_lowercase())
        .collect();
    // Other domains' groups, as a policy names them: 'Domain'/'Name'.
    for dir in &s.domain_directories {
        let domain = &s
            .domains
            .iter()
            .find(|d| d.id == dir.domain_id)
            .unwrap()
            .display_name;
        let qualified = |name: &str| format!("'{domain}'/'{name}'").to_lowercase();
        groups.extend(dir.groups.iter().map(|g| qualified(&g.name)));
        dynamic.extend(dir.dynamic_groups.iter().map(|g| qualified(&g.name)));
    }
    let subject = regex::Regex::new(r"(?i)^(allow|deny) (group|dynamic-group) (.+?) to ").unwrap();
    let location = regex::Regex::new(r"(?i) in compartment ([A-Za-z0-9._:-]+)").unwrap();
    let mut out = BTreeSet::new();
    for p in s
        .policies
        .iter()
        .filter(|p| p.lifecycle_state == LifecycleState::Active)
    {
        let base = s.compartment_path(&p.compartment_id);
        for st in &p.statements {
            if let Some(c) = subject.captures(st) {
                let known = if c[2].eq_ignore_ascii_case("group") {
                    &groups
                } else {
                    &dynamic
                };
                for name in c[3].split(',').map(str::trim) {
                    if !name.starts_with("id ") && !known.contains(&name.to_lowercase()) {
                        out.insert(format!("{}: {} {name}", p.name, &c[2]));
                    }
                }
            }
            if let Some(c) = location.captures(st) {
                if &c[1] == "id" {
                    continue;
                }
                let mut path = base.clone();
                path.extend(c[1].split(':').map(str::to_string));
                let exists = s.compartments.iter().any(|x| {
                    x.lifecycle_state != LifecycleState::Deleted
                        && s.compartment_path(&x.id) == path
                });
                if !exists {
                    out.insert(format!("{}: compartment {}", p.name, &c[1]));
                }
            }
        }
    }
    out
}

#[test]
fn demo_policies_dangle_only_where_docs_say_so() {
    let s = seed::demo();
    let expected: BTreeSet<String> = [
        "qa-access: group QA-Engineers",
        "data-engineering: compartment Prod:Data:Lakehouse",
    ]
    .into_iter()
    .map(String::from)
    .collect();
    assert_eq!(dangling_references(&s), expected);
}

#[test]
fn demo_policies_hold_the_documented_deliberate_problems() {
    let s = seed::demo();
    // Full admin for a group that is not Administrators.
    assert!(
        policy(&s, "platform-engineering")
            .statements
            .iter()
            .any(|st| st == "Allow group PlatformEngineering to manage all-resources in tenancy")
    );
    // An any-user grant without a condition.
    assert!(
        policy(&s, "legacy-public-read")
            .statements
            .iter()
            .any(|st| st.starts_with("Allow any-user") && !st.contains(" where "))
    );
    // A syntax error: Allow without `to`.
    assert!(
        policy(&s, "contractors")
            .statements
            .iter()
            .any(|st| st.starts_with("Allow group Contractors manage"))
    );
    // A statement repeated verbatim.
    let db = &policy(&s, "db-admins").statements;
    let distinct: BTreeSet<_> = db.iter().collect();
    assert_eq!(distinct.len() + 1, db.len());
    // `inspect users in tenancy` made redundant by `inspect all-resources in tenancy`.
    let auditors = &policy(&s, "security-auditors").statements;
    assert!(
        auditors
            .iter()
            .any(|st| st.contains("inspect all-resources in tenancy"))
    );
    assert!(
        auditors
            .iter()
            .any(|st| st.contains("inspect users in tenancy"))
    );
    // Define/Endorse/Admit together at the root.
    let partner = policy(&s, "partner-audit");
    assert_eq!(partner.compartment_id, s.tenancy.id);
    for kind in ["Define", "Admit", "Endorse"] {
        assert!(
            partner.statements.iter().any(|st| st.starts_with(kind)),
            "{kind}"
        );
    }
    // Policies are attached at several levels, not only the root.
    let levels: BTreeSet<_> = s
        .policies
        .iter()
        .map(|p| s.compartment_path(&p.compartment_id).len())
        .collect();
    assert!(levels.len() >= 4, "policies only at depths {levels:?}");
}

#[test]
fn integrity_check_catches_each_kind_of_breakage() {
    let mut s = seed::demo();
    // A membership pointing at a group that does not exist.
    s.memberships[0].group_id = "ocid1.group.oc1..aaaaaaaamissing".into();
    // A live child under a DELETED compartment.
    let deleted = s
        .compartments
        .iter()
        .find(|c| c.lifecycle_state == LifecycleState::Deleted)
        .unwrap()
        .id
        .clone();
    s.compartments[0].compartment_id = deleted;
    // Two users with one name, differing only in case.
    s.users[1].name = s.users[0].name.to_uppercase();
    // A tag default naming a tag that does not exist.
    s.tag_defaults[0].tag_definition_id = "ocid1.tagdefinition.oc1..x".into();
    // A creation time in the future.
    s.policies[0].time_created = "2027-01-01T00:00:00.000Z".into();
    // An OCID that is not shaped like a real one.
    s.users[2].id = "ocid1.user.oc1..short".into();
    let found = problems(&s).join("\n");
    for expected in [
        "names a missing group",
        "has live child",
        "two users named",
        "names a missing tag",
        "unrealistic OCID ocid1.user.oc1..short",
        "time 2027-01-01T00:00:00.000Z is malformed or in the future",
    ] {
        assert!(found.contains(expected), "{expected} not in:\n{found}");
    }
}
