//! The Tags pane's writes: which dialog each key opens for namespaces, tags (with ENUM
//! validators and cost tracking) and tag defaults, and the request sent when it is confirmed.
//! The form pieces are in `forms`, the answers in `results`.

use crate::model::{
    CreateTagDefaultDetails, CreateTagDetails, CreateTagNamespaceDetails, Tag, TagValidator,
    UpdateTagDefaultDetails, UpdateTagDetails, UpdateTagNamespaceDetails,
};

use super::forms::parse_values;
use super::locks::locks_of;
use crate::app::tag_fields::{changed, given, read_tags};
use super::{ME, TagsChange, TagsDialog, TagsPane, TagsStep};
use crate::app::ctx::Ctx;
use crate::app::request::TagRequest;
use crate::app::widgets::form::FormValues;
use crate::app::widgets::modal::ModalOutcome;

impl TagsPane {
    pub(crate) fn finish_dialog(&mut self, dialog: TagsDialog, outcome: ModalOutcome, ctx: &mut Ctx) {
        match (dialog, outcome) {
            (dialog, ModalOutcome::Submitted(values)) => self.submit(dialog, &values, ctx),
            (dialog, ModalOutcome::Confirmed) => self.confirmed(dialog, ctx),
            (TagsDialog::OverrideLock, ModalOutcome::Chose(i)) => self.override_chosen(i, ctx),
            (TagsDialog::OverrideLock, _) => self.refused = None,
            (TagsDialog::RemoveLock { id, default }, ModalOutcome::Chose(i)) => {
                self.remove_lock(id, default, i, ctx);
            }
            (TagsDialog::RetireThenDelete { id }, ModalOutcome::Chose(0)) => {
                ctx.open(self.confirm_namespace_delete(&id, true));
            }
            (TagsDialog::RetireThenDeleteTag { namespace_id, name }, ModalOutcome::Chose(0)) => {
                let path = self.tag_path(&namespace_id, &name);
                ctx.open(super::delete::confirm_tag_delete(&namespace_id, &path, &name, true));
            }
            (TagsDialog::ImportStandard { name }, ModalOutcome::Chose(0)) => self.import(&name, ctx),
            (dialog, ModalOutcome::Chose(0)) => self.retire(dialog, ctx),
            _ => {}
        }
    }

    fn submit(&mut self, dialog: TagsDialog, v: &FormValues, ctx: &mut Ctx) {
        match dialog {
            TagsDialog::Scope => match ctx.resolve_compartment(v.get("compartment")) {
                Ok(id) => {
                    self.scope = (id != ctx.session.tenancy_id).then_some(id);
                    self.defaults = crate::app::widgets::list_view::ListView::default();
                }
                Err(e) => ctx.refuse(Some("compartment"), e),
            },
            TagsDialog::CreateNamespace => {
                let compartment_id = match ctx.resolve_compartment(v.get("compartment")) {
                    Ok(id) => id,
                    Err(e) => return ctx.refuse(Some("compartment"), e),
                };
                let (free, defined) = match read_tags(v) {
                    Ok(tags) => tags,
                    Err((field, e)) => return ctx.refuse(Some(field), e),
                };
                let details = CreateTagNamespaceDetails {
                    compartment_id,
                    name: v.string("name"),
                    description: v.string("description"),
                    freeform_tags: given(free),
                    defined_tags: given(defined),
                    locks: locks_of(v),
                };
                let done = format!("created tag namespace {}", v.get("name"));
                self.send(TagRequest::CreateNamespace(details), done, TagsChange::Upsert, ctx);
            }
            TagsDialog::EditNamespace { id } => {
                let Some(ns) = self.namespaces.find(&id) else {
                    return;
                };
                let (free, defined) = match read_tags(v) {
                    Ok(tags) => tags,
                    Err((field, e)) => return ctx.refuse(Some(field), e),
                };
                let details = UpdateTagNamespaceDetails {
                    description: changed(&ns.description, v.string("description")),
                    is_retired: None,
                    freeform_tags: changed(&ns.freeform_tags, free),
                    defined_tags: changed(&ns.defined_tags, defined),
                };
                if details == UpdateTagNamespaceDetails::default() {
                    return ctx.toasts.info("nothing changed");
                }
                let done = format!("updated tag namespace {}", self.ns_name(&id));
                self.send(
                    TagRequest::UpdateNamespace { id, details },
                    done,
                    TagsChange::Upsert,
                    ctx,
                );
            }
            TagsDialog::CreateTag { namespace_id } => {
                let Ok(values) = parse_values(v.get("values")) else {
                    return;
                };
                let (free, defined) = match read_tags(v) {
                    Ok(tags) => tags,
                    Err((field, e)) => return ctx.refuse(Some(field), e),
                };
                let details = CreateTagDetails {
                    name: v.string("name"),
                    description: v.string("description"),
                    freeform_tags: given(free),
                    defined_tags: given(defined),
                    is_cost_tracking: Some(v.yes("cost_tracking")),
                    validator: values.map(|values| TagValidator::Enum { values }),
                };
                let done = format!("created tag {}", self.tag_path(&namespace_id, v.get("name")));
                self.send(
                    TagRequest::CreateTag {
                        namespace_id,
                        details,
                    },
                    done,
                    TagsChange::Upsert,
                    ctx,
                );
            }
            TagsDialog::EditTag { namespace_id, name } => {
                let Ok(values) = parse_values(v.get("values")) else {
                    return;
                };
                let (free, defined) = match read_tags(v) {
                    Ok(tags) => tags,
                    Err((field, e)) => return ctx.refuse(Some(field), e),
                };
                let old = self
                    .tags
                    .get(&namespace_id)
                    .and_then(|l| l.all().iter().find(|t| t.name == name))
                    .cloned();
                let details = UpdateTagDetails {
                    description: Some(v.string("description")),
                    is_cost_tracking: Some(v.yes("cost_tracking")),
                    validator: Some(match values {
                        Some(values) => TagValidator::Enum { values },
                        None => TagValidator::Default,
                    }),
                    freeform_tags: old.as_ref().and_then(|t| changed(&t.freeform_tags, free)),
                    defined_tags: old.as_ref().and_then(|t| changed(&t.defined_tags, defined)),
                    ..UpdateTagDetails::default()
                };
                let done = format!("updated tag {}", self.tag_path(&namespace_id, &name));
                self.send(
                    TagRequest::UpdateTag {
                        namespace_id,
                        name,
                        details,
                    },
                    done,
                    TagsChange::Upsert,
                    ctx,
                );
            }
            TagsDialog::CreateDefault { compartment_id } => {
                let (namespace_id, tag) = match self.find_tag_by_path(v.get("tag")) {
                    Ok((ns, tag)) => (ns, tag.clone()),
                    Err(e) => return ctx.refuse(Some("tag"), e),
                };
                let required = v.yes("required");
                if let Err(e) = super::forms::check_value(v.get("value"), required, None) {
                    return ctx.refuse(Some("value"), e);
                }
                let details = CreateTagDefaultDetails {
                    compartment_id,
                    tag_definition_id: tag.id.clone(),
                    value: v.string("value"),
                    is_required: Some(required),
                    locks: locks_of(v),
                };
                // A listing lacks the validator: read the tag, check the value, then create.
                let read = ctx.send_read(
                    ME,
                    TagRequest::GetTag {
                        namespace_id,
                        name: tag.name.clone(),
                    },
                );
                ctx.hold_form(read);
                self.steps.insert(read, TagsStep::CreateDefault(details));
            }
            TagsDialog::EditDefault { id, etag } => {
                let Some(d) = self.defaults.find(&id) else {
                    return;
                };
                let required = v.yes("required");
                if let Err(e) = super::forms::check_value(v.get("value"), required, None) {
                    return ctx.refuse(Some("value"), e);
                }
                let read = ctx.send_read(
                    ME,
                    TagRequest::GetTag {
                        namespace_id: d.tag_namespace_id.clone(),
                        name: d.tag_definition_name.clone(),
                    },
                );
                let details = UpdateTagDefaultDetails {
                    value: v.string("value"),
                    is_required: Some(required),
                };
                ctx.hold_form(read);
                self.steps
                    .insert(read, TagsStep::UpdateDefault { id, details, etag });
            }
            TagsDialog::MoveNamespace { id } => {
                let compartment_id = match ctx.resolve_compartment(v.get("compartment")) {
                    Ok(c) => c,
                    Err(e) => return ctx.refuse(Some("compartment"), e),
                };
                if self.namespaces.find(&id).is_some_and(|n| n.compartment_id == compartment_id) {
                    return ctx.refuse(Some("compartment"), "it is in that compartment already");
                }
                let done = format!(
                    "moved tag namespace {} to {}",
                    self.ns_name(&id),
                    ctx.compartment_path(&compartment_id)
                );
                let kind = TagRequest::ChangeNamespaceCompartment { id, compartment_id };
                self.send(kind, done, TagsChange::Upsert, ctx);
            }
            TagsDialog::AddLock { id, default } => self.add_lock(id, default, v, ctx),
            _ => {}
        }
    }

    fn confirmed(&mut self, dialog: TagsDialog, ctx: &mut Ctx) {
        match dialog {
            TagsDialog::DeleteNamespace { id, retire_first } => {
                self.delete_namespace(id, retire_first, ctx);
            }
            TagsDialog::DeleteTag {
                namespace_id,
                name,
                retire_first,
            } => self.delete_tag(namespace_id, name, retire_first, ctx),
            TagsDialog::BulkDeleteTags { namespace_id, ids } => {
                self.bulk_delete_tags(namespace_id, ids, ctx);
            }
            TagsDialog::DeleteDefault { id } => self.send(
                TagRequest::DeleteDefault { id: id.clone() },
                "deleted the tag default".to_string(),
                TagsChange::RemoveDefault(id),
                ctx,
            ),
            _ => {}
        }
    }

    fn retire(&mut self, dialog: TagsDialog, ctx: &mut Ctx) {
        let verb = |retire: bool| if retire { "retired" } else { "reactivated" };
        match dialog {
            TagsDialog::RetireNamespace { id, retire } => {
                let done = format!("{} tag namespace {}", verb(retire), self.ns_name(&id));
                let details = UpdateTagNamespaceDetails {
                    is_retired: Some(retire),
                    ..UpdateTagNamespaceDetails::default()
                };
                self.send(
                    TagRequest::UpdateNamespace { id, details },
                    done,
                    TagsChange::Upsert,
                    ctx,
                );
            }
            TagsDialog::RetireTag {
                namespace_id,
                name,
                retire,
            } => {
                let done = format!(
                    "{} tag {}",
                    verb(retire),
                    self.tag_path(&namespace_id, &name)
                );
                let details = UpdateTagDetails {
                    is_retired: Some(retire),
                    ..UpdateTagDetails::default()
                };
                self.send(
                    TagRequest::UpdateTag {
                        namespace_id,
                        name,
                        details,
                    },
                    done,
                    TagsChange::Upsert,
                    ctx,
                );
            }
            _ => {}
        }
    }

    pub(super) fn ns_name(&self, id: &str) -> String {
        self.namespaces
            .find(id)
            .map_or_else(|| id.to_string(), |n| n.name.clone())
    }

    /// The namespace OCID and the tag named by `Namespace.key` (case-insensitive).
    fn find_tag_by_path(&self, path: &str) -> Result<(String, &Tag), String> {
        let Some((ns_name, key)) = path.split_once('.') else {
            return Err(format!("'{path}' is not Namespace.key"));
        };
        let ns = self
            .namespaces
            .all()
            .iter()
            .find(|n| n.name.eq_ignore_ascii_case(ns_name))
            .ok_or_else(|| format!("no tag namespace named '{ns_name}'"))?;
        self.tags
            .get(&ns.id)
            .and_then(|l| l.all().iter().find(|t| t.name.eq_ignore_ascii_case(key)))
            .map(|t| (ns.id.clone(), t))
            .ok_or_else(|| format!("no tag '{key}' in namespace {}", ns.name))
    }
}
