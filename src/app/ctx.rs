//! What every pane may read and touch while handling an action or a response: session facts,
//! the tenancy-wide data panes share (the compartment list, memberships), toasts, the modal,
//! outgoing requests, the writes awaiting their answer, and side effects for the event loop.

use std::collections::HashMap;
use std::sync::Arc;

use crate::config::HomeRegion;
use crate::model::{Compartment, Tenancy, UserGroupMembership, WorkRequestStatus};
use crate::policy::TenancyLinter;

use super::action::Action;
use super::drafts::Drafts;
use super::keymap::Keymap;
use super::panes::PaneId;
use super::panes::identity::members::MembershipIndex;
use super::request::{
    Failure, Payload, Request, RequestId, RequestKind, Response, TagRequest, TenancyRequest,
};
use super::tag_catalogue::TagCatalogue;
use super::widgets::loadable::Loadable;
use super::widgets::modal::Modal;
use super::widgets::toast::Toasts;

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
    /// Write this snapshot to the warm-start cache (off the UI thread).
    SaveCache(super::request::SharedSnapshot),
    /// Put a secret shown once on the clipboard (its `Debug` prints a placeholder).
    CopySecret(super::request::Secret),
    /// Suspend the TUI and edit this text in `$EDITOR`; the result comes back as
    /// `Action::ExternalEditDone` to the owning pane.
    ExternalEdit { owner: PaneId, text: String },
    /// Focus the Policies pane, scoped to one compartment (handled inside `update`).
    ShowPolicies { compartment_id: Option<String> },
    /// Focus the Identity pane on a user's credentials of one kind (handled inside `update`).
    ShowUserCredentials {
        user_id: String,
        kind: crate::model::CredentialKind,
    },
}

/// A write on its way: the toast when it succeeds, and who shows a conflict.
#[derive(Debug, Clone, PartialEq, Eq)]
struct PendingWrite {
    done: String,
    /// The pane shows a 412 itself (a conflict dialog), so no toast for it.
    pane_shows_conflicts: bool,
}

#[derive(Debug, Default)]
pub struct Ctx {
    pub session: Session,
    /// The keys in force, so messages name the key actually bound.
    pub keymap: Arc<Keymap>,
    /// The keymap contexts in force after the last update, innermost first: where
    /// [`Ctx::key`] looks first.
    pub contexts: Vec<super::keymap::KeyContext>,
    pub tenancy: Loadable<Tenancy>,
    /// Every compartment (all lifecycle states), shared by the panes that need paths.
    pub compartments: Loadable<crate::model::Records<Compartment>>,
    /// Every membership of every group, shared by the lists that count or follow them.
    pub memberships: Loadable<crate::model::Records<UserGroupMembership>>,
    /// `memberships` by user and by group; rebuilt whenever they change.
    pub member_index: MembershipIndex,
    pub toasts: Toasts,
    pub modal: Option<Modal>,
    /// A form that was just submitted: reopened while the write it sends is on its way, or
    /// with the reason it was refused.
    pub closed_form: Option<Modal>,
    pub effects: Vec<Effect>,
    pub drafts: Drafts,
    /// Ticks since start, for spinners.
    pub tick: u64,
    /// Unix time ages are counted from (a credential's age): set by the event loop, fixed
    /// by tests.
    pub now: i64,
    /// Requests sent and not finished yet, for the header.
    pub in_flight: usize,
    /// Policies per compartment OCID once the policy listing finished, for the tree's detail.
    pub policy_counts: Option<std::collections::BTreeMap<String, usize>>,
    /// The whole tenancy for the audit view and the editor's tenancy-aware lint, loaded the
    /// first time one of them needs it; dropped by refresh and after every successful write.
    pub snapshot: Loadable<Arc<TenancyLinter>>,
    /// A reload of the snapshot while the one loaded stays in use.
    snapshot_refresh: Option<RequestId>,
    /// The request indexing the warm-start cache's snapshot.
    pub indexing_cache: Option<RequestId>,
    /// The latest read of the whole tenancy not indexed yet (a warm start's cache, or a read
    /// in the background): indexed when a view asks for the snapshot.
    pub unindexed: Option<Arc<crate::model::Snapshot>>,
    /// A first start with the cache on: the tenancy is read once the first screen's own
    /// reads are answered, against the lists the panes hold (see [`super::warm::settle`]).
    pub read_after_first_screen: bool,
    /// A snapshot that just arrived, for [`super::warm::settle`].
    pub snapshot_arrived: Option<super::warm::Arrived>,
    /// The warm-start cache, when it is on.
    pub cache: Option<super::warm::WarmCache>,
    /// The tenancy's home region, where Identity writes go, once the tenancy is read.
    pub home_region: Option<HomeRegion>,
    /// Where a copy (`y`) can go: the terminal, or tmux with its clipboard settings.
    pub clipboard: super::clipboard::Clipboard,
    /// The tenancy's defined tags for the forms' tag fields, read the first time a form
    /// needs them; dropped after every successful write.
    pub tag_catalogue: Loadable<Arc<TagCatalogue>>,
    /// The resource types the service edits tags of in bulk, read the first time a bulk
    /// tag form opens.
    pub bulk_edit_types: Loadable<Vec<crate::model::BulkEditTagsResourceType>>,
    requests: Vec<Request>,
    writes: HashMap<RequestId, PendingWrite>,
    /// Successful writes by the pane that sent them, so a pane that shows what others change
    /// (every user's credentials) knows to read again.
    writes_done: HashMap<PaneId, u64>,
    next_id: u64,
    /// Position of each compartment in `compartments`, so paths of thousands of policies
    /// do not scan the list for every step.
    compartment_index: HashMap<String, usize>,
    /// Counts changes of `compartments`, so lists that show paths know to recompute them.
    compartments_version: u64,
    /// The name of every resource any list has loaded, by OCID: what other lists show in
    /// place of an OCID (a tag default's namespace, a membership's group).
    names: HashMap<String, String>,
}

impl Ctx {
    pub fn new(session: Session, keymap: Arc<Keymap>) -> Self {
        Ctx {
            session,
            keymap,
            now: unix_now(),
            ..Ctx::default()
        }
    }

    fn queue(&mut self, pane: PaneId, kind: RequestKind) -> RequestId {
        self.next_id += 1;
        let id = RequestId(self.next_id);
        self.in_flight += 1;
        self.requests.push(Request { id, pane, kind });
        id
    }

    /// Queues a read for the worker and returns its id.
    pub fn send_read(&mut self, pane: PaneId, kind: impl Into<RequestKind>) -> RequestId {
        let kind = kind.into();
        debug_assert!(!kind.is_write(), "{kind:?} is a write: use Ctx::write");
        self.queue(pane, kind)
    }

    /// Queues a write; `done` is the toast when it succeeds. A failure is shown for the pane:
    /// beside the form that sent it (which stays open until the answer), else as a toast.
    /// Refused in read-only mode (a toast says so): `None`.
    pub fn write(
        &mut self,
        pane: PaneId,
        kind: impl Into<RequestKind>,
        done: impl Into<String>,
    ) -> Option<RequestId> {
        self.queue_write(pane, kind.into(), done.into(), false)
    }

    /// Like [`Ctx::write`] for writes whose pane shows a 412 conflict itself.
    pub fn write_showing_conflicts(
        &mut self,
        pane: PaneId,
        kind: impl Into<RequestKind>,
        done: impl Into<String>,
    ) -> Option<RequestId> {
        self.queue_write(pane, kind.into(), done.into(), true)
    }

    fn queue_write(
        &mut self,
        pane: PaneId,
        kind: RequestKind,
        done: String,
        pane_shows_conflicts: bool,
    ) -> Option<RequestId> {
        if self.session.read_only {
            self.refuse_write();
            return None;
        }
        let id = self.queue(pane, kind);
        self.writes.insert(
            id,
            PendingWrite {
                done,
                pane_shows_conflicts,
            },
        );
        // The form that asked for it stays open, waiting, so nothing typed is lost if the
        // service refuses.
        if let Some(modal) = self.closed_form.take() {
            self.modal = Some(modal);
        }
        if let Some(form) = self.held_form() {
            form.waiting = Some(id);
            form.error = None;
        }
        Some(id)
    }

    /// Keeps the form just submitted open while a read it needs is on its way (the write
    /// follows when the read answers; [`Ctx::refuse`] shows why it cannot).
    pub fn hold_form(&mut self, read: RequestId) {
        if let Some(modal) = self.closed_form.take() {
            self.modal = Some(modal);
        }
        if let Some(form) = self.modal.as_mut().and_then(Modal::form_state_mut) {
            form.waiting = Some(read);
        }
    }

    /// The open form if it waits for something that is not a write yet (it was just
    /// reopened, or holds for a read).
    fn held_form(&mut self) -> Option<&mut crate::app::widgets::form::Form> {
        let writes = &self.writes;
        self.modal
            .as_mut()
            .and_then(Modal::form_state_mut)
            .filter(|f| f.waiting.is_none_or(|w| !writes.contains_key(&w)))
    }

    /// Settles a write's final answer: the toast or the form's error, closing the form that
    /// sent it when it succeeded. The response still goes to the pane afterwards.
    fn settle_write(&mut self, response: &Response) {
        if !response.done {
            return;
        }
        let Some(write) = self.writes.remove(&response.id) else {
            return;
        };
        let waiting_form = self
            .modal
            .as_ref()
            .and_then(Modal::form_state)
            .is_some_and(|f| f.waiting == Some(response.id));
        let failure = match &response.result {
            Ok(Payload::WorkRequest(wr)) if wr.status != WorkRequestStatus::Succeeded => {
                let why = wr
                    .errors
                    .first()
                    .map(|e| format!(": {} {}", e.code, e.message))
                    .unwrap_or_default();
                Some(format!("{}: {}{why}", write.done, wr.status))
            }
            Ok(_) => None,
            Err(f) if f.is_conflict() && write.pane_shows_conflicts => {
                if waiting_form {
                    self.modal = None;
                }
                return;
            }
            Err(f) => Some(f.summary()),
        };
        match failure {
            None => {
                *self.writes_done.entry(response.pane).or_default() += 1;
                self.invalidate_snapshot();
                self.tag_catalogue = Loadable::NotLoaded;
                if waiting_form {
                    self.modal = None;
                }
                if !write.done.is_empty() {
                    self.toasts.success(write.done);
                }
            }
            Some(message) if waiting_form => {
                if let Some(modal) = &mut self.modal {
                    modal.refuse(None, message);
                }
            }
            Some(message) => self.toasts.error(message),
        }
    }

    /// How many writes panes other than `pane` have made: when it changes, what they wrote
    /// may be in `pane`'s lists.
    pub fn writes_outside(&self, pane: PaneId) -> u64 {
        self.writes_done
            .iter()
            .filter(|(p, _)| **p != pane)
            .map(|(_, n)| n)
            .sum()
    }

    /// Reopens the form that was just submitted (or the one held for a read), showing why
    /// its values were refused.
    pub fn refuse(&mut self, field: Option<&str>, message: impl Into<String>) {
        if let Some(modal) = self.closed_form.take() {
            self.modal = Some(modal);
        }
        match self.held_form() {
            Some(form) => form.refuse(field, message),
            None => self.toasts.error(message),
        }
    }

    /// Asks for the tenancy snapshot unless it is loaded or on its way; the answer goes to
    /// [`Ctx::take_shared_response`] whatever pane `pane` is.
    pub fn ensure_snapshot(&mut self, pane: PaneId) {
        if !matches!(self.snapshot, Loadable::NotLoaded) {
            return;
        }
        // A snapshot at hand is indexed; while one is being read, the view waits for it.
        if self.unindexed.is_none()
            && let Some(reading) = self.snapshot_refresh
        {
            self.snapshot = Loadable::loading(reading);
            return;
        }
        if let Some(at_hand) = self.unindexed.clone() {
            let request = TenancyRequest::Index(super::request::SharedSnapshot(at_hand));
            let id = self.send_read(pane, request);
            self.snapshot = Loadable::loading(id);
            self.indexing_cache = Some(id);
        } else {
            let id = self.send_read(pane, TenancyRequest::Load);
            self.snapshot = Loadable::loading(id);
        }
    }

    /// Asks for the tenancy's defined tags unless they are loaded or on their way; the
    /// answer goes to [`Ctx::take_shared_response`], which hands it to the open form.
    pub fn ensure_tag_catalogue(&mut self, pane: PaneId) -> Arc<TagCatalogue> {
        if matches!(self.tag_catalogue, Loadable::NotLoaded) {
            let id = self.send_read(pane, TagRequest::Catalogue);
            self.tag_catalogue = Loadable::loading(id);
        }
        self.tag_catalogue.data().cloned().unwrap_or_default()
    }

    /// Asks for the resource types bulk tag edits take, unless loaded or on their way.
    pub fn ensure_bulk_edit_types(&mut self, pane: PaneId) {
        if matches!(self.bulk_edit_types, Loadable::NotLoaded) {
            let id = self.send_read(pane, super::request::BulkRequest::ListEditTagsTypes);
            self.bulk_edit_types = Loadable::loading(id);
        }
    }

    /// Reads the tenancy against what the panes already hold (`before`): what comes back
    /// unchanged is shared with them, not held twice.
    pub fn read_snapshot_against(&mut self, pane: PaneId, before: crate::model::Snapshot) {
        if matches!(self.snapshot, Loadable::NotLoaded) && self.snapshot_refresh.is_none() {
            let request = TenancyRequest::Reread(super::request::SharedSnapshot(Arc::new(before)));
            self.snapshot_refresh = Some(self.send_read(pane, request));
        }
    }

    /// Reads the tenancy again while the snapshot loaded stays in use (the warm start's
    /// revalidation); the new one replaces it when it arrives.
    pub fn revalidate_snapshot(&mut self, pane: PaneId) {
        if self.snapshot_refresh.is_none() {
            // Read against the snapshot in use: what has not changed stays shared with it
            // (and with the panes showing it) instead of being held twice.
            let before = self
                .unindexed
                .clone()
                .or_else(|| self.snapshot.data().map(|l| Arc::clone(l.snapshot())));
            let request = match before {
                Some(before) => TenancyRequest::Reread(super::request::SharedSnapshot(before)),
                None => TenancyRequest::Load,
            };
            self.snapshot_refresh = Some(self.send_read(pane, request));
        }
    }

    /// Whether cached data is on screen while the tenancy is indexed or read again: the
    /// panes it fills wait for it rather than each reading its part a second time.
    pub fn revalidating(&self) -> bool {
        self.cache.as_ref().is_some_and(|c| c.shown_from.is_some())
            && self.snapshot_refresh.is_some()
    }

    /// Whether a write of this pane is about to go out.
    pub fn writes_from(&self, pane: PaneId) -> bool {
        self.requests
            .iter()
            .any(|r| r.pane == pane && r.kind.is_write())
    }

    /// Forgets the snapshot (refresh, or the tenancy changed); the next user reloads it.
    pub fn invalidate_snapshot(&mut self) {
        self.snapshot = Loadable::NotLoaded;
        self.unindexed = None;
    }

    /// The tenancy read in the background arrived: it is what the panes and the cache take.
    /// An index in use (of the snapshot before) is let go, and built again from this read
    /// only if a view uses or waits for it.
    fn take_read(&mut self, snapshot: Arc<crate::model::Snapshot>) {
        let wanted = !matches!(self.snapshot, Loadable::NotLoaded);
        self.snapshot = Loadable::NotLoaded;
        self.indexing_cache = None;
        self.unindexed = Some(Arc::clone(&snapshot));
        self.snapshot_arrived = Some(super::warm::Arrived {
            snapshot,
            fresh: true,
        });
        if wanted {
            self.ensure_snapshot(PaneId::Compartments);
        }
    }

    /// Takes what the context itself waits for (the snapshot) and settles writes; hands the
    /// response back when a pane should see it.
    pub fn take_shared_response(&mut self, response: Response) -> Option<Response> {
        if response.done {
            self.in_flight = self.in_flight.saturating_sub(1);
        }
        // Reading the tenancy tells where Identity writes go: the header says so.
        if let Ok(Payload::Item(item)) = &response.result
            && let Some(home) = item.get::<HomeRegion>()
        {
            if home.redirected {
                self.toasts.info(format!(
                    "Identity writes go to the home region {}, not {}",
                    home.region, self.session.region
                ));
            }
            self.home_region = Some(home);
            return None;
        }
        self.settle_write(&response);
        if self.tag_catalogue.awaits(response.id) {
            self.take_catalogue(response);
            return None;
        }
        if self.bulk_edit_types.awaits(response.id) {
            self.bulk_edit_types = match response.result {
                Ok(Payload::Items(items)) => items.take().map_or_else(
                    || Loadable::Failed(Failure::local("UnexpectedAnswer", "not resource types")),
                    Loadable::Loaded,
                ),
                Ok(other) => Loadable::Failed(Failure::unexpected("the bulk edit types", &other)),
                Err(f) => Loadable::Failed(f),
            };
            return None;
        }
        if self.snapshot_refresh == Some(response.id) {
            self.snapshot_refresh = None;
            match response.result {
                Ok(Payload::Read(snapshot)) => self.take_read(snapshot),
                Ok(other) => self
                    .toasts
                    .error(Failure::unexpected("the tenancy read", &other).summary()),
                Err(failure) => {
                    if self.snapshot.awaits(response.id) {
                        self.snapshot = Loadable::Failed(failure.clone());
                    }
                    self.toasts.error(format!(
                        "the tenancy could not be read again; what is shown stays: {}",
                        failure.summary()
                    ));
                }
            }
            return None;
        }
        if !self.snapshot.awaits(response.id) {
            return Some(response);
        }
        if !response.done {
            // Read, not yet indexed: nothing to let go on a first load.
            return None;
        }
        // An index of a snapshot already here (read in the background) is nothing new.
        let fresh = self.indexing_cache.take() != Some(response.id);
        self.snapshot = match response.result {
            Ok(Payload::Snapshot(snapshot)) => {
                self.unindexed = None;
                self.snapshot_arrived = Some(super::warm::Arrived {
                    snapshot: Arc::clone(snapshot.snapshot()),
                    fresh,
                });
                Loadable::Loaded(snapshot)
            }
            Ok(other) => Loadable::Failed(Failure::unexpected("the tenancy load", &other)),
            Err(failure) => Loadable::Failed(failure),
        };
        None
    }

    fn take_catalogue(&mut self, response: Response) {
        self.tag_catalogue = match response.result {
            Ok(payload) => match payload.as_item::<TagCatalogue>() {
                Some(c) => Loadable::Loaded(Arc::new(c)),
                None => Loadable::Failed(Failure::unexpected("the tag catalogue", &payload)),
            },
            Err(failure) => Loadable::Failed(failure),
        };
        if let (Some(catalogue), Some(form)) = (
            self.tag_catalogue.data().cloned(),
            self.modal.as_mut().and_then(Modal::form_state_mut),
        ) {
            form.set_catalogue(&catalogue);
        }
    }

    /// The requests queued since the last call.
    pub fn take_requests(&mut self) -> Vec<Request> {
        std::mem::take(&mut self.requests)
    }

    pub fn refuse_write(&mut self) {
        self.toasts
            .error("read-only mode: writes are disabled (start without --read-only to edit)");
    }

    pub fn open(&mut self, modal: Modal) {
        self.modal = Some(modal);
    }

    /// The key bound to `action` where the user is (else anywhere), for messages.
    pub fn key(&self, action: &Action) -> String {
        self.keymap
            .key_in(&self.contexts, action)
            .unwrap_or_else(|| self.keymap.key_for(action))
    }

    /// Remembers the names of these resources for [`Ctx::name_of`].
    pub fn learn_names<T: super::resource::Resource>(&mut self, items: &[T]) {
        for item in items {
            self.names
                .insert(item.id().to_string(), item.name().to_string());
        }
    }

    /// The name of the resource with this OCID, if any list has loaded it.
    pub fn name_of(&self, id: &str) -> Option<&str> {
        self.names.get(id).map(String::as_str)
    }

    /// Changes each time the compartment list does.
    pub fn compartments_version(&self) -> u64 {
        self.compartments_version
    }

    /// Call after changing `compartments`: rebuilds the lookup index.
    pub fn reindex_compartments(&mut self) {
        self.compartments_version += 1;
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

    /// Takes an index of `memberships` built elsewhere (by the worker, off the UI thread).
    pub fn set_member_index(&mut self, index: MembershipIndex) {
        let version = self.member_index.version + 1;
        self.member_index = index;
        self.member_index.version = version;
    }

    /// Call after changing `memberships`: rebuilds the index by user and group.
    pub fn reindex_memberships(&mut self) {
        let version = self.member_index.version + 1;
        self.member_index = MembershipIndex::build(
            self.memberships
                .data()
                .map_or(&[][..], |items| items.as_slice()),
        );
        self.member_index.version = version;
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

    /// The paths a compartment field completes from: every active compartment's path
    /// below the tenancy (`Prod/AppTier`), after the tenancy's own name.
    pub fn compartment_paths(&self) -> Vec<String> {
        let root = self.compartment_path(&self.session.tenancy_id);
        let prefix = format!("{root}/");
        let mut paths: Vec<String> = self
            .compartments
            .data()
            .map_or(&[][..], |items| items.as_slice())
            .iter()
            .filter(|c| c.lifecycle_state == crate::model::LifecycleState::Active)
            .map(|c| {
                let path = self.compartment_path(&c.id);
                path.strip_prefix(&prefix)
                    .map_or(path.clone(), str::to_string)
            })
            .collect();
        paths.sort_by_key(|p| p.to_lowercase());
        paths.insert(0, root);
        paths
    }

    /// `acme/Prod/AppTier`-style path of a compartment, the tenancy's name first.
    pub fn compartment_path(&self, id: &str) -> String {
        let root = self
            .tenancy
            .data()
            .map_or_else(|| "(root)".to_string(), |t| t.name.clone());
        let mut names = Vec::new();
        let mut current = id.to_string();
        let limit = self.compartments.data().map_or(0, |items| items.len());
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

/// Seconds since the Unix epoch, now.
pub fn unix_now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
}

impl Ctx {
    /// Puts `text` on the clipboard and says so (`done`), or says why it cannot go (tmux
    /// refusing applications' copies) and names the setting, instead of claiming success.
    pub fn copy(&mut self, text: String, done: impl Into<String>) -> bool {
        if let Some(refusal) = self.clipboard.refusal() {
            self.toasts.error(refusal);
            return false;
        }
        self.effects.push(Effect::Copy(text));
        self.toasts.success(done);
        true
    }

    /// The compartment a user typed: an OCID, or a path (`Prod/AppTier`, with or without the
    /// tenancy's name first); empty is the tenancy.
    pub fn resolve_compartment(&self, text: &str) -> Result<String, String> {
        let text = text.trim().trim_matches('/');
        if text.is_empty() {
            return Ok(self.session.tenancy_id.clone());
        }
        if text.starts_with("ocid1.") {
            super::validate::ocid(text, "")?;
            return Ok(text.to_string());
        }
        let all = self
            .compartments
            .data()
            .map_or(&[][..], |items| items.as_slice());
        let root = self.compartment_path(&self.session.tenancy_id);
        if text == root {
            return Ok(self.session.tenancy_id.clone());
        }
        let lower = text.to_lowercase();
        let prefixed = format!("{}/", root.to_lowercase());
        all.iter()
            .filter(|c| c.lifecycle_state == crate::model::LifecycleState::Active)
            .find(|c| {
                let path = self.compartment_path(&c.id).to_lowercase();
                path == lower || path.strip_prefix(&prefixed) == Some(lower.as_str())
            })
            .map(|c| c.id.clone())
            .ok_or_else(|| {
                format!("no active compartment at '{text}' (try Prod/AppTier or an OCID)")
            })
    }
}
