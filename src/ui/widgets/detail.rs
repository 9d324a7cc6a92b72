//! Small pieces the resource panes draw with: a `label value` line of a detail panel, a
//! resource's detail panel from its kind's description, and the strip of sub-lists (Users,
//! Groups, ...) of a pane that has several.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use crate::app::ctx::Ctx;
use crate::app::resource::Resource;
use crate::ui::span_owned;
use crate::ui::theme::Theme;

/// `Label       value`, the value sanitized.
pub fn field(label: &str, value: &str, theme: Theme) -> Line<'static> {
    Line::from(vec![
        Span::styled(format!("{label:<12}"), theme.dim()),
        span_owned(value, theme.plain()),
    ])
}

/// The detail lines of a resource: its name, then its kind's fields. Long values (a
/// description, a matching rule) go on a line of their own.
pub fn resource_lines<T: Resource>(item: &T, ctx: &Ctx, theme: Theme) -> Vec<Line<'static>> {
    let mut lines = vec![Line::from(span_owned(item.name(), theme.title()))];
    for (label, value) in item.detail(ctx) {
        if value.chars().count() > 40 && !label.eq_ignore_ascii_case("ocid") {
            lines.push(Line::from(Span::styled(label.to_string(), theme.dim())));
            lines.push(Line::from(span_owned(&value, theme.plain())));
        } else {
            lines.push(field(label, &value, theme));
        }
    }
    lines
}

/// A detail panel of the selected resource (or an empty block).
pub fn draw_resource<T: Resource>(
    frame: &mut Frame<'_>,
    area: Rect,
    item: Option<&T>,
    ctx: &Ctx,
    theme: Theme,
) {
    let block = crate::ui::panes::block("Detail", false, theme);
    let Some(item) = item else {
        frame.render_widget(block, area);
        return;
    };
    frame.render_widget(
        Paragraph::new(resource_lines(item, ctx, theme))
            .block(block)
            .wrap(Wrap { trim: false }),
        area,
    );
}

/// The keys that switch between a pane's lists (`[ ]`), as bound.
pub fn tab_keys(ctx: &Ctx) -> String {
    format!(
        "{} {}",
        ctx.key(&crate::app::Action::PreviousTab),
        ctx.key(&crate::app::Action::NextTab)
    )
}

/// ` Users  Groups  Dynamic groups  [ ]` (the keys that switch), the active one highlighted.
pub fn tabs_line(titles: &[&str], active: usize, keys: &str, theme: Theme) -> Line<'static> {
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
    spans.push(Span::styled(format!("  {keys}"), theme.dim()));
    Line::from(spans)
}

/// [`tabs_line`] with the keys that switch, as bound (`[ ]`).
pub fn switching_tabs(
    titles: &[&str],
    active: usize,
    ctx: &Ctx,
    theme: Theme,
) -> Paragraph<'static> {
    let keys = format!(
        "{} {}",
        ctx.key(&crate::app::Action::PreviousTab),
        ctx.key(&crate::app::Action::NextTab)
    );
    Paragraph::new(tabs_line(titles, active, &keys, theme))
}
