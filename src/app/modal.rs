//! Modal dialogs: forms, typed confirmations for destructive actions, choices (the save diff,
//! the conflict), and read-only text (raw JSON, error details). A modal belongs to a pane and
//! names its purpose; the outcome goes back to that pane.

use super::pane_id::PaneId;

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

/// What a modal is for, so its owner knows what to do with the outcome. Panes add variants.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ModalPurpose {
    /// Just shows text; nothing to do on close.
    Info,
    CreateCompartment {
        parent_id: String,
    },
    EditCompartment {
        id: String,
    },
    MoveCompartment {
        id: String,
        target_id: String,
    },
    DeleteCompartment {
        id: String,
    },
    CreatePolicy,
    DeletePolicy {
        id: String,
    },
    /// The statement diff before an update is sent.
    SavePolicy,
    /// A 412 on save: reapply, overwrite or discard.
    PolicyConflict,
    /// Drafts found at start: restore or discard them.
    RestoreDrafts,
    /// The Identity pane's dialogs.
    Identity(super::identity::IdentityDialog),
    /// The Tags pane's dialogs.
    Tags(super::tags::TagsDialog),
    /// The Invitations pane's dialogs.
    Invitations(super::invitations::InvitationsDialog),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormField {
    pub label: String,
    pub value: String,
    /// Shown dimmed under the field.
    pub help: String,
}

impl FormField {
    pub fn new(label: &str, value: &str, help: &str) -> Self {
        FormField {
            label: label.into(),
            value: value.into(),
            help: help.into(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ModalKind {
    /// Text fields; Enter submits the values in order.
    Form {
        fields: Vec<FormField>,
        focus: usize,
        /// Validation message from the last submit attempt.
        error: Option<String>,
    },
    /// The user must type `expected` exactly before Enter does anything.
    TypedConfirm {
        lines: Vec<ToneLine>,
        expected: String,
        input: String,
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
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Modal {
    pub owner: PaneId,
    pub purpose: ModalPurpose,
    pub title: String,
    pub kind: ModalKind,
}

/// What the user did in a modal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ModalOutcome {
    /// A form's field values, in order.
    Submitted(Vec<String>),
    /// A typed confirmation matched.
    Confirmed,
    /// The index of the option chosen.
    Chose(usize),
    /// Esc, or Cancel.
    Cancelled,
}

impl Modal {
    pub fn form(owner: PaneId, purpose: ModalPurpose, title: &str, fields: Vec<FormField>) -> Self {
        Modal {
            owner,
            purpose,
            title: title.into(),
            kind: ModalKind::Form {
                fields,
                focus: 0,
                error: None,
            },
        }
    }

    pub fn typed_confirm(
        owner: PaneId,
        purpose: ModalPurpose,
        title: &str,
        lines: Vec<ToneLine>,
        expected: &str,
    ) -> Self {
        Modal {
            owner,
            purpose,
            title: title.into(),
            kind: ModalKind::TypedConfirm {
                lines,
                expected: expected.into(),
                input: String::new(),
            },
        }
    }

    pub fn choice(
        owner: PaneId,
        purpose: ModalPurpose,
        title: &str,
        lines: Vec<ToneLine>,
        options: &[&str],
    ) -> Self {
        Modal {
            owner,
            purpose,
            title: title.into(),
            kind: ModalKind::Choice {
                lines,
                options: options.iter().map(|o| (*o).to_string()).collect(),
                selected: 0,
                scroll: 0,
            },
        }
    }

    pub fn text(owner: PaneId, title: &str, lines: Vec<ToneLine>) -> Self {
        Modal {
            owner,
            purpose: ModalPurpose::Info,
            title: title.into(),
            kind: ModalKind::Text { lines, scroll: 0 },
        }
    }

    /// Shows a form's validation error and keeps it open.
    pub fn set_error(&mut self, message: impl Into<String>) {
        if let ModalKind::Form { error, .. } = &mut self.kind {
            *error = Some(message.into());
        }
    }
}
