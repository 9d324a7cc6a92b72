//! Tag namespaces: list, get, create, update (retire, reactivate), move to another
//! compartment, and the two deletes OCI offers: plain (retired and empty) and cascade (retired,
//! through a tagging work request). Locks are honoured on every change.

use axum::extract::State;

use super::locks::{Change, check_locks, new_locks};
use super::{Taggable, require_compartment};
use crate::emulator::Ctx;
use crate::emulator::call::{Call, Outcome, Reply};
use crate::emulator::error::ApiError;
use crate::emulator::listing::{Shape, SortNames, filter_sort, page};
use crate::emulator::store::{Store, WorkKind, WorkService, etag_of, new_ocid, now_rfc3339};
use crate::model::{
    ChangeTagNamespaceCompartmentDetail, CreateTagNamespaceDetails, LifecycleState, TagNamespace,
    UpdateTagNamespaceDetails,
};

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
    let locks = new_locks(details.locks)?;
    let mut store = ctx.store.lock();
    require_compartment(&store, &details.compartment_id)?;
    if details.name.trim().is_empty() {
        return Err(ApiError::invalid("a tag namespace needs a non-empty name"));
    }
    // A retired namespace keeps its name too, as OCI says.
    let taken = store.tag_namespaces.iter().any(|n| {
        n.name.eq_ignore_ascii_case(&details.name) && n.lifecycle_state != LifecycleState::Deleted
    });
    if taken {
        return Err(ApiError::conflict(format!(
            "a tag namespace named '{}' already exists; names are unique in the tenancy",
            details.name
        )));
    }
    // Tag defaults apply to the resources a compartment holds, not to tag metadata itself.
    let defined_tags = details.defined_tags.unwrap_or_default();
    store.check_defined_tags(&defined_tags, None)?;
    let namespace = TagNamespace {
        id: new_ocid("tagnamespace"),
        compartment_id: details.compartment_id,
        name: details.name,
        description: details.description,
        freeform_tags: details.freeform_tags.unwrap_or_default(),
        defined_tags,
        is_retired: false,
        lifecycle_state: LifecycleState::Active,
        time_created: now_rfc3339(),
        locks,
    };
    store.tag_namespaces.upsert(namespace.clone());
    Reply::json(&namespace)
}

/// The namespace a change addresses, refused when it is being deleted or is gone.
fn live_namespace<'a>(store: &'a Store, call: &Call) -> Result<&'a TagNamespace, ApiError> {
    let id = call.param("id");
    let ns = store.tag_namespaces.find(id, "tag namespace")?;
    if matches!(
        ns.lifecycle_state,
        LifecycleState::Deleted | LifecycleState::Deleting
    ) {
        return Err(ApiError::conflict(format!(
            "tag namespace {} is {}",
            ns.name, ns.lifecycle_state
        )));
    }
    Ok(ns)
}

/// Takes no if-match (the SDK sends none). Retiring a namespace retires its tags with it;
/// reactivating it does not reactivate them (each is reactivated on its own, as OCI says).
pub async fn update_namespace(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let details: UpdateTagNamespaceDetails = call.json()?;
    let mut store = ctx.store.lock();
    let ns = live_namespace(&store, &call)?;
    check_locks(
        ns.locks.as_ref(),
        Change::Update,
        "tag namespace",
        &ns.name,
        &call,
    )?;
    if let Some(tags) = &details.defined_tags {
        store.check_defined_tags(tags, Some(&ns.defined_tags))?;
    }
    let id = ns.id.clone();
    if details.is_retired == Some(true) {
        for tag in &mut store.tags {
            let live = !matches!(
                tag.lifecycle_state,
                LifecycleState::Deleted | LifecycleState::Deleting
            );
            if tag.tag_namespace_id.as_deref() == Some(id.as_str()) && live {
                tag.is_retired = true;
                tag.lifecycle_state = LifecycleState::Inactive;
            }
        }
    }
    let Some(ns) = store.tag_namespaces.get_mut(&id) else {
        return Err(ApiError::not_found("tag namespace", &id));
    };
    if let Some(retired) = details.is_retired {
        ns.is_retired = retired;
        ns.lifecycle_state = if retired {
            LifecycleState::Inactive
        } else {
            LifecycleState::Active
        };
    }
    if let Some(v) = details.description {
        ns.description = v;
    }
    ns.retag(details.freeform_tags, details.defined_tags);
    Reply::json(&*ns)
}

/// OCI deletes a namespace only once it is retired; say how to get there.
fn require_retired(ns: &TagNamespace) -> Result<(), ApiError> {
    if ns.is_retired {
        Ok(())
    } else {
        Err(ApiError::conflict(format!(
            "tag namespace {} is active; retire it first (update it with isRetired=true), then \
             delete it",
            ns.name
        )))
    }
}

/// Only a retired, empty namespace is deleted this way; otherwise use cascadeDelete.
pub async fn delete_namespace(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let mut store = ctx.store.lock();
    let ns = live_namespace(&store, &call)?;
    call.check_etag(&etag_of(ns))?;
    check_locks(
        ns.locks.as_ref(),
        Change::Delete,
        "tag namespace",
        &ns.name,
        &call,
    )?;
    require_retired(ns)?;
    let id = ns.id.clone();
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
            "tag namespace {} still holds {tags} tag definition(s); delete them first, or use \
             cascadeDelete to delete the namespace with its tags",
            ns.name
        )));
    }
    if let Some(ns) = store.tag_namespaces.get_mut(&id) {
        ns.lifecycle_state = LifecycleState::Deleted;
    }
    Ok(Reply::no_content())
}

pub async fn cascade_delete_namespace(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let mut store = ctx.store.lock();
    let ns = live_namespace(&store, &call)?;
    call.check_etag(&etag_of(ns))?;
    check_locks(
        ns.locks.as_ref(),
        Change::Delete,
        "tag namespace",
        &ns.name,
        &call,
    )?;
    require_retired(ns)?;
    let (id, compartment) = (ns.id.clone(), ns.compartment_id.clone());
    let busy = store.tags.iter().find(|t| {
        t.tag_namespace_id.as_deref() == Some(id.as_str())
            && t.lifecycle_state == LifecycleState::Deleting
    });
    if let Some(tag) = busy {
        return Err(ApiError::conflict(format!(
            "tag {} of this namespace is still being deleted; wait for its work request to \
             finish, then cascade-delete the namespace",
            tag.name
        )));
    }
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

/// Moves the namespace and its tag definitions. Synchronous: OCI answers 200 with no body.
pub async fn change_compartment(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let details: ChangeTagNamespaceCompartmentDetail = call.json()?;
    let mut store = ctx.store.lock();
    let ns = live_namespace(&store, &call)?;
    check_locks(
        ns.locks.as_ref(),
        Change::Move,
        "tag namespace",
        &ns.name,
        &call,
    )?;
    let target = details.compartment_id;
    require_compartment(&store, &target)?;
    if ns.compartment_id == target {
        return Err(ApiError::invalid(format!(
            "tag namespace {} is already in compartment {target}",
            ns.name
        )));
    }
    let id = ns.id.clone();
    for tag in &mut store.tags {
        if tag.tag_namespace_id.as_deref() == Some(id.as_str()) {
            tag.compartment_id.clone_from(&target);
        }
    }
    if let Some(ns) = store.tag_namespaces.get_mut(&id) {
        ns.compartment_id = target;
    }
    Ok(Reply::empty())
}
