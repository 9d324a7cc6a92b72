//! The `canopy emulator` command itself, as a user starts it.

use std::io::BufRead as _;
use std::process::{Command, Stdio};
use std::time::Duration;

use serde_json::Value;

use super::support::oci_binary;

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
