//! Test-only signing client and emulator start-up for the contract tests. It signs with our
//! `auth::signature` module exactly as the SDK does, and can break one thing at a time.

use std::sync::OnceLock;
use std::time::{Duration, SystemTime};

use canopy::auth::signature::{
    BODY_HEADERS, GENERIC_HEADERS, authorization_header, body_sha256, sign, signing_string,
};
use canopy::emulator::{EmulatorOptions, RunningEmulator, generate_key, start};
use reqwest::Method;
use rsa::{RsaPrivateKey, RsaPublicKey};
use serde_json::Value;

use super::seed::{self, ADMIN};

/// One key pair for the whole test binary: generating RSA keys is slow.
pub fn key() -> &'static RsaPrivateKey {
    static KEY: OnceLock<RsaPrivateKey> = OnceLock::new();
    KEY.get_or_init(|| generate_key().expect("key generation"))
}

/// A second key, never registered, for the wrong-key test.
pub fn other_key() -> &'static RsaPrivateKey {
    static KEY: OnceLock<RsaPrivateKey> = OnceLock::new();
    KEY.get_or_init(|| generate_key().expect("key generation"))
}

pub fn options() -> EmulatorOptions {
    EmulatorOptions {
        seed: seed::seed(),
        default_page_size: 25,
        max_page_size: 100,
        work_request_duration: Duration::from_millis(200),
        ..EmulatorOptions::default()
    }
}

/// Starts the emulator and registers the test key as the administrator's API key.
pub async fn emulator_with(opts: EmulatorOptions) -> (RunningEmulator, Client) {
    let emulator = start(opts).await.expect("emulator starts");
    let public = RsaPublicKey::from(key());
    let api_key = emulator
        .store
        .with(|s| s.register_api_key(ADMIN, &public))
        .expect("key registers");
    let client = Client::new(&emulator, api_key.key_id, key().clone());
    (emulator, client)
}

pub async fn emulator() -> (RunningEmulator, Client) {
    emulator_with(options()).await
}

/// What a call returned.
#[derive(Debug)]
pub struct Resp {
    pub status: u16,
    pub headers: reqwest::header::HeaderMap,
    pub body: Value,
}

impl Resp {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    pub fn code(&self) -> &str {
        self.body["code"].as_str().unwrap_or("")
    }
}

/// One deliberate defect in a request, for the 401 tests.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Tamper {
    #[default]
    None,
    Unsigned,
    /// Body changed after signing.
    Body,
    /// Dated this far in the past.
    Stale(Duration),
    /// POST signed with only the GET header set.
    FewHeaders,
    /// Parameters in Go's order instead of Python's.
    GoOrder,
    /// content-length signed as one more than the body.
    Length,
}

#[derive(Debug, Clone)]
pub struct Client {
    pub base: String,
    host: String,
    pub key_id: String,
    key: RsaPrivateKey,
    http: reqwest::Client,
}

impl Client {
    pub fn new(emulator: &RunningEmulator, key_id: String, key: RsaPrivateKey) -> Self {
        Self {
            base: emulator.endpoint.clone(),
            host: emulator.addr.to_string(),
            key_id,
            key,
            http: reqwest::Client::builder()
                .timeout(Duration::from_secs(20))
                .build()
                .expect("client"),
        }
    }

    /// The same client signing as someone else.
    pub fn as_key(&self, key_id: String, key: RsaPrivateKey) -> Self {
        Self {
            key_id,
            key,
            ..self.clone()
        }
    }

    pub async fn get(&self, path: &str) -> Resp {
        self.call(Method::GET, path, None, &[], Tamper::None).await
    }

    pub async fn post(&self, path: &str, body: &Value, headers: &[(&str, &str)]) -> Resp {
        self.call(Method::POST, path, Some(body), headers, Tamper::None)
            .await
    }

    pub async fn put(&self, path: &str, body: &Value, if_match: Option<&str>) -> Resp {
        let headers: Vec<(&str, &str)> = if_match.map(|e| ("if-match", e)).into_iter().collect();
        self.call(Method::PUT, path, Some(body), &headers, Tamper::None)
            .await
    }

    pub async fn patch(&self, path: &str, body: &Value, if_match: Option<&str>) -> Resp {
        let headers: Vec<(&str, &str)> = if_match.map(|e| ("if-match", e)).into_iter().collect();
        self.call(Method::PATCH, path, Some(body), &headers, Tamper::None)
            .await
    }

    pub async fn delete(&self, path: &str, if_match: Option<&str>) -> Resp {
        let headers: Vec<(&str, &str)> = if_match.map(|e| ("if-match", e)).into_iter().collect();
        self.call(Method::DELETE, path, None, &headers, Tamper::None)
            .await
    }

    /// Sends a request; `Err` when the connection broke before a whole response arrived.
    pub async fn try_call(
        &self,
        method: Method,
        path: &str,
        body: Option<&Value>,
        extra: &[(&str, &str)],
        tamper: Tamper,
    ) -> Result<Resp, reqwest::Error> {
        let url = format!("{}{path}", self.base);
        let target = path.to_string();
        let bytes = body.map(|b| b.to_string().into_bytes());
        let date_at = match tamper {
            Tamper::Stale(by) => SystemTime::now() - by,
            _ => SystemTime::now(),
        };
        let date = httpdate::fmt_http_date(date_at);
        let mut headers = vec![
            ("date".to_string(), date),
            ("host".to_string(), self.host.clone()),
            ("content-type".to_string(), "application/json".to_string()),
        ];
        let has_body = matches!(method, Method::POST | Method::PUT | Method::PATCH);
        let body_bytes = bytes.clone().unwrap_or_default();
        if has_body {
            let len = body_bytes.len() + usize::from(tamper == Tamper::Length);
            headers.push(("content-length".into(), len.to_string()));
            headers.push(("x-content-sha256".into(), body_sha256(&body_bytes)));
        }
        let names: &[&str] = if has_body && tamper != Tamper::FewHeaders {
            BODY_HEADERS
        } else {
            GENERIC_HEADERS
        };
        let text = signing_string(names, method.as_str(), &target, |name| {
            headers
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.as_str())
        })
        .expect("signing string");
        let signature = sign(&self.key, &text);
        let authorization = if tamper == Tamper::GoOrder {
            format!(
                "Signature version=\"1\",headers=\"{}\",keyId=\"{}\",algorithm=\"rsa-sha256\",signature=\"{signature}\"",
                names.join(" "),
                self.key_id
            )
        } else {
            authorization_header(&self.key_id, names, &signature)
        };
        let mut request = self.http.request(method, &url);
        for (k, v) in &headers {
            // reqwest sets host and content-length itself, to the same values.
            if k != "host" && !(k == "content-length" && tamper != Tamper::Length) {
                request = request.header(k.as_str(), v.as_str());
            }
        }
        if tamper != Tamper::Unsigned {
            request = request.header("authorization", authorization);
        }
        for (k, v) in extra {
            request = request.header(*k, *v);
        }
        let mut sent = body_bytes;
        if tamper == Tamper::Body {
            sent = String::from_utf8_lossy(&sent)
                .replace("test", "TEST")
                .into_bytes();
        }
        if has_body {
            request = request.body(sent);
        }
        let response = request.send().await?;
        let status = response.status().as_u16();
        let headers = response.headers().clone();
        let bytes = response.bytes().await?;
        let body = if bytes.is_empty() {
            Value::Null
        } else {
            serde_json::from_slice(&bytes)
                .unwrap_or(Value::String(String::from_utf8_lossy(&bytes).into()))
        };
        Ok(Resp {
            status,
            headers,
            body,
        })
    }

    pub async fn call(
        &self,
        method: Method,
        path: &str,
        body: Option<&Value>,
        extra: &[(&str, &str)],
        tamper: Tamper,
    ) -> Resp {
        self.try_call(method, path, body, extra, tamper)
            .await
            .expect("a complete response")
    }

    /// Follows `opc-next-page` to the end; returns every item and the number of pages.
    pub async fn list_all(&self, path: &str) -> (Vec<Value>, usize) {
        let mut items = Vec::new();
        let mut page: Option<String> = None;
        for pages in 1..=1000 {
            let url = match &page {
                Some(p) => format!("{path}&page={p}"),
                None => path.to_string(),
            };
            let r = self.get(&url).await;
            assert_eq!(r.status, 200, "listing {url}: {:?}", r.body);
            let batch = match &r.body {
                Value::Array(a) => a.clone(),
                other => other["items"].as_array().cloned().unwrap_or_default(),
            };
            items.extend(batch);
            match r.header("opc-next-page") {
                Some(next) => page = Some(next.to_string()),
                None => return (items, pages),
            }
        }
        panic!("more than 1000 pages listing {path}");
    }

    /// Polls a work request until it finishes (bounded); returns its final state.
    pub async fn wait_for_work(&self, path: &str) -> Value {
        for _ in 0..200 {
            let r = self.get(path).await;
            assert_eq!(r.status, 200, "{:?}", r.body);
            let status = r.body["status"].as_str().unwrap_or("").to_string();
            if matches!(status.as_str(), "SUCCEEDED" | "FAILED" | "CANCELED") {
                return r.body;
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        panic!("work request {path} never finished");
    }
}

pub fn ids(items: &[Value]) -> Vec<String> {
    items
        .iter()
        .map(|i| i["id"].as_str().unwrap_or("").to_string())
        .collect()
}
