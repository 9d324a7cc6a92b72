//! Each injected fault kind, set at runtime through the fault handle, and determinism.

use std::time::{Duration, Instant};

use canopy::emulator::FaultSpec;
use reqwest::Method;
use serde_json::json;

use super::seed::TENANCY;
use super::support::{Tamper, emulator};

#[tokio::test]
async fn throttling_and_server_errors() {
    let (emu, c) = emulator().await;
    emu.faults.set("429=1,retry-after=3".parse().unwrap());
    let r = c.get("/20160918/regions").await;
    assert_eq!((r.status, r.code()), (429, "TooManyRequests"));
    assert_eq!(r.header("retry-after"), Some("3"));
    assert!(r.header("opc-request-id").is_some());
    emu.faults.set("500=1".parse().unwrap());
    assert_eq!(c.get("/20160918/regions").await.status, 500);
    emu.faults.set("503=1".parse().unwrap());
    assert_eq!(c.get("/20160918/regions").await.status, 503);
    emu.faults.clear();
    assert_eq!(c.get("/20160918/regions").await.status, 200);
}

#[tokio::test]
async fn dropped_connections_break_the_response() {
    let (emu, c) = emulator().await;
    emu.faults.set("drop=1".parse().unwrap());
    let r = c
        .try_call(
            Method::GET,
            &format!("/20160918/users?compartmentId={TENANCY}"),
            None,
            &[],
            Tamper::None,
        )
        .await;
    assert!(r.is_err(), "the response was cut off: {r:?}");
    emu.faults.clear();
    assert_eq!(c.get("/20160918/regions").await.status, 200);
}

#[tokio::test]
async fn a_dropped_create_retried_with_its_token_happens_once() {
    let (emu, c) = emulator().await;
    emu.faults.drop_next_posts(1);
    let body = json!({"compartmentId": TENANCY, "name": "exactly-once", "description": "d",
                      "statements": ["Allow group Administrators to read users in tenancy"]});
    let token = [("opc-retry-token", "exactlyoncetoken00000000000000")];
    let lost = c
        .try_call(
            Method::POST,
            "/20160918/policies",
            Some(&body),
            &token,
            Tamper::None,
        )
        .await;
    assert!(lost.is_err(), "the client never saw the reply");
    let count = || {
        emu.store.with(|s| {
            s.policies
                .iter()
                .filter(|p| p.name == "exactly-once")
                .count()
        })
    };
    assert_eq!(count(), 1, "the server acted before the drop");
    let retried = c.post("/20160918/policies", &body, &token).await;
    assert_eq!(retried.status, 200);
    assert_eq!(count(), 1, "the retry replayed the first reply");
    let stored = emu.store.with(|s| {
        s.policies
            .iter()
            .find(|p| p.name == "exactly-once")
            .map(|p| p.id.clone())
    });
    assert_eq!(retried.body["id"].as_str(), stored.as_deref());
}

#[tokio::test]
async fn the_same_seed_gives_the_same_faults() {
    let (emu, c) = emulator().await;
    let spec: FaultSpec = "500=0.3,503=0.2,seed=9".parse().unwrap();
    let mut runs = Vec::new();
    for _ in 0..2 {
        emu.faults.set(spec.clone());
        let mut statuses = Vec::new();
        for _ in 0..20 {
            statuses.push(c.get("/20160918/regions").await.status);
        }
        runs.push(statuses);
    }
    assert_eq!(runs[0], runs[1]);
    assert!(runs[0].contains(&200) && runs[0].iter().any(|s| *s >= 500));
}

#[tokio::test]
async fn latency_is_added_to_every_request() {
    let (emu, c) = emulator().await;
    emu.faults.set_latency(Duration::from_millis(120));
    let started = Instant::now();
    assert_eq!(c.get("/20160918/regions").await.status, 200);
    // A lower bound only: the injected sleep is guaranteed, the rest is not.
    assert!(started.elapsed() >= Duration::from_millis(120));
}
