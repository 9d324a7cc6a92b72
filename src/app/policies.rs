//! State of the Policies pane: every policy of the tenancy in one list (fan-out over the
//! compartments, shown as pages arrive), scoped and filtered, and the edit workflow: editor,
//! statement diff before saving, `if-match` update, and the conflict dialog on 412.

use std::collections::BTreeMap;

use crate::model::{CreatePolicyDetails, LifecycleState, Policy, UpdatePolicyDetails};

use super::action::Action;
use super::ctx::{Ctx, Effect};
use super::diff::{DiffLine, diff, reapply, statements_of};
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
        let mut rows: Vec<(String, usize)> = all
            .iter()
            .enumerate()
            .filter(|(_, p)| self.scope.as_ref().is_none_or(|s| p.compartment_id == *s))
            .map(|(i, p)| {
                (
                    format!("{}/{}", ctx.compartment_path(&p.compartment_id), p.name),
                    i,
                )
            })
            .filter(|(path, _)| compiled.matches(path))
            .collect();
        rows.sort_by_key(|(path, _)| path.to_lowercase());
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
    fn upsert(&mut self, policy: Policy, ctx: &Ctx) {
        if let Some(list) = self.policies.data_mut() {
            match list.iter_mut().find(|p| p.id == policy.id) {
                Some(existing) => *existing = policy,
                None => list.push(policy),
            }
        }
        self.rebuild(ctx);
    }

    fn open_editor(&mut self, external: bool, ctx: &mut Ctx) {
        let Some(policy) = self.selected().cloned() else {
            ctx.toasts.info("no policy selected");
            return;
        };
        // An unsaved draft of this policy wins over a fresh copy: it is the user's work.
        if let Some(draft) = ctx.drafts.items.get(&policy.id).cloned() {
            self.editor = Some(PolicyEditor::new(
                &policy.id,
                &policy.name,
                &policy.compartment_id,
                draft.etag,
                draft.base,
                &draft.text,
            ));
            ctx.toasts.info("continuing your unsaved draft");
            if external {
                self.start_external(ctx);
            }
            return;
        }
        let req = ctx.send_read(ME, RequestKind::GetPolicy { id: policy.id });
        self.pending.insert(req, Pending::OpenEditor { external });
    }

    fn start_external(&mut self, ctx: &mut Ctx) {
        if let Some(editor) = &self.editor {
            ctx.effects.push(Effect::ExternalEdit {
                owner: ME,
                text: editor.text(),
            });
        }
    }

    /// Ctrl-S: show the statement diff and ask before sending anything.
    fn ask_save(&mut self, ctx: &mut Ctx) {
        let Some(editor) = &self.editor else { return };
        let mine = editor.statements();
        if mine.is_empty() {
            ctx.toasts.error("a policy needs at least one statement");
            return;
        }
        if !editor.is_modified() {
            ctx.toasts.info("no changes to save");
            return;
        }
        let mut lines = vec![ToneLine::new(
            Tone::Heading,
            format!("Save policy {}?", editor.policy_name),
        )];
        lines.extend(diff_lines(&editor.base, &mine));
        lines.push(ToneLine::plain(""));
        lines.extend(crate::app::lint::lint_lines(&mine));
        ctx.open(Modal::choice(
            ME,
            ModalPurpose::SavePolicy,
            "Save policy",
            lines,
            &["Save", "Keep editing"],
        ));
    }

    fn send_update(&mut self, statements: Vec<String>, etag: Option<String>, ctx: &mut Ctx) {
        let Some(editor) = &mut self.editor else {
            return;
        };
        let details = UpdatePolicyDetails {
            statements: Some(statements.clone()),
            ..Default::default()
        };
        if let Some(req) = ctx.send(
            ME,
            RequestKind::UpdatePolicy {
                id: editor.policy_id.clone(),
                details,
                etag,
            },
        ) {
            editor.saving = true;
            self.pending.insert(req, Pending::Save { statements });
        }
    }

    fn show_conflict(&mut self, conflict: Conflict, ctx: &mut Ctx) {
        let Some(editor) = &self.editor else { return };
        let mut lines = vec![
            ToneLine::new(
                Tone::Error,
                format!(
                    "{} was changed by someone else since you opened it.",
                    editor.policy_name
                ),
            ),
            ToneLine::new(Tone::Heading, "What changed remotely:"),
        ];
        lines.extend(change_lines(&editor.base, &conflict.remote.statements));
        lines.push(ToneLine::new(Tone::Heading, "Your edit:"));
        lines.extend(change_lines(&editor.base, &conflict.mine));
        self.conflict = Some(conflict);
        ctx.open(Modal::choice(
            ME,
            ModalPurpose::PolicyConflict,
            "Conflict: policy changed remotely",
            lines,
            &[
                "Reapply my edit on the new version",
                "Overwrite with my version",
                "Discard my edit",
            ],
        ));
    }

    fn close_editor(&mut self, discard: bool, ctx: &mut Ctx) {
        if let Some(editor) = self.editor.take() {
            if discard || !editor.is_modified() {
                ctx.drafts.remove(&editor.policy_id);
            }
            if discard {
                ctx.toasts.info("edit discarded");
            } else if editor.is_modified() {
                ctx.toasts
                    .info("draft kept: press e on the policy to continue");
            }
        }
    }

    fn editor_changed(&mut self, ctx: &mut Ctx) {
        if let Some(editor) = &self.editor {
            if editor.is_modified() {
                ctx.drafts.put(editor.draft());
            } else {
                ctx.drafts.remove(&editor.policy_id);
            }
        }
    }

    fn handle_editor(&mut self, action: &Action, ctx: &mut Ctx) -> bool {
        let Some(editor) = &mut self.editor else {
            return false;
        };
        match action {
            Action::Input(key) => {
                if !editor.saving && editor.textarea.input(*key) {
                    self.editor_changed(ctx);
                }
            }
            Action::Paste(text) => {
                editor.textarea.insert_str(text);
                self.editor_changed(ctx);
            }
            Action::Save => self.ask_save(ctx),
            Action::Back => self.close_editor(false, ctx),
            Action::Cancel => self.close_editor(true, ctx),
            Action::EditExternal => self.start_external(ctx),
            Action::ExternalEditDone(Some(text)) => {
                editor.set_text(text);
                self.editor_changed(ctx);
            }
            Action::ExternalEditDone(None) => ctx
                .toasts
                .error("the external editor failed; your text is unchanged"),
            _ => return false,
        }
        true
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

/// A statement diff as dialog lines, unchanged statements included.
pub fn diff_lines(old: &[String], new: &[String]) -> Vec<ToneLine> {
    diff(old, new)
        .into_iter()
        .map(|d| match d {
            DiffLine::Same(s) => ToneLine::new(Tone::Dim, format!("  {s}")),
            DiffLine::Added(s) => ToneLine::new(Tone::Added, format!("+ {s}")),
            DiffLine::Removed(s) => ToneLine::new(Tone::Removed, format!("- {s}")),
        })
        .collect()
}

/// Only the changed statements, and how many stayed the same (the conflict dialog shows two
/// diffs and needs the room).
pub fn change_lines(old: &[String], new: &[String]) -> Vec<ToneLine> {
    let all = diff_lines(old, new);
    let same = all.iter().filter(|l| l.tone == Tone::Dim).count();
    let mut out: Vec<ToneLine> = all.into_iter().filter(|l| l.tone != Tone::Dim).collect();
    if out.is_empty() {
        out.push(ToneLine::new(Tone::Dim, "  (no statement changed)"));
    }
    if same > 0 {
        out.push(ToneLine::new(
            Tone::Dim,
            format!("  ({same} statement(s) unchanged)"),
        ));
    }
    out
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
            (ModalPurpose::PolicyConflict, outcome) => {
                let Some(conflict) = self.conflict.take() else {
                    return;
                };
                match outcome {
                    ModalOutcome::Chose(0) => {
                        let Some(editor) = &mut self.editor else {
                            return;
                        };
                        let merged =
                            reapply(&editor.base, &conflict.mine, &conflict.remote.statements);
                        editor.base = conflict.remote.statements.clone();
                        editor.etag = conflict.remote_etag;
                        editor.set_text(&merged.join("\n"));
                        self.editor_changed(ctx);
                        ctx.toasts
                            .info("your edit is reapplied on the new version: review, then save");
                        self.upsert(conflict.remote, ctx);
                    }
                    ModalOutcome::Chose(1) => {
                        if let Some(editor) = &mut self.editor {
                            editor.etag.clone_from(&conflict.remote_etag);
                        }
                        self.send_update(conflict.mine, conflict.remote_etag, ctx);
                    }
                    ModalOutcome::Chose(2) => {
                        self.close_editor(true, ctx);
                        self.upsert(conflict.remote, ctx);
                    }
                    // Esc keeps the editor open with the user's text and the old etag.
                    _ => ctx.toasts.info("nothing saved; your edit is still open"),
                }
            }
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

impl PoliciesPane {
    /// The start-up question about drafts found on disk: 0 restores, 1 discards, else later.
    fn restore_drafts(&mut self, choice: usize, ctx: &mut Ctx) {
        let found = std::mem::take(&mut ctx.drafts.found);
        match choice {
            0 => {
                let first = found.first().cloned();
                for d in found {
                    ctx.drafts.put(d);
                }
                if let Some(d) = first {
                    let compartment = self
                        .policies
                        .data()
                        .and_then(|l| l.iter().find(|p| p.id == d.policy_id))
                        .map(|p| p.compartment_id.clone())
                        .unwrap_or_default();
                    self.editor = Some(PolicyEditor::new(
                        &d.policy_id,
                        &d.policy_name,
                        &compartment,
                        d.etag,
                        d.base,
                        &d.text,
                    ));
                    ctx.toasts.info("draft restored: Ctrl-S saves it");
                    ctx.effects.push(Effect::ShowPolicies {
                        compartment_id: None,
                    });
                }
            }
            1 => {
                ctx.drafts.dirty = true;
                ctx.toasts.info("drafts discarded");
            }
            _ => ctx.drafts.found = found,
        }
    }
}

/// The question asked at start when drafts were found.
pub fn restore_drafts_modal(ctx: &Ctx) -> Option<Modal> {
    if ctx.drafts.found.is_empty() {
        return None;
    }
    let mut lines = vec![ToneLine::new(
        Tone::Heading,
        "Unsaved policy edits from an earlier session:",
    )];
    for d in &ctx.drafts.found {
        lines.push(ToneLine::plain(format!("  {}", d.policy_name)));
    }
    Some(Modal::choice(
        ME,
        ModalPurpose::RestoreDrafts,
        "Restore drafts",
        lines,
        &["Restore", "Discard", "Later"],
    ))
}
