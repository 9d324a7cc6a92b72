//! The Domains pane: the domains of a compartment on the left (with the filters in the
//! title), the selected one's detail on the right, and changes in progress under them.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::widgets::Paragraph;

use crate::app::{Action, AppState};
use crate::ui::theme::Theme;
use crate::ui::widgets::detail::draw_resource;
use crate::ui::widgets::status::progress_lines;
use crate::ui::widgets::table::{ListText, draw_list};

pub fn draw(frame: &mut Frame<'_>, area: Rect, state: &AppState, theme: Theme) {
    let pane = &state.panes.domains;
    let ctx = &state.ctx;
    let work = progress_lines(
        pane.work
            .values()
            .map(|w| format!("{}: {}", w.what, w.progress)),
        theme,
    );
    let [body, work_area] = Layout::vertical([
        Constraint::Min(3),
        Constraint::Length(u16::try_from(work.len()).unwrap_or(u16::MAX)),
    ])
    .areas(area);
    frame.render_widget(Paragraph::new(work), work_area);
    let [left, right] =
        Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(body);
    let mut title = format!(
        "Domains in {}",
        ctx.compartment_path(&pane.compartment(ctx))
    );
    if !pane.only_compartment {
        title.push_str(" and below");
    }
    let filters = pane.filter_summary();
    if !filters.is_empty() {
        title = format!("{title} · {}", filters.join(", "));
    }
    let empty = format!(
        "No domains ({} changes the filters).",
        ctx.key(&Action::Scope)
    );
    draw_list(
        frame,
        left,
        &pane.domains,
        &ListText {
            title: &title,
            empty: &empty,
        },
        true,
        ctx,
        theme,
    );
    draw_resource(frame, right, pane.domains.selected(), ctx, theme);
}
