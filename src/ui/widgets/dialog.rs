//! Modal dialogs: forms, typed confirmations, choices (diffs, conflicts) and text.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
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
    // The text scrolls; the footer (input line, options) always stays in view.
    let mut lines: Vec<Line<'static>> = Vec::new();
    let mut footer: Vec<Line<'static>> = Vec::new();
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
                footer.push(Line::from(span_owned(e, theme.error())));
            }
            footer.push(Line::from(Span::styled(
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
            let style = if input == expected {
                theme.success()
            } else {
                theme.plain()
            };
            footer.push(Line::from(vec![
                Span::styled("> ", theme.key()),
                span_owned(input, style),
                Span::styled("█", theme.plain()),
            ]));
            footer.push(Line::from(Span::styled(
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
            for (i, o) in options.iter().enumerate() {
                let chosen = i == *selected;
                let style = if chosen {
                    theme.selected()
                } else {
                    theme.plain()
                };
                footer.push(Line::from(Span::styled(
                    format!(" {} {o} ", if chosen { "›" } else { " " }),
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
    let inner_width = width.saturating_sub(2).max(1) as usize;
    // Wrapped height of the text, so short dialogs stay small.
    let text_height: usize = lines
        .iter()
        .map(|l| l.width().div_ceil(inner_width).max(1))
        .sum();
    let height = (text_height + footer.len() + 2).min(body.height as usize) as u16;
    let area = centered(body, width, height);
    frame.render_widget(Clear, area);
    let block = Block::bordered()
        .title(span_owned(&format!(" {} ", modal.title), theme.title()))
        .border_style(theme.focus_border());
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let [text_area, footer_area] =
        Layout::vertical([Constraint::Min(0), Constraint::Length(footer.len() as u16)])
            .areas(inner);
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .scroll((scroll, 0)),
        text_area,
    );
    frame.render_widget(Paragraph::new(footer), footer_area);
}
