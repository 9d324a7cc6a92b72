//! The Federation pane: identity providers on the left; on the right the selected one's
//! detail, and under it its group mappings or the groups it reports (`]` switches), or the
//! list a mapping's groups are picked from.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::widgets::{Paragraph, Wrap};

use crate::app::panes::federation::{FederationFocus, SideList};
use crate::app::{Action, AppState};
use crate::ui::theme::Theme;
use crate::ui::widgets::detail::{resource_lines, switching_tabs};
use crate::ui::widgets::table::{ListText, draw_list};

pub fn draw(frame: &mut Frame<'_>, area: Rect, state: &AppState, theme: Theme) {
    let pane = &state.panes.federation;
    let ctx = &state.ctx;
    let [left, right] =
        Layout::horizontal([Constraint::Percentage(45), Constraint::Percentage(55)]).areas(area);
    let empty = format!("No providers ({} adds one).", ctx.key(&Action::Create));
    draw_list(
        frame,
        left,
        &pane.providers,
        &ListText {
            title: "Identity providers",
            empty: &empty,
        },
        pane.focus == FederationFocus::Providers,
        ctx,
        theme,
    );
    let Some(provider) = pane.selected_provider() else {
        frame.render_widget(crate::ui::panes::block("Detail", false, theme), right);
        return;
    };
    let lines = resource_lines(provider, ctx, theme);
    let detail_height = u16::try_from(lines.len() + 2)
        .unwrap_or(u16::MAX)
        .min(right.height / 2);
    let [detail, tabs, list] = Layout::vertical([
        Constraint::Length(detail_height),
        Constraint::Length(1),
        Constraint::Min(3),
    ])
    .areas(right);
    frame.render_widget(
        Paragraph::new(lines)
            .block(crate::ui::panes::block("Detail", false, theme))
            .wrap(Wrap { trim: false }),
        detail,
    );
    let active = usize::from(pane.side == SideList::Groups);
    let titles = ["Mappings", "Provider groups"];
    frame.render_widget(switching_tabs(&titles, active, ctx, theme), tabs);
    if pane.focus == FederationFocus::Pick {
        draw_pick(frame, list, state, theme);
        return;
    }
    let focused = pane.focus == FederationFocus::Side;
    match pane.side {
        SideList::Mappings => match pane.provider_mappings() {
            Some(mappings) => {
                let empty = format!(
                    "No group mappings. {}, then {} maps an IdP group to a group.",
                    ctx.key(&Action::Select),
                    ctx.key(&Action::Create)
                );
                draw_list(
                    frame,
                    list,
                    mappings,
                    &ListText {
                        title: "Group mappings",
                        empty: &empty,
                    },
                    focused,
                    ctx,
                    theme,
                );
            }
            None => frame.render_widget(
                crate::ui::panes::block("Group mappings", focused, theme),
                list,
            ),
        },
        SideList::Groups => match pane.provider_groups() {
            Some(groups) => draw_list(
                frame,
                list,
                groups,
                &ListText {
                    title: "Groups the provider reports",
                    empty: "The provider reports no groups.",
                },
                focused,
                ctx,
                theme,
            ),
            None => frame.render_widget(
                crate::ui::panes::block("Provider groups", focused, theme),
                list,
            ),
        },
    }
}

/// The list a mapping's groups are picked from: the provider's groups, then the IAM groups.
fn draw_pick(frame: &mut Frame<'_>, area: Rect, state: &AppState, theme: Theme) {
    let pane = &state.panes.federation;
    let ctx = &state.ctx;
    let Some(pick) = &pane.pick else {
        return;
    };
    match &pick.idp_group {
        None => {
            if let Some(groups) = pane.groups.get(&pick.provider_id) {
                draw_list(
                    frame,
                    area,
                    groups,
                    &ListText {
                        title: "Map which IdP group?",
                        empty: "The provider reports no groups.",
                    },
                    true,
                    ctx,
                    theme,
                );
            }
        }
        Some(idp_group) => draw_list(
            frame,
            area,
            &pane.iam_groups,
            &ListText {
                title: &format!("{idp_group} maps to which group?"),
                empty: "No groups in the tenancy.",
            },
            true,
            ctx,
            theme,
        ),
    }
}
