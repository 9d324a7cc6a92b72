//! The keymap: the embedded default parses, a user file merges over it, bad keys are named.

use canopy::app::keymap::{Keymap, KeymapError};
use canopy::app::{Action, KeyContext};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

const DEFAULT: &str = include_str!("../../assets/keymap.toml");

#[test]
fn every_context_of_the_default_has_descriptions() {
    let keymap = Keymap::default_keymap().unwrap();
    for context in [
        KeyContext::Global,
        KeyContext::List,
        KeyContext::Tree,
        KeyContext::Compartments,
        KeyContext::Policies,
        KeyContext::Editor,
        KeyContext::Dialog,
        KeyContext::Input,
    ] {
        assert!(!keymap.bindings(context).is_empty(), "{context:?}");
        assert!(
            keymap
                .bindings(context)
                .iter()
                .all(|b| !b.description.is_empty())
        );
    }
}

#[test]
fn user_entries_replace_the_default_for_the_same_action() {
    let user = "[[global]]\nkeys = [\"x\"]\naction = \"quit\"\ndescription = \"leave\"\n";
    let keymap = Keymap::from_sources(DEFAULT, Some(("user.toml", user))).unwrap();
    let x = KeyEvent::new(KeyCode::Char('x'), KeyModifiers::NONE);
    let q = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::NONE);
    assert_eq!(
        keymap.resolve(&[KeyContext::Global], &x),
        Some(Action::Quit)
    );
    assert_eq!(
        keymap.resolve(&[KeyContext::Global], &q),
        None,
        "q was rebound away"
    );
}

#[test]
fn shifted_letters_and_modifiers_resolve() {
    let keymap = Keymap::default_keymap().unwrap();
    let shift_d = KeyEvent::new(KeyCode::Char('D'), KeyModifiers::SHIFT);
    assert_eq!(
        keymap.resolve(&[KeyContext::Compartments], &shift_d),
        Some(Action::Delete)
    );
    let ctrl_s = KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL);
    assert_eq!(
        keymap.resolve(&[KeyContext::Editor], &ctrl_s),
        Some(Action::Save)
    );
    let s = KeyEvent::new(KeyCode::Char('s'), KeyModifiers::NONE);
    assert_eq!(
        keymap.resolve(&[KeyContext::Editor], &s),
        None,
        "plain s is text in the editor"
    );
}

#[test]
fn a_bad_key_is_reported_with_its_context() {
    let user = "[[list]]\nkeys = [\"hyper-x\"]\naction = \"up\"\ndescription = \"up\"\n";
    let err = Keymap::from_sources(DEFAULT, Some(("user.toml", user))).unwrap_err();
    assert!(matches!(err, KeymapError::BadKey { .. }));
    let text = err.to_string();
    assert!(
        text.contains("hyper-x") && text.contains("[list]"),
        "{text}"
    );
    assert!(text.contains("user.toml, line 2"), "{text}");
}

#[test]
fn an_unknown_context_is_named_with_its_file_and_line() {
    let user = "# mine\n[[global]]\nkeys = [\"x\"]\naction = \"quit\"\ndescription = \"q\"\n\n[[identiy]]\nkeys = [\"z\"]\naction = \"up\"\ndescription = \"up\"\n";
    let err = Keymap::from_sources(DEFAULT, Some(("user.toml", user))).unwrap_err();
    let text = err.to_string();
    assert!(
        matches!(err, KeymapError::UnknownContext { line: 7, .. }),
        "{text}"
    );
    assert!(
        text.contains("user.toml, line 7") && text.contains("[identiy]"),
        "{text}"
    );
    assert!(
        text.contains("identity_users"),
        "the known contexts are listed: {text}"
    );
}

#[test]
fn an_unknown_action_is_named_with_its_line() {
    let user = "[[global]]\nkeys = [\"x\"]\naction = \"quitt\"\ndescription = \"q\"\n";
    let err = Keymap::from_sources(DEFAULT, Some(("user.toml", user))).unwrap_err();
    let text = err.to_string();
    assert!(
        text.contains("user.toml") && text.contains("quitt"),
        "{text}"
    );
    assert!(text.contains("line 3"), "{text}");
}

#[test]
fn on_screen_keys_follow_the_keymap() {
    let user = "[[identity]]\nkeys = [\"n\"]\naction = \"create\"\ndescription = \"new\"\n";
    let keymap = Keymap::from_sources(DEFAULT, Some(("user.toml", user))).unwrap();
    assert_eq!(
        keymap.key_for(&Action::Create),
        "c",
        "the compartments' own binding comes first"
    );
    assert_eq!(
        keymap
            .key_in(&[KeyContext::Identity], &Action::Create)
            .as_deref(),
        Some("n")
    );
}

/// Keeps the key tables in README.md and docs/tui.md equal to the keymap;
/// `CANOPY_UPDATE_DOCS=1` rewrites them.
#[test]
fn the_docs_key_table_is_the_keymap() {
    const START: &str = "<!-- keys: generated from assets/keymap.toml by tests/ui/keymap.rs -->\n";
    const END: &str = "<!-- /keys -->";
    let table = canopy::app::keymap::markdown_table(&Keymap::default_keymap().unwrap());
    for file in ["README.md", "docs/tui.md"] {
        let path = format!("{}/{file}", env!("CARGO_MANIFEST_DIR"));
        let docs = std::fs::read_to_string(&path).unwrap();
        let (Some(a), Some(b)) = (docs.find(START), docs.find(END)) else {
            panic!("{file} lost its key table markers");
        };
        let current = &docs[a + START.len()..b];
        if current != table && std::env::var_os("CANOPY_UPDATE_DOCS").is_some() {
            let updated = format!("{}{table}{}", &docs[..a + START.len()], &docs[b..]);
            std::fs::write(&path, updated).unwrap();
            continue;
        }
        assert_eq!(
            current, table,
            "{file}'s key table is out of date: run with CANOPY_UPDATE_DOCS=1"
        );
    }
}
