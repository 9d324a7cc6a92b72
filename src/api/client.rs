//! The one HTTP client for Identity and Organizations: builds each request with the headers
//! the OCI SDK sends, signs it, and retries what is safe to retry.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, PoisonError, RwLock};
use std::time::{Duration, Instant, SystemTime};

use reqwest::header::{HeaderMap, HeaderName, HeaderValue};
use serde::de::DeserializeOwned;
use url::Url;

pub(crate) use super::call::{Call, Reply, seg};
use super::congestion::Congestion;
use super::error::{ApiError, ServiceError};
use super::retry::{Backoff, RetryPolicy, new_retry_token, parse_retry_after};
use super::signer::SignRequest;
use crate::config::{HomeRegion, RegionRoutes};
use crate::model::ErrorBody;

/// Identity's API version prefix.
pub const IDENTITY_PATH: &str = "/20160918";
/// Organizations' API version prefix.
pub const ORGANIZATIONS_PATH: &str = "/20230401";
/// Resource Search's API version prefix.
pub const SEARCH_PATH: &str = "/20180409";

/// Which service a call goes to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Service {
    Identity,
    Organizations,
    /// Resource Search: other services' resources in a compartment.
    Search,
}

/// Base URLs of the services, each including its version prefix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Endpoints {
    pub identity: String,
    pub organizations: String,
    pub search: String,
}

impl Endpoints {
    /// All services behind one base URL, as with `--endpoint` or the emulator. A trailing
    /// slash or version prefix is dropped (the SDK would otherwise double it).
    pub fn single(base: &str) -> Self {
        let mut base = base.trim().trim_end_matches('/');
        for prefix in [IDENTITY_PATH, ORGANIZATIONS_PATH, SEARCH_PATH] {
            base = base.strip_suffix(prefix).unwrap_or(base);
        }
        let base = base.trim_end_matches('/');
        Self {
            identity: format!("{base}{IDENTITY_PATH}"),
            organizations: format!("{base}{ORGANIZATIONS_PATH}"),
            search: format!("{base}{SEARCH_PATH}"),
        }
    }

    fn base(&self, service: Service) -> &str {
        match service {
            Service::Identity => &self.identity,
            Service::Organizations => &self.organizations,
            Service::Search => &self.search,
        }
    }
}

/// How a client behaves; the defaults match the OCI SDK.
#[derive(Debug, Clone)]
pub struct ClientOptions {
    pub retry: RetryPolicy,
    pub connect_timeout: Duration,
    /// Per attempt, from sending to the last body byte.
    pub request_timeout: Duration,
    /// Ceiling of the fan-out concurrency (see [`super::fanout`]).
    pub max_concurrency: usize,
    /// Appended to `canopy/VERSION` in the user-agent.
    pub user_agent_suffix: Option<String>,
    /// Told about every HTTP attempt (the TUI's command log).
    pub observer: Option<CallObserver>,
}

/// One HTTP attempt as a command log shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CallRecord {
    pub operation: &'static str,
    pub method: String,
    /// Path and query, e.g. `/20160918/policies?compartmentId=...`.
    pub path: String,
    /// `None` when no answer arrived.
    pub status: Option<u16>,
    pub duration: Duration,
}

/// A function told about every HTTP attempt, retries included.
#[derive(Clone)]
pub struct CallObserver(pub Arc<dyn Fn(&CallRecord) + Send + Sync>);

impl std::fmt::Debug for CallObserver {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("CallObserver")
    }
}

impl Default for ClientOptions {
    fn default() -> Self {
        Self {
            retry: RetryPolicy::default(),
            connect_timeout: Duration::from_secs(10),
            request_timeout: Duration::from_secs(60),
            max_concurrency: 96,
            user_agent_suffix: None,
            observer: None,
        }
    }
}

/// Connections kept open once a burst of calls is over. A fan-out opens up to
/// `max_concurrency` of them, and each keeps a read buffer grown to the largest answer it
/// read (up to about 400 KB): a hundred idle ones held some 10 MB for nothing until the pool
/// closed them 90 s later. The next burst opens the rest again, once.
const IDLE_CONNECTIONS: usize = 16;

/// A signed client for one tenancy's endpoints; cheap to clone and share between tasks.
#[derive(Clone)]
pub struct Client {
    inner: Arc<Inner>,
}

struct Inner {
    http: reqwest::Client,
    endpoints: Endpoints,
    signer: Arc<dyn SignRequest>,
    /// Where requests are signed (off the thread that drives the calls).
    signing: super::sign_pool::SignPool,
    options: ClientOptions,
    user_agent: HeaderValue,
    congestion: Congestion,
    attempts: AtomicU64,
    /// Whether any attempt has had an answer (of any status) in this session.
    answered: AtomicBool,
    /// Where Identity writes go once the tenancy's home region is known.
    home: RwLock<HomeRouting>,
}

/// How to find the home region's endpoint, and the home region once found.
#[derive(Debug, Default)]
struct HomeRouting {
    routes: Option<RegionRoutes>,
    home: Option<HomeRegion>,
}

impl std::fmt::Debug for Client {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Client")
            .field("endpoints", &self.inner.endpoints)
            .finish_non_exhaustive()
    }
}

impl Client {
    /// A client for these endpoints, signing with `signer`.
    pub fn new(
        endpoints: Endpoints,
        signer: Arc<dyn SignRequest>,
        options: ClientOptions,
    ) -> Result<Self, ApiError> {
        let http = reqwest::Client::builder()
            .pool_max_idle_per_host(IDLE_CONNECTIONS)
            .connect_timeout(options.connect_timeout)
            .timeout(options.request_timeout)
            .build()
            .map_err(|e| ApiError::Transport {
                operation: "CreateClient",
                endpoint: endpoints.identity.clone(),
                message: e.to_string(),
                timed_out: false,
                unreachable: false,
                attempts: 0,
            })?;
        let agent = match &options.user_agent_suffix {
            Some(s) => format!("canopy/{} {s}", env!("CARGO_PKG_VERSION")),
            None => format!("canopy/{}", env!("CARGO_PKG_VERSION")),
        };
        let user_agent =
            HeaderValue::from_str(&agent).unwrap_or_else(|_| HeaderValue::from_static("canopy"));
        Ok(Self {
            inner: Arc::new(Inner {
                http,
                congestion: Congestion::new(options.max_concurrency),
                endpoints,
                signer,
                signing: super::sign_pool::SignPool::new(),
                options,
                user_agent,
                attempts: AtomicU64::new(0),
                answered: AtomicBool::new(false),
                home: RwLock::new(HomeRouting::default()),
            }),
        })
    }

    pub fn endpoints(&self) -> &Endpoints {
        &self.inner.endpoints
    }

    pub fn options(&self) -> &ClientOptions {
        &self.inner.options
    }

    /// The shared concurrency limit the fan-out helper follows.
    pub fn congestion(&self) -> &Congestion {
        &self.inner.congestion
    }

    /// HTTP requests sent so far, retries included.
    pub fn requests_sent(&self) -> u64 {
        self.inner.attempts.load(Ordering::Relaxed)
    }

    /// How this client finds a region's endpoint (set by [`super::connect`]).
    pub fn set_region_routes(&self, routes: RegionRoutes) {
        self.routing_mut().routes = Some(routes);
    }

    /// Sends Identity writes to the home region of a tenancy whose `homeRegionKey` is `key`
    /// (reads stay with the profile's region), as the Console does. `None` when the key is
    /// unknown or the client has no region routes; writes then go where reads go.
    pub fn use_home_region(&self, key: &str) -> Option<HomeRegion> {
        let mut routing = self.routing_mut();
        let home = routing.routes.as_ref()?.home(key)?;
        routing.home = Some(home.clone());
        Some(home)
    }

    /// Sends Identity writes to `home` (a home region found another way, or tests).
    pub fn set_home_region(&self, home: HomeRegion) {
        self.routing_mut().home = Some(home);
    }

    /// The home region writes go to, once known.
    pub fn home_region(&self) -> Option<HomeRegion> {
        self.inner
            .home
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .home
            .clone()
    }

    fn routing_mut(&self) -> std::sync::RwLockWriteGuard<'_, HomeRouting> {
        self.inner
            .home
            .write()
            .unwrap_or_else(PoisonError::into_inner)
    }

    /// The base URL of a call: an Identity write goes to the home region when the profile's
    /// region is another one.
    fn base(&self, call: &Call) -> String {
        if let Some(base) = &call.base_url {
            return base.clone();
        }
        if call.service == Service::Identity
            && call.method != reqwest::Method::GET
            && let Some(home) = self
                .inner
                .home
                .read()
                .unwrap_or_else(PoisonError::into_inner)
                .home
                .as_ref()
                .filter(|h| h.redirected)
        {
            return format!("{}{IDENTITY_PATH}", home.identity_endpoint);
        }
        self.inner.endpoints.base(call.service).to_string()
    }

    fn url(&self, call: &Call) -> Result<Url, ApiError> {
        let raw = format!("{}{}", self.base(call), call.path);
        let mut url = Url::parse(&raw).map_err(|e| ApiError::Url {
            operation: call.operation,
            url: raw.clone(),
            message: e.to_string(),
        })?;
        if !call.query.is_empty() {
            let mut pairs = url.query_pairs_mut();
            for (k, v) in &call.query {
                pairs.append_pair(k, v);
            }
        }
        Ok(url)
    }

    /// Sends `call`, retrying per the policy, and returns the 2xx answer.
    pub(crate) async fn send(&self, call: &Call) -> Result<Reply, ApiError> {
        let url = self.url(call)?;
        let policy = &self.inner.options.retry;
        let request_id = uuid::Uuid::new_v4().simple().to_string().to_uppercase();
        let retry_token = call.retry_token.then(new_retry_token);
        let started = Instant::now();
        let mut backoff = Backoff::new(policy);
        let mut attempt = 0;
        // Whether an earlier attempt may have been applied (see `lost_answer`).
        let mut lost = false;
        loop {
            attempt += 1;
            // Only the attempt holds a place in the limit, not the back-off sleep after it, so
            // calls waiting to retry do not stop others from being sent. A call made on its
            // own (the first page of the list on screen, a write) or a later page of a chain
            // goes before the many calls of a fan-out, which wait their turn in order.
            let permit = if call.urgent || !super::fanout::in_fan_out() {
                self.inner.congestion.acquire_urgent().await
            } else {
                self.inner.congestion.acquire().await
            };
            let sent = Instant::now();
            let outcome = self
                .attempt(call, &url, &request_id, retry_token.as_deref())
                .await;
            drop(permit);
            self.observe(call, &url, &outcome, sent.elapsed());
            let err = match outcome {
                Ok(reply) => {
                    self.inner.congestion.on_success();
                    return Ok(reply);
                }
                Err(err) => err,
            };
            if err.status() == Some(429) {
                self.inner.congestion.on_throttled();
            }
            // A refused connection or an unknown host before anything ever answered is a
            // wrong endpoint or no network: retrying only delays the message (the SDK would
            // spend half a minute), so it fails now.
            if matches!(
                err,
                ApiError::Transport {
                    unreachable: true,
                    ..
                }
            ) {
                return Err(err.finally(attempt, lost));
            }
            let repeatable = call.may_repeat() || err.server_did_not_act();
            if !(repeatable && err.is_transient()) || attempt >= policy.max_attempts {
                return Err(err.finally(attempt, lost));
            }
            let wish = err.service().and_then(|e| e.retry_after);
            let delay = backoff.next_delay(wish);
            if started.elapsed() + delay > policy.deadline {
                return Err(err.finally(attempt, lost));
            }
            lost |= err.may_have_acted();
            tracing::debug!(
                operation = call.operation,
                attempt,
                ?delay,
                "retrying after {err}"
            );
            tokio::time::sleep(delay).await;
        }
    }

    fn observe(&self, call: &Call, url: &Url, result: &Result<Reply, ApiError>, took: Duration) {
        if let Some(observer) = &self.inner.options.observer {
            let path = match url.query() {
                Some(q) => format!("{}?{q}", url.path()),
                None => url.path().to_string(),
            };
            (observer.0)(&CallRecord {
                operation: call.operation,
                method: call.method.to_string(),
                path,
                status: match result {
                    Ok(reply) => Some(reply.status),
                    Err(e) => e.status(),
                },
                duration: took,
            });
        }
    }

    /// Sends `call` and decodes the JSON answer.
    pub(crate) async fn send_json<T: DeserializeOwned>(
        &self,
        call: &Call,
    ) -> Result<(T, Reply), ApiError> {
        let reply = self.send(call).await?;
        let value = reply.json(call.operation)?;
        Ok((value, reply))
    }

    async fn attempt(
        &self,
        call: &Call,
        url: &Url,
        request_id: &str,
        retry_token: Option<&str>,
    ) -> Result<Reply, ApiError> {
        let headers = self.headers(call, url, request_id, retry_token).await?;
        self.inner.attempts.fetch_add(1, Ordering::Relaxed);
        let mut request = self
            .inner
            .http
            .request(call.method.clone(), url.clone())
            .headers(headers);
        if let Some(body) = &call.body {
            request = request.body(body.clone());
        }
        let answered = self.inner.answered.load(Ordering::Relaxed);
        let transport = |e: &reqwest::Error| {
            let unreachable = e.is_connect() && !answered;
            let mut message = error_chain(e);
            if unreachable {
                message.push_str(
                    " (nothing at this endpoint has answered yet, so canopy does not wait \
                     retrying)",
                );
            }
            ApiError::Transport {
                operation: call.operation,
                endpoint: format!("{} {}", call.method, url),
                message,
                timed_out: e.is_timeout(),
                unreachable,
                attempts: 1,
            }
        };
        let response = request.send().await.map_err(|e| transport(&e))?;
        // An answer of any status: the endpoint exists, so later connection failures are
        // retried as the SDK retries them.
        self.inner.answered.store(true, Ordering::Relaxed);
        let status = response.status();
        let headers = response.headers().clone();
        // A connection dropped mid-body is as unknown an outcome as one dropped before it.
        let body = response.bytes().await.map_err(|e| transport(&e))?.to_vec();
        let request_id = headers
            .get("opc-request-id")
            .and_then(|v| v.to_str().ok())
            .unwrap_or(request_id)
            .to_string();
        if status.is_success() {
            return Ok(Reply {
                status: status.as_u16(),
                headers,
                body,
                request_id,
            });
        }
        let (code, message) = match serde_json::from_slice::<ErrorBody>(&body) {
            Ok(e) => (e.code, e.message),
            Err(_) => (
                status
                    .canonical_reason()
                    .unwrap_or("Error")
                    .replace(' ', ""),
                String::from_utf8_lossy(&body).trim().to_string(),
            ),
        };
        let retry_after = headers
            .get("retry-after")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| parse_retry_after(v, SystemTime::now()));
        Err(ApiError::Service(Box::new(ServiceError {
            operation: call.operation,
            status: status.as_u16(),
            code,
            message,
            request_id: Some(request_id),
            attempts: 1,
            retry_after,
            after_lost_answer: false,
        })))
    }

    async fn headers(
        &self,
        call: &Call,
        url: &Url,
        request_id: &str,
        retry_token: Option<&str>,
    ) -> Result<HeaderMap, ApiError> {
        let bad = |what: &str| ApiError::Sign {
            operation: call.operation,
            message: format!("{what} is not a valid header value"),
        };
        let mut h = HeaderMap::new();
        h.insert(reqwest::header::USER_AGENT, self.inner.user_agent.clone());
        h.insert(
            HeaderName::from_static("opc-client-info"),
            HeaderValue::from_static(concat!("canopy/", env!("CARGO_PKG_VERSION"))),
        );
        h.insert(
            reqwest::header::ACCEPT,
            HeaderValue::from_static("application/json"),
        );
        h.insert(
            reqwest::header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        );
        h.insert(
            HeaderName::from_static("opc-request-id"),
            HeaderValue::from_str(request_id).map_err(|_| bad("opc-request-id"))?,
        );
        if self.inner.options.retry.enabled() {
            h.insert(
                HeaderName::from_static("opc-client-retries"),
                HeaderValue::from_static("true"),
            );
        }
        if let Some(token) = retry_token {
            h.insert(
                HeaderName::from_static("opc-retry-token"),
                HeaderValue::from_str(token).map_err(|_| bad("opc-retry-token"))?,
            );
        }
        if let Some(etag) = &call.if_match {
            h.insert(
                reqwest::header::IF_MATCH,
                HeaderValue::from_str(etag).map_err(|_| bad("the etag"))?,
            );
        }
        // RSA signing is the costliest step of a request: it runs on the signing threads, so
        // a fan-out driven from one task (an export, the TUI's loads) signs on every core
        // instead of on the thread that polls it.
        let key = Arc::clone(&self.inner.signer);
        let (method, url, body) = (call.method.clone(), url.clone(), call.body.clone());
        let outcome = self
            .inner
            .signing
            .run(move || {
                key.sign_request(&method, &url, &mut h, body.as_deref().unwrap_or_default())
                    .map(|()| h)
            })
            .await
            .unwrap_or_else(|| Err("the signing thread stopped".to_string()));
        outcome.map_err(|message| ApiError::Sign {
            operation: call.operation,
            message,
        })
    }
}

/// reqwest's top-level message is often just "error sending request"; the cause says why.
fn error_chain(e: &reqwest::Error) -> String {
    let mut text = e.to_string();
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        text.push_str(": ");
        text.push_str(&s.to_string());
        source = s.source();
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn single_endpoint_gets_both_prefixes_once() {
        for base in [
            "http://127.0.0.1:8080",
            "http://127.0.0.1:8080/",
            "http://127.0.0.1:8080/20160918",
        ] {
            let e = Endpoints::single(base);
            assert_eq!(e.identity, "http://127.0.0.1:8080/20160918");
            assert_eq!(e.organizations, "http://127.0.0.1:8080/20230401");
        }
    }
}
