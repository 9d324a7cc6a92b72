//! Escalation paths (`canopy audit --escalation`): the paths planted in the demo tenancy are
//! found with the members who can take them, extra grants add the chains they open, and a
//! deny or a condition closes them as OCI would.

use canopy::emulator::seed;
use canopy::model::{LifecycleState, Policy, Snapshot};
use canopy::policy::EffectiveIndex;
use canopy::policy::escalation::{EscalationPath, PathKind, analyse, render};

use super::cli_run;

fn paths(snapshot: &Snapshot) -> Vec<EscalationPath> {
    analyse(&EffectiveIndex::build(snapshot))
}

fn find<'a>(
    paths: &'a [EscalationPath],
    principal: &str,
    kind: PathKind,
) -> Vec<&'a EscalationPath> {
    paths
        .iter()
        .filter(|p| p.principal == principal && p.kind == kind)
        .collect()
}

fn with_statements(mut snapshot: Snapshot, statements: &[&str]) -> Snapshot {
    snapshot.policies.push(Policy {
        id: "ocid1.policy.oc1..aaaaaaaaescalation".into(),
        compartment_id: snapshot.tenancy.id.clone(),
        name: "escalation-test".into(),
        statements: statements.iter().map(ToString::to_string).collect(),
        description: String::new(),
        time_created: String::new(),
        lifecycle_state: LifecycleState::Active,
        inactive_status: None,
        version_date: None,
        freeform_tags: std::collections::BTreeMap::default(),
        defined_tags: std::collections::BTreeMap::default(),
    });
    snapshot
}

#[test]
fn the_demo_tenancys_planted_paths_are_found_with_their_members() {
    let found = paths(&seed::demo());
    // PlatformEngineering's `manage all-resources in tenancy` opens every IAM chain.
    for kind in [
        PathKind::JoinAdministrators,
        PathKind::WriteAnyGrant,
        PathKind::TakeOverUser,
    ] {
        let p = find(&found, "group PlatformEngineering", kind);
        assert_eq!(p.len(), 1, "{kind:?}: {found:#?}");
        assert!(p[0].certain);
        assert_eq!(
            p[0].members,
            [
                "david.kim@acme-corp.com",
                "fatima.zahra@acme-corp.com",
                "kenji.watanabe@acme-corp.com",
                "svc-terraform"
            ]
        );
        assert_eq!(p[0].granted_by[0].policy, "platform-engineering");
    }
    let join = &find(
        &found,
        "group PlatformEngineering",
        PathKind::JoinAdministrators,
    )[0];
    assert_eq!(
        join.reaches,
        [
            "Administrators (manage all-resources in tenancy): IdP group OCI_Administrators of OracleIdentityCloudService, ana.ortiz@acme-corp.com, breakglass-admin, david.kim@acme-corp.com"
        ]
    );
    // AppOps may launch instances in Prod:AppTier, which prod-app-instances matches.
    let appops = find(&found, "group AppOps", PathKind::ActAsDynamicGroup);
    assert_eq!(appops.len(), 1, "{found:#?}");
    assert!(appops[0].chain[0].contains("Prod:AppTier"));
    assert!(appops[0].reaches[0].starts_with("dynamic group prod-app-instances: "));
    assert!(
        appops[0]
            .members
            .contains(&"marcus.webb@acme-corp.com".to_string())
    );
    // Developers and AppOps may tag an instance Operations.Role = 'etl' (warehouse-loaders).
    for group in ["group AppOps", "group Developers"] {
        let tagged = find(&found, group, PathKind::TagIntoDynamicGroup);
        assert_eq!(tagged.len(), 1, "{group}: {found:#?}");
        assert!(tagged[0].certain, "{:#?}", tagged[0]);
        assert!(
            tagged[0]
                .chain
                .iter()
                .any(|s| s.contains("Operations.Role = 'etl'"))
        );
        assert!(tagged[0].reaches[0].starts_with("dynamic group warehouse-loaders: "));
    }
    // Administrators have nothing to escalate to; read-only groups have no path.
    assert!(found.iter().all(|p| p.principal != "group Administrators"));
    assert!(found.iter().all(|p| p.principal != "group ReadOnly"));
}

#[test]
fn membership_policy_and_credential_grants_open_their_chains() {
    let snapshot = with_statements(
        seed::demo(),
        &[
            "Allow group FinanceViewers to manage groups in tenancy",
            "Allow group FinanceViewers to use users in tenancy",
            "Allow group NetworkAdmins to manage policies in tenancy",
            "Allow group Helpdesk to use users in tenancy where target.group.name != 'Administrators'",
        ],
    );
    let found = paths(&snapshot);
    let join = find(&found, "group FinanceViewers", PathKind::JoinAdministrators);
    assert_eq!(join.len(), 1, "{found:#?}");
    // Five users and the federated IdP group Finance-Analysts mapped into FinanceViewers.
    assert_eq!(join[0].members.len(), 6);
    assert_eq!(join[0].granted_by.len(), 2);
    assert_eq!(
        find(&found, "group NetworkAdmins", PathKind::WriteAnyGrant).len(),
        1
    );
    // Helpdesk already holds USER_UIPASS_RESET; `use users` adds USER_UPDATE, but not for
    // members of Administrators.
    let helpdesk = find(&found, "group Helpdesk", PathKind::TakeOverUser);
    assert_eq!(helpdesk.len(), 1, "{found:#?}");
    assert!(
        helpdesk[0].chain[1].contains("outside Administrators"),
        "{:#?}",
        helpdesk[0]
    );
}

#[test]
fn a_deny_closes_a_path_and_a_scoped_grant_opens_none() {
    let snapshot = with_statements(
        seed::demo(),
        &[
            "Allow group FinanceViewers to manage groups in tenancy",
            "Allow group FinanceViewers to use users in tenancy",
            "Deny group FinanceViewers to manage groups in tenancy",
            "Allow group Helpdesk to manage policies in compartment Finance",
        ],
    );
    let found = paths(&snapshot);
    assert!(find(&found, "group FinanceViewers", PathKind::JoinAdministrators).is_empty());
    assert!(find(&found, "group Helpdesk", PathKind::WriteAnyGrant).is_empty());
}

#[test]
fn the_report_names_chain_grounds_and_reach() {
    let lines = render(&paths(&seed::demo())).join("\n");
    assert!(lines.starts_with("12 escalation paths:"), "{lines}");
    assert!(lines.contains("- group PlatformEngineering can join Administrators"));
    assert!(lines.contains(
        "    chain: AddUserToGroup in tenancy (GROUP_UPDATE + USER_UPDATE) -> add themselves to Administrators -> manage all-resources in tenancy"
    ));
    assert!(lines.contains("    granted by: Allow group PlatformEngineering to manage all-resources in tenancy (platform-engineering)"));
}

#[test]
fn the_command_lists_paths_and_fails_when_there_are_any() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("demo.json");
    std::fs::write(&file, serde_json::to_string(&seed::demo()).expect("json")).expect("write");
    let out = cli_run(&[
        "audit",
        "--escalation",
        "--snapshot",
        file.to_str().expect("utf-8"),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("group AppOps can act as a dynamic group"),
        "{text}"
    );
    let json = cli_run(&[
        "audit",
        "--escalation",
        "--format",
        "json",
        "--snapshot",
        file.to_str().expect("utf-8"),
    ]);
    let parsed: serde_json::Value = serde_json::from_slice(&json.stdout).expect("json output");
    assert_eq!(parsed.as_array().map(Vec::len), Some(12));
    assert_eq!(parsed[0]["kind"], "act-as-dynamic-group");
    // Without any path, exit 0.
    let clean = seed::demo();
    let mut clean = clean;
    clean.policies.retain(|p| p.name == "Tenant Admin Policy");
    std::fs::write(&file, serde_json::to_string(&clean).expect("json")).expect("write");
    let out = cli_run(&[
        "audit",
        "--escalation",
        "--snapshot",
        file.to_str().expect("utf-8"),
    ]);
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("No escalation paths"));
}

#[test]
fn an_any_user_grant_is_one_path_for_everyone() {
    let found = paths(&with_statements(
        seed::demo(),
        &["Allow any-user to manage policies in tenancy"],
    ));
    let everyone = find(
        &found,
        "any-user / any-group (every user in a group)",
        PathKind::WriteAnyGrant,
    );
    assert_eq!(everyone.len(), 1, "{found:#?}");
    assert!(everyone[0].members[0].starts_with("every user in a group ("));
}
