//! State of the Policies pane: every policy of the tenancy in one list (fan-out over the
//! compartments, shown as pages arrive), scoped and filtered, and the edit workflow: editor,
//! statement diff before saving, `if-match` update, and the conflict dialog on 412.

mod create;
mod details;
pub mod diff;
mod edit;
pub mod editor;
mod kind;
pub mod lint;

use std::collections::BTreeMap;

use crate::model::{LifecycleState, Policy};

use super::{Dialogs, KeyContext, Pane, PaneDialog, PaneId, PaneState};
use crate::app::action::Action;
use crate::app::ctx::Ctx;
use crate::app::request::{Payload, PolicyRequest, RefusedCompartments, RequestId, Response};
use crate::app::widgets::list_view::{ListControl, ListView};
use crate::app::widgets::loadable::Loadable;
use crate::app::widgets::modal::{Modal, ModalOutcome, Tone, ToneLine};
use diff::statements_of;
use editor::PolicyEditor;

pub use edit::{change_lines, diff_lines, restore_drafts_modal};

const ME: PaneId = PaneId::Policies;

/// The dialogs this pane opens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PolicyDialog {
    Create,
    Delete { id: String },
    /// Description, version date and tags; the update is conditional on `etag`.
    Details { id: String, etag: Option<String> },
    /// The statement diff before an update is sent.
    Save,
    /// A 412 on save: reapply, overwrite or discard.
    Conflict,
    /// Drafts found at start: restore or discard them.
    RestoreDrafts,
    /// Ctrl-X on a modified edit: discard it or keep editing.
    Discard,
}

pub(crate) fn dialog(d: PolicyDialog) -> PaneDialog {
    PaneDialog::Policies(d)
}

/// What a response to one of the pane's requests is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Pending {
    /// Fetching the policy (and its etag) to edit it; then maybe straight into `$EDITOR`.
    OpenEditor { external: bool },
    /// The update with `if-match`.
    Save { statements: Vec<String> },
    /// After a 412: fetching the new version to show what changed.
    Refetch { mine: Vec<String> },
    Create,
    Delete { id: String },
    /// Reading the policy for its details form.
    OpenDetails,
    /// The details update.
    Details,
}

/// A 412 on save, waiting for the user's choice.
#[derive(Debug, Clone, PartialEq)]
pub struct Conflict {
    pub mine: Vec<String>,
    pub remote: Policy,
    pub remote_etag: Option<String>,
}

#[derive(Debug, Default)]
pub struct PoliciesPane {
    /// Every policy; `list.scope` narrows it to one compartment.
    pub list: ListView<Policy>,
    pub editor: Option<PolicyEditor>,
    pub conflict: Option<Conflict>,
    pub pending: BTreeMap<RequestId, Pending>,
    /// The compartment tree the rows' paths were computed from.
    paths_from: u64,
    /// Compartments whose policies the service would not list to this caller (404
    /// `NotAuthorizedOrNotFound`), by OCID: the pane says where it is blind.
    pub refused: Vec<String>,
}

impl PoliciesPane {
    pub fn selected(&self) -> Option<&Policy> {
        self.list.selected()
    }

    /// Whether the service refused to list the policies of this compartment.
    pub fn is_refused(&self, compartment_id: &str) -> bool {
        self.refused.iter().any(|id| id == compartment_id)
    }

    /// Only the policies attached to one compartment (`None`: all).
    pub fn set_scope(&mut self, scope: Option<String>, ctx: &Ctx) {
        self.list.set_scope(scope, ctx);
    }

    pub fn scope(&self) -> Option<&str> {
        self.list.scope.as_deref()
    }

    fn load(&mut self, ctx: &mut Ctx) {
        let Some(compartments) = ctx.compartments.data() else {
            return;
        };
        let mut ids = vec![ctx.session.tenancy_id.clone()];
        ids.extend(
            compartments
                .iter()
                .filter(|c| c.lifecycle_state == LifecycleState::Active)
                .map(|c| c.id.clone()),
        );
        let id = ctx.send_read(
            ME,
            PolicyRequest::List {
                compartment_ids: ids,
            },
        );
        self.list.start_loading(id);
        self.refused.clear();
        ctx.policy_counts = None;
    }

    fn count_policies(&self, ctx: &mut Ctx) {
        let mut counts = BTreeMap::new();
        for p in self.list.all() {
            if p.lifecycle_state != LifecycleState::Deleted {
                *counts.entry(p.compartment_id.clone()).or_insert(0) += 1;
            }
        }
        ctx.policy_counts = Some(counts);
    }

    /// Puts a fresh copy of a policy into the list (after save, create or a refetch).
    pub(super) fn upsert(&mut self, policy: Policy, ctx: &Ctx) {
        self.list.upsert(policy, ctx);
    }

    fn start_write(&mut self, action: &Action, ctx: &mut Ctx) {
        match action {
            Action::Create => self.open_create_form(ctx),
            _ if self.selected().is_none() => ctx.toasts.info("no policy selected"),
            Action::Edit => self.open_editor(false, ctx),
            Action::EditExternal => self.open_editor(true, ctx),
            Action::Details => self.open_details(ctx),
            Action::Delete => {
                let Some(p) = self.selected() else { return };
                let lines = vec![
                    ToneLine::new(Tone::Heading, format!("Delete policy {}?", p.name)),
                    ToneLine::plain(format!(
                        "{} statement(s) stop granting access at once.",
                        p.statements.len()
                    )),
                    ToneLine::new(
                        Tone::Dim,
                        format!("Type its name ({}) to confirm.", p.name),
                    ),
                ];
                let modal = Modal::typed_confirm(
                    dialog(PolicyDialog::Delete { id: p.id.clone() }),
                    "Delete policy",
                    lines,
                    &p.name,
                );
                ctx.open(modal);
            }
            _ => {}
        }
    }

    fn take_pending(&mut self, pending: Pending, response: Response, ctx: &mut Ctx) {
        let etag = match &response.result {
            Ok(Payload::Item(item)) => item.etag.clone(),
            _ => None,
        };
        let policy = response
            .result
            .as_ref()
            .ok()
            .and_then(Payload::as_item::<Policy>);
        match (pending, policy, response.result) {
            (Pending::OpenEditor { external }, Some(policy), _) => {
                let text = policy.statements.join("\n");
                self.editor = Some(PolicyEditor::new(
                    &policy.id,
                    &policy.name,
                    &policy.compartment_id,
                    etag,
                    policy.statements.clone(),
                    &text,
                ));
                self.upsert(policy, ctx);
                if external {
                    self.start_external(ctx);
                }
            }
            (Pending::Save { .. }, Some(policy), _) => {
                ctx.drafts.remove(&policy.id);
                self.editor = None;
                self.upsert(policy, ctx);
            }
            (Pending::Save { statements }, None, Err(f)) if f.is_conflict() => {
                let Some(editor) = &mut self.editor else {
                    return;
                };
                editor.saving = false;
                let req = ctx.send_read(
                    ME,
                    PolicyRequest::Get {
                        id: editor.policy_id.clone(),
                    },
                );
                self.pending
                    .insert(req, Pending::Refetch { mine: statements });
            }
            (Pending::Refetch { mine }, Some(policy), _) => {
                self.show_conflict(
                    Conflict {
                        mine,
                        remote: policy,
                        remote_etag: etag,
                    },
                    ctx,
                );
            }
            (Pending::OpenDetails, Some(policy), _) => {
                Self::details_form(&policy, etag, ctx);
                self.upsert(policy, ctx);
            }
            (Pending::Details, Some(policy), _) => self.upsert(policy, ctx),
            (Pending::Create, Some(policy), _) => {
                self.upsert(policy, ctx);
                self.count_policies(ctx);
            }
            (Pending::Delete { id }, _, Ok(_)) => {
                self.list.remove(&id, ctx);
                self.count_policies(ctx);
            }
            (Pending::OpenEditor { .. } | Pending::Refetch { .. } | Pending::OpenDetails, _, Err(f)) => {
                // A failed read is reported here; writes are reported by the context.
                ctx.toasts.error(f.summary());
            }
            (_, _, Err(_)) => {
                if let Some(editor) = &mut self.editor {
                    editor.saving = false;
                }
            }
            (_, _, Ok(_)) => {}
        }
    }
}

impl Pane for PoliciesPane {
    fn contexts(&self) -> Vec<KeyContext> {
        if self.editor.is_some() {
            vec![KeyContext::Editor]
        } else {
            vec![KeyContext::Policies, KeyContext::List]
        }
    }

    fn takes_text(&self) -> bool {
        self.editor.is_some()
    }

    fn handle(&mut self, action: &Action, ctx: &mut Ctx) -> bool {
        if self.editor.is_some() {
            return self.handle_editor(action, ctx);
        }
        if self.list.navigate(action) {
            return true;
        }
        match action {
            Action::Select
            | Action::Edit
            | Action::EditExternal
            | Action::Details
            | Action::Create
            | Action::Delete => {
                let action = if *action == Action::Select {
                    &Action::Edit
                } else {
                    action
                };
                if action.is_write() && ctx.session.read_only {
                    ctx.refuse_write();
                } else {
                    self.start_write(action, ctx);
                }
            }
            Action::ExternalEditDone(_) => {}
            _ => return false,
        }
        true
    }

    fn take_response(&mut self, mut response: Response, ctx: &mut Ctx) {
        if self.list.awaits(response.id) {
            if let Some(RefusedCompartments(ids)) =
                response.result.as_ref().ok().and_then(Payload::as_item)
            {
                self.refused = ids;
                return;
            }
            let done = response.done;
            self.list.take_response(&mut response, ctx);
            if done {
                self.count_policies(ctx);
            }
            return;
        }
        if let Some(pending) = self.pending.remove(&response.id) {
            self.take_pending(pending, response, ctx);
        }
    }

    fn ensure_loaded(&mut self, ctx: &mut Ctx) {
        if matches!(self.list.items, Loadable::NotLoaded) && ctx.compartments.is_loaded() {
            self.load(ctx);
        }
        // Rows are ordered and filtered by compartment path: follow a renamed or moved one.
        if self.paths_from != ctx.compartments_version() {
            self.paths_from = ctx.compartments_version();
            self.list.resort(ctx);
        }
    }

    fn warm(&mut self, snapshot: &crate::model::Snapshot, ctx: &mut Ctx) -> bool {
        self.list.set_items(snapshot.policies.clone(), ctx);
        true
    }

    fn lend(&self, before: &mut crate::model::Snapshot, _ctx: &Ctx) {
        if let Some(policies) = self.list.loaded() {
            before.policies = policies.clone();
        }
    }

    fn refresh(&mut self, ctx: &mut Ctx) {
        self.load(ctx);
    }

    fn focused_list(&self) -> Option<&dyn ListControl> {
        self.editor.is_none().then_some(&self.list as &dyn ListControl)
    }

    fn focused_list_mut(&mut self) -> Option<&mut dyn ListControl> {
        if self.editor.is_some() {
            return None;
        }
        Some(&mut self.list)
    }

    fn back(&mut self, ctx: &mut Ctx) -> bool {
        if self.editor.is_some() {
            self.close_editor(false, ctx);
            return true;
        }
        if self.clear_filter(ctx) {
            return true;
        }
        if self.scope().is_some() {
            self.set_scope(None, ctx);
            return true;
        }
        false
    }
}

impl Dialogs for PoliciesPane {
    type Dialog = PolicyDialog;

    fn on_modal(&mut self, dialog: PolicyDialog, outcome: ModalOutcome, ctx: &mut Ctx) {
        match (dialog, outcome) {
            (PolicyDialog::Save, ModalOutcome::Chose(0)) => {
                let Some(editor) = &self.editor else { return };
                let (statements, etag) = (editor.statements(), editor.etag.clone());
                self.send_update(statements, etag, ctx);
            }
            (PolicyDialog::Conflict, outcome) => self.resolve_conflict(&outcome, ctx),
            (PolicyDialog::Create, ModalOutcome::Submitted(v)) => self.create(&v, ctx),
            (PolicyDialog::Details { id, etag }, ModalOutcome::Submitted(v)) => {
                self.save_details(id, etag, &v, ctx);
            }
            (PolicyDialog::Delete { id }, ModalOutcome::Confirmed) => {
                let name = self
                    .list
                    .find(&id)
                    .map(|p| p.name.clone())
                    .unwrap_or_default();
                let kind = PolicyRequest::Delete { id: id.clone() };
                if let Some(req) = ctx.write(ME, kind, format!("policy {name} deleted")) {
                    self.pending.insert(req, Pending::Delete { id });
                }
            }
            (PolicyDialog::Discard, ModalOutcome::Chose(0)) => self.close_editor(true, ctx),
            (PolicyDialog::RestoreDrafts, ModalOutcome::Chose(choice)) => {
                self.restore_drafts(choice, ctx);
            }
            _ => {}
        }
    }
}

impl PaneState for PoliciesPane {
    fn new(_id: PaneId) -> Self {
        Self::default()
    }
}

