//! Tag namespaces (retire, reactivate, delete, cascade delete) and the tag definitions in them
//! (validators, cost tracking, work-request-backed delete). Tags are addressed by name.

use axum::extract::State;

use super::Taggable;
use super::require_compartment;
use crate::emulator::Ctx;
use crate::emulator::call::{Call, Outcome, Reply};
use crate::emulator::error::ApiError;
use crate::emulator::listing::{Shape, SortNames, filter_sort, page, page_map};
use crate::emulator::store::{Store, WorkKind, WorkService, etag_of, new_ocid, now_rfc3339};
use crate::model::{
    CreateTagDetails, CreateTagNamespaceDetails, LifecycleState, Tag, TagNamespace, TagValidator,
    UpdateTagDetails, UpdateTagNamespaceDetails,
};

/// OCI allows at most this many cost-tracking tags per tenancy.
const MAX_COST_TRACKING: usize = 10;

pub async fn list_namespaces(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let store = ctx.store.lock();
    let compartment = call.required("compartmentId")?;
    if compartment != store.tenancy_id() && store.compartments.get(compartment).is_none() {
        return Err(ApiError::not_found("compartment", compartment));
    }
    let subtree = call.flag("includeSubcompartments")?.unwrap_or(false);
    let candidates = store.tag_namespaces.iter().filter(|n| {
        if subtree {
            store.is_within(&n.compartment_id, compartment)
        } else {
            n.compartment_id == compartment
        }
    });
    let items = filter_sort(candidates, &call, SortNames::Identity)?;
    page(&items, &call, ctx.limits, Shape::Array)
}

/// `GetTagNamespace` returns no etag, unlike most resources.
pub async fn get_namespace(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let store = ctx.store.lock();
    Reply::json(
        store
            .tag_namespaces
            .find(call.param("id"), "tag namespace")?,
    )
}

pub async fn create_namespace(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let details: CreateTagNamespaceDetails = call.json()?;
    let mut store = ctx.store.lock();
    require_compartment(&store, &details.compartment_id)?;
    if details.name.trim().is_empty() {
        return Err(ApiError::invalid("a tag namespace needs a non-empty name"));
    }
    let taken = store.tag_namespaces.iter().any(|n| {
        n.name.eq_ignore_ascii_case(&details.name) && n.lifecycle_state != LifecycleState::Deleted
    });
    if taken {
        return Err(ApiError::conflict(format!(
            "a tag namespace named '{}' already exists; names are unique in the tenancy",
            details.name
        )));
    }
    let namespace = TagNamespace {
        id: new_ocid("tagnamespace"),
        compartment_id: details.compartment_id,
        name: details.name,
        description: details.description,
        freeform_tags: details.freeform_tags.unwrap_or_default(),
        defined_tags: details.defined_tags.unwrap_or_default(),
        is_retired: false,
        lifecycle_state: LifecycleState::Active,
        time_created: now_rfc3339(),
        locks: details.locks,
    };
    store.tag_namespaces.upsert(namespace.clone());
    Reply::json(&namespace)
}

fn check_live(state: &LifecycleState, what: &str, id: &str) -> Result<(), ApiError> {
    if matches!(state, LifecycleState::Deleted | LifecycleState::Deleting) {
        Err(ApiError::conflict(format!("{what} {id} is {state}")))
    } else {
        Ok(())
    }
}

/// A retired namespace or tag is INACTIVE; reactivating makes it ACTIVE again.
fn retired_state(retired: bool) -> LifecycleState {
    if retired {
        LifecycleState::Inactive
    } else {
        LifecycleState::Active
    }
}

/// Takes no if-match (the SDK sends none). Retiring a namespace retires its tags with it.
pub async fn update_namespace(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let details: UpdateTagNamespaceDetails = call.json()?;
    let mut store = ctx.store.lock();
    let id = call.param("id").to_string();
    check_live(
        &store
            .tag_namespaces
            .find(&id, "tag namespace")?
            .lifecycle_state,
        "tag namespace",
        &id,
    )?;
    if let Some(retired) = details.is_retired {
        let state = retired_state(retired);
        for tag in &mut store.tags {
            let live = !matches!(
                tag.lifecycle_state,
                LifecycleState::Deleted | LifecycleState::Deleting
            );
            if tag.tag_namespace_id.as_deref() == Some(id.as_str()) && live {
                tag.is_retired = retired;
                tag.lifecycle_state = state.clone();
            }
        }
    }
    let Some(ns) = store.tag_namespaces.get_mut(&id) else {
        return Err(ApiError::not_found("tag namespace", &id));
    };
    if let Some(retired) = details.is_retired {
        ns.is_retired = retired;
        ns.lifecycle_state = retired_state(retired);
    }
    if let Some(v) = details.description {
        ns.description = v;
    }
    ns.retag(details.freeform_tags, details.defined_tags);
    Reply::json(&*ns)
}

/// Only an empty namespace can be deleted this way; otherwise use cascadeDelete.
pub async fn delete_namespace(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let mut store = ctx.store.lock();
    let id = call.param("id").to_string();
    let ns = store.tag_namespaces.find(&id, "tag namespace")?;
    call.check_etag(&etag_of(ns))?;
    check_live(&ns.lifecycle_state, "tag namespace", &id)?;
    let tags = store
        .tags
        .iter()
        .filter(|t| {
            t.tag_namespace_id.as_deref() == Some(id.as_str())
                && t.lifecycle_state != LifecycleState::Deleted
        })
        .count();
    if tags > 0 {
        return Err(ApiError::conflict(format!(
            "tag namespace {id} still holds {tags} tag(s); delete them first or use cascadeDelete"
        )));
    }
    if let Some(ns) = store.tag_namespaces.get_mut(&id) {
        ns.lifecycle_state = LifecycleState::Deleted;
    }
    Ok(Reply::no_content())
}

pub async fn cascade_delete_namespace(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let mut store = ctx.store.lock();
    let id = call.param("id").to_string();
    let ns = store.tag_namespaces.find(&id, "tag namespace")?;
    call.check_etag(&etag_of(ns))?;
    check_live(&ns.lifecycle_state, "tag namespace", &id)?;
    let compartment = ns.compartment_id.clone();
    for tag in &mut store.tags {
        if tag.tag_namespace_id.as_deref() == Some(id.as_str())
            && tag.lifecycle_state != LifecycleState::Deleted
        {
            tag.lifecycle_state = LifecycleState::Deleting;
        }
    }
    if let Some(ns) = store.tag_namespaces.get_mut(&id) {
        ns.lifecycle_state = LifecycleState::Deleting;
    }
    let work = store.start_work(
        WorkKind::CascadeDeleteTagNamespace { id },
        WorkService::Tagging,
        &compartment,
    );
    Ok(Reply::accepted(work))
}

pub async fn list_tags(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let store = ctx.store.lock();
    let ns = store
        .tag_namespaces
        .find(call.param("id"), "tag namespace")?;
    let candidates = store
        .tags
        .iter()
        .filter(|t| t.tag_namespace_id.as_deref() == Some(ns.id.as_str()));
    let items = filter_sort(candidates, &call, SortNames::Identity)?;
    // TagSummary carries neither the namespace nor the validator.
    page_map(&items, &call, ctx.limits, Shape::Array, |t| Tag {
        tag_namespace_id: None,
        tag_namespace_name: None,
        validator: None,
        ..(*t).clone()
    })
}

/// The tag with this name in the namespace, preferring one that is not deleted.
fn find_tag<'a>(store: &'a Store, ns_id: &str, name: &str) -> Result<&'a Tag, ApiError> {
    let mut matching = store.tags.iter().filter(|t| {
        t.tag_namespace_id.as_deref() == Some(ns_id) && t.name.eq_ignore_ascii_case(name)
    });
    let first = matching.next();
    let live = first
        .into_iter()
        .chain(matching)
        .find(|t| t.lifecycle_state != LifecycleState::Deleted);
    live.or(first)
        .ok_or_else(|| ApiError::not_found("tag", name))
}

/// The tag as `GetTag` returns it, with its namespace id and name filled in.
fn full(store: &Store, tag: &Tag) -> Tag {
    let mut tag = tag.clone();
    if let Some(ns) = tag
        .tag_namespace_id
        .as_deref()
        .and_then(|id| store.tag_namespaces.get(id))
    {
        tag.tag_namespace_name = Some(ns.name.clone());
    }
    tag
}

pub async fn get_tag(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let store = ctx.store.lock();
    let ns = store
        .tag_namespaces
        .find(call.param("id"), "tag namespace")?;
    Reply::tagged(&full(&store, find_tag(&store, &ns.id, call.param("name"))?))
}

fn check_validator(validator: Option<&TagValidator>) -> Result<(), ApiError> {
    match validator {
        Some(TagValidator::Enum { values }) if values.is_empty() => Err(ApiError::invalid(
            "an ENUM validator needs at least one value",
        )),
        _ => Ok(()),
    }
}

fn check_cost_tracking(store: &Store, except: &str) -> Result<(), ApiError> {
    let count = store
        .tags
        .iter()
        .filter(|t| {
            t.is_cost_tracking && t.id != except && t.lifecycle_state == LifecycleState::Active
        })
        .count();
    if count >= MAX_COST_TRACKING {
        return Err(ApiError::invalid(format!(
            "at most {MAX_COST_TRACKING} tags can be cost-tracking; turn it off on another tag first"
        )));
    }
    Ok(())
}

pub async fn create_tag(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let details: CreateTagDetails = call.json()?;
    check_validator(details.validator.as_ref())?;
    let mut store = ctx.store.lock();
    let ns = store
        .tag_namespaces
        .find(call.param("id"), "tag namespace")?
        .clone();
    if ns.lifecycle_state != LifecycleState::Active {
        return Err(ApiError::conflict(format!(
            "tag namespace {} is {}; tags can only be added to an active namespace",
            ns.name, ns.lifecycle_state
        )));
    }
    if details.name.trim().is_empty() {
        return Err(ApiError::invalid("a tag needs a non-empty name"));
    }
    if find_tag(&store, &ns.id, &details.name)
        .is_ok_and(|t| t.lifecycle_state != LifecycleState::Deleted)
    {
        return Err(ApiError::conflict(format!(
            "a tag named '{}' already exists in namespace {}",
            details.name, ns.name
        )));
    }
    let cost_tracking = details.is_cost_tracking.unwrap_or(false);
    if cost_tracking {
        check_cost_tracking(&store, "")?;
    }
    let tag = Tag {
        compartment_id: ns.compartment_id.clone(),
        tag_namespace_id: Some(ns.id.clone()),
        tag_namespace_name: Some(ns.name.clone()),
        id: new_ocid("tagdefinition"),
        name: details.name,
        description: details.description,
        freeform_tags: details.freeform_tags.unwrap_or_default(),
        defined_tags: details.defined_tags.unwrap_or_default(),
        is_retired: false,
        lifecycle_state: LifecycleState::Active,
        time_created: now_rfc3339(),
        is_cost_tracking: cost_tracking,
        validator: details.validator,
    };
    store.tags.upsert(tag.clone());
    Reply::tagged(&tag)
}

/// Finds the tag for a change: checks `if-match` and that it is not being deleted.
fn editable_tag(store: &Store, call: &Call) -> Result<Tag, ApiError> {
    let ns = store
        .tag_namespaces
        .find(call.param("id"), "tag namespace")?;
    let tag = find_tag(store, &ns.id, call.param("name"))?;
    call.check_etag(&etag_of(&full(store, tag)))?;
    check_live(&tag.lifecycle_state, "tag", &tag.name)?;
    Ok(tag.clone())
}

pub async fn update_tag(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let details: UpdateTagDetails = call.json()?;
    check_validator(details.validator.as_ref())?;
    let mut store = ctx.store.lock();
    let mut tag = editable_tag(&store, &call)?;
    if details.is_cost_tracking == Some(true) && !tag.is_cost_tracking {
        check_cost_tracking(&store, &tag.id)?;
    }
    if let Some(v) = details.description {
        tag.description = v;
    }
    if let Some(v) = details.is_retired {
        tag.is_retired = v;
        tag.lifecycle_state = retired_state(v);
    }
    tag.retag(details.freeform_tags, details.defined_tags);
    if let Some(v) = details.is_cost_tracking {
        tag.is_cost_tracking = v;
    }
    if let Some(v) = details.validator {
        tag.validator = Some(v);
    }
    store.tags.upsert(tag.clone());
    Reply::tagged(&full(&store, &tag))
}

pub async fn delete_tag(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let mut store = ctx.store.lock();
    let tag = editable_tag(&store, &call)?;
    if let Some(t) = store.tags.get_mut(&tag.id) {
        t.lifecycle_state = LifecycleState::Deleting;
    }
    let work = store.start_work(
        WorkKind::DeleteTag { id: tag.id.clone() },
        WorkService::Tagging,
        &tag.compartment_id,
    );
    Ok(Reply::accepted(work))
}
