//! Findings about policy statements while editing and in the save dialog: the policy
//! engine's per-statement diagnostics (syntax and catalogue), and the grants an edit adds and
//! removes.

use crate::policy::{Severity, impact, parse_statement};

use super::modal::{Tone, ToneLine};

/// Problems of the statements, one line each (`statement 2, column 14: ...`), errors and
/// warnings; a single dim line when there are none.
pub fn lint_lines(statements: &[String]) -> Vec<ToneLine> {
    let mut out = Vec::new();
    for (i, statement) in statements.iter().enumerate() {
        let (_, diagnostics) = parse_statement(statement);
        for d in diagnostics {
            let tone = match d.severity {
                Severity::Error => Tone::Error,
                Severity::Warning => Tone::Warning,
                Severity::Info => continue,
            };
            out.push(ToneLine::new(
                tone,
                format!("statement {}, column {}: {}", i + 1, d.column, d.message),
            ));
        }
    }
    if out.is_empty() {
        out.push(ToneLine::new(
            Tone::Dim,
            "no problems found in the statements",
        ));
    }
    out
}

/// What an edit changes in who can do what: grants added and removed, and statements whose
/// effect is unknown because they do not parse.
pub fn impact_lines(before: &[String], after: &[String]) -> Vec<ToneLine> {
    let impact = impact(before, after);
    let mut out = Vec::new();
    if impact.is_empty() && impact.unparsed.is_empty() {
        out.push(ToneLine::new(
            Tone::Dim,
            "no grant changes (only wording or order)",
        ));
    }
    if !impact.added.is_empty() {
        out.push(ToneLine::new(Tone::Heading, "Access granted by this edit:"));
        out.extend(
            impact
                .added
                .iter()
                .map(|g| ToneLine::new(Tone::Added, format!("+ {g}"))),
        );
    }
    if !impact.removed.is_empty() {
        out.push(ToneLine::new(Tone::Heading, "Access removed by this edit:"));
        out.extend(
            impact
                .removed
                .iter()
                .map(|g| ToneLine::new(Tone::Removed, format!("- {g}"))),
        );
    }
    for (i, d) in &impact.unparsed {
        out.push(ToneLine::new(
            Tone::Error,
            format!(
                "statement {} does not parse, its effect is unknown: {}",
                i + 1,
                d.message
            ),
        ));
    }
    out
}
