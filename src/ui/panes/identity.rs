//! The Identity pane: the strip of lists (users, groups, dynamic groups) and the list on the
//! left, the selection's detail and its memberships or API keys on the right.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::widgets::Paragraph;

use crate::app::AppState;
use crate::app::identity::{IdentityFocus, IdentityPane, IdentityView};
use crate::app::identity_related::Pick;
use crate::model::{DynamicGroup, Group, User};
use crate::ui::theme::Theme;
use crate::ui::widgets::detail::tabs_line;
use crate::ui::widgets::resource_table::{self, Wording};
use crate::ui::widgets::status::draw_empty;
use crate::ui::widgets::table::{self, Column, RowAdapter};

struct UserRow;

impl RowAdapter<User> for UserRow {
    fn columns(&self) -> Vec<Column> {
        vec![
            // User names are often e-mail addresses: the detail shows the e-mail field.
            Column::new("User", Constraint::Fill(1)),
            Column::new("Status", Constraint::Length(8)),
            Column::new("MFA", Constraint::Length(3)),
        ]
    }

    fn cells(&self, u: &User) -> Vec<String> {
        let status = if u.is_blocked() {
            "BLOCKED".to_string()
        } else {
            u.lifecycle_state.to_string()
        };
        let mfa = if u.is_mfa_activated { "on" } else { "off" };
        vec![u.name.clone(), status, mfa.to_string()]
    }

    fn dim(&self, u: &User) -> bool {
        u.is_blocked() || u.lifecycle_state.is_dim()
    }
}

struct GroupRow<'a> {
    pane: &'a IdentityPane,
}

impl RowAdapter<Group> for GroupRow<'_> {
    fn columns(&self) -> Vec<Column> {
        vec![
            Column::new("Group", Constraint::Percentage(40)),
            Column::new("Users", Constraint::Length(5)),
            Column::new("Description", Constraint::Fill(1)),
        ]
    }

    fn cells(&self, g: &Group) -> Vec<String> {
        let members = if self.pane.memberships.is_loaded() {
            self.pane.member_index.of_group(&g.id).len().to_string()
        } else {
            "…".to_string()
        };
        vec![g.name.clone(), members, g.description.clone()]
    }

    fn dim(&self, g: &Group) -> bool {
        g.lifecycle_state.is_dim()
    }
}

struct DynamicGroupRow;

impl RowAdapter<DynamicGroup> for DynamicGroupRow {
    fn columns(&self) -> Vec<Column> {
        vec![
            Column::new("Dynamic group", Constraint::Percentage(40)),
            Column::new("Matching rule", Constraint::Fill(1)),
        ]
    }

    fn cells(&self, d: &DynamicGroup) -> Vec<String> {
        vec![d.name.clone(), d.matching_rule.clone()]
    }

    fn dim(&self, d: &DynamicGroup) -> bool {
        d.lifecycle_state.is_dim()
    }
}

/// A pick candidate: (OCID, name).
pub(super) struct NameRow(pub &'static str);

impl RowAdapter<(String, String)> for NameRow {
    fn columns(&self) -> Vec<Column> {
        vec![Column::new(self.0, Constraint::Fill(1))]
    }

    fn cells(&self, item: &(String, String)) -> Vec<String> {
        vec![item.1.clone()]
    }
}

pub fn draw(frame: &mut Frame<'_>, area: Rect, state: &AppState, theme: Theme) {
    let pane = &state.panes.identity;
    // API key fingerprints are 47 characters: give the right side room while they show.
    let split = if pane.focus == IdentityFocus::ApiKeys {
        35
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
    let active = IdentityView::ALL
        .iter()
        .position(|v| *v == pane.view)
        .unwrap_or(0);
    let titles: Vec<&str> = IdentityView::ALL.iter().map(|v| v.title()).collect();
    frame.render_widget(Paragraph::new(tabs_line(&titles, active, theme)), tabs);
    match (&pane.pick, pane.focus) {
        (Some(pick), IdentityFocus::Pick) => draw_pick(frame, list_area, pane, pick, theme),
        _ => draw_list(frame, list_area, state, theme),
    }
    super::identity_detail::draw(frame, right, state, theme);
}

fn draw_list(frame: &mut Frame<'_>, area: Rect, state: &AppState, theme: Theme) {
    let pane = &state.panes.identity;
    let focused = pane.focus == IdentityFocus::List;
    let tick = state.ctx.tick;
    match pane.view {
        IdentityView::Users => resource_table::draw(
            frame,
            area,
            super::block(&resource_table::title("Users", &pane.users), focused, theme),
            &pane.users,
            &Wording {
                what: "users",
                empty: "No users. Press c to create one.",
            },
            &UserRow,
            tick,
            theme,
        ),
        IdentityView::Groups => resource_table::draw(
            frame,
            area,
            super::block(
                &resource_table::title("Groups", &pane.groups),
                focused,
                theme,
            ),
            &pane.groups,
            &Wording {
                what: "groups",
                empty: "No groups. Press c to create one.",
            },
            &GroupRow { pane },
            tick,
            theme,
        ),
        IdentityView::DynamicGroups => resource_table::draw(
            frame,
            area,
            super::block(
                &resource_table::title("Dynamic groups", &pane.dynamic_groups),
                focused,
                theme,
            ),
            &pane.dynamic_groups,
            &Wording {
                what: "dynamic groups",
                empty: "No dynamic groups. c creates one.",
            },
            &DynamicGroupRow,
            tick,
            theme,
        ),
    }
}

fn draw_pick(frame: &mut Frame<'_>, area: Rect, pane: &IdentityPane, pick: &Pick, theme: Theme) {
    let (title, column) = match pane.view {
        IdentityView::Groups => (
            format!(
                "Add which user to {}?",
                pane.groups.selected().map_or("", |g| g.name.as_str())
            ),
            "User",
        ),
        _ => (
            format!(
                "Add {} to which group?",
                pane.users.selected().map_or("", |u| u.name.as_str())
            ),
            "Group",
        ),
    };
    let block = super::block(
        &format!("{title}{}", super::filter_suffix(&pick.filter)),
        true,
        theme,
    );
    let items = pick.visible();
    if items.is_empty() {
        draw_empty(frame, area, block, "Nothing matches the filter.", theme);
        return;
    }
    table::draw(
        frame,
        area,
        block,
        &items,
        &pick.cursor,
        &NameRow(column),
        theme,
    );
}
