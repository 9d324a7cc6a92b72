//! Inline states of a pane's data: loading, failed (with the OCI code, message and
//! opc-request-id), and empty.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use crate::app::ctx::Ctx;
use crate::app::{Action, Failure, Loadable};
use crate::ui::span_owned;
use crate::ui::theme::Theme;

/// Draws the loading or failed state of `data` in `area` and returns true; false when there
/// is data to draw (loaded, or partially loaded).
pub fn draw_unless_ready<T>(
    frame: &mut Frame<'_>,
    area: Rect,
    block: Block<'_>,
    data: &Loadable<T>,
    what: &str,
    ctx: &Ctx,
    theme: Theme,
) -> bool {
    let lines = match data {
        Loadable::NotLoaded | Loadable::Loading { partial: None, .. } => {
            let dots = ".".repeat((ctx.tick % 4) as usize);
            vec![Line::from(Span::styled(
                format!("Loading {what}{dots}"),
                theme.dim(),
            ))]
        }
        Loadable::Failed(f) => failure_lines(
            f,
            &format!("Could not load {what}"),
            &ctx.key(&Action::Refresh),
            theme,
        ),
        _ => return false,
    };
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false }),
        area,
    );
    true
}

/// A failure as the user needs it: what failed, the OCI code and message, the request id to
/// quote to support, and the hint.
pub fn failure_lines(
    f: &Failure,
    headline: &str,
    retry_key: &str,
    theme: Theme,
) -> Vec<Line<'static>> {
    let mut lines = vec![
        Line::from(Span::styled(headline.to_string(), theme.error())),
        Line::from(vec![
            Span::styled("code: ", theme.dim()),
            span_owned(
                &match f.status {
                    Some(s) => format!("{s} {}", f.code),
                    None => f.code.clone(),
                },
                theme.plain(),
            ),
        ]),
        Line::from(vec![
            Span::styled("message: ", theme.dim()),
            span_owned(&f.message, theme.plain()),
        ]),
    ];
    if let Some(id) = &f.opc_request_id {
        lines.push(Line::from(vec![
            Span::styled("opc-request-id: ", theme.dim()),
            span_owned(id, theme.plain()),
        ]));
    }
    if let Some(hint) = &f.hint {
        lines.push(Line::from(span_owned(hint, theme.dim())));
    }
    lines.push(Line::from(Span::styled(
        format!("Press {retry_key} to retry."),
        theme.dim(),
    )));
    lines
}

/// The empty state: a dim sentence in the block.
pub fn draw_empty(
    frame: &mut Frame<'_>,
    area: Rect,
    block: Block<'_>,
    message: &str,
    theme: Theme,
) {
    frame.render_widget(
        Paragraph::new(Line::from(Span::styled(message.to_string(), theme.dim()))).block(block),
        area,
    );
}

/// `⟳ deactivating domain Partners: IN_PROGRESS 40%`, one line per change in progress.
pub fn progress_lines(texts: impl IntoIterator<Item = String>, theme: Theme) -> Vec<Line<'static>> {
    texts
        .into_iter()
        .map(|t| {
            Line::from(vec![
                Span::styled("⟳ ", theme.key()),
                span_owned(&t, theme.key()),
            ])
        })
        .collect()
}
