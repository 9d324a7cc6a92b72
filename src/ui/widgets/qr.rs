//! A QR code drawn with half-block characters: two modules per character cell vertically,
//! so a 37-module code (an MFA enrolment URI) is 41 columns by 21 rows with its quiet zone.
//! Drawn light on dark explicitly, since scanners need the contrast whatever the theme.

use qrcode::{Color, EcLevel, QrCode};
use ratatui::style::{Color as Tint, Style};
use ratatui::text::{Line, Span};

/// Light modules around the code; the standard asks for 4, scanners read 2 on a screen.
pub const QUIET: usize = 2;

/// The code's rows as text: `█` both halves light, `▀` top light, `▄` bottom light, space
/// both dark. `None` when the text is too long for a QR code.
pub fn half_blocks(text: &str) -> Option<Vec<String>> {
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::L).ok()?;
    let width = code.width();
    let colors = code.to_colors();
    let size = width + 2 * QUIET;
    // Light outside the code (the quiet zone) and on light modules.
    let light = |x: usize, y: usize| -> bool {
        if x < QUIET || y < QUIET || x >= width + QUIET || y >= width + QUIET {
            return true;
        }
        colors[(y - QUIET) * width + (x - QUIET)] == Color::Light
    };
    let mut rows = Vec::new();
    for y in (0..size).step_by(2) {
        let row: String = (0..size)
            .map(|x| {
                let top = light(x, y);
                let bottom = y + 1 >= size || light(x, y + 1);
                match (top, bottom) {
                    (true, true) => '█',
                    (true, false) => '▀',
                    (false, true) => '▄',
                    (false, false) => ' ',
                }
            })
            .collect();
        rows.push(row);
    }
    Some(rows)
}

/// The rows as lines, white on black.
pub fn lines(rows: &[String]) -> Vec<Line<'static>> {
    let style = Style::default().fg(Tint::White).bg(Tint::Black);
    rows.iter()
        .map(|r| Line::from(Span::styled(r.clone(), style)))
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_short_text_fits_and_a_huge_one_does_not() {
        let rows = super::half_blocks("otpauth://totp/OCI:ana?secret=JBSWY3DPEHPK3PXP&issuer=OCI")
            .expect("a code");
        assert!(rows.len() <= 21, "{}", rows.len());
        assert!(
            rows.iter()
                .all(|r| r.chars().count() == rows[0].chars().count())
        );
        assert!(super::half_blocks(&"x".repeat(5000)).is_none());
    }
}
