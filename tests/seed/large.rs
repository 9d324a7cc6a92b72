//! The generated large tenancy: sizes, soundness and determinism.

use std::collections::HashSet;

use canopy::emulator::seed::{self, LARGE_ADMIN_USER, SeedSource, Targets};
use canopy::model::{LifecycleState, Snapshot};

use super::integrity::{max_depth, problems};

/// Within `tolerance` (a fraction) of `target`.
fn near(what: &str, actual: usize, target: usize, tolerance: f64) {
    let diff = (actual as f64 - target as f64).abs() / target as f64;
    assert!(
        diff <= tolerance,
        "{what}: {actual} is not within {tolerance} of {target}"
    );
}

fn counts_near(s: &Snapshot, t: &Targets, tolerance: f64) {
    let pairs = [
        ("compartments", s.compartments.len(), t.compartments),
        ("users", s.users.len(), t.users),
        ("groups", s.groups.len(), t.groups),
        ("memberships", s.memberships.len(), t.memberships),
        ("dynamic groups", s.dynamic_groups.len(), t.dynamic_groups),
        ("policies", s.policies.len(), t.policies),
        ("tag namespaces", s.tag_namespaces.len(), t.tag_namespaces),
        ("tag defaults", s.tag_defaults.len(), t.tag_defaults),
        (
            "sender invitations",
            s.sender_invitations.len(),
            t.sender_invitations,
        ),
    ];
    for (what, actual, target) in pairs {
        near(what, actual, target, tolerance);
    }
}

#[test]
fn large_one_is_sound_deterministic_and_the_promised_size() {
    let s = seed::large(1.0);
    let t = Targets::SCALE_ONE;
    assert_eq!(t.compartments, 2_000);
    assert_eq!(t.users, 20_000);
    assert_eq!(t.groups, 1_500);
    assert_eq!(t.memberships, 50_000);
    assert_eq!(t.policies, 4_000);
    assert_eq!(t.tag_namespaces, 200);
    assert_eq!(t.dynamic_groups, 100);
    counts_near(&s, &t, 0.1);
    let found = problems(&s);
    assert!(
        found.is_empty(),
        "{} problems, first: {:#?}",
        found.len(),
        &found[..found.len().min(20)]
    );
    let depth = max_depth(&s);
    assert!((5..=6).contains(&depth), "depth {depth}");
    // Same scale, same tenancy, field for field.
    assert!(seed::large(1.0) == s, "two runs of large:1 differ");
}

#[test]
fn large_tenth_is_small_and_sound() {
    let s = "large:0.1".parse::<SeedSource>().unwrap().load().unwrap();
    assert!(s.users.len() <= 2_200, "{} users", s.users.len());
    counts_near(&s, &Targets::at(0.1), 0.1);
    let found = problems(&s);
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn large_scales_linearly() {
    let t = Targets::at(2.5);
    assert_eq!(t.users, 50_000);
    assert_eq!(t.policies, 10_000);
    let tiny = Targets::at(0.0001);
    assert!(tiny.compartments >= 1 && tiny.users >= 1 && tiny.groups >= 2);
    let s = seed::large(0.0001);
    assert!(problems(&s).is_empty(), "{:#?}", problems(&s));
}

#[test]
fn large_has_an_administrator_and_lifecycle_variety() {
    let s = seed::large(0.3);
    let admin = seed::administrator(&s).expect("an administrator");
    assert_eq!(admin.name, LARGE_ADMIN_USER);
    assert_eq!(s.users[0].name, LARGE_ADMIN_USER);
    assert_eq!(s.groups[0].name, "Administrators");
    assert!(s.users.iter().any(canopy::model::User::is_blocked));
    assert!(
        s.users
            .iter()
            .any(|u| u.lifecycle_state == LifecycleState::Deleted)
    );
    assert!(
        s.compartments
            .iter()
            .any(|c| c.lifecycle_state == LifecycleState::Deleted)
    );
    assert!(s.tag_namespaces.iter().any(|n| n.is_retired));
    // Defined tags on compartments (their names and values are checked by `problems`).
    let tagged = s
        .compartments
        .iter()
        .filter(|c| !c.defined_tags.is_empty())
        .count();
    assert!(
        tagged * 5 > s.compartments.len(),
        "only {tagged} tagged compartments"
    );
    let cost = s.tags.iter().filter(|t| t.is_cost_tracking).count();
    assert!((1..=10).contains(&cost), "{cost} cost-tracking tags");
    let statuses: HashSet<_> = s
        .sender_invitations
        .iter()
        .map(|i| i.status.as_str())
        .collect();
    assert_eq!(statuses.len(), 4, "{statuses:?}");
}

#[test]
fn large_policies_name_existing_groups_and_compartments() {
    let s = seed::large(0.2);
    let groups: HashSet<_> = s.groups.iter().map(|g| g.name.as_str()).collect();
    let group_ids: HashSet<_> = s.groups.iter().map(|g| g.id.as_str()).collect();
    let dynamic: HashSet<_> = s.dynamic_groups.iter().map(|d| d.name.as_str()).collect();
    let live = |id: &str| {
        s.compartment(id)
            .is_some_and(|c| c.lifecycle_state != LifecycleState::Deleted)
    };
    let subject = regex::Regex::new(r"^Allow (group|dynamic-group|service) (.+?) to ").unwrap();
    let location =
        regex::Regex::new(r" in (tenancy|compartment id (\S+)|compartment (\S+))").unwrap();
    let mut forms = HashSet::new();
    for p in &s.policies {
        assert!(
            !p.statements.is_empty() && p.statements.len() <= 50,
            "{}",
            p.name
        );
        let base = s.compartment_path(&p.compartment_id);
        for st in &p.statements {
            let c = subject
                .captures(st)
                .unwrap_or_else(|| panic!("odd statement {st}"));
            for name in c[2].split(", ") {
                match (&c[1], name.strip_prefix("id ")) {
                    ("group", Some(id)) => assert!(group_ids.contains(id), "{st}"),
                    ("group", None) => assert!(groups.contains(name), "{st}"),
                    ("dynamic-group", _) => assert!(dynamic.contains(name), "{st}"),
                    _ => {}
                }
            }
            let l = location
                .captures(st)
                .unwrap_or_else(|| panic!("no location in {st}"));
            if let Some(id) = l.get(2) {
                assert!(live(id.as_str()), "{st}");
                forms.insert("compartment id");
            } else if let Some(path) = l.get(3) {
                let mut want = base.clone();
                want.extend(path.as_str().split(':').map(str::to_string));
                assert!(
                    s.compartments
                        .iter()
                        .any(|x| live(&x.id) && s.compartment_path(&x.id) == want),
                    "{st} attached at {base:?}"
                );
                forms.insert("compartment path");
            } else {
                forms.insert("tenancy");
            }
            if st.contains(" where ") {
                forms.insert("condition");
            }
            if st.contains(" to {") {
                forms.insert("permission list");
            }
            assert!(!(st.contains("manage all-resources in tenancy")), "{st}");
        }
    }
    assert_eq!(forms.len(), 5, "{forms:?}");
}
