//! `ApiError`: every way a call to OCI can fail, each saying what the user can do about it.

use std::fmt;
use std::time::Duration;

/// The broad class of a failure, for callers that react differently (reload on a conflict,
/// re-check the config on an auth failure).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// 401: the request's signature was refused.
    Auth,
    /// 412: the resource changed since its etag was read.
    Conflict,
    /// 404: not there, or not visible to this user.
    NotFound,
    /// 429: the service is throttling.
    Throttled,
    /// The network, a timeout, or the connection dropped.
    Transport,
    /// Anything else.
    Other,
}

/// A non-2xx answer from the service, with OCI's error code and message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServiceError {
    /// OCI's operation name, e.g. `UpdatePolicy`.
    pub operation: &'static str,
    pub status: u16,
    pub code: String,
    pub message: String,
    pub request_id: Option<String>,
    /// How many attempts were made, retries included.
    pub attempts: u32,
    /// The service's `Retry-After`, when it sent one.
    pub retry_after: Option<Duration>,
    /// An earlier attempt of this call may have been applied: its answer was lost or was a
    /// 5xx. A 412 then may be our own change, not someone else's.
    pub after_lost_answer: bool,
}

impl ServiceError {
    /// What to do about the common failures.
    pub fn hint(&self) -> Option<&'static str> {
        Some(match self.status {
            401 => {
                "check that key_file is the private key whose public half is uploaded to the \
                 user, that the config's fingerprint matches it, and that this machine's clock \
                 is right (OCI refuses requests more than 5 minutes off)"
            }
            404 => {
                "it does not exist, or this user is not allowed to see it (OCI does not say \
                 which)"
            }
            412 => {
                "someone else changed it since it was loaded: reload it and apply the change again"
            }
            429 => "the service is throttling requests: wait a little and try again",
            409 => {
                "it conflicts with the resource's current state (a name already taken, or the resource is busy)"
            }
            _ => return None,
        })
    }
}

impl fmt::Display for ServiceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} failed: {} {}: {}",
            self.operation, self.status, self.code, self.message
        )?;
        if let Some(id) = &self.request_id {
            write!(f, " (opc-request-id {id})")?;
        }
        if self.attempts > 1 {
            write!(f, " after {} attempts", self.attempts)?;
        }
        if let Some(hint) = self.hint() {
            write!(f, "; {hint}")?;
        }
        Ok(())
    }
}

/// Why a call failed.
#[derive(Debug, Clone, thiserror::Error)]
pub enum ApiError {
    /// The service answered with an error status.
    #[error("{0}")]
    Service(Box<ServiceError>),
    /// No usable answer arrived: connection refused or dropped, timeout, TLS.
    #[error(
        "{operation}: no answer from {endpoint} after {attempts} attempt(s): {message}; check the \
         network, the region or --endpoint"
    )]
    Transport {
        operation: &'static str,
        endpoint: String,
        message: String,
        timed_out: bool,
        /// No connection could be made (refused, no such host, TLS): with nothing there
        /// having answered yet this session, it fails at once instead of being retried.
        unreachable: bool,
        attempts: u32,
    },
    /// A 2xx answer whose body is not what the operation returns.
    #[error(
        "{operation}: the service's answer could not be read ({message}); report this with \
         opc-request-id {request_id}"
    )]
    Decode {
        operation: &'static str,
        message: String,
        request_id: String,
    },
    /// The request could not be signed (a key problem).
    #[error("{operation}: the request could not be signed: {message}; check the profile's key")]
    Sign {
        operation: &'static str,
        message: String,
    },
    /// The endpoint plus the path do not make a URL.
    #[error("{operation}: '{url}' is not a usable URL ({message}); check --endpoint or the region")]
    Url {
        operation: &'static str,
        url: String,
        message: String,
    },
}

impl ApiError {
    pub fn kind(&self) -> ErrorKind {
        match self {
            Self::Service(e) => match e.status {
                401 => ErrorKind::Auth,
                412 => ErrorKind::Conflict,
                404 => ErrorKind::NotFound,
                429 => ErrorKind::Throttled,
                _ => ErrorKind::Other,
            },
            Self::Transport { .. } => ErrorKind::Transport,
            _ => ErrorKind::Other,
        }
    }

    /// True for 412: the caller's etag is stale, so reload before trying again.
    pub fn is_conflict(&self) -> bool {
        self.kind() == ErrorKind::Conflict
    }

    /// True for 401: the key, fingerprint or clock is wrong; retrying will not help.
    pub fn is_auth(&self) -> bool {
        self.kind() == ErrorKind::Auth
    }

    /// The service error, when the service answered.
    pub fn service(&self) -> Option<&ServiceError> {
        match self {
            Self::Service(e) => Some(e),
            _ => None,
        }
    }

    /// The HTTP status, when the service answered.
    pub fn status(&self) -> Option<u16> {
        self.service().map(|e| e.status)
    }

    /// The hint for the common failures, if any.
    pub fn hint(&self) -> Option<&'static str> {
        self.service().and_then(ServiceError::hint)
    }

    /// True when another attempt may succeed: 429, 5xx except 501, 409 `IncorrectState` or
    /// `LockConflict`, and transport failures (the SDK's default retry table).
    pub fn is_transient(&self) -> bool {
        match self {
            Self::Service(e) => match e.status {
                429 => true,
                409 => e.code == "IncorrectState" || e.code == "LockConflict",
                501 => false,
                s => s >= 500,
            },
            Self::Transport { .. } => true,
            _ => false,
        }
    }

    /// The server certainly did not act on the request (it throttled it), so even a request
    /// that is not idempotent may be sent again.
    pub(crate) fn server_did_not_act(&self) -> bool {
        self.status() == Some(429)
    }

    /// The request may have been applied though no success came back.
    pub(crate) fn may_have_acted(&self) -> bool {
        match self {
            Self::Service(e) => e.status >= 500,
            Self::Transport { .. } => true,
            _ => false,
        }
    }

    /// True when an earlier attempt of the failed call may have been applied.
    pub fn after_lost_answer(&self) -> bool {
        self.service().is_some_and(|e| e.after_lost_answer)
    }

    /// The final error of a call with `lost` = an earlier attempt may have acted.
    pub(crate) fn finally(mut self, attempts: u32, lost: bool) -> Self {
        if let Self::Service(e) = &mut self {
            e.after_lost_answer = lost;
        }
        self.with_attempts(attempts)
    }

    pub(crate) fn with_attempts(mut self, n: u32) -> Self {
        match &mut self {
            Self::Service(e) => e.attempts = n,
            Self::Transport { attempts, .. } => *attempts = n,
            _ => {}
        }
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn service(status: u16, code: &str) -> ApiError {
        ApiError::Service(Box::new(ServiceError {
            operation: "GetPolicy",
            status,
            code: code.into(),
            message: "m".into(),
            request_id: Some("RID".into()),
            attempts: 1,
            retry_after: None,
            after_lost_answer: false,
        }))
    }

    #[test]
    fn transient_follows_the_sdk_table() {
        assert!(service(429, "TooManyRequests").is_transient());
        assert!(service(500, "InternalServerError").is_transient());
        assert!(service(503, "ServiceUnavailable").is_transient());
        assert!(service(409, "IncorrectState").is_transient());
        assert!(service(409, "LockConflict").is_transient());
        assert!(!service(409, "Conflict").is_transient());
        assert!(!service(501, "MethodNotImplemented").is_transient());
        assert!(!service(412, "NoEtagMatch").is_transient());
        assert!(!service(401, "NotAuthenticated").is_transient());
    }

    #[test]
    fn conflict_and_auth_are_told_apart_and_hinted() {
        let c = service(412, "NoEtagMatch");
        assert!(c.is_conflict() && !c.is_auth());
        assert!(c.to_string().contains("someone else changed it"));
        let a = service(401, "NotAuthenticated");
        assert!(a.is_auth() && !a.is_conflict());
        let text = a.to_string();
        assert!(
            text.contains("fingerprint") && text.contains("clock"),
            "{text}"
        );
        assert!(text.contains("opc-request-id RID"));
    }
}
