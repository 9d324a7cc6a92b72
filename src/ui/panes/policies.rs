//! The Policies pane: every policy with its compartment path, the selected policy's
//! statements highlighted below, or the embedded editor while editing.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use crate::app::ctx::Ctx;
use crate::app::modal::Tone;
use crate::app::policy_editor::PolicyEditor;
use crate::app::{AppState, Loadable};
use crate::model::Policy;
use crate::ui::theme::Theme;
use crate::ui::widgets::status::{draw_empty, draw_unless_ready};
use crate::ui::widgets::table::{self, Column, RowAdapter};
use crate::ui::{highlight, span_owned};

struct PolicyRow<'a> {
    ctx: &'a Ctx,
}

impl RowAdapter<Policy> for PolicyRow<'_> {
    fn columns(&self) -> Vec<Column> {
        vec![
            Column::new("Policy", Constraint::Percentage(35)),
            Column::new("Compartment", Constraint::Percentage(55)),
            Column::new("Stmts", Constraint::Length(5)),
        ]
    }

    fn cells(&self, p: &Policy) -> Vec<String> {
        vec![
            p.name.clone(),
            self.ctx.compartment_path(&p.compartment_id),
            p.statements.len().to_string(),
        ]
    }

    fn dim(&self, p: &Policy) -> bool {
        p.lifecycle_state.is_dim()
    }
}

pub fn draw(frame: &mut Frame<'_>, area: Rect, state: &AppState, theme: Theme) {
    let pane = &state.panes.policies;
    if let Some(editor) = &pane.editor {
        draw_editor(frame, area, editor, state, theme);
        return;
    }
    let [list_area, detail_area] =
        Layout::vertical([Constraint::Percentage(55), Constraint::Percentage(45)]).areas(area);
    let mut title = String::from("Policies");
    if let Some(scope) = &pane.scope {
        title = format!("{title} in {}", state.ctx.compartment_path(scope));
    }
    if let Some(list) = pane.policies.data() {
        title = format!("{title} ({} of {})", pane.rows.len(), list.len());
    }
    if pane.policies.is_loading() {
        title.push_str(" loading…");
    }
    title.push_str(&super::filter_suffix(&pane.filter));
    let block = super::block(&title, true, theme);
    // Policies wait for the compartment list: show its state while it loads or if it failed.
    let waiting_on = if matches!(pane.policies, Loadable::NotLoaded) {
        state.ctx.compartments.status()
    } else {
        pane.policies.status()
    };
    if draw_unless_ready(
        frame,
        list_area,
        block.clone(),
        &waiting_on,
        "policies",
        state.ctx.tick,
        theme,
    ) {
        frame.render_widget(super::block("Statements", false, theme), detail_area);
        return;
    }
    let all = pane.policies.data().map_or(&[][..], Vec::as_slice);
    if pane.rows.is_empty() {
        let message = if all.is_empty() {
            "No policies in this tenancy."
        } else {
            "No policy matches the scope and filter (Esc clears them)."
        };
        draw_empty(frame, list_area, block, message, theme);
    } else {
        let items: Vec<&Policy> = pane.rows.iter().filter_map(|&i| all.get(i)).collect();
        table::draw(
            frame,
            list_area,
            block,
            &items,
            &pane.cursor,
            &PolicyRow { ctx: &state.ctx },
            theme,
        );
    }
    draw_statements(frame, detail_area, pane.selected(), state, theme);
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
    if state.ctx.drafts.items.contains_key(&p.id) {
        lines.push(Line::from(Span::styled(
            "unsaved draft: press e to continue it",
            theme.key(),
        )));
    }
    lines.extend(p.statements.iter().map(|s| highlight::statement(s, theme)));
    // The policy engine's findings about the saved statements, under them.
    lines.extend(
        crate::app::lint::lint_lines(&p.statements)
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

fn draw_editor(
    frame: &mut Frame<'_>,
    area: Rect,
    editor: &PolicyEditor,
    state: &AppState,
    theme: Theme,
) {
    // Findings were computed in `update` when the text changed (tenancy-aware once the
    // snapshot is loaded); drawing only reads them.
    let problems: Vec<Line> = editor
        .lint
        .lines
        .iter()
        .take(4)
        .map(|l| Line::from(span_owned(&l.text, theme.tone(l.tone))))
        .collect();
    let [edit_area, lint_area] = Layout::vertical([
        Constraint::Min(3),
        Constraint::Length(problems.len() as u16),
    ])
    .areas(area);
    let modified = if editor.is_modified() {
        " [modified]"
    } else {
        ""
    };
    let saving = if editor.saving { " saving…" } else { "" };
    let marks = if editor.lint.marked.is_empty() {
        String::new()
    } else {
        let lines: Vec<String> = editor
            .lint
            .marked
            .iter()
            .map(|l| (l + 1).to_string())
            .collect();
        format!(" · ⚠ line {}", lines.join(","))
    };
    let block = super::block(
        &format!(
            "Editing {} · {}{modified}{saving}{marks} · one statement per line",
            editor.policy_name,
            state.ctx.compartment_path(&editor.compartment_id)
        ),
        true,
        theme,
    );
    let inner = block.inner(edit_area);
    frame.render_widget(block, edit_area);
    // The text area draws its own text; service strings in it were sanitized on the way in
    // by drawing through a sanitized copy.
    let mut view = editor.textarea.clone();
    let lines: Vec<String> = view
        .lines()
        .iter()
        .map(|l| crate::ui::sanitize(l).into_owned())
        .collect();
    if lines.iter().zip(view.lines()).any(|(a, b)| a != b) {
        let cursor = view.cursor();
        view = ratatui_textarea::TextArea::new(lines);
        view.move_cursor(ratatui_textarea::CursorMove::Jump(
            cursor.0 as u16,
            cursor.1 as u16,
        ));
    }
    view.set_cursor_line_style(ratatui::style::Style::new());
    view.set_line_number_style(theme.dim());
    view.set_cursor_style(theme.selected());
    frame.render_widget(&view, inner);
    frame.render_widget(Paragraph::new(problems), lint_area);
}
