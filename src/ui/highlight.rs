//! Syntax highlighting of policy statements, from the policy engine's token roles.

use ratatui::text::{Line, Span};

use super::sanitize;
use super::theme::Theme;
use crate::policy::{TokenKind, highlight};

/// A statement as a styled line. Text between tokens (spaces) keeps the plain style; every
/// piece is sanitized.
pub fn statement(text: &str, theme: Theme) -> Line<'static> {
    let mut spans = Vec::new();
    let mut at = 0;
    for (range, kind) in highlight(text) {
        // Ranges come from the same text; guard anyway so a bad range cannot panic a draw.
        let (Some(gap), Some(token)) = (text.get(at..range.start), text.get(range.clone())) else {
            continue;
        };
        if !gap.is_empty() {
            spans.push(Span::raw(sanitize(gap).into_owned()));
        }
        spans.push(Span::styled(
            sanitize(token).into_owned(),
            style(kind, theme),
        ));
        at = range.end;
    }
    if let Some(rest) = text.get(at..).filter(|r| !r.is_empty()) {
        spans.push(Span::raw(sanitize(rest).into_owned()));
    }
    Line::from(spans)
}

fn style(kind: TokenKind, theme: Theme) -> ratatui::style::Style {
    match kind {
        TokenKind::Keyword | TokenKind::Operator => theme.keyword(),
        TokenKind::Verb | TokenKind::Permission => theme.verb(),
        TokenKind::ResourceType => theme.resource(),
        TokenKind::Name | TokenKind::Ocid => theme.subject(),
        TokenKind::Variable => theme.variable(),
        TokenKind::Value | TokenKind::Pattern => theme.literal(),
        TokenKind::Punctuation => theme.plain(),
        TokenKind::Invalid => theme.error(),
    }
}
