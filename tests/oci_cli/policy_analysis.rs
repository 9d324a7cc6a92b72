//! Oracle's own analyser, oci-policy-analysis 7.0.0 (from the Python package index), run
//! unchanged against the emulator's demo tenancy: its OCI SDK clients are pointed at the
//! emulator (every client it builds without an endpoint gets the emulator's; the Identity
//! Domains clients follow each domain's `url`, as they would in OCI), and its counts of
//! policies, statements, users, groups, dynamic groups and identity domains must match
//! `canopy export`'s. Its own options keep it off what the seeds do not cover: policies are
//! listed per compartment (`policy_load_method: compartment`) rather than through Resource
//! Search, and domains are looked for two levels deep (`--compartment-domain-search-depth 2`,
//! where Legacy-Apps lives).
//!
//! It declares Python 3.12 or later. `./scripts/test` installs it into `.venv-opa` with the
//! Python that `scripts/provide-python` finds on the machine or builds from the `CPython` release
//! tarball (`.ci/run` runs that script first and fails without one). Only where neither works
//! does it fall back to Python 3.11 with `--ignore-requires-python`, which this test names
//! loudly. `CANOPY_OPA_PYTHON` names another interpreter; with no usable one this test says so
//! loudly and skips.

use std::path::PathBuf;
use std::process::Command;
use std::time::Duration;

use canopy::emulator::{EmulatorOptions, start};
use serde_json::Value;

/// Points the tool's SDK clients at the emulator, then runs its CLI's `main` as is.
const RUNNER: &str = r#"
import sys
import oci

ENDPOINT = sys.argv[1]

def point(cls):
    original = cls.__init__
    def __init__(self, config, **kwargs):
        kwargs.setdefault("service_endpoint", ENDPOINT)
        original(self, config, **kwargs)
    cls.__init__ = __init__

for cls in (oci.identity.IdentityClient, oci.resource_search.ResourceSearchClient,
            oci.limits.LimitsClient, oci.loggingsearch.LogSearchClient):
    point(cls)

from oci_policy_analysis import cli
sys.argv = ["oci-policy-analysis"] + sys.argv[2:]
cli.main()
"#;

/// A Python 3.12+ with oci-policy-analysis installed, if the machine has one.
fn analyser_python() -> Option<PathBuf> {
    let candidates = [
        std::env::var_os("CANOPY_OPA_PYTHON").map(PathBuf::from),
        Some(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(".venv-opa/bin/python")),
    ];
    candidates.into_iter().flatten().find(|python| {
        Command::new(python)
            .args([
                "-c",
                "import sys, oci_policy_analysis; assert sys.version_info >= (3, 11)",
            ])
            .output()
            .is_ok_and(|o| o.status.success())
    })
}

fn live(items: &Value) -> Vec<&Value> {
    items
        .as_array()
        .map(|a| {
            a.iter()
                .filter(|x| x["lifecycleState"] != "DELETED")
                .collect()
        })
        .unwrap_or_default()
}

/// A count over the Default domain's list and every other domain's directory.
fn every_domain(export: &Value, key: &str) -> usize {
    live(&export[key]).len()
        + export["domainDirectories"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|d| live(&d[key]).len())
            .sum::<usize>()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn oci_policy_analysis_counts_match_canopy_export() {
    let Some(python) = analyser_python() else {
        eprintln!(
            "\n{bar}\nSKIPPED: the oci-policy-analysis compatibility test needs Python 3.12+ with \
             oci-policy-analysis 7.0.0 installed, and this machine has none.\n./scripts/test \
             installs it into .venv-opa with the Python scripts/provide-python finds or builds; \
             .ci/run provides one first. CANOPY_OPA_PYTHON may name another interpreter.\n{bar}\n",
            bar = "!".repeat(78)
        );
        return;
    };
    // Where no Python 3.12 could be found or built, ./scripts/test installs the tool on the
    // system's Python 3.11 with --ignore-requires-python: it runs there, outside its declared
    // support, and the run says so loudly.
    let version = Command::new(&python)
        .args(["-c", "import sys; print('%d.%d' % sys.version_info[:2])"])
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        .unwrap_or_default();
    if version == "3.11" {
        eprintln!(
            "\n{bar}\nNOTE: oci-policy-analysis runs on Python 3.11 here, outside its declared \
             3.12+: scripts/provide-python found and built none.\n{bar}\n",
            bar = "!".repeat(78)
        );
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let emu = start(EmulatorOptions {
        seed: canopy::emulator::seed::demo(),
        config_out: Some(dir.path().join("oci")),
        work_request_duration: Duration::from_millis(300),
        ..EmulatorOptions::default()
    })
    .await
    .expect("emulator starts");
    let config = emu.config.as_ref().expect("config").config_path.clone();

    // canopy export, the real binary, against the same emulator.
    let exported = dir.path().join("canopy.json");
    let out = Command::new(env!("CARGO_BIN_EXE_canopy"))
        .args(["export", "--endpoint", &emu.endpoint, "--output"])
        .arg(&exported)
        .arg("--config-file")
        .arg(&config)
        .output()
        .expect("canopy runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let canopy: Value =
        serde_json::from_str(&std::fs::read_to_string(&exported).expect("export")).expect("json");

    // oci-policy-analysis, with a clean home: its settings choose per-compartment policy loads.
    let home = dir.path().join("home");
    std::fs::create_dir_all(home.join(".oci-policy-analysis")).expect("home");
    std::fs::write(
        home.join(".oci-policy-analysis/settings.json"),
        r#"{"policy_load_method": "compartment"}"#,
    )
    .expect("settings");
    let runner = dir.path().join("run_opa.py");
    std::fs::write(&runner, RUNNER).expect("runner");
    let report = dir.path().join("opa.json");
    let out = Command::new(&python)
        .arg(&runner)
        .arg(&emu.endpoint)
        .args([
            "--profile",
            "DEFAULT",
            "--recursive",
            "--compartment-domain-search-depth",
            "2",
            "--dont-save-cache-after-load",
            "--export-json",
        ])
        .arg(&report)
        .env("HOME", &home)
        .env("OCI_CONFIG_FILE", &config)
        .output()
        .expect("python runs");
    let log = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.status.success(), "{log}");
    let opa: Value =
        serde_json::from_str(&std::fs::read_to_string(&report).expect("report")).expect("json");
    let count = |key: &str| opa[key].as_array().map_or(0, Vec::len);

    let policies = live(&canopy["policies"]);
    let statements: Vec<&str> = policies
        .iter()
        .flat_map(|p| p["statements"].as_array().into_iter().flatten())
        .filter_map(Value::as_str)
        .collect();
    let first_word = |s: &str| s.split_whitespace().next().unwrap_or("").to_lowercase();
    let grants = statements
        .iter()
        .filter(|s| ["allow", "deny"].contains(&first_word(s).as_str()))
        .count();
    let defines = statements
        .iter()
        .filter(|s| first_word(s) == "define")
        .count();
    let cross = statements
        .iter()
        .filter(|s| ["admit", "endorse"].contains(&first_word(s).as_str()))
        .count();
    let theirs = [
        ("policies", count("policies")),
        ("statements", count("policy_statements")),
        ("defined aliases", count("defined_aliases")),
        (
            "cross-tenancy statements",
            count("cross_tenancy_statements"),
        ),
        ("users", count("users")),
        ("groups", count("groups")),
        ("dynamic groups", count("dynamic_groups")),
        ("identity domains", count("identity_domains")),
    ];
    let ours = [
        ("policies", policies.len()),
        ("statements", grants),
        ("defined aliases", defines),
        ("cross-tenancy statements", cross),
        ("users", every_domain(&canopy, "users")),
        ("groups", every_domain(&canopy, "groups")),
        ("dynamic groups", every_domain(&canopy, "dynamicGroups")),
        ("identity domains", live(&canopy["domains"]).len()),
    ];
    eprintln!("oci-policy-analysis {theirs:?}\ncanopy export        {ours:?}");
    assert_eq!(theirs, ours, "{log}");
    assert_eq!(
        ours[4].1, 44,
        "39 live Default-domain users and 5 of Partners"
    );
}
