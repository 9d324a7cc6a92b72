//! The Identity pane: the strip of lists (users, groups, dynamic groups) and the list on the
//! left, the selection's detail and its memberships or API keys on the right.

mod credentials;
mod detail;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::widgets::Paragraph;

use crate::app::panes::identity::{IdentityFocus, IdentityTab};
use crate::app::{Action, AppState};
use crate::ui::theme::Theme;
use crate::ui::widgets::detail::tabs_line;
use crate::ui::widgets::table::{ListText, draw_list};

pub fn draw(frame: &mut Frame<'_>, area: Rect, state: &AppState, theme: Theme) {
    let pane = &state.panes.identity;
    // Credentials (API key fingerprints are 47 characters): the right side gets the room.
    let split = if pane.focus == IdentityFocus::Credentials {
        30
    } else {
        55
    };
    let [left, right] = Layout::horizontal([
        Constraint::Percentage(split),
        Constraint::Percentage(100 - split),
    ])
    .areas(area);
    let [tabs, list_area] =
        Layout::vertical([Constraint::Length(1), Constraint::Min(3)]).areas(left);
    let active = IdentityTab::ALL
        .iter()
        .position(|v| *v == pane.tab)
        .unwrap_or(0);
    let titles: Vec<&str> = IdentityTab::ALL.iter().map(|v| v.title()).collect();
    let keys = crate::ui::widgets::detail::tab_keys(&state.ctx);
    frame.render_widget(
        Paragraph::new(tabs_line(&titles, active, &keys, theme)),
        tabs,
    );
    if pane.focus == IdentityFocus::Pick {
        draw_pick(frame, list_area, state, theme);
    } else {
        draw_tab(frame, list_area, state, theme);
    }
    detail::draw(frame, right, state, theme);
}

fn draw_tab(frame: &mut Frame<'_>, area: Rect, state: &AppState, theme: Theme) {
    let pane = &state.panes.identity;
    let focused = pane.focus == IdentityFocus::List;
    // In another identity domain the title says which.
    let titled = match pane.domain_name() {
        Some(domain) => format!("{} in domain {domain}", pane.tab.title()),
        None => pane.tab.title().to_string(),
    };
    let title = titled.as_str();
    let empty = format!(
        "No {}. Press {} to create one.",
        pane.tab.title().to_lowercase(),
        state.ctx.key(&Action::Create)
    );
    let text = ListText {
        title,
        empty: &empty,
    };
    let (ctx, f) = (&state.ctx, frame);
    match pane.tab {
        IdentityTab::Users => draw_list(f, area, &pane.users, &text, focused, ctx, theme),
        IdentityTab::Groups => draw_list(f, area, &pane.groups, &text, focused, ctx, theme),
        IdentityTab::DynamicGroups => {
            draw_list(f, area, &pane.dynamic_groups, &text, focused, ctx, theme);
        }
    }
}

fn draw_pick(frame: &mut Frame<'_>, area: Rect, state: &AppState, theme: Theme) {
    let pane = &state.panes.identity;
    let title = match pane.tab {
        IdentityTab::Groups => format!(
            "Add which user to {}?",
            pane.groups.selected().map_or("", |g| g.name.as_str())
        ),
        _ => format!(
            "Add {} to which group?",
            pane.users.selected().map_or("", |u| u.name.as_str())
        ),
    };
    draw_list(
        frame,
        area,
        &pane.pick,
        &ListText {
            title: &title,
            empty: "Nothing left to add.",
        },
        true,
        &state.ctx,
        theme,
    );
}
