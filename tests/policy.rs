//! Policy engine tests: the statement corpus, print/parse round trips, lint rules, effective
//! permissions and the `policy check` / `audit` commands.

#[path = "policy/access_diff.rs"]
mod access_diff;
#[path = "policy/cli.rs"]
mod cli;
#[path = "policy/corpus.rs"]
mod corpus;
#[path = "policy/demo.rs"]
mod demo;
#[path = "policy/effective.rs"]
mod effective;
#[path = "policy/escalation.rs"]
mod escalation;
#[path = "policy/federated.rs"]
mod federated;
#[path = "policy/fixture.rs"]
mod fixture;
#[path = "policy/hostile.rs"]
mod hostile;
#[path = "policy/large.rs"]
mod large;
#[path = "policy/lint.rs"]
mod lint;
#[path = "policy/report.rs"]
mod report;
#[path = "policy/roundtrip.rs"]
mod roundtrip;
#[path = "policy/scenarios.rs"]
mod scenarios;
#[path = "policy/snapshots.rs"]
mod snapshots;

/// Runs the real binary with `args` (no OCI settings of the developer's leak in).
pub fn cli_run(args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_canopy"))
        .args(args)
        .env_remove("OCI_CLI_PROFILE")
        .env_remove("OCI_CLI_CONFIG_FILE")
        .env_remove("OCI_CLI_ENDPOINT")
        .env_remove("OCI_CLI_REGION")
        .output()
        .expect("canopy runs")
}
