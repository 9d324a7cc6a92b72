//! Compartments: list (children or the whole subtree), get, create, update, and the
//! work-request-backed delete and move, plus recover.

use axum::extract::State;

use super::{Taggable, require_compartment, require_not_deleted};
use crate::emulator::Ctx;
use crate::emulator::call::{Call, Outcome, Reply};
use crate::emulator::error::ApiError;
use crate::emulator::listing::{Shape, SortNames, filter_sort, page, page_map};
use crate::emulator::store::{Store, WorkKind, WorkService, etag_of, new_ocid, now_rfc3339};
use crate::model::{
    Compartment, CreateCompartmentDetails, LifecycleState, MoveCompartmentDetails,
    UpdateCompartmentDetails,
};

pub async fn list(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let store = ctx.store.lock();
    let parent = call.required("compartmentId")?;
    if parent != store.tenancy_id() && store.compartments.get(parent).is_none() {
        return Err(ApiError::not_found("compartment", parent));
    }
    let subtree = call.flag("compartmentIdInSubtree")?.unwrap_or(false);
    if subtree && parent != store.tenancy_id() {
        return Err(ApiError::invalid(
            "compartmentIdInSubtree=true is only allowed when compartmentId is the tenancy",
        ));
    }
    let accessible = match call.query("accessLevel") {
        None => false,
        Some(l) if l.eq_ignore_ascii_case("ANY") => false,
        Some(l) if l.eq_ignore_ascii_case("ACCESSIBLE") => true,
        Some(l) => {
            return Err(ApiError::invalid(format!(
                "accessLevel must be ANY or ACCESSIBLE, not '{l}'"
            )));
        }
    };
    let candidates = store
        .compartments
        .iter()
        .filter(|c| subtree || c.compartment_id == parent);
    let items = filter_sort(candidates, &call, SortNames::Identity)?;
    if accessible {
        // The caller is an administrator, so everything is accessible to it.
        return page_map(&items, &call, ctx.limits, Shape::Array, |c| Compartment {
            is_accessible: Some(true),
            ..(*c).clone()
        });
    }
    page(&items, &call, ctx.limits, Shape::Array)
}

pub async fn get(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let store = ctx.store.lock();
    let id = call.param("id");
    if id == store.tenancy_id() {
        return Reply::tagged(&root(&store));
    }
    Reply::tagged(store.compartments.find(id, "compartment")?)
}

/// The tenancy as the root compartment, as OCI answers `GetCompartment` for it: its own
/// parent, named and described as the tenancy, created with the oldest thing in it.
fn root(store: &Store) -> Compartment {
    let tenancy = &store.tenancy;
    let created = store
        .compartments
        .iter()
        .map(|c| c.time_created.as_str())
        .chain(store.users.iter().map(|u| u.time_created.as_str()))
        .filter(|t| !t.is_empty())
        .min()
        .unwrap_or_default()
        .to_string();
    Compartment {
        id: tenancy.id.clone(),
        compartment_id: tenancy.id.clone(),
        name: tenancy.name.clone(),
        description: tenancy.description.clone().unwrap_or_default(),
        time_created: created,
        lifecycle_state: LifecycleState::Active,
        inactive_status: None,
        is_accessible: None,
        freeform_tags: tenancy.freeform_tags.clone(),
        defined_tags: tenancy.defined_tags.clone(),
    }
}

/// Sibling names are unique (case-insensitively) among compartments that are not deleted.
fn check_name_free(store: &Store, parent: &str, name: &str, except: &str) -> Result<(), ApiError> {
    let taken = store.compartments.iter().any(|c| {
        c.compartment_id == parent
            && c.id != except
            && c.name.eq_ignore_ascii_case(name)
            && c.lifecycle_state != LifecycleState::Deleted
    });
    if taken {
        Err(ApiError::conflict(format!(
            "a compartment named '{name}' already exists in {parent}; choose another name"
        )))
    } else {
        Ok(())
    }
}

fn check_name_valid(name: &str) -> Result<(), ApiError> {
    let ok = !name.is_empty()
        && name.len() <= 100
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'));
    if ok {
        Ok(())
    } else {
        Err(ApiError::invalid(format!(
            "'{name}' is not a valid compartment name: use 1-100 letters, digits, '.', '_' or '-'"
        )))
    }
}

pub async fn create(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let details: CreateCompartmentDetails = call.json()?;
    let mut store = ctx.store.lock();
    require_compartment(&store, &details.compartment_id)?;
    check_name_valid(&details.name)?;
    check_name_free(&store, &details.compartment_id, &details.name, "")?;
    let defined_tags = store.tags_for_new(
        &details.compartment_id,
        details.defined_tags.clone(),
        call.principal.as_deref(),
    )?;
    let compartment = Compartment {
        id: new_ocid("compartment"),
        compartment_id: details.compartment_id,
        name: details.name,
        description: details.description,
        time_created: now_rfc3339(),
        lifecycle_state: LifecycleState::Active,
        inactive_status: None,
        is_accessible: None,
        freeform_tags: details.freeform_tags.unwrap_or_default(),
        defined_tags,
    };
    store.compartments.upsert(compartment.clone());
    Reply::tagged(&compartment)
}

pub async fn update(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let details: UpdateCompartmentDetails = call.json()?;
    let mut store = ctx.store.lock();
    let id = call.param("id");
    let current = store.compartments.find(id, "compartment")?;
    call.check_etag(&etag_of(current))?;
    require_not_deleted(&current.lifecycle_state, "compartment", id)?;
    if let Some(name) = &details.name {
        check_name_valid(name)?;
        check_name_free(&store, &current.compartment_id.clone(), name, id)?;
    }
    if let Some(tags) = &details.defined_tags {
        store.check_defined_tags(tags, Some(&current.defined_tags))?;
    }
    let Some(c) = store.compartments.get_mut(id) else {
        return Err(ApiError::not_found("compartment", id));
    };
    if let Some(name) = details.name {
        c.name = name;
    }
    if let Some(description) = details.description {
        c.description = description;
    }
    c.retag(details.freeform_tags, details.defined_tags);
    Reply::tagged(&*c)
}

/// What still lives in a compartment, in words, or `None` when it is empty.
fn contents(store: &Store, id: &str) -> Option<String> {
    let live = |s: &LifecycleState| !matches!(s, LifecycleState::Deleted);
    let children = store
        .compartments
        .iter()
        .filter(|c| c.compartment_id == id && live(&c.lifecycle_state))
        .count();
    let policies = store
        .policies
        .iter()
        .filter(|p| p.compartment_id == id && live(&p.lifecycle_state))
        .count();
    let namespaces = store
        .tag_namespaces
        .iter()
        .filter(|n| n.compartment_id == id && live(&n.lifecycle_state))
        .count();
    // Other services' resources (instances, buckets ...) keep a compartment from going too.
    let resources = store
        .compartment_resources
        .iter()
        .filter(|r| r.compartment_id == id && r.is_live())
        .count();
    let parts: Vec<String> = [
        (children, "compartments"),
        (policies, "policies"),
        (namespaces, "tag namespaces"),
        (resources, "resource(s) of other services"),
    ]
    .iter()
    .filter(|(n, _)| *n > 0)
    .map(|(n, what)| format!("{n} {what}"))
    .collect();
    (!parts.is_empty()).then(|| parts.join(", "))
}

pub async fn delete(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let mut store = ctx.store.lock();
    let id = call.param("id");
    let current = store.compartments.find(id, "compartment")?;
    call.check_etag(&etag_of(current))?;
    require_not_deleted(&current.lifecycle_state, "compartment", id)?;
    if let Some(what) = contents(&store, id) {
        return Err(ApiError::conflict(format!(
            "compartment {id} is not empty: it still holds {what}; delete or move them first"
        )));
    }
    let parent = current.compartment_id.clone();
    if let Some(c) = store.compartments.get_mut(id) {
        c.lifecycle_state = LifecycleState::Deleting;
    }
    let work = store.start_work(
        WorkKind::DeleteCompartment { id: id.to_string() },
        WorkService::Identity,
        &parent,
    );
    Ok(Reply::accepted(work))
}

pub async fn move_to(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let details: MoveCompartmentDetails = call.json()?;
    let mut store = ctx.store.lock();
    let id = call.param("id");
    let current = store.compartments.find(id, "compartment")?;
    call.check_etag(&etag_of(current))?;
    require_not_deleted(&current.lifecycle_state, "compartment", id)?;
    let target = details.target_compartment_id;
    require_compartment(&store, &target)?;
    if store.is_within(&target, id) {
        return Err(ApiError::invalid(
            "a compartment cannot be moved into itself or one of its own subcompartments",
        ));
    }
    if current.compartment_id == target {
        return Err(ApiError::invalid(
            "the compartment is already in the target compartment",
        ));
    }
    let name = current.name.clone();
    check_name_free(&store, &target, &name, id)?;
    let work = store.start_work(
        WorkKind::MoveCompartment {
            id: id.to_string(),
            target: target.clone(),
        },
        WorkService::Identity,
        &target,
    );
    Ok(Reply::accepted(work))
}

pub async fn recover(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let mut store = ctx.store.lock();
    let id = call.param("id");
    let current = store.compartments.find(id, "compartment")?;
    call.check_etag(&etag_of(current))?;
    if current.lifecycle_state != LifecycleState::Deleted {
        return Err(ApiError::conflict(format!(
            "compartment {id} is {}; only a DELETED compartment can be recovered",
            current.lifecycle_state
        )));
    }
    let (parent, name) = (current.compartment_id.clone(), current.name.clone());
    require_compartment(&store, &parent)?;
    check_name_free(&store, &parent, &name, id)?;
    let Some(c) = store.compartments.get_mut(id) else {
        return Err(ApiError::not_found("compartment", id));
    };
    c.lifecycle_state = LifecycleState::Active;
    Reply::tagged(&*c)
}
