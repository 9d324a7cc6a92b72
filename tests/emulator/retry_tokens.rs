//! `opc-retry-token` idempotency: the same token and body give the same resource once; the
//! same token with a different body is a 409.

use serde_json::json;

use super::seed::TENANCY;
use super::support::emulator;

#[tokio::test]
async fn same_token_same_body_creates_once() {
    let (emu, c) = emulator().await;
    let body = json!({"compartmentId": TENANCY, "name": "retry-group", "description": "d"});
    let token = [("opc-retry-token", "abcdefghijklmnopqrstuvwxyz0123")];
    let first = c.post("/20160918/groups", &body, &token).await;
    assert_eq!(first.status, 200, "{:?}", first.body);
    let second = c.post("/20160918/groups", &body, &token).await;
    assert_eq!(second.status, 200);
    assert_eq!(first.body["id"], second.body["id"]);
    assert_eq!(first.header("etag"), second.header("etag"));
    let count = emu
        .store
        .with(|s| s.groups.iter().filter(|g| g.name == "retry-group").count());
    assert_eq!(count, 1);
    let other = json!({"compartmentId": TENANCY, "name": "retry-group-2", "description": "d"});
    let clash = c.post("/20160918/groups", &other, &token).await;
    assert_eq!(clash.status, 409);
    assert_eq!(clash.code(), "InvalidatedRetryToken");
    // Without a token the second create is a name conflict instead.
    let dup = c.post("/20160918/groups", &body, &[]).await;
    assert_eq!((dup.status, dup.code()), (409, "Conflict"));
}

#[tokio::test]
async fn failed_creates_are_not_remembered() {
    let (_emu, c) = emulator().await;
    let token = [("opc-retry-token", "tokenforafailedcreate000000000")];
    let bad = json!({"compartmentId": TENANCY, "name": "p", "description": "d", "statements": []});
    assert_eq!(c.post("/20160918/policies", &bad, &token).await.status, 400);
    let good = json!({"compartmentId": TENANCY, "name": "p", "description": "d",
                      "statements": ["Allow group Administrators to read users in tenancy"]});
    assert_eq!(
        c.post("/20160918/policies", &good, &token).await.status,
        200
    );
}

#[tokio::test]
async fn a_token_still_in_flight_is_a_transient_conflict() {
    let (emu, c) = emulator().await;
    let token = "inflighttoken00000000000000000";
    // As if a first request with this token were still being handled.
    assert!(emu.store.with(|s| s.claim_retry_token(token)));
    let body = json!({"compartmentId": TENANCY, "name": "in-flight", "description": "d"});
    let busy = c
        .post("/20160918/groups", &body, &[("opc-retry-token", token)])
        .await;
    assert_eq!(
        (busy.status, busy.code()),
        (409, "IncorrectState"),
        "the SDK retries this"
    );
    emu.store.with(|s| s.release_retry_token(token));
    let done = c
        .post("/20160918/groups", &body, &[("opc-retry-token", token)])
        .await;
    assert_eq!(done.status, 200);
}
