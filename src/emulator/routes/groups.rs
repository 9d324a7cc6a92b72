//! Groups, user-group memberships and dynamic groups.

use axum::extract::State;

use super::{Taggable, editable, editable_tagged, require_not_deleted, require_tenancy};
use crate::emulator::Ctx;
use crate::emulator::call::{Call, Outcome, Reply};
use crate::emulator::error::ApiError;
use crate::emulator::listing::{Listable, Shape, SortNames, filter_sort, page};
use crate::emulator::store::{Keyed, Table, etag_of, new_ocid, now_rfc3339};
use crate::model::{
    AddUserToGroupDetails, CreateDynamicGroupDetails, CreateGroupDetails, DynamicGroup, Group,
    LifecycleState, UpdateDynamicGroupDetails, UpdateGroupDetails, UserGroupMembership,
};

/// Names of groups and of dynamic groups are unique in the tenancy, ignoring case.
fn check_name_free<T: Listable + Keyed>(
    table: &Table<T>,
    name: &str,
    what: &str,
) -> Result<(), ApiError> {
    if name.trim().is_empty() {
        return Err(ApiError::invalid(format!(
            "a {what} needs a non-empty name"
        )));
    }
    let taken = table
        .iter()
        .any(|g| g.name().eq_ignore_ascii_case(name) && *g.state() != LifecycleState::Deleted);
    if taken {
        Err(ApiError::conflict(format!(
            "a {what} named '{name}' already exists; names are unique in the tenancy"
        )))
    } else {
        Ok(())
    }
}

pub async fn list(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let store = ctx.store.lock();
    require_tenancy(&store, call.required("compartmentId")?, "groups")?;
    let items = filter_sort(store.groups.iter(), &call, SortNames::Identity)?;
    page(&items, &call, ctx.limits, Shape::Array)
}

pub async fn get(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let store = ctx.store.lock();
    Reply::tagged(store.groups.find(call.param("id"), "group")?)
}

pub async fn create(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let details: CreateGroupDetails = call.json()?;
    let mut store = ctx.store.lock();
    require_tenancy(&store, &details.compartment_id, "groups")?;
    check_name_free(&store.groups, &details.name, "group")?;
    let defined_tags = store.tags_for_new(
        &details.compartment_id,
        details.defined_tags.clone(),
        call.principal.as_deref(),
    )?;
    let group = Group {
        id: new_ocid("group"),
        compartment_id: details.compartment_id,
        name: details.name,
        description: details.description,
        time_created: now_rfc3339(),
        lifecycle_state: LifecycleState::Active,
        inactive_status: None,
        freeform_tags: details.freeform_tags.unwrap_or_default(),
        defined_tags,
    };
    store.groups.upsert(group.clone());
    Reply::tagged(&group)
}

pub async fn update(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let details: UpdateGroupDetails = call.json()?;
    let mut store = ctx.store.lock();
    let group = editable_tagged(
        &mut store,
        |s| &mut s.groups,
        &call,
        "group",
        details.defined_tags.as_ref(),
    )?;
    if let Some(v) = details.description {
        group.description = v;
    }
    group.retag(details.freeform_tags, details.defined_tags);
    Reply::tagged(&*group)
}

pub async fn delete(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let mut store = ctx.store.lock();
    let id = editable(&mut store.groups, &call, "group")?.id.clone();
    let members = store
        .memberships
        .iter()
        .filter(|m| m.group_id == id && m.lifecycle_state == LifecycleState::Active)
        .count();
    if members > 0 {
        return Err(ApiError::conflict(format!(
            "group {id} still has {members} member(s); a group must be empty to be deleted"
        )));
    }
    if let Some(g) = store.groups.get_mut(&id) {
        g.lifecycle_state = LifecycleState::Deleted;
    }
    Ok(Reply::no_content())
}

pub async fn list_memberships(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let store = ctx.store.lock();
    require_tenancy(&store, call.required("compartmentId")?, "memberships")?;
    let user = call.query("userId").filter(|v| !v.is_empty());
    let group = call.query("groupId").filter(|v| !v.is_empty());
    if user.is_none() && group.is_none() {
        return Err(ApiError::missing(
            "listing memberships needs userId or groupId (or both)",
        ));
    }
    let state = call.query("lifecycleState").map(LifecycleState::parse);
    // By lookup, not a scan of every membership (tens of thousands in a large tenancy).
    let candidates = match (group, user) {
        (Some(g), _) => store.memberships.rows_where("group", |m| &m.group_id, g),
        (None, Some(u)) => store.memberships.rows_where("user", |m| &m.user_id, u),
        (None, None) => Vec::new(),
    };
    let items: Vec<UserGroupMembership> = candidates
        .into_iter()
        .filter(|m| user.is_none_or(|u| m.user_id == u) && group.is_none_or(|g| m.group_id == g))
        // Removed memberships are gone unless asked for by state.
        .filter(|m| match &state {
            Some(s) => m.lifecycle_state == *s,
            None => m.lifecycle_state != LifecycleState::Deleted,
        })
        .cloned()
        .collect();
    page(&items, &call, ctx.limits, Shape::Array)
}

pub async fn get_membership(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let store = ctx.store.lock();
    let id = call.param("id");
    let m = store.memberships.find(id, "membership")?;
    Reply::tagged(m)
}

pub async fn add_member(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let details: AddUserToGroupDetails = call.json()?;
    let mut store = ctx.store.lock();
    let active = |s: &LifecycleState| *s != LifecycleState::Deleted;
    if !store
        .users
        .get(&details.user_id)
        .is_some_and(|u| active(&u.lifecycle_state))
    {
        return Err(ApiError::not_found("user", &details.user_id));
    }
    if !store
        .groups
        .get(&details.group_id)
        .is_some_and(|g| active(&g.lifecycle_state))
    {
        return Err(ApiError::not_found("group", &details.group_id));
    }
    let exists = store.memberships.iter().any(|m| {
        m.user_id == details.user_id
            && m.group_id == details.group_id
            && m.lifecycle_state == LifecycleState::Active
    });
    if exists {
        return Err(ApiError::conflict(
            "the user is already a member of this group",
        ));
    }
    let membership = UserGroupMembership {
        id: new_ocid("groupmembership"),
        compartment_id: store.tenancy_id().into(),
        group_id: details.group_id.into(),
        user_id: details.user_id.into(),
        time_created: now_rfc3339().into(),
        lifecycle_state: LifecycleState::Active,
        inactive_status: None,
    };
    store.memberships.upsert(membership.clone());
    Reply::tagged(&membership)
}

pub async fn remove_member(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let mut store = ctx.store.lock();
    let id = call.param("id");
    let current = store.memberships.find(id, "membership")?;
    call.check_etag(&etag_of(current))?;
    require_not_deleted(&current.lifecycle_state, "membership", id)?;
    if let Some(m) = store.memberships.get_mut(id) {
        m.lifecycle_state = LifecycleState::Deleted;
    }
    Ok(Reply::no_content())
}

pub async fn list_dynamic(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let store = ctx.store.lock();
    require_tenancy(&store, call.required("compartmentId")?, "dynamic groups")?;
    let items = filter_sort(store.dynamic_groups.iter(), &call, SortNames::Identity)?;
    page(&items, &call, ctx.limits, Shape::Array)
}

pub async fn get_dynamic(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let store = ctx.store.lock();
    Reply::tagged(
        store
            .dynamic_groups
            .find(call.param("id"), "dynamic group")?,
    )
}

/// OCI refuses a matching rule it cannot read (400 `InvalidParameter`).
fn check_rule(rule: &str) -> Result<(), ApiError> {
    crate::policy::matching_rule::check(rule)
        .map_err(|why| ApiError::invalid(format!("invalid matching rule ({why}): {rule}")))
}

pub async fn create_dynamic(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let details: CreateDynamicGroupDetails = call.json()?;
    let mut store = ctx.store.lock();
    require_tenancy(&store, &details.compartment_id, "dynamic groups")?;
    check_name_free(&store.dynamic_groups, &details.name, "dynamic group")?;
    check_rule(&details.matching_rule)?;
    let defined_tags = store.tags_for_new(
        &details.compartment_id,
        details.defined_tags.clone(),
        call.principal.as_deref(),
    )?;
    let group = DynamicGroup {
        id: new_ocid("dynamicgroup"),
        compartment_id: details.compartment_id,
        name: details.name,
        description: details.description,
        matching_rule: details.matching_rule,
        time_created: now_rfc3339(),
        lifecycle_state: LifecycleState::Active,
        inactive_status: None,
        freeform_tags: details.freeform_tags.unwrap_or_default(),
        defined_tags,
    };
    store.dynamic_groups.upsert(group.clone());
    Reply::tagged(&group)
}

pub async fn update_dynamic(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let details: UpdateDynamicGroupDetails = call.json()?;
    if let Some(rule) = &details.matching_rule {
        check_rule(rule)?;
    }
    let mut store = ctx.store.lock();
    let group = editable_tagged(
        &mut store,
        |s| &mut s.dynamic_groups,
        &call,
        "dynamic group",
        details.defined_tags.as_ref(),
    )?;
    if let Some(v) = details.description {
        group.description = v;
    }
    if let Some(v) = details.matching_rule {
        group.matching_rule = v;
    }
    group.retag(details.freeform_tags, details.defined_tags);
    Reply::tagged(&*group)
}

pub async fn delete_dynamic(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let mut store = ctx.store.lock();
    let group = editable(&mut store.dynamic_groups, &call, "dynamic group")?;
    group.lifecycle_state = LifecycleState::Deleted;
    Ok(Reply::no_content())
}
