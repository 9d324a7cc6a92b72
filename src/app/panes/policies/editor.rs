//! The embedded policy editor: a text area with one statement per line, the version it
//! started from, and the draft it keeps up to date.

use ratatui_textarea::TextArea;

use super::diff::statements_of;
use crate::app::drafts::Draft;

#[derive(Debug, Clone)]
pub struct PolicyEditor {
    pub policy_id: String,
    pub policy_name: String,
    pub compartment_id: String,
    /// The etag of the version being edited, sent as `if-match` on save.
    pub etag: Option<String>,
    /// The statements as they were when the edit started.
    pub base: Vec<String>,
    pub textarea: TextArea<'static>,
    /// A save is on its way (the diff was confirmed).
    pub saving: bool,
    /// The findings for the current text, recomputed only when the text or the tenancy
    /// snapshot changed (see [`super::lint::EditorLint`]), never while drawing.
    pub lint: super::lint::EditorLint,
}

impl PolicyEditor {
    pub fn new(
        policy_id: &str,
        policy_name: &str,
        compartment_id: &str,
        etag: Option<String>,
        base: Vec<String>,
        text: &str,
    ) -> Self {
        let mut textarea = text_area(text);
        textarea.move_cursor(ratatui_textarea::CursorMove::Bottom);
        textarea.move_cursor(ratatui_textarea::CursorMove::End);
        PolicyEditor {
            policy_id: policy_id.into(),
            policy_name: policy_name.into(),
            compartment_id: compartment_id.into(),
            etag,
            base,
            textarea,
            saving: false,
            lint: super::lint::EditorLint::default(),
        }
    }

    pub fn text(&self) -> String {
        self.textarea.lines().join("\n")
    }

    pub fn statements(&self) -> Vec<String> {
        statements_of(&self.text())
    }

    pub fn set_text(&mut self, text: &str) {
        self.textarea = text_area(text);
    }

    /// True when the statements differ from the version the edit started from.
    pub fn is_modified(&self) -> bool {
        self.statements() != self.base
    }

    pub fn draft(&self) -> Draft {
        Draft {
            policy_id: self.policy_id.clone(),
            policy_name: self.policy_name.clone(),
            etag: self.etag.clone(),
            base: self.base.clone(),
            text: self.text(),
            compartment_id: self.compartment_id.clone(),
        }
    }
}

/// A text area for statements: long ones wrap (at words, or inside a long OCID) so the
/// line numbers stay in view; undo keeps the last 200 changes.
pub fn text_area(text: &str) -> TextArea<'static> {
    let mut area = TextArea::new(text.lines().map(str::to_string).collect());
    area.set_wrap_mode(ratatui_textarea::WrapMode::WordOrGlyph);
    area.set_max_histories(200);
    area
}
