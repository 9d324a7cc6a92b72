//! The Tags pane's writes: which dialog each key opens for namespaces, tags (with ENUM
//! validators and cost tracking) and tag defaults, and the request sent when it is confirmed.
//! The dialogs and checks themselves are in `tags_forms`, the answers in `tags_results`.

use crate::model::{
    CreateTagDefaultDetails, CreateTagDetails, CreateTagNamespaceDetails, Tag, TagValidator,
    UpdateTagDefaultDetails, UpdateTagDetails, UpdateTagNamespaceDetails,
};

use super::action::Action;
use super::ctx::Ctx;
use super::modal::{FormField, Modal, ModalOutcome};
use super::request::RequestKind;
use super::tags::{ME, TagsChange, TagsDialog, TagsFocus, TagsPane, TagsView, TagsWrite};
use super::tags_forms::{
    check_value, parse_values, purpose, resolve_compartment, retire_choice, tag_name, typed_delete,
    yes,
};
use super::validate;

impl TagsPane {
    fn send_write(
        &mut self,
        kind: RequestKind,
        done: String,
        change: TagsChange,
        ctx: &mut Ctx,
    ) -> Option<super::request::RequestId> {
        let id = ctx.send(ME, kind)?;
        self.writes.insert(id, TagsWrite { done, change });
        Some(id)
    }

    pub(crate) fn ask_scope(&mut self, ctx: &mut Ctx) {
        let current = self
            .scope
            .as_deref()
            .map(|id| ctx.compartment_path(id))
            .unwrap_or_default();
        ctx.open(Modal::form(
            ME,
            purpose(TagsDialog::Scope),
            "Tag defaults of compartment",
            vec![FormField::new(
                "Compartment",
                &current,
                "a path like Prod/AppTier, or an OCID; empty for the tenancy",
            )],
        ));
    }

    pub(crate) fn start_write(&mut self, action: &Action, ctx: &mut Ctx) {
        let modal = match (self.view, self.focus) {
            (TagsView::Namespaces, TagsFocus::Namespaces) => self.namespace_dialog(action),
            (TagsView::Namespaces, TagsFocus::Tags) => self.tag_dialog(action, ctx),
            (TagsView::Defaults, _) => self.default_dialog(action, ctx),
        };
        if let Some(modal) = modal {
            ctx.open(modal);
        }
    }

    fn namespace_dialog(&self, action: &Action) -> Option<Modal> {
        if *action == Action::Create {
            return Some(Modal::form(
                ME,
                purpose(TagsDialog::CreateNamespace),
                "New tag namespace",
                vec![
                    FormField::new("Name", "", "unique in the tenancy; cannot be changed later"),
                    FormField::new("Description", "", "required"),
                    FormField::new("Compartment", "", "a path or OCID; empty for the tenancy"),
                ],
            ));
        }
        let ns = self.selected_namespace()?;
        let id = ns.id.clone();
        Some(match action {
            Action::Edit | Action::Rename => Modal::form(
                ME,
                purpose(TagsDialog::EditNamespace { id }),
                &format!("Edit tag namespace {}", ns.name),
                vec![FormField::new("Description", &ns.description, "")],
            ),
            Action::Retire => retire_choice(
                "tag namespace",
                &ns.name,
                ns.is_retired,
                TagsDialog::RetireNamespace {
                    id,
                    retire: !ns.is_retired,
                },
            ),
            Action::Delete => typed_delete(
                "Delete tag namespace",
                format!("Delete tag namespace {} and all its tags?", ns.name),
                "Tag values on resources are removed too; the service does it as a work request.",
                &ns.name,
                TagsDialog::DeleteNamespace { id },
            ),
            _ => return None,
        })
    }

    fn tag_dialog(&mut self, action: &Action, ctx: &mut Ctx) -> Option<Modal> {
        let ns = self.selected_namespace()?.clone();
        if *action == Action::Create {
            return Some(Modal::form(
                ME,
                purpose(TagsDialog::CreateTag {
                    namespace_id: ns.id.clone(),
                }),
                &format!("New tag in {}", ns.name),
                vec![
                    FormField::new("Name", "", "no dots or spaces; cannot be changed later"),
                    FormField::new("Description", "", "required"),
                    FormField::new("Cost tracking", "no", "yes or no"),
                    FormField::new(
                        "Allowed values",
                        "",
                        "comma-separated (a list of values); empty: any value",
                    ),
                ],
            ));
        }
        let tag = self.selected_tag()?.clone();
        let (namespace_id, name) = (ns.id.clone(), tag.name.clone());
        Some(match action {
            Action::Edit | Action::Rename => {
                // Summaries lack the validator: fetch the tag, then open the form.
                self.send_write(
                    RequestKind::GetTag { namespace_id, name },
                    String::new(),
                    TagsChange::OpenTagEditor,
                    ctx,
                );
                return None;
            }
            Action::Retire => retire_choice(
                "tag",
                &format!("{}.{}", ns.name, tag.name),
                tag.is_retired,
                TagsDialog::RetireTag {
                    namespace_id,
                    name,
                    retire: !tag.is_retired,
                },
            ),
            Action::Delete => typed_delete(
                "Delete tag",
                format!("Delete tag {}.{}?", ns.name, tag.name),
                "Its values are removed from every resource.",
                &tag.name,
                TagsDialog::DeleteTag { namespace_id, name },
            ),
            _ => return None,
        })
    }

    fn default_dialog(&self, action: &Action, ctx: &Ctx) -> Option<Modal> {
        if *action == Action::Create {
            return Some(Modal::form(
                ME,
                purpose(TagsDialog::CreateDefault {
                    compartment_id: self.scope_id(ctx),
                }),
                &format!(
                    "New tag default in {}",
                    ctx.compartment_path(&self.scope_id(ctx))
                ),
                vec![
                    FormField::new("Tag", "", "Namespace.key, e.g. Operations.CostCenter"),
                    FormField::new("Value", "", "applied to new resources in the compartment"),
                    FormField::new(
                        "Required",
                        "no",
                        "yes: users must give the value themselves",
                    ),
                ],
            ));
        }
        let d = self.defaults.selected()?;
        let path = self.tag_path(&d.tag_namespace_id, &d.tag_definition_name);
        Some(match action {
            Action::Edit | Action::Rename => Modal::form(
                ME,
                purpose(TagsDialog::EditDefault { id: d.id.clone() }),
                &format!("Edit tag default {path}"),
                vec![
                    FormField::new("Value", &d.value, ""),
                    FormField::new("Required", yes(d.is_required), "yes or no"),
                ],
            ),
            Action::Delete => typed_delete(
                "Delete tag default",
                format!("Delete the default of {path} here?"),
                "New resources in the compartment no longer get the value.",
                &path,
                TagsDialog::DeleteDefault { id: d.id.clone() },
            ),
            _ => return None,
        })
    }

    pub(crate) fn finish_dialog(
        &mut self,
        dialog: TagsDialog,
        outcome: ModalOutcome,
        ctx: &mut Ctx,
    ) {
        match outcome {
            ModalOutcome::Submitted(values) => {
                if let Err(e) = self.submit(dialog, &values, ctx) {
                    ctx.reopen_with_error(e);
                }
            }
            ModalOutcome::Confirmed => self.confirmed(dialog, ctx),
            ModalOutcome::Chose(0) => self.retire(dialog, ctx),
            _ => {}
        }
    }

    fn submit(&mut self, dialog: TagsDialog, v: &[String], ctx: &mut Ctx) -> Result<(), String> {
        let field = |i: usize| v.get(i).cloned().unwrap_or_default();
        match dialog {
            TagsDialog::Scope => {
                let id = resolve_compartment(&field(0), ctx)?;
                self.scope = (id != ctx.session.tenancy_id).then_some(id);
                self.defaults = super::resource_list::ResourceList::default();
            }
            TagsDialog::CreateNamespace => {
                validate::name(&field(0), "the name", 100)?;
                validate::description(&field(1))?;
                let compartment_id = resolve_compartment(&field(2), ctx)?;
                let details = CreateTagNamespaceDetails {
                    compartment_id,
                    name: field(0),
                    description: field(1),
                    freeform_tags: None,
                    defined_tags: None,
                    locks: None,
                };
                let done = format!("created tag namespace {}", field(0));
                self.send_write(
                    RequestKind::CreateTagNamespace(details),
                    done,
                    TagsChange::Upsert,
                    ctx,
                );
            }
            TagsDialog::EditNamespace { id } => {
                validate::description(&field(0))?;
                let details = UpdateTagNamespaceDetails {
                    description: Some(field(0)),
                    ..UpdateTagNamespaceDetails::default()
                };
                let done = format!("updated tag namespace {}", self.ns_name(&id));
                self.send_write(
                    RequestKind::UpdateTagNamespace { id, details },
                    done,
                    TagsChange::Upsert,
                    ctx,
                );
            }
            TagsDialog::CreateTag { namespace_id } => {
                tag_name(&field(0), "the name")?;
                validate::description(&field(1))?;
                let cost = validate::yes_no(&field(2), "cost tracking")?;
                let values = parse_values(&field(3))?;
                let details = CreateTagDetails {
                    name: field(0),
                    description: field(1),
                    freeform_tags: None,
                    defined_tags: None,
                    is_cost_tracking: Some(cost),
                    validator: values.map(|values| TagValidator::Enum { values }),
                };
                let done = format!("created tag {}", self.tag_path(&namespace_id, &field(0)));
                self.send_write(
                    RequestKind::CreateTag {
                        namespace_id,
                        details,
                    },
                    done,
                    TagsChange::Upsert,
                    ctx,
                );
            }
            TagsDialog::EditTag { namespace_id, name } => {
                validate::description(&field(0))?;
                let cost = validate::yes_no(&field(1), "cost tracking")?;
                let validator = match parse_values(&field(2))? {
                    Some(values) => TagValidator::Enum { values },
                    None => TagValidator::Default,
                };
                let details = UpdateTagDetails {
                    description: Some(field(0)),
                    is_cost_tracking: Some(cost),
                    validator: Some(validator),
                    ..UpdateTagDetails::default()
                };
                let done = format!("updated tag {}", self.tag_path(&namespace_id, &name));
                self.send_write(
                    RequestKind::UpdateTag {
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
                let (namespace_id, tag) = self.find_tag_by_path(&field(0))?;
                let tag = tag.clone();
                let required = validate::yes_no(&field(2), "required")?;
                check_value(&field(1), required, tag.validator.as_ref())?;
                let details = CreateTagDefaultDetails {
                    compartment_id,
                    tag_definition_id: tag.id.clone(),
                    value: field(1),
                    is_required: Some(required),
                    locks: None,
                };
                // A listing lacks the validator: read the tag, check the value, then create.
                let read = RequestKind::GetTag {
                    namespace_id,
                    name: tag.name.clone(),
                };
                self.send_write(
                    read,
                    format!("created tag default {}", field(0)),
                    TagsChange::ThenCreateDefault(details),
                    ctx,
                );
            }
            TagsDialog::EditDefault { id } => {
                let Some(d) = self.defaults.find(&id) else {
                    return Ok(());
                };
                let required = validate::yes_no(&field(1), "required")?;
                check_value(&field(0), required, None)?;
                let done = format!(
                    "updated tag default {}",
                    self.tag_path(&d.tag_namespace_id, &d.tag_definition_name)
                );
                let read = RequestKind::GetTag {
                    namespace_id: d.tag_namespace_id.clone(),
                    name: d.tag_definition_name.clone(),
                };
                let details = UpdateTagDefaultDetails {
                    value: field(0),
                    is_required: Some(required),
                };
                self.send_write(
                    read,
                    done,
                    TagsChange::ThenUpdateDefault { id, details },
                    ctx,
                );
            }
            _ => {}
        }
        Ok(())
    }

    fn confirmed(&mut self, dialog: TagsDialog, ctx: &mut Ctx) {
        let (kind, done, change) = match dialog {
            TagsDialog::DeleteNamespace { id } => (
                RequestKind::CascadeDeleteTagNamespace { id: id.clone() },
                format!("deleting tag namespace {}", self.ns_name(&id)),
                TagsChange::RemoveNamespace(id),
            ),
            TagsDialog::DeleteTag { namespace_id, name } => {
                let id = self
                    .tags
                    .get(&namespace_id)
                    .and_then(|l| l.all().iter().find(|t| t.name == name))
                    .map(|t| t.id.clone())
                    .unwrap_or_default();
                (
                    RequestKind::DeleteTag {
                        namespace_id: namespace_id.clone(),
                        name: name.clone(),
                    },
                    format!("deleted tag {}", self.tag_path(&namespace_id, &name)),
                    TagsChange::RemoveTag { namespace_id, id },
                )
            }
            TagsDialog::DeleteDefault { id } => (
                RequestKind::DeleteTagDefault { id: id.clone() },
                "deleted the tag default".to_string(),
                TagsChange::RemoveDefault(id),
            ),
            _ => return,
        };
        let follows_work = matches!(change, TagsChange::RemoveNamespace(_));
        let line = format!("{done}: ACCEPTED");
        if let Some(request) = self.send_write(kind, done, change, ctx)
            && follows_work
        {
            // A cascade delete reports progress until its work request finishes.
            self.work.insert(request, line);
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
                self.send_write(
                    RequestKind::UpdateTagNamespace { id, details },
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
                self.send_write(
                    RequestKind::UpdateTag {
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

    /// Sends a tag default write once its value passed the tag's validator; else reopens the
    /// form with the reason.
    pub(crate) fn write_default(
        &mut self,
        kind: RequestKind,
        tag: &Tag,
        done: String,
        ctx: &mut Ctx,
    ) {
        let (value, required) = match &kind {
            RequestKind::CreateTagDefault(d) => (d.value.clone(), d.is_required.unwrap_or(false)),
            RequestKind::UpdateTagDefault { details, .. } => {
                (details.value.clone(), details.is_required.unwrap_or(false))
            }
            _ => return,
        };
        match check_value(&value, required, tag.validator.as_ref()) {
            Err(e) => ctx.reopen_with_error(e),
            Ok(()) => {
                self.send_write(kind, done, TagsChange::Upsert, ctx);
            }
        }
    }

    fn ns_name(&self, id: &str) -> String {
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
