//! A user's auth tokens, Swift passwords, customer secret keys and SMTP credentials, and the
//! rules every credential route shares: the owner must exist and be allowed the kind
//! (capabilities), OCI's per-user limits, 404 for another user's credential, `if-match`.
//! A secret is generated for the create's answer and kept nowhere.

use axum::extract::State;
use rand::Rng as _;
use serde::Serialize;

use super::users::random_text;
use crate::emulator::Ctx;
use crate::emulator::call::{Call, Outcome, Reply};
use crate::emulator::error::ApiError;
use crate::emulator::store::{Owned, Store, Table, etag_of, new_ocid, now_rfc3339};
use crate::model::{
    AuthToken, CreateAuthTokenDetails, CreateCustomerSecretKeyDetails, CreateSmtpCredentialDetails,
    CreateSwiftPasswordDetails, CustomerSecretKey, CustomerSecretKeySummary, LifecycleState,
    NewAuthToken, NewSwiftPassword, Secret, SmtpCredential, SmtpCredentialSummary, SwiftPassword,
    UpdateAuthTokenDetails, UpdateCustomerSecretKeyDetails, UpdateSmtpCredentialDetails,
    UpdateSwiftPasswordDetails, User, UserCapabilities,
};

/// OCI's per-user limits. Swift passwords are auth tokens under their old name, so the two
/// share one limit.
const MAX_AUTH_TOKENS: usize = 2;
const MAX_CUSTOMER_SECRET_KEYS: usize = 2;
const MAX_SMTP_CREDENTIALS: usize = 2;

/// The path parameter naming the credential in `/users/{id}/<kind>/{credentialId}`.
pub(super) const CREDENTIAL: &str = "credentialId";

/// Refuses a create past a per-user limit, saying how to get under it.
pub(super) fn check_limit(
    count: usize,
    max: usize,
    what: &str,
    user_id: &str,
) -> Result<(), ApiError> {
    if count >= max {
        Err(ApiError::limit_exceeded(format!(
            "user {user_id} already has {count} {what}, the most OCI allows ({max}); delete one first"
        )))
    } else {
        Ok(())
    }
}

/// How many of `table`'s credentials `user_id` has.
pub(super) fn count_of<T: Owned>(table: &Table<T>, user_id: &str) -> usize {
    table.iter().filter(|c| c.owner() == user_id).count()
}

/// The user `{id}` a create is for: it must exist, not be deleted, and be allowed the kind.
pub(super) fn creator<'a>(
    store: &'a Store,
    call: &Call,
    allowed: fn(&UserCapabilities) -> bool,
    kind: &str,
) -> Result<&'a User, ApiError> {
    let user = store.users.find(call.param("id"), "user")?;
    super::require_not_deleted(&user.lifecycle_state, "user", &user.id)?;
    if user.capabilities.as_ref().is_some_and(|c| !allowed(c)) {
        return Err(ApiError::conflict(format!(
            "user {} may not use {kind}: turn the capability on first (UpdateUserCapabilities)",
            user.id
        )));
    }
    Ok(user)
}

/// The user a new credential of `kind` is for, once [`creator`] and the per-user limit
/// (`count` of `max`) let it through.
pub(super) fn admit(
    store: &Store,
    call: &Call,
    allowed: fn(&UserCapabilities) -> bool,
    kind: &str,
    count: impl Fn(&Store, &str) -> usize,
    max: usize,
) -> Result<String, ApiError> {
    let user_id = creator(store, call, allowed, kind)?.id.to_string();
    check_limit(count(store, &user_id), max, kind, &user_id)?;
    Ok(user_id)
}

/// The credential `{credentialId}` of user `{id}`: 404 unless it exists and is theirs.
pub(super) fn owned<'a, T: Owned>(
    table: &'a Table<T>,
    call: &Call,
    param: &str,
    what: &str,
) -> Result<&'a T, ApiError> {
    let id = call.param(param);
    table
        .get(id)
        .filter(|c| c.owner() == call.param("id"))
        .ok_or_else(|| ApiError::not_found(what, id))
}

/// A user's credentials of one kind (unpaged lists: OCI returns them all at once).
pub(super) fn list_owned<T: Owned + Serialize>(
    store: &Store,
    table: &Table<T>,
    call: &Call,
) -> Outcome {
    let user = store.users.find(call.param("id"), "user")?;
    let items: Vec<&T> = table.iter().filter(|c| c.owner() == user.id).collect();
    Reply::json(&items)
}

/// Changes a credential after checking ownership and `if-match`; answers with it.
pub(super) fn update_owned<T: Owned + Serialize>(
    table: &mut Table<T>,
    call: &Call,
    what: &str,
    change: impl FnOnce(&mut T),
) -> Outcome {
    let current = owned(table, call, CREDENTIAL, what)?;
    call.check_etag(&etag_of(current))?;
    let id = current.key().to_string();
    let row = table.find_mut(&id, what)?;
    change(row);
    Reply::tagged(&*row)
}

/// Removes a credential for good after checking ownership and `if-match`.
pub(super) fn delete_owned<T: Owned + Serialize>(
    table: &mut Table<T>,
    call: &Call,
    param: &str,
    what: &str,
) -> Outcome {
    let current = owned(table, call, param, what)?;
    call.check_etag(&etag_of(current))?;
    let id = current.key().to_string();
    table.remove(&id);
    Ok(Reply::no_content())
}

/// The create's answer: the secret in the body, the etag of what listings will show (so the
/// etag works as `if-match` on the next update).
pub(super) fn issued<T: Serialize, M: Serialize>(shown: &T, metadata: &M) -> Outcome {
    Ok(Reply::json(shown)?.header("etag", etag_of(metadata)))
}

fn auth_token_count(store: &Store, user_id: &str) -> usize {
    count_of(&store.sign_in.auth_tokens, user_id)
        + count_of(&store.sign_in.swift_passwords, user_id)
}

pub async fn list_auth_tokens(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let store = ctx.store.lock();
    list_owned(&store, &store.sign_in.auth_tokens, &call)
}

pub async fn create_auth_token(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let details: CreateAuthTokenDetails = call.json()?;
    let mut store = ctx.store.lock();
    let user_id = admit(
        &store,
        &call,
        |c| c.can_use_auth_tokens,
        "auth tokens",
        auth_token_count,
        MAX_AUTH_TOKENS,
    )?;
    let token = AuthToken {
        id: new_ocid("credential"),
        user_id,
        description: details.description,
        time_created: now_rfc3339(),
        // Auth tokens do not expire.
        time_expires: None,
        lifecycle_state: LifecycleState::Active,
        inactive_status: None,
    };
    store.sign_in.auth_tokens.upsert(token.clone());
    let shown = NewAuthToken {
        summary: token.clone(),
        token: Secret::new(random_text(20)),
    };
    issued(&shown, &token)
}

pub async fn update_auth_token(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let details: UpdateAuthTokenDetails = call.json()?;
    let mut store = ctx.store.lock();
    store.users.find(call.param("id"), "user")?;
    update_owned(&mut store.sign_in.auth_tokens, &call, "auth token", |t| {
        if let Some(d) = details.description {
            t.description = d;
        }
    })
}

pub async fn delete_auth_token(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let mut store = ctx.store.lock();
    store.users.find(call.param("id"), "user")?;
    delete_owned(
        &mut store.sign_in.auth_tokens,
        &call,
        CREDENTIAL,
        "auth token",
    )
}

pub async fn list_swift_passwords(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let store = ctx.store.lock();
    list_owned(&store, &store.sign_in.swift_passwords, &call)
}

pub async fn create_swift_password(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let details: CreateSwiftPasswordDetails = call.json()?;
    let mut store = ctx.store.lock();
    let user_id = admit(
        &store,
        &call,
        |c| c.can_use_auth_tokens,
        "auth tokens (Swift passwords count as auth tokens)",
        auth_token_count,
        MAX_AUTH_TOKENS,
    )?;
    let password = SwiftPassword {
        id: new_ocid("credential"),
        user_id,
        description: details.description,
        time_created: now_rfc3339(),
        expires_on: None,
        lifecycle_state: LifecycleState::Active,
        inactive_status: None,
    };
    store.sign_in.swift_passwords.upsert(password.clone());
    let shown = NewSwiftPassword {
        summary: password.clone(),
        password: Secret::new(random_text(20)),
    };
    issued(&shown, &password)
}

pub async fn update_swift_password(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let details: UpdateSwiftPasswordDetails = call.json()?;
    let mut store = ctx.store.lock();
    store.users.find(call.param("id"), "user")?;
    update_owned(
        &mut store.sign_in.swift_passwords,
        &call,
        "Swift password",
        |p| {
            if let Some(d) = details.description {
                p.description = d;
            }
        },
    )
}

pub async fn delete_swift_password(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let mut store = ctx.store.lock();
    store.users.find(call.param("id"), "user")?;
    delete_owned(
        &mut store.sign_in.swift_passwords,
        &call,
        CREDENTIAL,
        "Swift password",
    )
}

pub async fn list_customer_secret_keys(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let store = ctx.store.lock();
    list_owned(&store, &store.sign_in.customer_secret_keys, &call)
}

/// `len` random lower-case hex digits.
fn hex(len: usize) -> String {
    let mut rng = rand::thread_rng();
    (0..len)
        .map(|_| char::from_digit(rng.gen_range(0..16), 16).unwrap_or('0'))
        .collect()
}

pub async fn create_customer_secret_key(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let details: CreateCustomerSecretKeyDetails = call.json()?;
    let mut store = ctx.store.lock();
    let user_id = admit(
        &store,
        &call,
        |c| c.can_use_customer_secret_keys,
        "customer secret keys",
        |s, u| count_of(&s.sign_in.customer_secret_keys, u),
        MAX_CUSTOMER_SECRET_KEYS,
    )?;
    let key = CustomerSecretKeySummary {
        // The id is the S3 access key: 40 hex digits, not an OCID.
        id: hex(40),
        user_id,
        display_name: details.display_name,
        time_created: now_rfc3339(),
        time_expires: None,
        lifecycle_state: LifecycleState::Active,
        inactive_status: None,
    };
    store.sign_in.customer_secret_keys.upsert(key.clone());
    let shown = CustomerSecretKey {
        summary: key.clone(),
        key: Secret::new(base64_text(44)),
    };
    issued(&shown, &key)
}

/// An S3-style secret key: `len` characters of standard base64.
fn base64_text(len: usize) -> String {
    const CHARS: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut rng = rand::thread_rng();
    (0..len)
        .map(|_| CHARS[rng.gen_range(0..CHARS.len())] as char)
        .collect()
}

pub async fn update_customer_secret_key(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let details: UpdateCustomerSecretKeyDetails = call.json()?;
    let mut store = ctx.store.lock();
    store.users.find(call.param("id"), "user")?;
    update_owned(
        &mut store.sign_in.customer_secret_keys,
        &call,
        "customer secret key",
        |k| {
            if let Some(name) = details.display_name {
                k.display_name = name;
            }
        },
    )
}

pub async fn delete_customer_secret_key(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let mut store = ctx.store.lock();
    store.users.find(call.param("id"), "user")?;
    delete_owned(
        &mut store.sign_in.customer_secret_keys,
        &call,
        CREDENTIAL,
        "customer secret key",
    )
}

pub async fn list_smtp_credentials(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let store = ctx.store.lock();
    list_owned(&store, &store.sign_in.smtp_credentials, &call)
}

pub async fn create_smtp_credential(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let details: CreateSmtpCredentialDetails = call.json()?;
    let mut store = ctx.store.lock();
    let user_id = admit(
        &store,
        &call,
        |c| c.can_use_smtp_credentials,
        "SMTP credentials",
        |s, u| count_of(&s.sign_in.smtp_credentials, u),
        MAX_SMTP_CREDENTIALS,
    )?;
    let credential = SmtpCredentialSummary {
        // OCI's shape: the user's OCID, `@`, the tenancy's OCID and a short suffix.
        username: format!("{user_id}@{}.{}.com", store.tenancy_id(), hex(2)),
        id: new_ocid("credential"),
        user_id,
        description: details.description,
        time_created: now_rfc3339(),
        time_expires: None,
        lifecycle_state: LifecycleState::Active,
        inactive_status: None,
    };
    store.sign_in.smtp_credentials.upsert(credential.clone());
    let shown = SmtpCredential {
        summary: credential.clone(),
        password: Secret::new(random_text(20)),
    };
    issued(&shown, &credential)
}

pub async fn update_smtp_credential(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let details: UpdateSmtpCredentialDetails = call.json()?;
    let mut store = ctx.store.lock();
    store.users.find(call.param("id"), "user")?;
    update_owned(
        &mut store.sign_in.smtp_credentials,
        &call,
        "SMTP credential",
        |c| {
            if let Some(d) = details.description {
                c.description = d;
            }
        },
    )
}

pub async fn delete_smtp_credential(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let mut store = ctx.store.lock();
    store.users.find(call.param("id"), "user")?;
    delete_owned(
        &mut store.sign_in.smtp_credentials,
        &call,
        CREDENTIAL,
        "SMTP credential",
    )
}
