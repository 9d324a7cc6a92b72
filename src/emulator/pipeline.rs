//! What happens around every handler: the `opc-request-id`, injected latency and faults, the
//! signature check, and `opc-retry-token` replay, in the order a real front end applies them.

use std::time::SystemTime;

use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use super::Ctx;
use super::call::Principal;
use super::enforce::{Verdict, authorize, filter_list};
use super::error::ApiError;
use super::faults::Fault;
use super::store::RememberedReply;
use super::verify::{authenticate, resolve_key};
use crate::auth::signature::body_sha256;

/// Larger bodies are refused; no identity request comes close.
const MAX_BODY_BYTES: usize = 4 * 1024 * 1024;

/// Response headers worth replaying with a remembered reply.
const REPLAYED_HEADERS: &[&str] = &["etag", "opc-work-request-id", "content-type", "location"];

pub async fn pipeline(State(ctx): State<Ctx>, req: Request, next: Next) -> Response {
    let request_id = req
        .headers()
        .get("opc-request-id")
        .and_then(|v| v.to_str().ok())
        .filter(|id| !id.is_empty() && id.len() <= 98)
        .map_or_else(new_request_id, str::to_string);
    let mut response = handle(ctx, req, next).await;
    if let Ok(value) = HeaderValue::from_str(&request_id) {
        response.headers_mut().insert("opc-request-id", value);
    }
    response
}

/// 32 upper-case hex characters, the shape OCI uses.
fn new_request_id() -> String {
    uuid::Uuid::new_v4()
        .simple()
        .to_string()
        .to_ascii_uppercase()
}

async fn handle(ctx: Ctx, req: Request, next: Next) -> Response {
    let latency = ctx.faults.latency();
    if !latency.is_zero() {
        tokio::time::sleep(latency).await;
    }
    let fault = ctx.faults.decide(req.method());
    match fault {
        Fault::TooManyRequests { retry_after_secs } => {
            let mut r = ApiError::too_many_requests().into_response();
            r.headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(retry_after_secs));
            return r;
        }
        Fault::InternalError => {
            return ApiError::internal("internal error (injected fault); retry").into_response();
        }
        Fault::Unavailable => return ApiError::unavailable().into_response(),
        Fault::None | Fault::DropResponse => {}
    }

    let (mut parts, body) = req.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, MAX_BODY_BYTES).await else {
        return ApiError::invalid("the request body is unreadable or larger than 4 MiB")
            .into_response();
    };
    let retry_token = (parts.method == Method::POST)
        .then(|| parts.headers.get("opc-retry-token"))
        .flatten()
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    let request_key = format!(
        "{} {} {}",
        parts.method,
        parts.uri.path(),
        body_sha256(&bytes)
    );
    let mut list_filter = None;
    match authenticate(
        |key_id| resolve_key(&ctx.store.lock(), key_id),
        &parts.method,
        &parts.uri,
        &parts.headers,
        &bytes,
        SystemTime::now(),
    ) {
        // Handlers need the caller for tag variables such as `${iam.principal.name}`.
        Ok(user_id) => {
            if ctx.enforce {
                let snapshot = ctx.store.snapshot();
                match authorize(&snapshot, &user_id, &parts.method, &parts.uri, &bytes) {
                    Verdict::Allowed => {}
                    Verdict::FilterList(operation) => {
                        list_filter = Some((user_id.clone(), operation));
                    }
                    Verdict::Denied(_) => return ApiError::not_authorized().into_response(),
                }
            }
            parts.extensions.insert(Principal(user_id));
        }
        Err(e) => return e.into_response(),
    }
    let claim = {
        let mut store = ctx.store.lock();
        if let Some(token) = &retry_token {
            match store.remembered(token) {
                Some(r) if r.request == request_key => return replay(r),
                Some(_) => return ApiError::retry_token_reused().into_response(),
                None => {}
            }
            if !store.claim_retry_token(token) {
                return ApiError::incorrect_state(
                    "a request with this opc-retry-token is still being handled; retry shortly",
                )
                .into_response();
            }
        }
        retry_token.clone().map(|token| TokenClaim {
            store: ctx.store.clone(),
            token,
        })
    };

    let mut response = next
        .run(Request::from_parts(parts, Body::from(bytes)))
        .await;
    if let Some((user_id, operation)) = list_filter
        && response.status() == StatusCode::OK
    {
        response = visible_items(&ctx, &user_id, &operation, response).await;
    }
    let response = match retry_token {
        Some(token) if response.status().is_success() => {
            remember(&ctx, token, request_key, response).await
        }
        _ => response,
    };
    drop(claim);
    if fault == Fault::DropResponse {
        return cut_off(response).await;
    }
    response
}

/// Releases a claimed retry token however the request ends, even if the client goes away
/// and the handler's future is dropped.
/// A list response with only the items the caller may list (OCI leaves the rest out).
async fn visible_items(ctx: &Ctx, user_id: &str, operation: &str, response: Response) -> Response {
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, usize::MAX).await else {
        return ApiError::internal("the listing could not be read to filter it").into_response();
    };
    let snapshot = ctx.store.snapshot();
    let body = filter_list(&snapshot, user_id, operation, &bytes).unwrap_or_else(|| bytes.to_vec());
    parts.headers.remove(header::CONTENT_LENGTH);
    Response::from_parts(parts, Body::from(body))
}

struct TokenClaim {
    store: super::store::StoreHandle,
    token: String,
}

impl Drop for TokenClaim {
    fn drop(&mut self) {
        self.store.with(|s| s.release_retry_token(&self.token));
    }
}

fn replay(r: &RememberedReply) -> Response {
    let mut response = Response::new(Body::from(r.body.clone()));
    *response.status_mut() = StatusCode::from_u16(r.status).unwrap_or(StatusCode::OK);
    for (name, value) in &r.headers {
        if let (Ok(name), Ok(value)) = (
            header::HeaderName::from_bytes(name.as_bytes()),
            HeaderValue::from_str(value),
        ) {
            response.headers_mut().insert(name, value);
        }
    }
    response
}

async fn remember(ctx: &Ctx, token: String, request: String, response: Response) -> Response {
    let (parts, body) = response.into_parts();
    let bytes = axum::body::to_bytes(body, usize::MAX)
        .await
        .unwrap_or_default();
    let headers = kept_headers(&parts.headers);
    ctx.store.lock().remember(
        token,
        RememberedReply {
            request,
            status: parts.status.as_u16(),
            headers,
            body: bytes.to_vec(),
        },
    );
    Response::from_parts(parts, Body::from(bytes))
}

fn kept_headers(headers: &HeaderMap) -> Vec<(String, String)> {
    REPLAYED_HEADERS
        .iter()
        .filter_map(|name| {
            let value = headers.get(*name)?.to_str().ok()?;
            Some(((*name).to_string(), value.to_string()))
        })
        .collect()
}

/// Sends the status, headers and half the body, then breaks the connection: the client has a
/// response it cannot finish reading, after the server already acted.
async fn cut_off(response: Response) -> Response {
    let (mut parts, body) = response.into_parts();
    let bytes = axum::body::to_bytes(body, usize::MAX)
        .await
        .unwrap_or_default();
    let promised = bytes.len().max(2);
    if parts.status == StatusCode::NO_CONTENT {
        // A 204 cannot promise a body, so promise one with a 200 instead.
        parts.status = StatusCode::OK;
    }
    parts
        .headers
        .insert(header::CONTENT_LENGTH, HeaderValue::from(promised));
    let sent = Bytes::copy_from_slice(&bytes[..bytes.len() / 2]);
    let chunks: Vec<Result<Bytes, std::io::Error>> = vec![
        Ok(sent),
        Err(std::io::Error::new(
            std::io::ErrorKind::ConnectionAborted,
            "connection dropped (injected fault)",
        )),
    ];
    Response::from_parts(parts, Body::from_stream(futures::stream::iter(chunks)))
}
