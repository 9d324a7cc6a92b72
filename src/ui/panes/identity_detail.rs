//! The right side of the Identity pane: the selected user's, group's or dynamic group's
//! detail, and under it the memberships (a user's groups, a group's members) or API keys.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use crate::app::identity::{IdentityFocus, IdentityPane, IdentityView};
use crate::app::identity_forms::{CAPABILITIES, capability};
use crate::app::identity_related::MemberRow;
use crate::app::{AppState, Loadable};
use crate::model::{ApiKey, User};
use crate::ui::theme::Theme;
use crate::ui::widgets::detail::field;
use crate::ui::widgets::status::{draw_empty, draw_unless_ready};
use crate::ui::widgets::table::{self, Column, RowAdapter};
use crate::ui::{span, span_owned};

struct MemberAdapter(&'static str);

impl RowAdapter<MemberRow> for MemberAdapter {
    fn columns(&self) -> Vec<Column> {
        vec![Column::new(self.0, Constraint::Fill(1))]
    }

    fn cells(&self, row: &MemberRow) -> Vec<String> {
        vec![row.other_name.clone()]
    }
}

struct KeyAdapter;

impl RowAdapter<ApiKey> for KeyAdapter {
    fn columns(&self) -> Vec<Column> {
        vec![
            Column::new("Fingerprint", Constraint::Length(47)),
            Column::new("Created", Constraint::Fill(1)),
        ]
    }

    fn cells(&self, k: &ApiKey) -> Vec<String> {
        vec![k.fingerprint.clone(), k.time_created.clone()]
    }

    fn dim(&self, k: &ApiKey) -> bool {
        k.lifecycle_state.is_dim()
    }
}

pub fn draw(frame: &mut Frame<'_>, area: Rect, state: &AppState, theme: Theme) {
    let pane = &state.panes.identity;
    let lines = match pane.view {
        IdentityView::Users => pane.users.selected().map(|u| user_lines(u, theme)),
        IdentityView::Groups => pane.groups.selected().map(|g| {
            vec![
                Line::from(span(&g.name, theme.title())),
                field("OCID", &g.id, theme),
                field("State", g.lifecycle_state.as_str(), theme),
                field("Created", &g.time_created, theme),
                Line::from(span_owned(&g.description, theme.plain())),
            ]
        }),
        IdentityView::DynamicGroups => pane.dynamic_groups.selected().map(|d| {
            vec![
                Line::from(span(&d.name, theme.title())),
                field("OCID", &d.id, theme),
                field("State", d.lifecycle_state.as_str(), theme),
                field("Created", &d.time_created, theme),
                Line::from(span_owned(&d.description, theme.plain())),
                Line::from(Span::styled("Matching rule", theme.dim())),
                Line::from(span_owned(&d.matching_rule, theme.plain())),
            ]
        }),
    };
    let Some(lines) = lines else {
        frame.render_widget(super::block("Detail", false, theme), area);
        return;
    };
    if pane.view == IdentityView::DynamicGroups {
        frame.render_widget(
            Paragraph::new(lines)
                .block(super::block("Detail", false, theme))
                .wrap(Wrap { trim: false }),
            area,
        );
        return;
    }
    let [top, bottom] = Layout::vertical([
        Constraint::Length(lines.len() as u16 + 2),
        Constraint::Min(3),
    ])
    .areas(area);
    frame.render_widget(
        Paragraph::new(lines).block(super::block("Detail", false, theme)),
        top,
    );
    if pane.focus == IdentityFocus::ApiKeys {
        draw_keys(frame, bottom, state, theme);
    } else {
        draw_members(frame, bottom, state, theme);
    }
}

fn user_lines(u: &User, theme: Theme) -> Vec<Line<'static>> {
    let state = if u.is_blocked() {
        format!("{} (blocked)", u.lifecycle_state)
    } else {
        u.lifecycle_state.to_string()
    };
    let caps = u.capabilities.clone().unwrap_or_default();
    let denied: Vec<&str> = CAPABILITIES
        .iter()
        .enumerate()
        .filter(|(i, _)| !capability(&caps, *i))
        .map(|(_, name)| *name)
        .collect();
    let denied = if denied.is_empty() {
        "all allowed".to_string()
    } else {
        format!("denied: {}", denied.join(", "))
    };
    vec![
        Line::from(span_owned(&u.name, theme.title())),
        field("OCID", &u.id, theme),
        field("E-mail", u.email.as_deref().unwrap_or("-"), theme),
        field("State", &state, theme),
        field("MFA", if u.is_mfa_activated { "on" } else { "off" }, theme),
        field("Capability", &denied, theme),
    ]
}

fn draw_members(frame: &mut Frame<'_>, area: Rect, state: &AppState, theme: Theme) {
    let pane: &IdentityPane = &state.panes.identity;
    let focused = matches!(pane.focus, IdentityFocus::Members | IdentityFocus::Pick);
    let (title, column, empty) = match pane.view {
        IdentityView::Groups => (
            "Members",
            "User",
            "No members. Enter, then a to add a user.",
        ),
        _ => ("Groups", "Group", "In no group. Enter, then a to add one."),
    };
    let rows = pane.member_rows();
    let title = if pane.memberships.is_loaded() {
        format!("{title} ({})", rows.len())
    } else {
        title.to_string()
    };
    let block = super::block(&title, focused, theme);
    // Memberships wait for the groups: show their state until then.
    let status = if matches!(pane.memberships, Loadable::NotLoaded) {
        pane.groups.items.status()
    } else {
        pane.memberships.status()
    };
    if draw_unless_ready(
        frame,
        area,
        block.clone(),
        &status,
        "memberships",
        state.ctx.tick,
        theme,
    ) {
        return;
    }
    if rows.is_empty() {
        draw_empty(frame, area, block, empty, theme);
        return;
    }
    if focused {
        let items: Vec<&MemberRow> = rows.iter().collect();
        table::draw(
            frame,
            area,
            block,
            &items,
            &pane.members_cursor,
            &MemberAdapter(column),
            theme,
        );
    } else {
        let lines: Vec<Line> = rows
            .iter()
            .map(|r| Line::from(span_owned(&r.other_name, theme.plain())))
            .collect();
        frame.render_widget(Paragraph::new(lines).block(block), area);
    }
}

fn draw_keys(frame: &mut Frame<'_>, area: Rect, state: &AppState, theme: Theme) {
    let pane = &state.panes.identity;
    let block = super::block("API keys", true, theme);
    if draw_unless_ready(
        frame,
        area,
        block.clone(),
        &pane.api_keys,
        "API keys",
        state.ctx.tick,
        theme,
    ) {
        return;
    }
    let keys: Vec<&ApiKey> = pane
        .api_keys
        .data()
        .map(|l| l.iter().collect())
        .unwrap_or_default();
    if keys.is_empty() {
        draw_empty(
            frame,
            area,
            block,
            "No API keys. Press a to upload one.",
            theme,
        );
        return;
    }
    table::draw(
        frame,
        area,
        block,
        &keys,
        &pane.keys_cursor,
        &KeyAdapter,
        theme,
    );
}
