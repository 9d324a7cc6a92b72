//! Bulk actions on other services' resources in a compartment: the types they support, and
//! moving or deleting many resources at once through a (classic) work request.

use std::collections::HashSet;

use axum::extract::State;

use super::bulk_tags::check_metadata;
use super::require_compartment;
use crate::emulator::Ctx;
use crate::emulator::call::{Call, Outcome, Reply};
use crate::emulator::error::ApiError;
use crate::emulator::listing::{Shape, page};
use crate::emulator::store::bulk::{BULK_ACTION_TYPES, resource_type};
use crate::emulator::store::{Store, WorkKind, WorkService};
use crate::model::{
    BulkActionResource, BulkActionResourceType, BulkActionType, BulkDeleteResourcesDetails,
    BulkMoveResourcesDetails, LifecycleState,
};

/// `GET /compartments/bulkActionResourceTypes`: the same list for both actions.
pub async fn list_resource_types(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let action = BulkActionType::parse(call.required("bulkActionType")?);
    if let BulkActionType::Other(other) = action {
        return Err(ApiError::invalid(format!(
            "bulkActionType must be BULK_MOVE_RESOURCES or BULK_DELETE_RESOURCES, not '{other}'"
        )));
    }
    let items: Vec<BulkActionResourceType> = BULK_ACTION_TYPES
        .iter()
        .map(|(name, keys)| BulkActionResourceType {
            name: (*name).to_string(),
            metadata_keys: keys.iter().map(|k| (*k).to_string()).collect(),
        })
        .collect();
    page(&items, &call, ctx.limits, Shape::Items)
}

/// The resources of a bulk action as (id, canonical type): supported, identified by their
/// metadata where the type needs it, live, all in `compartment`, each once.
fn targets(
    store: &Store,
    compartment: &str,
    resources: &[BulkActionResource],
) -> Result<Vec<(String, String)>, ApiError> {
    if resources.is_empty() {
        return Err(ApiError::missing(
            "resources is empty: name at least one resource",
        ));
    }
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for r in resources {
        let Some((kind, keys)) = resource_type(BULK_ACTION_TYPES, &r.entity_type) else {
            return Err(ApiError::invalid(format!(
                "'{}' is not a resource type bulk actions support; \
                 listBulkActionResourceTypes lists them",
                r.entity_type
            )));
        };
        check_metadata(kind, keys, r.metadata.as_ref())?;
        let found = store
            .compartment_resources
            .get(&r.identifier)
            .filter(|x| x.is_live() && x.resource_type.eq_ignore_ascii_case(kind))
            .ok_or_else(|| ApiError::related_not_found(kind, &r.identifier))?;
        for key in keys.iter().copied() {
            let given = r.metadata.as_ref().and_then(|m| m.get(key));
            if given != found.metadata.get(key) {
                return Err(ApiError::invalid(format!(
                    "the metadata {key} of {kind} {} does not match the resource",
                    r.identifier
                )));
            }
        }
        if found.compartment_id != compartment {
            return Err(ApiError::invalid(format!(
                "{kind} {} is in compartment {}, not in {compartment}; all resources of a bulk \
                 action must be in the compartment it is sent to",
                r.identifier, found.compartment_id
            )));
        }
        if !seen.insert(r.identifier.as_str()) {
            return Err(ApiError::invalid(format!(
                "{kind} {} is listed twice; name each resource once",
                r.identifier
            )));
        }
        out.push((r.identifier.clone(), kind.to_string()));
    }
    Ok(out)
}

pub async fn bulk_move(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let details: BulkMoveResourcesDetails = call.json()?;
    let mut store = ctx.store.lock();
    let source = call.param("id").to_string();
    require_compartment(&store, &source)?;
    let resources = targets(&store, &source, &details.resources)?;
    let target = details.target_compartment_id;
    require_compartment(&store, &target)?;
    if target == source {
        return Err(ApiError::invalid(
            "the resources are already in the target compartment; choose another one",
        ));
    }
    let work = store.start_work(
        WorkKind::BulkMoveResources { resources, target },
        WorkService::Identity,
        &source,
    );
    Ok(Reply::accepted(work))
}

pub async fn bulk_delete(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let details: BulkDeleteResourcesDetails = call.json()?;
    let mut store = ctx.store.lock();
    let source = call.param("id").to_string();
    require_compartment(&store, &source)?;
    let resources = targets(&store, &source, &details.resources)?;
    for (id, _) in &resources {
        if let Some(r) = store.compartment_resources.get_mut(id) {
            r.lifecycle_state = LifecycleState::Deleting;
        }
    }
    let work = store.start_work(
        WorkKind::BulkDeleteResources { resources },
        WorkService::Identity,
        &source,
    );
    Ok(Reply::accepted(work))
}
