//! IAM database passwords (DB credentials) and OAuth 2.0 client credentials: the two kinds
//! whose listings page and filter like the tenancy's lists.

use axum::extract::State;

use super::credentials::{CREDENTIAL, admit, count_of, delete_owned, issued, owned};
use super::users::random_text;
use crate::emulator::Ctx;
use crate::emulator::call::{Call, Outcome};
use crate::emulator::error::ApiError;
use crate::emulator::listing::{Shape, SortNames, filter_sort, page};
use crate::emulator::store::{etag_of, new_ocid, now_rfc3339};
use crate::model::{
    CreateDbCredentialDetails, CreateOAuth2ClientCredentialDetails, DbCredential,
    DbCredentialSummary, FullyQualifiedScope, LifecycleState, OAuth2ClientCredential,
    OAuth2ClientCredentialSummary, Secret, UpdateOAuth2ClientCredentialDetails,
};

/// OCI documents no per-user number for these two; the emulator stops at 10 of each so the
/// limit answer can be seen. Scopes per OAuth 2.0 credential: 10, as Oracle documents.
const MAX_DB_CREDENTIALS: usize = 10;
const MAX_OAUTH2_CREDENTIALS: usize = 10;
const MAX_SCOPES: usize = 10;

pub async fn list_db_credentials(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let store = ctx.store.lock();
    let user = store.users.find(call.param("id"), "user")?;
    let mine = store
        .sign_in
        .db_credentials
        .iter()
        .filter(|c| c.user_id == user.id);
    let items = filter_sort(mine, &call, SortNames::Identity)?;
    page(&items, &call, ctx.limits, Shape::Array)
}

pub async fn create_db_credential(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let details: CreateDbCredentialDetails = call.json()?;
    if details.password.expose().is_empty() {
        return Err(ApiError::invalid(
            "password must not be empty: give the database password to set",
        ));
    }
    let mut store = ctx.store.lock();
    let user_id = admit(
        &store,
        &call,
        |c| c.can_use_db_credentials,
        "DB credentials",
        |s, u| count_of(&s.sign_in.db_credentials, u),
        MAX_DB_CREDENTIALS,
    )?;
    let summary = DbCredentialSummary {
        id: new_ocid("dbcredential"),
        user_id,
        description: details.description,
        time_created: now_rfc3339(),
        time_expires: None,
        lifecycle_state: LifecycleState::Active,
    };
    store.sign_in.db_credentials.upsert(summary.clone());
    // The password was the caller's; it is not kept (only its existence is).
    let shown = DbCredential {
        id: summary.id.clone(),
        user_id: summary.user_id.clone(),
        time_created: summary.time_created.clone(),
        time_expires: None,
        lifecycle_state: LifecycleState::Active,
        lifecycle_details: None,
    };
    issued(&shown, &summary)
}

pub async fn delete_db_credential(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let mut store = ctx.store.lock();
    store.users.find(call.param("id"), "user")?;
    delete_owned(
        &mut store.sign_in.db_credentials,
        &call,
        CREDENTIAL,
        "DB credential",
    )
}

/// Scopes need an audience and a scope each, and at most [`MAX_SCOPES`] of them.
fn check_scopes(scopes: &[FullyQualifiedScope]) -> Result<(), ApiError> {
    if scopes.is_empty() {
        return Err(ApiError::invalid(
            "scopes must name at least one audience and scope the credential may use",
        ));
    }
    if scopes.len() > MAX_SCOPES {
        return Err(ApiError::limit_exceeded(format!(
            "{} scopes given; an OAuth 2.0 client credential can have at most {MAX_SCOPES}",
            scopes.len()
        )));
    }
    if let Some(bad) = scopes
        .iter()
        .find(|s| s.audience.trim().is_empty() || s.scope.trim().is_empty())
    {
        return Err(ApiError::invalid(format!(
            "every scope needs a non-empty audience and scope (got audience '{}', scope '{}')",
            bad.audience, bad.scope
        )));
    }
    Ok(())
}

pub async fn list_oauth2_credentials(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let store = ctx.store.lock();
    let user = store.users.find(call.param("id"), "user")?;
    let mine = store
        .sign_in
        .oauth2_credentials
        .iter()
        .filter(|c| c.user_id == user.id);
    let items = filter_sort(mine, &call, SortNames::Identity)?;
    page(&items, &call, ctx.limits, Shape::Array)
}

pub async fn create_oauth2_credential(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let details: CreateOAuth2ClientCredentialDetails = call.json()?;
    if details.name.trim().is_empty() {
        return Err(ApiError::invalid(
            "an OAuth 2.0 client credential needs a non-empty name",
        ));
    }
    check_scopes(&details.scopes)?;
    let mut store = ctx.store.lock();
    let user_id = admit(
        &store,
        &call,
        |c| c.can_use_oauth2_client_credentials,
        "OAuth 2.0 client credentials",
        |s, u| count_of(&s.sign_in.oauth2_credentials, u),
        MAX_OAUTH2_CREDENTIALS,
    )?;
    if store
        .sign_in
        .oauth2_credentials
        .iter()
        .any(|c| c.user_id == user_id && c.name == details.name)
    {
        return Err(ApiError::conflict(format!(
            "user {user_id} already has an OAuth 2.0 client credential named '{}'; pick another name",
            details.name
        )));
    }
    let summary = OAuth2ClientCredentialSummary {
        scopes: details.scopes,
        user_id,
        expires_on: None,
        id: new_ocid("oauth2clientcredential"),
        compartment_id: store.tenancy_id().to_string(),
        name: details.name,
        description: details.description,
        lifecycle_state: LifecycleState::Active,
        time_created: now_rfc3339(),
    };
    store.sign_in.oauth2_credentials.upsert(summary.clone());
    let shown = OAuth2ClientCredential {
        summary: summary.clone(),
        password: Some(Secret::new(random_text(32))),
    };
    issued(&shown, &summary)
}

pub async fn update_oauth2_credential(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let details: UpdateOAuth2ClientCredentialDetails = call.json()?;
    check_scopes(&details.scopes)?;
    let mut store = ctx.store.lock();
    store.users.find(call.param("id"), "user")?;
    let table = &mut store.sign_in.oauth2_credentials;
    let current = owned(table, &call, CREDENTIAL, "OAuth 2.0 client credential")?;
    call.check_etag(&etag_of(current))?;
    let id = current.id.clone();
    let row = table.find_mut(&id, "OAuth 2.0 client credential")?;
    row.description = details.description;
    row.scopes = details.scopes;
    let summary = row.clone();
    // A reset answers with the new secret, once; otherwise there is none to show.
    let password = details
        .is_reset_password
        .unwrap_or(false)
        .then(|| Secret::new(random_text(32)));
    issued(
        &OAuth2ClientCredential {
            summary: summary.clone(),
            password,
        },
        &summary,
    )
}

pub async fn delete_oauth2_credential(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let mut store = ctx.store.lock();
    store.users.find(call.param("id"), "user")?;
    delete_owned(
        &mut store.sign_in.oauth2_credentials,
        &call,
        CREDENTIAL,
        "OAuth 2.0 client credential",
    )
}
