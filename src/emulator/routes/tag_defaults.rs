//! Tag defaults: a value applied to every resource created in a compartment (or, when
//! required, a tag every such resource must be given), their locks, and the effective set a
//! compartment inherits.

use axum::extract::State;

use super::locks::{Change, check_locks, new_locks};
use super::require_compartment;
use crate::emulator::Ctx;
use crate::emulator::call::{Call, Outcome, Reply};
use crate::emulator::error::ApiError;
use crate::emulator::listing::{Shape, SortNames, filter_sort, page};
use crate::emulator::store::{etag_of, new_ocid, now_rfc3339};
use crate::model::{
    CreateTagDefaultDetails, LifecycleState, Tag, TagDefault, TagValidator, UpdateTagDefaultDetails,
};

pub async fn list(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let store = ctx.store.lock();
    let id = call.query("id");
    let compartment = call.query("compartmentId");
    let definition = call.query("tagDefinitionId");
    let candidates = store.tag_defaults.iter().filter(|d| {
        id.is_none_or(|v| d.id == v)
            && compartment.is_none_or(|v| d.compartment_id == v)
            && definition.is_none_or(|v| d.tag_definition_id == v)
    });
    let items = filter_sort(candidates, &call, SortNames::Identity)?;
    page(&items, &call, ctx.limits, Shape::Array)
}

pub async fn get(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let store = ctx.store.lock();
    Reply::tagged(store.tag_defaults.find(call.param("id"), "tag default")?)
}

/// An ENUM tag only takes one of its values.
fn check_value(tag: &Tag, value: &str) -> Result<(), ApiError> {
    match &tag.validator {
        Some(TagValidator::Enum { values }) if !values.iter().any(|v| v == value) => {
            Err(ApiError::invalid(format!(
                "'{value}' is not one of the values tag {} allows: {}",
                tag.name,
                values.join(", ")
            )))
        }
        _ => Ok(()),
    }
}

pub async fn create(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let details: CreateTagDefaultDetails = call.json()?;
    let locks = new_locks(details.locks)?;
    let mut store = ctx.store.lock();
    require_compartment(&store, &details.compartment_id)?;
    let tag = store
        .tags
        .get(&details.tag_definition_id)
        .filter(|t| t.lifecycle_state == LifecycleState::Active)
        .ok_or_else(|| ApiError::not_found("tag definition", &details.tag_definition_id))?
        .clone();
    check_value(&tag, &details.value)?;
    let exists = store.tag_defaults.iter().any(|d| {
        d.compartment_id == details.compartment_id
            && d.tag_definition_id == details.tag_definition_id
    });
    if exists {
        return Err(ApiError::conflict(format!(
            "compartment {} already has a default for tag {}; update that one",
            details.compartment_id, tag.name
        )));
    }
    let default = TagDefault {
        id: new_ocid("tagdefault"),
        compartment_id: details.compartment_id,
        tag_namespace_id: tag.tag_namespace_id.clone().unwrap_or_default(),
        tag_definition_id: tag.id.clone(),
        tag_definition_name: tag.name.clone(),
        value: details.value,
        time_created: now_rfc3339(),
        lifecycle_state: LifecycleState::Active,
        is_required: details.is_required.unwrap_or(false),
        locks,
    };
    store.tag_defaults.upsert(default.clone());
    Reply::tagged(&default)
}

pub async fn update(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let details: UpdateTagDefaultDetails = call.json()?;
    let mut store = ctx.store.lock();
    let mut default = store
        .tag_defaults
        .find(call.param("id"), "tag default")?
        .clone();
    call.check_etag(&etag_of(&default))?;
    let what = "tag default for";
    check_locks(
        default.locks.as_ref(),
        Change::Update,
        what,
        &default.tag_definition_name,
        &call,
    )?;
    if let Some(tag) = store.tags.get(&default.tag_definition_id) {
        check_value(tag, &details.value)?;
    }
    default.value = details.value;
    if let Some(v) = details.is_required {
        default.is_required = v;
    }
    store.tag_defaults.upsert(default.clone());
    Reply::tagged(&default)
}

/// Tag defaults have no DELETED state: they are removed.
pub async fn delete(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let mut store = ctx.store.lock();
    let id = call.param("id");
    let default = store.tag_defaults.find(id, "tag default")?;
    call.check_etag(&etag_of(default))?;
    let what = "tag default for";
    check_locks(
        default.locks.as_ref(),
        Change::Delete,
        what,
        &default.tag_definition_name,
        &call,
    )?;
    store.tag_defaults.remove(id);
    Ok(Reply::no_content())
}

/// `assembleEffectiveTagSet`: the defaults that apply to resources created in the compartment,
/// its own and those inherited from its ancestors (their `compartmentId` says where each comes
/// from); for a tag defaulted at several levels the nearest wins. Not paged.
pub async fn assemble_effective_tag_set(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let store = ctx.store.lock();
    let compartment = call.required("compartmentId")?;
    if compartment != store.tenancy_id() && store.compartments.get(compartment).is_none() {
        return Err(ApiError::not_found("compartment", compartment));
    }
    let state = call.query("lifecycleState").map(LifecycleState::parse);
    if let Some(LifecycleState::Other(other)) = &state {
        return Err(ApiError::invalid(format!(
            "lifecycleState must be ACTIVE, not '{other}'"
        )));
    }
    let set: Vec<&TagDefault> = store
        .effective_tag_defaults(compartment)
        .into_iter()
        .filter(|d| state.as_ref().is_none_or(|s| d.lifecycle_state == *s))
        .collect();
    Reply::json(&set)
}
