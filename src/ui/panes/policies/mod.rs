//! The Policies pane: every policy with its compartment path, the selected policy's
//! statements highlighted below, or the embedded editor while editing.

mod editor;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use crate::app::widgets::modal::Tone;
use crate::app::{Action, AppState, Loadable};
use crate::model::Policy;
use crate::ui::theme::Theme;
use crate::ui::widgets::status::draw_unless_ready;
use crate::ui::widgets::table::{ListText, draw_list};
use crate::ui::{highlight, span_owned};

pub fn draw(frame: &mut Frame<'_>, area: Rect, state: &AppState, theme: Theme) {
    let pane = &state.panes.policies;
    if let Some(editor) = &pane.editor {
        editor::draw(frame, area, editor, state, theme);
        return;
    }
    let [list_area, detail_area] =
        Layout::vertical([Constraint::Percentage(55), Constraint::Percentage(45)]).areas(area);
    let title = match pane.scope() {
        Some(scope) => format!("Policies in {}", state.ctx.compartment_path(scope)),
        None => "Policies".to_string(),
    };
    // Policies wait for the compartment list: show its state while it loads or if it failed.
    if matches!(pane.list.items, Loadable::NotLoaded) {
        let block = super::block(&title, true, theme);
        if draw_unless_ready(
            frame,
            list_area,
            block,
            &state.ctx.compartments.status(),
            "policies",
            &state.ctx,
            theme,
        ) {
            frame.render_widget(super::block("Statements", false, theme), detail_area);
            return;
        }
    }
    // Where the service refused the listing, one line under the list says so.
    let refusal = refusal_line(state, theme);
    let list_area = if refusal.is_some() {
        let [list, note] =
            Layout::vertical([Constraint::Min(3), Constraint::Length(2)]).areas(list_area);
        if let Some(line) = refusal {
            frame.render_widget(Paragraph::new(line).wrap(Wrap { trim: true }), note);
        }
        list
    } else {
        list_area
    };
    draw_list(
        frame,
        list_area,
        &pane.list,
        &ListText {
            title: &title,
            empty: if pane.refused.is_empty() {
                "No policies in this tenancy."
            } else {
                "No policies that you may list."
            },
        },
        true,
        &state.ctx,
        theme,
    );
    draw_statements(frame, detail_area, pane.selected(), state, theme);
}

/// `NotAuthorizedOrNotFound` for the compartments whose policies were not listed: the one in
/// scope, or how many and which (the first few by path).
fn refusal_line(state: &AppState, theme: Theme) -> Option<Line<'static>> {
    let pane = &state.panes.policies;
    if pane.refused.is_empty() {
        return None;
    }
    let text = match pane.scope() {
        Some(scope) if pane.is_refused(scope) => format!(
            "NotAuthorizedOrNotFound: you may not list the policies of {}",
            state.ctx.compartment_path(scope)
        ),
        Some(_) => return None,
        None => {
            let mut paths: Vec<String> = pane
                .refused
                .iter()
                .map(|id| state.ctx.compartment_path(id))
                .collect();
            paths.sort();
            let shown = paths.iter().take(3).cloned().collect::<Vec<_>>().join(", ");
            let more = if paths.len() > 3 { ", …" } else { "" };
            format!(
                "NotAuthorizedOrNotFound in {} compartment(s), not listed here: {shown}{more}",
                paths.len()
            )
        }
    };
    Some(Line::from(Span::styled(
        crate::text::sanitize(&text).into_owned(),
        theme.warning(),
    )))
}

fn draw_statements(
    frame: &mut Frame<'_>,
    area: Rect,
    policy: Option<&Policy>,
    state: &AppState,
    theme: Theme,
) {
    let Some(p) = policy else {
        frame.render_widget(super::block("Statements", false, theme), area);
        return;
    };
    let block = super::block(
        &format!(
            "{} · {}",
            p.name,
            state.ctx.compartment_path(&p.compartment_id)
        ),
        false,
        theme,
    );
    let mut lines: Vec<Line> = vec![Line::from(span_owned(&p.description, theme.dim()))];
    if p.lifecycle_state != crate::model::LifecycleState::Active {
        lines.insert(
            0,
            Line::from(Span::styled(
                format!("{}: this policy cannot be edited", p.lifecycle_state),
                theme.error(),
            )),
        );
    }
    if state.ctx.drafts.items.contains_key(&p.id) {
        lines.push(Line::from(Span::styled(
            format!(
                "unsaved draft: press {} to continue it",
                state.ctx.key(&Action::Edit)
            ),
            theme.key(),
        )));
    }
    lines.extend(p.statements.iter().map(|s| highlight::statement(s, theme)));
    // The policy engine's findings about the saved statements, under them.
    lines.extend(
        crate::app::panes::policies::lint::lint_lines(&p.statements)
            .into_iter()
            .filter(|l| matches!(l.tone, Tone::Error | Tone::Warning))
            .map(|l| Line::from(span_owned(&format!("⚠ {}", l.text), theme.tone(l.tone)))),
    );
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false }),
        area,
    );
}
