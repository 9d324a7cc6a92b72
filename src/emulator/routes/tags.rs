//! Tag definitions in a namespace (validators, cost tracking and its limit of 10, the
//! work-request-backed delete of a retired tag) and the tenancy's cost-tracking tags. Tags are
//! addressed by name. A FULL lock on the namespace covers its tags.

use axum::extract::State;

use super::Taggable;
use super::locks::{Change, check_locks};
use crate::emulator::Ctx;
use crate::emulator::call::{Call, Outcome, Reply};
use crate::emulator::error::ApiError;
use crate::emulator::listing::{Shape, SortNames, filter_sort, page_map};
use crate::emulator::store::{Store, WorkKind, WorkService, etag_of, new_ocid, now_rfc3339};
use crate::model::{
    CreateTagDetails, LifecycleState, Tag, TagNamespace, TagValidator, UpdateTagDetails,
};

/// OCI allows at most this many cost-tracking tag definitions in a tenancy at a time.
const MAX_COST_TRACKING: usize = 10;

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

/// Tags that count against the limit: cost-tracking and not being deleted (a delete frees its
/// place at once, retiring does not).
fn check_cost_tracking(store: &Store, except: &str) -> Result<(), ApiError> {
    let count = store
        .tags
        .iter()
        .filter(|t| t.is_cost_tracking && t.id != except && counts(&t.lifecycle_state))
        .count();
    if count >= MAX_COST_TRACKING {
        return Err(ApiError::limit_exceeded(format!(
            "the tenancy already has {count} cost-tracking tags, the most OCI allows; turn cost \
             tracking off on another tag (or delete one) first"
        )));
    }
    Ok(())
}

fn counts(state: &LifecycleState) -> bool {
    !matches!(state, LifecycleState::Deleted | LifecycleState::Deleting)
}

/// The namespace of a tag request, with the locks check for `change`.
fn namespace_for(store: &Store, call: &Call, change: Change) -> Result<TagNamespace, ApiError> {
    let ns = store
        .tag_namespaces
        .find(call.param("id"), "tag namespace")?;
    check_locks(ns.locks.as_ref(), change, "tag namespace", &ns.name, call)?;
    Ok(ns.clone())
}

pub async fn create_tag(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let details: CreateTagDetails = call.json()?;
    check_validator(details.validator.as_ref())?;
    let mut store = ctx.store.lock();
    let ns = namespace_for(&store, &call, Change::Update)?;
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
    // Tag defaults apply to the resources a compartment holds, not to tag metadata itself.
    let defined_tags = details.defined_tags.unwrap_or_default();
    store.check_defined_tags(&defined_tags, None)?;
    let tag = Tag {
        compartment_id: ns.compartment_id.clone(),
        tag_namespace_id: Some(ns.id.clone()),
        tag_namespace_name: Some(ns.name.clone()),
        id: new_ocid("tagdefinition"),
        name: details.name,
        description: details.description,
        freeform_tags: details.freeform_tags.unwrap_or_default(),
        defined_tags,
        is_retired: false,
        lifecycle_state: LifecycleState::Active,
        time_created: now_rfc3339(),
        is_cost_tracking: cost_tracking,
        validator: details.validator,
    };
    store.tags.upsert(tag.clone());
    Reply::tagged(&tag)
}

/// Finds the tag for a change: the namespace's locks, `if-match`, and that it is not being
/// deleted.
fn editable_tag(
    store: &Store,
    call: &Call,
    change: Change,
) -> Result<(TagNamespace, Tag), ApiError> {
    let ns = namespace_for(store, call, change)?;
    let tag = find_tag(store, &ns.id, call.param("name"))?;
    call.check_etag(&etag_of(&full(store, tag)))?;
    if !counts(&tag.lifecycle_state) {
        return Err(ApiError::conflict(format!(
            "tag {}.{} is {}",
            ns.name, tag.name, tag.lifecycle_state
        )));
    }
    Ok((ns, tag.clone()))
}

/// OCI keeps values a tag default uses: they cannot leave an ENUM list.
fn check_values_in_use(store: &Store, tag: &Tag, validator: &TagValidator) -> Result<(), ApiError> {
    let TagValidator::Enum { values } = validator else {
        return Ok(());
    };
    let used = store.tag_defaults.iter().find(|d| {
        d.tag_definition_id == tag.id && !values.contains(&d.value) && !d.value.contains("${")
    });
    match used {
        Some(d) => Err(ApiError::conflict(format!(
            "the value '{}' is used by the tag default {} in {}; change that tag default to \
             another value first",
            d.value,
            d.id,
            store.compartment_label(&d.compartment_id)
        ))),
        None => Ok(()),
    }
}

pub async fn update_tag(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let details: UpdateTagDetails = call.json()?;
    check_validator(details.validator.as_ref())?;
    let mut store = ctx.store.lock();
    let (ns, mut tag) = editable_tag(&store, &call, Change::Update)?;
    if details.is_retired == Some(false) && tag.is_retired && ns.is_retired {
        return Err(ApiError::conflict(format!(
            "tag namespace {} is retired; reactivate the namespace first, then the tag",
            ns.name
        )));
    }
    if details.is_cost_tracking == Some(true) && !tag.is_cost_tracking {
        check_cost_tracking(&store, &tag.id)?;
    }
    if let Some(v) = &details.validator {
        check_values_in_use(&store, &tag, v)?;
    }
    if let Some(tags) = &details.defined_tags {
        store.check_defined_tags(tags, Some(&tag.defined_tags))?;
    }
    if let Some(v) = details.description {
        tag.description = v;
    }
    if let Some(v) = details.is_retired {
        tag.is_retired = v;
        tag.lifecycle_state = if v {
            LifecycleState::Inactive
        } else {
            LifecycleState::Active
        };
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

/// OCI deletes only a retired tag, through a tagging work request.
pub async fn delete_tag(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let mut store = ctx.store.lock();
    let (ns, tag) = editable_tag(&store, &call, Change::Update)?;
    if !tag.is_retired {
        return Err(ApiError::conflict(format!(
            "tag {}.{} is active; retire it first (update it with isRetired=true), then delete it",
            ns.name, tag.name
        )));
    }
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

/// `listCostTrackingTags`: full tags (with namespace and validator) whose namespace is in the
/// compartment's subtree; the tenancy gives all of them.
pub async fn list_cost_tracking_tags(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let store = ctx.store.lock();
    let compartment = call.required("compartmentId")?;
    if compartment != store.tenancy_id() && store.compartments.get(compartment).is_none() {
        return Err(ApiError::not_found("compartment", compartment));
    }
    let items: Vec<&Tag> = store
        .tags
        .iter()
        .filter(|t| {
            t.is_cost_tracking
                && counts(&t.lifecycle_state)
                && store.is_within(&t.compartment_id, compartment)
        })
        .collect();
    page_map(&items, &call, ctx.limits, Shape::Array, |t| full(&store, t))
}
