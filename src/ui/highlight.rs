//! Syntax highlighting of policy statements. One function, [`statement`], so the keyword
//! highlighter here can be swapped for the policy engine's once it is on main.

use ratatui::text::{Line, Span};

use super::sanitize;
use super::theme::Theme;

const KEYWORDS: &[&str] = &[
    "allow",
    "define",
    "endorse",
    "admit",
    "deny",
    "to",
    "in",
    "where",
    "of",
    "as",
    "on",
    "any-user",
    "any-group",
    "all",
    "any",
    "tenancy",
    "compartment",
    "and",
    "or",
];
const VERBS: &[&str] = &["inspect", "read", "use", "manage"];
const SUBJECTS: &[&str] = &["group", "dynamic-group", "service", "id"];

/// A statement as a styled line: keywords, verbs, the subject after `group`, quoted literals.
pub fn statement(text: &str, theme: Theme) -> Line<'static> {
    let text = sanitize(text).into_owned();
    let mut spans = Vec::new();
    let mut after_subject_word = false;
    let mut rest = text.as_str();
    while !rest.is_empty() {
        // Whitespace runs as they are.
        let ws = rest.len() - rest.trim_start().len();
        if ws > 0 {
            spans.push(Span::raw(rest[..ws].to_string()));
            rest = &rest[ws..];
            continue;
        }
        if let Some(quote) = rest.chars().next().filter(|c| *c == '\'' || *c == '"') {
            let end = rest[1..].find(quote).map_or(rest.len(), |i| i + 2);
            spans.push(Span::styled(rest[..end].to_string(), theme.literal()));
            rest = &rest[end..];
            continue;
        }
        let end = rest
            .find(|c: char| c.is_whitespace() || c == '\'' || c == '"')
            .unwrap_or(rest.len());
        let end = end.max(1);
        let word = &rest[..end];
        let lower = word.to_lowercase();
        let style = if after_subject_word {
            theme.subject()
        } else if KEYWORDS.contains(&lower.as_str()) {
            theme.keyword()
        } else if VERBS.contains(&lower.as_str()) {
            theme.verb()
        } else if SUBJECTS.contains(&lower.as_str()) {
            theme.keyword()
        } else {
            theme.plain()
        };
        after_subject_word = SUBJECTS.contains(&lower.as_str()) && lower != "id";
        spans.push(Span::styled(word.to_string(), style));
        rest = &rest[end..];
    }
    Line::from(spans)
}
