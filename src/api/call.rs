//! One operation's request before it is signed (method, path, query, body, if-match, whether
//! it carries a retry token), and the successful answer with the headers callers read.

use reqwest::Method;
use reqwest::header::HeaderMap;
use serde::Serialize;
use serde::de::DeserializeOwned;

use super::client::Service;
use super::error::ApiError;

/// The body and the headers callers care about of a successful answer.
#[derive(Debug)]
pub(crate) struct Reply {
    pub status: u16,
    pub headers: HeaderMap,
    pub body: Vec<u8>,
    pub request_id: String,
}

impl Reply {
    pub fn header(&self, name: &str) -> Option<String> {
        self.headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_string)
    }

    pub fn etag(&self) -> Option<String> {
        self.header("etag")
    }

    pub fn work_request_id(&self) -> Option<String> {
        self.header("opc-work-request-id")
    }

    pub fn next_page(&self) -> Option<String> {
        self.header("opc-next-page").filter(|p| !p.is_empty())
    }

    pub fn json<T: DeserializeOwned>(&self, operation: &'static str) -> Result<T, ApiError> {
        serde_json::from_slice(&self.body).map_err(|e| ApiError::Decode {
            operation,
            message: e.to_string(),
            request_id: self.request_id.clone(),
        })
    }
}

/// One operation's request, before signing: what to send and how it may be retried.
#[derive(Debug, Clone)]
pub(crate) struct Call {
    pub operation: &'static str,
    pub service: Service,
    pub method: Method,
    /// Below the version prefix, path segments already encoded.
    pub path: String,
    pub query: Vec<(&'static str, String)>,
    pub body: Option<Vec<u8>>,
    pub if_match: Option<String>,
    /// Send an `opc-retry-token` (kept across the retries of this call).
    pub retry_token: bool,
    /// A POST that only reads (a search): safe to send again.
    pub read_only: bool,
    /// A whole base URL that replaces the service's (an identity domain's own URL, where its
    /// SCIM directory is served); `path` then follows it directly.
    pub base_url: Option<String>,
    /// A later page of a listing: everything after it in the chain waits on it, so it takes
    /// a place ahead of a fan-out's calls (see [`Congestion`](super::congestion::Congestion)).
    pub urgent: bool,
}

impl Call {
    pub fn new(operation: &'static str, method: Method, path: impl Into<String>) -> Self {
        Self {
            operation,
            service: Service::Identity,
            method,
            path: path.into(),
            query: Vec::new(),
            body: None,
            if_match: None,
            retry_token: false,
            read_only: false,
            base_url: None,
            urgent: false,
        }
    }

    pub fn get(operation: &'static str, path: impl Into<String>) -> Self {
        Self::new(operation, Method::GET, path)
    }

    pub fn organizations(mut self) -> Self {
        self.service = Service::Organizations;
        self
    }

    pub fn search(mut self) -> Self {
        self.service = Service::Search;
        self
    }

    #[allow(clippy::needless_pass_by_value)] // takes `&str`, `bool` and enums alike
    pub fn query(mut self, name: &'static str, value: impl ToString) -> Self {
        self.query.push((name, value.to_string()));
        self
    }

    pub fn query_opt(self, name: &'static str, value: Option<impl ToString>) -> Self {
        match value {
            Some(v) => self.query(name, v),
            None => self,
        }
    }

    /// Sets the JSON body, serialised compactly with null fields left out.
    pub fn json(mut self, body: &impl Serialize) -> Self {
        // Serialising our own model types to a Vec cannot fail: no maps with non-string keys.
        self.body = Some(serde_json::to_vec(body).unwrap_or_default());
        self
    }

    /// A POST whose operation declares no body still sends an empty, signed one.
    pub fn empty_body(mut self) -> Self {
        self.body = Some(Vec::new());
        self
    }

    pub fn if_match(mut self, etag: Option<&str>) -> Self {
        self.if_match = etag.map(str::to_string);
        self
    }

    pub fn retry_token(mut self) -> Self {
        self.retry_token = true;
        self
    }

    /// Sends the call to `base` (a domain's URL) instead of a service endpoint.
    pub fn at(mut self, base: &str) -> Self {
        self.base_url = Some(base.trim_end_matches('/').to_string());
        self
    }

    pub fn read_only(mut self) -> Self {
        self.read_only = true;
        self
    }

    /// Whether sending this call again could do its work twice. GETs are safe; POSTs only
    /// with a retry token or when they only read (a search); PUT and DELETE are idempotent
    /// by HTTP, and the SDK retries them.
    pub fn may_repeat(&self) -> bool {
        self.method != Method::POST || self.retry_token || self.read_only
    }
}

/// Percent-encodes one path segment (an OCID, a tag name).
pub(crate) fn seg(s: &str) -> String {
    const SEGMENT: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
        .remove(b'-')
        .remove(b'.')
        .remove(b'_')
        .remove(b'~');
    percent_encoding::utf8_percent_encode(s, SEGMENT).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn path_segments_are_encoded() {
        assert_eq!(seg("ocid1.user.oc1..aaa"), "ocid1.user.oc1..aaa");
        assert_eq!(seg("cost center/1"), "cost%20center%2F1");
    }
}
