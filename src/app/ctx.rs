//! What every pane may read and touch while handling an action or a response: session facts,
//! the tenancy-wide data panes share (the compartment list), toasts, the modal, outgoing
//! requests and side effects for the event loop.

use std::sync::Arc;

use crate::model::{Compartment, Tenancy};
use crate::policy::TenancyLinter;

use super::drafts::Drafts;
use super::loadable::Loadable;
use super::modal::Modal;
use super::pane_id::PaneId;
use super::request::{Payload, Request, RequestId, RequestKind, Response};
use super::toast::Toasts;

/// Facts about the connection shown in the header.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Session {
    pub profile: String,
    pub region: String,
    pub endpoint: String,
    pub read_only: bool,
    /// The tenancy OCID (the root compartment).
    pub tenancy_id: String,
    /// `NO_COLOR` is set: draw with bold, dim and reverse only.
    pub no_color: bool,
}

/// Work for the event loop that is not an API call.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Put this text on the clipboard with OSC 52.
    Copy(String),
    /// Suspend the TUI and edit this text in `$EDITOR`; the result comes back as
    /// `Action::ExternalEditDone` to the owning pane.
    ExternalEdit { owner: PaneId, text: String },
    /// Focus the Policies pane, scoped to one compartment (handled inside `update`).
    ShowPolicies { compartment_id: Option<String> },
}

#[derive(Debug, Default)]
pub struct Ctx {
    pub session: Session,
    pub tenancy: Loadable<Tenancy>,
    /// Every compartment (all lifecycle states), shared by the panes that need paths.
    pub compartments: Loadable<Vec<Compartment>>,
    pub toasts: Toasts,
    pub modal: Option<Modal>,
    /// The modal that just closed, so its owner can reopen it with a validation message.
    pub closed_modal: Option<Modal>,
    pub effects: Vec<Effect>,
    pub drafts: Drafts,
    /// Ticks since start, for spinners.
    pub tick: u64,
    /// Requests sent and not finished yet, for the header.
    pub in_flight: usize,
    /// Policies per compartment OCID once the policy listing finished, for the tree's detail.
    pub policy_counts: Option<std::collections::BTreeMap<String, usize>>,
    /// The whole tenancy for the audit view and the editor's tenancy-aware lint, loaded the
    /// first time one of them needs it; dropped by refresh and after every successful write.
    pub snapshot: Loadable<Arc<TenancyLinter>>,
    requests: Vec<Request>,
    /// Writes sent and not answered yet: a successful answer invalidates `snapshot`.
    writes: std::collections::HashSet<RequestId>,
    next_id: u64,
    /// Position of each compartment in `compartments`, so paths of thousands of policies
    /// do not scan the list for every step.
    compartment_index: std::collections::HashMap<String, usize>,
}

impl Ctx {
    pub fn new(session: Session) -> Self {
        Ctx {
            session,
            ..Ctx::default()
        }
    }

    /// Queues a request for the worker and returns its id. Writes are refused in read-only
    /// mode (a toast says so) and give `None`.
    pub fn send(&mut self, pane: PaneId, kind: RequestKind) -> Option<RequestId> {
        if kind.is_write() && self.session.read_only {
            self.refuse_write();
            return None;
        }
        self.next_id += 1;
        let id = RequestId(self.next_id);
        self.in_flight += 1;
        if kind.is_write() {
            self.writes.insert(id);
        }
        self.requests.push(Request { id, pane, kind });
        Some(id)
    }

    /// Like [`Ctx::send`] for reads, which are never refused.
    pub fn send_read(&mut self, pane: PaneId, kind: RequestKind) -> RequestId {
        debug_assert!(!kind.is_write());
        self.next_id += 1;
        let id = RequestId(self.next_id);
        self.in_flight += 1;
        self.requests.push(Request { id, pane, kind });
        id
    }

    /// Asks for the tenancy snapshot unless it is loaded or on its way; the answer goes to
    /// [`Ctx::take_snapshot_response`] whatever pane `pane` is.
    pub fn ensure_snapshot(&mut self, pane: PaneId) {
        if matches!(self.snapshot, Loadable::NotLoaded) {
            let id = self.send_read(pane, RequestKind::LoadTenancy);
            self.snapshot = Loadable::loading(id);
        }
    }

    /// Forgets the snapshot (refresh, or the tenancy changed); the next user reloads it.
    pub fn invalidate_snapshot(&mut self) {
        self.snapshot = Loadable::NotLoaded;
    }

    /// Takes the answer to a snapshot request, or hands the response back when it is not one.
    /// A successful write also invalidates the snapshot here, so every pane's writes count.
    pub fn take_snapshot_response(&mut self, response: Response) -> Option<Response> {
        if response.done && self.writes.remove(&response.id) && response.result.is_ok() {
            self.invalidate_snapshot();
        }
        if !self.snapshot.awaits(response.id) {
            return Some(response);
        }
        self.snapshot = match response.result {
            Ok(Payload::Snapshot(snapshot)) => Loadable::Loaded(snapshot),
            Ok(other) => Loadable::Failed(super::request::Failure::local(
                "UnexpectedAnswer",
                format!("the tenancy load answered with {other:?}"),
            )),
            Err(failure) => Loadable::Failed(failure),
        };
        None
    }

    /// The requests queued since the last call.
    pub fn take_requests(&mut self) -> Vec<Request> {
        std::mem::take(&mut self.requests)
    }

    pub fn refuse_write(&mut self) {
        self.toasts
            .error("read-only mode: writes are disabled (start without --read-only to edit)");
    }

    /// Opens a modal unless a write would be needed in read-only mode.
    pub fn open(&mut self, modal: Modal) {
        self.modal = Some(modal);
    }

    /// Reopens the modal that just closed, showing why its input was refused.
    pub fn reopen_with_error(&mut self, message: impl Into<String>) {
        if let Some(mut modal) = self.closed_modal.take() {
            modal.set_error(message);
            self.modal = Some(modal);
        }
    }

    /// Call after changing `compartments`: rebuilds the lookup index.
    pub fn reindex_compartments(&mut self) {
        self.compartment_index = self
            .compartments
            .data()
            .map(|list| {
                list.iter()
                    .enumerate()
                    .map(|(i, c)| (c.id.clone(), i))
                    .collect()
            })
            .unwrap_or_default();
    }

    /// The compartment with this OCID, if loaded.
    pub fn compartment(&self, id: &str) -> Option<&Compartment> {
        let list = self.compartments.data()?;
        match self.compartment_index.get(id).and_then(|&i| list.get(i)) {
            Some(c) if c.id == id => Some(c),
            // A stale index (the list changed without a reindex) still answers correctly.
            _ if self.compartment_index.len() != list.len() => list.iter().find(|c| c.id == id),
            _ => None,
        }
    }

    /// `acme/Prod/AppTier`-style path of a compartment, the tenancy's name first.
    pub fn compartment_path(&self, id: &str) -> String {
        let root = self
            .tenancy
            .data()
            .map_or_else(|| "(root)".to_string(), |t| t.name.clone());
        let mut names = Vec::new();
        let mut current = id.to_string();
        let limit = self.compartments.data().map_or(0, Vec::len);
        // Bounded so a corrupt parent cycle cannot loop forever.
        for _ in 0..=limit {
            if current == self.session.tenancy_id {
                break;
            }
            let Some(c) = self.compartment(&current) else {
                break;
            };
            names.push(c.name.clone());
            current.clone_from(&c.compartment_id);
        }
        names.push(root);
        names.reverse();
        names.join("/")
    }
}
