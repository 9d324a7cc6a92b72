//! MFA TOTP devices (RFC 6238 codes, the seed shown only by create and generateSeed, one
//! device per user, activation turning the user's MFA on), console password information,
//! network sources (CIDRs checked, names unique) and the authentication policy.

use canopy::emulator::totp;
use serde_json::json;

use super::credentials::new_user;
use super::seed::{PROD, TENANCY};
use super::support::{Tamper, emulator};

fn now() -> i64 {
    time::OffsetDateTime::now_utc().unix_timestamp()
}

#[tokio::test]
async fn mfa_devices_enrol_with_a_right_code_only() {
    let (emu, c) = emulator().await;
    let user = new_user(&c, "mfa").await;
    let base = format!("/20160918/users/{user}/mfaTotpDevices");
    let made = c.post(&base, &json!(null), &[]).await;
    assert_eq!(made.status, 200, "{:?}", made.body);
    assert_eq!(made.body["isActivated"], false);
    let first_seed = made.body["seed"].as_str().unwrap().to_string();
    let id = made.body["id"].as_str().unwrap().to_string();
    let one = format!("{base}/{id}");
    let got = c.get(&one).await;
    assert!(got.body.get("seed").is_none(), "a get never shows the seed");
    assert!(c.get(&base).await.body[0].get("seed").is_none());
    let second = c.post(&base, &json!(null), &[]).await;
    assert_eq!((second.status, second.code()), (400, "LimitExceeded"));

    // A new seed replaces the first: the first seed's codes stop working.
    let regenerated = c
        .post(&format!("{one}/actions/generateSeed"), &json!(null), &[])
        .await;
    assert_eq!(regenerated.status, 200, "{:?}", regenerated.body);
    let seed = regenerated.body["seed"].as_str().unwrap().to_string();
    assert_ne!(seed, first_seed);
    let activate = format!("{one}/actions/activate");
    let old_code = totp::code_at(&first_seed, now()).unwrap();
    let right_code = totp::code_at(&seed, now()).unwrap();
    if old_code != right_code {
        let old = c
            .post(&activate, &json!({"totpToken": old_code}), &[])
            .await;
        assert_eq!(
            (old.status, old.code()),
            (400, "InvalidParameter"),
            "{:?}",
            old.body
        );
    }
    let garbled = c
        .post(&activate, &json!({"totpToken": "12ab56"}), &[])
        .await;
    assert_eq!((garbled.status, garbled.code()), (400, "InvalidParameter"));
    let stale = c
        .call(
            reqwest::Method::POST,
            &activate,
            Some(&json!({"totpToken": right_code})),
            &[("if-match", "\"nope\"")],
            Tamper::None,
        )
        .await;
    assert_eq!(stale.status, 412);
    // A code from a minute ago is still inside OCI's 90-second window.
    let recent = totp::code_at(&seed, now() - 60).unwrap();
    let on = c.post(&activate, &json!({"totpToken": recent}), &[]).await;
    assert_eq!(on.status, 200, "{:?}", on.body);
    assert_eq!(on.body["isActivated"], true);
    assert!(on.body.get("seed").is_none());
    let user_now = c.get(&format!("/20160918/users/{user}")).await;
    assert_eq!(user_now.body["isMfaActivated"], true);
    let again = c
        .post(&format!("{one}/actions/generateSeed"), &json!(null), &[])
        .await;
    assert_eq!((again.status, again.code()), (409, "Conflict"));
    let snapshot = serde_json::to_string(&emu.store.snapshot()).unwrap();
    assert!(!snapshot.contains(&seed) && !snapshot.contains(&first_seed));

    assert_eq!(c.delete(&one, None).await.status, 204);
    let user_after = c.get(&format!("/20160918/users/{user}")).await;
    assert_eq!(user_after.body["isMfaActivated"], false);
}

#[tokio::test]
async fn console_password_information_records_when_it_was_set() {
    let (_emu, c) = emulator().await;
    let user = new_user(&c, "console").await;
    let path = format!("/20160918/users/{user}/uiPassword");
    let never = c.get(&path).await;
    assert_eq!(
        (never.status, never.code()),
        (404, "NotAuthorizedOrNotFound")
    );
    let set = c.post(&path, &json!(null), &[]).await;
    assert_eq!(set.status, 200);
    let info = c.get(&path).await;
    assert_eq!(info.status, 200, "{:?}", info.body);
    assert_eq!(info.body["timeCreated"], set.body["timeCreated"]);
    assert_eq!(info.body["userId"], user.as_str());
    assert!(info.body.get("password").is_none());
}

#[tokio::test]
async fn network_sources_check_their_cidrs() {
    let (_emu, c) = emulator().await;
    let create = |name: &str, public: serde_json::Value, vcns: serde_json::Value| {
        json!({"compartmentId": TENANCY, "name": name, "description": "d",
               "publicSourceList": public, "virtualSourceList": vcns})
    };
    let bad = c
        .post(
            "/20160918/networkSources",
            &create("bad", json!(["203.0.113.0/24", "10.0.0.0/33"]), json!([])),
            &[],
        )
        .await;
    assert_eq!((bad.status, bad.code()), (400, "InvalidParameter"));
    assert!(
        bad.body["message"]
            .as_str()
            .unwrap()
            .contains("10.0.0.0/33"),
        "{:?}",
        bad.body
    );
    let vcn = c
        .post(
            "/20160918/networkSources",
            &create(
                "bad",
                json!([]),
                json!([{"vcnId": "ocid1.subnet.oc1..x", "ipRanges": []}]),
            ),
            &[],
        )
        .await;
    assert!(
        vcn.body["message"]
            .as_str()
            .unwrap()
            .contains("ocid1.subnet.oc1..x")
    );
    let elsewhere = c
        .post(
            "/20160918/networkSources",
            &json!({"compartmentId": PROD, "name": "x", "description": "d"}),
            &[],
        )
        .await;
    assert_eq!(elsewhere.status, 400, "network sources live in the tenancy");
    let vcns = json!([{"vcnId": "ocid1.vcn.oc1.iad.aaaaaaaaexample", "ipRanges": ["10.0.0.0/16", "10.1.0.4"]}]);
    let made = c
        .post(
            "/20160918/networkSources",
            &create("office", json!(["198.51.100.0/24"]), vcns),
            &[],
        )
        .await;
    assert_eq!(made.status, 200, "{:?}", made.body);
    let dup = c
        .post(
            "/20160918/networkSources",
            &create("OFFICE", json!([]), json!([])),
            &[],
        )
        .await;
    assert_eq!(dup.status, 409, "names are unique, ignoring case");
    for i in 0..3 {
        let more = c
            .post(
                "/20160918/networkSources",
                &create(&format!("site-{i}"), json!([]), json!([])),
                &[],
            )
            .await;
        assert_eq!(more.status, 200);
    }
    let (all, pages) = c
        .list_all(&format!(
            "/20160918/networkSources?compartmentId={TENANCY}&limit=2"
        ))
        .await;
    assert_eq!((all.len(), pages), (4, 2));
    assert!(all.iter().all(|s| s.get("inactiveStatus").is_none()));
    let id = made.body["id"].as_str().unwrap();
    let one = format!("/20160918/networkSources/{id}");
    let updated = c
        .put(
            &one,
            &json!({"publicSourceList": ["198.51.100.0/25"]}),
            made.header("etag"),
        )
        .await;
    assert_eq!(updated.body["publicSourceList"], json!(["198.51.100.0/25"]));
    assert_eq!(updated.body["name"], "office");
    let stale = c
        .put(&one, &json!({"description": "e"}), made.header("etag"))
        .await;
    assert_eq!(stale.status, 412);
    let bad_update = c
        .put(&one, &json!({"publicSourceList": ["nope"]}), None)
        .await;
    assert!(
        bad_update.body["message"]
            .as_str()
            .unwrap()
            .contains("'nope'")
    );
}

#[tokio::test]
async fn the_authentication_policy_names_live_network_sources() {
    let (_emu, c) = emulator().await;
    let path = format!("/20160918/authenticationPolicies/{TENANCY}");
    let policy = c.get(&path).await;
    assert_eq!(policy.status, 200, "{:?}", policy.body);
    assert_eq!(policy.body["compartmentId"], TENANCY);
    assert_eq!(
        policy.body["passwordPolicy"]["minimumPasswordLength"], 12,
        "OCI's default"
    );
    assert_eq!(policy.body["networkPolicy"]["networkSourceIds"], json!([]));
    let wrong = c
        .get(&format!("/20160918/authenticationPolicies/{PROD}"))
        .await;
    assert_eq!(wrong.status, 400, "only the tenancy has one");

    let source = c
        .post("/20160918/networkSources", &json!({"compartmentId": TENANCY, "name": "vpn", "description": "d", "publicSourceList": ["203.0.113.7"]}), &[])
        .await;
    let sid = source.body["id"].as_str().unwrap().to_string();
    let missing = c
        .put(
            &path,
            &json!({"networkPolicy": {"networkSourceIds": ["ocid1.networksource.oc1..nope"]}}),
            None,
        )
        .await;
    assert_eq!(
        (missing.status, missing.code()),
        (400, "RelatedResourceNotAuthorizedOrNotFound")
    );
    let short = c
        .put(
            &path,
            &json!({"passwordPolicy": {"minimumPasswordLength": 0}}),
            None,
        )
        .await;
    assert_eq!(short.status, 400);
    let updated = c
        .put(
            &path,
            &json!({"passwordPolicy": {"minimumPasswordLength": 16}, "networkPolicy": {"networkSourceIds": [sid]}}),
            policy.header("etag"),
        )
        .await;
    assert_eq!(updated.status, 200, "{:?}", updated.body);
    assert_eq!(updated.body["passwordPolicy"]["minimumPasswordLength"], 16);
    assert_eq!(
        updated.body["passwordPolicy"]["isSpecialCharactersRequired"], true,
        "rules not named keep their values"
    );
    let stale = c
        .put(&path, &json!({"passwordPolicy": {}}), policy.header("etag"))
        .await;
    assert_eq!(stale.status, 412);

    let in_use = c
        .delete(&format!("/20160918/networkSources/{sid}"), None)
        .await;
    assert_eq!((in_use.status, in_use.code()), (409, "Conflict"));
    let cleared = c
        .put(
            &path,
            &json!({"networkPolicy": {"networkSourceIds": []}}),
            None,
        )
        .await;
    assert_eq!(cleared.status, 200);
    assert_eq!(
        c.delete(&format!("/20160918/networkSources/{sid}"), None)
            .await
            .status,
        204
    );
    let gone = c
        .get(&format!(
            "/20160918/networkSources?compartmentId={TENANCY}&lifecycleState=DELETED"
        ))
        .await;
    assert_eq!(gone.body.as_array().unwrap().len(), 1);
}
