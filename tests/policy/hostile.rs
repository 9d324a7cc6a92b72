//! Every output path of the command line with a hostile tenancy (names and statements full of
//! escape sequences, C1 controls, bidi overrides and zero-width characters): no byte that
//! drives a terminal reaches standard output, standard error or an export file.

use std::process::{Command, Output, Stdio};

/// Strings a tenancy could hold to attack a terminal.
const NASTY: [&str; 6] = [
    "\u{1b}]0;pwned\u{7}",
    "\u{1b}]52;c;cHduZWQ=\u{7}",
    "\u{1b}[2J",
    "\u{9b}31m",
    "evil\u{202e}txt",
    "Dev\u{200d}",
];

/// The demo tenancy with every name, description and a statement made hostile.
fn hostile_seed() -> canopy::model::Snapshot {
    let mut s = canopy::emulator::seed::demo();
    for (i, c) in s.compartments.iter_mut().enumerate() {
        c.description = format!("{}{}", c.description, NASTY[i % NASTY.len()]);
    }
    s.compartments[0].name = format!("Pr{}od", NASTY[1]);
    for (i, p) in s.policies.iter_mut().enumerate() {
        p.name = format!("{}{}", p.name, NASTY[i % NASTY.len()]);
        p.statements.push(format!(
            "Allow group Ops{} to read users in tenancy",
            NASTY[i % NASTY.len()]
        ));
    }
    for (i, g) in s.groups.iter_mut().enumerate() {
        g.description = format!("{}{}", g.description, NASTY[i % NASTY.len()]);
    }
    s
}

/// True when `bytes` hold anything that drives a terminal or hides text.
fn dangerous(bytes: &[u8]) -> Option<String> {
    let text = String::from_utf8_lossy(bytes);
    text.chars()
        .find(|&c| (c.is_control() && c != '\n' && c != '\t') || canopy::text::is_invisible(c))
        .map(|c| format!("U+{:04X} in:\n{}", c as u32, text))
}

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_canopy"))
        .args(args)
        .env_remove("OCI_CLI_PROFILE")
        .env_remove("OCI_CLI_CONFIG_FILE")
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .output()
        .expect("canopy runs")
}

fn clean(what: &str, out: &Output) {
    assert!(
        dangerous(&out.stdout).is_none(),
        "{what} stdout: {:?}",
        dangerous(&out.stdout)
    );
    assert!(
        dangerous(&out.stderr).is_none(),
        "{what} stderr: {:?}",
        dangerous(&out.stderr)
    );
}

fn snapshot_file(dir: &tempfile::TempDir) -> String {
    let path = dir.path().join("hostile.json");
    let text = serde_json::to_string(&hostile_seed()).unwrap();
    std::fs::write(&path, text).unwrap();
    path.display().to_string()
}

#[test]
fn policy_lint_check_and_audit_print_no_escape_sequence() {
    let dir = tempfile::tempdir().unwrap();
    let snap = snapshot_file(&dir);
    let lint = run(&["policy", "lint", "--snapshot", &snap]);
    assert!(!lint.stdout.is_empty() || !lint.stderr.is_empty());
    clean("policy lint", &lint);
    let statements = dir.path().join("s.txt");
    std::fs::write(
        &statements,
        format!(
            "Allow group A{} to read users in tenancy\nAllow group B manage x\n",
            NASTY[0]
        ),
    )
    .unwrap();
    let check = run(&[
        "policy",
        "check",
        "--snapshot",
        &snap,
        statements.to_str().unwrap(),
    ]);
    clean("policy check", &check);
    for format in ["text", "json"] {
        let audit = run(&[
            "audit",
            "--snapshot",
            &snap,
            "--compartment",
            "tenancy",
            "--verb",
            "read",
            "--resource",
            "users",
            "--format",
            format,
        ]);
        assert!(
            audit.status.success(),
            "{}",
            String::from_utf8_lossy(&audit.stderr)
        );
        clean("audit", &audit);
    }
}

#[test]
fn export_output_and_the_emulator_banner_carry_no_escape_sequence() {
    let dir = tempfile::tempdir().unwrap();
    let snap = snapshot_file(&dir);
    // The emulator started on the hostile seed, briefly: its banner names the tenancy.
    let mut emulator = Command::new(env!("CARGO_BIN_EXE_canopy"))
        .args(["emulator", "--seed", &snap, "--listen", "127.0.0.1:0"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut banner = Vec::new();
    {
        use std::io::Read as _;
        let mut stdout = emulator.stdout.take().unwrap();
        let mut buf = [0u8; 4096];
        // Bounded: the banner is a few lines, printed at start.
        for _ in 0..50 {
            let n = stdout.read(&mut buf).unwrap_or(0);
            banner.extend_from_slice(&buf[..n]);
            if n == 0 || String::from_utf8_lossy(&banner).contains("stops it") {
                break;
            }
        }
    }
    let _ = emulator.kill();
    let _ = emulator.wait();
    assert!(String::from_utf8_lossy(&banner).contains("canopy emulator"));
    assert!(
        dangerous(&banner).is_none(),
        "banner: {:?}",
        dangerous(&banner)
    );

    // The export of the same tenancy, to stdout and to a file.
    let out = run(&["export", "--demo"]);
    clean("export --demo", &out);
    let file = dir.path().join("export.json");
    let to_file = run(&[
        "audit",
        "--snapshot",
        &snap,
        "--compartment",
        "tenancy",
        "--format",
        "json",
    ]);
    clean("audit json", &to_file);
    let written = run(&["export", "--demo", "--output", file.to_str().unwrap()]);
    assert!(
        written.status.success(),
        "{}",
        String::from_utf8_lossy(&written.stderr)
    );
    assert!(dangerous(&std::fs::read(&file).unwrap()).is_none());
}

#[test]
fn export_json_of_a_hostile_tenancy_escapes_c1_and_bidi() {
    let text =
        canopy::api::export::render(&hostile_seed(), canopy::api::export::ExportFormat::Json);
    assert!(
        dangerous(text.as_bytes()).is_none(),
        "{:?}",
        dangerous(text.as_bytes())
    );
    assert!(text.contains("\\u009b") && text.contains("\\u202e") && text.contains("\\u200d"));
    // The escapes are JSON's own: the file reads back to the same hostile strings.
    let back: canopy::model::Snapshot = serde_json::from_str(&text).unwrap();
    let names = |s: &canopy::model::Snapshot| {
        let mut n: Vec<String> = s.policies.iter().map(|p| p.name.clone()).collect();
        n.sort();
        n
    };
    assert_eq!(names(&back), names(&hostile_seed()));
    assert!(
        back.compartments
            .iter()
            .any(|c| c.name == format!("Pr{}od", NASTY[1]))
    );
    let again = canopy::api::export::render(&back, canopy::api::export::ExportFormat::Json);
    assert_eq!(
        again, text,
        "reading the export back and writing it again changes nothing"
    );
}

#[test]
fn export_refuses_devices_fifos_and_links_without_touching_them() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("fifo");
    let made = Command::new("mkfifo").arg(&fifo).status();
    let link = dir.path().join("link");
    let target = dir.path().join("target");
    std::fs::write(&target, b"precious").unwrap();
    std::os::unix::fs::symlink(&target, &link).unwrap();
    let mut cases = vec![
        ("/dev/null".to_string(), "a device"),
        (link.display().to_string(), "symbolic link"),
        (dir.path().display().to_string(), "a directory"),
    ];
    if made.is_ok_and(|s| s.success()) {
        cases.push((fifo.display().to_string(), "FIFO"));
    }
    for (path, why) in cases {
        let out = run(&["export", "--demo", "--output", &path]);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{path}: {err}");
        assert!(err.contains(why), "{path}: {err}");
    }
    assert_eq!(std::fs::read(&target).unwrap(), b"precious");
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(!std::fs::metadata("/dev/null").unwrap().is_file());
    // `-` is standard output.
    let out = run(&["export", "--demo", "--output", "-"]);
    assert!(out.status.success() && out.stdout.starts_with(b"{"));
}
