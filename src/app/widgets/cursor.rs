//! Cursor movement shared by every list and tree.

use std::cell::Cell;

use crate::app::action::Action;

/// Rows a page jump moves; the UI does not tell the state its height, and a fixed jump keeps
/// `update` independent of the terminal size.
pub const PAGE: usize = 10;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct ListCursor {
    pub selected: usize,
    /// First row drawn; the renderer adjusts it to keep the selection visible.
    pub offset: Cell<usize>,
    /// Where the rows were drawn last (x, y of the first row, width, height), so a mouse
    /// click can be mapped to a row; set by the renderer.
    pub drawn_at: Cell<Option<(u16, u16, u16, u16)>>,
}

impl ListCursor {
    /// Moves for a navigation action over `len` rows; true if the action was navigation.
    pub fn navigate(&mut self, action: &Action, len: usize) -> bool {
        let last = len.saturating_sub(1);
        self.selected = match action {
            Action::Up => self.selected.saturating_sub(1),
            Action::Down => (self.selected + 1).min(last),
            Action::PageUp => self.selected.saturating_sub(PAGE),
            Action::PageDown => (self.selected + PAGE).min(last),
            Action::Top => 0,
            Action::Bottom => last,
            _ => return false,
        };
        true
    }

    /// The row (index into the list) drawn at this screen cell, if any of `len`.
    pub fn row_at(&self, column: u16, row: u16, len: usize) -> Option<usize> {
        let (x, y, width, height) = self.drawn_at.get()?;
        let inside = column >= x && column < x + width && row >= y && row < y + height;
        let index = self.offset.get() + usize::from(row.checked_sub(y)?);
        (inside && index < len).then_some(index)
    }

    /// Keeps the selection inside `len` rows after the list changed.
    pub fn clamp(&mut self, len: usize) {
        self.selected = self.selected.min(len.saturating_sub(1));
    }

    /// The first row to draw so the selection is visible in `height` rows, remembered so the
    /// view does not jump while the cursor moves inside it.
    pub fn visible_offset(&self, height: usize) -> usize {
        let height = height.max(1);
        let mut offset = self.offset.get();
        if self.selected < offset {
            offset = self.selected;
        } else if self.selected >= offset + height {
            offset = self.selected + 1 - height;
        }
        self.offset.set(offset);
        offset
    }
}
