//! The retry loop and paging against a scripted local HTTP server: which answers are retried,
//! that one call keeps its retry token and request id, and that POSTs without a token are not
//! repeated. (The full operation set is tested against the emulator in `tests/api.rs`.)

use std::collections::VecDeque;
use std::sync::{Arc, Mutex};

use axum::Router;
use axum::body::Body;
use axum::extract::State;
use axum::http::{HeaderMap, Request, Response, StatusCode};
use reqwest::Method;

use super::client::Call;
use super::*;

/// Adds a fixed `authorization` header; the scripted server does not verify it.
struct FakeSigner;

impl SignRequest for FakeSigner {
    fn sign_request(
        &self,
        _method: &Method,
        _url: &url::Url,
        headers: &mut reqwest::header::HeaderMap,
        _body: &[u8],
    ) -> Result<(), String> {
        headers.insert(
            "authorization",
            "Signature fake".parse().map_err(|_| "bad")?,
        );
        Ok(())
    }
}

/// Status, extra headers, body.
type Answer = (u16, Vec<(&'static str, String)>, String);
type Script = Arc<Mutex<(VecDeque<Answer>, Vec<Seen>)>>;

#[derive(Debug, Clone)]
struct Seen {
    method: String,
    uri: String,
    headers: HeaderMap,
}

async fn scripted(State(script): State<Script>, req: Request<Body>) -> Response<Body> {
    let mut s = script.lock().unwrap();
    s.1.push(Seen {
        method: req.method().to_string(),
        uri: req.uri().to_string(),
        headers: req.headers().clone(),
    });
    let (status, headers, body) = s.0.pop_front().unwrap_or((
        500,
        vec![],
        r#"{"code":"ScriptEnded","message":"no more"}"#.into(),
    ));
    let mut resp = Response::builder().status(StatusCode::from_u16(status).unwrap());
    for (k, v) in headers {
        resp = resp.header(k, v);
    }
    resp.header("content-type", "application/json")
        .body(Body::from(body))
        .unwrap()
}

async fn server(answers: Vec<Answer>) -> (Client, Script) {
    let script: Script = Arc::new(Mutex::new((answers.into(), Vec::new())));
    let app = Router::new().fallback(scripted).with_state(script.clone());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    let options = ClientOptions {
        retry: RetryPolicy::fast(),
        ..ClientOptions::default()
    };
    let client = Client::new(
        Endpoints::single(&format!("http://{addr}")),
        Arc::new(FakeSigner),
        options,
    )
    .unwrap();
    (client, script)
}

fn err(status: u16, code: &str) -> Answer {
    (
        status,
        vec![],
        format!(r#"{{"code":"{code}","message":"scripted"}}"#),
    )
}

const GROUP: &str = r#"{"id":"ocid1.group.oc1..g","compartmentId":"ocid1.tenancy.oc1..t","name":"Ops","description":"d","timeCreated":"2024-01-01T00:00:00Z","lifecycleState":"ACTIVE"}"#;

fn ok(body: &str) -> Answer {
    (200, vec![("etag", "e1".into())], body.to_string())
}

fn group_details() -> crate::model::CreateGroupDetails {
    crate::model::CreateGroupDetails {
        compartment_id: "ocid1.tenancy.oc1..t".into(),
        name: "Ops".into(),
        description: "d".into(),
        freeform_tags: None,
        defined_tags: None,
    }
}

fn seen(script: &Script) -> Vec<Seen> {
    script.lock().unwrap().1.clone()
}

#[tokio::test]
async fn a_create_is_retried_with_one_token_and_request_id() {
    let (client, script) = server(vec![
        err(429, "TooManyRequests"),
        err(500, "InternalServerError"),
        err(409, "IncorrectState"),
        ok(GROUP),
    ])
    .await;
    let details = group_details();
    let group = client.create_group(&details).await.unwrap();
    assert_eq!(group.value.name, "Ops");
    assert_eq!(group.etag.as_deref(), Some("e1"));
    let seen = seen(&script);
    assert_eq!(seen.len(), 4);
    let header = |s: &Seen, h: &str| s.headers.get(h).unwrap().to_str().unwrap().to_string();
    let token = header(&seen[0], "opc-retry-token");
    let request_id = header(&seen[0], "opc-request-id");
    assert_eq!(token.len(), 30);
    assert_eq!(request_id.len(), 32);
    assert!(
        request_id
            .chars()
            .all(|c| c.is_ascii_hexdigit() && !c.is_ascii_lowercase())
    );
    for s in &seen {
        assert_eq!(header(s, "opc-retry-token"), token);
        assert_eq!(header(s, "opc-request-id"), request_id);
        assert_eq!(header(s, "opc-client-retries"), "true");
        assert_eq!(header(s, "accept"), "application/json");
        assert!(header(s, "user-agent").starts_with("canopy/"));
        assert!(header(s, "opc-client-info").starts_with("canopy/"));
    }
    assert_eq!(client.requests_sent(), 4);
    assert_eq!(client.congestion().throttled(), 1);
}

#[tokio::test]
async fn answers_the_sdk_does_not_retry_are_returned_at_once() {
    for (status, code) in [
        (400, "InvalidParameter"),
        (401, "NotAuthenticated"),
        (404, "NotAuthorizedOrNotFound"),
        (409, "Conflict"),
        (412, "NoEtagMatch"),
        (501, "MethodNotImplemented"),
    ] {
        let (client, script) = server(vec![err(status, code), ok(GROUP)]).await;
        let e = client.get_group("ocid1.group.oc1..g").await.unwrap_err();
        assert_eq!(e.status(), Some(status));
        assert_eq!(e.service().unwrap().code, code);
        assert_eq!(
            seen(&script).len(),
            1,
            "{status} {code} must not be retried"
        );
    }
}

#[tokio::test]
async fn a_post_without_a_retry_token_is_not_repeated_after_a_500() {
    let (client, script) = server(vec![err(500, "InternalServerError"), ok("{}")]).await;
    let e = client
        .recover_compartment("ocid1.compartment.oc1..c", None)
        .await
        .unwrap_err();
    assert_eq!(e.status(), Some(500));
    assert_eq!(seen(&script).len(), 1);
    assert!(seen(&script)[0].headers.get("opc-retry-token").is_none());
}

#[tokio::test]
async fn retries_stop_at_max_attempts() {
    let (client, script) = server(vec![err(503, "ServiceUnavailable"); 20]).await;
    let e = client.get_group("ocid1.group.oc1..g").await.unwrap_err();
    assert_eq!(seen(&script).len(), 10);
    assert_eq!(e.service().unwrap().attempts, 10);
    assert!(e.to_string().contains("after 10 attempts"), "{e}");
}

#[tokio::test]
async fn if_match_is_sent_verbatim_on_updates() {
    let (client, script) = server(vec![ok(GROUP)]).await;
    client
        .update_group(
            "ocid1.group.oc1..g",
            &crate::model::UpdateGroupDetails::default(),
            Some("\"abc\""),
        )
        .await
        .unwrap();
    let s = &seen(&script)[0];
    assert_eq!(s.method, "PUT");
    assert_eq!(s.headers.get("if-match").unwrap(), "\"abc\"");
}

#[tokio::test]
async fn pages_follow_opc_next_page_and_wrapped_lists_unwrap() {
    let (client, script) = server(vec![
        (
            200,
            vec![("opc-next-page", "P2".into())],
            format!("[{GROUP}]"),
        ),
        (200, vec![], format!("[{GROUP},{GROUP}]")),
    ])
    .await;
    let all = client
        .list_groups("ocid1.tenancy.oc1..t", &ListFilter::default())
        .limit(1)
        .all()
        .await
        .unwrap();
    assert_eq!(all.len(), 3);
    let uris: Vec<String> = seen(&script).into_iter().map(|s| s.uri).collect();
    assert_eq!(
        uris,
        [
            "/20160918/groups?compartmentId=ocid1.tenancy.oc1..t&limit=1",
            "/20160918/groups?compartmentId=ocid1.tenancy.oc1..t&limit=1&page=P2",
        ]
    );

    let (client, script) = server(vec![(200, vec![], r#"{"items":[]}"#.into())]).await;
    let call = Call::get("ListSenderInvitations", "/senderInvitations").organizations();
    let list: Vec<crate::model::SenderInvitation> =
        paging::Pager::new(&client, call, paging::ListShape::Items)
            .all()
            .await
            .unwrap();
    assert!(list.is_empty());
    assert_eq!(seen(&script)[0].uri, "/20230401/senderInvitations");
}

/// The signature covers the URL exactly as sent (encoded query included) and the body.
#[tokio::test]
async fn requests_carry_signatures_the_server_can_verify() {
    use crate::auth::signature::{body_sha256, parse_authorization, signing_string, verify};
    let key = rsa::RsaPrivateKey::new(&mut rand::thread_rng(), 2048).unwrap();
    let public = rsa::RsaPublicKey::from(&key);
    let (plain, script) = server(vec![ok("[]"), ok(GROUP)]).await;
    let client = Client::new(
        plain.endpoints().clone(),
        Arc::new(crate::auth::RequestSigner::new("t/u/f", key)),
        ClientOptions::default(),
    )
    .unwrap();
    let filter = ListFilter {
        name: Some("Ops Team/é".into()),
        ..ListFilter::default()
    };
    client
        .list_groups("ocid1.tenancy.oc1..t", &filter)
        .all()
        .await
        .unwrap();
    let details = group_details();
    client.create_group(&details).await.unwrap();
    let seen = seen(&script);
    assert_eq!(seen.len(), 2);
    for s in &seen {
        let auth = parse_authorization(s.headers["authorization"].to_str().unwrap()).unwrap();
        assert_eq!(auth.key_id, "t/u/f");
        let names: Vec<&str> = auth.headers.iter().map(String::as_str).collect();
        let text = signing_string(&names, &s.method, &s.uri, |h| {
            s.headers.get(h).and_then(|v| v.to_str().ok())
        })
        .unwrap();
        assert!(verify(&public, &text, &auth.signature), "{}", s.uri);
    }
    assert!(
        seen[0].uri.contains("name=Ops+Team%2F%C3%A9"),
        "{}",
        seen[0].uri
    );
    let post = &seen[1];
    assert_eq!(post.method, "POST");
    let body = serde_json::to_vec(&details).unwrap();
    assert_eq!(
        post.headers["x-content-sha256"],
        body_sha256(&body).as_str()
    );
    assert_eq!(
        post.headers["content-length"],
        body.len().to_string().as_str()
    );
}

#[tokio::test]
async fn a_fan_outs_calls_know_they_queue_behind_calls_made_on_their_own() {
    let (client, _) = server(vec![]).await;
    assert!(!super::fanout::in_fan_out());
    let inside = super::try_fan_out(&client, vec![1, 2, 3], |_| async {
        Ok::<bool, ()>(super::fanout::in_fan_out())
    })
    .await
    .unwrap();
    assert_eq!(inside, [true, true, true]);
    assert!(!super::fanout::in_fan_out());
}
