//! `policy check` and `policy lint` with `--format json|sarif|junit` and `--exclude FILE`, as
//! the real binary. SARIF: the official schema cannot be downloaded here, so the test parses
//! the output and checks the structure the schema requires of what canopy emits (version
//! "2.1.0", `$schema`, runs[].tool.driver.name and rules, results[].ruleId, level,
//! message.text and locations with a physical location). `JUnit`: read back with
//! `junit-parser`, a `JUnit` reader, as a CI system would.

use serde_json::Value;

use super::cli_run;

const STATEMENTS: &str = "Allow group Ops to manage instances in compartment Dev\n\
Allow group Ops manage users in tenancy\n\
Allow group Ops to mange buckets in tenancy\n\
Allow any-user to inspect groups in tenancy\n";

fn input(dir: &tempfile::TempDir) -> String {
    let file = dir.path().join("policies.txt");
    std::fs::write(&file, STATEMENTS).expect("write statements");
    file.to_str().expect("utf-8 path").to_string()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// The parts of SARIF 2.1.0 the schema requires of canopy's output.
fn assert_sarif(sarif: &Value) {
    assert_eq!(sarif["version"], "2.1.0");
    assert!(
        sarif["$schema"]
            .as_str()
            .is_some_and(|s| s.contains("sarif-2.1.0")),
        "{sarif}"
    );
    let runs = sarif["runs"].as_array().expect("runs is an array");
    assert_eq!(runs.len(), 1);
    let driver = &runs[0]["tool"]["driver"];
    assert_eq!(driver["name"], "canopy");
    let rules: Vec<&str> = driver["rules"]
        .as_array()
        .expect("rules is an array")
        .iter()
        .map(|r| r["id"].as_str().expect("every rule has an id"))
        .collect();
    for result in runs[0]["results"].as_array().expect("results is an array") {
        let id = result["ruleId"].as_str().expect("ruleId is a string");
        let index = result["ruleIndex"].as_u64().expect("ruleIndex") as usize;
        assert_eq!(rules[index], id, "ruleIndex points at its rule");
        assert!(
            ["error", "warning", "note", "none"]
                .contains(&result["level"].as_str().expect("level")),
            "{result}"
        );
        assert!(
            result["message"]["text"]
                .as_str()
                .is_some_and(|t| !t.is_empty())
        );
        let locations = result["locations"].as_array().expect("locations");
        assert!(!locations.is_empty());
        let physical = &locations[0]["physicalLocation"];
        assert!(physical["artifactLocation"]["uri"].is_string(), "{result}");
        assert!(
            physical["region"]["startLine"]
                .as_u64()
                .is_some_and(|l| l >= 1)
        );
        assert!(
            physical["region"]["startColumn"]
                .as_u64()
                .is_some_and(|c| c >= 1)
        );
    }
}

#[test]
fn check_writes_sarif_with_rules_results_and_locations() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = input(&dir);
    let out = cli_run(&["policy", "check", &file, "--format", "sarif"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    let sarif: Value = serde_json::from_slice(&out.stdout).expect("SARIF is JSON");
    assert_sarif(&sarif);
    let results = sarif["runs"][0]["results"].as_array().expect("results");
    let got: Vec<(String, String, u64, u64)> = results
        .iter()
        .map(|r| {
            let region = &r["locations"][0]["physicalLocation"]["region"];
            (
                r["ruleId"].as_str().unwrap_or_default().to_string(),
                r["level"].as_str().unwrap_or_default().to_string(),
                region["startLine"].as_u64().unwrap_or_default(),
                region["startColumn"].as_u64().unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(got[0], ("syntax".into(), "error".into(), 2, 17), "{got:?}");
    assert_eq!(got[1].1, "error");
    assert_eq!(got[1].2, 3);
    assert!(
        results[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            .as_str()
            .is_some_and(|u| u.ends_with("policies.txt"))
    );
}

#[test]
fn lint_writes_sarif_with_policy_locations() {
    let out = cli_run(&["policy", "lint", "--demo", "--format", "sarif"]);
    assert_eq!(out.status.code(), Some(1));
    let sarif: Value = serde_json::from_slice(&out.stdout).expect("SARIF is JSON");
    assert_sarif(&sarif);
    let results = sarif["runs"][0]["results"].as_array().expect("results");
    // The nine planted problems and the Partners domain's same-named ReadOnly group.
    assert_eq!(results.len(), 10, "{sarif}");
    let redundant = results
        .iter()
        .find(|r| r["ruleId"] == "redundant")
        .expect("the demo's redundant statement");
    let location = &redundant["locations"][0];
    assert_eq!(
        location["physicalLocation"]["artifactLocation"]["uri"],
        "policies/tenancy/security-auditors"
    );
    assert_eq!(location["physicalLocation"]["region"]["startLine"], 4);
    assert_eq!(location["logicalLocations"][0]["name"], "security-auditors");
}

#[test]
fn junit_reads_back_with_a_test_case_per_statement() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = input(&dir);
    let out = cli_run(&["policy", "check", &file, "--format", "junit"]);
    assert_eq!(out.status.code(), Some(1));
    let suites = junit_parser::from_reader(std::io::Cursor::new(out.stdout)).expect("valid JUnit");
    assert_eq!(suites.tests, 4);
    assert_eq!(suites.failures, 2);
    let suite = &suites.suites[0];
    assert_eq!(suite.cases.len(), 4);
    let status: Vec<(String, bool)> = suite
        .cases
        .iter()
        .map(|c| (c.original_name.clone(), c.status.is_failure()))
        .collect();
    assert_eq!(
        status,
        [
            ("line 1".into(), false),
            ("line 2".into(), true),
            ("line 3".into(), true),
            ("line 4".into(), false),
        ]
    );
    let failure = suite.cases[1].status.failure_as_ref();
    assert_eq!(failure.failure_type, "syntax");
    assert!(failure.message.contains("expected `to` after the subject"));
    // A warning passes, with its message kept in system-out.
    let lint = cli_run(&["policy", "lint", "--demo", "--format", "junit"]);
    let suites = junit_parser::from_reader(std::io::Cursor::new(lint.stdout)).expect("valid JUnit");
    assert_eq!(suites.failures, 4, "the demo's four errors");
    let duplicate = suites.suites[0]
        .cases
        .iter()
        .find(|c| {
            c.classname.as_deref() == Some("policy db-admins (tenancy)")
                && c.original_name == "statement 3"
        })
        .expect("db-admins statement 3");
    assert!(duplicate.status.is_success());
    assert!(
        duplicate
            .system_out
            .as_deref()
            .is_some_and(|s| s.contains("[duplicate]"))
    );
}

#[test]
fn exclusions_drop_rules_everywhere_or_in_one_policy() {
    let dir = tempfile::tempdir().expect("temp dir");
    let exclude = dir.path().join("exclude.txt");
    std::fs::write(
        &exclude,
        "# reviewed by hand\nredundant\nunknown-group qa-*\nsyntax contractors\nunknown-compartment data-engineering\nno-such-rule\n",
    )
    .expect("write exclusions");
    let exclude = exclude.to_str().expect("utf-8");
    let out = cli_run(&[
        "policy",
        "lint",
        "--demo",
        "--exclude",
        exclude,
        "--format",
        "json",
    ]);
    let findings: Value = serde_json::from_slice(&out.stdout).expect("json");
    let rules: Vec<&str> = findings
        .as_array()
        .expect("array")
        .iter()
        .map(|f| f["rule"].as_str().unwrap_or_default())
        .collect();
    assert!(
        !rules.contains(&"redundant") && !rules.contains(&"unknown-group"),
        "{rules:?}"
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "every error excluded: {rules:?}"
    );
    assert!(
        text(&out.stderr).contains("exclusion line 6: `no-such-rule` matched no finding"),
        "{}",
        text(&out.stderr)
    );
    let bad = dir.path().join("bad.txt");
    std::fs::write(&bad, "redundant one two\n").expect("write");
    let out = cli_run(&[
        "policy",
        "lint",
        "--demo",
        "--exclude",
        bad.to_str().expect("utf-8"),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("bad.txt:1: expected `RULE` or `RULE POLICY-OR-FILE`"));
}
