use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::{Field, Form};

fn form() -> Form {
    Form::new(vec![
        Field::text("name", "Name").required().max_chars(5),
        Field::text("description", "Description").value("kept"),
        Field::yes_no("cost", "Cost tracking", false),
    ])
}

fn press(form: &mut Form, code: KeyCode) {
    form.key(&KeyEvent::new(code, KeyModifiers::NONE));
}

#[test]
fn values_are_read_by_name_and_trimmed() {
    let mut f = form();
    for c in " abc ".chars() {
        press(&mut f, KeyCode::Char(c));
    }
    let values = f.validate().expect("valid");
    assert_eq!(values.get("name"), "abc");
    assert_eq!(values.get("description"), "kept");
    assert!(!values.yes("cost"));
    assert_eq!(values.optional("description").as_deref(), Some("kept"));
}

#[test]
fn a_bad_field_is_marked_and_focused_and_nothing_is_lost() {
    let mut f = form();
    f.focus = 1;
    assert!(f.validate().is_none());
    assert_eq!(f.focus, 0, "the first bad field gets the focus");
    assert_eq!(f.fields[0].error.as_deref(), Some("Name cannot be empty"));
    for c in "toolong".chars() {
        press(&mut f, KeyCode::Char(c));
    }
    assert!(
        f.fields[0].error.is_none(),
        "typing clears the field's error"
    );
    assert!(f.validate().is_none());
    assert!(
        f.fields[0]
            .error
            .as_ref()
            .unwrap()
            .contains("longer than 5")
    );
    assert_eq!(f.fields[0].input.text(), "toolong");
    assert_eq!(f.fields[1].input.text(), "kept");
}

#[test]
fn a_choice_cycles_with_space_and_arrows() {
    let mut f = form();
    f.focus = 2;
    press(&mut f, KeyCode::Char(' '));
    assert_eq!(f.fields[2].input.text(), "yes");
    press(&mut f, KeyCode::Right);
    assert_eq!(f.fields[2].input.text(), "no");
    press(&mut f, KeyCode::Left);
    assert_eq!(f.fields[2].input.text(), "yes");
    press(&mut f, KeyCode::Char('x'));
    assert_eq!(f.fields[2].input.text(), "yes", "other keys do nothing");
}

#[test]
fn a_service_refusal_lands_beside_the_field_it_names() {
    let mut f = Form::new(vec![
        Field::text("name", "Name"),
        Field::text("matching_rule", "Matching rule"),
    ]);
    f.refuse(None, "InvalidParameter: the matching rule is not valid");
    assert_eq!(f.focus, 1);
    assert!(f.fields[1].error.is_some() && f.error.is_none());
    f.refuse(None, "Invalid name: it contains spaces");
    assert_eq!(f.focus, 0);
    f.refuse(None, "TooManyRequests: slow down");
    assert_eq!(f.error.as_deref(), Some("TooManyRequests: slow down"));
    assert!(f.has_errors());
}
