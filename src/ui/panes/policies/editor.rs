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
    let (edit_area, findings_area) = split(area, editor);
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
            .take(4)
            .map(|l| (l + 1).to_string())
            .collect();
        let more = match editor.lint.marked.len().saturating_sub(4) {
            0 => String::new(),
            n => format!(" +{n}"),
        };
        format!(" · ⚠ line {}{more}", lines.join(","))
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
        view = crate::app::panes::policies::editor::text_area(&lines.join("\n"));
        view.move_cursor(ratatui_textarea::CursorMove::Jump(
            cursor.0 as u16,
            cursor.1 as u16,
        ));
    }
    view.set_cursor_line_style(ratatui::style::Style::new());
    view.set_line_number_style(theme.dim());
    view.set_cursor_style(theme.selected());
    frame.render_widget(&view, inner);
    if let Some(findings_area) = findings_area {
        draw_findings(frame, findings_area, editor, theme);
    }
}

/// The editor takes the rows its text needs (and one spare); the findings take the rest, at
/// least a third of the pane when they need it, so they are never cut while rows sit empty.
fn split(area: Rect, editor: &PolicyEditor) -> (Rect, Option<Rect>) {
    let findings = &editor.lint.lines;
    if findings.is_empty() || area.height < 10 {
        return (area, None);
    }
    let width = area.width.saturating_sub(2).max(1);
    let text_rows: u16 = editor
        .textarea
        .lines()
        .iter()
        .map(|l| rows(l, width.saturating_sub(editor.textarea.line_number_width())))
        .sum();
    let finding_rows: u16 = findings.iter().map(|l| rows(&l.text, width)).sum();
    let editor_wants = text_rows.saturating_add(3).max(5);
    let findings_wants = finding_rows.saturating_add(2);
    let room = area.height.saturating_sub(editor_wants);
    let height = findings_wants
        .min(room.max(area.height / 3))
        .min(area.height - 5);
    let [edit_area, findings_area] =
        Layout::vertical([Constraint::Min(5), Constraint::Length(height)]).areas(area);
    (edit_area, Some(findings_area))
}

/// Screen rows a line takes wrapped at `width` columns.
fn rows(text: &str, width: u16) -> u16 {
    let width = usize::from(width.max(1));
    let chars = text.chars().count().max(1);
    u16::try_from(chars.div_ceil(width)).unwrap_or(u16::MAX)
}

/// The findings, wrapped; when they do not all fit, scrolled (no further than needed) so
/// the first one at or after the cursor's line shows.
fn draw_findings(frame: &mut Frame<'_>, area: Rect, editor: &PolicyEditor, theme: Theme) {
    let lint = &editor.lint;
    let width = area.width.saturating_sub(2);
    let height = area.height.saturating_sub(2);
    let cursor_line = editor.textarea.cursor().0;
    let at_cursor = lint
        .line_of
        .iter()
        .position(|&l| l >= cursor_line)
        .unwrap_or(0);
    // The earliest start whose findings still fill the panel: scrolling further would only
    // leave rows empty.
    let mut fill_from = lint.lines.len();
    let mut used = 0u16;
    while fill_from > 0 {
        let next = rows(&lint.lines[fill_from - 1].text, width);
        if used.saturating_add(next) > height {
            break;
        }
        used += next;
        fill_from -= 1;
    }
    let first = at_cursor.min(fill_from);
    let above = if first > 0 {
        format!(" · {first} above")
    } else {
        String::new()
    };
    let block = crate::ui::panes::block(
        &format!("Findings ({}){above}", lint.lines.len()),
        false,
        theme,
    );
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let lines: Vec<Line> = lint.lines[first..]
        .iter()
        .map(|l| Line::from(span_owned(&l.text, theme.tone(l.tone))))
        .collect();
    frame.render_widget(
        Paragraph::new(lines).wrap(ratatui::widgets::Wrap { trim: false }),
        inner,
    );
}
