//! The policy language: lexer, parser, diagnostics, printer, lint and effective permissions.
//!
//! API for the editor and audit views (all pure; no I/O):
//! - [`parse_statement`]`(&str) -> (Option<Statement>, Vec<Diagnostic>)`: one statement's
//!   tree and its syntax errors plus catalogue warnings (unknown verb or type, bad OCID ...).
//!   `Statement` implements `Display` (the canonical form).
//! - [`highlight()`]`(&str) -> Vec<(Range<usize>, TokenKind)>`: byte ranges with roles, for colour.
//! - [`lint_policy`]`(&Snapshot, policy_compartment_id, &[String]) -> Vec<StatementDiagnostic>`:
//!   everything above plus tenancy-aware rules, each keyed by statement index.
//!   [`lint_policy_edit`] does the same for an existing policy (excluding its old text);
//!   [`lint::PolicyLinter`] keeps the tenancy side built between keystrokes;
//!   [`lint_tenancy`] lints every policy already in the tenancy.
//! - [`EffectiveIndex::build`]`(&Snapshot)` (owns its data; build once per snapshot), then
//!   `compartment(path)` / `principal(name)` to find things, and `statements_for(c)`,
//!   `what_can(principal, c)`, `who_can(verb, resource, c)`, `can(principal, verb, resource, c)`:
//!   statements that apply to a compartment and audit answers ([`effective::Answer`]) with
//!   provenance; `unparsed()` lists statements left out because they do not parse.
//! - [`impact()`]`(before, after) -> Impact`: grants added and removed by an edit (one line per
//!   subject and verb-resource or permission), ignoring layout, case and quoting.
//! - [`escalation::analyse`]`(&EffectiveIndex) -> Vec<EscalationPath>`: principals that can
//!   make themselves more powerful, each with its chain, grounds and whom it reaches.
//! - [`access_diff::access_diff`]`(&old, &new) -> AccessDiff`: access gained and lost between two
//!   snapshots (coverage-aware), with a one-line verdict; `access_diff::policy_edit` for one edit.
//! - [`budget`]`(&Snapshot)`: statement usage against the 500 limit along each compartment path.
//!
//! Every [`Diagnostic`] has a byte `span`, a 1-based `line` and `column` (characters) relative
//! to the statement text, a [`Severity`] and a message that says what to do.

pub mod access_diff;
pub mod ast;
pub mod catalogue;
mod check;
pub mod cli;
pub mod decide;
pub mod diagnostic;
pub mod effective;
pub mod escalation;
pub mod highlight;
pub mod impact;
mod lexer;
pub(crate) mod lines;
pub mod lint;
pub mod matching_rule;
mod parser;
mod printer;
pub mod report;
pub mod structural;
pub mod tree;

pub use ast::Statement;
pub use diagnostic::{Diagnostic, Severity, Span};
pub use effective::{EffectiveIndex, PrincipalRef};
pub use highlight::{TokenKind, highlight};
pub use impact::{Impact, impact};
pub use lint::{
    PolicyFinding, StatementDiagnostic, TenancyLinter, budget, lint_policy, lint_policy_edit,
    lint_tenancy,
};

/// Parses one statement's syntax only: the tree or the first syntax error (no catalogue or
/// OCID checks; [`parse_statement`] adds those).
pub fn parse_syntax(source: &str) -> Result<Statement, Diagnostic> {
    parser::parse(source)
}

/// Parses one statement: its tree (if the syntax is valid) and every statement-local finding.
pub fn parse_statement(source: &str) -> (Option<Statement>, Vec<Diagnostic>) {
    lines::indexed([source], || match parser::parse(source) {
        Ok(statement) => {
            let diagnostics = check::check(source, &statement);
            (Some(statement), diagnostics)
        }
        Err(error) => (None, vec![error]),
    })
}
