//! The dialogs the Tags pane opens for namespaces, tags and tag defaults (and the scope of
//! the defaults); what they send is in `dialogs`.

use std::collections::BTreeMap;
use super::forms::{retire_choice, tag_fields, tag_name, typed_delete};
use super::locks::lock_fields;
use super::{ME, TagsDialog, TagsFocus, TagsPane, TagsRead, TagsStep, TagsTab, dialog};
use crate::app::action::Action;
use crate::app::ctx::Ctx;
use crate::app::panes::Pane as _;
use crate::app::request::TagRequest;
use crate::app::resource::Presence;
use crate::app::widgets::form::Field;
use crate::app::widgets::modal::Modal;

impl TagsPane {
    pub(crate) fn ask_scope(&mut self, ctx: &mut Ctx) {
        let current = self
            .scope
            .as_deref()
            .map(|id| ctx.compartment_path(id))
            .unwrap_or_default();
        ctx.open(Modal::form(
            dialog(TagsDialog::Scope),
            "Tag defaults of compartment",
            vec![
                compartment_field(ctx, &current)
                    .help("a path like Prod/AppTier, or an OCID; empty for the tenancy"),
            ],
        ));
    }

    pub(crate) fn start_write(&mut self, action: &Action, ctx: &mut Ctx) {
        if *action != Action::Create
            && let Some(list) = self.focused_list()
            && list.selected_presence() == Some(Presence::Gone)
        {
            let noun = list.noun().one;
            let name = list.selected_name().unwrap_or_default();
            ctx.toasts
                .info(format!("{noun} {name} is deleted: it cannot be changed"));
            return;
        }
        let modal = match (self.tab, self.focus) {
            (TagsTab::Namespaces, TagsFocus::Namespaces) => self.namespace_dialog(action, ctx),
            (TagsTab::Namespaces, TagsFocus::Tags) => self.tag_dialog(action, ctx),
            (TagsTab::Defaults, _) => self.default_dialog(action, ctx),
            (TagsTab::Standard | TagsTab::CostTracking, _) => None,
        };
        if let Some(modal) = modal {
            ctx.open(modal);
        }
    }

    fn namespace_dialog(&mut self, action: &Action, ctx: &mut Ctx) -> Option<Modal> {
        if *action == Action::Create {
            let mut fields = vec![
                Field::text("name", "Name")
                    .required()
                    .max_chars(100)
                    .help("unique in the tenancy; cannot be changed later"),
                Field::text("description", "Description")
                    .required()
                    .max_chars(400),
                compartment_field(ctx, "").help("a path or OCID; empty for the tenancy"),
            ];
            fields.extend(crate::app::tag_fields::tag_fields(
                ctx,
                ME,
                &BTreeMap::default(),
                &BTreeMap::default(),
            ));
            fields.extend(lock_fields());
            return Some(Modal::form(
                dialog(TagsDialog::CreateNamespace),
                "New tag namespace",
                fields,
            ));
        }
        let ns = self.selected_namespace()?.clone();
        let id = ns.id.clone();
        Some(match action {
            Action::Edit | Action::Rename => {
                // Read fresh: the form shows what the service has now.
                let read = ctx.send_read(ME, TagRequest::GetNamespace { id });
                self.reads.insert(read, TagsRead::EditNamespace);
                return None;
            }
            Action::Move => Modal::form(
                dialog(TagsDialog::MoveNamespace { id }),
                &format!("Move tag namespace {}", ns.name),
                vec![
                    compartment_field(ctx, &ctx.compartment_path(&ns.compartment_id))
                        .required()
                        .help("the compartment to move it (and its tags) to: a path or OCID"),
                ],
            ),
            Action::Lock | Action::Unlock => {
                let modal = Self::lock_dialog(action, &id, &ns.name, false, ns.locks.as_ref());
                if modal.is_none() {
                    ctx.toasts.info(format!("tag namespace {} has no lock", ns.name));
                }
                return modal;
            }
            Action::Retire => retire_choice(
                "tag namespace",
                &ns.name,
                ns.is_retired,
                TagsDialog::RetireNamespace {
                    id,
                    retire: !ns.is_retired,
                },
            ),
            Action::Delete => return self.delete_namespace_dialog(&id),
            _ => return None,
        })
    }

    fn tag_dialog(&mut self, action: &Action, ctx: &mut Ctx) -> Option<Modal> {
        let ns = self.selected_namespace()?.clone();
        if *action == Action::Delete {
            return self.delete_tag_dialog(ctx);
        }
        if *action == Action::Create {
            let mut fields = vec![
                Field::text("name", "Name")
                    .required()
                    .max_chars(100)
                    .check(tag_name)
                    .help("no dots or spaces; cannot be changed later"),
            ];
            fields.extend(tag_fields(None, ctx));
            return Some(Modal::form(
                dialog(TagsDialog::CreateTag {
                    namespace_id: ns.id.clone(),
                }),
                &format!("New tag in {}", ns.name),
                fields,
            ));
        }
        let tag = self.selected_tag()?.clone();
        let (namespace_id, name) = (ns.id.clone(), tag.name.clone());
        Some(match action {
            Action::Edit | Action::Rename => {
                // Summaries lack the validator: read the tag, then open the form.
                let read = ctx.send_read(ME, TagRequest::GetTag { namespace_id, name });
                self.steps.insert(read, TagsStep::OpenEditor);
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
            Action::Delete => return self.delete_tag_dialog(ctx),
            _ => return None,
        })
    }

    fn default_dialog(&mut self, action: &Action, ctx: &mut Ctx) -> Option<Modal> {
        if *action == Action::Create {
            let mut fields = vec![
                Field::text("tag", "Tag")
                    .required()
                    .help("Namespace.key, e.g. Operations.CostCenter"),
                Field::text("value", "Value").help("applied to new resources in the compartment"),
                Field::yes_no("required", "Required", false)
                    .help("yes: users must give the value themselves"),
            ];
            fields.extend(lock_fields());
            return Some(Modal::form(
                dialog(TagsDialog::CreateDefault {
                    compartment_id: self.scope_id(ctx),
                }),
                &format!(
                    "New tag default in {}",
                    ctx.compartment_path(&self.scope_id(ctx))
                ),
                fields,
            ));
        }
        let d = self.defaults.selected()?.clone();
        let path = self.tag_path(&d.tag_namespace_id, &d.tag_definition_name);
        Some(match action {
            Action::Edit | Action::Rename => {
                // Read fresh: the form shows the value the service has, and the update is
                // conditional on the etag it carries.
                let read = ctx.send_read(ME, TagRequest::GetDefault { id: d.id.clone() });
                self.reads.insert(read, TagsRead::EditDefault);
                return None;
            }
            Action::Lock | Action::Unlock => {
                let modal = Self::lock_dialog(action, &d.id, &path, true, d.locks.as_ref());
                if modal.is_none() {
                    ctx.toasts.info(format!("the default of {path} has no lock"));
                }
                return modal;
            }
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
}

/// A compartment typed as a path (completed from the tenancy's paths) or an OCID.
pub(super) fn compartment_field(ctx: &Ctx, value: &str) -> Field {
    Field::suggest(
        "compartment",
        "Compartment",
        std::sync::Arc::new(ctx.compartment_paths()),
    )
    .value(value)
}
