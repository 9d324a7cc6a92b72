//! The contract every pane's state keeps: handle an action, take a response, load what it
//! shows, and answer the global keys (filter, copy OCID, raw JSON) for its selection.

use super::action::Action;
use super::ctx::Ctx;
use super::filter::ListFilter;
use super::modal::{ModalOutcome, ModalPurpose};
use super::request::Response;

pub trait Pane {
    /// Keymap contexts for the pane's current mode, innermost first; `global` is added after
    /// them unless [`Pane::takes_text`].
    fn contexts(&self) -> Vec<&'static str>;

    /// True while an editor in the pane takes every key its contexts do not bind.
    fn takes_text(&self) -> bool {
        false
    }

    /// Handles an action the global layer did not; false if it meant nothing here.
    fn handle(&mut self, action: &Action, ctx: &mut Ctx) -> bool;

    /// Takes a response to one of this pane's requests (stale ones are for the pane to drop).
    fn take_response(&mut self, response: Response, ctx: &mut Ctx);

    /// Sends the requests for data the pane shows and does not have yet. Called after every
    /// update for the focused pane, so it must be cheap when nothing is missing.
    fn ensure_loaded(&mut self, _ctx: &mut Ctx) {}

    /// Drops loaded data and loads it again (`r`).
    fn refresh(&mut self, ctx: &mut Ctx);

    /// The outcome of a modal this pane opened.
    fn on_modal(&mut self, _purpose: ModalPurpose, _outcome: ModalOutcome, _ctx: &mut Ctx) {}

    /// The filter of the focused list, if the pane has one.
    fn filter(&self) -> Option<&ListFilter> {
        None
    }

    /// Replaces the filter (live, while the user types in the `/` prompt).
    fn set_filter(&mut self, _filter: ListFilter, _ctx: &Ctx) {}

    /// The OCID of the selected resource (`y`).
    fn selected_ocid(&self, ctx: &Ctx) -> Option<String>;

    /// The selected resource as the service sent it (`v`).
    fn selected_json(&self, ctx: &Ctx) -> Option<serde_json::Value>;

    /// Esc inside the pane (leave a mode, clear a scope); false to let Esc go back along the
    /// breadcrumbs.
    fn back(&mut self, _ctx: &mut Ctx) -> bool {
        false
    }
}
