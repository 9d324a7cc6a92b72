//! Users' credentials over HTTP: secrets only in the create's answer, the create's etag good
//! for the next update, OCI's per-user limits (400 `LimitExceeded`), capabilities (409),
//! another user's credential is 404, stale `if-match` is 412, paging of DB and OAuth 2.0
//! credentials, and no secret ever reaching the store's snapshot.

use serde_json::{Value, json};

use super::seed::TENANCY;
use super::support::{Client, emulator};

/// A fresh user for one test.
pub async fn new_user(c: &Client, name: &str) -> String {
    let made = c
        .post(
            "/20160918/users",
            &json!({"compartmentId": TENANCY, "name": name, "description": "credential tests"}),
            &[],
        )
        .await;
    assert_eq!(made.status, 200, "{:?}", made.body);
    made.body["id"].as_str().unwrap().to_string()
}

fn id_of(v: &Value) -> String {
    v["id"].as_str().unwrap().to_string()
}

#[tokio::test]
async fn auth_tokens_and_swift_passwords_share_a_limit_and_show_the_secret_once() {
    let (emu, c) = emulator().await;
    let user = new_user(&c, "tokens").await;
    let other = new_user(&c, "tokens-other").await;
    let base = format!("/20160918/users/{user}/authTokens");
    let made = c.post(&base, &json!({"description": "ci"}), &[]).await;
    assert_eq!(made.status, 200, "{:?}", made.body);
    let secret = made.body["token"].as_str().unwrap().to_string();
    assert_eq!(secret.len(), 20);
    let id = id_of(&made.body);
    let listed = c.get(&base).await;
    assert_eq!(listed.body.as_array().unwrap().len(), 1);
    assert!(
        listed.body[0].get("token").is_none(),
        "listed without the secret"
    );

    // The create's etag is the credential's: it works as if-match right away.
    let etag = made.header("etag").unwrap().to_string();
    let one = format!("{base}/{id}");
    let renamed = c
        .put(&one, &json!({"description": "ci (renamed)"}), Some(&etag))
        .await;
    assert_eq!(renamed.status, 200, "{:?}", renamed.body);
    assert_eq!(renamed.body["description"], "ci (renamed)");
    assert!(renamed.body.get("token").is_none());
    let stale = c.put(&one, &json!({"description": "x"}), Some(&etag)).await;
    assert_eq!((stale.status, stale.code()), (412, "NoEtagMatch"));

    // A Swift password is an auth token by its old name: it takes the second slot.
    let swift = c
        .post(
            &format!("/20160918/users/{user}/swiftPasswords"),
            &json!({"description": "rman"}),
            &[],
        )
        .await;
    assert_eq!(swift.status, 200, "{:?}", swift.body);
    assert!(swift.body["password"].is_string());
    let third = c.post(&base, &json!({"description": "third"}), &[]).await;
    assert_eq!((third.status, third.code()), (400, "LimitExceeded"));
    assert!(
        third.body["message"]
            .as_str()
            .unwrap()
            .contains("delete one first")
    );

    // Another user's path does not reach this token.
    let foreign = c
        .delete(&format!("/20160918/users/{other}/authTokens/{id}"), None)
        .await;
    assert_eq!(
        (foreign.status, foreign.code()),
        (404, "NotAuthorizedOrNotFound")
    );
    assert_eq!(c.delete(&one, None).await.status, 204);
    assert_eq!(c.delete(&one, None).await.status, 404);
    let swift_id = id_of(&swift.body);
    let swift_one = format!("/20160918/users/{user}/swiftPasswords/{swift_id}");
    let changed = c
        .put(&swift_one, &json!({"description": "rman 2"}), None)
        .await;
    assert_eq!(changed.body["description"], "rman 2");
    assert_eq!(c.delete(&swift_one, None).await.status, 204);

    let snapshot = serde_json::to_string(&emu.store.snapshot()).unwrap();
    assert!(!snapshot.contains(&secret), "no secret in a snapshot");
}

#[tokio::test]
async fn customer_secret_keys_and_smtp_credentials() {
    let (emu, c) = emulator().await;
    let user = new_user(&c, "keys").await;
    let keys = format!("/20160918/users/{user}/customerSecretKeys");
    let made = c.post(&keys, &json!({"displayName": "rclone"}), &[]).await;
    assert_eq!(made.status, 200, "{:?}", made.body);
    let access = id_of(&made.body);
    assert_eq!(access.len(), 40, "the access key is 40 hex digits");
    let secret = made.body["key"].as_str().unwrap().to_string();
    let listed = c.get(&keys).await;
    assert!(listed.body[0].get("key").is_none());
    let renamed = c
        .put(
            &format!("{keys}/{access}"),
            &json!({"displayName": "rclone 2"}),
            made.header("etag"),
        )
        .await;
    assert_eq!(renamed.body["displayName"], "rclone 2");
    assert_eq!(
        c.post(&keys, &json!({"displayName": "b"}), &[])
            .await
            .status,
        200
    );
    let over = c.post(&keys, &json!({"displayName": "c"}), &[]).await;
    assert_eq!((over.status, over.code()), (400, "LimitExceeded"));

    let smtp = format!("/20160918/users/{user}/smtpCredentials");
    let made = c.post(&smtp, &json!({"description": "relay"}), &[]).await;
    assert_eq!(made.status, 200, "{:?}", made.body);
    let username = made.body["username"].as_str().unwrap().to_string();
    assert!(
        username.starts_with(&format!("{user}@{TENANCY}.")),
        "{username}"
    );
    let password = made.body["password"].as_str().unwrap().to_string();
    let listed = c.get(&smtp).await;
    assert_eq!(
        listed.body[0]["username"],
        username.as_str(),
        "the user name is not secret"
    );
    assert!(listed.body[0].get("password").is_none());
    let smtp_id = id_of(&made.body);
    assert_eq!(
        c.delete(&format!("{smtp}/{smtp_id}"), None).await.status,
        204
    );

    // A capability turned off refuses new credentials of the kind.
    let off = c
        .put(
            &format!("/20160918/users/{user}/capabilities"),
            &json!({"canUseSmtpCredentials": false}),
            None,
        )
        .await;
    assert_eq!(off.status, 200);
    let refused = c.post(&smtp, &json!({"description": "again"}), &[]).await;
    assert_eq!((refused.status, refused.code()), (409, "Conflict"));
    assert!(
        refused.body["message"]
            .as_str()
            .unwrap()
            .contains("capability")
    );

    let snapshot = serde_json::to_string(&emu.store.snapshot()).unwrap();
    assert!(!snapshot.contains(&secret) && !snapshot.contains(&password));
}

#[tokio::test]
async fn db_credentials_page_and_filter() {
    let (emu, c) = emulator().await;
    let user = new_user(&c, "db").await;
    let base = format!("/20160918/users/{user}/dbCredentials");
    let empty = c
        .post(&base, &json!({"password": "", "description": "x"}), &[])
        .await;
    assert_eq!((empty.status, empty.code()), (400, "InvalidParameter"));
    let missing = c.post(&base, &json!({"description": "x"}), &[]).await;
    assert_eq!((missing.status, missing.code()), (400, "MissingParameter"));
    for name in ["adw", "atp", "exa"] {
        let made = c
            .post(
                &base,
                &json!({"password": "Correct-Horse-9-Battery", "description": name}),
                &[],
            )
            .await;
        assert_eq!(made.status, 200, "{:?}", made.body);
        assert!(
            made.body.get("password").is_none(),
            "the caller's password is not echoed"
        );
        assert!(
            made.body.get("description").is_none(),
            "DbCredential has no description"
        );
    }
    let (all, pages) = c.list_all(&format!("{base}?limit=1")).await;
    assert_eq!((all.len(), pages), (3, 3));
    let named = c.get(&format!("{base}?name=atp")).await;
    assert_eq!(named.body.as_array().unwrap().len(), 1);
    let sorted = c.get(&format!("{base}?sortBy=NAME&sortOrder=DESC")).await;
    assert_eq!(sorted.body[0]["description"], "exa");
    let id = id_of(&named.body[0]);
    assert_eq!(c.delete(&format!("{base}/{id}"), None).await.status, 204);
    let snapshot = serde_json::to_string(&emu.store.snapshot()).unwrap();
    assert!(
        !snapshot.contains("Correct-Horse"),
        "the password is kept nowhere"
    );
}

#[tokio::test]
async fn oauth2_client_credentials_scopes_and_reset() {
    let (_emu, c) = emulator().await;
    let user = new_user(&c, "oauth").await;
    let base = format!("/20160918/users/{user}/oauth2ClientCredentials");
    let scope = json!({"audience": "https://integration.example.com", "scope": "urn:opc:resource:consumer::all"});
    let none = c
        .post(
            &base,
            &json!({"name": "a", "description": "d", "scopes": []}),
            &[],
        )
        .await;
    assert_eq!((none.status, none.code()), (400, "InvalidParameter"));
    let eleven: Vec<Value> = std::iter::repeat_n(scope.clone(), 11).collect();
    let many = c
        .post(
            &base,
            &json!({"name": "a", "description": "d", "scopes": eleven}),
            &[],
        )
        .await;
    assert_eq!((many.status, many.code()), (400, "LimitExceeded"));
    let made = c
        .post(
            &base,
            &json!({"name": "oic", "description": "deploys", "scopes": [scope]}),
            &[],
        )
        .await;
    assert_eq!(made.status, 200, "{:?}", made.body);
    assert!(made.body["password"].is_string());
    assert_eq!(made.body["compartmentId"], TENANCY);
    let dup = c
        .post(
            &base,
            &json!({"name": "oic", "description": "again", "scopes": [scope]}),
            &[],
        )
        .await;
    assert_eq!(dup.status, 409);
    let listed = c.get(&format!("{base}?lifecycleState=ACTIVE")).await;
    assert_eq!(listed.body.as_array().unwrap().len(), 1);
    assert!(listed.body[0].get("password").is_none());
    let id = id_of(&made.body);
    let one = format!("{base}/{id}");
    let plain = c
        .put(
            &one,
            &json!({"description": "v2", "scopes": [scope]}),
            made.header("etag"),
        )
        .await;
    assert_eq!(plain.status, 200, "{:?}", plain.body);
    assert!(plain.body.get("password").is_none(), "no reset, no secret");
    let reset = c
        .put(
            &one,
            &json!({"description": "v3", "scopes": [scope], "isResetPassword": true}),
            None,
        )
        .await;
    assert!(
        reset.body["password"].is_string(),
        "a reset shows the new secret once"
    );
    assert_eq!(c.delete(&one, None).await.status, 204);
}

#[tokio::test]
async fn a_deleted_users_credentials_go_with_it() {
    let (emu, c) = emulator().await;
    let user = new_user(&c, "leaver").await;
    for (kind, body) in [
        ("authTokens", json!({"description": "t"})),
        ("customerSecretKeys", json!({"displayName": "k"})),
        ("mfaTotpDevices", json!(null)),
    ] {
        let made = c
            .post(&format!("/20160918/users/{user}/{kind}"), &body, &[])
            .await;
        assert_eq!(made.status, 200, "{kind}: {:?}", made.body);
    }
    assert_eq!(
        c.delete(&format!("/20160918/users/{user}"), None)
            .await
            .status,
        204
    );
    let snapshot = emu.store.snapshot();
    assert!(!snapshot.auth_tokens.iter().any(|t| t.user_id == user));
    assert!(
        !snapshot
            .customer_secret_keys
            .iter()
            .any(|k| k.user_id == user)
    );
    assert!(!snapshot.mfa_totp_devices.iter().any(|d| d.user_id == user));
}
