//! What bulk operations act on and what they do when their work request finishes: defined
//! tags edited on identity resources and other services' resources, tag definitions deleted,
//! resources moved or deleted, standard tags imported.

use std::collections::BTreeMap;

use super::{Store, WorkKind, new_ocid, now_rfc3339};
use crate::model::{
    BulkEditOperationDetails, BulkEditOperationType, DefinedTags, LifecycleState, Tag,
    TagNamespace, TagValidator,
};

/// Resource types whose defined tags `bulkEdit` changes, with the metadata keys that identify
/// one besides its OCID. Identity's own kinds first, then other services'. OCI's real list is
/// longer; these are the kinds the emulator holds.
pub const BULK_EDIT_TYPES: &[(&str, &[&str])] = &[
    ("Compartment", &[]),
    ("User", &[]),
    ("Group", &[]),
    ("DynamicGroup", &[]),
    ("Policy", &[]),
    ("TagNamespace", &[]),
    ("Instance", &[]),
    ("Volume", &[]),
    ("BootVolume", &[]),
    ("Bucket", &["namespaceName", "bucketName"]),
    ("Vcn", &[]),
    ("Subnet", &[]),
    ("AutonomousDatabase", &[]),
    ("LoadBalancer", &[]),
];

/// Resource types bulk move and bulk delete take (other services' resources only).
pub const BULK_ACTION_TYPES: &[(&str, &[&str])] = &[
    ("Instance", &[]),
    ("Volume", &[]),
    ("BootVolume", &[]),
    ("Bucket", &["namespaceName", "bucketName"]),
    ("Vcn", &[]),
    ("Subnet", &[]),
    ("AutonomousDatabase", &[]),
    ("LoadBalancer", &[]),
];

/// The type's canonical spelling and metadata keys, matching case-insensitively.
pub fn resource_type(
    catalogue: &'static [(&'static str, &'static [&'static str])],
    name: &str,
) -> Option<(&'static str, &'static [&'static str])> {
    catalogue
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .copied()
}

/// Where a resource is, as a bulk operation checks it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Located {
    pub compartment_id: String,
    pub live: bool,
}

impl Store {
    /// The compartment and liveness of resource `id` of a bulk-edit type, if it exists.
    pub fn locate(&self, resource_type: &str, id: &str) -> Option<Located> {
        let live = |s: &LifecycleState| !matches!(s, LifecycleState::Deleted);
        let at = |compartment: &str, state: &LifecycleState| Located {
            compartment_id: compartment.to_string(),
            live: live(state),
        };
        match resource_type {
            "Compartment" => self
                .compartments
                .get(id)
                .map(|r| at(&r.compartment_id, &r.lifecycle_state)),
            "User" => self
                .users
                .get(id)
                .map(|r| at(&r.compartment_id, &r.lifecycle_state)),
            "Group" => self
                .groups
                .get(id)
                .map(|r| at(&r.compartment_id, &r.lifecycle_state)),
            "DynamicGroup" => self
                .dynamic_groups
                .get(id)
                .map(|r| at(&r.compartment_id, &r.lifecycle_state)),
            "Policy" => self
                .policies
                .get(id)
                .map(|r| at(&r.compartment_id, &r.lifecycle_state)),
            "TagNamespace" => self
                .tag_namespaces
                .get(id)
                .map(|r| at(&r.compartment_id, &r.lifecycle_state)),
            other => self
                .compartment_resources
                .get(id)
                .filter(|r| r.resource_type.eq_ignore_ascii_case(other))
                .map(|r| Located {
                    compartment_id: r.compartment_id.clone(),
                    live: r.is_live(),
                }),
        }
    }

    fn defined_tags_mut(&mut self, resource_type: &str, id: &str) -> Option<&mut DefinedTags> {
        match resource_type {
            "Compartment" => self.compartments.get_mut(id).map(|r| &mut r.defined_tags),
            "User" => self.users.get_mut(id).map(|r| &mut r.defined_tags),
            "Group" => self.groups.get_mut(id).map(|r| &mut r.defined_tags),
            "DynamicGroup" => self.dynamic_groups.get_mut(id).map(|r| &mut r.defined_tags),
            "Policy" => self.policies.get_mut(id).map(|r| &mut r.defined_tags),
            "TagNamespace" => self.tag_namespaces.get_mut(id).map(|r| &mut r.defined_tags),
            _ => self
                .compartment_resources
                .get_mut(id)
                .map(|r| &mut r.defined_tags),
        }
    }

    pub(super) fn finish_tag_delete(&mut self, id: &str) {
        let Some(tag) = self.tags.get_mut(id) else {
            return;
        };
        tag.lifecycle_state = LifecycleState::Deleted;
        let name = tag.name.clone();
        let namespace = tag
            .tag_namespace_id
            .as_deref()
            .and_then(|ns| self.tag_namespaces.get(ns))
            .map(|ns| ns.name.clone());
        // OCI removes a deleted tag from every resource that carries it.
        if let Some(namespace) = namespace {
            self.strip_defined_tags(&namespace, Some(&name));
        }
    }

    pub(super) fn finish_bulk(&mut self, kind: &WorkKind) {
        match kind {
            WorkKind::BulkEditTags {
                resources,
                operations,
            } => {
                for (id, resource_type) in resources {
                    if let Some(tags) = self.defined_tags_mut(resource_type, id) {
                        for operation in operations {
                            apply(tags, operation);
                        }
                    }
                }
            }
            WorkKind::BulkDeleteTags { ids } => {
                for id in ids {
                    self.finish_tag_delete(id);
                }
            }
            WorkKind::BulkMoveResources { resources, target } => {
                for (id, _) in resources {
                    if let Some(r) = self.compartment_resources.get_mut(id) {
                        r.compartment_id.clone_from(target);
                    }
                }
            }
            WorkKind::BulkDeleteResources { resources } => {
                for (id, kind) in resources {
                    if let Some(r) = self.compartment_resources.get_mut(id) {
                        // Compute instances end TERMINATED in OCI, the rest DELETED.
                        r.lifecycle_state = if kind == "Instance" {
                            LifecycleState::Terminated
                        } else {
                            LifecycleState::Deleted
                        };
                    }
                }
            }
            WorkKind::ImportStandardTags {
                namespace_id,
                template,
                compartment_id,
                ..
            } => self.import_template(namespace_id, template, compartment_id),
            _ => {}
        }
    }

    /// Creates the template's namespace, or completes an existing one: missing tags added,
    /// ENUM lists given the template's values they lack (a MUTABLE list is the tenancy's own).
    fn import_template(&mut self, namespace_id: &str, template: &str, compartment_id: &str) {
        let Some(template) = crate::emulator::standard_tags::template(template) else {
            return;
        };
        let now = now_rfc3339();
        if self.tag_namespaces.get(namespace_id).is_none() {
            self.tag_namespaces.upsert(TagNamespace {
                id: namespace_id.to_string(),
                compartment_id: compartment_id.to_string(),
                name: template.standard_tag_namespace_name.clone(),
                description: template.description.clone(),
                freeform_tags: BTreeMap::default(),
                defined_tags: BTreeMap::default(),
                is_retired: false,
                lifecycle_state: LifecycleState::Active,
                time_created: now.clone(),
                locks: None,
            });
        }
        let Some(ns) = self.tag_namespaces.get(namespace_id).cloned() else {
            return;
        };
        for t in &template.tag_definition_templates {
            let values = t.possible_values.clone();
            let mutable = t.enum_mutability == Some(crate::model::EnumMutability::Mutable);
            if let Some(existing) = self.tag_named(&ns.id, &t.tag_definition_name) {
                let id = existing.id.clone();
                if let (Some(values), false) = (values, mutable)
                    && let Some(tag) = self.tags.get_mut(&id)
                    && let Some(TagValidator::Enum { values: have }) = &mut tag.validator
                {
                    for v in values {
                        if !have.contains(&v) {
                            have.push(v);
                        }
                    }
                }
                continue;
            }
            self.tags.upsert(Tag {
                compartment_id: ns.compartment_id.clone(),
                tag_namespace_id: Some(ns.id.clone()),
                tag_namespace_name: Some(ns.name.clone()),
                id: new_ocid("tagdefinition"),
                name: t.tag_definition_name.clone(),
                description: t.description.clone(),
                freeform_tags: BTreeMap::default(),
                defined_tags: BTreeMap::default(),
                is_retired: false,
                lifecycle_state: LifecycleState::Active,
                time_created: now.clone(),
                is_cost_tracking: t.is_cost_tracking,
                validator: Some(match values {
                    Some(values) => TagValidator::Enum { values },
                    None => TagValidator::Default,
                }),
            });
        }
    }
}

/// One bulk-edit operation on one resource's defined tags (names already canonical).
fn apply(tags: &mut DefinedTags, operation: &BulkEditOperationDetails) {
    for (namespace, keys) in &operation.defined_tags {
        for (key, value) in keys {
            let present = tags.get(namespace).is_some_and(|k| k.contains_key(key));
            let set = match operation.operation_type {
                BulkEditOperationType::AddWhereAbsent => !present,
                BulkEditOperationType::SetWherePresent => present,
                BulkEditOperationType::AddOrSet => true,
                BulkEditOperationType::Remove | BulkEditOperationType::Other(_) => false,
            };
            if set {
                tags.entry(namespace.clone())
                    .or_default()
                    .insert(key.clone(), value.clone());
            } else if operation.operation_type == BulkEditOperationType::Remove
                && let Some(keys) = tags.get_mut(namespace)
            {
                keys.remove(key);
                if keys.is_empty() {
                    tags.remove(namespace);
                }
            }
        }
    }
}
