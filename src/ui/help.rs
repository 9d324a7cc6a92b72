//! The `?` overlay: every binding in force, generated from the keymap's descriptions.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use super::theme::Theme;
use super::widgets::centered;
use crate::app::keymap::display_key;
use crate::app::{AppState, KeyContext};

/// Help lines for the focused pane: its contexts, then the global keys.
pub fn lines(state: &AppState, theme: Theme) -> Vec<Line<'static>> {
    let contexts: Vec<KeyContext> = if state.audit.is_some() {
        // The audit view is open over the pane: its keys are the ones in force.
        vec![KeyContext::Audit, KeyContext::Viewer]
    } else {
        let mut contexts = state.panes.get(state.active).contexts();
        contexts.push(KeyContext::Global);
        contexts
    };
    let mut out = Vec::new();
    for context in contexts {
        let bindings = state.keymap().bindings(context);
        if bindings.is_empty() {
            continue;
        }
        out.push(Line::from(Span::styled(
            format!("[{}]", context.name()),
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

/// The `:` commands, after the keys.
fn command_lines(theme: Theme) -> Vec<Line<'static>> {
    let mut out = vec![Line::from(Span::styled("[: commands]", theme.title()))];
    for (names, about) in crate::app::commands::all() {
        let names: Vec<String> = names.split_whitespace().map(|n| format!(":{n}")).collect();
        out.push(Line::from(vec![
            Span::styled(format!("  {:<14}", names.join(" ")), theme.key()),
            Span::raw(about.to_string()),
        ]));
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
        Paragraph::new(
            lines(state, theme)
                .into_iter()
                .chain(command_lines(theme))
                .collect::<Vec<_>>(),
        )
        .block(block)
        .scroll((scroll, 0)),
        area,
    );
}
