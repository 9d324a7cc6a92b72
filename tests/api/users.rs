//! Users: CRUD, state, capabilities, console password, API keys, auth tokens.

use canopy::api::{ListFilter, UserQuery};
use canopy::model::{CreateUserDetails, UpdateUserCapabilitiesDetails, UpdateUserDetails};
use rsa::pkcs8::{EncodePublicKey, LineEnding};

use crate::support::{demo, start};

#[tokio::test]
async fn user_life_cycle_and_credentials() {
    let env = start(demo()).await;
    let c = env.client();
    let t = env.tenancy();
    let created = c
        .create_user(&CreateUserDetails {
            compartment_id: t.to_string(),
            name: "api.test@example.com".into(),
            description: "made by tests/api".into(),
            email: Some("api.test@example.com".into()),
            freeform_tags: None,
            defined_tags: None,
        })
        .await
        .unwrap();
    let id = created.value.id.clone();
    let got = c.get_user(&id).await.unwrap();
    assert_eq!(got.value.email.as_deref(), Some("api.test@example.com"));

    let listed = c
        .list_users(
            t,
            &UserQuery {
                filter: ListFilter {
                    name: Some("api.test@example.com".into()),
                    ..ListFilter::default()
                },
                ..UserQuery::default()
            },
        )
        .all()
        .await
        .unwrap();
    assert_eq!(listed.len(), 1);

    let updated = c
        .update_user(
            &id,
            &UpdateUserDetails {
                description: Some("changed".into()),
                ..UpdateUserDetails::default()
            },
            got.etag.as_deref(),
        )
        .await
        .unwrap();
    assert_eq!(updated.value.description, "changed");

    let blocked = c.update_user_state(&id, true, None).await.unwrap();
    assert!(blocked.value.is_blocked());
    let unblocked = c.update_user_state(&id, false, None).await.unwrap();
    assert!(!unblocked.value.is_blocked());

    let caps = c
        .update_user_capabilities(
            &id,
            &UpdateUserCapabilitiesDetails {
                can_use_db_credentials: Some(false),
                ..UpdateUserCapabilitiesDetails::default()
            },
            None,
        )
        .await
        .unwrap();
    let caps = caps.value.capabilities.unwrap();
    assert!(!caps.can_use_db_credentials);
    assert!(caps.can_use_api_keys);

    let password = c.create_or_reset_ui_password(&id).await.unwrap();
    assert!(
        password
            .value
            .password
            .is_some_and(|p| !p.expose().is_empty())
    );

    let key = canopy::emulator::generate_key().unwrap();
    let pem = rsa::RsaPublicKey::from(&key)
        .to_public_key_pem(LineEnding::LF)
        .unwrap();
    let uploaded = c.upload_api_key(&id, &pem).await.unwrap();
    let fingerprint = uploaded.value.fingerprint.clone();
    assert_eq!(
        fingerprint,
        canopy::auth::signature::fingerprint(&rsa::RsaPublicKey::from(&key))
    );
    let keys = c.list_api_keys(&id).await.unwrap();
    assert_eq!(keys.len(), 1);
    c.delete_api_key(&id, &fingerprint, None).await.unwrap();
    assert!(c.list_api_keys(&id).await.unwrap().is_empty());

    let token = c.create_auth_token(&id, "ci").await.unwrap();
    assert_eq!(token.value.token.expose().len(), 20);
    let tokens = c.list_auth_tokens(&id).await.unwrap();
    assert_eq!(
        tokens,
        vec![token.value.summary],
        "listed without the secret"
    );

    c.delete_user(&id, None).await.unwrap();
    let after = c.get_user(&id).await;
    assert!(
        after.as_ref().map_or_else(
            |e| e.status() == Some(404),
            |u| u.value.lifecycle_state == canopy::model::LifecycleState::Deleted
        ),
        "{after:?}"
    );
}
