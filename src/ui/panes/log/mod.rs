//! The command log pane: every API call of the session (method, path, status, duration).

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};

use crate::app::AppState;
use crate::ui::theme::Theme;
use crate::ui::widgets::status::draw_empty;
use crate::ui::widgets::table::{PlainRows, body_height, draw_rows};

pub fn draw(frame: &mut Frame<'_>, area: Rect, state: &AppState, theme: Theme) {
    let log = &state.panes.log;
    let block = super::block(
        &format!("Command log ({} calls)", log.calls.len()),
        true,
        theme,
    );
    if log.calls.is_empty() {
        draw_empty(frame, area, block, "No API calls yet.", theme);
        return;
    }
    let height = body_height(area, &block);
    let offset = log.cursor.visible_offset(height);
    let rows = log
        .calls
        .iter()
        .skip(offset)
        .take(height)
        .map(|c| {
            let style = if c.status.is_some_and(|s| s < 300) {
                theme.dim()
            } else {
                theme.plain()
            };
            let cells = vec![
                c.method.clone(),
                c.status.map_or_else(|| "-".into(), |s| s.to_string()),
                c.duration_ms.to_string(),
                c.path.clone(),
            ];
            (cells, style)
        })
        .collect();
    draw_rows(
        frame,
        area,
        block,
        PlainRows {
            header: vec![
                ("Method", Constraint::Length(6)),
                ("Status", Constraint::Length(6)),
                ("ms", Constraint::Length(6)),
                ("Path", Constraint::Min(20)),
            ],
            rows,
            cursor: &log.cursor,
            first: offset,
        },
        theme,
    );
}
