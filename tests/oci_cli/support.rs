//! Finding the CLI, starting an emulator with a generated config, running invocations.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use canopy::emulator::{EmulatorOptions, RunningEmulator, start};
use serde_json::Value;

use super::seed;

/// The CLI from `CANOPY_OCI_CLI`, else the repository's `.venv/bin/oci`.
pub fn oci_binary() -> PathBuf {
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

pub struct Cli {
    pub binary: PathBuf,
    pub config: PathBuf,
    pub endpoint: String,
    pub home: tempfile::TempDir,
}

impl Cli {
    pub fn new(emulator: &RunningEmulator) -> Self {
        let config = emulator.config.as_ref().expect("config_out was set");
        Self {
            binary: oci_binary(),
            config: config.config_path.clone(),
            endpoint: emulator.endpoint.clone(),
            home: tempfile::tempdir().expect("temp home"),
        }
    }

    pub fn command(&self, args: &[&str]) -> Command {
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

    pub fn run(&self, args: &[&str]) -> Output {
        self.command(args).output().expect("the oci CLI runs")
    }

    /// Runs and parses stdout, failing with the CLI's stderr when it exits non-zero.
    pub fn json(&self, args: &[&str]) -> Value {
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

pub async fn emulator() -> RunningEmulator {
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
pub fn run_all(cli: &Cli, calls: &[Vec<String>]) -> Vec<Value> {
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

pub fn args(s: &str) -> Vec<String> {
    s.split_whitespace().map(str::to_string).collect()
}

pub fn len(v: &Value) -> usize {
    v["data"].as_array().map_or(0, Vec::len)
}
