//! Small pieces the resource panes draw with: a `label value` line of a detail panel, and the
//! strip of sub-lists (Users, Groups, ...) of a pane that has several.

use ratatui::text::{Line, Span};

use crate::ui::span_owned;
use crate::ui::theme::Theme;

/// `Label       value`, the value sanitized.
pub fn field(label: &str, value: &str, theme: Theme) -> Line<'static> {
    Line::from(vec![
        Span::styled(format!("{label:<12}"), theme.dim()),
        span_owned(value, theme.plain()),
    ])
}

/// ` Users  Groups  Dynamic groups  [ ]` (the keys that switch), the active one highlighted.
pub fn tabs_line(titles: &[&str], active: usize, theme: Theme) -> Line<'static> {
    let mut spans = Vec::new();
    for (i, title) in titles.iter().enumerate() {
        let style = if i == active {
            theme.tab_active()
        } else {
            theme.dim()
        };
        spans.push(Span::raw(" "));
        spans.push(Span::styled(format!(" {title} "), style));
    }
    spans.push(Span::styled("  [ ]", theme.dim()));
    Line::from(spans)
}
