//! OCI error bodies and statuses, request ids, unknown paths, required filters, conflicts.

use reqwest::Method;
use serde_json::json;

use super::seed::TENANCY;
use super::support::{Tamper, emulator};

#[tokio::test]
async fn memberships_need_a_user_or_group_filter() {
    let (_emu, c) = emulator().await;
    let r = c
        .get(&format!(
            "/20160918/userGroupMemberships?compartmentId={TENANCY}"
        ))
        .await;
    assert_eq!((r.status, r.code()), (400, "MissingParameter"));
    assert!(r.body["message"].as_str().unwrap().contains("userId"));
    let ok = c
        .get(&format!("/20160918/userGroupMemberships?compartmentId={TENANCY}&userId=ocid1.user.oc1..aaaaaaaaadmin"))
        .await;
    assert_eq!(ok.body.as_array().unwrap().len(), 1);
    let no_compartment = c.get("/20160918/users").await;
    assert_eq!(
        (no_compartment.status, no_compartment.code()),
        (400, "MissingParameter")
    );
}

#[tokio::test]
async fn unknown_paths_are_404_with_an_oci_body() {
    let (_emu, c) = emulator().await;
    for path in ["/20160918/instances", "/nothing", "/20230401/links"] {
        let r = c.get(path).await;
        assert_eq!(r.status, 404, "{path}");
        assert_eq!(r.code(), "NotFound");
        assert!(r.body["message"].is_string());
        assert_eq!(r.header("content-type"), Some("application/json"));
    }
    let missing = c.get("/20160918/users/ocid1.user.oc1..nobody").await;
    assert_eq!(
        (missing.status, missing.code()),
        (404, "NotAuthorizedOrNotFound")
    );
    let wrong = c
        .call(Method::DELETE, "/20160918/regions", None, &[], Tamper::None)
        .await;
    assert_eq!((wrong.status, wrong.code()), (405, "MethodNotAllowed"));
}

#[tokio::test]
async fn every_response_carries_a_request_id_echoing_the_clients() {
    let (_emu, c) = emulator().await;
    let mine = c
        .call(
            Method::GET,
            "/20160918/regions",
            None,
            &[("opc-request-id", "MYREQUEST/1")],
            Tamper::None,
        )
        .await;
    assert_eq!(mine.header("opc-request-id"), Some("MYREQUEST/1"));
    let generated = c.get("/20160918/regions").await;
    let id = generated.header("opc-request-id").unwrap();
    assert_eq!(id.len(), 32);
    assert!(
        id.chars()
            .all(|ch| ch.is_ascii_hexdigit() && !ch.is_ascii_lowercase())
    );
    let unsigned = c
        .call(
            Method::GET,
            "/20160918/regions",
            None,
            &[],
            Tamper::Unsigned,
        )
        .await;
    assert!(unsigned.header("opc-request-id").is_some());
}

#[tokio::test]
async fn names_are_unique_and_bodies_are_validated() {
    let (_emu, c) = emulator().await;
    let dup = c
        .post(
            "/20160918/users",
            &json!({"compartmentId": TENANCY, "name": "USER-001", "description": "d"}),
            &[],
        )
        .await;
    assert_eq!((dup.status, dup.code()), (409, "Conflict"));
    let sibling = c
        .post(
            "/20160918/compartments",
            &json!({"compartmentId": TENANCY, "name": "prod", "description": "d"}),
            &[],
        )
        .await;
    assert_eq!(sibling.status, 409);
    let missing = c
        .post("/20160918/groups", &json!({"compartmentId": TENANCY}), &[])
        .await;
    assert_eq!((missing.status, missing.code()), (400, "MissingParameter"));
    let garbage = c
        .post("/20160918/groups", &json!(["not", "an", "object"]), &[])
        .await;
    assert_eq!((garbage.status, garbage.code()), (400, "InvalidParameter"));
    let outside = c
        .post("/20160918/groups", &json!({"compartmentId": "ocid1.compartment.oc1..aaaaaaaaprod", "name": "g", "description": "d"}), &[])
        .await;
    assert_eq!(outside.status, 400, "groups live in the tenancy");
}

#[tokio::test]
async fn only_loopback_addresses_are_served() {
    let mut opts = super::support::options();
    opts.listen = "0.0.0.0:0".parse().unwrap();
    let err = canopy::emulator::start(opts).await.expect_err("refused");
    assert!(matches!(
        err,
        canopy::emulator::EmulatorError::NotLoopback(_)
    ));
    assert!(err.to_string().contains("127.0.0.1"), "{err}");
}
