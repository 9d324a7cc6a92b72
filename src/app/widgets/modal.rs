//! Modal dialogs: forms, typed confirmations for destructive actions, choices (the save diff,
//! the conflict), and read-only text (raw JSON, error details). A modal names the dialog of the
//! pane that opened it; the outcome goes back to that pane.

use super::form::{Field, Form, FormValues};
use super::line_editor::LineEditor;
use crate::app::panes::{PaneDialog, PaneId};
use crate::app::request::Secret;

/// How a line of dialog text should look; the UI maps tones to theme styles, so the app layer
/// never names a colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Plain,
    Heading,
    Added,
    Removed,
    Dim,
    Warning,
    Error,
    /// Policy statement text, drawn with syntax highlighting.
    Statement,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ToneLine {
    pub tone: Tone,
    pub text: String,
}

impl ToneLine {
    pub fn new(tone: Tone, text: impl Into<String>) -> Self {
        ToneLine {
            tone,
            text: text.into(),
        }
    }

    pub fn plain(text: impl Into<String>) -> Self {
        Self::new(Tone::Plain, text)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ModalKind {
    /// Named fields; Enter submits once every field passes its checks.
    Form(Form),
    /// The user must type `expected` exactly before Enter does anything.
    TypedConfirm {
        lines: Vec<ToneLine>,
        expected: String,
        input: LineEditor,
        scroll: u16,
    },
    /// Pick one option; the body explains (e.g. a diff).
    Choice {
        lines: Vec<ToneLine>,
        options: Vec<String>,
        selected: usize,
        scroll: u16,
    },
    /// Read-only text; any closing key dismisses it.
    Text { lines: Vec<ToneLine>, scroll: u16 },
    /// A secret the service showed once: the copy key copies it, Enter goes on (the owner
    /// decides to what), Esc closes; closing drops it. `qr` (an MFA enrolment URI) is drawn
    /// as a QR code beside the text.
    Secret {
        lines: Vec<ToneLine>,
        secret: Secret,
        qr: Option<Secret>,
        scroll: u16,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub struct Modal {
    /// Which pane's dialog this is, and which of its dialogs.
    pub dialog: PaneDialog,
    pub title: String,
    pub kind: ModalKind,
    /// A structural change's impact still to be filled in when the tenancy arrives.
    pub impact: Option<crate::app::impact::ImpactQuery>,
}

/// What the user did in a modal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ModalOutcome {
    /// A form's values, by field name (every field passed its checks).
    Submitted(FormValues),
    /// A typed confirmation matched, or Enter in a secret's dialog.
    Confirmed,
    /// The index of the option chosen.
    Chose(usize),
    /// Esc, or Cancel.
    Cancelled,
}

impl Modal {
    /// The pane the outcome goes to (`None` for plain text).
    pub fn owner(&self) -> Option<PaneId> {
        self.dialog.owner()
    }

    pub fn form(dialog: PaneDialog, title: &str, fields: Vec<Field>) -> Self {
        Modal {
            dialog,
            title: title.into(),
            impact: None,
            kind: ModalKind::Form(Form::new(fields)),
        }
    }

    pub fn typed_confirm(
        dialog: PaneDialog,
        title: &str,
        lines: Vec<ToneLine>,
        expected: &str,
    ) -> Self {
        Modal {
            dialog,
            title: title.into(),
            impact: None,
            kind: ModalKind::TypedConfirm {
                lines,
                expected: expected.into(),
                input: LineEditor::default(),
                scroll: 0,
            },
        }
    }

    pub fn choice(dialog: PaneDialog, title: &str, lines: Vec<ToneLine>, options: &[&str]) -> Self {
        Modal {
            dialog,
            title: title.into(),
            impact: None,
            kind: ModalKind::Choice {
                lines,
                options: options.iter().map(|o| (*o).to_string()).collect(),
                selected: 0,
                scroll: 0,
            },
        }
    }

    /// Keeps `query` to fill in the impact lines once the tenancy has loaded (see
    /// [`crate::app::impact::settle`]).
    #[must_use]
    pub fn with_impact(mut self, query: Option<crate::app::impact::ImpactQuery>) -> Self {
        self.impact = query;
        self
    }

    /// Puts the choice's cursor on option `index` (the default Enter takes).
    pub fn select_option(&mut self, index: usize) {
        if let ModalKind::Choice {
            selected, options, ..
        } = &mut self.kind
        {
            *selected = index.min(options.len().saturating_sub(1));
        }
    }

    /// Read-only text with no owner: closing it does nothing.
    pub fn text(title: &str, lines: Vec<ToneLine>) -> Self {
        Modal {
            dialog: PaneDialog::Info,
            title: title.into(),
            impact: None,
            kind: ModalKind::Text { lines, scroll: 0 },
        }
    }

    /// A secret shown once; the text says what it is, the secret is shown where the lines
    /// hold it and copied whole.
    pub fn secret(
        dialog: PaneDialog,
        title: &str,
        lines: Vec<ToneLine>,
        secret: Secret,
        qr: Option<Secret>,
    ) -> Self {
        Modal {
            dialog,
            title: title.into(),
            impact: None,
            kind: ModalKind::Secret {
                lines,
                secret,
                qr,
                scroll: 0,
            },
        }
    }

    pub fn form_state(&self) -> Option<&Form> {
        match &self.kind {
            ModalKind::Form(form) => Some(form),
            _ => None,
        }
    }

    pub fn form_state_mut(&mut self) -> Option<&mut Form> {
        match &mut self.kind {
            ModalKind::Form(form) => Some(form),
            _ => None,
        }
    }

    /// Shows why a form was refused (beside the field it is about) and keeps it open.
    pub fn refuse(&mut self, field: Option<&str>, message: impl Into<String>) {
        if let Some(form) = self.form_state_mut() {
            form.refuse(field, message);
        }
    }
}
