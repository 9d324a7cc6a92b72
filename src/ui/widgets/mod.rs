//! Widgets shared by panes: the generic table, details, dialogs and forms, the line editor's
//! input line, and inline status of loadable data.

pub mod detail;
pub mod dialog;
pub mod input;
pub mod qr;
pub mod secret_dialog;
pub mod status;
pub mod table;

use ratatui::layout::Rect;

/// A rectangle of at most `width` x `height` centred in `area`.
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let w = width.min(area.width);
    let h = height.min(area.height);
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    }
}
