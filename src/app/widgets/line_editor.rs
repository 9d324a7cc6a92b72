//! The one-line editor every single-line input uses (form fields, `/`, `:`, audit questions,
//! typed confirmations): a cursor that moves and edits as in a shell's readline, paste at the
//! cursor, and a kill buffer for Ctrl-U/K/W and Ctrl-Y.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use unicode_width::UnicodeWidthChar;

/// What a key did to the line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edit {
    /// The text changed.
    Changed,
    /// Only the cursor moved.
    Moved,
    /// Not an editing key.
    Ignored,
}

/// A line of text and a cursor in it (a byte offset on a character boundary).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LineEditor {
    text: String,
    cursor: usize,
    /// The last text cut by a kill command, for Ctrl-Y.
    killed: String,
}

impl LineEditor {
    /// A line holding `text` with the cursor at its end.
    pub fn new(text: &str) -> Self {
        let text = one_line(text);
        LineEditor {
            cursor: text.len(),
            text,
            killed: String::new(),
        }
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    /// The cursor as a byte offset into [`LineEditor::text`].
    pub fn cursor(&self) -> usize {
        self.cursor
    }

    /// Replaces the text; the cursor goes to the end.
    pub fn set(&mut self, text: &str) {
        self.text = one_line(text);
        self.cursor = self.text.len();
    }

    pub fn clear(&mut self) {
        self.set("");
    }

    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// The same line with every character shown as `•` (a password being typed), the cursor
    /// on the same character.
    #[must_use]
    pub fn masked(&self) -> LineEditor {
        let before = self.text[..self.cursor].chars().count();
        let all = self.text.chars().count();
        LineEditor {
            text: "•".repeat(all),
            cursor: "•".len() * before,
            killed: String::new(),
        }
    }

    /// Applies one key press.
    pub fn handle(&mut self, key: &KeyEvent) -> Edit {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        let alt = key.modifiers.contains(KeyModifiers::ALT);
        let word = ctrl || alt;
        match key.code {
            KeyCode::Left if word => self.move_to(self.word_left()),
            KeyCode::Right if word => self.move_to(self.word_right()),
            KeyCode::Char('b') if alt => self.move_to(self.word_left()),
            KeyCode::Char('f') if alt => self.move_to(self.word_right()),
            KeyCode::Left => self.move_to(self.char_left()),
            KeyCode::Right => self.move_to(self.char_right()),
            KeyCode::Char('b') if ctrl => self.move_to(self.char_left()),
            KeyCode::Char('f') if ctrl => self.move_to(self.char_right()),
            KeyCode::Home => self.move_to(0),
            KeyCode::Char('a') if ctrl => self.move_to(0),
            KeyCode::End => self.move_to(self.text.len()),
            KeyCode::Char('e') if ctrl => self.move_to(self.text.len()),
            KeyCode::Backspace if alt => self.cut(self.word_left(), self.cursor),
            KeyCode::Char('w') if ctrl => self.cut(self.word_left(), self.cursor),
            KeyCode::Char('d') if alt => self.cut(self.cursor, self.word_right()),
            KeyCode::Char('u') if ctrl => self.cut(0, self.cursor),
            KeyCode::Char('k') if ctrl => self.cut(self.cursor, self.text.len()),
            KeyCode::Char('y') if ctrl => {
                let killed = self.killed.clone();
                self.insert(&killed)
            }
            KeyCode::Backspace => self.remove(self.char_left(), self.cursor),
            KeyCode::Char('h') if ctrl => self.remove(self.char_left(), self.cursor),
            KeyCode::Delete => self.remove(self.cursor, self.char_right()),
            KeyCode::Char('d') if ctrl => self.remove(self.cursor, self.char_right()),
            KeyCode::Char(c) if !ctrl && !alt && !c.is_control() => {
                let mut buf = [0u8; 4];
                self.insert(c.encode_utf8(&mut buf))
            }
            _ => Edit::Ignored,
        }
    }

    /// Inserts pasted text at the cursor: line breaks become spaces, other control characters
    /// are dropped (a one-line input cannot hold them).
    pub fn paste(&mut self, pasted: &str) -> Edit {
        let clean = one_line(pasted);
        if clean.is_empty() {
            return Edit::Ignored;
        }
        self.insert(&clean)
    }

    /// The part of the line to draw in `width` columns so the cursor is visible, and the
    /// cursor's column inside it. Long lines scroll sideways around the cursor.
    pub fn view(&self, width: usize) -> (&str, usize) {
        let width = width.max(1);
        let before = &self.text[..self.cursor];
        let cursor_col: usize = before.chars().map(char_width).sum();
        if cursor_col < width {
            let end = take_columns(&self.text, 0, width);
            return (&self.text[..end], cursor_col);
        }
        // Start far enough right that the cursor sits in the last column.
        let mut start = 0;
        let mut skipped = 0;
        for (i, c) in self.text.char_indices() {
            if cursor_col - skipped < width {
                start = i;
                break;
            }
            skipped += char_width(c);
            start = i + c.len_utf8();
        }
        let end = take_columns(&self.text, start, width);
        (&self.text[start..end], cursor_col - skipped)
    }

    fn move_to(&mut self, position: usize) -> Edit {
        self.cursor = position;
        Edit::Moved
    }

    fn insert(&mut self, s: &str) -> Edit {
        if s.is_empty() {
            return Edit::Ignored;
        }
        self.text.insert_str(self.cursor, s);
        self.cursor += s.len();
        Edit::Changed
    }

    fn remove(&mut self, from: usize, to: usize) -> Edit {
        if from >= to {
            return Edit::Moved;
        }
        self.text.replace_range(from..to, "");
        self.cursor = from;
        Edit::Changed
    }

    /// Like [`LineEditor::remove`], keeping the text for Ctrl-Y.
    fn cut(&mut self, from: usize, to: usize) -> Edit {
        if from < to {
            self.killed = self.text[from..to].to_string();
        }
        self.remove(from, to)
    }

    fn char_left(&self) -> usize {
        self.text[..self.cursor]
            .char_indices()
            .next_back()
            .map_or(0, |(i, _)| i)
    }

    fn char_right(&self) -> usize {
        self.text[self.cursor..]
            .chars()
            .next()
            .map_or(self.cursor, |c| self.cursor + c.len_utf8())
    }

    /// The start of the word before the cursor (readline's backward-word).
    fn word_left(&self) -> usize {
        let head = &self.text[..self.cursor];
        let trimmed = head.trim_end_matches(|c: char| !is_word(c));
        trimmed
            .char_indices()
            .rev()
            .find(|(_, c)| !is_word(*c))
            .map_or(0, |(i, c)| i + c.len_utf8())
    }

    /// The end of the word after the cursor (readline's forward-word).
    fn word_right(&self) -> usize {
        let tail = &self.text[self.cursor..];
        let skip = tail.len() - tail.trim_start_matches(|c: char| !is_word(c)).len();
        let rest = &tail[skip..];
        let word = rest.find(|c: char| !is_word(c)).unwrap_or(rest.len());
        self.cursor + skip + word
    }
}

fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

fn char_width(c: char) -> usize {
    c.width().unwrap_or(0)
}

/// The byte offset where `width` columns of `text` starting at `start` end.
fn take_columns(text: &str, start: usize, width: usize) -> usize {
    let mut used = 0;
    for (i, c) in text[start..].char_indices() {
        let w = char_width(c);
        if used + w > width {
            return start + i;
        }
        used += w;
    }
    text.len()
}

/// The text as one line: a final line break goes, inner ones and tabs become spaces, other
/// control characters are dropped.
fn one_line(text: &str) -> String {
    text.trim_end_matches(['\n', '\r'])
        .chars()
        .filter_map(|c| match c {
            '\n' | '\r' | '\t' => Some(' '),
            c if c.is_control() => None,
            c => Some(c),
        })
        .collect()
}

#[cfg(test)]
#[path = "line_editor_tests.rs"]
mod tests;
