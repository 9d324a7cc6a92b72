//! Application state, actions, requests and responses, the worker and the event loop.
//!
//! Flow: key -> [`keymap`] -> [`Action`] -> [`update()`] (global handling, else the focused
//! pane) -> state change and [`Request`]s -> [`worker`] -> [`Response`] -> [`apply_response`].
//! `update` and `apply_response` never await and never do I/O.
//!
//! - [`panes`]: every pane declared once, each in its own folder (state, dialogs, results).
//! - [`resource`]: a resource kind described once; [`widgets::list_view`] lists any kind.
//! - [`request`]: one request family per file, each with the `match` that runs it.
//! - [`widgets`]: state of the shared widgets (line editor, forms, modals, lists, toasts).
//! - the core: [`action`], [`state`], [`ctx`], [`update`], [`commands`], [`event_loop`].

pub mod action;
pub mod audit;
pub mod bulk_tags;
pub mod cache;
pub mod clipboard;
pub mod commands;
pub mod ctx;
pub mod drafts;
pub mod event_loop;
pub mod find;
pub mod impact;
mod jump;
pub mod keymap;
mod list_keys;
pub mod location;
pub mod marks;
pub mod palette;
pub mod panes;
pub mod request;
pub mod resource;
pub mod selection;
mod session;
pub mod state;
pub mod tag_catalogue;
pub mod tag_fields;
pub mod tag_text;
pub mod terminal;
pub mod update;
pub mod validate;
pub mod warm;
pub mod widgets;
pub mod worker;

use clap::Args;

use crate::config::ConnectionArgs;

pub use action::Action;
pub use ctx::{Ctx, Effect, Session};
pub use event_loop::Draw;
pub use panes::{KeyContext, Pane, PaneDialog, PaneId};
pub use request::{
    ApiKeySource, CallRecord, Failure, Payload, Request, RequestId, RequestKind, Response, Secret,
};
pub use state::AppState;
pub use update::{action_for_key, apply_response, start, update};
pub use widgets::loadable::Loadable;

/// Flags of the TUI itself (`canopy` with no subcommand).
#[derive(Debug, Clone, Default, Args)]
pub struct TuiArgs {
    #[command(flatten)]
    pub connection: ConnectionArgs,
    /// Make every write unreachable.
    #[arg(long)]
    pub read_only: bool,
    /// Use the mouse: the wheel scrolls, a click selects the row under it, a second click
    /// opens it (takes over the terminal's own text selection).
    #[arg(long)]
    pub mouse: bool,
    /// Start without the cached snapshot, and keep none (also `cache = false` in
    /// settings.toml). `canopy cache clear` removes what is kept.
    #[arg(long)]
    pub no_cache: bool,
}

pub use session::run;
