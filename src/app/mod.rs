//! Application state, actions, requests and responses, the worker and the event loop.
//!
//! Flow: key -> [`keymap`] -> [`Action`] -> [`update()`] (global handling, else the focused
//! pane) -> state change and [`Request`]s -> worker -> [`Response`] -> [`apply_response`].
//! `update` and `apply_response` never await and never do I/O.

pub mod action;
pub mod audit;
pub mod compartment_writes;
pub mod compartments;
pub mod ctx;
pub mod diff;
pub mod drafts;
pub mod event_loop;
pub mod filter;
pub mod identity;
pub mod identity_dialogs;
pub mod identity_forms;
pub mod identity_related;
pub mod identity_results;
pub mod invitations;
pub mod keymap;
pub mod lint;
pub mod list;
pub mod loadable;
pub mod log;
pub mod modal;
pub mod modal_update;
pub mod pane;
pub mod pane_id;
pub mod policies;
pub mod policy_edit;
pub mod policy_editor;
pub mod public_key;
pub mod request;
pub mod resource_list;
mod session;
pub mod state;
pub mod tags;
pub mod tags_dialogs;
pub mod tags_forms;
pub mod tags_results;
pub mod terminal;
pub mod text_input;
pub mod toast;
pub mod update;
pub mod validate;
pub mod worker;
pub mod worker_panes;

use clap::Args;

use crate::config::ConnectionArgs;

pub use action::Action;
pub use ctx::{Ctx, Effect, Session};
pub use event_loop::Draw;
pub use loadable::Loadable;
pub use pane::Pane;
pub use pane_id::PaneId;
pub use request::{
    ApiKeySource, CallRecord, Failure, Payload, Request, RequestId, RequestKind, Response, Secret,
};
pub use state::AppState;
pub use update::{action_for_key, apply_response, start, update};

/// Flags of the TUI itself (`canopy` with no subcommand).
#[derive(Debug, Clone, Default, Args)]
pub struct TuiArgs {
    #[command(flatten)]
    pub connection: ConnectionArgs,
    /// Make every write unreachable.
    #[arg(long)]
    pub read_only: bool,
    /// Scroll lists with the mouse wheel (takes over the terminal's text selection).
    #[arg(long)]
    pub mouse: bool,
}

pub use session::run;
