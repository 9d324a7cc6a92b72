//! A [`ResourceList`] drawn in its state: loading or failed inline, an empty sentence (or a
//! note that the filter hides everything), else the shared table.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::Block;

use crate::app::resource_list::{Listed, ResourceList};
use crate::ui::theme::Theme;
use crate::ui::widgets::status::{draw_empty, draw_unless_ready};
use crate::ui::widgets::table::{self, RowAdapter};

/// What the list is called and what to say when it is empty.
pub struct Wording<'a> {
    /// `users`, for "Loading users" and "Could not load users".
    pub what: &'a str,
    /// Shown when the service has none.
    pub empty: &'a str,
}

#[allow(clippy::too_many_arguments)] // a drawing call: frame, place, data, words, look
pub fn draw<T: Listed, A: RowAdapter<T>>(
    frame: &mut Frame<'_>,
    area: Rect,
    block: Block<'_>,
    list: &ResourceList<T>,
    wording: &Wording<'_>,
    adapter: &A,
    tick: u64,
    theme: Theme,
) {
    if draw_unless_ready(
        frame,
        area,
        block.clone(),
        &list.items,
        wording.what,
        tick,
        theme,
    ) {
        return;
    }
    let items = list.visible();
    if items.is_empty() {
        let message = if list.all().is_empty() {
            wording.empty.to_string()
        } else {
            format!("No {} match the filter (Esc clears it).", wording.what)
        };
        draw_empty(frame, area, block, &message, theme);
        return;
    }
    table::draw(frame, area, block, &items, &list.cursor, adapter, theme);
}

/// `Users (12 of 40) [/ana substring]` for a block title.
pub fn title<T: Listed>(name: &str, list: &ResourceList<T>) -> String {
    let mut title = name.to_string();
    if list.items.data().is_some() {
        let shown = list.rows.len();
        let all = list.all().len();
        title = if shown == all {
            format!("{title} ({all})")
        } else {
            format!("{title} ({shown} of {all})")
        };
    }
    format!("{title}{}", crate::ui::panes::filter_suffix(&list.filter))
}
