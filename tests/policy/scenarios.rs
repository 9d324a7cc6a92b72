//! The decision engine against `scenarios.txt`: each line a tenancy's statements, a question
//! and the answer OCI would give (allow/deny × direct/inherited/attached below × subject
//! kinds × conditions known and unknown × domain prefixes × permission and operation level).

use canopy::model::{LifecycleState, Policy};
use canopy::policy::EffectiveIndex;
use canopy::policy::decide::{Decision, Part, Question, RequestValues, Want};

const SCENARIOS: &str = include_str!("scenarios.txt");

struct Scenario<'a> {
    line: usize,
    expect: &'a str,
    principal: &'a str,
    want: &'a str,
    compartment: &'a str,
    values: &'a str,
    statements: Vec<&'a str>,
}

fn scenarios() -> Vec<Scenario<'static>> {
    SCENARIOS
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|(i, l)| {
            let l = l.split("   # ").next().unwrap_or(l);
            let cells: Vec<&str> = l.splitn(6, " | ").map(str::trim).collect();
            assert_eq!(cells.len(), 6, "line {}: {l}", i + 1);
            Scenario {
                line: i + 1,
                expect: cells[0],
                principal: cells[1],
                want: cells[2],
                compartment: cells[3],
                values: cells[4],
                statements: cells[5].split(" ;; ").filter(|s| !s.is_empty()).collect(),
            }
        })
        .collect()
}

/// The fixture tenancy with the scenario's statements as its only policies.
fn index(s: &Scenario) -> EffectiveIndex {
    let mut snapshot = super::fixture::tenancy();
    let base = EffectiveIndex::build(&snapshot);
    snapshot.policies = s
        .statements
        .iter()
        .enumerate()
        .map(|(i, text)| {
            let (at, statement) = text
                .strip_prefix('@')
                .and_then(|t| t.split_once(": "))
                .unwrap_or_else(|| panic!("line {}: `@COMPARTMENT: statement`", s.line));
            Policy {
                id: format!("ocid1.policy.oc1..scenario{i}"),
                compartment_id: base
                    .compartment(at)
                    .unwrap_or_else(|| panic!("line {}: {at}", s.line)),
                name: format!("p{i}"),
                statements: vec![statement.to_string()],
                description: String::new(),
                time_created: String::new(),
                lifecycle_state: LifecycleState::Active,
                inactive_status: None,
                version_date: None,
                freeform_tags: std::collections::BTreeMap::default(),
                defined_tags: std::collections::BTreeMap::default(),
            }
        })
        .collect();
    EffectiveIndex::build(&snapshot)
}

fn question(index: &EffectiveIndex, s: &Scenario) -> Question {
    let want = match s.want.split_once(' ') {
        Some(("perm", p)) => Want::Permission(p.into()),
        Some(("op", o)) => Want::Operation(o.into()),
        Some((verb, resource)) => Want::Verb {
            verb: verb.into(),
            resource: resource.into(),
        },
        None => panic!("line {}: question `{}`", s.line, s.want),
    };
    let mut values = RequestValues::default();
    if s.values != "-" {
        for pair in s.values.split(", ") {
            let (k, v) = pair.split_once('=').unwrap();
            values.set(k, vec![v.to_string()]);
        }
    }
    Question {
        principal: index
            .principal(s.principal)
            .unwrap_or_else(|| panic!("line {}: principal {}", s.line, s.principal)),
        compartment: index.compartment(s.compartment).unwrap(),
        want,
        values,
    }
}

fn meets(expect: &str, d: &Decision) -> bool {
    let no = !d.allowed && d.certain;
    match expect {
        "yes" => d.allowed && d.certain,
        "no" => no,
        "unknown" => !d.allowed && !d.certain,
        "no deny" => no && d.deciding.first().is_some_and(|r| r.effect == "deny"),
        other => {
            let part = match other.strip_prefix("no ") {
                Some("subject") => Part::Subject,
                Some("domain") => Part::Domain,
                Some("verb") => Part::Verb,
                Some("resource") => Part::Resource,
                Some("location") => Part::Location,
                Some("condition") => Part::Condition,
                _ => panic!("unknown expectation `{other}`"),
            };
            no && d.near_misses.first().is_some_and(|m| m.failed == part)
        }
    }
}

#[test]
fn the_engine_answers_every_scenario_as_oci_would() {
    let all = scenarios();
    assert!(all.len() >= 150, "{} scenarios", all.len());
    let mut failures = Vec::new();
    for s in &all {
        let index = index(s);
        let q = question(&index, s);
        let d = index
            .decide(&q)
            .unwrap_or_else(|e| panic!("line {}: {e}", s.line));
        if !meets(s.expect, &d) {
            failures.push(format!(
                "line {}: expected {} for {} {} in {}, got allowed={} certain={} deciding={:?} near={:?}",
                s.line,
                s.expect,
                s.principal,
                s.want,
                s.compartment,
                d.allowed,
                d.certain,
                d.deciding.iter().map(|r| format!("{} {}", r.effect, r.statement)).collect::<Vec<_>>(),
                d.near_misses.iter().map(|m| format!("{:?}: {}", m.failed, m.detail)).collect::<Vec<_>>()
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} scenarios failed:\n{}",
        failures.len(),
        all.len(),
        failures.join("\n")
    );
}
