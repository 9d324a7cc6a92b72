//! What the client does when the network and the service misbehave: paging, recovery from
//! injected 429/500/503 and dropped connections, exactly-once creates, refused signatures,
//! and the fan-out slowing down under throttling.

use std::time::Duration;

use canopy::api::{CompartmentQuery, ListFilter, UserQuery, connect_with, try_fan_out};
use canopy::emulator::{EmulatorOptions, FaultSpec};
use canopy::model::CreateGroupDetails;
use futures::StreamExt as _;
use rsa::pkcs8::{EncodePrivateKey, LineEnding};

use crate::support::{args_for, demo, fast_options, start, start_with};

#[tokio::test]
async fn lists_follow_pages_to_the_end() {
    let env = start_with(
        EmulatorOptions {
            seed: demo(),
            default_page_size: 4,
            ..EmulatorOptions::default()
        },
        fast_options(),
    )
    .await;
    let c = env.client();
    let expected = env.emulator.store.snapshot().users.len();
    assert!(expected > 8, "the demo seed needs several pages of users");

    let pages: Vec<_> = c
        .list_users(env.tenancy(), &UserQuery::default())
        .pages()
        .collect()
        .await;
    assert_eq!(pages.len(), expected.div_ceil(4));
    let from_pages: usize = pages.into_iter().map(|p| p.unwrap().len()).sum();
    assert_eq!(from_pages, expected);

    let requests_before = c.requests_sent();
    let all = c
        .list_users(env.tenancy(), &UserQuery::default())
        .limit(3)
        .all()
        .await
        .unwrap();
    assert_eq!(all.len(), expected);
    assert_eq!(
        c.requests_sent() - requests_before,
        expected.div_ceil(3) as u64
    );
    let mut ids: Vec<_> = all.iter().map(|u| u.id.clone()).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), expected, "no user twice, none missing");
}

#[tokio::test]
async fn calls_recover_from_injected_429_500_503_and_drops() {
    let env = start(demo()).await;
    let c = env.client();
    let clean = c
        .list_compartments(&CompartmentQuery::subtree(env.tenancy()))
        .all()
        .await
        .unwrap();
    env.faults(&FaultSpec {
        rate_429: 0.2,
        rate_500: 0.15,
        rate_503: 0.1,
        rate_drop: 0.05,
        seed: 11,
        ..FaultSpec::default()
    });
    let before = c.requests_sent();
    for _ in 0..10 {
        let again = c
            .list_compartments(&CompartmentQuery::subtree(env.tenancy()))
            .all()
            .await
            .unwrap();
        assert_eq!(again, clean);
        c.get_tenancy(env.tenancy()).await.unwrap();
    }
    let sent = c.requests_sent() - before;
    assert!(sent > 20, "faults must have forced retries, sent {sent}");
    assert!(c.congestion().throttled() > 0);
}

#[tokio::test]
async fn a_create_whose_answer_is_lost_makes_exactly_one_resource() {
    let env = start(demo()).await;
    let c = env.client();
    env.emulator.faults.drop_next_posts(2);
    let created = c
        .create_group(&CreateGroupDetails {
            compartment_id: env.tenancy().to_string(),
            name: "ExactlyOnce".into(),
            description: "created while the answers were lost".into(),
            freeform_tags: None,
            defined_tags: None,
        })
        .await
        .unwrap();
    let named = c
        .list_groups(
            env.tenancy(),
            &ListFilter {
                name: Some("ExactlyOnce".into()),
                ..ListFilter::default()
            },
        )
        .all()
        .await
        .unwrap();
    assert_eq!(named.len(), 1);
    assert_eq!(named[0].id, created.value.id);
    let in_store = env
        .emulator
        .store
        .snapshot()
        .groups
        .iter()
        .filter(|g| g.name == "ExactlyOnce")
        .count();
    assert_eq!(in_store, 1);
}

#[tokio::test]
async fn an_unregistered_key_is_an_auth_error_with_its_hint() {
    let env = start(demo()).await;
    let generated = env.emulator.config.clone().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let key = canopy::emulator::generate_key().unwrap();
    let key_path = dir.path().join("other.pem");
    std::fs::write(
        &key_path,
        key.to_pkcs8_pem(LineEnding::LF).unwrap().as_bytes(),
    )
    .unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        std::fs::set_permissions(&key_path, std::fs::Permissions::from_mode(0o600)).unwrap();
    }
    let fingerprint = canopy::auth::signature::fingerprint(&rsa::RsaPublicKey::from(&key));
    let config = dir.path().join("config");
    std::fs::write(
        &config,
        format!(
            "[DEFAULT]\nuser={}\nfingerprint={fingerprint}\nkey_file={}\ntenancy={}\nregion=us-ashburn-1\n",
            generated.user_id,
            key_path.display(),
            generated.tenancy_id
        ),
    )
    .unwrap();
    let conn = connect_with(&args_for(&env.emulator, &config), fast_options())
        .await
        .unwrap();
    let err = conn.client.get_tenancy(&conn.tenancy_id).await.unwrap_err();
    assert!(err.is_auth(), "{err}");
    assert!(!err.is_conflict());
    assert_eq!(err.service().unwrap().code, "NotAuthenticated");
    assert_eq!(err.service().unwrap().attempts, 1, "401 is never retried");
    let text = err.to_string();
    assert!(
        text.contains("fingerprint") && text.contains("clock"),
        "{text}"
    );
}

#[tokio::test]
async fn the_fan_out_slows_down_under_throttling_and_finishes() {
    let env = start(canopy::emulator::seed::large(0.02)).await;
    let c = env.client();
    let compartments: Vec<String> = c
        .list_compartments(&CompartmentQuery::subtree(env.tenancy()))
        .all()
        .await
        .unwrap()
        .into_iter()
        .map(|x| x.id)
        .collect();
    assert!(compartments.len() >= 20);
    let clean = try_fan_out(c, compartments.clone(), |id| async move {
        c.list_policies(&id, &ListFilter::default()).all().await
    })
    .await
    .unwrap();

    env.emulator.faults.set_latency(Duration::from_millis(5));
    env.faults(&FaultSpec {
        rate_429: 0.4,
        seed: 3,
        ..FaultSpec::default()
    });
    let throttled = try_fan_out(c, compartments, |id| async move {
        c.list_policies(&id, &ListFilter::default()).all().await
    })
    .await
    .unwrap();
    assert_eq!(throttled, clean, "same answers, in the same order");
    let congestion = c.congestion();
    assert!(congestion.throttled() > 0);
    assert!(
        congestion.lowest_limit() < congestion.max(),
        "the limit must have been cut: lowest {}",
        congestion.lowest_limit()
    );
}

/// A port nothing listens on (bound, then released).
fn dead_endpoint() -> String {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    format!("http://{}", listener.local_addr().unwrap())
}

#[tokio::test]
async fn a_refused_connection_fails_at_once_when_nothing_ever_answered() {
    let env = start(demo()).await;
    let config = env.emulator.config.clone().unwrap().config_path;
    let mut args = args_for(&env.emulator, &config);
    args.endpoint = Some(dead_endpoint());
    let conn = connect_with(&args, fast_options()).await.unwrap();
    let err = conn
        .client
        .list_users(&conn.tenancy_id, &UserQuery::default())
        .all()
        .await
        .unwrap_err();
    let text = err.to_string();
    assert!(text.contains("after 1 attempt(s)"), "{text}");
    assert!(text.contains("has answered yet"), "{text}");
    assert_eq!(conn.client.requests_sent(), 1, "not retried");
}

#[tokio::test]
async fn once_the_endpoint_has_answered_a_refused_connection_is_retried_as_the_sdk_does() {
    let env = start(demo()).await;
    let tenancy = env.tenancy().to_string();
    env.client()
        .list_users(&tenancy, &UserQuery::default())
        .all()
        .await
        .unwrap();
    let crate::support::Env { conn, emulator, .. } = env;
    drop(emulator);
    // The listener closes as the server task sees the shutdown.
    let mut err = None;
    for _ in 0..50 {
        match conn
            .client
            .list_users(&tenancy, &UserQuery::default())
            .all()
            .await
        {
            Ok(_) => tokio::task::yield_now().await,
            Err(e) => {
                err = Some(e);
                break;
            }
        }
    }
    let text = err.expect("the emulator stopped").to_string();
    assert!(!text.contains("has answered yet"), "{text}");
    assert!(!text.contains("after 1 attempt(s)"), "retried: {text}");
}
