//! The writes of the Compartments pane: create, rename and describe, move (target picked
//! in the tree), delete (typed confirmation, work request followed to the end), recover.

use crate::model::{CreateCompartmentDetails, LifecycleState, UpdateCompartmentDetails};

use super::action::Action;
use super::compartments::{CompartmentsPane, PendingWrite, WorkProgress};
use super::ctx::Ctx;
use super::modal::{FormField, Modal, ModalOutcome, ModalPurpose, Tone, ToneLine};
use super::pane_id::PaneId;
use super::request::{Payload, RequestId, RequestKind, Response};
use super::validate;

const ME: PaneId = PaneId::Compartments;

impl CompartmentsPane {
    pub(super) fn start_write(&mut self, action: &Action, ctx: &mut Ctx) {
        let Some(id) = self.selected_id().map(str::to_string) else {
            return;
        };
        let name = self.selected_compartment(ctx).map(|c| c.name.clone());
        match action {
            Action::Create => ctx.open(Modal::form(
                ME,
                ModalPurpose::CreateCompartment {
                    parent_id: id.clone(),
                },
                &format!("New compartment in {}", ctx.compartment_path(&id)),
                vec![
                    FormField::new("Name", "", "letters, digits, - _ . ; unique in the tenancy"),
                    FormField::new("Description", "", "required"),
                ],
            )),
            _ if self.is_root(ctx) => ctx.toasts.info("the tenancy itself cannot be changed here"),
            Action::Rename | Action::Edit => {
                let Some(c) = self.selected_compartment(ctx) else {
                    return;
                };
                let modal = Modal::form(
                    ME,
                    ModalPurpose::EditCompartment { id: id.clone() },
                    "Rename or describe compartment",
                    vec![
                        FormField::new("Name", &c.name, ""),
                        FormField::new("Description", &c.description, ""),
                    ],
                );
                ctx.open(modal);
            }
            Action::Move => {
                self.moving = Some(id);
                ctx.toasts
                    .info("pick the new parent in the tree and press Enter (Esc cancels)");
            }
            Action::Delete => {
                if self
                    .selected_compartment(ctx)
                    .is_some_and(|c| c.lifecycle_state != LifecycleState::Active)
                {
                    ctx.toasts.info("only active compartments can be deleted");
                    return;
                }
                let name = name.unwrap_or_default();
                let lines = vec![
                    ToneLine::new(
                        Tone::Heading,
                        format!("Delete compartment {}?", ctx.compartment_path(&id)),
                    ),
                    ToneLine::plain(
                        "It must be empty. Deleted compartments can be recovered for a while.",
                    ),
                    ToneLine::plain(""),
                    ToneLine::new(
                        Tone::Dim,
                        format!("Type its name ({name}) and press Enter."),
                    ),
                ];
                ctx.open(Modal::typed_confirm(
                    ME,
                    ModalPurpose::DeleteCompartment { id },
                    "Delete compartment",
                    lines,
                    &name,
                ));
            }
            Action::Recover => {
                let Some(c) = self.selected_compartment(ctx) else {
                    return;
                };
                if c.lifecycle_state != LifecycleState::Deleted {
                    ctx.toasts
                        .info("only deleted compartments can be recovered");
                    return;
                }
                let name = c.name.clone();
                if let Some(req) = ctx.send(ME, RequestKind::RecoverCompartment { id }) {
                    self.writes.insert(req, PendingWrite::Recover { name });
                }
            }
            _ => {}
        }
    }

    pub(super) fn pick_move_target(&mut self, ctx: &mut Ctx) {
        let (Some(source), Some(target)) =
            (self.moving.take(), self.selected_id().map(str::to_string))
        else {
            return;
        };
        // A compartment cannot move into itself or below itself.
        let mut current = target.clone();
        for _ in 0..=ctx.compartments.data().map_or(0, Vec::len) {
            if current == source {
                ctx.toasts
                    .error("a compartment cannot move into itself or one of its children");
                return;
            }
            match ctx.compartment(&current) {
                Some(c) => current.clone_from(&c.compartment_id),
                None => break,
            }
        }
        let lines = vec![
            ToneLine::new(
                Tone::Heading,
                format!("Move {}", ctx.compartment_path(&source)),
            ),
            ToneLine::plain(format!("into {}?", ctx.compartment_path(&target))),
            ToneLine::new(
                Tone::Dim,
                "Policies that name the old path may stop matching.",
            ),
        ];
        ctx.open(Modal::choice(
            ME,
            ModalPurpose::MoveCompartment {
                id: source,
                target_id: target,
            },
            "Move compartment",
            lines,
            &["Move", "Cancel"],
        ));
    }

    pub(super) fn finish_write(&mut self, request: RequestId, response: &Response, ctx: &mut Ctx) {
        let Some(write) = self.writes.get(&request).cloned() else {
            return;
        };
        match &response.result {
            Err(failure) if failure.is_conflict() => {
                // Someone changed the compartment since we read its etag: nothing was
                // overwritten. Show the conflict and reload so the next try sees their change.
                self.writes.remove(&request);
                self.work.remove(&request);
                ctx.open(Modal::text(
                    ME,
                    "Conflict",
                    vec![
                        ToneLine::new(
                            Tone::Error,
                            "the compartment changed since it was read; nothing was written",
                        ),
                        ToneLine::new(Tone::Dim, failure.summary()),
                        ToneLine::plain("the list is reloading: check the change and try again"),
                    ],
                ));
                self.load(ctx);
            }
            Err(failure) => {
                self.writes.remove(&request);
                self.work.remove(&request);
                ctx.toasts.error(failure.summary());
            }
            Ok(Payload::WorkRequest(wr)) => {
                let what = match &write {
                    PendingWrite::Move { name } => format!("moving {name}"),
                    PendingWrite::Delete { name } => format!("deleting {name}"),
                    _ => String::new(),
                };
                self.work.insert(
                    request,
                    WorkProgress {
                        what: what.clone(),
                        status: wr.status.to_string(),
                        percent: wr.percent_complete,
                    },
                );
                if response.done {
                    self.writes.remove(&request);
                    self.work.remove(&request);
                    if wr.status == crate::model::WorkRequestStatus::Succeeded {
                        ctx.toasts.success(format!("{what}: done"));
                    } else {
                        let why = wr
                            .errors
                            .first()
                            .map(|e| format!(": {} {}", e.code, e.message))
                            .unwrap_or_default();
                        ctx.toasts.error(format!("{what}: {}{why}", wr.status));
                    }
                    self.load(ctx);
                }
            }
            Ok(Payload::Compartment(c)) => {
                self.writes.remove(&request);
                let verb = match write {
                    PendingWrite::Create { .. } => "created",
                    PendingWrite::Recover { .. } => "recovered",
                    _ => "updated",
                };
                ctx.toasts.success(format!("compartment {} {verb}", c.name));
                let id = c.id.clone();
                if let Some(list) = ctx.compartments.data_mut() {
                    match list.iter_mut().find(|x| x.id == c.id) {
                        Some(existing) => *existing = c.clone(),
                        None => list.push(c.clone()),
                    }
                }
                ctx.reindex_compartments();
                self.reveal(&id, ctx);
            }
            Ok(_) => {
                self.writes.remove(&request);
            }
        }
    }

    /// The outcome of one of the pane's dialogs.
    pub(super) fn apply_modal(
        &mut self,
        purpose: ModalPurpose,
        outcome: ModalOutcome,
        ctx: &mut Ctx,
    ) {
        match (purpose, outcome) {
            (ModalPurpose::CreateCompartment { parent_id }, ModalOutcome::Submitted(v)) => {
                let (name, description) = (v[0].clone(), v[1].clone());
                if let Err(e) =
                    validate::name(&name, "the name", 100).and(validate::description(&description))
                {
                    ctx.reopen_with_error(e);
                    return;
                }
                let details = CreateCompartmentDetails {
                    compartment_id: parent_id,
                    name: name.clone(),
                    description,
                    freeform_tags: None,
                    defined_tags: None,
                };
                if let Some(req) = ctx.send(ME, RequestKind::CreateCompartment(details)) {
                    self.writes.insert(req, PendingWrite::Create { name });
                }
            }
            (ModalPurpose::EditCompartment { id }, ModalOutcome::Submitted(v)) => {
                let (name, description) = (v[0].clone(), v[1].clone());
                if let Err(e) =
                    validate::name(&name, "the name", 100).and(validate::description(&description))
                {
                    ctx.reopen_with_error(e);
                    return;
                }
                let Some(c) = ctx.compartment(&id) else {
                    return;
                };
                let details = UpdateCompartmentDetails {
                    name: (c.name != name).then(|| name.clone()),
                    description: (c.description != description).then_some(description),
                    ..Default::default()
                };
                if details == UpdateCompartmentDetails::default() {
                    ctx.toasts.info("nothing changed");
                    return;
                }
                let seen = Some(c.clone());
                let kind = RequestKind::UpdateCompartment { id, details, seen };
                if let Some(req) = ctx.send(ME, kind) {
                    self.writes.insert(req, PendingWrite::Update { name });
                }
            }
            (ModalPurpose::MoveCompartment { id, target_id }, ModalOutcome::Chose(0)) => {
                let name = ctx
                    .compartment(&id)
                    .map(|c| c.name.clone())
                    .unwrap_or_default();
                let seen = ctx.compartment(&id).cloned();
                let kind = RequestKind::MoveCompartment {
                    id,
                    target_id,
                    seen,
                };
                if let Some(req) = ctx.send(ME, kind) {
                    self.writes
                        .insert(req, PendingWrite::Move { name: name.clone() });
                    self.work.insert(
                        req,
                        WorkProgress {
                            what: format!("moving {name}"),
                            status: "ACCEPTED".into(),
                            percent: None,
                        },
                    );
                }
            }
            (ModalPurpose::DeleteCompartment { id }, ModalOutcome::Confirmed) => {
                let name = ctx
                    .compartment(&id)
                    .map(|c| c.name.clone())
                    .unwrap_or_default();
                let seen = ctx.compartment(&id).cloned();
                if let Some(req) = ctx.send(ME, RequestKind::DeleteCompartment { id, seen }) {
                    self.writes
                        .insert(req, PendingWrite::Delete { name: name.clone() });
                    self.work.insert(
                        req,
                        WorkProgress {
                            what: format!("deleting {name}"),
                            status: "ACCEPTED".into(),
                            percent: None,
                        },
                    );
                }
            }
            _ => {}
        }
    }
}
