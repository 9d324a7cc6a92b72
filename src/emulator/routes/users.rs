//! Users and what hangs off them: state (blocking), capabilities, console password and API
//! keys (the other credentials are in `credentials`, `db_oauth` and `mfa`).

use axum::extract::State;
use rand::Rng as _;

use super::{Taggable, editable, editable_tagged, require_tenancy};
use crate::emulator::Ctx;
use crate::emulator::call::{Call, Outcome, Reply};
use crate::emulator::error::ApiError;
use crate::emulator::listing::{Shape, SortNames, filter_sort, page};
use crate::emulator::store::{etag_of, new_ocid, now_rfc3339};
use crate::model::{
    CreateApiKeyDetails, CreateUserDetails, INACTIVE_STATUS_BLOCKED, LifecycleState, Secret,
    UiPassword, UiPasswordInformation, UpdateStateDetails, UpdateUserCapabilitiesDetails,
    UpdateUserDetails, User, UserCapabilities,
};

/// OCI's per-user limit ("a maximum of three API keys at a time").
const MAX_API_KEYS: usize = 3;

pub async fn list(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let store = ctx.store.lock();
    let compartment = call.required("compartmentId")?;
    require_tenancy(&store, compartment, "users")?;
    let idp = call.query("identityProviderId");
    let external = call.query("externalIdentifier");
    let candidates = store.users.iter().filter(|u| {
        idp.is_none_or(|i| u.identity_provider_id.as_deref() == Some(i))
            && external.is_none_or(|e| u.external_identifier.as_deref() == Some(e))
    });
    let items = filter_sort(candidates, &call, SortNames::Identity)?;
    page(&items, &call, ctx.limits, Shape::Array)
}

/// Finds the user, checks `if-match` and that it is not deleted, and returns it for changing.
pub async fn get(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let store = ctx.store.lock();
    Reply::tagged(store.users.find(call.param("id"), "user")?)
}

pub async fn create(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let details: CreateUserDetails = call.json()?;
    let mut store = ctx.store.lock();
    require_tenancy(&store, &details.compartment_id, "users")?;
    if details.name.trim().is_empty() {
        return Err(ApiError::invalid("a user needs a non-empty name"));
    }
    let taken = store.users.iter().any(|u| {
        u.name.eq_ignore_ascii_case(&details.name) && u.lifecycle_state != LifecycleState::Deleted
    });
    if taken {
        return Err(ApiError::conflict(format!(
            "a user named '{}' already exists; user names are unique in the tenancy",
            details.name
        )));
    }
    let defined_tags = store.tags_for_new(
        &details.compartment_id,
        details.defined_tags.clone(),
        call.principal.as_deref(),
    )?;
    let user = User {
        id: new_ocid("user").into(),
        compartment_id: details.compartment_id.as_str().into(),
        name: details.name,
        description: details.description,
        email: details.email,
        email_verified: Some(false),
        db_user_name: None,
        identity_provider_id: None,
        external_identifier: None,
        time_created: now_rfc3339().into(),
        lifecycle_state: LifecycleState::Active,
        inactive_status: None,
        freeform_tags: details.freeform_tags.unwrap_or_default(),
        defined_tags,
        capabilities: Some(UserCapabilities::default()),
        is_mfa_activated: false,
        last_successful_login_time: None,
        previous_successful_login_time: None,
    };
    store.users.upsert(user.clone());
    Reply::tagged(&user)
}

pub async fn update(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let details: UpdateUserDetails = call.json()?;
    let mut store = ctx.store.lock();
    let user = editable_tagged(
        &mut store,
        |s| &mut s.users,
        &call,
        "user",
        details.defined_tags.as_ref(),
    )?;
    if let Some(v) = details.description {
        user.description = v;
    }
    if let Some(v) = details.email {
        user.email = Some(v);
        user.email_verified = Some(false);
    }
    if let Some(v) = details.db_user_name {
        user.db_user_name = Some(v);
    }
    user.retag(details.freeform_tags, details.defined_tags);
    Reply::tagged(&*user)
}

pub async fn delete(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let mut store = ctx.store.lock();
    let id = call.param("id").to_string();
    editable(&mut store.users, &call, "user")?;
    let groups = store
        .memberships
        .iter()
        .filter(|m| m.user_id == id && m.lifecycle_state == LifecycleState::Active)
        .count();
    if groups > 0 {
        return Err(ApiError::conflict(format!(
            "user {id} is still in {groups} group(s); remove it from them first"
        )));
    }
    if let Some(user) = store.users.get_mut(&id) {
        user.lifecycle_state = LifecycleState::Deleted;
    }
    // A deleted user's credentials go with it.
    store.forget_api_keys_of(&id);
    store.sign_in.forget_user(&id);
    Ok(Reply::no_content())
}

pub async fn update_state(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let details: UpdateStateDetails = call.json()?;
    let mut store = ctx.store.lock();
    let user = editable(&mut store.users, &call, "user")?;
    if details.blocked {
        user.lifecycle_state = LifecycleState::Inactive;
        user.inactive_status = Some(user.inactive_status.unwrap_or(0) | INACTIVE_STATUS_BLOCKED);
    } else {
        user.lifecycle_state = LifecycleState::Active;
        user.inactive_status = None;
    }
    Reply::tagged(&*user)
}

pub async fn update_capabilities(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let d: UpdateUserCapabilitiesDetails = call.json()?;
    let mut store = ctx.store.lock();
    let user = editable(&mut store.users, &call, "user")?;
    let caps = user
        .capabilities
        .get_or_insert_with(UserCapabilities::default);
    let set = |field: &mut bool, value: Option<bool>| {
        if let Some(v) = value {
            *field = v;
        }
    };
    set(
        &mut caps.can_use_console_password,
        d.can_use_console_password,
    );
    set(&mut caps.can_use_api_keys, d.can_use_api_keys);
    set(&mut caps.can_use_auth_tokens, d.can_use_auth_tokens);
    set(
        &mut caps.can_use_smtp_credentials,
        d.can_use_smtp_credentials,
    );
    set(&mut caps.can_use_db_credentials, d.can_use_db_credentials);
    set(
        &mut caps.can_use_customer_secret_keys,
        d.can_use_customer_secret_keys,
    );
    set(
        &mut caps.can_use_oauth2_client_credentials,
        d.can_use_oauth2_client_credentials,
    );
    Reply::tagged(&*user)
}

/// Random text from a set without look-alikes (one-time passwords, tokens).
pub(super) fn random_text(len: usize) -> String {
    const CHARS: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789#$%&*+-=?";
    let mut rng = rand::thread_rng();
    (0..len)
        .map(|_| CHARS[rng.gen_range(0..CHARS.len())] as char)
        .collect()
}

pub async fn ui_password(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let mut store = ctx.store.lock();
    let user = editable(&mut store.users, &call, "user")?;
    if user
        .capabilities
        .as_ref()
        .is_some_and(|c| !c.can_use_console_password)
    {
        return Err(ApiError::conflict(
            "this user may not use a console password; enable the capability first",
        ));
    }
    let password = UiPassword {
        password: Some(Secret::new(random_text(16))),
        user_id: user.id.to_string(),
        time_created: now_rfc3339(),
        lifecycle_state: LifecycleState::Active,
        inactive_status: None,
    };
    // Only when it was set is kept (`GetUserUIPasswordInformation`), never the password.
    let info = UiPasswordInformation {
        user_id: password.user_id.clone(),
        time_created: password.time_created.clone(),
        lifecycle_state: LifecycleState::Active,
    };
    store.sign_in.ui_passwords.upsert(info.clone());
    super::credentials::issued(&password, &info)
}

pub async fn list_api_keys(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let store = ctx.store.lock();
    let user = store.users.find(call.param("id"), "user")?;
    let keys: Vec<_> = store
        .api_keys
        .iter()
        .filter(|k| k.user_id == user.id)
        .cloned()
        .collect();
    Reply::json(&keys)
}

pub async fn upload_api_key(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let details: CreateApiKeyDetails = call.json()?;
    let key = crate::emulator::store::parse_public_key(&details.key).ok_or_else(|| {
        ApiError::invalid("the key is not a PEM RSA public key (BEGIN PUBLIC KEY)")
    })?;
    let mut store = ctx.store.lock();
    let user_id = editable(&mut store.users, &call, "user")?.id.clone();
    let count = store
        .api_keys
        .iter()
        .filter(|k| k.user_id == user_id)
        .count();
    super::credentials::check_limit(count, MAX_API_KEYS, "API keys", &user_id)?;
    let api_key = store.register_api_key(&user_id, &key)?;
    Reply::tagged(&api_key)
}

pub async fn delete_api_key(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let mut store = ctx.store.lock();
    let user_id = store.users.find(call.param("id"), "user")?.id.clone();
    let fingerprint = call.param("fingerprint");
    let key_id = format!("{}/{user_id}/{fingerprint}", store.tenancy_id());
    if let Some(key) = store.api_keys.get(&key_id) {
        call.check_etag(&etag_of(key))?;
    }
    store.delete_api_key(&user_id, fingerprint)?;
    Ok(Reply::no_content())
}
