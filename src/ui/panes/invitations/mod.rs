//! The Invitations pane: the tenancy's sender invitations with their status and lifecycle
//! state, the selected one's detail below.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};

use crate::app::{Action, AppState};
use crate::ui::theme::Theme;
use crate::ui::widgets::detail::draw_resource;
use crate::ui::widgets::table::{ListText, draw_list};

pub fn draw(frame: &mut Frame<'_>, area: Rect, state: &AppState, theme: Theme) {
    let pane = &state.panes.invitations;
    let [list_area, detail_area] =
        Layout::vertical([Constraint::Percentage(45), Constraint::Percentage(55)]).areas(area);
    let empty = format!(
        "No invitations sent. Press {} to invite another tenancy.",
        state.ctx.key(&Action::Create)
    );
    draw_list(
        frame,
        list_area,
        &pane.invitations,
        &ListText {
            title: "Sender invitations",
            empty: &empty,
        },
        true,
        &state.ctx,
        theme,
    );
    draw_resource(
        frame,
        detail_area,
        pane.invitations.selected(),
        &state.ctx,
        theme,
    );
}
