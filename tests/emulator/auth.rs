//! Signature verification: every way a request can fail to authenticate gives 401
//! `NotAuthenticated`, and every legitimate signer (API key, session token, Go order) passes.

use std::time::Duration;

use base64::Engine as _;
use reqwest::Method;
use rsa::RsaPublicKey;
use serde_json::json;

use super::seed::{ADMIN, TENANCY};
use super::support::{Tamper, emulator, key, other_key};

fn policy_body(name: &str) -> serde_json::Value {
    json!({"compartmentId": TENANCY, "name": name, "description": "test",
           "statements": ["Allow group Administrators to manage all-resources in tenancy"]})
}

#[tokio::test]
async fn every_broken_signature_is_401() {
    let (_emu, c) = emulator().await;
    let users = format!("/20160918/users?compartmentId={TENANCY}");
    let cases = [
        ("unsigned", Method::GET, Tamper::Unsigned),
        (
            "stale date",
            Method::GET,
            Tamper::Stale(Duration::from_secs(6 * 60)),
        ),
        ("tampered body", Method::POST, Tamper::Body),
        ("body headers unsigned", Method::POST, Tamper::FewHeaders),
        ("wrong length", Method::POST, Tamper::Length),
    ];
    for (what, method, tamper) in cases {
        let (path, body) = if method == Method::POST {
            ("/20160918/policies".to_string(), Some(policy_body(what)))
        } else {
            (users.clone(), None)
        };
        let r = c.try_call(method, &path, body.as_ref(), &[], tamper).await;
        let r = match r {
            Ok(r) => r,
            // A lying content-length may instead break the connection; that is a rejection too.
            Err(_) if tamper == Tamper::Length => continue,
            Err(e) => panic!("{what}: {e}"),
        };
        assert_eq!(
            (r.status, r.code()),
            (401, "NotAuthenticated"),
            "{what}: {:?}",
            r.body
        );
        assert!(r.header("opc-request-id").is_some());
    }
    let policies = c
        .get(&format!(
            "/20160918/policies?compartmentId={TENANCY}&name=tampered%20body"
        ))
        .await;
    assert_eq!(
        policies.body.as_array().unwrap().len(),
        0,
        "nothing was created"
    );
}

#[tokio::test]
async fn a_date_within_five_minutes_passes() {
    let (_emu, c) = emulator().await;
    let r = c
        .call(
            Method::GET,
            &format!("/20160918/tenancies/{TENANCY}"),
            None,
            &[],
            Tamper::Stale(Duration::from_secs(4 * 60)),
        )
        .await;
    assert_eq!(r.status, 200);
}

#[tokio::test]
async fn an_unregistered_key_or_wrong_key_id_is_401() {
    let (_emu, c) = emulator().await;
    let path = format!("/20160918/tenancies/{TENANCY}");
    // The right keyId but signed with another key.
    let wrong_key = c.as_key(c.key_id.clone(), other_key().clone());
    assert_eq!(wrong_key.get(&path).await.status, 401);
    // A keyId whose fingerprint was never uploaded.
    let fp = canopy::auth::signature::fingerprint(&RsaPublicKey::from(other_key()));
    let unknown = c.as_key(format!("{TENANCY}/{ADMIN}/{fp}"), other_key().clone());
    assert_eq!(unknown.get(&path).await.status, 401);
    // Another tenancy.
    let foreign = c.as_key(
        c.key_id.replace(TENANCY, "ocid1.tenancy.oc1..other"),
        key().clone(),
    );
    assert_eq!(foreign.get(&path).await.status, 401);
    assert_eq!(c.get(&path).await.status, 200);
}

#[tokio::test]
async fn parameters_are_parsed_in_any_order() {
    let (_emu, c) = emulator().await;
    let r = c
        .call(
            Method::GET,
            &format!("/20160918/tenancies/{TENANCY}"),
            None,
            &[],
            Tamper::GoOrder,
        )
        .await;
    assert_eq!(r.status, 200, "{:?}", r.body);
    assert_eq!(r.body["id"], TENANCY);
}

#[tokio::test]
async fn a_blocked_user_cannot_sign() {
    let (emu, c) = emulator().await;
    let user = "ocid1.user.oc1..aaaaaaaau0001";
    let key_id = emu
        .store
        .with(|s| s.register_api_key(user, &RsaPublicKey::from(other_key())))
        .unwrap()
        .key_id;
    let as_user = c.as_key(key_id, other_key().clone());
    let path = format!("/20160918/users/{user}");
    assert_eq!(as_user.get(&path).await.status, 200);
    let blocked = c
        .put(&format!("{path}/state"), &json!({"blocked": true}), None)
        .await;
    assert_eq!(blocked.body["lifecycleState"], "INACTIVE");
    assert_eq!(as_user.get(&path).await.status, 401);
}

#[tokio::test]
async fn issued_session_tokens_sign_and_others_do_not() {
    let (emu, c) = emulator().await;
    let public = RsaPublicKey::from(other_key());
    let token = emu.store.with(|s| s.issue_session(ADMIN, &public, 3600));
    let path = format!("/20160918/tenancies/{TENANCY}");
    let session = c.as_key(format!("ST${token}"), other_key().clone());
    assert_eq!(session.get(&path).await.status, 200);
    let forged = c.as_key("ST$eyJfake.token.sig".into(), other_key().clone());
    assert_eq!(forged.get(&path).await.status, 401);
    let expired = emu.store.with(|s| s.issue_session(ADMIN, &public, -1));
    let old = c.as_key(format!("ST${expired}"), other_key().clone());
    assert_eq!(old.get(&path).await.status, 401);
    // The token is a JWT the CLI can read `exp` from.
    let claims = token.split('.').nth(1).unwrap();
    let claims = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(claims)
        .unwrap();
    let claims: serde_json::Value = serde_json::from_slice(&claims).unwrap();
    assert!(claims["exp"].as_i64().unwrap() > 0);
}
