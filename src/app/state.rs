//! The whole TUI state: shared context, one state per pane, the focused pane, the prompt and
//! overlays. Rendering reads it; only `update` changes it.

use std::sync::Arc;

use super::audit::AuditView;
use super::ctx::{Ctx, Session};
use super::keymap::Keymap;
use super::panes::{KeyContext, PaneId, Panes};
use super::widgets::filter::ListFilter;
use super::widgets::line_editor::LineEditor;
use super::widgets::modal::ModalKind;

/// The `:` palette or the `/` filter prompt.
#[derive(Debug, Clone, PartialEq)]
pub enum Prompt {
    Palette {
        input: LineEditor,
        /// What Tab found when several candidates remain, shown beside the input.
        candidates: Vec<String>,
    },
    /// Typing a filter; `before` is restored when the prompt is cancelled.
    Filter {
        input: LineEditor,
        filter: ListFilter,
        before: ListFilter,
    },
}

pub struct AppState {
    pub ctx: Ctx,
    pub panes: Panes,
    pub active: PaneId,
    /// Panes visited before the focused one; Esc goes back along them.
    pub breadcrumbs: Vec<PaneId>,
    pub prompt: Option<Prompt>,
    /// The `?` overlay, with its scroll offset.
    pub help: Option<u16>,
    /// The audit view of a compartment, open over the pane it came from.
    pub audit: Option<AuditView>,
    pub quit: bool,
    /// The `:` commands run before (kept per profile), for Up and Down in the prompt.
    pub history: super::palette::History,
    /// A `:find` waiting for the tenancy to load.
    pub find: Option<String>,
    /// Named places (`:mark`), per profile, and the file they are kept in.
    pub marks: std::collections::BTreeMap<String, super::location::Location>,
    pub places_path: Option<std::path::PathBuf>,
    /// Panes showing the warm-start cache's data, not read again yet.
    pub stale: std::collections::BTreeSet<PaneId>,
}

impl AppState {
    pub fn new(session: Session, keymap: Keymap) -> Self {
        AppState {
            ctx: Ctx::new(session, Arc::new(keymap)),
            panes: Panes::new(),
            active: PaneId::Compartments,
            breadcrumbs: Vec::new(),
            prompt: None,
            help: None,
            audit: None,
            quit: false,
            history: super::palette::History::default(),
            find: None,
            marks: std::collections::BTreeMap::new(),
            places_path: None,
            stale: std::collections::BTreeSet::new(),
        }
    }

    pub fn keymap(&self) -> &Keymap {
        &self.ctx.keymap
    }

    /// The keymap contexts in force, innermost first, and whether unbound keys are text.
    pub fn key_contexts(&self) -> (Vec<KeyContext>, bool) {
        if let Some(modal) = &self.ctx.modal {
            // Read-only text (raw JSON, audit) takes no typing: plain keys close and scroll.
            if matches!(modal.kind, ModalKind::Text { .. }) {
                return (vec![KeyContext::Viewer], false);
            }
            if matches!(modal.kind, ModalKind::Secret { .. }) {
                return (vec![KeyContext::Secret], false);
            }
            return (vec![KeyContext::Dialog], true);
        }
        if self.help.is_some() {
            return (vec![KeyContext::Help, KeyContext::List], false);
        }
        if let Some(audit) = &self.audit {
            if audit.asking.is_some() {
                return (vec![KeyContext::Input], true);
            }
            return (vec![KeyContext::Audit, KeyContext::Viewer], false);
        }
        if self.prompt.is_some() {
            return (vec![KeyContext::Input], true);
        }
        let pane = self.panes.get(self.active);
        let (mut contexts, text) = (pane.contexts(), pane.takes_text());
        if !text {
            contexts.push(KeyContext::Global);
        }
        (contexts, text)
    }
}
