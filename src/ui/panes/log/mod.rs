//! The Log pane: every API call of the session (method, path, status, duration) and every
//! message in full, a tab each.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};

use crate::app::AppState;
use crate::app::panes::log::LogTab;
use crate::app::widgets::toast::ToastKind;
use crate::ui::theme::Theme;
use crate::ui::widgets::status::draw_empty;
use crate::ui::widgets::table::{PlainRows, body_height, draw_rows};

pub fn draw(frame: &mut Frame<'_>, area: Rect, state: &AppState, theme: Theme) {
    let log = &state.panes.log;
    let [tabs, body] = Layout::vertical([Constraint::Length(1), Constraint::Min(3)]).areas(area);
    let titles: Vec<&str> = LogTab::ALL.iter().map(|t| t.title()).collect();
    let active = LogTab::ALL.iter().position(|t| *t == log.tab).unwrap_or(0);
    frame.render_widget(
        crate::ui::widgets::detail::switching_tabs(&titles, active, &state.ctx, theme),
        tabs,
    );
    match log.tab {
        LogTab::Calls => draw_calls(frame, body, state, theme),
        LogTab::Messages => draw_messages(frame, body, state, theme),
    }
}

/// Every message of the session, newest last: time, kind and the whole text (cut here,
/// whole on Enter).
fn draw_messages(frame: &mut Frame<'_>, area: Rect, state: &AppState, theme: Theme) {
    let log = &state.panes.log;
    let kept = &state.ctx.toasts.kept;
    let block = super::block(&format!("Messages ({})", kept.len()), true, theme);
    if kept.is_empty() {
        draw_empty(frame, area, block, "No messages yet.", theme);
        return;
    }
    let height = body_height(area, &block);
    let offset = log.messages.visible_offset(height);
    let rows = kept
        .iter()
        .skip(offset)
        .take(height)
        .map(|k| {
            let (kind, style) = match k.kind {
                ToastKind::Error => ("error", theme.error()),
                ToastKind::Success => ("done", theme.plain()),
                ToastKind::Info => ("note", theme.dim()),
            };
            (vec![k.time(), kind.to_string(), k.text.clone()], style)
        })
        .collect();
    draw_rows(
        frame,
        area,
        block,
        PlainRows {
            header: vec![
                ("Time", Constraint::Length(8)),
                ("Kind", Constraint::Length(5)),
                ("Message (Enter: all of it)", Constraint::Min(20)),
            ],
            rows,
            cursor: &log.messages,
            first: offset,
        },
        theme,
    );
}

fn draw_calls(frame: &mut Frame<'_>, area: Rect, state: &AppState, theme: Theme) {
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
