//! The Tags pane: namespaces beside the tags of the selected one (with validators and cost
//! tracking), cascade deletes in progress under them; or the tag defaults of a compartment.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::app::AppState;
use crate::app::ctx::Ctx;
use crate::app::tags::{TagsFocus, TagsPane, TagsView};
use crate::app::tags_forms::values_text;
use crate::model::{Tag, TagDefault, TagNamespace};
use crate::ui::theme::Theme;
use crate::ui::widgets::detail::tabs_line;
use crate::ui::widgets::resource_table::{self, Wording};
use crate::ui::widgets::table::{Column, RowAdapter};

struct NamespaceRow<'a> {
    ctx: &'a Ctx,
}

impl RowAdapter<TagNamespace> for NamespaceRow<'_> {
    fn columns(&self) -> Vec<Column> {
        vec![
            Column::new("Namespace", Constraint::Percentage(45)),
            Column::new("State", Constraint::Length(8)),
            Column::new("Compartment", Constraint::Fill(1)),
        ]
    }

    fn cells(&self, n: &TagNamespace) -> Vec<String> {
        let state = if n.is_retired {
            "retired".to_string()
        } else {
            n.lifecycle_state.to_string()
        };
        vec![
            n.name.clone(),
            state,
            self.ctx.compartment_path(&n.compartment_id),
        ]
    }

    fn dim(&self, n: &TagNamespace) -> bool {
        n.is_retired || n.lifecycle_state.is_dim()
    }
}

struct TagRow;

impl RowAdapter<Tag> for TagRow {
    fn columns(&self) -> Vec<Column> {
        vec![
            Column::new("Tag", Constraint::Percentage(40)),
            // "cost" for cost tracking, "retired", or "cost,ret".
            Column::new("Flags", Constraint::Length(8)),
            Column::new("Values", Constraint::Fill(1)),
        ]
    }

    fn cells(&self, t: &Tag) -> Vec<String> {
        // A listing has no validator: the values show once the tag is read (on selection).
        let values = match (&t.validator, values_text(t.validator.as_ref())) {
            (None, _) => "…".to_string(),
            (Some(_), v) if v.is_empty() => "any".to_string(),
            (Some(_), v) => v,
        };
        let flags = match (t.is_cost_tracking, t.is_retired) {
            (true, true) => "cost,ret",
            (true, false) => "cost",
            (false, true) => "retired",
            (false, false) => "",
        };
        vec![t.name.clone(), flags.to_string(), values]
    }

    fn dim(&self, t: &Tag) -> bool {
        t.is_retired || t.lifecycle_state.is_dim()
    }
}

struct DefaultRow<'a> {
    pane: &'a TagsPane,
}

impl RowAdapter<TagDefault> for DefaultRow<'_> {
    fn columns(&self) -> Vec<Column> {
        vec![
            Column::new("Tag", Constraint::Percentage(40)),
            Column::new("Value", Constraint::Fill(1)),
            Column::new("Required", Constraint::Length(8)),
        ]
    }

    fn cells(&self, d: &TagDefault) -> Vec<String> {
        vec![
            self.pane
                .tag_path(&d.tag_namespace_id, &d.tag_definition_name),
            d.value.clone(),
            if d.is_required { "yes" } else { "no" }.to_string(),
        ]
    }

    fn dim(&self, d: &TagDefault) -> bool {
        d.lifecycle_state.is_dim()
    }
}

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
    let active = usize::from(pane.view == TagsView::Defaults);
    frame.render_widget(
        Paragraph::new(tabs_line(&["Namespaces", "Tag defaults"], active, theme)),
        tabs,
    );
    frame.render_widget(Paragraph::new(work), work_area);
    match pane.view {
        TagsView::Namespaces => draw_namespaces(frame, body, state, theme),
        TagsView::Defaults => draw_defaults(frame, body, state, theme),
    }
}

fn draw_namespaces(frame: &mut Frame<'_>, area: Rect, state: &AppState, theme: Theme) {
    let pane = &state.panes.tags;
    let [left, right] =
        Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(area);
    resource_table::draw(
        frame,
        left,
        super::block(
            &resource_table::title("Namespaces", &pane.namespaces),
            pane.focus == TagsFocus::Namespaces,
            theme,
        ),
        &pane.namespaces,
        &Wording {
            what: "tag namespaces",
            empty: "No namespaces. c creates one.",
        },
        &NamespaceRow { ctx: &state.ctx },
        state.ctx.tick,
        theme,
    );
    let focused = pane.focus == TagsFocus::Tags;
    match (pane.selected_namespace(), pane.namespace_tags()) {
        (Some(ns), Some(tags)) => resource_table::draw(
            frame,
            right,
            super::block(
                &resource_table::title(&format!("Tags in {}", ns.name), tags),
                focused,
                theme,
            ),
            tags,
            &Wording {
                what: "tags",
                empty: "No tags in this namespace.",
            },
            &TagRow,
            state.ctx.tick,
            theme,
        ),
        _ => frame.render_widget(super::block("Tags", focused, theme), right),
    }
}

fn draw_defaults(frame: &mut Frame<'_>, area: Rect, state: &AppState, theme: Theme) {
    let pane = &state.panes.tags;
    let path = state.ctx.compartment_path(&pane.scope_id(&state.ctx));
    resource_table::draw(
        frame,
        area,
        super::block(
            &resource_table::title(&format!("Tag defaults in {path}"), &pane.defaults),
            true,
            theme,
        ),
        &pane.defaults,
        &Wording {
            what: "tag defaults",
            empty: "No tag defaults in this compartment. Press c to create one, s for another compartment.",
        },
        &DefaultRow { pane },
        state.ctx.tick,
        theme,
    );
}
