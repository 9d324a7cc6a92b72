//! The right side of the Identity pane: the selected user's, group's or dynamic group's
//! detail, and under it the memberships (a user's groups, a group's members) or API keys.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use crate::app::panes::identity::{CAPABILITIES, IdentityFocus, IdentityTab, capability};
use crate::app::{Action, AppState, Loadable};
use crate::model::User;
use crate::ui::span_owned;
use crate::ui::theme::Theme;
use crate::ui::widgets::detail::{field, resource_lines};
use crate::ui::widgets::status::draw_unless_ready;
use crate::ui::widgets::table::{ListText, draw_list};

pub fn draw(frame: &mut Frame<'_>, area: Rect, state: &AppState, theme: Theme) {
    let pane = &state.panes.identity;
    let ctx = &state.ctx;
    let lines = match pane.tab {
        IdentityTab::Users => pane.users.selected().map(|u| user_lines(u, state, theme)),
        IdentityTab::Groups => pane.groups.selected().map(|g| {
            let mut lines = resource_lines(g, ctx, theme);
            // Federated users reach the group through these mappings.
            let mapped = pane.mapped_into(&g.id);
            if !mapped.is_empty() {
                lines.push(Line::from(Span::styled("Mapped from", theme.dim())));
            }
            for (provider, idp_group) in mapped {
                lines.push(Line::from(span_owned(
                    &format!("  {idp_group} via {provider}"),
                    theme.plain(),
                )));
            }
            lines
        }),
        IdentityTab::DynamicGroups => pane
            .dynamic_groups
            .selected()
            .map(|d| resource_lines(d, ctx, theme)),
    };
    if pane.focus == IdentityFocus::Credentials
        && let Some(user) = pane.users.selected()
    {
        super::credentials::draw(frame, area, user, state, theme);
        return;
    }
    let block = crate::ui::panes::block("Detail", false, theme);
    let Some(lines) = lines else {
        frame.render_widget(block, area);
        return;
    };
    if pane.tab == IdentityTab::DynamicGroups {
        frame.render_widget(
            Paragraph::new(lines)
                .block(block)
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
    frame.render_widget(Paragraph::new(lines).block(block), top);
    draw_members(frame, bottom, state, theme);
}

/// A user's detail: the kind's fields, and the capabilities denied to them.
fn user_lines(u: &User, state: &AppState, theme: Theme) -> Vec<Line<'static>> {
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
    let mut lines = resource_lines(u, &state.ctx, theme);
    // The description is long and last: the capabilities go before it.
    let at = lines.len().saturating_sub(2).max(1);
    lines.insert(at, field("Capability", &denied, theme));
    let password = super::credentials::password_text(state, &u.id);
    lines.insert(at + 1, field("Password", &password, theme));
    lines
}

fn draw_members(frame: &mut Frame<'_>, area: Rect, state: &AppState, theme: Theme) {
    let pane = &state.panes.identity;
    let ctx = &state.ctx;
    let focused = matches!(pane.focus, IdentityFocus::Members | IdentityFocus::Pick);
    let (title, empty) = match pane.tab {
        IdentityTab::Groups => (
            "Members",
            format!(
                "No members. {}, then {} to add a user.",
                ctx.key(&Action::Select),
                ctx.key(&Action::Add)
            ),
        ),
        _ => (
            "Groups",
            format!(
                "In no group. {}, then {} to add one.",
                ctx.key(&Action::Select),
                ctx.key(&Action::Add)
            ),
        ),
    };
    // Memberships wait for the groups: show their state until then.
    if !ctx.memberships.is_loaded() {
        let status = if matches!(ctx.memberships, Loadable::NotLoaded) {
            pane.groups.items.status()
        } else {
            ctx.memberships.status()
        };
        let block = crate::ui::panes::block(title, focused, theme);
        if draw_unless_ready(frame, area, block, &status, "memberships", ctx, theme) {
            return;
        }
    }
    draw_list(
        frame,
        area,
        &pane.members,
        &ListText {
            title,
            empty: &empty,
        },
        focused,
        ctx,
        theme,
    );
}
