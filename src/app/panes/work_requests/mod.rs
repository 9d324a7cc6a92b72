//! State of the Work requests pane: the classic Identity, IAM and tagging work requests of a
//! compartment, one API at a time (`]` switches), each read in full (errors and logs) when
//! the cursor reaches it, and followed live while it runs.

pub mod kind;

use std::collections::BTreeMap;

use crate::model::WorkRequest;

use super::{Dialogs, KeyContext, Pane, PaneDialog, PaneId, PaneState};
use crate::app::action::Action;
use crate::app::ctx::Ctx;
use crate::app::request::{
    Payload, RequestId, Response, WorkRequestApi, WorkRequestRequest,
};
use crate::app::widgets::form::Field;
use crate::app::widgets::list_view::{ListControl, ListView};
use crate::app::widgets::loadable::Loadable;
use crate::app::widgets::modal::{Modal, ModalKind, ModalOutcome};

const ME: PaneId = PaneId::WorkRequests;

/// At most this many running work requests of a listing are followed at once.
const MAX_FOLLOWED: usize = 10;

/// The dialogs this pane opens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WorkRequestsDialog {
    /// Which compartment's work requests.
    Scope,
    /// One work request in full (read-only text, kept up to date while it runs).
    Detail { id: String },
}

#[derive(Debug, Default)]
pub struct WorkRequestsPane {
    pub api: WorkRequestApi,
    /// The compartment listed; `None` is the tenancy.
    pub compartment_id: Option<String>,
    /// Only the work requests about this resource (an OCID).
    pub resource_id: Option<String>,
    pub identity: ListView<WorkRequest>,
    pub iam: ListView<WorkRequest>,
    pub tagging: ListView<WorkRequest>,
    /// Work requests read in full (errors and logs), by OCID.
    pub details: BTreeMap<String, Loadable<WorkRequest>>,
    /// Reads in progress, by request: the work request's OCID.
    follows: BTreeMap<RequestId, String>,
}

impl WorkRequestsPane {
    pub fn compartment(&self, ctx: &Ctx) -> String {
        self.compartment_id
            .clone()
            .unwrap_or_else(|| ctx.session.tenancy_id.clone())
    }

    pub fn list(&self, api: WorkRequestApi) -> &ListView<WorkRequest> {
        match api {
            WorkRequestApi::Identity => &self.identity,
            WorkRequestApi::Iam => &self.iam,
            WorkRequestApi::Tagging => &self.tagging,
        }
    }

    fn list_mut(&mut self, api: WorkRequestApi) -> &mut ListView<WorkRequest> {
        match api {
            WorkRequestApi::Identity => &mut self.identity,
            WorkRequestApi::Iam => &mut self.iam,
            WorkRequestApi::Tagging => &mut self.tagging,
        }
    }

    /// The selected work request, in full when it has been read.
    pub fn selected(&self) -> Option<&WorkRequest> {
        let listed = self.list(self.api).selected()?;
        match self.details.get(&listed.id) {
            Some(Loadable::Loaded(full)) => Some(full),
            _ => Some(listed),
        }
    }

    /// The state of the selected work request's full read.
    pub fn selected_detail(&self) -> Option<&Loadable<WorkRequest>> {
        self.details.get(&self.list(self.api).selected()?.id)
    }

    fn load(&mut self, api: WorkRequestApi, ctx: &mut Ctx) {
        let request = WorkRequestRequest::List {
            api,
            compartment_id: self.compartment(ctx),
            resource: self.resource_id.clone(),
        };
        let id = ctx.send_read(ME, request);
        self.list_mut(api).start_loading(id);
    }

    /// Reads a work request in full; the worker keeps answering while it runs.
    fn follow(&mut self, id: &str, ctx: &mut Ctx) {
        let request = WorkRequestRequest::Follow {
            service: self.api.service(),
            id: id.to_string(),
        };
        let request = ctx.send_read(ME, request);
        self.follows.insert(request, id.to_string());
        self.details
            .insert(id.to_string(), Loadable::loading(request));
    }

    /// Follows the running work requests of the listing (a few at a time).
    fn follow_running(&mut self, ctx: &mut Ctx) {
        let running: Vec<String> = self
            .list(self.api)
            .all()
            .iter()
            .filter(|w| !w.status.is_finished() && !self.details.contains_key(&w.id))
            .map(|w| w.id.clone())
            .collect();
        let room = MAX_FOLLOWED.saturating_sub(self.follows.len());
        for id in running.into_iter().take(room) {
            self.follow(&id, ctx);
        }
    }

    fn take_follow(&mut self, response: &Response, ctx: &mut Ctx) -> bool {
        let Some(id) = self.follows.get(&response.id).cloned() else {
            return false;
        };
        if response.done {
            self.follows.remove(&response.id);
        }
        match &response.result {
            Ok(Payload::WorkRequest(wr)) => {
                // Its dialog, if open, shows the news too.
                let shown = PaneDialog::WorkRequests(WorkRequestsDialog::Detail { id: id.clone() });
                if ctx.modal.as_ref().is_some_and(|m| m.dialog == shown) {
                    let fresh = kind::detail_lines(wr, ctx, true);
                    if let Some(ModalKind::Text { lines, .. }) =
                        ctx.modal.as_mut().map(|m| &mut m.kind)
                    {
                        *lines = fresh;
                    }
                }
                self.details.insert(id, Loadable::Loaded(wr.clone()));
                // Its row shows the new state too.
                for api in WorkRequestApi::ALL {
                    self.list_mut(api).replace(wr.clone(), ctx);
                }
            }
            Ok(other) => {
                let failure = crate::app::request::Failure::unexpected("the work request", other);
                self.details.insert(id, Loadable::Failed(failure));
            }
            Err(f) => {
                self.details.insert(id, Loadable::Failed(f.clone()));
            }
        }
        true
    }

    fn ask_scope(&self, ctx: &mut Ctx) {
        let current = self
            .compartment_id
            .as_deref()
            .map(|id| ctx.compartment_path(id))
            .unwrap_or_default();
        ctx.open(Modal::form(
            PaneDialog::WorkRequests(WorkRequestsDialog::Scope),
            "Work requests of compartment",
            vec![
                Field::text("compartment", "Compartment")
                    .value(&current)
                    .help("a path like Prod/AppTier, or an OCID; empty for the tenancy"),
                Field::text("resource", "About resource")
                    .value(self.resource_id.as_deref().unwrap_or(""))
                    .check(|v| crate::app::validate::ocid(v, ""))
                    .help("only the work requests about this OCID; empty for all"),
            ],
        ));
    }

    /// The selected work request in full, in a dialog that scrolls.
    fn open_detail(&self, ctx: &mut Ctx) {
        match self.selected() {
            Some(wr) => {
                let mut modal = Modal::text(
                    &format!("Work request {}", wr.operation_type),
                    kind::detail_lines(wr, ctx, true),
                );
                modal.dialog =
                    PaneDialog::WorkRequests(WorkRequestsDialog::Detail { id: wr.id.clone() });
                ctx.open(modal);
            }
            None => ctx.toasts.info("no work request selected"),
        }
    }
}

impl Pane for WorkRequestsPane {
    fn contexts(&self) -> Vec<KeyContext> {
        vec![KeyContext::WorkRequests, KeyContext::Tabs, KeyContext::List]
    }

    fn handle(&mut self, action: &Action, ctx: &mut Ctx) -> bool {
        if self.list_mut(self.api).navigate(action) {
            return true;
        }
        match action {
            Action::NextTab | Action::PreviousTab => {
                let all = WorkRequestApi::ALL;
                let i = all.iter().position(|a| *a == self.api).unwrap_or(0);
                let n = all.len();
                let forward = *action == Action::NextTab;
                self.api = all[if forward { (i + 1) % n } else { (i + n - 1) % n }];
            }
            Action::Scope => self.ask_scope(ctx),
            Action::Select => self.open_detail(ctx),
            _ => return false,
        }
        true
    }

    fn take_response(&mut self, mut response: Response, ctx: &mut Ctx) {
        if self.take_follow(&response, ctx) {
            return;
        }
        for api in WorkRequestApi::ALL {
            if self.list_mut(api).take_response(&mut response, ctx) {
                if api == self.api && response.done {
                    self.follow_running(ctx);
                }
                return;
            }
        }
    }

    fn ensure_loaded(&mut self, ctx: &mut Ctx) {
        let list = self.list(self.api);
        if matches!(list.items, Loadable::NotLoaded) && list.refreshing.is_none() {
            self.load(self.api, ctx);
        }
        if let Some(id) = self.list(self.api).selected().map(|w| w.id.clone())
            && !self.details.contains_key(&id)
        {
            self.follow(&id, ctx);
        }
    }

    fn refresh(&mut self, ctx: &mut Ctx) {
        // Finished work requests do not change, and followed ones are read as they change:
        // the others are read again.
        let followed: Vec<&String> = self.follows.values().collect();
        self.details.retain(|id, d| {
            d.data().is_some_and(|w| w.status.is_finished()) || followed.contains(&id)
        });
        for api in WorkRequestApi::ALL {
            if api == self.api {
                self.load(api, ctx);
            } else {
                self.list_mut(api).reset();
            }
        }
    }

    fn focused_list(&self) -> Option<&dyn ListControl> {
        Some(self.list(self.api))
    }

    fn focused_list_mut(&mut self) -> Option<&mut dyn ListControl> {
        Some(self.list_mut(self.api))
    }

    fn selected_json(&self, _ctx: &Ctx) -> Option<serde_json::Value> {
        serde_json::to_value(self.selected()?).ok()
    }
}

impl Dialogs for WorkRequestsPane {
    type Dialog = WorkRequestsDialog;

    fn on_modal(&mut self, dialog: WorkRequestsDialog, outcome: ModalOutcome, ctx: &mut Ctx) {
        // The detail dialog is read-only: closing it needs nothing.
        let (WorkRequestsDialog::Scope, ModalOutcome::Submitted(v)) = (dialog, outcome) else {
            return;
        };
        match ctx.resolve_compartment(v.get("compartment")) {
            Ok(id) => {
                self.compartment_id = (id != ctx.session.tenancy_id).then_some(id);
                self.resource_id = v.optional("resource");
                for api in WorkRequestApi::ALL {
                    self.list_mut(api).reset();
                }
            }
            Err(e) => ctx.refuse(Some("compartment"), e),
        }
    }
}

impl PaneState for WorkRequestsPane {
    fn new(_id: PaneId) -> Self {
        Self::default()
    }
}
