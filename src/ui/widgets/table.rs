//! The one table widget every list-like pane uses, with a per-resource row adapter (columns,
//! cells, dimming) instead of a copy per pane.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Cell, Row, Table};

use crate::app::list::ListCursor;
use crate::ui::sanitize;
use crate::ui::theme::Theme;

/// One column: its title and width.
#[derive(Debug, Clone, Copy)]
pub struct Column {
    pub title: &'static str,
    pub width: Constraint,
}

impl Column {
    pub const fn new(title: &'static str, width: Constraint) -> Self {
        Column { title, width }
    }
}

/// How one kind of resource shows as a table row.
pub trait RowAdapter<T: ?Sized> {
    fn columns(&self) -> Vec<Column>;
    /// The cells, in column order (raw service text: the table sanitizes it).
    fn cells(&self, item: &T) -> Vec<String>;
    /// Deleted and inactive resources are drawn dimmed.
    fn dim(&self, _item: &T) -> bool {
        false
    }
}

/// Draws `items` (already filtered and sorted by the pane state) with the selection of
/// `cursor` highlighted and kept in view.
pub fn draw<T: ?Sized, A: RowAdapter<T>>(
    frame: &mut Frame<'_>,
    area: Rect,
    block: Block<'_>,
    items: &[&T],
    cursor: &ListCursor,
    adapter: &A,
    theme: Theme,
) {
    let columns = adapter.columns();
    let inner_height = block.inner(area).height.saturating_sub(1) as usize;
    let offset = cursor.visible_offset(inner_height);
    let rows = items
        .iter()
        .enumerate()
        .skip(offset)
        .take(inner_height)
        .map(|(i, item)| {
            let style = if i == cursor.selected {
                theme.selected()
            } else if adapter.dim(item) {
                theme.dim()
            } else {
                theme.plain()
            };
            Row::new(
                adapter
                    .cells(item)
                    .into_iter()
                    .map(|c| Cell::from(sanitize(&c).into_owned())),
            )
            .style(style)
        });
    let header = Row::new(
        columns
            .iter()
            .map(|c| Cell::from(Line::from(Span::styled(c.title, theme.title())))),
    );
    let table = Table::new(rows, columns.iter().map(|c| c.width))
        .header(header)
        .block(block)
        .column_spacing(1);
    frame.render_widget(table, area);
}
