//! One API call as the handlers see it (path parameters, query, headers, body) and the reply
//! they build, so every route speaks OCI's headers and error bodies the same way.

use std::collections::HashMap;

use axum::body::{Body, Bytes};
use axum::extract::{FromRequest, FromRequestParts as _, Path, Request};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use serde::de::DeserializeOwned;

use super::error::ApiError;

/// The OCID of the user who signed the request, put on it by the pipeline once the signature
/// checked out.
#[derive(Debug, Clone)]
pub struct Principal(pub String);

/// The identity domain a listener of its own serves: its handlers read it as the
/// `domainId` path parameter the main listener's `/domains/{domainId}/...` routes give.
#[derive(Debug, Clone)]
pub struct DomainScope(pub String);

/// Everything a handler needs from the request.
#[derive(Debug)]
pub struct Call {
    params: HashMap<String, String>,
    query: Vec<(String, String)>,
    pub headers: HeaderMap,
    pub body: Bytes,
    /// Who signed it (`None` only for handlers run outside the pipeline).
    pub principal: Option<String>,
}

impl<S: Send + Sync> FromRequest<S> for Call {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let (mut parts, body) = req.into_parts();
        let mut params = Path::<HashMap<String, String>>::from_request_parts(&mut parts, state)
            .await
            .map(|Path(p)| p)
            .unwrap_or_default();
        if let Some(DomainScope(id)) = parts.extensions.get::<DomainScope>() {
            params
                .entry("domainId".to_string())
                .or_insert_with(|| id.clone());
        }
        let query = parts
            .uri
            .query()
            .map(|q| {
                url::form_urlencoded::parse(q.as_bytes())
                    .into_owned()
                    .collect()
            })
            .unwrap_or_default();
        let body = axum::body::to_bytes(body, usize::MAX)
            .await
            .map_err(|e| ApiError::invalid(format!("cannot read the request body: {e}")))?;
        let principal = parts.extensions.get::<Principal>().map(|p| p.0.clone());
        Ok(Self {
            params,
            query,
            headers: parts.headers,
            body,
            principal,
        })
    }
}

impl Call {
    /// A path parameter (the route guarantees it exists).
    pub fn param(&self, name: &str) -> &str {
        self.params.get(name).map_or("", String::as_str)
    }

    /// A query parameter, if sent.
    pub fn query(&self, name: &str) -> Option<&str> {
        self.query
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// A query parameter the operation requires.
    pub fn required(&self, name: &str) -> Result<&str, ApiError> {
        self.query(name)
            .filter(|v| !v.is_empty())
            .ok_or_else(|| ApiError::missing(format!("the query parameter '{name}' is required")))
    }

    /// A boolean query parameter (`true`/`false`, as the SDK sends them).
    pub fn flag(&self, name: &str) -> Result<Option<bool>, ApiError> {
        match self.query(name) {
            None => Ok(None),
            Some(v) if v.eq_ignore_ascii_case("true") => Ok(Some(true)),
            Some(v) if v.eq_ignore_ascii_case("false") => Ok(Some(false)),
            Some(v) => Err(ApiError::invalid(format!(
                "'{name}' must be true or false, not '{v}'"
            ))),
        }
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    /// The body as the operation's details type; field errors become 400s that name the field.
    pub fn json<T: DeserializeOwned>(&self) -> Result<T, ApiError> {
        if self.body.is_empty() {
            return Err(ApiError::missing("the request body is required"));
        }
        serde_json::from_slice(&self.body).map_err(|e| {
            let text = e.to_string();
            if text.starts_with("missing field") {
                ApiError::missing(format!("the request body is incomplete: {text}"))
            } else {
                ApiError::invalid(format!("the request body is not valid: {text}"))
            }
        })
    }

    /// Honours `if-match`: absent or `*` passes, anything else must equal the current etag.
    pub fn check_etag(&self, current: &str) -> Result<(), ApiError> {
        match self.header("if-match") {
            None => Ok(()),
            Some(given) => {
                let bare = given.trim().trim_matches('"');
                if bare == "*" || bare == current {
                    Ok(())
                } else {
                    Err(ApiError::etag_mismatch(given, current))
                }
            }
        }
    }
}

/// A successful reply: status, optional JSON body, extra headers.
#[derive(Debug)]
pub struct Reply {
    status: StatusCode,
    body: Option<Vec<u8>>,
    headers: Vec<(&'static str, String)>,
}

impl Reply {
    pub fn json<T: Serialize>(value: &T) -> Result<Self, ApiError> {
        let body = serde_json::to_vec(value)
            .map_err(|e| ApiError::internal(format!("cannot encode the reply: {e}")))?;
        Ok(Self {
            status: StatusCode::OK,
            body: Some(body),
            headers: Vec::new(),
        })
    }

    /// The resource with its etag header.
    pub fn tagged<T: Serialize>(value: &T) -> Result<Self, ApiError> {
        Ok(Self::json(value)?.header("etag", super::store::etag_of(value)))
    }

    /// 201 with the new resource (SCIM creates).
    pub fn created<T: Serialize>(value: &T) -> Result<Self, ApiError> {
        let mut reply = Self::json(value)?;
        reply.status = StatusCode::CREATED;
        Ok(reply)
    }

    /// 204 with no body (deletes).
    pub fn no_content() -> Self {
        Self {
            status: StatusCode::NO_CONTENT,
            body: None,
            headers: Vec::new(),
        }
    }

    /// 200 with no body (actions OCI answers without a resource or a work request).
    pub fn empty() -> Self {
        Self {
            status: StatusCode::OK,
            body: None,
            headers: Vec::new(),
        }
    }

    /// 202 with no body and the work request to poll.
    pub fn accepted(work_request_id: String) -> Self {
        Self {
            status: StatusCode::ACCEPTED,
            body: None,
            headers: vec![("opc-work-request-id", work_request_id)],
        }
    }

    pub fn header(mut self, name: &'static str, value: String) -> Self {
        self.headers.push((name, value));
        self
    }
}

impl IntoResponse for Reply {
    fn into_response(self) -> Response {
        let mut response = match self.body {
            Some(body) => {
                let mut r = Response::new(Body::from(body));
                r.headers_mut().insert(
                    header::CONTENT_TYPE,
                    HeaderValue::from_static("application/json"),
                );
                r
            }
            None => Response::new(Body::empty()),
        };
        *response.status_mut() = self.status;
        for (name, value) in self.headers {
            if let Ok(value) = HeaderValue::from_str(&value) {
                response.headers_mut().insert(name, value);
            }
        }
        response
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = serde_json::to_vec(&self.body()).unwrap_or_default();
        let mut response = Response::new(Body::from(body));
        *response.status_mut() = self.status;
        response.headers_mut().insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        );
        response
    }
}

/// What a handler returns.
pub type Outcome = Result<Reply, ApiError>;
