//! The Compartments pane: the tree on the left, the selected compartment's detail on the
//! right, work requests in progress under the tree.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use crate::app::panes::compartments::{CompartmentsFocus, TreeRow};
use crate::app::{AppState, Loadable};
use crate::model::LifecycleState;
use crate::ui::theme::Theme;
use crate::ui::widgets::detail::draw_resource;
use crate::ui::widgets::status::draw_unless_ready;
use crate::ui::widgets::table::{ListText, draw_list};
use crate::ui::{span, span_owned};

pub fn draw(frame: &mut Frame<'_>, area: Rect, state: &AppState, theme: Theme) {
    let pane = &state.panes.compartments;
    let [left, right] =
        Layout::horizontal([Constraint::Percentage(58), Constraint::Percentage(42)]).areas(area);
    if pane.focus == CompartmentsFocus::Resources {
        draw_resources(frame, left, right, state, theme);
        return;
    }
    let title = match &pane.moving {
        Some(id) => format!(
            "Move {}: pick the new parent, {}",
            state.ctx.compartment(id).map_or("?", |c| c.name.as_str()),
            state.ctx.key(&crate::app::Action::Select)
        ),
        None if !pane.marked.is_empty() => format!(
            "Compartments{} · {} marked",
            super::filter_suffix(&pane.filter),
            pane.marked.len()
        ),
        None => format!("Compartments{}", super::filter_suffix(&pane.filter)),
    };
    let block = super::block(&title, true, theme);
    if draw_unless_ready(
        frame,
        left,
        block.clone(),
        &state.ctx.compartments,
        "compartments",
        &state.ctx,
        theme,
    ) {
        draw_detail(frame, right, state, theme);
        return;
    }
    let inner = block.inner(left);
    frame.render_widget(block, left);
    let work_lines = work_lines(state, theme);
    let [tree_area, work_area] = Layout::vertical([
        Constraint::Min(1),
        Constraint::Length(work_lines.len() as u16),
    ])
    .areas(inner);
    let height = tree_area.height as usize;
    let offset = pane.cursor.visible_offset(height);
    pane.cursor.drawn_at.set(Some((
        tree_area.x,
        tree_area.y,
        tree_area.width,
        tree_area.height,
    )));
    let lines: Vec<Line> = pane
        .rows
        .iter()
        .enumerate()
        .skip(offset)
        .take(height)
        .map(|(i, row)| tree_line(row, i == pane.cursor.selected, state, theme))
        .collect();
    if lines.is_empty() {
        frame.render_widget(
            Paragraph::new(Span::styled(
                "No compartment matches the filter.",
                theme.dim(),
            )),
            tree_area,
        );
    } else {
        frame.render_widget(Paragraph::new(lines), tree_area);
    }
    frame.render_widget(Paragraph::new(work_lines), work_area);
    draw_detail(frame, right, state, theme);
}

fn tree_line(row: &TreeRow, selected: bool, state: &AppState, theme: Theme) -> Line<'static> {
    let marker = match (row.has_children, row.expanded) {
        (true, true) => "▾ ",
        (true, false) => "▸ ",
        _ => "  ",
    };
    let mut indent = "  ".repeat(row.depth);
    if !state.panes.compartments.marked.is_empty() {
        let mark = if state.panes.compartments.marked.contains(&row.id) {
            "● "
        } else {
            "  "
        };
        indent.insert_str(0, mark);
    }
    let (name, lifecycle) = if row.depth == 0 {
        let name = state
            .ctx
            .tenancy
            .data()
            .map_or_else(|| "tenancy".to_string(), |t| t.name.clone());
        (format!("{name} (root)"), LifecycleState::Active)
    } else {
        match state.ctx.compartment(&row.id) {
            Some(c) => (c.name.clone(), c.lifecycle_state.clone()),
            None => (row.id.clone(), LifecycleState::Active),
        }
    };
    let base = if selected {
        theme.selected()
    } else if lifecycle.is_dim() {
        theme.dim()
    } else {
        theme.plain()
    };
    let mut spans = vec![
        Span::styled(format!("{indent}{marker}"), base),
        span_owned(&name, base),
    ];
    if lifecycle != LifecycleState::Active {
        spans.push(Span::styled(
            format!(" [{lifecycle}]"),
            if selected { base } else { theme.dim() },
        ));
    }
    Line::from(spans)
}

fn draw_detail(frame: &mut Frame<'_>, area: Rect, state: &AppState, theme: Theme) {
    let pane = &state.panes.compartments;
    let block = super::block("Detail", false, theme);
    let Some(id) = pane.selected_id() else {
        frame.render_widget(block, area);
        return;
    };
    let field = |label: &str, value: String| {
        Line::from(vec![
            Span::styled(format!("{label:<12}"), theme.dim()),
            span_owned(&value, theme.plain()),
        ])
    };
    let mut lines = Vec::new();
    let children = state
        .ctx
        .compartments
        .data()
        .map_or(0, |l| l.iter().filter(|c| c.compartment_id == id).count());
    let policies = match &state.ctx.policy_counts {
        // A count of 0 would be a guess where the service would not list them.
        Some(_) if state.panes.policies.is_refused(id) => {
            "not listed (NotAuthorizedOrNotFound)".to_string()
        }
        Some(counts) => counts.get(id).copied().unwrap_or(0).to_string(),
        None => "…".to_string(),
    };
    if let Some(c) = state.ctx.compartment(id) {
        lines.push(Line::from(span(&c.name, theme.title())));
        lines.push(field("OCID", c.id.clone()));
        lines.push(field("Path", state.ctx.compartment_path(id)));
        lines.push(field("State", c.lifecycle_state.to_string()));
        lines.push(field("Created", c.time_created.clone()));
        lines.push(field("Children", children.to_string()));
        lines.push(field("Policies", policies));
        lines.extend(effective_lines(id, state, theme));
        lines.push(Line::from(Span::styled("Description", theme.dim())));
        lines.push(Line::from(span_owned(&c.description, theme.plain())));
        if !c.freeform_tags.is_empty() || !c.defined_tags.is_empty() {
            lines.push(Line::from(Span::styled("Tags", theme.dim())));
            for (k, v) in &c.freeform_tags {
                lines.push(Line::from(span_owned(
                    &format!("  {k} = {v}"),
                    theme.plain(),
                )));
            }
            for (ns, tags) in &c.defined_tags {
                for (k, v) in tags {
                    lines.push(Line::from(span_owned(
                        &format!("  {ns}.{k} = {v}"),
                        theme.plain(),
                    )));
                }
            }
        }
    } else {
        let (name, tid) = match &state.ctx.tenancy {
            Loadable::Loaded(t) => (t.name.clone(), t.id.clone()),
            _ => ("tenancy".into(), id.to_string()),
        };
        lines.push(Line::from(span_owned(
            &format!("{name} (tenancy)"),
            theme.title(),
        )));
        lines.push(field("OCID", tid));
        lines.push(field("Children", children.to_string()));
        lines.push(field("Policies", policies));
        lines.extend(effective_lines(id, state, theme));
    }
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false }),
        area,
    );
}

/// The selected compartment's resources of other services, with their detail.
fn draw_resources(frame: &mut Frame<'_>, left: Rect, right: Rect, state: &AppState, theme: Theme) {
    let pane = &state.panes.compartments;
    let ctx = &state.ctx;
    let path = pane
        .resources_of
        .as_deref()
        .map(|id| ctx.compartment_path(id))
        .unwrap_or_default();
    let work = work_lines(state, theme);
    let [list_area, work_area] =
        Layout::vertical([Constraint::Min(3), Constraint::Length(work.len() as u16)]).areas(left);
    let empty = format!(
        "No resources of other services here; {} goes back.",
        ctx.key(&crate::app::Action::Back)
    );
    draw_list(
        frame,
        list_area,
        &pane.resources,
        &ListText {
            title: &format!("Resources in {path}"),
            empty: &empty,
        },
        true,
        ctx,
        theme,
    );
    frame.render_widget(Paragraph::new(work), work_area);
    draw_resource(frame, right, pane.resources.selected(), ctx, theme);
}

/// Work requests in progress (moves, deletes, bulk operations), one line each.
fn work_lines(state: &AppState, theme: Theme) -> Vec<Line<'static>> {
    state
        .panes
        .compartments
        .work
        .values()
        .map(|w| {
            let pct = w.percent.map(|p| format!(" {p:.0}%")).unwrap_or_default();
            Line::from(Span::styled(
                format!("⟳ {} {}{pct}", w.what, w.status),
                theme.key(),
            ))
        })
        .collect()
}

/// The tag defaults that apply in the compartment, inherited ones with where they are set.
fn effective_lines(id: &str, state: &AppState, theme: Theme) -> Vec<Line<'static>> {
    let ctx = &state.ctx;
    let mut lines = vec![Line::from(Span::styled(
        "Tag defaults that apply",
        theme.dim(),
    ))];
    match state.panes.compartments.effective.get(id) {
        Some(Loadable::Loaded(defaults)) if defaults.is_empty() => {
            lines.push(Line::from(Span::styled("  none", theme.dim())));
        }
        Some(Loadable::Loaded(defaults)) => {
            let catalogue = ctx.tag_catalogue.data();
            for d in defaults {
                let ns = catalogue
                    .and_then(|c| c.namespaces.iter().find(|n| n.id == d.tag_namespace_id))
                    .map(|n| n.name.clone())
                    .or_else(|| ctx.name_of(&d.tag_namespace_id).map(str::to_string))
                    .unwrap_or_else(|| "?".into());
                let value = if d.is_required && d.value.is_empty() {
                    "(required)".to_string()
                } else {
                    d.value.clone()
                };
                // Inherited: where it is set, after an arrow up the tree.
                let from = if d.compartment_id == id {
                    String::new()
                } else {
                    format!("  ↑ {}", ctx.compartment_path(&d.compartment_id))
                };
                lines.push(Line::from(vec![
                    span_owned(
                        &format!("  {ns}.{} = {value}", d.tag_definition_name),
                        theme.plain(),
                    ),
                    span_owned(&from, theme.dim()),
                ]));
            }
        }
        Some(Loadable::Failed(f)) => {
            lines.push(Line::from(span_owned(
                &format!("  {}", f.summary()),
                theme.error(),
            )));
        }
        _ => lines.push(Line::from(Span::styled("  …", theme.dim()))),
    }
    lines
}
