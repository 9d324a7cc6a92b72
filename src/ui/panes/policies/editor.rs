//! The embedded policy editor: the text with line numbers, what changed, and the policy
//! engine's findings about it.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use crate::app::AppState;
use crate::app::panes::policies::editor::PolicyEditor;
use crate::ui::span_owned;
use crate::ui::theme::Theme;

pub fn draw(
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
    let block = crate::ui::panes::block(
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
