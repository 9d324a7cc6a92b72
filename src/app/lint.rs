//! Checks on policy statements shown while editing and in the save dialog.
//!
//! One function the policy engine's linter replaces once it is on main; until then a shape
//! check of the statement verbs.

use super::modal::{Tone, ToneLine};

/// Problems of the statements, one line each, or a line saying there are none.
pub fn lint_lines(statements: &[String]) -> Vec<ToneLine> {
    let problems: Vec<ToneLine> = statements
        .iter()
        .enumerate()
        .filter_map(|(i, s)| {
            problem(s).map(|p| ToneLine::new(Tone::Error, format!("statement {}: {p}", i + 1)))
        })
        .collect();
    if problems.is_empty() {
        vec![ToneLine::new(
            Tone::Dim,
            "no problems found in the statements",
        )]
    } else {
        problems
    }
}

/// What is wrong with one statement's shape, if anything.
pub fn problem(statement: &str) -> Option<String> {
    let words: Vec<String> = statement
        .split_whitespace()
        .map(str::to_lowercase)
        .collect();
    let verb = words.first()?.as_str();
    let has = |w: &str| words.iter().any(|x| x == w);
    match verb {
        "allow" if !has("to") => Some("an allow statement needs 'to <verb> <resources>'".into()),
        "allow" if !has("in") => {
            Some("an allow statement needs 'in tenancy' or 'in compartment <name>'".into())
        }
        "allow" | "endorse" | "admit" | "define" => None,
        other => Some(format!(
            "'{other}' is not a statement verb (allow, define, endorse, admit)"
        )),
    }
}
