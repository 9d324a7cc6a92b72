//! Signature verification as OCI does it: the keyId resolves to a registered API key of an
//! ACTIVE user (or to a session token this emulator issued), the method's required headers are
//! all signed, the RSA signature checks, the body matches its hash and length, and the date is
//! within five minutes. Every failure is a 401 `NotAuthenticated` that says which check failed.

use std::time::{Duration, SystemTime};

use axum::http::{HeaderMap, Method, Uri};
use rsa::RsaPublicKey;

use super::error::ApiError;
use super::store::Store;
use crate::auth::signature::{
    body_sha256, parse_authorization, required_headers, signing_string, verify,
};
use crate::model::LifecycleState;

/// How far a request's date may be from the server's clock.
pub const MAX_CLOCK_SKEW: Duration = Duration::from_secs(5 * 60);

fn fail(message: impl Into<String>) -> ApiError {
    ApiError::unauthenticated(message)
}

/// Checks the request's signature; on success returns the caller's user OCID. `resolve`
/// turns the keyId into the signer and public key (see [`resolve_key`]); it is the only step
/// that needs the store, so the slow RSA check runs without holding the store's lock.
pub fn authenticate(
    resolve: impl FnOnce(&str) -> Result<(String, RsaPublicKey), ApiError>,
    method: &Method,
    uri: &Uri,
    headers: &HeaderMap,
    body: &[u8],
    now: SystemTime,
) -> Result<String, ApiError> {
    let header = |name: &str| headers.get(name).and_then(|v| v.to_str().ok());
    let authorization = header("authorization")
        .ok_or_else(|| fail("the request is not signed: there is no Authorization header"))?;
    let params = parse_authorization(authorization).map_err(|e| fail(e.to_string()))?;
    if !params.algorithm.eq_ignore_ascii_case("rsa-sha256") {
        return Err(fail(format!(
            "the signature algorithm '{}' is not supported; use rsa-sha256",
            params.algorithm
        )));
    }
    let required = required_headers(method.as_str())
        .ok_or_else(|| fail(format!("{method} requests cannot be signed")))?;
    if let Some(missing) = required
        .iter()
        .find(|name| !params.headers.iter().any(|h| h == *name))
    {
        return Err(fail(format!(
            "the header '{missing}' must be signed for {method} requests"
        )));
    }
    let (user_id, key) = resolve(&params.key_id)?;
    let target = uri.path_and_query().map_or(uri.path(), |pq| pq.as_str());
    let names: Vec<&str> = params.headers.iter().map(String::as_str).collect();
    let text =
        signing_string(&names, method.as_str(), target, header).map_err(|e| fail(e.to_string()))?;
    if !verify(&key, &text, &params.signature) {
        return Err(fail(
            "the signature does not match: wrong key, or the signed headers or path were altered",
        ));
    }
    check_date(header("x-date").or(header("date")), now)?;
    if required.contains(&"x-content-sha256") {
        check_body(header("x-content-sha256"), header("content-length"), body)?;
    }
    Ok(user_id)
}

/// The signer and public key behind a keyId.
pub fn resolve_key(store: &Store, key_id: &str) -> Result<(String, RsaPublicKey), ApiError> {
    if let Some(token) = key_id.strip_prefix("ST$") {
        let session = store
            .session(token)
            .ok_or_else(|| fail("the session token was not issued by this service"))?;
        let now = time::OffsetDateTime::now_utc().unix_timestamp();
        if session.expires_unix <= now {
            return Err(fail("the session token has expired; authenticate again"));
        }
        check_user(store, &session.user_id)?;
        return Ok((session.user_id.clone(), session.public_key.clone()));
    }
    let mut parts = key_id.split('/');
    let (Some(tenancy), Some(user), Some(_fingerprint), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(fail(format!(
            "the keyId '{key_id}' is not tenancy/user/fingerprint or ST$token"
        )));
    };
    if tenancy != store.tenancy_id() {
        return Err(fail(format!(
            "the keyId names an unknown tenancy {tenancy}"
        )));
    }
    let credential = store
        .credential(key_id)
        .ok_or_else(|| fail("the keyId's fingerprint is not a registered API key of that user"))?;
    check_user(store, user)?;
    Ok((credential.user_id.clone(), credential.public_key.clone()))
}

fn check_user(store: &Store, user_id: &str) -> Result<(), ApiError> {
    match store.users.get(user_id) {
        Some(u) if u.lifecycle_state == LifecycleState::Active && !u.is_blocked() => Ok(()),
        Some(u) => Err(ApiError::unauthenticated(format!(
            "the user {user_id} is {} and cannot sign requests",
            u.lifecycle_state
        ))),
        None => Err(ApiError::unauthenticated(format!(
            "the user {user_id} does not exist"
        ))),
    }
}

fn check_date(value: Option<&str>, now: SystemTime) -> Result<(), ApiError> {
    let value = value.ok_or_else(|| fail("the request has no date or x-date header"))?;
    let date = httpdate::parse_http_date(value)
        .map_err(|_| fail(format!("the date '{value}' is not an RFC 1123 date")))?;
    let skew = now
        .duration_since(date)
        .or_else(|_| date.duration_since(now))
        .unwrap_or_default();
    if skew > MAX_CLOCK_SKEW {
        return Err(fail(format!(
            "the date '{value}' is more than 5 minutes from the server's clock; fix the clock"
        )));
    }
    Ok(())
}

fn check_body(
    sha256: Option<&str>,
    content_length: Option<&str>,
    body: &[u8],
) -> Result<(), ApiError> {
    if sha256 != Some(body_sha256(body).as_str()) {
        return Err(fail(
            "x-content-sha256 does not match the body: it was altered in transit",
        ));
    }
    if content_length.and_then(|v| v.trim().parse::<usize>().ok()) != Some(body.len()) {
        return Err(fail("content-length does not match the body"));
    }
    Ok(())
}
