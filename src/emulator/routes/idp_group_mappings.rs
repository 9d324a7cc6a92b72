//! Identity-provider group mappings: which IAM group the members of an identity
//! provider's group act as.
//! Deleting a mapping removes it (mappings have no listable DELETED state).

use axum::extract::State;

use crate::emulator::Ctx;
use crate::emulator::call::{Call, Outcome, Reply};
use crate::emulator::error::ApiError;
use crate::emulator::listing::{Shape, page};
use crate::emulator::store::{Store, etag_of, new_ocid, now_rfc3339};
use crate::model::{
    CreateIdpGroupMappingDetails, IdpGroupMapping, LifecycleState, UpdateIdpGroupMappingDetails,
};

/// The identity provider `{id}` addresses; changes need it not deleted.
fn provider(store: &Store, call: &Call, changing: bool) -> Result<String, ApiError> {
    let id = call.param("id");
    let provider = store.identity_providers.find(id, "identity provider")?;
    if changing && provider.lifecycle_state == LifecycleState::Deleted {
        return Err(ApiError::conflict(format!(
            "identity provider {id} is DELETED; its group mappings cannot change"
        )));
    }
    Ok(provider.id.clone())
}

/// The mapping `{mappingId}` of the addressed provider, 404 when it belongs to another.
fn mapping<'a>(store: &'a Store, call: &Call, idp: &str) -> Result<&'a IdpGroupMapping, ApiError> {
    let id = call.param("mappingId");
    store
        .idp_group_mappings
        .get(id)
        .filter(|m| m.idp_id == idp)
        .ok_or_else(|| ApiError::not_found("group mapping", id))
}

/// The IAM group must exist, and the same identity-provider group may map to it only once.
fn check(
    store: &Store,
    idp: &str,
    idp_group_name: &str,
    group_id: &str,
    except: &str,
) -> Result<(), ApiError> {
    if idp_group_name.trim().is_empty() {
        return Err(ApiError::invalid("idpGroupName must not be empty"));
    }
    let group = store.groups.get(group_id);
    if group.is_none_or(|g| g.lifecycle_state == LifecycleState::Deleted) {
        return Err(ApiError::related_not_found("group", group_id));
    }
    let duplicate = store.idp_group_mappings.iter().any(|m| {
        m.id != except
            && m.idp_id == idp
            && m.idp_group_name == idp_group_name
            && m.group_id == group_id
    });
    if duplicate {
        return Err(ApiError::conflict(format!(
            "IdP group '{idp_group_name}' is already mapped to group {group_id}"
        )));
    }
    Ok(())
}

pub async fn list(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let store = ctx.store.lock();
    let idp = provider(&store, &call, false)?;
    let items: Vec<&IdpGroupMapping> = store
        .idp_group_mappings
        .iter()
        .filter(|m| m.idp_id == idp)
        .collect();
    page(&items, &call, ctx.limits, Shape::Array)
}

pub async fn get(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let store = ctx.store.lock();
    let idp = provider(&store, &call, false)?;
    Reply::tagged(mapping(&store, &call, &idp)?)
}

pub async fn create(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let details: CreateIdpGroupMappingDetails = call.json()?;
    let mut store = ctx.store.lock();
    let idp = provider(&store, &call, true)?;
    check(&store, &idp, &details.idp_group_name, &details.group_id, "")?;
    let created = IdpGroupMapping {
        id: new_ocid("idpgroupmapping"),
        idp_id: idp,
        idp_group_name: details.idp_group_name,
        group_id: details.group_id,
        compartment_id: store.tenancy_id().to_string(),
        time_created: now_rfc3339(),
        lifecycle_state: LifecycleState::Active,
        inactive_status: None,
    };
    store.idp_group_mappings.upsert(created.clone());
    Reply::tagged(&created)
}

pub async fn update(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let details: UpdateIdpGroupMappingDetails = call.json()?;
    let mut store = ctx.store.lock();
    let idp = provider(&store, &call, true)?;
    let current = mapping(&store, &call, &idp)?;
    call.check_etag(&etag_of(current))?;
    let id = current.id.clone();
    let name = details
        .idp_group_name
        .unwrap_or_else(|| current.idp_group_name.clone());
    let group = details.group_id.unwrap_or_else(|| current.group_id.clone());
    check(&store, &idp, &name, &group, &id)?;
    let Some(m) = store.idp_group_mappings.get_mut(&id) else {
        return Err(ApiError::not_found("group mapping", &id));
    };
    m.idp_group_name = name;
    m.group_id = group;
    Reply::tagged(&*m)
}

pub async fn delete(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let mut store = ctx.store.lock();
    let idp = provider(&store, &call, true)?;
    let current = mapping(&store, &call, &idp)?;
    call.check_etag(&etag_of(current))?;
    let id = current.id.clone();
    store.idp_group_mappings.remove(&id);
    Ok(Reply::no_content())
}
