//! Findings about policy statements while editing and in the save dialog: the policy
//! engine's per-statement diagnostics (syntax and catalogue), and the grants an edit adds and
//! removes.

use std::collections::BTreeSet;
use std::sync::Arc;

use crate::policy::{Diagnostic, Severity, TenancyLinter, impact, parse_statement};

use crate::app::widgets::modal::{Tone, ToneLine};

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

/// The save dialog's one-line access verdict: against the whole loaded tenancy (so a grant
/// another policy already gives is no new access), or from this policy alone until it loads.
pub fn verdict_line(
    tenancy: Option<&TenancyLinter>,
    policy_id: &str,
    before: &[String],
    after: &[String],
) -> ToneLine {
    let (new_access, text) = if let Some(t) = tenancy {
        let diff = crate::policy::access_diff::policy_edit(t.snapshot(), policy_id, before, after);
        (diff.grants_new_access(), diff.verdict())
    } else {
        let i = impact(before, after);
        let news: Vec<String> = i
            .added
            .iter()
            .filter(|g| g.effect != "deny")
            .map(|g| g.to_string().trim_start_matches("allow ").to_string())
            .chain(
                i.removed
                    .iter()
                    .filter(|g| g.effect == "deny")
                    .map(|g| format!("no longer denied: {g}")),
            )
            .collect();
        match news.split_first() {
            None => (
                false,
                "grants no new access (this policy alone: the tenancy is not loaded)".to_string(),
            ),
            Some((first, rest)) => {
                let more = match rest.len() {
                    0 => String::new(),
                    n => format!(" (and {n} more)"),
                };
                (
                    true,
                    format!("grants new access: {first}{more} (this policy alone)"),
                )
            }
        }
    };
    ToneLine::new(
        if new_access {
            Tone::Warning
        } else {
            Tone::Added
        },
        text,
    )
}

/// The editor's findings, cached against the text and the snapshot they were computed from,
/// so a keystroke that changes nothing (cursor moves) and every redraw cost nothing.
#[derive(Debug, Clone, Default)]
pub struct EditorLint {
    text: Option<String>,
    snapshot: Option<Arc<TenancyLinter>>,
    /// `LINE:COL severity message` lines, errors and warnings.
    pub lines: Vec<ToneLine>,
    /// The 0-based editor line each of `lines` is about, so the findings panel can follow
    /// the cursor.
    pub line_of: Vec<usize>,
    /// 0-based editor lines with at least one error or warning, for the gutter mark.
    pub marked: BTreeSet<usize>,
    /// True when the findings include the tenancy (the snapshot was loaded).
    pub tenancy_aware: bool,
}

impl EditorLint {
    /// Recomputes when the text or the snapshot changed. `compartment_id` is where the
    /// policy is attached; `policy_id` (when editing an existing policy) leaves its saved
    /// statements out of the duplicate and budget rules.
    pub fn refresh(
        &mut self,
        text: &str,
        snapshot: Option<&Arc<TenancyLinter>>,
        compartment_id: &str,
        policy_id: &str,
    ) {
        let same_snapshot = match (&self.snapshot, snapshot) {
            (Some(a), Some(b)) => Arc::ptr_eq(a, b),
            (None, None) => true,
            _ => false,
        };
        if same_snapshot && self.text.as_deref() == Some(text) {
            return;
        }
        self.text = Some(text.to_string());
        self.snapshot = snapshot.cloned();
        self.tenancy_aware = snapshot.is_some();
        // Statement i is the i-th non-blank line (`statements_of`); keep its editor line.
        let mut statements = Vec::new();
        let mut line_of = Vec::new();
        for (line, s) in text.lines().enumerate() {
            if !s.trim().is_empty() {
                statements.push(s.trim().to_string());
                line_of.push(line);
            }
        }
        let diagnostics: Vec<(usize, Diagnostic)> = match snapshot {
            Some(linter) => linter
                .lint(compartment_id, Some(policy_id), &statements)
                .into_iter()
                .map(|d| (d.index, d.diagnostic))
                .collect(),
            None => statements
                .iter()
                .enumerate()
                .flat_map(|(i, s)| parse_statement(s).1.into_iter().map(move |d| (i, d)))
                .collect(),
        };
        self.lines.clear();
        self.line_of.clear();
        self.marked.clear();
        for (index, d) in diagnostics {
            let tone = match d.severity {
                Severity::Error => Tone::Error,
                Severity::Warning => Tone::Warning,
                Severity::Info => continue,
            };
            let line = line_of.get(index).copied().unwrap_or(index);
            // The statement text was trimmed: columns count from its first character.
            let indent = text
                .lines()
                .nth(line)
                .map_or(0, |l| l.chars().take_while(|c| c.is_whitespace()).count());
            self.marked.insert(line);
            self.line_of.push(line);
            self.lines.push(ToneLine::new(
                tone,
                format!(
                    "{}:{} {} {}",
                    line + 1,
                    d.column + indent,
                    d.severity,
                    d.message
                ),
            ));
        }
    }
}
