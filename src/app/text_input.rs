//! One-line text inputs (prompts, form fields, typed confirmations): apply a key to a string.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// Edits `text` by one key press; true when it changed. The cursor is always at the end,
/// which is all a short prompt needs.
pub fn apply_key(text: &mut String, key: &KeyEvent) -> bool {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    match key.code {
        KeyCode::Char('u') if ctrl => {
            let changed = !text.is_empty();
            text.clear();
            changed
        }
        KeyCode::Char('w') if ctrl => {
            let trimmed = text.trim_end().len();
            let cut = text[..trimmed].rfind(' ').map_or(0, |i| i + 1);
            let changed = cut != text.len();
            text.truncate(cut);
            changed
        }
        KeyCode::Char(c) if !ctrl && !c.is_control() => {
            text.push(c);
            true
        }
        KeyCode::Backspace => text.pop().is_some(),
        _ => false,
    }
}

/// Appends pasted text, dropping line breaks and control characters (one-line input).
pub fn paste(text: &mut String, pasted: &str) {
    text.extend(pasted.chars().filter(|c| !c.is_control()));
}
