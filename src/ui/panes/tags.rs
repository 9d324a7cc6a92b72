//! The Tags pane.
//!
//! PLACEHOLDER: the pane's owner replaces this with the real rendering.

use ratatui::Frame;
use ratatui::layout::Rect;

use crate::app::AppState;
use crate::ui::theme::Theme;

pub fn draw(frame: &mut Frame<'_>, area: Rect, _state: &AppState, theme: Theme) {
    crate::ui::widgets::status::draw_empty(
        frame,
        area,
        super::block("Tags", true, theme),
        "This pane is not built yet.",
        theme,
    );
}
