//! SARIF 2.1.0 (OASIS), the format code-scanning services read: one run, the tool with the
//! rules that fired, one result per finding with a file, line and column. Lint findings have
//! no file: their location is `policies/<compartment>/<policy>`, line = statement number, and
//! a logical location naming the policy.

use serde_json::{Value, json};

use super::{Report, rule_description};
use crate::policy::diagnostic::Severity;

pub const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

pub fn render(report: &Report) -> String {
    let mut rules: Vec<&str> = report.findings.iter().map(|f| f.rule.as_str()).collect();
    rules.sort_unstable();
    rules.dedup();
    let results: Vec<Value> = report
        .findings
        .iter()
        .map(|f| {
            let mut location = json!({
                "physicalLocation": {
                    "artifactLocation": { "uri": f.file },
                    "region": { "startLine": f.line.max(1), "startColumn": f.column.max(1) }
                }
            });
            if let Some(policy) = &f.policy {
                location["logicalLocations"] = json!([{ "name": policy, "kind": "module" }]);
            }
            json!({
                "ruleId": f.rule,
                "ruleIndex": rules.iter().position(|r| *r == f.rule).unwrap_or_default(),
                "level": match f.severity {
                    Severity::Error => "error",
                    Severity::Warning => "warning",
                    Severity::Info => "note",
                },
                "message": { "text": f.message },
                "locations": [location],
            })
        })
        .collect();
    let sarif = json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "canopy",
                    "version": env!("CARGO_PKG_VERSION"),
                    "rules": rules.iter().map(|r| json!({
                        "id": r,
                        "shortDescription": { "text": rule_description(r) },
                    })).collect::<Vec<_>>(),
                }
            },
            "automationDetails": { "id": report.command },
            "results": results,
        }]
    });
    let text = serde_json::to_string_pretty(&sarif).unwrap_or_default();
    crate::text::escape_json(&text).into_owned()
}
