//! A user's credentials on the right of the Identity pane: a tab per kind with its count and
//! the oldest one's age (the current one highlighted), when the console password was set,
//! and the current kind's list under them.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::app::panes::credentials::age_text;
use crate::app::{Action, AppState, Loadable};
use crate::model::{CredentialKind, User};
use crate::ui::theme::Theme;
use crate::ui::widgets::table::{ListText, draw_list};

/// `set 2026-10-20 (37d ago)`, `never set`, `…` while it is read.
pub fn password_text(state: &AppState, user_id: &str) -> String {
    match state.panes.identity.password_info(user_id) {
        Loadable::Loaded(Some(info)) => format!(
            "{} ({} ago)",
            info.time_created.get(..10).unwrap_or(&info.time_created),
            age_text(&info.time_created, state.ctx.now)
        ),
        Loadable::Loaded(None) => "never set".into(),
        Loadable::Failed(f) => format!("unknown ({})", f.code),
        Loadable::NotLoaded | Loadable::Loading { .. } => "…".into(),
    }
}

pub fn draw(frame: &mut Frame<'_>, area: Rect, user: &User, state: &AppState, theme: Theme) {
    let pane = &state.panes.identity;
    let ctx = &state.ctx;
    let counts = pane.kind_counts(ctx.now);
    let half = CredentialKind::ALL.len().div_ceil(2);
    let loaded = pane.user_creds.is_loaded();
    let cell = |i: usize| -> Vec<Span<'static>> {
        let Some(c) = counts.get(i) else {
            return Vec::new();
        };
        let active = c.kind == pane.creds_kind;
        let number = if loaded {
            c.count.to_string()
        } else {
            "…".into()
        };
        let age = c.oldest_days.map_or_else(String::new, |d| format!("{d}d"));
        let text = format!(
            "{}{:<11}{:>2} {:>5}",
            if active { "›" } else { " " },
            c.kind.title(),
            number,
            age
        );
        let style = if active {
            theme.tab_active()
        } else if c.count == 0 {
            theme.dim()
        } else {
            theme.plain()
        };
        vec![Span::styled(text, style), Span::raw(" ")]
    };
    let mut lines: Vec<Line<'static>> = (0..half)
        .map(|row| {
            let mut spans = cell(row);
            spans.extend(cell(row + half));
            Line::from(spans)
        })
        .collect();
    lines.push(Line::from(vec![
        Span::styled("Console password ", theme.dim()),
        Span::styled(password_text(state, &user.id), theme.plain()),
    ]));
    let keys = format!(
        "Credentials of {}  {}",
        user.name,
        crate::ui::widgets::detail::tab_keys(ctx)
    );
    let [top, bottom] = Layout::vertical([
        Constraint::Length(lines.len() as u16 + 2),
        Constraint::Min(3),
    ])
    .areas(area);
    frame.render_widget(
        Paragraph::new(lines).block(crate::ui::panes::block(&keys, false, theme)),
        top,
    );
    let empty = format!(
        "No {}s. {} creates one.",
        pane.creds_kind.one(),
        ctx.key(&Action::Create)
    );
    draw_list(
        frame,
        bottom,
        &pane.creds,
        &ListText {
            title: pane.creds_kind.title(),
            empty: &empty,
        },
        true,
        ctx,
        theme,
    );
}
