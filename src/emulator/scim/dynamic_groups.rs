//! `/admin/v1/DynamicResourceGroups` of a domain: list, get, create (the matching rule is
//! checked as the classic API checks it) and delete.

use axum::extract::State;

use super::{check_version, directory, place, query, to_value, wire};
use crate::emulator::Ctx;
use crate::emulator::call::{Call, Outcome, Reply};
use crate::emulator::error::ApiError;
use crate::emulator::store::{new_ocid, now_rfc3339};
use crate::model::scim::ScimDynamicGroup;
use crate::model::{DomainDirectory, DynamicGroup, LifecycleState};

fn live<'a>(dir: &'a DomainDirectory, id: &str) -> Result<&'a DynamicGroup, ApiError> {
    dir.dynamic_groups
        .iter()
        .find(|g| g.id == id && g.lifecycle_state != LifecycleState::Deleted)
        .ok_or_else(|| ApiError::not_found("dynamic resource group", id))
}

pub async fn list(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let store = ctx.store.lock();
    let dir = directory(&store, &call)?;
    let base = super::base_of(&store, &call);
    let groups = wire::dynamic_groups(&dir, &place(&store, &call, &base))
        .iter()
        .map(to_value)
        .collect::<Result<Vec<_>, _>>()?;
    Reply::json(&query::list(groups, &call)?)
}

pub async fn get(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let store = ctx.store.lock();
    let dir = directory(&store, &call)?;
    let base = super::base_of(&store, &call);
    let group = wire::dynamic_group(live(&dir, call.param("id"))?, &place(&store, &call, &base));
    let version = group
        .meta
        .as_ref()
        .map(|m| m.version.clone())
        .unwrap_or_default();
    Ok(Reply::json(&query::one(to_value(&group)?, &call))?.header("etag", version))
}

pub async fn create(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let body: ScimDynamicGroup = call.json()?;
    let mut store = ctx.store.lock();
    let mut dir = directory(&store, &call)?;
    if body.display_name.trim().is_empty() {
        return Err(ApiError::missing(
            "a dynamic resource group needs a displayName",
        ));
    }
    let taken = dir.dynamic_groups.iter().any(|g| {
        g.lifecycle_state != LifecycleState::Deleted
            && g.name.eq_ignore_ascii_case(&body.display_name)
    });
    if taken {
        return Err(ApiError::conflict(format!(
            "a dynamic resource group named '{}' already exists in this identity domain",
            body.display_name
        )));
    }
    crate::policy::matching_rule::check(&body.matching_rule)
        .map_err(|e| ApiError::invalid(format!("the matching rule is not valid: {e}")))?;
    let group = DynamicGroup {
        id: new_ocid("dynamicgroup"),
        compartment_id: store.tenancy_id().to_string(),
        name: body.display_name.clone(),
        description: body.description.clone().unwrap_or_default(),
        matching_rule: body.matching_rule.clone(),
        time_created: now_rfc3339(),
        lifecycle_state: LifecycleState::Active,
        inactive_status: None,
        freeform_tags: crate::model::FreeformTags::default(),
        defined_tags: crate::model::DefinedTags::default(),
    };
    let base = super::base_of(&store, &call);
    let out = wire::dynamic_group(&group, &place(&store, &call, &base));
    dir.dynamic_groups.push(group);
    store.put_directory(dir)?;
    let version = out
        .meta
        .as_ref()
        .map(|m| m.version.clone())
        .unwrap_or_default();
    Ok(Reply::created(&out)?.header("etag", version))
}

pub async fn delete(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let mut store = ctx.store.lock();
    let mut dir = directory(&store, &call)?;
    let base = super::base_of(&store, &call);
    let id = call.param("id").to_string();
    let current = wire::dynamic_group(live(&dir, &id)?, &place(&store, &call, &base));
    check_version(&call, current.meta.as_ref())?;
    for g in dir.dynamic_groups.iter_mut().filter(|g| g.id == id) {
        g.lifecycle_state = LifecycleState::Deleted;
    }
    store.put_directory(dir)?;
    Ok(Reply::no_content())
}
