//! A pane that is one list of one resource kind: everything it does comes from the kind's
//! description ([`Resource`]) and how to list it ([`Listing`]). A read-only list pane for a
//! new kind is one declaration line and this.

use super::{Dialogs, KeyContext, Pane, PaneId, PaneState};
use crate::app::action::Action;
use crate::app::ctx::Ctx;
use crate::app::request::{RequestKind, Response};
use crate::app::resource::Resource;
use crate::app::widgets::list_view::{ListControl, ListView};
use crate::app::widgets::loadable::Loadable;
use crate::app::widgets::modal::ModalOutcome;

/// A kind that can be listed on its own.
pub trait Listing: Resource {
    /// The request that lists every item, or `None` while something it needs (the tenancy,
    /// the compartments) is not loaded yet.
    fn list_request(ctx: &Ctx) -> Option<RequestKind>;
}

#[derive(Debug)]
pub struct ListPane<T> {
    pub id: PaneId,
    pub list: ListView<T>,
}

impl<T: Listing> ListPane<T> {
    fn load(&mut self, ctx: &mut Ctx) {
        if let Some(kind) = T::list_request(ctx) {
            let request = ctx.send_read(self.id, kind);
            self.list.start_loading(request);
        }
    }
}

impl<T: Listing> Pane for ListPane<T> {
    fn contexts(&self) -> Vec<KeyContext> {
        vec![KeyContext::List]
    }

    fn handle(&mut self, action: &Action, _ctx: &mut Ctx) -> bool {
        self.list.navigate(action)
    }

    fn take_response(&mut self, mut response: Response, ctx: &mut Ctx) {
        self.list.take_response(&mut response, ctx);
    }

    fn ensure_loaded(&mut self, ctx: &mut Ctx) {
        if matches!(self.list.items, Loadable::NotLoaded) && self.list.refreshing.is_none() {
            self.load(ctx);
        }
    }

    fn refresh(&mut self, ctx: &mut Ctx) {
        self.load(ctx);
    }

    fn focused_list(&self) -> Option<&dyn ListControl> {
        Some(&self.list)
    }

    fn focused_list_mut(&mut self) -> Option<&mut dyn ListControl> {
        Some(&mut self.list)
    }
}

impl<T: Listing> Dialogs for ListPane<T> {
    type Dialog = ();

    fn on_modal(&mut self, _dialog: (), _outcome: ModalOutcome, _ctx: &mut Ctx) {}
}

impl<T: Listing> PaneState for ListPane<T> {
    fn new(id: PaneId) -> Self {
        ListPane {
            id,
            list: ListView::default(),
        }
    }
}
