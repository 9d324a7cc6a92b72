//! The one sanitizer for every string canopy prints, in the TUI and on standard output and
//! error: control characters (C0, DEL, C1: no escape sequence survives), bidirectional
//! overrides and zero-width or other default-ignorable characters never reach a terminal as
//! themselves. Escapes become a visible `␛`, other controls `\u{fffd}`, invisible and
//! direction-changing characters a visible `<U+200D>`. JSON output escapes the same set.

use std::borrow::Cow;
use std::fmt::Write as _;

/// For one line of a terminal (the TUI): tabs become a space, line breaks are replaced too.
pub fn sanitize(s: &str) -> Cow<'_, str> {
    clean(s, false)
}

/// For text printed to a terminal line by line (the CLI): as [`sanitize`], keeping line
/// breaks.
pub fn for_terminal(s: &str) -> Cow<'_, str> {
    clean(s, true)
}

fn clean(s: &str, keep_newlines: bool) -> Cow<'_, str> {
    if !s
        .chars()
        .any(|c| needs_replacing(c) && !(keep_newlines && c == '\n'))
    {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\n' if keep_newlines => out.push('\n'),
            '\t' => out.push(' '),
            '\u{1b}' => out.push('␛'),
            c if c.is_control() => out.push('\u{fffd}'),
            c if is_invisible(c) => {
                let _ = write!(out, "<U+{:04X}>", c as u32);
            }
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

fn needs_replacing(c: char) -> bool {
    c.is_control() || is_invisible(c)
}

/// Characters that change the order text shows in, or show as nothing (default-ignorable
/// code points): in a name they make two different names look the same.
pub fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{00ad}' | '\u{034f}' | '\u{061c}' | '\u{115f}' | '\u{1160}' | '\u{17b4}' | '\u{17b5}'
        | '\u{180b}'..='\u{180f}'
        | '\u{200b}'..='\u{200f}'
        | '\u{202a}'..='\u{202e}'
        | '\u{2060}'..='\u{206f}'
        | '\u{3164}' | '\u{feff}' | '\u{ffa0}'
        | '\u{fff0}'..='\u{fff8}'
        | '\u{1bca0}'..='\u{1bca3}'
        | '\u{1d173}'..='\u{1d17a}'
        | '\u{e0000}'..='\u{e0fff}')
}

/// JSON as `serde_json` writes it, with C1 controls and invisible or direction-changing
/// characters escaped as `\uXXXX` too (it escapes only C0). Valid JSON that reads back the
/// same, and safe to `cat`.
pub fn escape_json(json: &str) -> Cow<'_, str> {
    let risky = |c: char| ('\u{80}'..='\u{9f}').contains(&c) || c == '\u{7f}' || is_invisible(c);
    if !json.chars().any(risky) {
        return Cow::Borrowed(json);
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if risky(c) {
            // Outside a string these never occur in serde_json's output, so an escape is
            // always inside a string, where it means the same character.
            let mut units = [0u16; 2];
            for unit in c.encode_utf16(&mut units) {
                let _ = write!(out, "\\u{unit:04x}");
            }
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// A writer that passes `serde_json`'s output through [`escape_json`] as it streams, so a large
/// document is escaped without being held whole. A character split across two writes waits
/// for its other bytes.
pub struct EscapeJson<W: std::io::Write> {
    inner: W,
    pending: Vec<u8>,
}

impl<W: std::io::Write> EscapeJson<W> {
    pub fn new(inner: W) -> Self {
        EscapeJson {
            inner,
            pending: Vec::new(),
        }
    }

    /// The inner writer, flushed.
    pub fn into_inner(mut self) -> std::io::Result<W> {
        std::io::Write::flush(&mut self)?;
        Ok(self.inner)
    }
}

impl<W: std::io::Write> std::io::Write for EscapeJson<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        // Almost all of a tenancy is ASCII, where only DEL needs escaping: passed on as is.
        if self.pending.is_empty() && buf.is_ascii() && !buf.contains(&0x7f) {
            self.inner.write_all(buf)?;
            return Ok(buf.len());
        }
        self.pending.extend_from_slice(buf);
        let valid = match std::str::from_utf8(&self.pending) {
            Ok(text) => text.len(),
            Err(e) if e.error_len().is_none() => e.valid_up_to(),
            Err(e) => return Err(std::io::Error::new(std::io::ErrorKind::InvalidData, e)),
        };
        let text = std::str::from_utf8(&self.pending[..valid]).unwrap_or_default();
        self.inner.write_all(escape_json(text).as_bytes())?;
        self.pending.drain(..valid);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        if !self.pending.is_empty() {
            return Err(std::io::Error::new(
                std::io::ErrorKind::InvalidData,
                "the JSON ended inside a character",
            ));
        }
        self.inner.flush()
    }
}

/// An error and its causes as one line, `outer: cause: root`, leaving out a cause whose text
/// the message already holds (many errors name their source in their own message; printing
/// the chain as well said everything twice).
pub fn error_chain(error: &(dyn std::error::Error + 'static)) -> String {
    let mut line = error.to_string();
    let mut cause = error.source();
    while let Some(c) = cause {
        let text = c.to_string();
        if !line.contains(&text) {
            line.push_str(": ");
            line.push_str(&text);
        }
        cause = c.source();
    }
    line
}

/// `println!` for text that may hold service strings: sanitized, line breaks kept.
#[macro_export]
macro_rules! say {
    ($($arg:tt)*) => {
        println!("{}", $crate::text::for_terminal(&format!($($arg)*)))
    };
}

/// `eprintln!` for text that may hold service strings: sanitized, line breaks kept.
#[macro_export]
macro_rules! say_err {
    ($($arg:tt)*) => {
        eprintln!("{}", $crate::text::for_terminal(&format!($($arg)*)))
    };
}

#[cfg(test)]
mod tests {
    use super::{error_chain, escape_json, for_terminal, sanitize};

    #[derive(Debug, thiserror::Error)]
    #[error("cannot read seed file x: {0}")]
    struct Said(#[source] std::io::Error);

    #[derive(Debug, thiserror::Error)]
    #[error("cannot load the seed tenancy")]
    struct Outer(#[source] Said);

    #[test]
    fn a_cause_already_in_the_message_is_said_once() {
        let e = Outer(Said(std::io::Error::other("no such file")));
        assert_eq!(
            error_chain(&e),
            "cannot load the seed tenancy: cannot read seed file x: no such file"
        );
    }

    #[test]
    fn escape_sequences_become_visible() {
        assert_eq!(sanitize("a\x1b[31mred\x07"), "a␛[31mred\u{fffd}");
        assert_eq!(sanitize("\u{9b}2J"), "\u{fffd}2J");
        assert_eq!(sanitize("x\ny\tz"), "x\u{fffd}y z");
        assert_eq!(for_terminal("x\ny\x1b]0;t\x07"), "x\ny␛]0;t\u{fffd}");
    }

    #[test]
    fn invisible_and_direction_characters_are_named() {
        assert_eq!(sanitize("Dev\u{200d}"), "Dev<U+200D>");
        assert_eq!(sanitize("abc\u{202e}cba"), "abc<U+202E>cba");
        assert_eq!(sanitize("\u{feff}x\u{2060}"), "<U+FEFF>x<U+2060>");
        assert_eq!(sanitize("a\u{200b}b\u{200c}c"), "a<U+200B>b<U+200C>c");
    }

    #[test]
    fn clean_text_is_borrowed() {
        assert!(matches!(
            sanitize("Prod/AppTier"),
            std::borrow::Cow::Borrowed(_)
        ));
        assert!(matches!(
            for_terminal("a\nb"),
            std::borrow::Cow::Borrowed(_)
        ));
    }

    #[test]
    fn json_escapes_c1_and_bidi_and_reads_back_the_same() {
        let value = serde_json::json!({"name": "a\u{9b}b\u{202e}c\u{200d}\u{e0041}"});
        let text = serde_json::to_string(&value).unwrap();
        let escaped = escape_json(&text);
        assert!(escaped.contains("\\u009b") && escaped.contains("\\u202e"));
        assert!(escaped.contains("\\udb40\\udc41"), "{escaped}");
        assert!(
            !escaped
                .chars()
                .any(|c| ('\u{80}'..='\u{9f}').contains(&c) || c == '\u{202e}')
        );
        let back: serde_json::Value = serde_json::from_str(&escaped).unwrap();
        assert_eq!(back, value);
    }

    #[test]
    fn escaping_as_it_streams_matches_escaping_the_whole_even_split_inside_characters() {
        use std::io::Write as _;
        let json = serde_json::to_string(&serde_json::json!({
            "name": "a\u{85}b\u{200b}c\u{202e}d é 日本",
        }))
        .unwrap();
        let mut out = super::EscapeJson::new(Vec::new());
        for byte in json.as_bytes() {
            out.write_all(std::slice::from_ref(byte)).unwrap();
        }
        let streamed = String::from_utf8(out.into_inner().unwrap()).unwrap();
        assert_eq!(streamed, super::escape_json(&json));
        assert!(streamed.contains("\\u0085"));
    }

    #[test]
    fn ascii_chunks_pass_through_but_delete_is_still_escaped() {
        use std::io::Write as _;
        let mut out = super::EscapeJson::new(Vec::new());
        out.write_all(b"{\"plain\": \"ok\", ").unwrap();
        out.write_all(b"\"del\": \"a\x7fb\"}").unwrap();
        let streamed = String::from_utf8(out.into_inner().unwrap()).unwrap();
        assert_eq!(streamed, "{\"plain\": \"ok\", \"del\": \"a\\u007fb\"}");
    }
}
