//! State of the Policies pane: every policy of the tenancy in one list (fan-out over the
//! compartments, shown as pages arrive), scoped and filtered, and the edit workflow: editor,
//! statement diff before saving, `if-match` update, and the conflict dialog on 412.

use std::collections::BTreeMap;

use crate::model::{CreatePolicyDetails, LifecycleState, Policy};

use super::action::Action;
use super::ctx::Ctx;
use super::diff::statements_of;
use super::filter::ListFilter;
use super::list::ListCursor;
use super::loadable::Loadable;
use super::modal::{FormField, Modal, ModalOutcome, ModalPurpose, Tone, ToneLine};
use super::pane::Pane;
use super::pane_id::PaneId;
use super::policy_editor::PolicyEditor;
use super::request::{Payload, RequestId, RequestKind, Response};
use super::validate;

const ME: PaneId = PaneId::Policies;

/// What a response to one of the pane's requests is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Pending {
    /// Fetching the policy (and its etag) to edit it; then maybe straight into `$EDITOR`.
    OpenEditor {
        external: bool,
    },
    /// The update with `if-match`.
    Save {
        statements: Vec<String>,
    },
    /// After a 412: fetching the new version to show what changed.
    Refetch {
        mine: Vec<String>,
    },
    Create,
    Delete {
        name: String,
    },
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
    pub policies: Loadable<Vec<Policy>>,
    /// Indices into the policies shown, after scope and filter, sorted by path then name.
    pub rows: Vec<usize>,
    pub cursor: ListCursor,
    pub filter: ListFilter,
    /// Only the policies attached to this compartment.
    pub scope: Option<String>,
    pub editor: Option<PolicyEditor>,
    pub conflict: Option<Conflict>,
    pub pending: BTreeMap<RequestId, Pending>,
}

impl PoliciesPane {
    pub fn selected(&self) -> Option<&Policy> {
        let i = *self.rows.get(self.cursor.selected)?;
        self.policies.data()?.get(i)
    }

    pub fn set_scope(&mut self, scope: Option<String>, ctx: &Ctx) {
        self.scope = scope;
        self.cursor.selected = 0;
        self.rebuild(ctx);
    }

    /// Recomputes the visible rows, keeping the selection on the same policy.
    pub fn rebuild(&mut self, ctx: &Ctx) {
        let keep = self.selected().map(|p| p.id.clone());
        let Some(all) = self.policies.data() else {
            self.rows.clear();
            return;
        };
        let mut compiled = self.filter.compile();
        // Sorted by compartment path, then name: the tenancy's own policies first.
        let mut rows: Vec<((String, String), usize)> = all
            .iter()
            .enumerate()
            .filter(|(_, p)| self.scope.as_ref().is_none_or(|s| p.compartment_id == *s))
            .map(|(i, p)| ((ctx.compartment_path(&p.compartment_id), p.name.clone()), i))
            .filter(|((path, name), _)| compiled.matches(&format!("{path}/{name}")))
            .collect();
        rows.sort_by_key(|((path, name), _)| (path.to_lowercase(), name.to_lowercase()));
        self.rows = rows.into_iter().map(|(_, i)| i).collect();
        if let Some(pos) = keep.and_then(|keep| self.rows.iter().position(|&i| all[i].id == keep)) {
            self.cursor.selected = pos;
        }
        self.cursor.clamp(self.rows.len());
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
            RequestKind::ListPolicies {
                compartment_ids: ids,
            },
        );
        self.policies = Loadable::loading(id);
        ctx.policy_counts = None;
    }

    fn count_policies(&self, ctx: &mut Ctx) {
        let mut counts = BTreeMap::new();
        for p in self.policies.data().map_or(&[][..], Vec::as_slice) {
            *counts.entry(p.compartment_id.clone()).or_insert(0) += 1;
        }
        ctx.policy_counts = Some(counts);
    }

    /// Puts a fresh copy of a policy into the list (after save, create or a refetch).
    pub(super) fn upsert(&mut self, policy: Policy, ctx: &Ctx) {
        if let Some(list) = self.policies.data_mut() {
            match list.iter_mut().find(|p| p.id == policy.id) {
                Some(existing) => *existing = policy,
                None => list.push(policy),
            }
        }
        self.rebuild(ctx);
    }

    fn start_write(&mut self, action: &Action, ctx: &mut Ctx) {
        match action {
            Action::Edit => self.open_editor(false, ctx),
            Action::EditExternal => self.open_editor(true, ctx),
            Action::Create => {
                let compartment = self
                    .scope
                    .clone()
                    .unwrap_or_else(|| ctx.session.tenancy_id.clone());
                ctx.open(Modal::form(
                    ME,
                    ModalPurpose::CreatePolicy,
                    "New policy",
                    vec![
                        FormField::new("Name", "", "unique in the compartment"),
                        FormField::new("Description", "", "required"),
                        FormField::new(
                            "Compartment OCID",
                            &compartment,
                            "where the policy is attached",
                        ),
                        FormField::new("Statement", "", "the first statement; add more with e"),
                    ],
                ));
            }
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
                        format!("Type its name ({}) and press Enter.", p.name),
                    ),
                ];
                let modal = Modal::typed_confirm(
                    ME,
                    ModalPurpose::DeletePolicy { id: p.id.clone() },
                    "Delete policy",
                    lines,
                    &p.name,
                );
                ctx.open(modal);
            }
            _ => {}
        }
    }

    fn take_payload(&mut self, pending: Pending, response: Response, ctx: &mut Ctx) {
        match (pending, response.result) {
            (Pending::OpenEditor { external }, Ok(Payload::Policy { policy, etag })) => {
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
            (Pending::Save { .. }, Ok(Payload::Policy { policy, .. })) => {
                ctx.drafts.remove(&policy.id);
                ctx.toasts.success(format!("policy {} saved", policy.name));
                self.editor = None;
                self.upsert(policy, ctx);
            }
            (Pending::Save { statements }, Err(f)) if f.is_conflict() => {
                let Some(editor) = &mut self.editor else {
                    return;
                };
                editor.saving = false;
                let req = ctx.send_read(
                    ME,
                    RequestKind::GetPolicy {
                        id: editor.policy_id.clone(),
                    },
                );
                self.pending
                    .insert(req, Pending::Refetch { mine: statements });
            }
            (Pending::Refetch { mine }, Ok(Payload::Policy { policy, etag })) => {
                self.show_conflict(
                    Conflict {
                        mine,
                        remote: policy,
                        remote_etag: etag,
                    },
                    ctx,
                );
            }
            (Pending::Create, Ok(Payload::Policy { policy, .. })) => {
                ctx.toasts
                    .success(format!("policy {} created", policy.name));
                let id = policy.id.clone();
                self.upsert(policy, ctx);
                if let Some(pos) = self
                    .rows
                    .iter()
                    .position(|&i| self.policies.data().is_some_and(|l| l[i].id == id))
                {
                    self.cursor.selected = pos;
                }
                self.count_policies(ctx);
            }
            (Pending::Delete { name }, Ok(_)) => {
                ctx.toasts.success(format!("policy {name} deleted"));
                self.refresh(ctx);
            }
            (_, Err(f)) => {
                if let Some(editor) = &mut self.editor {
                    editor.saving = false;
                }
                ctx.toasts.error(f.summary());
            }
            (_, Ok(_)) => {}
        }
    }
}

impl Pane for PoliciesPane {
    fn contexts(&self) -> Vec<&'static str> {
        if self.editor.is_some() {
            vec!["editor"]
        } else {
            vec!["policies", "list"]
        }
    }

    fn takes_text(&self) -> bool {
        self.editor.is_some()
    }

    fn handle(&mut self, action: &Action, ctx: &mut Ctx) -> bool {
        if self.editor.is_some() {
            return self.handle_editor(action, ctx);
        }
        if self.cursor.navigate(action, self.rows.len()) {
            return true;
        }
        match action {
            Action::Select
            | Action::Edit
            | Action::EditExternal
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

    fn take_response(&mut self, response: Response, ctx: &mut Ctx) {
        if self.policies.awaits(response.id) {
            match response.result {
                Ok(Payload::Policies(page)) => {
                    if let Loadable::Loading { partial, .. } = &mut self.policies {
                        partial.get_or_insert_with(Vec::new).extend(page);
                    }
                    if response.done {
                        let all = self
                            .policies
                            .data_mut()
                            .map(std::mem::take)
                            .unwrap_or_default();
                        self.policies = Loadable::Loaded(all);
                        self.count_policies(ctx);
                    }
                }
                Ok(_) => {}
                Err(f) => self.policies = Loadable::Failed(f),
            }
            self.rebuild(ctx);
            return;
        }
        if let Some(pending) = self.pending.remove(&response.id) {
            self.take_payload(pending, response, ctx);
        }
    }

    fn ensure_loaded(&mut self, ctx: &mut Ctx) {
        if matches!(self.policies, Loadable::NotLoaded) && ctx.compartments.is_loaded() {
            self.load(ctx);
            self.rebuild(ctx);
        }
    }

    fn refresh(&mut self, ctx: &mut Ctx) {
        self.load(ctx);
    }

    fn on_modal(&mut self, purpose: ModalPurpose, outcome: ModalOutcome, ctx: &mut Ctx) {
        match (purpose, outcome) {
            (ModalPurpose::SavePolicy, ModalOutcome::Chose(0)) => {
                let Some(editor) = &self.editor else { return };
                let (statements, etag) = (editor.statements(), editor.etag.clone());
                self.send_update(statements, etag, ctx);
            }
            (ModalPurpose::PolicyConflict, outcome) => self.resolve_conflict(&outcome, ctx),
            (ModalPurpose::CreatePolicy, ModalOutcome::Submitted(v)) => {
                let (name, description, compartment_id, statement) =
                    (v[0].clone(), v[1].clone(), v[2].clone(), v[3].clone());
                let valid = validate::name(&name, "the name", 100)
                    .and(validate::description(&description))
                    .and(validate::ocid(&compartment_id, ""))
                    .and(if statement.is_empty() {
                        Err("a policy needs at least one statement".to_string())
                    } else {
                        Ok(())
                    });
                if let Err(e) = valid {
                    ctx.reopen_with_error(e);
                    return;
                }
                let details = CreatePolicyDetails {
                    compartment_id,
                    name,
                    statements: statements_of(&statement),
                    description,
                    version_date: None,
                    freeform_tags: None,
                    defined_tags: None,
                };
                if let Some(req) = ctx.send(ME, RequestKind::CreatePolicy(details)) {
                    self.pending.insert(req, Pending::Create);
                }
            }
            (ModalPurpose::DeletePolicy { id }, ModalOutcome::Confirmed) => {
                let name = self
                    .policies
                    .data()
                    .and_then(|l| l.iter().find(|p| p.id == id))
                    .map(|p| p.name.clone())
                    .unwrap_or_default();
                if let Some(req) = ctx.send(ME, RequestKind::DeletePolicy { id }) {
                    self.pending.insert(req, Pending::Delete { name });
                }
            }
            (ModalPurpose::RestoreDrafts, ModalOutcome::Chose(choice)) => {
                self.restore_drafts(choice, ctx);
            }
            _ => {}
        }
    }

    fn filter(&self) -> Option<&ListFilter> {
        Some(&self.filter)
    }

    fn set_filter(&mut self, filter: ListFilter, ctx: &Ctx) {
        self.filter = filter;
        self.rebuild(ctx);
    }

    fn selected_ocid(&self, _ctx: &Ctx) -> Option<String> {
        self.selected().map(|p| p.id.clone())
    }

    fn selected_json(&self, _ctx: &Ctx) -> Option<serde_json::Value> {
        serde_json::to_value(self.selected()?).ok()
    }

    fn back(&mut self, ctx: &mut Ctx) -> bool {
        if self.editor.is_some() {
            self.close_editor(false, ctx);
            return true;
        }
        if self.filter.is_active() {
            self.filter.query.clear();
            self.rebuild(ctx);
            return true;
        }
        if self.scope.take().is_some() {
            self.rebuild(ctx);
            return true;
        }
        false
    }
}
