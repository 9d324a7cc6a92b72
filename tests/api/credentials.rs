//! The client's credential and sign-in functions against the emulator: each operation once,
//! secrets only in create answers (and never in a `Debug` print), etags round-tripping,
//! typed errors for limits and wrong codes.

use canopy::api::{ListFilter, MfaTotpDeviceQuery};
use canopy::model::{
    CreateDbCredentialDetails, CreateNetworkSourceDetails, CreateOAuth2ClientCredentialDetails,
    CreateUserDetails, FullyQualifiedScope, LifecycleState, NetworkPolicy, PasswordPolicy, Secret,
    UpdateAuthTokenDetails, UpdateAuthenticationPolicyDetails, UpdateCustomerSecretKeyDetails,
    UpdateNetworkSourceDetails, UpdateOAuth2ClientCredentialDetails, UpdateSmtpCredentialDetails,
    UpdateSwiftPasswordDetails, VirtualSource,
};

use crate::support::{Env, demo, start};

async fn new_user(env: &Env, name: &str) -> String {
    let details = CreateUserDetails {
        compartment_id: env.tenancy().to_string(),
        name: name.into(),
        description: "client credential tests".into(),
        email: None,
        freeform_tags: None,
        defined_tags: None,
    };
    env.client()
        .create_user(&details)
        .await
        .unwrap()
        .value
        .id
        .to_string()
}

#[tokio::test]
async fn tokens_keys_smtp_and_swift() {
    let env = start(demo()).await;
    let c = env.client();
    let user = new_user(&env, "client.tokens@example.com").await;

    let token = c.create_auth_token(&user, "ci").await.unwrap();
    let secret = token.value.token.expose().to_string();
    assert!(
        !format!("{token:?}").contains(&secret),
        "Debug never prints the secret"
    );
    let updated = c
        .update_auth_token(
            &user,
            &token.value.summary.id,
            &UpdateAuthTokenDetails {
                description: Some("ci 2".into()),
            },
            token.etag.as_deref(),
        )
        .await
        .unwrap();
    assert_eq!(updated.value.description, "ci 2");
    let swift = c.create_swift_password(&user, "rman").await.unwrap();
    let over = c.create_auth_token(&user, "third").await.unwrap_err();
    assert_eq!(
        (over.status(), over.service().map(|e| e.code.as_str())),
        (Some(400), Some("LimitExceeded"))
    );
    let swift_id = swift.value.summary.id.clone();
    let renamed = UpdateSwiftPasswordDetails {
        description: Some("rman 2".into()),
    };
    c.update_swift_password(&user, &swift_id, &renamed, None)
        .await
        .unwrap();
    assert_eq!(
        c.list_swift_passwords(&user).await.unwrap()[0].description,
        "rman 2"
    );
    c.delete_swift_password(&user, &swift_id, None)
        .await
        .unwrap();
    c.delete_auth_token(&user, &token.value.summary.id, None)
        .await
        .unwrap();
    assert!(c.list_auth_tokens(&user).await.unwrap().is_empty());

    let key = c.create_customer_secret_key(&user, "rclone").await.unwrap();
    assert_eq!(key.value.key.expose().len(), 44);
    let access = key.value.summary.id.clone();
    let name = UpdateCustomerSecretKeyDetails {
        display_name: Some("rclone 2".into()),
    };
    let renamed = c
        .update_customer_secret_key(&user, &access, &name, key.etag.as_deref())
        .await
        .unwrap();
    assert_eq!(renamed.value.display_name, "rclone 2");
    assert_eq!(
        c.list_customer_secret_keys(&user).await.unwrap(),
        vec![renamed.value]
    );
    c.delete_customer_secret_key(&user, &access, None)
        .await
        .unwrap();

    let smtp = c.create_smtp_credential(&user, "relay").await.unwrap();
    assert!(!smtp.value.password.expose().is_empty());
    let id = smtp.value.summary.id.clone();
    let d = UpdateSmtpCredentialDetails {
        description: Some("relay 2".into()),
    };
    c.update_smtp_credential(&user, &id, &d, smtp.etag.as_deref())
        .await
        .unwrap();
    let listed = c.list_smtp_credentials(&user).await.unwrap();
    assert_eq!(listed[0].username, smtp.value.summary.username);
    c.delete_smtp_credential(&user, &id, None).await.unwrap();
    assert!(c.list_smtp_credentials(&user).await.unwrap().is_empty());
}

#[tokio::test]
async fn db_and_oauth2_credentials() {
    let env = start(demo()).await;
    let c = env.client();
    let user = new_user(&env, "client.db@example.com").await;
    let details = CreateDbCredentialDetails {
        password: Secret::new("Correct-Horse-9-Battery"),
        description: "adw".into(),
    };
    assert!(!format!("{details:?}").contains("Correct-Horse"));
    let made = c.create_db_credential(&user, &details).await.unwrap();
    let listed = c
        .list_db_credentials(&user, &ListFilter::default())
        .all()
        .await
        .unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].description, "adw");
    c.delete_db_credential(&user, &made.value.id, None)
        .await
        .unwrap();

    // Only service-style users may; the new user has every capability.
    let scope = FullyQualifiedScope {
        audience: "https://integration.example.com".into(),
        scope: "urn:opc:resource:consumer::all".into(),
    };
    let create = CreateOAuth2ClientCredentialDetails {
        name: "oic".into(),
        description: "deploys".into(),
        scopes: vec![scope.clone()],
    };
    let made = c
        .create_o_auth_client_credential(&user, &create)
        .await
        .unwrap();
    assert!(made.value.password.is_some());
    let id = made.value.summary.id.clone();
    let reset = UpdateOAuth2ClientCredentialDetails {
        description: "deploys v2".into(),
        scopes: vec![scope],
        is_reset_password: Some(true),
    };
    let updated = c
        .update_o_auth_client_credential(&user, &id, &reset, made.etag.as_deref())
        .await
        .unwrap();
    assert!(updated.value.password.is_some());
    let listed = c
        .list_o_auth_client_credentials(&user, Some(&LifecycleState::Active))
        .all()
        .await
        .unwrap();
    assert_eq!(listed, vec![updated.value.summary]);
    c.delete_o_auth_client_credential(&user, &id, None)
        .await
        .unwrap();
}

#[tokio::test]
async fn mfa_enrolment_and_console_password_information() {
    let env = start(demo()).await;
    let c = env.client();
    let user = new_user(&env, "client.mfa@example.com").await;
    let none = c.get_user_ui_password_information(&user).await.unwrap_err();
    assert_eq!(none.status(), Some(404));
    let set = c.create_or_reset_ui_password(&user).await.unwrap();
    let info = c.get_user_ui_password_information(&user).await.unwrap();
    assert_eq!(info.value.time_created, set.value.time_created);

    let device = c.create_mfa_totp_device(&user).await.unwrap();
    let id = device.value.summary.id.clone();
    assert!(!format!("{device:?}").contains(device.value.seed.expose()));
    let fresh = c
        .generate_totp_seed(&user, &id, device.etag.as_deref())
        .await
        .unwrap();
    let now = time::OffsetDateTime::now_utc().unix_timestamp();
    let code = canopy::emulator::totp::code_at(fresh.value.seed.expose(), now).unwrap();
    let wrong = if code == "000000" { "111111" } else { "000000" };
    let refused = c
        .activate_mfa_totp_device(&user, &id, wrong, None)
        .await
        .unwrap_err();
    assert_eq!(refused.status(), Some(400));
    let on = c
        .activate_mfa_totp_device(&user, &id, &code, fresh.etag.as_deref())
        .await
        .unwrap();
    assert!(on.value.is_activated);
    assert!(c.get_user(&user).await.unwrap().value.is_mfa_activated);
    let got = c.get_mfa_totp_device(&user, &id).await.unwrap();
    assert_eq!(got.value, on.value);
    let listed = c
        .list_mfa_totp_devices(&user, &MfaTotpDeviceQuery::default())
        .all()
        .await
        .unwrap();
    assert_eq!(listed, vec![on.value]);
    c.delete_mfa_totp_device(&user, &id, got.etag.as_deref())
        .await
        .unwrap();
    assert!(!c.get_user(&user).await.unwrap().value.is_mfa_activated);
}

#[tokio::test]
async fn network_sources_and_the_authentication_policy() {
    let env = start(demo()).await;
    let c = env.client();
    let t = env.tenancy();
    let policy = c.get_authentication_policy(t).await.unwrap();
    let seeded = policy
        .value
        .network_policy
        .clone()
        .unwrap()
        .network_source_ids;
    assert_eq!(seeded.len(), 1, "the demo restricts sign-in to corp-egress");
    let sources = c
        .list_network_sources(t, &ListFilter::default())
        .all()
        .await
        .unwrap();
    assert!(sources.iter().any(|s| s.id == seeded[0]));

    let created = c
        .create_network_source(&CreateNetworkSourceDetails {
            compartment_id: t.to_string(),
            name: "lab".into(),
            description: "test lab".into(),
            public_source_list: Some(vec!["192.0.2.0/28".into()]),
            virtual_source_list: Some(vec![VirtualSource {
                vcn_id: "ocid1.vcn.oc1.iad.aaaaaaaalab".into(),
                ip_ranges: vec!["10.9.0.0/16".into()],
            }]),
            services: None,
            freeform_tags: None,
            defined_tags: None,
        })
        .await
        .unwrap();
    let bad = UpdateNetworkSourceDetails {
        public_source_list: Some(vec!["192.0.2.0/99".into()]),
        ..UpdateNetworkSourceDetails::default()
    };
    let refused = c
        .update_network_source(&created.value.id, &bad, None)
        .await
        .unwrap_err();
    assert!(refused.to_string().contains("192.0.2.0/99"), "{refused}");
    let got = c.get_network_source(&created.value.id).await.unwrap();
    assert_eq!(got.value, created.value);

    let update = UpdateAuthenticationPolicyDetails {
        password_policy: Some(PasswordPolicy {
            minimum_password_length: Some(15),
            ..PasswordPolicy::default()
        }),
        network_policy: Some(NetworkPolicy {
            network_source_ids: vec![seeded[0].clone(), created.value.id.clone()],
        }),
    };
    let updated = c
        .update_authentication_policy(t, &update, policy.etag.as_deref())
        .await
        .unwrap();
    let rules = updated.value.password_policy.unwrap();
    assert_eq!(rules.minimum_password_length, Some(15));
    assert_eq!(rules.is_numeric_characters_required, Some(true));
    let stale = c
        .update_authentication_policy(t, &update, policy.etag.as_deref())
        .await
        .unwrap_err();
    assert_eq!(stale.status(), Some(412));
    let in_use = c
        .delete_network_source(&created.value.id, None)
        .await
        .unwrap_err();
    assert_eq!(in_use.status(), Some(409));
}
