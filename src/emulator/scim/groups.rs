//! `/admin/v1/Groups` of a domain, with their members: list (filter such as
//! `members.value eq "<user>"`, sort, page, attributes), get, create, replace, PATCH (add or
//! remove members, change the description) and delete.

use axum::extract::State;
use serde_json::Value;

use super::{check_version, directory, place, query, to_value, wire};
use crate::emulator::Ctx;
use crate::emulator::call::{Call, Outcome, Reply};
use crate::emulator::error::ApiError;
use crate::emulator::store::{new_ocid, now_rfc3339};
use crate::model::scim::{ScimGroup, ScimPatch, ScimRef};
use crate::model::{DomainDirectory, Group, LifecycleState, UserGroupMembership};

fn live_group<'a>(dir: &'a DomainDirectory, id: &str) -> Result<&'a Group, ApiError> {
    dir.groups
        .iter()
        .find(|g| g.id == id && g.lifecycle_state != LifecycleState::Deleted)
        .ok_or_else(|| ApiError::not_found("group", id))
}

fn check_name_free(dir: &DomainDirectory, name: &str, except: &str) -> Result<(), ApiError> {
    if name.trim().is_empty() {
        return Err(ApiError::missing("a group needs a displayName"));
    }
    let taken = dir.groups.iter().any(|g| {
        g.id != except
            && g.lifecycle_state != LifecycleState::Deleted
            && g.name.eq_ignore_ascii_case(name)
    });
    if taken {
        Err(ApiError::conflict(format!(
            "a group named '{name}' already exists in this identity domain"
        )))
    } else {
        Ok(())
    }
}

/// Makes `user_id` a member of `group_id` (once); the user must be a live user of the domain.
fn add_member(dir: &mut DomainDirectory, group_id: &str, user_id: &str) -> Result<(), ApiError> {
    let known = dir
        .users
        .iter()
        .any(|u| u.id == user_id && u.lifecycle_state != LifecycleState::Deleted);
    if !known {
        return Err(ApiError::invalid(format!(
            "member {user_id} is not a user of this identity domain"
        )));
    }
    if dir
        .live_memberships()
        .any(|m| m.group_id == group_id && m.user_id == user_id)
    {
        return Ok(());
    }
    dir.memberships.push(UserGroupMembership {
        id: new_ocid("groupmembership"),
        compartment_id: dir
            .users
            .iter()
            .find(|u| u.id == user_id)
            .map(|u| u.compartment_id.as_str().into())
            .unwrap_or_default(),
        group_id: group_id.into(),
        user_id: user_id.into(),
        time_created: now_rfc3339().into(),
        lifecycle_state: LifecycleState::Active,
        inactive_status: None,
    });
    Ok(())
}

fn remove_member(dir: &mut DomainDirectory, group_id: &str, user_id: &str) {
    for m in dir
        .memberships
        .iter_mut()
        .filter(|m| m.group_id == group_id && m.user_id == user_id)
    {
        m.lifecycle_state = LifecycleState::Deleted;
    }
}

/// Sets the members to exactly `members`.
fn set_members(
    dir: &mut DomainDirectory,
    group_id: &str,
    members: &[ScimRef],
) -> Result<(), ApiError> {
    let current: Vec<String> = dir
        .live_memberships()
        .filter(|m| m.group_id == group_id)
        .map(|m| m.user_id.to_string())
        .collect();
    for user in current
        .iter()
        .filter(|u| !members.iter().any(|m| &m.value == *u))
    {
        remove_member(dir, group_id, user);
    }
    for m in members {
        add_member(dir, group_id, &m.value)?;
    }
    Ok(())
}

fn answer(
    store: &crate::emulator::Store,
    call: &Call,
    dir: &DomainDirectory,
    id: &str,
) -> Result<ScimGroup, ApiError> {
    let base = super::base_of(store, call);
    Ok(wire::group(
        &wire::Index::new(dir),
        live_group(dir, id)?,
        &place(store, call, &base),
    ))
}

fn tagged(group: &ScimGroup, created: bool) -> Outcome {
    let version = group
        .meta
        .as_ref()
        .map(|m| m.version.clone())
        .unwrap_or_default();
    let reply = if created {
        Reply::created(group)?
    } else {
        Reply::json(group)?
    };
    Ok(reply.header("etag", version))
}

pub async fn list(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let store = ctx.store.lock();
    let dir = directory(&store, &call)?;
    let base = super::base_of(&store, &call);
    let groups = wire::groups(&wire::Index::new(&dir), &place(&store, &call, &base))
        .iter()
        .map(to_value)
        .collect::<Result<Vec<_>, _>>()?;
    Reply::json(&query::list(groups, &call)?)
}

pub async fn get(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let store = ctx.store.lock();
    let dir = directory(&store, &call)?;
    let group = answer(&store, &call, &dir, call.param("id"))?;
    let version = group
        .meta
        .as_ref()
        .map(|m| m.version.clone())
        .unwrap_or_default();
    Ok(Reply::json(&query::one(to_value(&group)?, &call))?.header("etag", version))
}

pub async fn create(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let body: ScimGroup = call.json()?;
    let mut store = ctx.store.lock();
    let mut dir = directory(&store, &call)?;
    check_name_free(&dir, &body.display_name, "")?;
    let group = Group {
        id: new_ocid("group"),
        compartment_id: store.tenancy_id().to_string(),
        name: body.display_name.clone(),
        description: body
            .extension
            .as_ref()
            .and_then(|e| e.description.clone())
            .unwrap_or_default(),
        time_created: now_rfc3339(),
        lifecycle_state: LifecycleState::Active,
        inactive_status: None,
        freeform_tags: crate::model::FreeformTags::default(),
        defined_tags: crate::model::DefinedTags::default(),
    };
    let id = group.id.clone();
    dir.groups.push(group);
    set_members(&mut dir, &id, body.members.as_deref().unwrap_or_default())?;
    let out = answer(&store, &call, &dir, &id)?;
    store.put_directory(dir)?;
    tagged(&out, true)
}

/// PUT replaces the display name, the description and (when sent) the members.
pub async fn replace(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let body: ScimGroup = call.json()?;
    let mut store = ctx.store.lock();
    let mut dir = directory(&store, &call)?;
    let id = call.param("id").to_string();
    check_version(&call, answer(&store, &call, &dir, &id)?.meta.as_ref())?;
    check_name_free(&dir, &body.display_name, &id)?;
    if let Some(group) = dir.groups.iter_mut().find(|g| g.id == id) {
        group.name.clone_from(&body.display_name);
        group.description = body
            .extension
            .as_ref()
            .and_then(|e| e.description.clone())
            .unwrap_or_default();
    }
    if let Some(members) = &body.members {
        set_members(&mut dir, &id, members)?;
    }
    let out = answer(&store, &call, &dir, &id)?;
    store.put_directory(dir)?;
    tagged(&out, false)
}

/// The user ids a PATCH value names: `[{"value": "..."}]` or one `{"value": "..."}`.
fn member_values(value: Option<&Value>) -> Vec<String> {
    let one = |v: &Value| v.get("value").and_then(Value::as_str).map(str::to_string);
    match value {
        Some(Value::Array(items)) => items.iter().filter_map(one).collect(),
        Some(v @ Value::Object(_)) => one(v).into_iter().collect(),
        _ => Vec::new(),
    }
}

/// `members[value eq "ID"]` -> `ID`.
fn member_in_path(path: &str) -> Option<String> {
    let inner = path.strip_prefix("members[")?.strip_suffix(']')?;
    let (attr, rest) = inner.split_once(' ')?;
    let (op, value) = rest.trim().split_once(' ')?;
    (attr.eq_ignore_ascii_case("value") && op.eq_ignore_ascii_case("eq"))
        .then(|| value.trim().trim_matches('"').to_string())
}

/// PATCH (`PatchOp`): `add` members, `remove` members (by path filter or by value), `replace`
/// the description or display name.
pub async fn patch(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let body: ScimPatch = call.json()?;
    let mut store = ctx.store.lock();
    let mut dir = directory(&store, &call)?;
    let id = call.param("id").to_string();
    check_version(&call, answer(&store, &call, &dir, &id)?.meta.as_ref())?;
    for op in &body.operations {
        let path = op.path.as_deref().unwrap_or("");
        match (op.op.to_ascii_lowercase().as_str(), path) {
            ("add", "members") => {
                for user in member_values(op.value.as_ref()) {
                    add_member(&mut dir, &id, &user)?;
                }
            }
            ("remove", "members") => {
                for user in member_values(op.value.as_ref()) {
                    remove_member(&mut dir, &id, &user);
                }
            }
            ("remove", p) if member_in_path(p).is_some() => {
                if let Some(user) = member_in_path(p) {
                    remove_member(&mut dir, &id, &user);
                }
            }
            ("replace", p)
                if p == "displayName" || p.ends_with(":description") || p == "description" =>
            {
                let text = op
                    .value
                    .as_ref()
                    .and_then(Value::as_str)
                    .unwrap_or("")
                    .to_string();
                if p == "displayName" {
                    check_name_free(&dir, &text, &id)?;
                }
                if let Some(group) = dir.groups.iter_mut().find(|g| g.id == id) {
                    if p == "displayName" {
                        group.name = text;
                    } else {
                        group.description = text;
                    }
                }
            }
            (other, p) => {
                return Err(ApiError::invalid(format!(
                    "the PATCH operation '{other}' on '{p}' is not supported: use add or remove \
                     on members, or replace on displayName or the description"
                )));
            }
        }
    }
    let out = answer(&store, &call, &dir, &id)?;
    store.put_directory(dir)?;
    tagged(&out, false)
}

pub async fn delete(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let mut store = ctx.store.lock();
    let mut dir = directory(&store, &call)?;
    let id = call.param("id").to_string();
    check_version(&call, answer(&store, &call, &dir, &id)?.meta.as_ref())?;
    for group in dir.groups.iter_mut().filter(|g| g.id == id) {
        group.lifecycle_state = LifecycleState::Deleted;
    }
    for m in dir.memberships.iter_mut().filter(|m| m.group_id == id) {
        m.lifecycle_state = LifecycleState::Deleted;
    }
    store.put_directory(dir)?;
    Ok(Reply::no_content())
}
