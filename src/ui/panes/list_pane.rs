//! A pane that is one list of one kind: the list on top, the selection's detail below, both
//! from the kind's description.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};

use crate::app::ctx::Ctx;
use crate::app::panes::list_pane::{ListPane, Listing};
use crate::ui::theme::Theme;
use crate::ui::widgets::detail::draw_resource;
use crate::ui::widgets::table::{ListText, draw_list};

pub fn draw<T: Listing>(
    frame: &mut Frame<'_>,
    area: Rect,
    pane: &ListPane<T>,
    title: &str,
    ctx: &Ctx,
    theme: Theme,
) {
    let [list_area, detail_area] =
        Layout::vertical([Constraint::Percentage(55), Constraint::Percentage(45)]).areas(area);
    let empty = format!("No {}.", T::NOUN.many);
    draw_list(
        frame,
        list_area,
        &pane.list,
        &ListText {
            title,
            empty: &empty,
        },
        true,
        ctx,
        theme,
    );
    draw_resource(frame, detail_area, pane.list.selected(), ctx, theme);
}
