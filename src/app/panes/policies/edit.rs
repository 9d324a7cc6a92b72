//! The edit workflow of the Policies pane: the embedded and external editor, drafts, the
//! statement diff before saving, the `if-match` update, and resolving a 412 conflict.

use super::diff::{DiffLine, diff, reapply};
use super::editor::PolicyEditor;
use super::{Conflict, ME, Pending, PoliciesPane, PolicyDialog, dialog};
use crate::app::action::Action;
use crate::app::ctx::{Ctx, Effect};
use crate::app::request::PolicyRequest;
use crate::app::widgets::modal::{Modal, ModalOutcome, Tone, ToneLine};
use crate::model::UpdatePolicyDetails;

impl PoliciesPane {
    pub(super) fn open_editor(&mut self, external: bool, ctx: &mut Ctx) {
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
        if policy.lifecycle_state != crate::model::LifecycleState::Active {
            ctx.toasts.info(format!(
                "policy {} is {}: it cannot be edited",
                policy.name, policy.lifecycle_state
            ));
            return;
        }
        let req = ctx.send_read(ME, PolicyRequest::Get { id: policy.id });
        self.pending.insert(req, Pending::OpenEditor { external });
    }

    pub(super) fn start_external(&mut self, ctx: &mut Ctx) {
        if let Some(editor) = &self.editor {
            ctx.effects.push(Effect::ExternalEdit {
                owner: ME,
                text: editor.text(),
            });
        }
    }

    /// Ctrl-S: show the statement diff and ask before sending anything.
    pub(super) fn ask_save(&mut self, ctx: &mut Ctx) {
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
        lines.push(super::lint::verdict_line(
            ctx.snapshot.data().map(AsRef::as_ref),
            &editor.policy_id,
            &editor.base,
            &mine,
        ));
        lines.extend(super::lint::impact_lines(&editor.base, &mine));
        // The editor's findings are current (recomputed after every change of the text) and
        // tenancy-aware once the snapshot is loaded.
        let findings = if editor.lint.lines.is_empty() {
            super::lint::lint_lines(&mine)
        } else {
            editor.lint.lines.clone()
        };
        let errors = findings.iter().filter(|l| l.tone == Tone::Error).count();
        lines.extend(findings);
        // With errors, Enter keeps editing: saving a broken policy takes a deliberate second
        // choice (moving to the save button first).
        let save = if errors == 0 {
            "Save".to_string()
        } else {
            format!("Save with {errors} error(s)")
        };
        let mut modal = Modal::choice(
            dialog(PolicyDialog::Save),
            "Save policy",
            lines,
            &[&save, "Keep editing"],
        );
        if errors > 0 {
            modal.select_option(1);
        }
        ctx.open(modal);
    }

    pub(super) fn send_update(
        &mut self,
        statements: Vec<String>,
        etag: Option<String>,
        ctx: &mut Ctx,
    ) {
        let Some(editor) = &mut self.editor else {
            return;
        };
        let details = UpdatePolicyDetails {
            statements: Some(statements.clone()),
            ..Default::default()
        };
        let kind = PolicyRequest::Update {
            id: editor.policy_id.clone(),
            details,
            etag,
        };
        let done = format!("policy {} saved", editor.policy_name);
        if let Some(req) = ctx.write_showing_conflicts(ME, kind, done) {
            editor.saving = true;
            self.pending.insert(req, Pending::Save { statements });
        }
    }

    pub(super) fn show_conflict(&mut self, conflict: Conflict, ctx: &mut Ctx) {
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
            dialog(PolicyDialog::Conflict),
            "Conflict: policy changed remotely",
            lines,
            &[
                "Reapply my edit on the new version",
                "Overwrite with my version",
                "Discard my edit",
            ],
        ));
    }

    /// Ctrl-X: an unmodified edit closes at once; a modified one asks first, with "keep
    /// editing" chosen, so one stray key never throws typed work away.
    fn ask_discard(&mut self, ctx: &mut Ctx) {
        let Some(editor) = &self.editor else { return };
        if !editor.is_modified() {
            self.close_editor(true, ctx);
            return;
        }
        let mut lines = vec![ToneLine::new(
            Tone::Heading,
            format!("Discard your edit of {}?", editor.policy_name),
        )];
        lines.extend(change_lines(&editor.base, &editor.statements()));
        let mut modal = Modal::choice(
            dialog(PolicyDialog::Discard),
            "Discard edit",
            lines,
            &["Discard my edit", "Keep editing"],
        );
        modal.select_option(1);
        ctx.open(modal);
    }

    pub(super) fn close_editor(&mut self, discard: bool, ctx: &mut Ctx) {
        if let Some(editor) = self.editor.take() {
            if discard || !editor.is_modified() {
                ctx.drafts.remove(&editor.policy_id);
            }
            if discard {
                ctx.toasts.info("edit discarded");
            } else if editor.is_modified() {
                ctx.toasts.info(format!(
                    "draft kept: press {} on the policy to continue",
                    ctx.key(&Action::Edit)
                ));
            }
        }
    }

    pub(super) fn editor_changed(&mut self, ctx: &mut Ctx) {
        if let Some(editor) = &self.editor {
            if editor.is_modified() {
                ctx.drafts.put(editor.draft());
            } else {
                ctx.drafts.remove(&editor.policy_id);
            }
        }
    }

    pub(super) fn handle_editor(&mut self, action: &Action, ctx: &mut Ctx) -> bool {
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
            Action::Cancel => self.ask_discard(ctx),
            Action::Undo => {
                if editor.textarea.undo() {
                    self.editor_changed(ctx);
                } else {
                    ctx.toasts.info("nothing to undo");
                }
            }
            Action::Redo => {
                if editor.textarea.redo() {
                    self.editor_changed(ctx);
                } else {
                    ctx.toasts.info("nothing to redo");
                }
            }
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

    /// The user's choice in the conflict dialog: reapply, overwrite or discard.
    pub(super) fn resolve_conflict(&mut self, outcome: &ModalOutcome, ctx: &mut Ctx) {
        let Some(conflict) = self.conflict.take() else {
            return;
        };
        match *outcome {
            ModalOutcome::Chose(0) => {
                let Some(editor) = &mut self.editor else {
                    return;
                };
                let merged = reapply(&editor.base, &conflict.mine, &conflict.remote.statements);
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

    pub(super) fn restore_drafts(&mut self, choice: usize, ctx: &mut Ctx) {
        let found = std::mem::take(&mut ctx.drafts.found);
        match choice {
            0 => {
                let first = found.first().cloned();
                for d in found {
                    ctx.drafts.put(d);
                }
                if let Some(d) = first {
                    // At start the policy list may not be loaded yet: the draft knows.
                    let compartment = Some(d.compartment_id.clone())
                        .filter(|c| !c.is_empty())
                        .or_else(|| {
                            self.list
                                .find(&d.policy_id)
                                .map(|p| p.compartment_id.clone())
                        })
                        .unwrap_or_default();
                    self.editor = Some(PolicyEditor::new(
                        &d.policy_id,
                        &d.policy_name,
                        &compartment,
                        d.etag,
                        d.base,
                        &d.text,
                    ));
                    ctx.toasts.info(format!(
                        "draft restored: {} saves it",
                        ctx.key(&Action::Save)
                    ));
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
        dialog(PolicyDialog::RestoreDrafts),
        "Restore drafts",
        lines,
        &["Restore", "Discard", "Later"],
    ))
}
