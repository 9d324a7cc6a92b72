//! The CLI lists every resource kind, gets one of each, creates a policy and updates it with
//! the right and a stale `--if-match`, and signs with the session-token profile.

use super::seed::{ADMIN, ADMINS_GROUP, COST_CENTER, FINANCE_NS, PROD, TEAMS, TENANCY, USERS};
use super::support::{Cli, args, emulator, len, run_all};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_oci_cli_lists_every_resource_kind() {
    let emu = emulator().await;
    let cli = Cli::new(&emu);
    let g01 = "ocid1.group.oc1..aaaaaaaag01";
    let calls = [
        args(&format!(
            "iam compartment list --compartment-id {TENANCY} --compartment-id-in-subtree true --access-level ANY --all"
        )),
        args(&format!("iam user list --compartment-id {TENANCY} --all")),
        args(&format!("iam group list --compartment-id {TENANCY} --all")),
        args(&format!("iam group list-users --group-id {g01} --all")),
        args(&format!("iam user list-groups --user-id {ADMIN} --all")),
        args(&format!(
            "iam dynamic-group list --compartment-id {TENANCY} --all"
        )),
        args(&format!("iam policy list --compartment-id {TENANCY} --all")),
        args(&format!(
            "iam tag-namespace list --compartment-id {TENANCY} --include-subcompartments true --all"
        )),
        args(&format!(
            "iam tag list --tag-namespace-id {FINANCE_NS} --all"
        )),
        args(&format!(
            "iam tag-default list --compartment-id {PROD} --all"
        )),
        args(&format!(
            "organizations sender-invitation list --compartment-id {TENANCY} --all"
        )),
    ];
    let out = run_all(&cli, &calls);
    assert_eq!(len(&out[0]), 5 + TEAMS, "whole compartment subtree");
    assert_eq!(len(&out[1]), USERS + 1);
    assert_eq!(len(&out[2]), 31);
    assert_eq!(len(&out[3]), 20, "members of group-01");
    assert_eq!(out[4]["data"][0]["name"], "Administrators");
    assert_eq!(len(&out[5]), 12);
    assert_eq!(len(&out[6]), 60);
    assert_eq!(len(&out[7]), 2);
    assert_eq!(len(&out[8]), 2);
    assert_eq!(out[9]["data"][0]["value"], "CC-1");
    assert_eq!(out[10]["data"]["items"].as_array().map_or(0, Vec::len), 5);
    assert_eq!(
        out[0]["data"][0]["lifecycle-state"], "ACTIVE",
        "the CLI parsed our models"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_oci_cli_gets_one_of_each() {
    let emu = emulator().await;
    let cli = Cli::new(&emu);
    let membership = "ocid1.groupmembership.oc1..aaaaaaaam0000";
    let calls = [
        args(&format!("iam tenancy get --tenancy-id {TENANCY}")),
        args(&format!("iam compartment get --compartment-id {PROD}")),
        args(&format!("iam user get --user-id {ADMIN}")),
        args(&format!("iam group get --group-id {ADMINS_GROUP}")),
        args(&format!(
            "raw-request --http-method GET --target-uri {}/20160918/userGroupMemberships/{membership}",
            emu.endpoint
        )),
        args("iam dynamic-group get --dynamic-group-id ocid1.dynamicgroup.oc1..aaaaaaaad03"),
        args("iam policy get --policy-id ocid1.policy.oc1..aaaaaaaap002"),
        args(&format!(
            "iam tag-namespace get --tag-namespace-id {FINANCE_NS}"
        )),
        args(&format!(
            "iam tag get --tag-namespace-id {FINANCE_NS} --tag-name CostCenter"
        )),
        args("iam tag-default get --tag-default-id ocid1.tagdefault.oc1..aaaaaaaadefault1"),
        args(
            "organizations sender-invitation get --sender-invitation-id ocid1.senderinvitation.oc1..aaaaaaaai2",
        ),
        args("iam region list"),
    ];
    let out = run_all(&cli, &calls);
    assert_eq!(out[0]["data"]["name"], "testco");
    assert_eq!(out[1]["data"]["name"], "Prod");
    assert!(out[1]["etag"].is_string(), "the CLI shows the etag");
    assert_eq!(out[2]["data"]["name"], "admin");
    assert_eq!(out[3]["data"]["name"], "Administrators");
    assert_eq!(
        out[4]["data"]["userId"], ADMIN,
        "raw-request returns the wire form"
    );
    assert_eq!(out[4]["status"], "200 OK");
    assert_eq!(out[5]["data"]["name"], "dg-03");
    assert_eq!(out[6]["data"]["name"], "policy-02");
    assert_eq!(out[7]["data"]["name"], "Finance");
    assert_eq!(out[8]["data"]["validator"]["validator-type"], "ENUM");
    assert_eq!(out[8]["data"]["id"], COST_CENTER);
    assert_eq!(out[9]["data"]["value"], "CC-1");
    assert_eq!(out[10]["data"]["status"], "ACCEPTED");
    assert!(len(&out[11]) > 20);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_oci_cli_creates_and_updates_a_policy_with_if_match() {
    let emu = emulator().await;
    let cli = Cli::new(&emu);
    let statements = r#"["Allow group Administrators to manage all-resources in tenancy"]"#;
    let created = cli.json(&[
        "iam",
        "policy",
        "create",
        "--compartment-id",
        PROD,
        "--name",
        "cli-made",
        "--description",
        "made by the OCI CLI",
        "--statements",
        statements,
    ]);
    let id = created["data"]["id"].as_str().expect("an id").to_string();
    let etag = created["etag"].as_str().expect("an etag").to_string();
    assert_eq!(
        created["data"]["statements"][0],
        "Allow group Administrators to manage all-resources in tenancy"
    );

    let new_statements = r#"["Allow group Administrators to read all-resources in tenancy"]"#;
    let updated = cli.json(&[
        "iam",
        "policy",
        "update",
        "--policy-id",
        &id,
        "--statements",
        new_statements,
        "--version-date",
        "2026-01-15",
        "--if-match",
        &etag,
        "--force",
    ]);
    assert_eq!(
        updated["data"]["statements"][0],
        "Allow group Administrators to read all-resources in tenancy"
    );
    // The CLI shows versionDate as a datetime; on the wire and in the store it is a plain date.
    assert!(
        updated["data"]["version-date"]
            .as_str()
            .unwrap_or("")
            .starts_with("2026-01-15")
    );
    let stored = emu
        .store
        .with(|s| s.policies.get(&id).and_then(|p| p.version_date.clone()));
    assert_eq!(stored.as_deref(), Some("2026-01-15"));
    assert_ne!(updated["etag"].as_str(), Some(etag.as_str()));

    let stale = cli.run(&[
        "iam",
        "policy",
        "update",
        "--policy-id",
        &id,
        "--description",
        "late",
        "--if-match",
        &etag,
        "--force",
    ]);
    assert!(!stale.status.success());
    let stderr = String::from_utf8_lossy(&stale.stderr);
    assert!(
        stderr.contains("NoEtagMatch") && stderr.contains("412"),
        "{stderr}"
    );
    let stored = emu
        .store
        .with(|s| s.policies.get(&id).map(|p| p.description.clone()));
    assert_eq!(stored.as_deref(), Some("made by the OCI CLI"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_oci_cli_signs_with_the_session_token_profile() {
    let emu = emulator().await;
    let cli = Cli::new(&emu);
    let out = cli.json(&[
        "--profile",
        "SESSION",
        "--auth",
        "security_token",
        "iam",
        "user",
        "get",
        "--user-id",
        ADMIN,
    ]);
    assert_eq!(out["data"]["id"], ADMIN);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_oci_cli_waits_for_a_compartment_delete_work_request() {
    let emu = emulator().await;
    let cli = Cli::new(&emu);
    let empty = "ocid1.compartment.oc1..aaaaaaaaempty";
    let out = cli.json(&[
        "iam",
        "compartment",
        "delete",
        "--compartment-id",
        empty,
        "--force",
        "--wait-for-state",
        "SUCCEEDED",
        "--wait-interval-seconds",
        "1",
    ]);
    assert_eq!(out["data"]["status"], "SUCCEEDED");
    assert_eq!(out["data"]["operation-type"], "DELETE_COMPARTMENT");
    let state = emu.store.with(|s| {
        s.compartments
            .get(empty)
            .map(|c| c.lifecycle_state.to_string())
    });
    assert_eq!(state.as_deref(), Some("DELETED"));
}

/// The emulator refuses policies and dynamic groups OCI would refuse, and the official CLI
/// shows the 400 with the statement named.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_oci_cli_gets_a_400_for_a_bad_statement_or_matching_rule() {
    let emu = emulator().await;
    let cli = Cli::new(&emu);
    let refused = |args: &[&str], says: &str| {
        let out = cli.run(args);
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{args:?} was accepted");
        assert!(
            err.contains("\"status\": 400") && err.contains("InvalidParameter"),
            "{err}"
        );
        assert!(err.contains(says), "{err}");
    };
    let create = |statement: &str| {
        vec![
            "iam".to_string(),
            "policy".into(),
            "create".into(),
            "--compartment-id".into(),
            PROD.into(),
            "--name".into(),
            "bad".into(),
            "--description".into(),
            "d".into(),
            "--statements".into(),
            format!("[\"{statement}\"]"),
        ]
    };
    for (statement, says) in [
        (
            "Allow group Nobody to read users in tenancy",
            "names group 'Nobody'",
        ),
        (
            "Allow group Administrators to fly kites in tenancy",
            "unknown verb `fly`",
        ),
        (
            "Allow group Administrators to {USER_READ, } in tenancy",
            "trailing comma",
        ),
        (
            "Allow group Administrators to read users in compartment Nowhere",
            "compartment 'Nowhere'",
        ),
        (
            "Allow group Administrators manage users in tenancy",
            "expected `to`",
        ),
    ] {
        let args = create(statement);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        refused(&args, says);
    }
    refused(
        &[
            "iam",
            "dynamic-group",
            "create",
            "--name",
            "bad-rule",
            "--description",
            "d",
            "--matching-rule",
            "garbage rule",
        ],
        "unknown variable `garbage`",
    );
}
