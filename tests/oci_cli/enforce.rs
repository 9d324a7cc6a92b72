//! Policy enforcement (`--enforce-policies`) seen by the official OCI CLI signing as a user
//! outside Administrators: what the demo's policies allow succeeds, what they do not gets OCI's
//! 404 `NotAuthorizedOrNotFound`, and a list keeps only what the user may see.

use canopy::emulator::{EmulatorOptions, RunningEmulator, start};

use super::support::Cli;

/// `james.chen` is in Developers and `DataEngineers`: `inspect all-resources` in `Dev:Sandbox`,
/// nothing on policies or users in the tenancy.
const USER: &str = "james.chen@acme-corp.com";

async fn as_user() -> RunningEmulator {
    let dir = tempfile::tempdir().expect("temp dir").keep();
    start(EmulatorOptions {
        config_out: Some(dir),
        enforce_policies: true,
        config_user: Some(USER.into()),
        ..EmulatorOptions::default()
    })
    .await
    .expect("emulator starts")
}

fn compartment(emulator: &RunningEmulator, path: &[&str]) -> String {
    let snapshot = emulator.store.snapshot();
    let mut parent = snapshot.tenancy.id.clone();
    for name in path {
        parent = snapshot
            .compartments
            .iter()
            .find(|c| c.compartment_id == parent && c.name == *name)
            .map_or_else(|| panic!("no compartment {name}"), |c| c.id.clone());
    }
    parent
}

#[tokio::test(flavor = "multi_thread")]
async fn a_non_administrator_gets_what_policies_allow_and_404_otherwise() {
    let emulator = as_user().await;
    let cli = Cli::new(&emulator);
    let sandbox = compartment(&emulator, &["Dev", "Sandbox"]);
    let tenancy = emulator.store.snapshot().tenancy.id;
    // Allowed: Developers may inspect everything in Dev:Sandbox.
    let listed = cli.json(&["iam", "policy", "list", "--compartment-id", &sandbox]);
    let names: Vec<&str> = listed["data"]
        .as_array()
        .expect("data")
        .iter()
        .filter_map(|p| p["name"].as_str())
        .collect();
    assert_eq!(names, ["sandbox-owners"]);
    // Denied: nothing grants james.chen POLICY_INSPECT in the tenancy.
    let denied = cli.run(&["iam", "policy", "list", "--compartment-id", &tenancy]);
    assert!(!denied.status.success());
    let stderr = String::from_utf8_lossy(&denied.stderr);
    assert!(stderr.contains("NotAuthorizedOrNotFound"), "{stderr}");
    assert!(stderr.contains("\"status\": 404"), "{stderr}");
    let denied = cli.run(&["iam", "user", "list", "--compartment-id", &tenancy]);
    assert!(
        String::from_utf8_lossy(&denied.stderr).contains("NotAuthorizedOrNotFound"),
        "{}",
        String::from_utf8_lossy(&denied.stderr)
    );
    // A write the policies do not allow.
    let create = cli.run(&[
        "iam",
        "group",
        "create",
        "--compartment-id",
        &tenancy,
        "--name",
        "Mine",
        "--description",
        "escalation attempt",
    ]);
    assert!(String::from_utf8_lossy(&create.stderr).contains("NotAuthorizedOrNotFound"));
    assert!(
        emulator
            .store
            .snapshot()
            .groups
            .iter()
            .all(|g| g.name != "Mine")
    );
}
