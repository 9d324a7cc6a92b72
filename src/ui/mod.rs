//! Rendering: the frame (header, tabs, body, hint bar, toast line), panes, widgets, theme.
//! Immediate mode: everything is drawn from [`AppState`] on each frame, nothing kept here.

pub mod audit;
pub mod frame;
pub mod help;
pub mod highlight;
pub mod panes;

pub mod theme;
pub mod widgets;

use ratatui::Frame;
use ratatui::style::Style;
use ratatui::text::Span;

use crate::app::AppState;

pub use crate::text::sanitize;
pub use theme::Theme;

/// Draws the whole screen. This is the `Draw` function the event loop calls.
pub fn draw(frame: &mut Frame<'_>, state: &AppState) {
    frame::draw(frame, state);
}

/// A span of service text, sanitized. Every widget builds its text through this (or
/// [`sanitize`] directly), so no control character reaches the terminal.
pub fn span(text: &str, style: Style) -> Span<'_> {
    Span::styled(sanitize(text), style)
}

/// Like [`span`] for owned text.
pub fn span_owned(text: &str, style: Style) -> Span<'static> {
    Span::styled(sanitize(text).into_owned(), style)
}
