//! The one function every widget draws service strings through: control characters and
//! escape sequences never reach the terminal.

use std::borrow::Cow;

/// Replaces every control character (C0, DEL, C1 — which covers ESC and CSI, so no escape
/// sequence survives) and the bidirectional overrides that can make text lie about its order
/// with a visible stand-in; tabs become a space.
pub fn sanitize(s: &str) -> Cow<'_, str> {
    if !s.chars().any(needs_replacing) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.chars()
            .map(|c| match c {
                '\t' => ' ',
                '\u{1b}' => '␛',
                c if needs_replacing(c) => '\u{fffd}',
                c => c,
            })
            .collect(),
    )
}

fn needs_replacing(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}')
}

#[cfg(test)]
mod tests {
    use super::sanitize;

    #[test]
    fn escape_sequences_become_visible() {
        assert_eq!(sanitize("a\x1b[31mred\x07"), "a␛[31mred\u{fffd}");
        assert_eq!(sanitize("\u{9b}2J"), "\u{fffd}2J");
        assert_eq!(sanitize("x\ny\tz"), "x\u{fffd}y z");
        assert_eq!(sanitize("abc\u{202e}cba"), "abc\u{fffd}cba");
    }

    #[test]
    fn clean_text_is_borrowed() {
        assert!(matches!(
            sanitize("Prod/AppTier"),
            std::borrow::Cow::Borrowed(_)
        ));
    }
}
