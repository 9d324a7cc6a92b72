//! `canopy policy check` and `canopy audit` run as the real binary: output, exit status, and
//! the tenancy taken from a snapshot file (no network).

use std::io::Write;
use std::process::{Command, Output, Stdio};

use super::fixture;

fn canopy(args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_canopy"))
        .args(args)
        // A developer's own OCI settings must not leak into these runs.
        .env_remove("OCI_CLI_PROFILE")
        .env_remove("OCI_CLI_CONFIG_FILE")
        .env_remove("OCI_CLI_ENDPOINT")
        .env_remove("OCI_CLI_REGION")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("canopy runs");
    let mut input = child.stdin.take().expect("stdin");
    input
        .write_all(stdin.unwrap_or_default().as_bytes())
        .expect("stdin accepts the statements");
    drop(input);
    child.wait_with_output().expect("canopy finishes")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

const STATEMENTS: &str = "# deployment policy\n\
Allow group Ops to manage instances in compartment Dev\n\
\n\
Allow group Ops manage users in tenancy\n\
  # indented comment\n\
Allow group Ops to mange buckets in tenancy\n";

#[test]
fn check_reports_line_and_column_and_fails_on_errors() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("policy.txt");
    std::fs::write(&file, STATEMENTS).expect("write statements");
    let out = canopy(
        &["policy", "check", file.to_str().expect("utf-8 path")],
        None,
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(
        stdout(&out),
        "4:17: error: expected `to` after the subject, found `manage`\n\
         6:20: error: unknown verb `mange`: did you mean `manage`?\n"
    );
    assert!(stderr(&out).contains("3 statements: 2 errors, 0 warnings"));
}

#[test]
fn check_reads_standard_input_and_passes_with_only_warnings() {
    let out = canopy(
        &["policy", "check", "-"],
        Some("Allow group Ops to manage widgets in tenancy\n"),
    );
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        stdout(&out),
        "1:27: warning: unknown resource type `widgets`: check the spelling against the service's policy reference\n"
    );
    let clean = canopy(
        &["policy", "check"],
        Some("Allow group Ops to read buckets in tenancy\n"),
    );
    assert_eq!(clean.status.code(), Some(0));
    assert_eq!(stdout(&clean), "");
}

#[test]
fn check_against_a_snapshot_finds_unknown_names() {
    let out = canopy(
        &[
            "policy",
            "check",
            "--snapshot",
            fixture::PATH,
            "--compartment",
            "Prod",
        ],
        Some(
            "Allow group ProdOps to read buckets in compartment AppTeir\nAllow group ProdOp to read buckets in compartment AppTier\n",
        ),
    );
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stdout(&out),
        "1:52: error: no compartment `AppTeir` under `Prod` (did you mean `AppTier`?): names and paths are relative to the compartment the policy is attached to (`Prod`)\n\
         2:13: error: no group named `ProdOp` in this tenancy: did you mean `ProdOps`?\n"
    );
}

#[test]
fn check_with_an_unknown_compartment_exits_2() {
    let out = canopy(
        &[
            "policy",
            "check",
            "--snapshot",
            fixture::PATH,
            "--compartment",
            "Nowhere",
        ],
        Some("Allow group ProdOps to read buckets in tenancy\n"),
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("no compartment `Nowhere`"));
}

#[test]
fn check_with_a_missing_file_exits_2() {
    let out = canopy(&["policy", "check", "/nonexistent/policy.txt"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("cannot read /nonexistent/policy.txt"));
}

#[test]
fn audit_explains_what_a_user_can_do() {
    let out = canopy(
        &[
            "audit",
            "--snapshot",
            fixture::PATH,
            "--compartment",
            "Prod:AppTier",
            "--principal",
            "bob",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.starts_with("What bob can do in Prod:AppTier:\n"),
        "{text}"
    );
    assert!(text.contains(
        "- allow: group ProdOps use instance-family [member of group ProdOps]\n    in compartment Prod, inherited by Prod:AppTier\n    policy ProdPolicy (attached to tenancy): Allow group ProdOps to use instance-family in compartment Prod\n"
    ), "{text}");
    assert!(
        text.contains("only where request.principal.type = 'instance'"),
        "{text}"
    );
}

#[test]
fn audit_answers_who_can_as_json() {
    let out = canopy(
        &[
            "audit",
            "--snapshot",
            fixture::PATH,
            "--compartment",
            "Prod:Network",
            "--verb",
            "manage",
            "--resource",
            "subnets",
            "--format",
            "json",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json output");
    assert_eq!(report["compartment"], "Prod:Network");
    assert_eq!(report["question"], "Who can manage subnets");
    let answers = report["answers"].as_array().expect("answers");
    assert_eq!(answers.len(), 2);
    assert_eq!(answers[0]["members"], serde_json::json!(["erin"]));
    assert_eq!(
        answers[1]["location"],
        "in tenancy, inherited by Prod:Network"
    );
}

#[test]
fn audit_with_an_unknown_principal_or_compartment_exits_2() {
    let who = canopy(
        &[
            "audit",
            "--snapshot",
            fixture::PATH,
            "--compartment",
            "Prod",
            "--principal",
            "mallory",
        ],
        None,
    );
    assert_eq!(who.status.code(), Some(2));
    assert!(stderr(&who).contains("no user, group, dynamic group or IdP group `mallory`"));
    let place = canopy(
        &[
            "audit",
            "--snapshot",
            fixture::PATH,
            "--compartment",
            "Prod:Nope",
        ],
        None,
    );
    assert_eq!(place.status.code(), Some(2));
}

#[test]
fn audit_lists_every_statement_that_applies() {
    let out = canopy(
        &[
            "audit",
            "--snapshot",
            fixture::PATH,
            "--compartment",
            "Shared",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    assert_eq!(text.matches("\n- ").count(), 3, "{text}");
}

#[test]
fn lint_reports_the_demo_tenancys_planted_problems_and_fails() {
    let demo = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/demo-tenancy.json");
    let out = canopy(&["policy", "lint", "--snapshot", demo], None);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let text = stdout(&out);
    assert_eq!(text.lines().count(), 10, "{text}");
    assert!(text.contains(
        "contractors (tenancy) statement 1:1:25: error: expected `to` after the subject, found `manage`\n"
    ));
    assert!(text.contains("db-admins (tenancy) statement 3:1:1: warning: duplicate of statement 1 in this policy: remove one\n"));
    assert!(
        stderr(&out)
            .contains("statement budget: 59 of 500 along Prod:Data:Warehouse:Sensitive:PCI"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn demo_flag_checks_against_the_demo_tenancy() {
    let out = canopy(
        &["policy", "check", "--demo", "--compartment", "Prod:Data"],
        Some(
            "Allow group DataEngineers to manage buckets in compartment Warehouse:Sensitive\nAllow group DataEngineer to read buckets in compartment Lakehouse\n",
        ),
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.starts_with("2:13: error: no group named `DataEngineer` in this tenancy: did you mean `DataEngineers`?\n"), "{text}");
    assert!(
        text.contains("2:57: error: no compartment `Lakehouse` under `Prod:Data`"),
        "{text}"
    );
    assert_eq!(text.lines().count(), 2, "{text}");
}
