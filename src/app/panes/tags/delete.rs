//! Deleting tag namespaces and tags as OCI allows it: only retired ones. An active one is
//! offered "retire it, then delete" (the retire is sent first, the delete when it succeeds).
//! A namespace without tags is deleted plainly, one with tags by a cascade delete; retired
//! tags marked in a namespace go in one bulk delete.

use crate::model::{BulkDeleteTagsDetails, Tag, UpdateTagDetails, UpdateTagNamespaceDetails};

use super::forms::typed_delete;
use super::{TagsChange, TagsDialog, TagsPane, Write, dialog};
use crate::app::ctx::Ctx;
use crate::app::request::TagRequest;
use crate::app::resource::Presence;
use crate::app::resource::Resource as _;
use crate::app::widgets::modal::{Modal, Tone, ToneLine};

impl TagsPane {
    /// The live tags of a namespace, when they are listed.
    fn live_tags(&self, namespace_id: &str) -> Option<Vec<&Tag>> {
        let list = self.tags.get(namespace_id)?;
        list.items.is_loaded().then(|| {
            list.all()
                .iter()
                .filter(|t| t.presence() != Presence::Gone)
                .collect()
        })
    }

    /// `D` on a namespace.
    pub(super) fn delete_namespace_dialog(&self, id: &str) -> Option<Modal> {
        let ns = self.namespaces.find(id)?;
        if !ns.is_retired {
            return Some(Modal::choice(
                dialog(TagsDialog::RetireThenDelete { id: id.to_string() }),
                "Delete tag namespace",
                vec![
                    ToneLine::new(Tone::Heading, format!("Tag namespace {} is active.", ns.name)),
                    ToneLine::plain("OCI deletes only retired namespaces. Retiring it stops its tags"),
                    ToneLine::plain("being applied; the values on resources go with the delete."),
                ],
                &["Retire it, then delete", "Cancel"],
            ));
        }
        Some(self.confirm_namespace_delete(id, false))
    }

    /// The typed confirmation of a namespace delete.
    pub(super) fn confirm_namespace_delete(&self, id: &str, retire_first: bool) -> Modal {
        let name = self.ns_name(id);
        let (heading, note) = match self.live_tags(id).map(|t| t.len()) {
            Some(0) => (
                format!("Delete the empty tag namespace {name}?"),
                "It has no tag definitions.".to_string(),
            ),
            Some(n) => (
                format!("Delete tag namespace {name} and its {n} tag(s)?"),
                "Tag values on resources are removed too; the service does it as a work request."
                    .to_string(),
            ),
            None => (
                format!("Delete tag namespace {name} and all its tags?"),
                "Tag values on resources are removed too; the service does it as a work request."
                    .to_string(),
            ),
        };
        let note = if retire_first {
            format!("It is retired first. {note}")
        } else {
            note
        };
        typed_delete(
            "Delete tag namespace",
            heading,
            &note,
            &name,
            TagsDialog::DeleteNamespace {
                id: id.to_string(),
                retire_first,
            },
        )
    }

    /// Confirmed: the delete (plain when empty, cascade otherwise), after a retire if asked.
    pub(super) fn delete_namespace(&mut self, id: String, retire_first: bool, ctx: &mut Ctx) {
        let name = self.ns_name(&id);
        let kind = if self.live_tags(&id).is_some_and(|t| t.is_empty()) {
            TagRequest::DeleteNamespace { id: id.clone() }
        } else {
            TagRequest::CascadeDeleteNamespace { id: id.clone() }
        };
        let delete = Write {
            kind,
            done: format!("deleted tag namespace {name}"),
            change: TagsChange::RemoveNamespace(id.clone()),
        };
        if !retire_first {
            return self.send(delete.kind, delete.done, delete.change, ctx);
        }
        let retire = TagRequest::UpdateNamespace {
            id,
            details: UpdateTagNamespaceDetails {
                is_retired: Some(true),
                ..UpdateTagNamespaceDetails::default()
            },
        };
        self.send(
            retire,
            format!("retired tag namespace {name}"),
            TagsChange::Then(Box::new(delete)),
            ctx,
        );
    }

    /// `D` in a namespace's tags: the marked ones in bulk, else the selected one.
    pub(super) fn delete_tag_dialog(&self, ctx: &mut Ctx) -> Option<Modal> {
        let ns = self.selected_namespace()?.clone();
        let list = self.namespace_tags()?;
        let marked = list.marked_items();
        if !marked.is_empty() {
            let active: Vec<&str> = marked
                .iter()
                .filter(|t| !t.is_retired)
                .map(|t| t.name.as_str())
                .collect();
            if !active.is_empty() {
                ctx.toasts.error(format!(
                    "only retired tags can be deleted: {} {} active ({} retires)",
                    active.join(", "),
                    if active.len() == 1 { "is" } else { "are" },
                    ctx.key(&crate::app::action::Action::Retire)
                ));
                return None;
            }
            let ids: Vec<String> = marked.iter().map(|t| t.id.clone()).collect();
            let names: Vec<&str> = marked.iter().map(|t| t.name.as_str()).collect();
            let expected = format!("delete {} tags", ids.len());
            return Some(Modal::typed_confirm(
                dialog(TagsDialog::BulkDeleteTags {
                    namespace_id: ns.id.clone(),
                    ids,
                }),
                "Delete tags",
                vec![
                    ToneLine::new(
                        Tone::Heading,
                        format!("Delete {} retired tags of {}?", names.len(), ns.name),
                    ),
                    ToneLine::plain(names.join(", ")),
                    ToneLine::plain("Their values are removed from every resource; one work request."),
                    ToneLine::plain(""),
                    ToneLine::new(Tone::Dim, format!("Type {expected} to confirm.")),
                ],
                &expected,
            ));
        }
        let tag = list.selected()?;
        let path = format!("{}.{}", ns.name, tag.name);
        if !tag.is_retired {
            return Some(Modal::choice(
                dialog(TagsDialog::RetireThenDeleteTag {
                    namespace_id: ns.id.clone(),
                    name: tag.name.clone(),
                }),
                "Delete tag",
                vec![
                    ToneLine::new(Tone::Heading, format!("Tag {path} is active.")),
                    ToneLine::plain("OCI deletes only retired tags. Retiring it stops it being applied."),
                ],
                &["Retire it, then delete", "Cancel"],
            ));
        }
        Some(confirm_tag_delete(&ns.id, &path, &tag.name, false))
    }

    pub(super) fn delete_tag(
        &mut self,
        namespace_id: String,
        name: String,
        retire_first: bool,
        ctx: &mut Ctx,
    ) {
        let id = self
            .tags
            .get(&namespace_id)
            .and_then(|l| l.all().iter().find(|t| t.name == name))
            .map(|t| t.id.clone())
            .unwrap_or_default();
        let path = self.tag_path(&namespace_id, &name);
        let delete = Write {
            kind: TagRequest::DeleteTag {
                namespace_id: namespace_id.clone(),
                name: name.clone(),
            },
            done: format!("deleted tag {path}"),
            change: TagsChange::RemoveTag {
                namespace_id: namespace_id.clone(),
                id,
            },
        };
        if !retire_first {
            return self.send(delete.kind, delete.done, delete.change, ctx);
        }
        let retire = TagRequest::UpdateTag {
            namespace_id,
            name,
            details: UpdateTagDetails {
                is_retired: Some(true),
                ..UpdateTagDetails::default()
            },
        };
        self.send(
            retire,
            format!("retired tag {path}"),
            TagsChange::Then(Box::new(delete)),
            ctx,
        );
    }

    pub(super) fn bulk_delete_tags(&mut self, namespace_id: String, ids: Vec<String>, ctx: &mut Ctx) {
        let n = ids.len();
        let ns = self.ns_name(&namespace_id);
        let kind = TagRequest::BulkDeleteTags(BulkDeleteTagsDetails {
            tag_definition_ids: ids.clone(),
        });
        self.send(
            kind,
            format!("deleted {n} tags of {ns}"),
            TagsChange::RemoveTags { namespace_id, ids },
            ctx,
        );
    }
}

pub(super) fn confirm_tag_delete(namespace_id: &str, path: &str, name: &str, retire_first: bool) -> Modal {
    let note = if retire_first {
        "It is retired first. Its values are removed from every resource."
    } else {
        "Its values are removed from every resource."
    };
    typed_delete(
        "Delete tag",
        format!("Delete tag {path}?"),
        note,
        name,
        TagsDialog::DeleteTag {
            namespace_id: namespace_id.to_string(),
            name: name.to_string(),
            retire_first,
        },
    )
}
