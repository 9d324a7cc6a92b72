//! The command log pane: every API call of the session (method, path, status, duration).

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};

use crate::app::AppState;
use crate::app::request::CallRecord;
use crate::ui::theme::Theme;
use crate::ui::widgets::status::draw_empty;
use crate::ui::widgets::table::{self, Column, RowAdapter};

struct CallRow;

impl RowAdapter<CallRecord> for CallRow {
    fn columns(&self) -> Vec<Column> {
        vec![
            Column::new("Method", Constraint::Length(6)),
            Column::new("Status", Constraint::Length(6)),
            Column::new("ms", Constraint::Length(6)),
            Column::new("Path", Constraint::Min(20)),
        ]
    }

    fn cells(&self, c: &CallRecord) -> Vec<String> {
        vec![
            c.method.clone(),
            c.status.map_or_else(|| "-".into(), |s| s.to_string()),
            c.duration_ms.to_string(),
            c.path.clone(),
        ]
    }

    fn dim(&self, c: &CallRecord) -> bool {
        c.status.is_some_and(|s| s < 300)
    }
}

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
    let items: Vec<&CallRecord> = log.calls.iter().collect();
    table::draw(frame, area, block, &items, &log.cursor, &CallRow, theme);
}
