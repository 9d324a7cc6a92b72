//! `canopy export`: everything read, stable order, and byte-identical under faults.

use canopy::api::export::{ExportFormat, gather, render};
use canopy::emulator::FaultSpec;
use indicatif::ProgressBar;

use crate::support::start;

#[tokio::test]
async fn export_reads_the_whole_tenancy() {
    let env = start(canopy::emulator::seed::demo()).await;
    let gathered = gather(env.client(), env.tenancy(), &ProgressBar::hidden())
        .await
        .unwrap();
    assert!(gathered.warnings.is_empty(), "{:?}", gathered.warnings);
    let truth = env.emulator.store.snapshot();
    let exported = gathered.snapshot;
    assert_eq!(exported.tenancy, truth.tenancy);
    assert_eq!(exported.compartments, truth.compartments);
    assert_eq!(exported.users, truth.users);
    assert_eq!(exported.groups, truth.groups);
    assert_eq!(exported.memberships.len(), truth.memberships.len());
    assert_eq!(exported.dynamic_groups, truth.dynamic_groups);
    assert_eq!(exported.policies, truth.policies);
    assert_eq!(exported.tag_namespaces, truth.tag_namespaces);
    assert_eq!(exported.tags, truth.tags);
    assert_eq!(exported.tag_defaults, truth.tag_defaults);
    assert_eq!(exported.sender_invitations, truth.sender_invitations);
    assert_eq!(exported.domains, truth.domains);
    assert_eq!(exported.identity_providers, truth.identity_providers);
    assert_eq!(
        exported.identity_provider_groups,
        truth.identity_provider_groups
    );
    assert_eq!(exported.idp_group_mappings, truth.idp_group_mappings);
    assert_eq!(exported.region_subscriptions, truth.region_subscriptions);
    assert!(exported.work_request_history.is_empty());
    assert_eq!(exported.domains.len(), 3);
    assert!(
        exported
            .domains
            .iter()
            .all(|d| d.url.starts_with("http://127.0.0.1:")),
        "domains are served by the emulator, each on a listener of its own"
    );
    // Every other domain's directory, read over SCIM at the domain's URL.
    let partners: Vec<usize> = exported
        .domain_directories
        .iter()
        .map(|d| d.users.len() + d.groups.len() + d.memberships.len() + d.dynamic_groups.len())
        .collect();
    let seeded: Vec<usize> = truth
        .domain_directories
        .iter()
        .filter(|d| !d.users.is_empty() || !d.groups.is_empty())
        .map(|d| d.users.len() + d.groups.len() + d.memberships.len() + d.dynamic_groups.len())
        .collect();
    assert!(partners.contains(&seeded[0]), "{partners:?} vs {seeded:?}");
    // Credential metadata (never secrets), network sources, the authentication policy.
    assert_eq!(exported.api_keys, truth.api_keys);
    assert_eq!(exported.auth_tokens, truth.auth_tokens);
    assert_eq!(exported.customer_secret_keys, truth.customer_secret_keys);
    assert_eq!(exported.smtp_credentials, truth.smtp_credentials);
    assert_eq!(exported.db_credentials, truth.db_credentials);
    assert_eq!(
        exported.oauth2_client_credentials,
        truth.oauth2_client_credentials
    );
    assert_eq!(exported.swift_passwords, truth.swift_passwords);
    assert_eq!(exported.mfa_totp_devices, truth.mfa_totp_devices);
    assert_eq!(exported.ui_passwords, truth.ui_passwords);
    assert_eq!(exported.network_sources, truth.network_sources);
    assert_eq!(exported.authentication_policy, truth.authentication_policy);
    // Other services' resources have no Identity call that lists them: not in an export.
    assert!(exported.compartment_resources.is_empty());
    let mut truth = truth;
    truth.compartment_resources.clear();
    assert_eq!(exported, truth, "nothing else differs either");
}

/// What an export of a seed can give back: the seed less its work-request history (not
/// configuration), with each domain's URLs left out (the emulator serves every domain on its
/// own listener, whose port changes from run to run).
fn comparable(mut snapshot: canopy::model::Snapshot) -> canopy::model::Snapshot {
    snapshot.sort();
    snapshot.work_request_history = canopy::model::WorkRequestHistory::default();
    // Other services' resources: no Identity call lists them, so an export cannot hold them.
    snapshot.compartment_resources.clear();
    for domain in &mut snapshot.domains {
        domain.url.clear();
        domain.home_region_url.clear();
        for replica in &mut domain.replica_regions {
            replica.url = None;
            replica.regional_url = None;
        }
    }
    snapshot
}

#[tokio::test]
async fn export_can_leave_credentials_out() {
    use canopy::api::export::{GatherOptions, gather_with};
    let env = start(canopy::emulator::seed::demo()).await;
    let options = GatherOptions {
        credentials: false,
        ..GatherOptions::default()
    };
    let gathered = gather_with(env.client(), env.tenancy(), &ProgressBar::hidden(), options)
        .await
        .unwrap();
    let s = gathered.snapshot;
    assert!(!s.users.is_empty());
    assert!(s.api_keys.is_empty() && s.mfa_totp_devices.is_empty());
    assert!(s.authentication_policy.is_none());
}

/// A warm start reads the tenancy again while the cached snapshot is in use: the lists that
/// did not change are the very lists of the snapshot before (held once), a changed one is
/// read afresh, and the result is what a plain read says.
#[tokio::test]
async fn a_read_against_the_snapshot_before_shares_what_did_not_change() {
    use canopy::api::export::{GatherOptions, gather_with};
    use canopy::model::UpdateUserDetails;
    let env = start(canopy::emulator::seed::large(0.01)).await;
    let env = &env;
    let read = |before: Option<std::sync::Arc<canopy::model::Snapshot>>| {
        let options = GatherOptions {
            credentials: false,
            before,
        };
        async move {
            gather_with(env.client(), env.tenancy(), &ProgressBar::hidden(), options)
                .await
                .unwrap()
                .snapshot
        }
    };
    let before = std::sync::Arc::new(read(None).await);
    let user = before.users[3].clone();
    let details = UpdateUserDetails {
        description: Some("moved to the audit team".into()),
        ..UpdateUserDetails::default()
    };
    env.client()
        .update_user(&user.id, &details, None)
        .await
        .unwrap();

    let again = read(Some(std::sync::Arc::clone(&before))).await;
    assert!(again.groups.shares(&before.groups));
    assert!(again.memberships.shares(&before.memberships));
    assert!(again.policies.shares(&before.policies));
    assert!(again.compartments.shares(&before.compartments));
    assert!(!again.users.shares(&before.users), "a user changed");
    let changed = again.users.iter().find(|u| u.id == user.id).unwrap();
    assert_eq!(changed.description, "moved to the audit team");
    assert_eq!(again, read(None).await, "the same as a read from nothing");
}

#[tokio::test]
async fn export_is_byte_identical_with_and_without_faults() {
    let env = start(canopy::emulator::seed::large(0.05)).await;
    let read = || async {
        let gathered = gather(env.client(), env.tenancy(), &ProgressBar::hidden())
            .await
            .unwrap();
        render(&gathered.snapshot, ExportFormat::Json)
    };
    let clean = read().await;
    let clean_requests = env.client().requests_sent();
    env.faults(&FaultSpec {
        rate_429: 0.1,
        rate_500: 0.05,
        rate_503: 0.05,
        rate_drop: 0.02,
        seed: 7,
        ..FaultSpec::default()
    });
    let faulty = read().await;
    let faulty_requests = env.client().requests_sent() - clean_requests;
    assert!(
        faulty_requests > clean_requests,
        "faults must have cost retries ({faulty_requests} vs {clean_requests})"
    );
    assert!(clean == faulty, "exports differ under faults");
    assert!(clean.len() > 10_000);
}

#[tokio::test]
async fn load_snapshot_with_demo_starts_its_own_tenancy() {
    let args = canopy::config::ConnectionArgs {
        demo: true,
        ..canopy::config::ConnectionArgs::default()
    };
    let mut snapshot = canopy::api::export::load_snapshot(&args).await.unwrap();
    let demo = canopy::emulator::seed::demo();
    assert!(
        snapshot
            .domains
            .iter()
            .all(|d| d.url.starts_with("http://127.0.0.1:"))
    );
    // `--demo` registers a fresh API key for the administrator to sign with: the one key
    // the seed does not have.
    let generated: Vec<_> = snapshot
        .api_keys
        .iter()
        .filter(|k| !demo.api_keys.contains(k))
        .collect();
    assert_eq!(generated.len(), 1, "{generated:?}");
    let admin = canopy::emulator::seed::administrator(&demo).unwrap();
    assert_eq!(generated[0].user_id, admin.id);
    snapshot.api_keys.retain(|k| demo.api_keys.contains(k));
    assert!(
        comparable(snapshot) == comparable(demo),
        "the export differs from the demo seed"
    );
}

#[test]
fn the_binary_exports_the_demo_tenancy_to_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("tenancy.json");
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_canopy"))
        .args(["export", "--demo", "--format", "json", "--output"])
        .arg(&out)
        .env_remove("OCI_CLI_CONFIG_FILE")
        .env_remove("OCI_CLI_PROFILE")
        .output()
        .unwrap();
    assert!(
        status.status.success(),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
    assert!(
        status.stdout.is_empty(),
        "with --output nothing goes to stdout"
    );
    let text = std::fs::read_to_string(&out).unwrap();
    let snapshot: canopy::model::Snapshot = serde_json::from_str(&text).unwrap();
    assert!(!snapshot.policies.is_empty());
}

#[test]
fn the_binary_explains_a_missing_config_and_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("no-such-config");
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_canopy"))
        .arg("export")
        .arg("--config-file")
        .arg(&missing)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("no-such-config"), "{stderr}");
    assert!(output.stdout.is_empty());
}
