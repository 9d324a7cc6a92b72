use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::{Edit, LineEditor};

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

fn ctrl(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)
}

fn alt(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::ALT)
}

fn typed(text: &str) -> LineEditor {
    let mut e = LineEditor::default();
    for c in text.chars() {
        e.handle(&key(KeyCode::Char(c)));
    }
    e
}

/// The text with `|` where the cursor is.
fn shown(e: &LineEditor) -> String {
    let mut s = e.text().to_string();
    s.insert(e.cursor(), '|');
    s
}

#[test]
fn typing_inserts_at_the_cursor_not_at_the_end() {
    let mut e = typed("helo");
    e.handle(&key(KeyCode::Left));
    assert_eq!(e.handle(&key(KeyCode::Char('l'))), Edit::Changed);
    assert_eq!(shown(&e), "hell|o");
    e.handle(&key(KeyCode::Home));
    e.handle(&key(KeyCode::Char('>')));
    assert_eq!(shown(&e), ">|hello");
    e.handle(&ctrl('e'));
    assert_eq!(shown(&e), ">hello|");
    e.handle(&ctrl('a'));
    assert_eq!(shown(&e), "|>hello");
    e.handle(&key(KeyCode::End));
    assert_eq!(shown(&e), ">hello|");
}

#[test]
fn movement_reports_moved_and_stops_at_the_edges() {
    let mut e = typed("ab");
    assert_eq!(e.handle(&key(KeyCode::Right)), Edit::Moved);
    assert_eq!(shown(&e), "ab|");
    e.handle(&ctrl('b'));
    e.handle(&ctrl('b'));
    e.handle(&ctrl('b'));
    assert_eq!(shown(&e), "|ab");
    e.handle(&ctrl('f'));
    assert_eq!(shown(&e), "a|b");
    assert_eq!(e.handle(&key(KeyCode::F(2))), Edit::Ignored);
}

#[test]
fn words_move_and_delete_as_in_readline() {
    let mut e = typed("allow group Admins");
    e.handle(&alt('b'));
    assert_eq!(shown(&e), "allow group |Admins");
    e.handle(&alt('b'));
    assert_eq!(shown(&e), "allow |group Admins");
    e.handle(&alt('f'));
    assert_eq!(shown(&e), "allow group| Admins");
    e.handle(&KeyEvent::new(KeyCode::Left, KeyModifiers::CONTROL));
    assert_eq!(shown(&e), "allow |group Admins");
    e.handle(&KeyEvent::new(KeyCode::Right, KeyModifiers::CONTROL));
    assert_eq!(shown(&e), "allow group| Admins");
    e.handle(&ctrl('w'));
    assert_eq!(shown(&e), "allow | Admins");
    e.handle(&alt('d'));
    assert_eq!(shown(&e), "allow |");
    e.handle(&ctrl('y'));
    assert_eq!(shown(&e), "allow  Admins|", "Ctrl-Y yanks the last cut");
    e.handle(&KeyEvent::new(KeyCode::Backspace, KeyModifiers::ALT));
    assert_eq!(shown(&e), "allow  |");
}

#[test]
fn kills_to_either_end_and_deletes_under_the_cursor() {
    let mut e = typed("prod/app/web");
    e.handle(&alt('b'));
    e.handle(&ctrl('k'));
    assert_eq!(shown(&e), "prod/app/|");
    e.handle(&ctrl('u'));
    assert_eq!(shown(&e), "|");
    e.handle(&ctrl('y'));
    assert_eq!(shown(&e), "prod/app/|");
    e.handle(&key(KeyCode::Home));
    e.handle(&key(KeyCode::Delete));
    e.handle(&ctrl('d'));
    assert_eq!(shown(&e), "|od/app/");
    e.handle(&key(KeyCode::End));
    e.handle(&key(KeyCode::Backspace));
    e.handle(&ctrl('h'));
    assert_eq!(shown(&e), "od/ap|");
    assert_eq!(e.handle(&key(KeyCode::Home)), Edit::Moved);
    assert_eq!(
        e.handle(&key(KeyCode::Backspace)),
        Edit::Moved,
        "nothing before the cursor to delete"
    );
}

#[test]
fn paste_goes_in_at_the_cursor_as_one_line() {
    let mut e = typed("Allow  to read");
    for _ in 0.." to read".len() {
        e.handle(&key(KeyCode::Left));
    }
    assert_eq!(e.paste("group\nAdmins\u{1b}[2J"), Edit::Changed);
    assert_eq!(shown(&e), "Allow group Admins[2J| to read");
    assert_eq!(e.paste("\u{7}"), Edit::Ignored);
    let pasted = LineEditor::new("a pasted key\n");
    assert_eq!(shown(&pasted), "a pasted key|", "a final line break goes");
}

#[test]
fn multibyte_characters_move_as_one() {
    let mut e = typed("zürich ✓");
    e.handle(&key(KeyCode::Backspace));
    e.handle(&key(KeyCode::Left));
    e.handle(&key(KeyCode::Left));
    e.handle(&key(KeyCode::Left));
    e.handle(&key(KeyCode::Left));
    e.handle(&key(KeyCode::Left));
    assert_eq!(shown(&e), "zü|rich ");
    e.handle(&key(KeyCode::Backspace));
    assert_eq!(shown(&e), "z|rich ");
}

#[test]
fn a_long_line_scrolls_to_keep_the_cursor_in_view() {
    let e = LineEditor::new("0123456789abcdef");
    let (visible, col) = e.view(10);
    assert_eq!(col, 9, "the cursor sits in the last column");
    assert_eq!(visible, "789abcdef");
    let mut e = e;
    e.handle(&key(KeyCode::Home));
    let (visible, col) = e.view(10);
    assert_eq!((visible, col), ("0123456789", 0));
    let wide = LineEditor::new("日本語の名前");
    let (visible, col) = wide.view(6);
    assert_eq!(col, 4, "wide characters count two columns");
    assert_eq!(visible, "名前");
}
