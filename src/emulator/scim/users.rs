//! `/admin/v1/Users` of a domain: list (filter, sort, page, attributes), get, create,
//! replace and delete. A delete also ends the user's group memberships, as it does in OCI.

use axum::extract::State;

use super::{check_version, directory, place, query, to_value, wire};
use crate::emulator::Ctx;
use crate::emulator::call::{Call, Outcome, Reply};
use crate::emulator::error::ApiError;
use crate::emulator::store::{new_ocid, now_rfc3339};
use crate::model::scim::ScimUser;
use crate::model::{DomainDirectory, LifecycleState, User, UserCapabilities};

fn live_user<'a>(dir: &'a DomainDirectory, id: &str) -> Result<&'a User, ApiError> {
    dir.users
        .iter()
        .find(|u| u.id == id && u.lifecycle_state != LifecycleState::Deleted)
        .ok_or_else(|| ApiError::not_found("user", id))
}

/// User names are unique in a domain, ignoring case (the same user name may exist in another
/// domain).
fn check_name_free(dir: &DomainDirectory, name: &str, except: &str) -> Result<(), ApiError> {
    if name.trim().is_empty() {
        return Err(ApiError::missing("a user needs a userName"));
    }
    let taken = dir.users.iter().any(|u| {
        u.id != except
            && u.lifecycle_state != LifecycleState::Deleted
            && u.name.eq_ignore_ascii_case(name)
    });
    if taken {
        Err(ApiError::conflict(format!(
            "a user named '{name}' already exists in this identity domain"
        )))
    } else {
        Ok(())
    }
}

/// What a SCIM body says the user's description is: its description, else its display name,
/// else its formatted name.
fn description_of(body: &ScimUser) -> Option<String> {
    body.description
        .clone()
        .or_else(|| body.display_name.clone())
        .or_else(|| body.name.as_ref().and_then(|n| n.formatted.clone()))
}

fn primary_email(body: &ScimUser) -> Option<String> {
    body.emails
        .iter()
        .find(|e| e.primary)
        .or_else(|| body.emails.first())
        .map(|e| e.value.clone())
}

fn state_of(active: Option<bool>) -> LifecycleState {
    if active == Some(false) {
        LifecycleState::Inactive
    } else {
        LifecycleState::Active
    }
}

pub async fn list(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let store = ctx.store.lock();
    let dir = directory(&store, &call)?;
    let base = super::base_of(&store, &call);
    let at = place(&store, &call, &base);
    let users = wire::users(&wire::Index::new(&dir), &at)
        .iter()
        .map(to_value)
        .collect::<Result<Vec<_>, _>>()?;
    Reply::json(&query::list(users, &call)?)
}

pub async fn get(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let store = ctx.store.lock();
    let dir = directory(&store, &call)?;
    let base = super::base_of(&store, &call);
    let user = wire::user(
        &wire::Index::new(&dir),
        live_user(&dir, call.param("id"))?,
        &place(&store, &call, &base),
    );
    let version = user.meta.as_ref().map(|m| m.version.clone());
    let reply = Reply::json(&query::one(to_value(&user)?, &call))?;
    Ok(match version {
        Some(v) => reply.header("etag", v),
        None => reply,
    })
}

pub async fn create(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let body: ScimUser = call.json()?;
    let mut store = ctx.store.lock();
    let mut dir = directory(&store, &call)?;
    check_name_free(&dir, &body.user_name, "")?;
    let user = User {
        id: new_ocid("user").into(),
        compartment_id: store.tenancy_id().into(),
        name: body.user_name.clone(),
        description: description_of(&body).unwrap_or_default(),
        email: primary_email(&body),
        email_verified: Some(false),
        db_user_name: None,
        identity_provider_id: None,
        external_identifier: None,
        time_created: now_rfc3339().into(),
        lifecycle_state: state_of(body.active),
        inactive_status: None,
        freeform_tags: crate::model::FreeformTags::default(),
        defined_tags: crate::model::DefinedTags::default(),
        capabilities: Some(UserCapabilities::default()),
        is_mfa_activated: false,
        last_successful_login_time: None,
        previous_successful_login_time: None,
    };
    dir.users.push(user.clone());
    let base = super::base_of(&store, &call);
    let out = wire::user(&wire::Index::new(&dir), &user, &place(&store, &call, &base));
    let version = out
        .meta
        .as_ref()
        .map(|m| m.version.clone())
        .unwrap_or_default();
    store.put_directory(dir)?;
    Ok(Reply::created(&out)?.header("etag", version))
}

/// PUT replaces the writable attributes: userName, description / displayName, the primary
/// e-mail and `active`.
pub async fn replace(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let body: ScimUser = call.json()?;
    let mut store = ctx.store.lock();
    let mut dir = directory(&store, &call)?;
    let base = super::base_of(&store, &call);
    let id = call.param("id").to_string();
    let current = wire::user(
        &wire::Index::new(&dir),
        live_user(&dir, &id)?,
        &place(&store, &call, &base),
    );
    check_version(&call, current.meta.as_ref())?;
    check_name_free(&dir, &body.user_name, &id)?;
    if let Some(user) = dir.users.iter_mut().find(|u| u.id == id) {
        user.name.clone_from(&body.user_name);
        user.description = description_of(&body).unwrap_or_default();
        user.email = primary_email(&body);
        user.lifecycle_state = state_of(body.active);
    }
    let out = wire::user(
        &wire::Index::new(&dir),
        live_user(&dir, &id)?,
        &place(&store, &call, &base),
    );
    let version = out
        .meta
        .as_ref()
        .map(|m| m.version.clone())
        .unwrap_or_default();
    store.put_directory(dir)?;
    Ok(Reply::json(&out)?.header("etag", version))
}

pub async fn delete(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let mut store = ctx.store.lock();
    let mut dir = directory(&store, &call)?;
    let base = super::base_of(&store, &call);
    let id = call.param("id").to_string();
    let current = wire::user(
        &wire::Index::new(&dir),
        live_user(&dir, &id)?,
        &place(&store, &call, &base),
    );
    check_version(&call, current.meta.as_ref())?;
    for user in dir.users.iter_mut().filter(|u| u.id == id) {
        user.lifecycle_state = LifecycleState::Deleted;
    }
    for m in dir.memberships.iter_mut().filter(|m| m.user_id == id) {
        m.lifecycle_state = LifecycleState::Deleted;
    }
    store.put_directory(dir)?;
    Ok(Reply::no_content())
}
