//! Modal dialogs: forms (each field with its error beside it and the cursor where typing
//! lands), typed confirmations, choices (diffs, conflicts) and text.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

use super::centered;
use super::input::input_line;
use crate::app::Action;
use crate::app::ctx::Ctx;
use crate::app::widgets::form::Form;
use crate::app::widgets::modal::{Modal, ModalKind, Tone, ToneLine};
use crate::ui::theme::Theme;
use crate::ui::{highlight, span_owned};

/// A dialog's text lines, styled by tone (statements of a diff highlighted after the marker).
pub fn tone_lines(lines: &[ToneLine], theme: Theme) -> Vec<Line<'static>> {
    lines
        .iter()
        .map(|l| match l.tone {
            Tone::Statement => highlight::statement(&l.text, theme),
            tone => Line::from(span_owned(&l.text, theme.tone(tone))),
        })
        .collect()
}

pub fn draw(frame: &mut Frame<'_>, body: Rect, modal: &Modal, ctx: &Ctx, theme: Theme) {
    let width = body.width.saturating_sub(4).min(100);
    if let ModalKind::Form(form) = &modal.kind {
        draw_form(frame, body, width, modal, form, ctx, theme);
        return;
    }
    if let ModalKind::Secret { .. } = &modal.kind {
        super::secret_dialog::draw(frame, body, modal, ctx, theme);
        return;
    }
    // The text scrolls; the footer (input line, options) always stays in view.
    let mut lines: Vec<Line<'static>> = Vec::new();
    let mut footer: Vec<Line<'static>> = Vec::new();
    let mut scroll = 0;
    let mut input = None;
    match &modal.kind {
        ModalKind::Form(_) | ModalKind::Secret { .. } => {}
        ModalKind::TypedConfirm {
            lines: text,
            expected,
            input: typed,
            scroll: s,
        } => {
            scroll = *s;
            lines.extend(tone_lines(text, theme));
            input = Some((typed, typed.text() == expected.as_str()));
            footer.push(Line::default());
            footer.push(Line::from(Span::styled(
                format!(
                    "{} confirms once the name matches · {} cancels",
                    ctx.key(&Action::Select),
                    ctx.key(&Action::Cancel)
                ),
                theme.dim(),
            )));
        }
        ModalKind::Choice {
            lines: text,
            options,
            selected,
            scroll: s,
        } => {
            scroll = *s;
            lines.extend(tone_lines(text, theme));
            // Many options (`:find` hits) show as a window that follows the choice, so the
            // text above keeps its room.
            let room = usize::from(body.height / 2).max(3);
            let (from, to) = option_window(options.len(), *selected, room);
            if from > 0 {
                footer.push(Line::from(Span::styled(
                    format!("   ↑ {from} more"),
                    theme.dim(),
                )));
            }
            for (i, o) in options.iter().enumerate().take(to).skip(from) {
                let chosen = i == *selected;
                let style = if chosen {
                    theme.selected()
                } else {
                    theme.plain()
                };
                footer.push(Line::from(span_owned(
                    &format!(" {} {o} ", if chosen { "›" } else { " " }),
                    style,
                )));
            }
            if to < options.len() {
                footer.push(Line::from(Span::styled(
                    format!("   ↓ {} more", options.len() - to),
                    theme.dim(),
                )));
            }
        }
        ModalKind::Text {
            lines: text,
            scroll: s,
        } => {
            scroll = *s;
            lines.extend(tone_lines(text, theme));
        }
    }
    let inner_width = width.saturating_sub(2).max(1) as usize;
    // Wrapped height of the text, so short dialogs stay small.
    let text_height: usize = lines
        .iter()
        .map(|l| l.width().div_ceil(inner_width).max(1))
        .sum();
    let height = (text_height + footer.len() + 2).min(body.height as usize) as u16;
    let area = centered(body, width, height);
    let inner = frame_block(frame, area, &modal.title, theme);
    let [text_area, footer_area] =
        Layout::vertical([Constraint::Min(0), Constraint::Length(footer.len() as u16)])
            .areas(inner);
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .scroll((scroll, 0)),
        text_area,
    );
    if let Some((typed, matches)) = input {
        let style = if matches {
            theme.success()
        } else {
            theme.plain()
        };
        let (line, cursor) = input_line(
            vec![Span::styled("> ", theme.key())],
            typed,
            style,
            (footer_area.x, footer_area.y, footer_area.width),
        );
        footer[0] = line;
        frame.set_cursor_position(cursor);
    }
    frame.render_widget(Paragraph::new(footer), footer_area);
}

/// The options shown of `total` with `selected` in view: all when they fit in `room` rows,
/// else a window (leaving rows for the "more" lines) that keeps the choice in its middle.
fn option_window(total: usize, selected: usize, room: usize) -> (usize, usize) {
    if total <= room {
        return (0, total);
    }
    let shown = room.saturating_sub(2).max(1);
    let from = selected.saturating_sub(shown / 2).min(total - shown);
    (from, from + shown)
}

/// A cleared, bordered box titled `title`; the area inside it.
pub(super) fn frame_block(frame: &mut Frame<'_>, area: Rect, title: &str, theme: Theme) -> Rect {
    frame.render_widget(Clear, area);
    let block = Block::bordered()
        .title(span_owned(&format!(" {title} "), theme.title()))
        .border_style(theme.focus_border());
    let inner = block.inner(area);
    frame.render_widget(block, area);
    inner
}

/// A form: label, value, and the field's error (or help) under it, for every field; the
/// form's own error and the keys at the bottom. Scrolls to keep the focused field in view.
fn draw_form(
    frame: &mut Frame<'_>,
    body: Rect,
    width: u16,
    modal: &Modal,
    form: &Form,
    ctx: &Ctx,
    theme: Theme,
) {
    let mut footer: Vec<Line<'static>> = Vec::new();
    if let Some(e) = &form.error {
        footer.push(Line::from(span_owned(&format!("✗ {e}"), theme.error())));
    }
    footer.push(Line::from(Span::styled(
        if form.waiting.is_some() {
            format!(
                "sending… the form stays open until the service answers ({} closes it)",
                ctx.key(&Action::Cancel)
            )
        } else {
            format!(
                "{} next field · {} submit · {} cancel",
                ctx.key(&Action::NextField),
                ctx.key(&Action::Select),
                ctx.key(&Action::Cancel)
            )
        },
        theme.dim(),
    )));
    // A field is its label, its value, and its error (wrapped, it is what to fix) or help.
    let inner_width = width.saturating_sub(2).max(10) as usize;
    let errors: Vec<Vec<String>> = form
        .fields
        .iter()
        .map(|f| {
            f.error
                .as_ref()
                .map_or_else(Vec::new, |e| wrap(&format!("✗ {e}"), inner_width - 2))
        })
        .collect();
    let heights: Vec<usize> = errors.iter().map(|e| 2 + e.len().max(1)).collect();
    let field_lines: usize = heights.iter().sum();
    let height = (field_lines + footer.len() + 2).min(body.height as usize) as u16;
    let area = centered(body, width, height);
    let inner = frame_block(frame, area, &modal.title, theme);
    let [fields_area, footer_area] =
        Layout::vertical([Constraint::Min(0), Constraint::Length(footer.len() as u16)])
            .areas(inner);
    let visible = fields_area.height as usize;
    let focus_top: usize = heights.iter().take(form.focus).sum();
    let focus_height = heights.get(form.focus).copied().unwrap_or(3);
    let scroll = (focus_top + focus_height).saturating_sub(visible);
    let mut cursor: Option<Position> = None;
    let mut lines = Vec::new();
    for (i, f) in form.fields.iter().enumerate() {
        let focused = i == form.focus;
        let label_style = if focused {
            theme.title()
        } else {
            theme.plain()
        };
        let mut label = vec![Span::styled(
            format!("{}{}", if focused { "› " } else { "  " }, f.label),
            label_style,
        )];
        let choices = form.choices(i);
        if let Some(options) = &choices {
            let shown = if options.is_empty() {
                "none to choose from".to_string()
            } else {
                options.join(" / ")
            };
            label.push(Span::styled(format!("  ({shown})"), theme.dim()));
        }
        lines.push(Line::from(label));
        let row = lines.len();
        let y = fields_area.y as usize + row;
        let value_style = if f.error.is_some() {
            theme.error()
        } else {
            theme.plain()
        };
        let masked = f.masked.then(|| f.input.masked());
        let (line, position) = input_line(
            vec![Span::raw("  ")],
            masked.as_ref().unwrap_or(&f.input),
            value_style,
            (
                fields_area.x,
                u16::try_from(y.saturating_sub(scroll)).unwrap_or(u16::MAX),
                fields_area.width,
            ),
        );
        lines.push(line);
        if focused && row >= scroll && row < scroll + visible {
            cursor = Some(position);
        }
        if errors[i].is_empty() {
            // The focused field's candidates replace its help while there are some.
            let hint = focused.then(|| form.hint(i)).flatten();
            let text = hint.unwrap_or_else(|| f.help.clone());
            lines.push(Line::from(span_owned(&format!("  {text}"), theme.dim())));
        } else {
            lines.extend(
                errors[i]
                    .iter()
                    .map(|e| Line::from(span_owned(&format!("  {e}"), theme.error()))),
            );
        }
    }
    frame.render_widget(
        Paragraph::new(lines).scroll((u16::try_from(scroll).unwrap_or(0), 0)),
        fields_area,
    );
    frame.render_widget(
        Paragraph::new(footer).wrap(Wrap { trim: false }),
        footer_area,
    );
    if let Some(position) = cursor
        && form.waiting.is_none()
        && form.choices(form.focus).is_none()
    {
        frame.set_cursor_position(position);
    }
}

/// `text` in lines of at most `width` characters, broken at spaces where it can be.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(8);
    let mut out = Vec::new();
    let mut line = String::new();
    for word in text.split(' ') {
        let fits = line.chars().count() + usize::from(!line.is_empty()) + word.chars().count();
        if !line.is_empty() && fits > width {
            out.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
        while line.chars().count() > width {
            let head: String = line.chars().take(width).collect();
            let tail: String = line.chars().skip(width).collect();
            out.push(head);
            line = tail;
        }
    }
    if !line.is_empty() {
        out.push(line);
    }
    out
}
