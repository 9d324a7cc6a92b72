//! Findings of `canopy policy check` and `canopy policy lint` in the forms CI systems read:
//! JSON, SARIF 2.1.0 (code scanning) and `JUnit` XML (test reports), plus per-rule exclusions
//! from a file, as popeye does. The text form stays with each command.

mod exclude;
mod junit;
mod sarif;

use clap::ValueEnum;
use serde::Serialize;

use super::diagnostic::Severity;

pub use exclude::{ExcludeError, Exclusions};

/// What `--format` names.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, ValueEnum)]
pub enum Format {
    #[default]
    Text,
    Json,
    Sarif,
    Junit,
}

/// One finding, wherever it came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// The rule's stable name, e.g. `redundant`, `unknown-group`.
    pub rule: String,
    pub severity: Severity,
    pub message: String,
    /// Where: the input file (check) or `policies/<compartment>/<policy>` (lint).
    pub file: String,
    /// 1-based line in `file` (for lint, the statement's number in its policy).
    pub line: usize,
    pub column: usize,
    /// The policy it is about (lint only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub policy: Option<String>,
    /// Which checked item (index into [`Report::items`]) it belongs to.
    #[serde(skip)]
    pub item: usize,
    /// The line the command prints for it in text form.
    #[serde(skip)]
    pub text: String,
}

/// One thing that was checked (a statement), for the `JUnit` test cases.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checked {
    /// e.g. `policies.txt` or `policy security-auditors (tenancy)`.
    pub group: String,
    /// e.g. `line 4` or `statement 2`.
    pub name: String,
}

/// Everything a command found, after exclusions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    /// `canopy policy check` or `canopy policy lint`.
    pub command: String,
    pub items: Vec<Checked>,
    pub findings: Vec<Finding>,
}

impl Report {
    pub fn errors(&self) -> usize {
        self.count(Severity::Error)
    }

    pub fn warnings(&self) -> usize {
        self.count(Severity::Warning)
    }

    fn count(&self, severity: Severity) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity == severity)
            .count()
    }

    /// The report in a machine format; `None` for text, which each command prints itself.
    pub fn render(&self, format: Format) -> Option<String> {
        match format {
            Format::Text => None,
            Format::Json => serde_json::to_string_pretty(&self.findings)
                .ok()
                .map(|s| crate::text::escape_json(&s).into_owned()),
            Format::Sarif => Some(sarif::render(self)),
            Format::Junit => Some(junit::render(self)),
        }
    }
}

/// A one-line description of each rule, for SARIF's rule list (unknown rules get their name).
pub fn rule_description(rule: &str) -> String {
    let known = match rule {
        "syntax" => "the statement does not parse",
        "redundant" => "a broader grant already covers this statement",
        "duplicate" => "the same grant appears twice",
        "over-broad" => "manage all-resources in tenancy for someone other than Administrators",
        "broad-subject" => "any-user or any-group grant",
        "unknown-group" => "a group that does not exist in the tenancy",
        "unknown-dynamic-group" => "a dynamic group that does not exist in the tenancy",
        "unknown-compartment" => "a compartment that does not exist",
        "unknown-verb" => "not one of inspect, read, use, manage",
        "unknown-resource-type" => "not a known resource type or family",
        "statement-budget" => "the 500-statement limit along a compartment path",
        "location-out-of-reach" => "a location the policy's compartment cannot grant in",
        _ => "",
    };
    if known.is_empty() {
        format!("policy rule {rule}")
    } else {
        known.to_string()
    }
}
