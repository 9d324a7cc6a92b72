//! The dialog of a secret shown once: its text (with the secret), the keys (copy, go on,
//! close), and for an MFA seed the QR code beside the text, over the whole screen so an
//! 80x24 terminal holds it. A terminal too small for the code says how large it must be.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::centered;
use super::dialog::{frame_block, tone_lines};
use crate::app::Action;
use crate::app::ctx::Ctx;
use crate::app::widgets::modal::{Modal, ModalKind};
use crate::ui::theme::Theme;

pub fn draw(frame: &mut Frame<'_>, body: Rect, modal: &Modal, ctx: &Ctx, theme: Theme) {
    let ModalKind::Secret {
        lines, qr, scroll, ..
    } = &modal.kind
    else {
        return;
    };
    let mut text = tone_lines(lines, theme);
    let keys = Line::from(Span::styled(
        format!(
            "{} copy · {} {} · {} close",
            ctx.key(&Action::CopySecret),
            ctx.key(&Action::Select),
            if qr.is_some() { "activate" } else { "done" },
            ctx.key(&Action::Cancel)
        ),
        theme.dim(),
    ));
    let code = qr
        .as_ref()
        .and_then(|uri| super::qr::half_blocks(uri.expose()));
    let screen = frame.area();
    if let Some(rows) = code {
        let (w, h) = (rows[0].chars().count() as u16, rows.len() as u16);
        // The code, a gap, and at least 30 columns of text, inside a border.
        if w + 33 <= screen.width && h + 2 <= screen.height {
            let area = centered(screen, screen.width.min(w + 70), screen.height.min(h + 2));
            let inner = frame_block(frame, area, &modal.title, theme);
            let [code_area, _, text_area] = Layout::horizontal([
                Constraint::Length(w),
                Constraint::Length(1),
                Constraint::Min(10),
            ])
            .areas(inner);
            frame.render_widget(Paragraph::new(super::qr::lines(&rows)), code_area);
            draw_text(frame, text_area, text, keys, *scroll);
            return;
        }
        text.push(Line::from(Span::styled(
            format!(
                "(a terminal of at least {}x{} shows the QR code; type the seed meanwhile)",
                w + 33,
                h + 2
            ),
            theme.warning(),
        )));
    }
    let width = body.width.saturating_sub(4).min(100);
    let inner_width = width.saturating_sub(2).max(1) as usize;
    let height: usize = text
        .iter()
        .map(|l| l.width().div_ceil(inner_width).max(1))
        .sum::<usize>()
        + 4;
    let area = centered(body, width, height.min(body.height as usize) as u16);
    let inner = frame_block(frame, area, &modal.title, theme);
    draw_text(frame, inner, text, keys, *scroll);
}

/// The text (wrapped, scrolled) with the keys kept in view under it.
fn draw_text(
    frame: &mut Frame<'_>,
    area: Rect,
    text: Vec<Line<'static>>,
    keys: Line<'static>,
    scroll: u16,
) {
    let [text_area, keys_area] =
        Layout::vertical([Constraint::Min(0), Constraint::Length(2)]).areas(area);
    frame.render_widget(
        Paragraph::new(text)
            .wrap(Wrap { trim: false })
            .scroll((scroll, 0)),
        text_area,
    );
    frame.render_widget(
        Paragraph::new(vec![Line::default(), keys]).wrap(Wrap { trim: false }),
        keys_area,
    );
}
