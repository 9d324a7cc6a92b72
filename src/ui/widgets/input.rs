//! A line editor drawn on one line: the part around the cursor that fits, and where the
//! terminal's cursor goes, so the user sees where typing lands.

use ratatui::layout::Position;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use crate::app::widgets::line_editor::LineEditor;
use crate::ui::span_owned;

/// The input drawn after `prefix` spans in `width` columns starting at `(x, y)`: the line,
/// and the cursor's position on screen.
pub fn input_line(
    prefix: Vec<Span<'static>>,
    editor: &LineEditor,
    style: Style,
    (x, y, width): (u16, u16, u16),
) -> (Line<'static>, Position) {
    let used: usize = prefix.iter().map(|s| s.content.width()).sum();
    let room = (width as usize).saturating_sub(used + 1).max(1);
    let (visible, cursor) = editor.view(room);
    let mut spans = prefix;
    spans.push(span_owned(visible, style));
    let column = x as usize + used + cursor;
    let position = Position::new(
        u16::try_from(column)
            .unwrap_or(u16::MAX)
            .min(x + width.saturating_sub(1)),
        y,
    );
    (Line::from(spans), position)
}
