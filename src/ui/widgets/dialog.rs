//! Modal dialogs: forms, typed confirmations, choices (diffs, conflicts) and text.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

use super::centered;
use crate::app::modal::{Modal, ModalKind, Tone, ToneLine};
use crate::ui::theme::Theme;
use crate::ui::{highlight, span_owned};

/// A dialog's text lines, styled by tone (statements of a diff highlighted after the marker).
pub fn tone_lines(lines: &[ToneLine], theme: Theme) -> Vec<Line<'static>> {
    lines
        .iter()
        .map(|l| match l.tone {
            Tone::Statement => highlight::statement(&l.text, theme),
            tone => Line::from(span_owned(&l.text, theme.tone(tone))),
        })
        .collect()
}

pub fn draw(frame: &mut Frame<'_>, body: Rect, modal: &Modal, theme: Theme) {
    let mut lines: Vec<Line<'static>> = Vec::new();
    let mut scroll = 0;
    match &modal.kind {
        ModalKind::Form {
            fields,
            focus,
            error,
        } => {
            for (i, f) in fields.iter().enumerate() {
                let focused = i == *focus;
                lines.push(Line::from(Span::styled(
                    format!("{}{}", if focused { "› " } else { "  " }, f.label),
                    if focused {
                        theme.title()
                    } else {
                        theme.plain()
                    },
                )));
                let mut value = vec![Span::raw("  "), span_owned(&f.value, theme.plain())];
                if focused {
                    value.push(Span::styled("█", theme.plain()));
                }
                lines.push(Line::from(value));
                if !f.help.is_empty() {
                    lines.push(Line::from(Span::styled(
                        format!("  {}", f.help),
                        theme.dim(),
                    )));
                }
            }
            if let Some(e) = error {
                lines.push(Line::default());
                lines.push(Line::from(span_owned(e, theme.error())));
            }
            lines.push(Line::default());
            lines.push(Line::from(Span::styled(
                "Tab next field · Enter submit · Esc cancel",
                theme.dim(),
            )));
        }
        ModalKind::TypedConfirm {
            lines: text,
            expected,
            input,
        } => {
            lines.extend(tone_lines(text, theme));
            lines.push(Line::default());
            let style = if input == expected {
                theme.success()
            } else {
                theme.plain()
            };
            lines.push(Line::from(vec![
                Span::styled("> ", theme.key()),
                span_owned(input, style),
                Span::styled("█", theme.plain()),
            ]));
            lines.push(Line::from(Span::styled(
                "Enter confirms once the name matches · Esc cancels",
                theme.dim(),
            )));
        }
        ModalKind::Choice {
            lines: text,
            options,
            selected,
            scroll: s,
        } => {
            scroll = *s;
            lines.extend(tone_lines(text, theme));
            lines.push(Line::default());
            for (i, o) in options.iter().enumerate() {
                let style = if i == *selected {
                    theme.selected()
                } else {
                    theme.plain()
                };
                lines.push(Line::from(Span::styled(
                    format!(" {} {o} ", if i == *selected { "›" } else { " " }),
                    style,
                )));
            }
        }
        ModalKind::Text {
            lines: text,
            scroll: s,
        } => {
            scroll = *s;
            lines.extend(tone_lines(text, theme));
        }
    }
    let width = body.width.saturating_sub(4).min(100);
    let height = (lines.len() as u16 + 2).min(body.height);
    let area = centered(body, width, height);
    frame.render_widget(Clear, area);
    let block = Block::bordered()
        .title(span_owned(&format!(" {} ", modal.title), theme.title()))
        .border_style(theme.focus_border());
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false })
            .scroll((scroll, 0)),
        area,
    );
}
