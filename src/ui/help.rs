//! The `?` overlay: every binding in force, generated from the keymap's descriptions.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use super::theme::Theme;
use super::widgets::centered;
use crate::app::AppState;
use crate::app::keymap::display_key;

/// Help lines for the focused pane: its contexts, then the global keys.
pub fn lines(state: &AppState, theme: Theme) -> Vec<Line<'static>> {
    let pane = state.active;
    let contexts: Vec<&str> = if state.audit.is_some() {
        // The audit view is open over the pane: its keys are the ones in force.
        vec!["audit", "viewer"]
    } else {
        let mut contexts =
            crate::with_pane_ref!(state.panes, pane, |p| crate::app::Pane::contexts(p));
        contexts.push("global");
        contexts
    };
    let mut out = Vec::new();
    for context in contexts {
        let bindings = state.keymap.bindings(context);
        if bindings.is_empty() {
            continue;
        }
        out.push(Line::from(Span::styled(
            format!("[{context}]"),
            theme.title(),
        )));
        for b in bindings {
            if b.action.is_write() && state.ctx.session.read_only {
                continue;
            }
            let keys: Vec<String> = b.keys.iter().map(|k| display_key(k)).collect();
            out.push(Line::from(vec![
                Span::styled(format!("  {:<14}", keys.join(" ")), theme.key()),
                Span::raw(b.description.clone()),
            ]));
        }
    }
    out
}

pub fn draw(frame: &mut Frame<'_>, body: Rect, state: &AppState, scroll: u16, theme: Theme) {
    let area = centered(body, 60, body.height);
    frame.render_widget(Clear, area);
    let block = Block::bordered()
        .title(Span::styled(" Keys (Esc closes) ", theme.title()))
        .border_style(theme.focus_border());
    frame.render_widget(
        Paragraph::new(lines(state, theme))
            .block(block)
            .scroll((scroll, 0)),
        area,
    );
}
