//! A compartment's resources of other services (instances, buckets, volumes ...), listed
//! with Resource Search, and what can be done to many of them at once: a defined tag edit,
//! a move to another compartment and a delete, each previewed in full and confirmed by
//! typing, and followed to the end of its work request. Which types bulk move and bulk
//! delete take comes from the service (`listBulkActionResourceTypes`).

use std::collections::BTreeMap;

use crate::model::{
    BulkActionResource, BulkActionResourceType, BulkActionType, BulkDeleteResourcesDetails,
    BulkMoveResourcesDetails, ResourceSummary,
};

use super::{CompartmentDialog, CompartmentsFocus, CompartmentsPane, ME, PendingWrite, WorkProgress};
use crate::app::action::Action;
use crate::app::bulk_tags::{BulkTarget, bulk_tags_form};
use crate::app::ctx::Ctx;
use crate::app::panes::PaneDialog;
use crate::app::request::{BulkRequest, Payload, Response};
use crate::app::resource::{Column, Noun, Presence, Resource, Width};
use crate::app::widgets::form::Field;
use crate::app::widgets::loadable::Loadable;
use crate::app::widgets::modal::{Modal, Tone, ToneLine};

impl Resource for ResourceSummary {
    const NOUN: Noun = Noun {
        one: "resource",
        many: "resources",
    };

    fn id(&self) -> &str {
        &self.identifier
    }

    fn name(&self) -> &str {
        self.display_name.as_deref().unwrap_or(&self.identifier)
    }

    fn columns() -> Vec<Column<Self>> {
        vec![
            Column::new("Resource", Width::Fill(1), |r, _| r.name().to_string()),
            Column::new("Type", Width::Fixed(18), |r, _| r.resource_type.clone()),
            Column::new("State", Width::Fixed(10), |r, _| {
                r.lifecycle_state.clone().unwrap_or_default()
            }),
        ]
    }

    fn detail(&self, ctx: &Ctx) -> Vec<(&'static str, String)> {
        let mut out = vec![
            ("OCID", self.identifier.clone()),
            ("Type", self.resource_type.clone()),
            ("Compartment", ctx.compartment_path(&self.compartment_id)),
            ("State", self.lifecycle_state.clone().unwrap_or_default()),
            ("Created", self.time_created.clone().unwrap_or_default()),
        ];
        for (k, v) in metadata(self).unwrap_or_default() {
            out.push(("Metadata", format!("{k} = {v}")));
        }
        for (k, v) in &self.freeform_tags {
            out.push(("Tag", format!("{k} = {v}")));
        }
        for (ns, tags) in &self.defined_tags {
            for (k, v) in tags {
                let v = v.as_str().map_or_else(|| v.to_string(), str::to_string);
                out.push(("Tag", format!("{ns}.{k} = {v}")));
            }
        }
        out
    }

    fn presence(&self) -> Presence {
        match self.lifecycle_state.as_deref() {
            Some("DELETED" | "TERMINATED" | "DELETING" | "TERMINATING") => Presence::Gone,
            _ => Presence::Live,
        }
    }

    fn compartment_id(&self) -> Option<&str> {
        Some(&self.compartment_id)
    }

    fn actions() -> &'static [Action] {
        &[Action::BulkTags, Action::Move, Action::Delete]
    }
}

/// What besides the OCID names the resource to a bulk operation (a bucket's namespace and
/// name), from what the search answered.
fn metadata(r: &ResourceSummary) -> Option<BTreeMap<String, String>> {
    let details = r.additional_details.as_ref()?;
    let out: BTreeMap<String, String> = details
        .iter()
        .filter_map(|(k, v)| Some((k.clone(), v.as_str()?.to_string())))
        .collect();
    (!out.is_empty()).then_some(out)
}

fn action_resource(r: &ResourceSummary) -> BulkActionResource {
    BulkActionResource {
        identifier: r.identifier.clone(),
        entity_type: r.resource_type.clone(),
        metadata: metadata(r),
    }
}

impl CompartmentsPane {
    /// `R`: the selected compartment's resources (and which types can move or go).
    pub(super) fn open_resources(&mut self, ctx: &mut Ctx) {
        let Some(id) = self.selected_id().map(str::to_string) else {
            return;
        };
        self.focus = CompartmentsFocus::Resources;
        if self.resources_of.as_deref() != Some(&id) {
            self.resources = crate::app::widgets::list_view::ListView::default();
            self.resources_of = Some(id);
        }
        self.load_resources(ctx);
        for kind in [BulkActionType::BulkMoveResources, BulkActionType::BulkDeleteResources] {
            if !self.action_types.contains_key(kind.as_str()) {
                let read = ctx.send_read(ME, BulkRequest::ListActionTypes(kind.clone()));
                self.type_reads.insert(read, kind);
            }
        }
    }

    pub(super) fn load_resources(&mut self, ctx: &mut Ctx) {
        if let Some(compartment_id) = self.resources_of.clone() {
            let read = ctx.send_read(ME, BulkRequest::SearchResources { compartment_id });
            self.resources.start_loading(read);
        }
    }

    /// Takes the resource listing or a list of bulk action types; false if neither.
    pub(super) fn take_resources(&mut self, response: &mut Response, ctx: &mut Ctx) -> bool {
        if self.resources.take_response(response, ctx) {
            return true;
        }
        let Some(kind) = self.type_reads.remove(&response.id) else {
            return false;
        };
        if let Ok(Payload::Items(items)) = &response.result
            && let Some(types) = items.clone().take::<BulkActionResourceType>()
        {
            self.action_types.insert(kind.as_str().to_string(), types);
        } else if let Err(f) = &response.result {
            ctx.toasts.error(f.summary());
        }
        true
    }

    /// The marked resources, else the selected one.
    fn chosen_resources(&self) -> Vec<ResourceSummary> {
        let marked = self.resources.marked_items();
        if marked.is_empty() {
            self.resources.selected().cloned().into_iter().collect()
        } else {
            marked.into_iter().cloned().collect()
        }
    }

    /// Which of `chosen` the service does not take for `kind` (by type), once it said.
    fn refused_types(&self, kind: &BulkActionType, chosen: &[ResourceSummary]) -> Option<Vec<String>> {
        let types = self.action_types.get(kind.as_str())?;
        let mut bad: Vec<String> = chosen
            .iter()
            .filter(|r| !types.iter().any(|t| t.name == r.resource_type))
            .map(|r| r.resource_type.clone())
            .collect();
        bad.dedup();
        Some(bad)
    }

    /// `T`, `m` or `D` in the resources list.
    pub(super) fn resources_action(&mut self, action: &Action, ctx: &mut Ctx) {
        let Some(source) = self.resources_of.clone() else {
            return;
        };
        let chosen = self.chosen_resources();
        if chosen.is_empty() {
            return ctx.toasts.info("no resource marked or selected");
        }
        if let Some(gone) = chosen.iter().find(|r| r.presence() == Presence::Gone) {
            return ctx.toasts.info(format!("{} is being deleted or gone", gone.name()));
        }
        let what = match chosen.len() {
            1 => format!("{} {}", chosen[0].resource_type, chosen[0].name()),
            n => format!("{n} resources"),
        };
        if *action == Action::BulkTags {
            let targets: Vec<BulkTarget> = chosen
                .iter()
                .map(|r| BulkTarget {
                    metadata: metadata(r),
                    ..BulkTarget::new(&r.identifier, &r.resource_type, r.name())
                })
                .collect();
            let d = PaneDialog::Compartments(CompartmentDialog::ResourceTags {
                source,
                targets: targets.clone(),
            });
            if let Some(modal) = bulk_tags_form(ctx, ME, d, &what, &targets) {
                ctx.open(modal);
            }
            return;
        }
        let kind = if *action == Action::Move {
            BulkActionType::BulkMoveResources
        } else {
            BulkActionType::BulkDeleteResources
        };
        match self.refused_types(&kind, &chosen) {
            None => return ctx.toasts.info("reading which resource types the service takes; try again"),
            Some(bad) if !bad.is_empty() => {
                let verb = if *action == Action::Move { "move" } else { "delete" };
                return ctx.toasts.error(format!(
                    "the service does not {verb} {} in bulk",
                    bad.join(", ")
                ));
            }
            Some(_) => {}
        }
        let resources: Vec<BulkActionResource> = chosen.iter().map(action_resource).collect();
        if *action == Action::Move {
            let paths = std::sync::Arc::new(ctx.compartment_paths());
            ctx.open(Modal::form(
                PaneDialog::Compartments(CompartmentDialog::MoveResources { source, resources }),
                &format!("Move {what}"),
                vec![
                    Field::suggest("target", "To compartment", paths)
                        .required()
                        .help("a path like Prod/AppTier or an OCID; the next step shows all that moves"),
                ],
            ));
        } else {
            let modal = self.preview(&source, None, resources, ctx);
            ctx.open(modal);
        }
    }

    /// The typed confirmation listing every resource that moves (`target`) or is deleted.
    pub(super) fn preview(
        &self,
        source: &str,
        target: Option<&str>,
        resources: Vec<BulkActionResource>,
        ctx: &Ctx,
    ) -> Modal {
        let n = resources.len();
        let verb = if target.is_some() { "move" } else { "delete" };
        let expected = format!("{verb} {n} resource{}", if n == 1 { "" } else { "s" });
        let mut lines = vec![ToneLine::new(
            Tone::Heading,
            match target {
                Some(t) => format!(
                    "Move {n} from {} to {}:",
                    ctx.compartment_path(source),
                    ctx.compartment_path(t)
                ),
                None => format!("Delete {n} from {}:", ctx.compartment_path(source)),
            },
        )];
        for r in &resources {
            let name = self
                .resources
                .find(&r.identifier)
                .map_or(r.identifier.as_str(), |x| x.name());
            lines.push(ToneLine::plain(format!("  {} {name}", r.entity_type)));
            lines.push(ToneLine::new(Tone::Dim, format!("    {}", r.identifier)));
        }
        lines.push(ToneLine::plain(if target.is_some() {
            "Policies that grant by compartment apply to them there from now on."
        } else {
            "They are deleted for good (instances terminated)."
        }));
        lines.push(ToneLine::new(Tone::Dim, format!("Type {expected} to confirm.")));
        let d = match target {
            Some(t) => CompartmentDialog::ConfirmMoveResources {
                source: source.to_string(),
                target: t.to_string(),
                resources,
            },
            None => CompartmentDialog::DeleteResources {
                source: source.to_string(),
                resources,
            },
        };
        let title = if target.is_some() { "Move resources" } else { "Delete resources" };
        Modal::typed_confirm(PaneDialog::Compartments(d), title, lines, &expected)
    }

    pub(super) fn send_resources_work(
        &mut self,
        source: String,
        target: Option<String>,
        resources: Vec<BulkActionResource>,
        ctx: &mut Ctx,
    ) {
        let n = resources.len();
        let (kind, what) = match target {
            Some(target_compartment_id) => (
                BulkRequest::MoveResources {
                    compartment_id: source,
                    details: BulkMoveResourcesDetails {
                        resources,
                        target_compartment_id,
                    },
                },
                format!("moving {n} resource(s)"),
            ),
            None => (
                BulkRequest::DeleteResources {
                    compartment_id: source,
                    details: BulkDeleteResourcesDetails { resources },
                },
                format!("deleting {n} resource(s)"),
            ),
        };
        self.start_bulk(kind, what, ctx);
    }

    /// Sends a bulk write whose work request is followed under the list; the resources are
    /// read again when it ends.
    pub(super) fn start_bulk(&mut self, kind: BulkRequest, what: String, ctx: &mut Ctx) {
        let done = format!("{what}: done");
        if let Some(req) = ctx.write(ME, kind, done) {
            self.writes.insert(req, PendingWrite::Bulk);
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

    /// The effective tag set of the selected compartment, read once per compartment.
    pub(super) fn load_effective(&mut self, ctx: &mut Ctx) {
        let Some(id) = self.selected_id().map(str::to_string) else {
            return;
        };
        if self.effective.contains_key(&id) {
            return;
        }
        ctx.ensure_tag_catalogue(ME);
        let read = ctx.send_read(
            ME,
            crate::app::request::TagRequest::EffectiveTagSet {
                compartment_id: id.clone(),
            },
        );
        self.effective.insert(id, Loadable::loading(read));
    }

    pub(super) fn take_effective(&mut self, response: &Response) -> bool {
        let Some(slot) = self.effective.values_mut().find(|l| l.awaits(response.id)) else {
            return false;
        };
        *slot = match &response.result {
            Ok(Payload::Items(items)) => items
                .clone()
                .take()
                .map_or_else(|| Loadable::Failed(crate::app::request::Failure::local("UnexpectedAnswer", "not tag defaults")), Loadable::Loaded),
            Ok(other) => Loadable::Failed(crate::app::request::Failure::unexpected("the effective tag set", other)),
            Err(f) => Loadable::Failed(f.clone()),
        };
        true
    }
}
