//! The Work requests pane: one API's work requests of a compartment on top (`]` switches
//! API), the selected one in full under them: what it acts on, its errors and its log.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::widgets::{Paragraph, Wrap};

use crate::app::panes::work_requests::kind::detail_lines;
use crate::app::request::WorkRequestApi;
use crate::app::{Action, AppState, Loadable};
use crate::ui::theme::Theme;
use crate::ui::widgets::detail::switching_tabs;
use crate::ui::widgets::dialog::tone_lines;
use crate::ui::widgets::status::draw_unless_ready;
use crate::ui::widgets::table::{ListText, draw_list};

pub fn draw(frame: &mut Frame<'_>, area: Rect, state: &AppState, theme: Theme) {
    let pane = &state.panes.work_requests;
    let ctx = &state.ctx;
    let [tabs, list_area, detail_area] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Percentage(45),
        Constraint::Min(3),
    ])
    .areas(area);
    let titles: Vec<&str> = WorkRequestApi::ALL.iter().map(|a| a.title()).collect();
    let active = WorkRequestApi::ALL
        .iter()
        .position(|a| *a == pane.api)
        .unwrap_or(0);
    frame.render_widget(switching_tabs(&titles, active, ctx, theme), tabs);
    let mut title = format!(
        "{} work requests in {}",
        pane.api.title(),
        ctx.compartment_path(&pane.compartment(ctx))
    );
    if let Some(resource) = &pane.resource_id {
        title = format!(
            "{title} about {}",
            ctx.name_of(resource).unwrap_or(resource)
        );
    }
    let empty = format!(
        "No work requests here. {} shows another compartment's.",
        ctx.key(&Action::Scope)
    );
    draw_list(
        frame,
        list_area,
        pane.list(pane.api),
        &ListText {
            title: &title,
            empty: &empty,
        },
        true,
        ctx,
        theme,
    );
    let block = crate::ui::panes::block("Detail", false, theme);
    let Some(wr) = pane.selected() else {
        frame.render_widget(block, detail_area);
        return;
    };
    // A failed read shows inline; while reading, the listed summary shows.
    if let Some(status @ Loadable::Failed(_)) = pane.selected_detail().map(Loadable::status)
        && draw_unless_ready(
            frame,
            detail_area,
            block.clone(),
            &status,
            "work request",
            ctx,
            theme,
        )
    {
        return;
    }
    let title = format!("Detail ({} for all)", ctx.key(&Action::Select));
    frame.render_widget(
        Paragraph::new(tone_lines(&detail_lines(wr, ctx, false), theme))
            .block(crate::ui::panes::block(&title, false, theme))
            .wrap(Wrap { trim: false }),
        detail_area,
    );
}
