//! Compatibility: the official OCI CLI (Python `oci-cli`), unchanged, against the emulator.
//! It lists, gets, creates and updates with `--if-match` through the generated config. When the
//! CLI is missing the tests fail (run ./scripts/test, which installs it), they never skip.

#[path = "common/seed.rs"]
mod seed;

use std::io::BufRead as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::Duration;

use canopy::emulator::{EmulatorOptions, RunningEmulator, start};
use serde_json::Value;

use seed::{ADMIN, ADMINS_GROUP, COST_CENTER, FINANCE_NS, PROD, TEAMS, TENANCY, USERS};

/// The CLI from `CANOPY_OCI_CLI`, else the repository's `.venv/bin/oci`.
fn oci_binary() -> PathBuf {
    if let Some(path) = std::env::var_os("CANOPY_OCI_CLI") {
        let path = PathBuf::from(path);
        assert!(
            path.exists(),
            "CANOPY_OCI_CLI={} does not exist; run ./scripts/test",
            path.display()
        );
        return path;
    }
    let venv = Path::new(env!("CARGO_MANIFEST_DIR")).join(".venv/bin/oci");
    assert!(
        venv.exists(),
        "the OCI CLI is not installed: run ./scripts/test (it installs oci-cli into .venv), \
         or set CANOPY_OCI_CLI to an `oci` binary"
    );
    venv
}

struct Cli {
    binary: PathBuf,
    config: PathBuf,
    endpoint: String,
    home: tempfile::TempDir,
}

impl Cli {
    fn new(emulator: &RunningEmulator) -> Self {
        let config = emulator.config.as_ref().expect("config_out was set");
        Self {
            binary: oci_binary(),
            config: config.config_path.clone(),
            endpoint: emulator.endpoint.clone(),
            home: tempfile::tempdir().expect("temp home"),
        }
    }

    fn command(&self, args: &[&str]) -> Command {
        let mut cmd = Command::new(&self.binary);
        cmd.arg("--config-file").arg(&self.config);
        // raw-request takes a full URL and refuses --endpoint.
        if args.first() != Some(&"raw-request") {
            cmd.args(["--endpoint", &self.endpoint]);
        }
        cmd.args(args)
            // A clean HOME so no rc file or cached session of the machine's user leaks in.
            .env("HOME", self.home.path())
            .env("OCI_CLI_SUPPRESS_FILE_PERMISSIONS_WARNING", "True")
            .stdin(Stdio::null());
        cmd
    }

    fn run(&self, args: &[&str]) -> Output {
        self.command(args).output().expect("the oci CLI runs")
    }

    /// Runs and parses stdout, failing with the CLI's stderr when it exits non-zero.
    fn json(&self, args: &[&str]) -> Value {
        let out = self.run(args);
        assert!(
            out.status.success(),
            "oci {} failed:\n{}",
            args.join(" "),
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
            panic!(
                "oci {} printed no JSON ({e}):\n{}",
                args.join(" "),
                String::from_utf8_lossy(&out.stdout)
            )
        })
    }
}

async fn emulator() -> RunningEmulator {
    let dir = tempfile::tempdir().expect("temp dir").keep();
    start(EmulatorOptions {
        seed: seed::seed(),
        config_out: Some(dir),
        session_profile: true,
        // Small pages so `--all` really follows opc-next-page.
        default_page_size: 10,
        max_page_size: 50,
        ..EmulatorOptions::default()
    })
    .await
    .expect("emulator starts")
}

/// Runs many invocations at once (the CLI takes a second or two to start).
fn run_all(cli: &Cli, calls: &[Vec<String>]) -> Vec<Value> {
    std::thread::scope(|scope| {
        let handles: Vec<_> = calls
            .iter()
            .map(|args| {
                scope.spawn(move || {
                    let args: Vec<&str> = args.iter().map(String::as_str).collect();
                    cli.json(&args)
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("no panic"))
            .collect()
    })
}

fn args(s: &str) -> Vec<String> {
    s.split_whitespace().map(str::to_string).collect()
}

fn len(v: &Value) -> usize {
    v["data"].as_array().map_or(0, Vec::len)
}

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

/// The real `canopy emulator` binary: prints the endpoint and config, and the CLI works with them.
#[test]
fn the_canopy_emulator_command_serves_the_oci_cli() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut child = Command::new(env!("CARGO_BIN_EXE_canopy"))
        .args(["emulator", "--listen", "127.0.0.1:0", "--config-out"])
        .arg(dir.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("canopy starts");
    let stdout = child.stdout.take().expect("stdout");
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in std::io::BufReader::new(stdout)
            .lines()
            .map_while(Result::ok)
        {
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    let mut try_line = None;
    let mut printed = Vec::new();
    while let Ok(line) = rx.recv_timeout(Duration::from_secs(60)) {
        printed.push(line.clone());
        if line.trim_start().starts_with("oci ") {
            try_line = Some(line);
            break;
        }
    }
    let try_line = try_line.unwrap_or_else(|| {
        let _ = child.kill();
        panic!(
            "canopy emulator printed no `oci ...` line:\n{}",
            printed.join("\n")
        )
    });
    // Run exactly the suggested command.
    let words: Vec<String> = try_line
        .split_whitespace()
        .skip(1)
        .map(str::to_string)
        .collect();
    let home = tempfile::tempdir().expect("temp home");
    let out = Command::new(oci_binary())
        .args(&words)
        .env("HOME", home.path())
        .env("OCI_CLI_SUPPRESS_FILE_PERMISSIONS_WARNING", "True")
        .stdin(Stdio::null())
        .output()
        .expect("oci runs");
    let _ = child.kill();
    let _ = child.wait();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let listed: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert!(listed["data"].as_array().is_some_and(|a| !a.is_empty()));
    assert!(
        printed.iter().any(|l| l.contains("http://127.0.0.1:")),
        "{printed:?}"
    );
    assert!(dir.path().join("key.pem").exists());
}

/// The Python SDK the CLI is built on, driven directly: pagination helpers, the automatic
/// retry token on creates, if-match, the `canUseDBCredentials` spelling, organizations lists.
const SDK_SCRIPT: &str = r#"
import sys, oci
cfg = oci.config.from_file(sys.argv[1])
endpoint = sys.argv[2]
identity = oci.identity.IdentityClient(cfg, service_endpoint=endpoint)
tenancy = cfg["tenancy"]
users = oci.pagination.list_call_get_all_results(identity.list_users, tenancy).data
assert len(users) == int(sys.argv[3]), len(users)
tree = oci.pagination.list_call_get_all_results(
    identity.list_compartments, tenancy, compartment_id_in_subtree=True, access_level="ANY").data
assert len(tree) == int(sys.argv[4]), len(tree)
made = identity.create_group(oci.identity.models.CreateGroupDetails(
    compartment_id=tenancy, name="sdk-group", description="d"))
updated = identity.update_group(made.data.id, oci.identity.models.UpdateGroupDetails(
    description="e"), if_match=made.headers["etag"])
assert updated.data.description == "e"
try:
    identity.update_group(made.data.id, oci.identity.models.UpdateGroupDetails(
        description="f"), if_match=made.headers["etag"])
    raise SystemExit("a stale etag was accepted")
except oci.exceptions.ServiceError as e:
    assert (e.status, e.code) == (412, "NoEtagMatch"), (e.status, e.code)
caps = identity.update_user_capabilities(cfg["user"],
    oci.identity.models.UpdateUserCapabilitiesDetails(can_use_db_credentials=False))
assert caps.data.capabilities.can_use_db_credentials is False
orgs = oci.tenant_manager_control_plane.SenderInvitationClient(cfg, service_endpoint=endpoint)
invitations = oci.pagination.list_call_get_all_results(orgs.list_sender_invitations, tenancy).data
assert len(invitations) == 5, len(invitations)
print("ok")
"#;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_python_sdk_works_unchanged() {
    let emu = emulator().await;
    let cli = Cli::new(&emu);
    // The CLI's own interpreter, which has the SDK installed alongside it.
    let python = cli.binary.with_file_name("python");
    assert!(
        python.exists(),
        "no python next to {}; run ./scripts/test",
        cli.binary.display()
    );
    let script = cli.home.path().join("sdk_check.py");
    std::fs::write(&script, SDK_SCRIPT).expect("script written");
    let out = Command::new(python)
        .arg(&script)
        .arg(&cli.config)
        .arg(&emu.endpoint)
        .arg((USERS + 1).to_string())
        .arg((5 + TEAMS).to_string())
        .env("HOME", cli.home.path())
        .env("OCI_CLI_SUPPRESS_FILE_PERMISSIONS_WARNING", "True")
        .output()
        .expect("python runs");
    assert!(
        out.status.success(),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    let count = emu
        .store
        .with(|s| s.groups.iter().filter(|g| g.name == "sdk-group").count());
    assert_eq!(count, 1);
}
