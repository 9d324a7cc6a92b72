//! The Tags pane: namespaces beside the tags of the selected one (with validators and cost
//! tracking), cascade deletes in progress under them; or the tag defaults of a compartment.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::app::panes::tags::{COST_TRACKING_LIMIT, TagsFocus, TagsTab};
use crate::app::{Action, AppState};
use crate::ui::theme::Theme;
use crate::ui::widgets::detail::tabs_line;
use crate::ui::widgets::table::{ListText, draw_list};

pub fn draw(frame: &mut Frame<'_>, area: Rect, state: &AppState, theme: Theme) {
    let pane = &state.panes.tags;
    let work: Vec<Line> = pane
        .work
        .values()
        .map(|w| Line::from(Span::styled(format!("⟳ {w}"), theme.key())))
        .collect();
    let [tabs, body, work_area] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(3),
        Constraint::Length(work.len() as u16),
    ])
    .areas(area);
    let active = TagsTab::ALL
        .iter()
        .position(|t| *t == pane.tab)
        .unwrap_or(0);
    let keys = crate::ui::widgets::detail::tab_keys(&state.ctx);
    let titles: Vec<&str> = TagsTab::ALL.iter().map(|t| t.title()).collect();
    frame.render_widget(
        Paragraph::new(tabs_line(&titles, active, &keys, theme)),
        tabs,
    );
    frame.render_widget(Paragraph::new(work), work_area);
    match pane.tab {
        TagsTab::Namespaces => draw_namespaces(frame, body, state, theme),
        TagsTab::Defaults => draw_defaults(frame, body, state, theme),
        TagsTab::Standard => draw_standard(frame, body, state, theme),
        TagsTab::CostTracking => draw_cost(frame, body, state, theme),
    }
}

fn draw_standard(frame: &mut Frame<'_>, area: Rect, state: &AppState, theme: Theme) {
    let ctx = &state.ctx;
    let title = "Standard tag templates".to_string();
    draw_list(
        frame,
        area,
        &state.panes.tags.standard,
        &ListText {
            title: &title,
            empty: "No standard tag templates.",
        },
        true,
        ctx,
        theme,
    );
}

fn draw_cost(frame: &mut Frame<'_>, area: Rect, state: &AppState, theme: Theme) {
    let pane = &state.panes.tags;
    let live = pane
        .cost
        .all()
        .iter()
        .filter(|t| t.0.lifecycle_state != crate::model::LifecycleState::Deleted)
        .count();
    let title = format!("Cost-tracking tags {live}/{COST_TRACKING_LIMIT}");
    let empty =
        "No tag is enabled for cost tracking. Edit a tag (Namespaces, Enter, e) to enable it.";
    draw_list(
        frame,
        area,
        &pane.cost,
        &ListText {
            title: &title,
            empty,
        },
        true,
        &state.ctx,
        theme,
    );
}

fn draw_namespaces(frame: &mut Frame<'_>, area: Rect, state: &AppState, theme: Theme) {
    let pane = &state.panes.tags;
    let ctx = &state.ctx;
    let [left, right] =
        Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(area);
    let empty = format!("No namespaces. {} creates one.", ctx.key(&Action::Create));
    draw_list(
        frame,
        left,
        &pane.namespaces,
        &ListText {
            title: "Namespaces",
            empty: &empty,
        },
        pane.focus == TagsFocus::Namespaces,
        ctx,
        theme,
    );
    let focused = pane.focus == TagsFocus::Tags;
    match (pane.selected_namespace(), pane.namespace_tags()) {
        (Some(ns), Some(tags)) => draw_list(
            frame,
            right,
            tags,
            &ListText {
                title: &format!("Tags in {}", ns.name),
                empty: "No tags in this namespace.",
            },
            focused,
            ctx,
            theme,
        ),
        _ => frame.render_widget(crate::ui::panes::block("Tags", focused, theme), right),
    }
}

fn draw_defaults(frame: &mut Frame<'_>, area: Rect, state: &AppState, theme: Theme) {
    let pane = &state.panes.tags;
    let ctx = &state.ctx;
    let path = ctx.compartment_path(&pane.scope_id(ctx));
    let empty = format!(
        "No tag defaults in this compartment. Press {} to create one, {} for another compartment.",
        ctx.key(&Action::Create),
        ctx.key(&Action::Scope)
    );
    draw_list(
        frame,
        area,
        &pane.defaults,
        &ListText {
            title: &format!("Tag defaults in {path}"),
            empty: &empty,
        },
        true,
        ctx,
        theme,
    );
}
