//! OCI error replies: the `{"code","message"}` body with OCI's status and code pairs, and the
//! errors `start` itself can fail with.

use axum::http::StatusCode;

use crate::model::ErrorBody;

/// One failed API call, as the service reports it on the wire.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError {
    pub status: StatusCode,
    pub code: &'static str,
    pub message: String,
}

impl ApiError {
    fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> Self {
        Self {
            status,
            code,
            message: message.into(),
        }
    }

    pub fn invalid(message: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, "InvalidParameter", message)
    }

    pub fn missing(message: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, "MissingParameter", message)
    }

    /// A limit Oracle sets (credentials per user, scopes per credential): not retried.
    pub fn limit_exceeded(message: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, "LimitExceeded", message)
    }

    /// Something the request body names (not the path) does not exist.
    pub fn related_not_found(what: &str, id: &str) -> Self {
        Self::new(
            StatusCode::BAD_REQUEST,
            "RelatedResourceNotAuthorizedOrNotFound",
            format!("{what} {id} not found or you are not authorized to use it"),
        )
    }

    pub fn unauthenticated(message: impl Into<String>) -> Self {
        Self::new(StatusCode::UNAUTHORIZED, "NotAuthenticated", message)
    }

    /// OCI's deliberately ambiguous "missing or you may not see it".
    pub fn not_found(what: &str, id: &str) -> Self {
        Self::new(
            StatusCode::NOT_FOUND,
            "NotAuthorizedOrNotFound",
            format!("{what} {id} not found or you are not authorized to see it"),
        )
    }

    /// What OCI answers a request its policies do not allow (the same code as a missing
    /// resource, so a caller cannot tell which).
    pub fn not_authorized() -> Self {
        Self::new(
            StatusCode::NOT_FOUND,
            "NotAuthorizedOrNotFound",
            "Authorization failed or requested resource not found.",
        )
    }

    pub fn no_route(method: &str, path: &str) -> Self {
        Self::new(
            StatusCode::NOT_FOUND,
            "NotFound",
            format!("no such operation: {method} {path}"),
        )
    }

    pub fn method_not_allowed(method: &str, path: &str) -> Self {
        Self::new(
            StatusCode::METHOD_NOT_ALLOWED,
            "MethodNotAllowed",
            format!("{method} is not allowed on {path}"),
        )
    }

    /// Not transient: the SDK does not retry it.
    pub fn conflict(message: impl Into<String>) -> Self {
        Self::new(StatusCode::CONFLICT, "Conflict", message)
    }

    /// Transient: the SDK retries it.
    pub fn incorrect_state(message: impl Into<String>) -> Self {
        Self::new(StatusCode::CONFLICT, "IncorrectState", message)
    }

    pub fn retry_token_reused() -> Self {
        Self::new(
            StatusCode::CONFLICT,
            "InvalidatedRetryToken",
            "this opc-retry-token was already used with a different request; use a new token",
        )
    }

    pub fn etag_mismatch(given: &str, current: &str) -> Self {
        Self::new(
            StatusCode::PRECONDITION_FAILED,
            "NoEtagMatch",
            format!(
                "the if-match value {given} does not match the current etag {current}; reload and retry"
            ),
        )
    }

    pub fn too_many_requests() -> Self {
        Self::new(
            StatusCode::TOO_MANY_REQUESTS,
            "TooManyRequests",
            "too many requests (injected fault); retry after the Retry-After delay",
        )
    }

    pub fn internal(message: impl Into<String>) -> Self {
        Self::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "InternalServerError",
            message,
        )
    }

    pub fn unavailable() -> Self {
        Self::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "ServiceUnavailable",
            "service unavailable (injected fault); retry later",
        )
    }

    /// The JSON body OCI sends.
    pub fn body(&self) -> ErrorBody {
        ErrorBody {
            code: self.code.to_string(),
            message: self.message.clone(),
        }
    }
}

/// Why the emulator could not start.
#[derive(Debug, thiserror::Error)]
pub enum EmulatorError {
    #[error(
        "refusing to listen on {0}: the emulator only serves loopback (use 127.0.0.1:PORT or [::1]:PORT)"
    )]
    NotLoopback(std::net::SocketAddr),
    #[error("cannot listen on {addr}: {source} (is the port already in use?)")]
    Bind {
        addr: std::net::SocketAddr,
        source: std::io::Error,
    },
    #[error("cannot write the generated config to {path}: {source}")]
    WriteConfig {
        path: std::path::PathBuf,
        source: std::io::Error,
    },
    #[error("cannot generate an RSA key pair: {0}")]
    KeyGeneration(String),
    #[error("the seed tenancy has no users, so there is nobody to give the generated API key to")]
    NoAdministrator,
    #[error(
        "no user `{0}` in the tenancy: give a user's name (e.g. marcus.webb@acme-corp.com) or OCID"
    )]
    NoSuchUser(String),
}
