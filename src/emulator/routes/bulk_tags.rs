//! Bulk tag operations: the resource types bulk edits support, editing defined tags on many
//! resources at once, and deleting many retired tag definitions of one namespace. Both
//! changes are tagging work requests that take effect when they finish.

use std::collections::{BTreeMap, HashSet};

use axum::extract::State;

use super::locks::{Change, check_locks};
use super::require_compartment;
use crate::emulator::Ctx;
use crate::emulator::call::{Call, Outcome, Reply};
use crate::emulator::error::ApiError;
use crate::emulator::listing::{Shape, page};
use crate::emulator::store::bulk::{BULK_EDIT_TYPES, resource_type};
use crate::emulator::store::{Store, WorkKind, WorkService};
use crate::model::{
    BulkDeleteTagsDetails, BulkEditOperationDetails, BulkEditOperationType, BulkEditResource,
    BulkEditTagsDetails, BulkEditTagsResourceType, DefinedTags, LifecycleState,
};

pub async fn list_resource_types(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let items: Vec<BulkEditTagsResourceType> = BULK_EDIT_TYPES
        .iter()
        .map(|(name, keys)| BulkEditTagsResourceType {
            resource_type: (*name).to_string(),
            metadata_keys: keys.iter().map(|k| (*k).to_string()).collect(),
        })
        .collect();
    page(&items, &call, ctx.limits, Shape::Items)
}

/// The metadata a type needs (a bucket's namespace and name) must be there.
pub(super) fn check_metadata(
    kind: &str,
    keys: &[&str],
    metadata: Option<&BTreeMap<String, String>>,
) -> Result<(), ApiError> {
    let missing: Vec<&str> = keys
        .iter()
        .copied()
        .filter(|k| metadata.is_none_or(|m| m.get(*k).is_none_or(String::is_empty)))
        .collect();
    if missing.is_empty() {
        Ok(())
    } else {
        Err(ApiError::missing(format!(
            "a {kind} is identified by its metadata {}; add them to the resource's metadata",
            keys.join(" and ")
        )))
    }
}

/// The resources of a bulk edit as (id, canonical type): supported, existing, live, in the
/// request's compartment, each once.
fn edit_targets(
    store: &Store,
    compartment: &str,
    resources: &[BulkEditResource],
) -> Result<Vec<(String, String)>, ApiError> {
    if resources.is_empty() {
        return Err(ApiError::missing(
            "resources is empty: name at least one resource to edit",
        ));
    }
    let mut seen = HashSet::new();
    let mut targets = Vec::new();
    for r in resources {
        let Some((kind, keys)) = resource_type(BULK_EDIT_TYPES, &r.resource_type) else {
            return Err(ApiError::invalid(format!(
                "'{}' is not a resource type bulk tag edits support; \
                 listBulkEditTagsResourceTypes lists them",
                r.resource_type
            )));
        };
        check_metadata(kind, keys, r.metadata.as_ref())?;
        let at = store
            .locate(kind, &r.id)
            .filter(|at| at.live)
            .ok_or_else(|| ApiError::related_not_found(kind, &r.id))?;
        if at.compartment_id != compartment {
            return Err(ApiError::invalid(format!(
                "{kind} {} is in compartment {}, not in {compartment}; a bulk edit takes \
                 resources of its compartmentId only",
                r.id, at.compartment_id
            )));
        }
        if !seen.insert(r.id.as_str()) {
            return Err(ApiError::invalid(format!(
                "{kind} {} is listed twice; name each resource once",
                r.id
            )));
        }
        targets.push((r.id.clone(), kind.to_string()));
    }
    Ok(targets)
}

/// The operations with namespace and key names as the tenancy spells them, checked: tags
/// exist (and, except for REMOVE, are active with allowed values), one operation per tag.
fn checked_operations(
    store: &Store,
    operations: Vec<BulkEditOperationDetails>,
) -> Result<Vec<BulkEditOperationDetails>, ApiError> {
    if operations.is_empty() {
        return Err(ApiError::missing(
            "bulkEditOperations is empty: give at least one operation",
        ));
    }
    let mut seen = HashSet::new();
    let mut checked = Vec::new();
    for op in operations {
        if let BulkEditOperationType::Other(other) = &op.operation_type {
            return Err(ApiError::invalid(format!(
                "'{other}' is not a bulk edit operation; use ADD_WHERE_ABSENT, \
                 SET_WHERE_PRESENT, ADD_OR_SET or REMOVE"
            )));
        }
        if op.defined_tags.values().all(BTreeMap::is_empty) {
            return Err(ApiError::missing(format!(
                "the {} operation names no defined tags",
                op.operation_type
            )));
        }
        if op.operation_type != BulkEditOperationType::Remove {
            store.check_defined_tags(&op.defined_tags, None)?;
        }
        let mut canonical = DefinedTags::new();
        for (ns_name, keys) in &op.defined_tags {
            for (key, value) in keys {
                let found = store
                    .namespace_named(ns_name)
                    .and_then(|ns| store.tag_named(&ns.id, key).map(|t| (ns, t)));
                let Some((ns, tag)) = found else {
                    return Err(ApiError::invalid(format!(
                        "The following tag namespaces / keys are not authorized or not found: \
                         '{ns_name}.{key}'"
                    )));
                };
                if !seen.insert(format!("{}.{}", ns.name, tag.name).to_lowercase()) {
                    return Err(ApiError::invalid(format!(
                        "tag {}.{} appears in more than one operation; a bulk edit applies one \
                         operation per tag",
                        ns.name, tag.name
                    )));
                }
                canonical
                    .entry(ns.name.clone())
                    .or_default()
                    .insert(tag.name.clone(), value.clone());
            }
        }
        checked.push(BulkEditOperationDetails {
            operation_type: op.operation_type,
            defined_tags: canonical,
        });
    }
    Ok(checked)
}

pub async fn bulk_edit(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let details: BulkEditTagsDetails = call.json()?;
    let mut store = ctx.store.lock();
    require_compartment(&store, &details.compartment_id)?;
    let resources = edit_targets(&store, &details.compartment_id, &details.resources)?;
    let operations = checked_operations(&store, details.bulk_edit_operations)?;
    let work = store.start_work(
        WorkKind::BulkEditTags {
            resources,
            operations,
        },
        WorkService::Tagging,
        &details.compartment_id,
    );
    Ok(Reply::accepted(work))
}

/// Retired tag definitions of one namespace, deleted by one tagging work request.
pub async fn bulk_delete(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let details: BulkDeleteTagsDetails = call.json()?;
    let mut store = ctx.store.lock();
    let mut ids: Vec<String> = Vec::new();
    for id in details.tag_definition_ids {
        if !ids.contains(&id) {
            ids.push(id);
        }
    }
    if ids.is_empty() {
        return Err(ApiError::missing(
            "tagDefinitionIds is empty: name at least one tag definition",
        ));
    }
    let mut namespace: Option<String> = None;
    for id in &ids {
        let tag = store
            .tags
            .get(id)
            .filter(|t| t.lifecycle_state != LifecycleState::Deleted)
            .ok_or_else(|| ApiError::not_found("tag definition", id))?;
        let ns = tag.tag_namespace_id.clone().unwrap_or_default();
        if namespace.get_or_insert_with(|| ns.clone()) != &ns {
            return Err(ApiError::invalid(
                "the tag definitions of a bulk delete must all be in one tag namespace",
            ));
        }
        if tag.lifecycle_state == LifecycleState::Deleting {
            return Err(ApiError::conflict(format!(
                "tag {} is already being deleted; wait for its work request",
                tag.name
            )));
        }
        if !tag.is_retired {
            return Err(ApiError::conflict(format!(
                "tag {} is active; retire it first (update it with isRetired=true), then delete it",
                tag.name
            )));
        }
    }
    let ns_id = namespace.unwrap_or_default();
    let ns = store.tag_namespaces.find(&ns_id, "tag namespace")?;
    check_locks(
        ns.locks.as_ref(),
        Change::Update,
        "tag namespace",
        &ns.name,
        &call,
    )?;
    if ns.lifecycle_state == LifecycleState::Deleting {
        return Err(ApiError::conflict(format!(
            "tag namespace {} is being deleted; wait for its work request",
            ns.name
        )));
    }
    let compartment = ns.compartment_id.clone();
    for id in &ids {
        if let Some(t) = store.tags.get_mut(id) {
            t.lifecycle_state = LifecycleState::Deleting;
        }
    }
    let work = store.start_work(
        WorkKind::BulkDeleteTags { ids },
        WorkService::Tagging,
        &compartment,
    );
    Ok(Reply::accepted(work))
}
