//! The writes of the Compartments pane: create, rename and describe, move (target picked
//! in the tree), delete (typed confirmation, work request followed to the end), recover.

use crate::app::action::Action;
use crate::app::ctx::Ctx;
use crate::app::panes::PaneDialog;
use crate::app::request::{CompartmentRequest, Payload, Response};
use crate::app::tag_fields::{given, read_tags, tag_fields};
use crate::app::impact::{self, ImpactQuery, Kind, Structural};
use crate::app::validate;
use crate::app::widgets::form::Field;
use crate::app::widgets::modal::{Modal, ModalOutcome, Tone, ToneLine};
use crate::app::bulk_tags::{BulkTarget, bulk_tags_form, send_bulk_tags};
use crate::model::{
    BulkActionResource, Compartment, CreateCompartmentDetails, LifecycleState,
    UpdateCompartmentDetails,
};

use super::{CompartmentsPane, ME, PendingWrite, WorkProgress};

/// The dialogs this pane opens.
#[derive(Debug, Clone, PartialEq)]
pub enum CompartmentDialog {
    Create { parent_id: String },
    Edit { id: String },
    /// A rename, shown with the statements that name the compartment before it is sent.
    ConfirmEdit {
        id: String,
        details: Box<UpdateCompartmentDetails>,
        seen: Box<Compartment>,
    },
    Move { id: String, target_id: String },
    Delete { id: String },
    /// A defined tag on the marked compartments (all children of `parent`).
    BulkTags { parent: String, targets: Vec<BulkTarget> },
    /// A defined tag on marked resources of `source`.
    ResourceTags { source: String, targets: Vec<BulkTarget> },
    /// Pick where the marked resources go.
    MoveResources { source: String, resources: Vec<BulkActionResource> },
    /// The full list of what moves, confirmed by typing.
    ConfirmMoveResources {
        source: String,
        target: String,
        resources: Vec<BulkActionResource>,
    },
    /// The full list of what is deleted, confirmed by typing.
    DeleteResources { source: String, resources: Vec<BulkActionResource> },
}

pub(super) fn dialog(d: CompartmentDialog) -> PaneDialog {
    PaneDialog::Compartments(d)
}

/// The name, description and tag fields, as create and edit show them.
fn fields(ctx: &mut Ctx, c: Option<&Compartment>) -> Vec<Field> {
    let (name, description) = c.map_or(("", ""), |c| (c.name.as_str(), c.description.as_str()));
    let (free, defined) = c.map_or_else(Default::default, |c| {
        (c.freeform_tags.clone(), c.defined_tags.clone())
    });
    let mut fields = vec![
        Field::text("name", "Name")
            .value(name)
            .required()
            .max_chars(100)
            .check(validate::compartment_name)
            .help("letters, digits, - _ . ; unique among its siblings"),
        Field::text("description", "Description")
            .value(description)
            .required()
            .max_chars(400),
    ];
    fields.extend(tag_fields(ctx, ME, &free, &defined));
    fields
}

impl CompartmentsPane {
    pub(super) fn start_write(&mut self, action: &Action, ctx: &mut Ctx) {
        let Some(id) = self.selected_id().map(str::to_string) else {
            return;
        };
        if *action == Action::Create {
            let title = format!("New compartment in {}", ctx.compartment_path(&id));
            let fields = fields(ctx, None);
            ctx.open(Modal::form(
                dialog(CompartmentDialog::Create { parent_id: id }),
                &title,
                fields,
            ));
            return;
        }
        if self.is_root(ctx) {
            ctx.toasts.info("the tenancy itself cannot be changed here");
            return;
        }
        let Some(c) = self.selected_compartment(ctx).cloned() else {
            return;
        };
        let gone = c.lifecycle_state != LifecycleState::Active;
        match action {
            Action::Recover => self.recover(&c, ctx),
            _ if gone => ctx.toasts.info(format!(
                "{} is {}: only active compartments can be changed",
                c.name, c.lifecycle_state
            )),
            Action::Rename | Action::Edit => {
                let fields = fields(ctx, Some(&c));
                ctx.open(Modal::form(
                    dialog(CompartmentDialog::Edit { id }),
                    "Edit compartment",
                    fields,
                ));
            }
            Action::Move => {
                self.moving = Some(id);
                ctx.toasts.info(format!(
                    "pick the new parent in the tree and press {} ({} cancels)",
                    ctx.key(&Action::Select),
                    ctx.key(&Action::Back)
                ));
            }
            Action::Delete => {
                let mut lines = vec![
                    ToneLine::new(
                        Tone::Heading,
                        format!("Delete compartment {}?", ctx.compartment_path(&id)),
                    ),
                    ToneLine::plain(
                        "It must be empty. Deleted compartments can be recovered for a while.",
                    ),
                    ToneLine::new(
                        Tone::Dim,
                        format!("Type its name ({}) to confirm.", c.name),
                    ),
                    ToneLine::plain(""),
                ];
                let query = ImpactQuery::new(Kind::Compartment, &id, Structural::Delete);
                let (found, waiting) = impact::lines(ctx, ME, &query);
                lines.extend(found);
                ctx.open(
                    Modal::typed_confirm(
                        dialog(CompartmentDialog::Delete { id }),
                        "Delete compartment",
                        lines,
                        &c.name,
                    )
                    .with_impact(waiting.then_some(query)),
                );
            }
            _ => {}
        }
    }

    fn recover(&mut self, c: &Compartment, ctx: &mut Ctx) {
        if c.lifecycle_state != LifecycleState::Deleted {
            ctx.toasts
                .info("only deleted compartments can be recovered");
            return;
        }
        let kind = CompartmentRequest::Recover { id: c.id.clone() };
        if let Some(req) = ctx.write(ME, kind, format!("compartment {} recovered", c.name)) {
            self.writes.insert(req, PendingWrite::Reveal);
        }
    }

    pub(super) fn pick_move_target(&mut self, ctx: &mut Ctx) {
        let (Some(source), Some(target)) =
            (self.moving.clone(), self.selected_id().map(str::to_string))
        else {
            return;
        };
        // A compartment cannot move into itself or below itself; the move mode stays on so
        // the user can pick another target.
        let mut current = target.clone();
        for _ in 0..=ctx.compartments.data().map_or(0, |items| items.len()) {
            if current == source {
                ctx.toasts.error(
                    "a compartment cannot move into itself or one of its children: pick another",
                );
                return;
            }
            match ctx.compartment(&current) {
                Some(c) => current.clone_from(&c.compartment_id),
                None => break,
            }
        }
        if ctx
            .compartment(&target)
            .is_some_and(|c| c.lifecycle_state != LifecycleState::Active)
        {
            ctx.toasts
                .error("the new parent must be an active compartment: pick another");
            return;
        }
        self.moving = None;
        let mut lines = vec![
            ToneLine::new(
                Tone::Heading,
                format!("Move {}", ctx.compartment_path(&source)),
            ),
            ToneLine::plain(format!("into {}?", ctx.compartment_path(&target))),
        ];
        let query = ImpactQuery::new(
            Kind::Compartment,
            &source,
            Structural::Move {
                to_parent: target.clone(),
            },
        );
        let (found, waiting) = impact::lines(ctx, ME, &query);
        lines.extend(found);
        ctx.open(
            Modal::choice(
                dialog(CompartmentDialog::Move {
                    id: source,
                    target_id: target,
                }),
                "Move compartment",
                lines,
                &["Move", "Cancel"],
            )
            .with_impact(waiting.then_some(query)),
        );
    }

    pub(super) fn finish_write(&mut self, response: &Response, ctx: &mut Ctx) {
        let Some(write) = self.writes.get(&response.id).cloned() else {
            return;
        };
        if let Ok(Payload::WorkRequest(wr)) = &response.result
            && let Some(progress) = self.work.get_mut(&response.id)
        {
            progress.status = wr.status.to_string();
            progress.percent = wr.percent_complete;
        }
        if !response.done {
            return;
        }
        self.writes.remove(&response.id);
        self.work.remove(&response.id);
        match (&response.result, write) {
            (Err(failure), _) if failure.is_conflict() => {
                // Someone changed the compartment since we read it: nothing was overwritten.
                // Show the conflict and reload so the next try sees their change.
                ctx.open(Modal::text(
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
            (Err(_), _) => {}
            (Ok(payload), PendingWrite::Bulk) => {
                let succeeded = !matches!(payload, Payload::WorkRequest(wr)
                    if wr.status != crate::model::WorkRequestStatus::Succeeded);
                if succeeded {
                    self.marked.clear();
                    self.resources.marked.clear();
                    self.load(ctx);
                    self.load_resources(ctx);
                }
            }
            (Ok(_), PendingWrite::Work) => self.load(ctx),
            (Ok(payload), PendingWrite::Reveal) => {
                let Some(c) = payload.as_item::<Compartment>() else {
                    return;
                };
                let id = c.id.clone();
                if let Some(list) = ctx.compartments.data_mut() {
                    match list.iter_mut().find(|x| x.id == c.id) {
                        Some(existing) => *existing = c,
                        None => list.push(c),
                    }
                }
                ctx.reindex_compartments();
                self.reveal(&id, ctx);
            }
        }
    }

    /// The outcome of one of the pane's dialogs.
    pub(super) fn apply_modal(
        &mut self,
        dialog: CompartmentDialog,
        outcome: ModalOutcome,
        ctx: &mut Ctx,
    ) {
        match (dialog, outcome) {
            (CompartmentDialog::Create { parent_id }, ModalOutcome::Submitted(v)) => {
                let (free, defined) = match read_tags(&v) {
                    Ok(tags) => tags,
                    Err((field, e)) => return ctx.refuse(Some(field), e),
                };
                let details = CreateCompartmentDetails {
                    compartment_id: parent_id,
                    name: v.string("name"),
                    description: v.string("description"),
                    freeform_tags: given(free),
                    defined_tags: given(defined),
                };
                let done = format!("compartment {} created", v.get("name"));
                if let Some(req) = ctx.write(ME, CompartmentRequest::Create(details), done) {
                    self.writes.insert(req, PendingWrite::Reveal);
                }
            }
            (CompartmentDialog::Edit { id }, ModalOutcome::Submitted(v)) => self.edit(id, &v, ctx),
            (CompartmentDialog::ConfirmEdit { id, details, seen }, ModalOutcome::Chose(0)) => {
                self.send_edit(id, *details, *seen, ctx);
            }
            (
                CompartmentDialog::BulkTags {
                    parent: compartment,
                    targets,
                }
                | CompartmentDialog::ResourceTags {
                    source: compartment,
                    targets,
                },
                ModalOutcome::Submitted(v),
            ) => {
                if let Some(req) = send_bulk_tags(ctx, ME, &compartment, &targets, &v) {
                    self.writes.insert(req, PendingWrite::Bulk);
                    self.work.insert(
                        req,
                        WorkProgress {
                            what: format!("tagging {} resource(s)", targets.len()),
                            status: "ACCEPTED".into(),
                            percent: None,
                        },
                    );
                }
            }
            (CompartmentDialog::MoveResources { source, resources }, ModalOutcome::Submitted(v)) => {
                let target = match ctx.resolve_compartment(v.get("target")) {
                    Ok(t) => t,
                    Err(e) => return ctx.refuse(Some("target"), e),
                };
                if target == source {
                    return ctx.refuse(Some("target"), "they are in that compartment already");
                }
                let modal = self.preview(&source, Some(&target), resources, ctx);
                ctx.open(modal);
            }
            (
                CompartmentDialog::ConfirmMoveResources {
                    source,
                    target,
                    resources,
                },
                ModalOutcome::Confirmed,
            ) => self.send_resources_work(source, Some(target), resources, ctx),
            (CompartmentDialog::DeleteResources { source, resources }, ModalOutcome::Confirmed) => {
                self.send_resources_work(source, None, resources, ctx);
            }
            (CompartmentDialog::Move { id, target_id }, ModalOutcome::Chose(0)) => {
                let name = ctx
                    .compartment(&id)
                    .map(|c| c.name.clone())
                    .unwrap_or_default();
                let seen = ctx.compartment(&id).cloned();
                let kind = CompartmentRequest::Move {
                    id,
                    target_id,
                    seen,
                };
                self.start_work(kind, format!("moving {name}"), ctx);
            }
            (CompartmentDialog::Delete { id }, ModalOutcome::Confirmed) => {
                let name = ctx
                    .compartment(&id)
                    .map(|c| c.name.clone())
                    .unwrap_or_default();
                let seen = ctx.compartment(&id).cloned();
                self.start_work(
                    CompartmentRequest::Delete { id, seen },
                    format!("deleting {name}"),
                    ctx,
                );
            }
            _ => {}
        }
    }

    /// Space in the tree: marks or unmarks the selected compartment for a bulk tag edit.
    pub(super) fn toggle_mark(&mut self, ctx: &mut Ctx) {
        let Some(id) = self.selected_id().map(str::to_string) else {
            return;
        };
        if self.is_root(ctx) {
            return ctx.toasts.info("the tenancy itself cannot be marked");
        }
        let marked = if self.marked.remove(&id) {
            false
        } else {
            self.marked.insert(id);
            true
        };
        let n = self.marked.len();
        let verb = if marked { "marked" } else { "unmarked" };
        ctx.toasts.info(format!(
            "{verb}; {n} compartment{} marked",
            if n == 1 { "" } else { "s" }
        ));
    }

    /// `T` in the tree: a defined tag on the marked compartments (else the selected one),
    /// which must share a parent (a bulk edit works within one compartment).
    pub(super) fn start_bulk_tags(&mut self, ctx: &mut Ctx) {
        let ids: Vec<String> = if self.marked.is_empty() {
            self.selected_id()
                .filter(|_| !self.is_root(ctx))
                .map(str::to_string)
                .into_iter()
                .collect()
        } else {
            self.marked.iter().cloned().collect()
        };
        let chosen: Vec<Compartment> = ids.iter().filter_map(|id| ctx.compartment(id).cloned()).collect();
        let Some(first) = chosen.first() else {
            return ctx.toasts.info("mark compartments with Space first (the tenancy itself cannot be tagged here)");
        };
        let parent = first.compartment_id.clone();
        if chosen.iter().any(|c| c.compartment_id != parent) {
            return ctx.toasts.error(
                "the marked compartments have different parents: a bulk tag edit works within one compartment",
            );
        }
        let targets: Vec<BulkTarget> = chosen
            .iter()
            .map(|c| BulkTarget::new(&c.id, "Compartment", &c.name))
            .collect();
        let what = match targets.len() {
            1 => format!("compartment {}", targets[0].name),
            n => format!("{n} compartments"),
        };
        let d = dialog(CompartmentDialog::BulkTags {
            parent,
            targets: targets.clone(),
        });
        if let Some(modal) = bulk_tags_form(ctx, ME, d, &what, &targets) {
            ctx.open(modal);
        }
    }

    fn start_work(&mut self, kind: CompartmentRequest, what: String, ctx: &mut Ctx) {
        let done = format!("{what}: done");
        if let Some(req) = ctx.write_showing_conflicts(ME, kind, done) {
            self.writes.insert(req, PendingWrite::Work);
            self.work.insert(
                req,
                WorkProgress {
                    what,
                    status: "ACCEPTED".into(),
                    percent: None,
                },
            );
        }
    }
}
