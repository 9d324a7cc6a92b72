//! The audit view: what applies to a compartment and who it reaches, the last question's
//! answer, and the question prompt. Drawn over the body from `AppState::audit`.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

use super::span_owned;
use super::theme::Theme;
use super::widgets::status::failure_lines;
use crate::app::AppState;
use crate::app::Loadable;
use crate::app::audit::AuditView;

pub fn draw(frame: &mut Frame<'_>, body: Rect, state: &AppState, view: &AuditView, theme: Theme) {
    frame.render_widget(Clear, body);
    let path = state.ctx.compartment_path(&view.compartment_id);
    let block = Block::bordered()
        .title(span_owned(&format!(" Audit: {path} "), theme.title()))
        .border_style(theme.focus_border());
    let mut lines: Vec<Line> = Vec::new();
    if let Some((question, input)) = &view.asking {
        let inner = block.inner(body);
        let (line, cursor) = super::widgets::input::input_line(
            vec![Span::styled(question.prompt(), theme.key())],
            input,
            theme.plain(),
            (inner.x, inner.y, inner.width),
        );
        lines.push(line);
        frame.set_cursor_position(cursor);
        if !view.candidates.is_empty() {
            let shown: Vec<&str> = view.candidates.iter().take(8).map(String::as_str).collect();
            let more = match view.candidates.len().saturating_sub(8) {
                0 => String::new(),
                n => format!(" (and {n} more)"),
            };
            lines.push(Line::from(span_owned(
                &format!("  Tab: {}{more}", shown.join("  ")),
                theme.dim(),
            )));
        }
    }
    match &state.ctx.snapshot {
        Loadable::Failed(f) => {
            let retry = state.ctx.key(&crate::app::Action::Refresh);
            lines.extend(failure_lines(
                f,
                &format!("Could not load the tenancy for the audit ({retry} retries)"),
                &retry,
                theme,
            ));
        }
        _ if !view.is_ready() => {
            let dots = ".".repeat((state.ctx.tick % 4) as usize);
            lines.push(Line::from(Span::styled(
                format!("loading the tenancy for the audit...{dots}"),
                theme.dim(),
            )));
        }
        _ => {
            if let Some((title, answer)) = &view.answer {
                lines.push(Line::from(span_owned(title, theme.title())));
                lines.extend(
                    answer
                        .iter()
                        .map(|l| Line::from(span_owned(&l.text, theme.tone(l.tone)))),
                );
                lines.push(Line::from(""));
            }
            lines.extend(
                view.body
                    .iter()
                    .map(|l| Line::from(span_owned(&l.text, theme.tone(l.tone)))),
            );
        }
    }
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false })
            .scroll((view.scroll, 0)),
        body,
    );
}
