//! `canopy access-diff`: access gained and lost between two snapshots, coverage-aware (a
//! grant an older broader one covers is not new), memberships counted, and the exit status
//! `--fail-on-new-access` gives a pipeline.

use canopy::emulator::seed;
use canopy::model::Snapshot;
use canopy::policy::access_diff::{access_diff, policy_edit};

use super::cli_run;

fn policy_mut<'a>(s: &'a mut Snapshot, name: &str) -> &'a mut Vec<String> {
    &mut s
        .policies
        .iter_mut()
        .find(|p| p.name == name)
        .unwrap_or_else(|| panic!("no policy {name}"))
        .statements
}

/// The demo with a known delta: one new grant, one grant already covered, one deny lifted,
/// one grant narrowed, one new member of Administrators.
fn changed() -> Snapshot {
    let mut s = seed::demo();
    policy_mut(&mut s, "helpdesk").push("Allow group Helpdesk to use users in tenancy".into());
    // `any-user read buckets in tenancy` already covers this.
    policy_mut(&mut s, "developers-dev")
        .push("Allow group Developers to read buckets in compartment Sandbox".into());
    policy_mut(&mut s, "warehouse-access").truncate(2);
    *policy_mut(&mut s, "network-admins") = vec![
        "Allow group NetworkAdmins to manage virtual-network-family in compartment Shared:Network"
            .into(),
        "Allow group NetworkAdmins to manage virtual-network-family in compartment Prod:Network"
            .into(),
        "Allow group NetworkAdmins to manage dns in compartment Shared:Network:DNS".into(),
        "Allow group NetworkAdmins to manage load-balancers in compartment Prod".into(),
        "Allow group NetworkAdmins to read all-resources in compartment Shared".into(),
    ];
    let id = |name: &str, s: &Snapshot| {
        s.users
            .iter()
            .map(|u| (&u.name, u.id.as_str()))
            .chain(s.groups.iter().map(|g| (&g.name, g.id.as_str())))
            .find(|(n, _)| *n == name)
            .map(|(_, id)| id.to_string())
            .expect("known name")
    };
    let mut m = s.memberships[0].clone();
    m.id = "ocid1.groupmembership.oc1..aaaaaaaanewadmin".into();
    m.group_id = id("Administrators", &s).into();
    m.user_id = id("grace.liu@acme-corp.com", &s).into();
    s.memberships.push(m);
    s
}

#[test]
fn a_known_delta_is_reported_exactly() {
    let diff = access_diff(&seed::demo(), &changed());
    let gained: Vec<String> = diff.gained.iter().map(ToString::to_string).collect();
    assert_eq!(
        gained,
        [
            "group Helpdesk use users in tenancy",
            "deny group Contractors manage all-resources in Prod:Data:Warehouse:Sensitive",
        ]
    );
    let lost: Vec<String> = diff.lost.iter().map(ToString::to_string).collect();
    assert_eq!(lost, ["group NetworkAdmins read all-resources in tenancy"]);
    assert_eq!(diff.joined.len(), 1);
    assert_eq!(diff.joined[0].user, "grace.liu@acme-corp.com");
    assert_eq!(diff.joined[0].group, "Administrators");
    assert!(diff.left.is_empty());
    assert!(diff.grants_new_access());
    assert_eq!(
        diff.verdict(),
        "grants new access: group Helpdesk use users in tenancy (and 2 more)"
    );
}

#[test]
fn moving_splitting_and_narrowing_grants_is_no_new_access() {
    let mut after = seed::demo();
    // Split a subject list, narrow a verb, and restate a grant from its own compartment.
    *policy_mut(&mut after, "db-admins") = vec![
        "Allow group DBAdmins to manage database-family in compartment Prod:Data".into(),
        "Allow group DBAdmins to manage database-family in compartment Staging:Data".into(),
        "Allow group DataEngineers to read database-family in compartment Staging:Data".into(),
    ];
    let diff = access_diff(&seed::demo(), &after);
    assert_eq!(diff.verdict(), "grants no new access", "{diff:#?}");
    assert!(!diff.lost.is_empty(), "narrowing loses access: {diff:#?}");
}

#[test]
fn a_policy_edit_gets_the_same_verdict() {
    let demo = seed::demo();
    let policy = demo
        .policies
        .iter()
        .find(|p| p.name == "helpdesk")
        .expect("helpdesk");
    let mut after = policy.statements.clone();
    assert_eq!(
        policy_edit(&demo, &policy.id, &policy.statements, &after).verdict(),
        "grants no new access"
    );
    after.push("Allow group Helpdesk to manage groups in tenancy".into());
    assert_eq!(
        policy_edit(&demo, &policy.id, &policy.statements, &after).verdict(),
        "grants new access: group Helpdesk manage groups in tenancy"
    );
}

#[test]
fn the_command_prints_the_delta_and_gates_on_new_access() {
    let dir = tempfile::tempdir().expect("temp dir");
    let old = dir.path().join("old.json");
    let new = dir.path().join("new.json");
    std::fs::write(&old, serde_json::to_string(&seed::demo()).expect("json")).expect("write");
    std::fs::write(&new, serde_json::to_string(&changed()).expect("json")).expect("write");
    let (old, new) = (old.to_str().expect("utf-8"), new.to_str().expect("utf-8"));
    let out = cli_run(&["access-diff", old, new]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.starts_with("Access gained (2):\n"), "{text}");
    assert!(text.contains("+ group Helpdesk use users in tenancy  [policy helpdesk]"));
    assert!(text.contains("Access lost (1):\n- group NetworkAdmins read all-resources in tenancy"));
    assert!(text.contains("+ grace.liu@acme-corp.com joins group Administrators"));
    assert!(String::from_utf8_lossy(&out.stderr).contains("grants new access: "));
    let gate = cli_run(&["access-diff", old, new, "--fail-on-new-access"]);
    assert_eq!(gate.status.code(), Some(1));
    // The reverse only loses access: the gate passes.
    let back = cli_run(&[
        "access-diff",
        new,
        old,
        "--fail-on-new-access",
        "--format",
        "json",
    ]);
    let json: serde_json::Value = serde_json::from_slice(&back.stdout).expect("json");
    assert_eq!(json["lost"].as_array().map(Vec::len), Some(2), "{json}");
    assert_eq!(
        back.status.code(),
        Some(1),
        "lifting NetworkAdmins' read again is new access"
    );
    let same = cli_run(&["access-diff", old, old, "--fail-on-new-access"]);
    assert_eq!(same.status.code(), Some(0));
    assert_eq!(
        String::from_utf8_lossy(&same.stdout),
        "No change in access.\n"
    );
    let missing = cli_run(&["access-diff", old, "/nonexistent.json"]);
    assert_ne!(missing.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("/nonexistent.json"));
}
