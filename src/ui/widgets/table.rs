//! The one table every list is drawn with. [`draw_list`] draws any kind's
//! [`ListView`] from the kind's own description (columns, cells, presence): loading and
//! failure inline, an empty sentence, else only the rows that fit, with marks, the sort shown
//! in the header and deleted resources marked.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Cell, Row, Table};

use crate::app::ctx::Ctx;
use crate::app::resource::{Presence, Resource, Width};
use crate::app::widgets::cursor::ListCursor;
use crate::app::widgets::list_view::ListView;
use crate::ui::sanitize;
use crate::ui::theme::Theme;
use crate::ui::widgets::status::{draw_empty, draw_unless_ready};

/// A column's width as a layout constraint.
pub fn constraint(width: Width) -> Constraint {
    match width {
        Width::Fixed(n) => Constraint::Length(n),
        Width::Fill(n) => Constraint::Fill(n),
        Width::Percent(n) => Constraint::Percentage(n),
    }
}

/// Rows already turned into cells, for tables that are not resource lists (the log).
pub struct PlainRows<'a> {
    pub header: Vec<(&'static str, Constraint)>,
    pub rows: Vec<(Vec<String>, Style)>,
    pub cursor: &'a ListCursor,
    /// The row number of `rows[0]`.
    pub first: usize,
}

/// Draws rows with the cursor's row highlighted (the caller passed only the visible ones).
pub fn draw_rows(
    frame: &mut Frame<'_>,
    area: Rect,
    block: Block<'_>,
    table: PlainRows<'_>,
    theme: Theme,
) {
    let rows = table
        .rows
        .into_iter()
        .enumerate()
        .map(|(i, (cells, style))| {
            let style = if table.first + i == table.cursor.selected {
                theme.selected()
            } else {
                style
            };
            Row::new(
                cells
                    .into_iter()
                    .map(|c| Cell::from(sanitize(&c).into_owned())),
            )
            .style(style)
        });
    let header = Row::new(
        table
            .header
            .iter()
            .map(|(t, _)| Cell::from(Line::from(Span::styled(*t, theme.title())))),
    );
    // The rows sit under the header line, inside the border.
    let inner = block.inner(area);
    table.cursor.drawn_at.set(Some((
        inner.x,
        inner.y + 1,
        inner.width,
        inner.height.saturating_sub(1),
    )));
    let widget = Table::new(rows, table.header.iter().map(|(_, c)| *c))
        .header(header)
        .block(block)
        .column_spacing(1);
    frame.render_widget(widget, area);
}

/// The rows a table in `area` inside `block` has room for (under its header).
pub fn body_height(area: Rect, block: &Block<'_>) -> usize {
    block.inner(area).height.saturating_sub(1) as usize
}

/// What a list is called on screen.
pub struct ListText<'a> {
    pub title: &'a str,
    /// Shown when the service has none.
    pub empty: &'a str,
}

/// Draws a resource list in its state.
#[allow(clippy::too_many_arguments)] // a drawing call: frame, place, data, words, look
pub fn draw_list<T: Resource>(
    frame: &mut Frame<'_>,
    area: Rect,
    list: &ListView<T>,
    text: &ListText<'_>,
    focused: bool,
    ctx: &Ctx,
    theme: Theme,
) {
    let block = crate::ui::panes::block(&list_title(text.title, list), focused, theme);
    if draw_unless_ready(
        frame,
        area,
        block.clone(),
        &list.items,
        T::NOUN.many,
        ctx,
        theme,
    ) {
        return;
    }
    if list.is_empty() {
        let back = ctx.key(&crate::app::Action::Back);
        let message = if list.all().is_empty() {
            text.empty.to_string()
        } else if list.filter.is_active() {
            format!("No {} match the filter ({back} clears it).", T::NOUN.many)
        } else {
            format!("No {} here ({back} shows all).", T::NOUN.many)
        };
        draw_empty(frame, area, block, &message, theme);
        return;
    }
    let inner_width = block.inner(area).width;
    let height = body_height(area, &block);
    let offset = list.cursor.visible_offset(height);
    let all_columns = T::columns();
    // The name column wants its longest visible name (within reason) before others get room.
    let name_width = all_columns.first().map_or(0, |c| {
        list.window(offset, height)
            .map(|(_, item)| (c.cell)(item, ctx).chars().count())
            .max()
            .unwrap_or(0)
    });
    let columns = fitting_columns(
        all_columns
            .into_iter()
            .enumerate()
            .filter(|(i, _)| !list.hidden.contains(i))
            .collect(),
        inner_width,
        u16::try_from(name_width).unwrap_or(u16::MAX),
    );
    let header: Vec<(&'static str, Constraint)> = columns
        .iter()
        .map(|(_, c)| (c.title, constraint(c.width)))
        .collect();
    let marks = !list.marked.is_empty();
    let rows = list
        .window(offset, height)
        .map(|(_, item)| {
            let presence = item.presence();
            let mut cells: Vec<String> = columns.iter().map(|(_, c)| (c.cell)(item, ctx)).collect();
            if let Some(first) = cells.first_mut() {
                if presence == Presence::Gone {
                    first.push_str(" [DELETED]");
                }
                if marks {
                    let mark = if list.marked.contains(item.id()) {
                        "● "
                    } else {
                        "  "
                    };
                    first.insert_str(0, mark);
                }
            }
            let style = if presence == Presence::Live {
                theme.plain()
            } else {
                theme.dim()
            };
            (cells, style)
        })
        .collect();
    draw_rows(
        frame,
        area,
        block,
        PlainRows {
            header,
            rows,
            cursor: &list.cursor,
            first: offset,
        },
        theme,
    );
}

/// The columns that fit in `width`, in order: the first (the name) always, with room for its
/// names (at least 12 cells, at most 28); the others while they fit. A narrow terminal loses
/// the last columns rather than squeezing the name to nothing.
fn fitting_columns<C>(
    columns: Vec<(usize, crate::app::resource::Column<C>)>,
    width: u16,
    name_width: u16,
) -> Vec<(usize, crate::app::resource::Column<C>)> {
    const FLEX_MIN: u16 = 10;
    let name_min = name_width.clamp(12, 28);
    let need = |w: Width| match w {
        Width::Fixed(n) => n,
        Width::Fill(_) | Width::Percent(_) => FLEX_MIN,
    };
    let mut used = 0u16;
    let mut out = Vec::new();
    for (position, (i, column)) in columns.into_iter().enumerate() {
        let cost = if position == 0 {
            need(column.width).max(name_min)
        } else {
            need(column.width) + 1
        };
        if position > 0 && used + cost > width {
            continue;
        }
        used += cost;
        out.push((i, column));
    }
    out
}

/// `Users (12 of 40) [/ana substring] ↑Created · 3 marked` for a block title.
pub fn list_title<T: Resource>(name: &str, list: &ListView<T>) -> String {
    let mut title = name.to_string();
    if list.items.data().is_some() {
        let (shown, all) = (list.len(), list.all().len());
        title = if shown == all {
            format!("{title} ({all})")
        } else {
            format!("{title} ({shown} of {all})")
        };
    }
    if list.is_loading() && list.items.data().is_some() {
        title.push_str(" loading…");
    }
    title.push_str(&crate::ui::panes::filter_suffix(&list.filter));
    if let Some(sort) = list.sort_label() {
        title.push_str(" · by ");
        title.push_str(&sort);
    }
    if !list.marked.is_empty() {
        title = format!("{title} · {} marked", list.marked.len());
    }
    title
}
