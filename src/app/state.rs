//! The whole TUI state: shared context, one state per pane, the focused pane, the prompt and
//! overlays. Rendering reads it; only `update` changes it.

use super::compartments::CompartmentsPane;
use super::ctx::{Ctx, Session};
use super::filter::ListFilter;
use super::identity::IdentityPane;
use super::invitations::InvitationsPane;
use super::keymap::Keymap;
use super::log::LogPane;
use super::pane::Pane as _;
use super::pane_id::PaneId;
use super::policies::PoliciesPane;
use super::tags::TagsPane;

/// The `:` palette or the `/` filter prompt.
#[derive(Debug, Clone, PartialEq)]
pub enum Prompt {
    Palette {
        input: String,
    },
    /// Typing a filter; `before` is restored when the prompt is cancelled.
    Filter {
        filter: ListFilter,
        before: ListFilter,
    },
}

pub struct Panes {
    pub compartments: CompartmentsPane,
    pub identity: IdentityPane,
    pub policies: PoliciesPane,
    pub tags: TagsPane,
    pub invitations: InvitationsPane,
    pub log: LogPane,
}

/// Calls a [`super::pane::Pane`] method on the pane `$id` with static dispatch.
#[macro_export]
macro_rules! with_pane {
    ($panes:expr, $id:expr, |$p:ident| $body:expr) => {
        match $id {
            $crate::app::PaneId::Compartments => {
                let $p = &mut $panes.compartments;
                $body
            }
            $crate::app::PaneId::Identity => {
                let $p = &mut $panes.identity;
                $body
            }
            $crate::app::PaneId::Policies => {
                let $p = &mut $panes.policies;
                $body
            }
            $crate::app::PaneId::Tags => {
                let $p = &mut $panes.tags;
                $body
            }
            $crate::app::PaneId::Invitations => {
                let $p = &mut $panes.invitations;
                $body
            }
            $crate::app::PaneId::Log => {
                let $p = &mut $panes.log;
                $body
            }
        }
    };
}

/// Like [`with_pane!`] for shared access.
#[macro_export]
macro_rules! with_pane_ref {
    ($panes:expr, $id:expr, |$p:ident| $body:expr) => {
        match $id {
            $crate::app::PaneId::Compartments => {
                let $p = &$panes.compartments;
                $body
            }
            $crate::app::PaneId::Identity => {
                let $p = &$panes.identity;
                $body
            }
            $crate::app::PaneId::Policies => {
                let $p = &$panes.policies;
                $body
            }
            $crate::app::PaneId::Tags => {
                let $p = &$panes.tags;
                $body
            }
            $crate::app::PaneId::Invitations => {
                let $p = &$panes.invitations;
                $body
            }
            $crate::app::PaneId::Log => {
                let $p = &$panes.log;
                $body
            }
        }
    };
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
    pub audit: Option<super::audit::AuditView>,
    pub keymap: Keymap,
    pub quit: bool,
}

impl AppState {
    pub fn new(session: Session, keymap: Keymap) -> Self {
        AppState {
            ctx: Ctx::new(session),
            panes: Panes {
                compartments: CompartmentsPane::default(),
                identity: IdentityPane::default(),
                policies: PoliciesPane::default(),
                tags: TagsPane::default(),
                invitations: InvitationsPane::default(),
                log: LogPane::new(),
            },
            active: PaneId::Compartments,
            breadcrumbs: Vec::new(),
            prompt: None,
            help: None,
            audit: None,
            keymap,
            quit: false,
        }
    }

    /// The keymap contexts in force, innermost first, and whether unbound keys are text.
    pub fn key_contexts(&self) -> (Vec<&'static str>, bool) {
        if let Some(modal) = &self.ctx.modal {
            // Read-only text (raw JSON, audit) takes no typing: plain keys close and scroll.
            if matches!(modal.kind, super::modal::ModalKind::Text { .. }) {
                return (vec!["viewer"], false);
            }
            return (vec!["dialog"], true);
        }
        if self.help.is_some() {
            return (vec!["help", "list"], false);
        }
        if let Some(audit) = &self.audit {
            if audit.asking.is_some() {
                return (vec!["input"], true);
            }
            return (vec!["audit", "viewer"], false);
        }
        if self.prompt.is_some() {
            return (vec!["input"], true);
        }
        let (mut contexts, text) =
            crate::with_pane_ref!(self.panes, self.active, |p| (p.contexts(), p.takes_text()));
        if !text {
            contexts.push("global");
        }
        (contexts, text)
    }
}
