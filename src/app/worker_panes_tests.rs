//! The panes' request kinds run against the emulator over real HTTP on 127.0.0.1.

use std::sync::Mutex;
use std::time::Duration;

use rsa::pkcs8::{EncodePublicKey, LineEnding};

use crate::api::{ApiError, Client, ClientOptions, connect_with};
use crate::app::request::{ApiKeySource, Failure, Payload, RequestKind};
use crate::config::ConnectionArgs;
use crate::emulator::{EmulatorOptions, RunningEmulator};
use crate::model::{AddUserToGroupDetails, InvitationStatus, Snapshot, WorkRequestStatus};

fn failure(e: &ApiError) -> Failure {
    match e {
        ApiError::Service(s) => Failure {
            status: Some(s.status),
            code: s.code.clone(),
            message: s.message.clone(),
            opc_request_id: s.request_id.clone(),
            hint: None,
        },
        other => Failure::local("RequestFailed", other.to_string()),
    }
}

struct World {
    emulator: RunningEmulator,
    client: Client,
    tenancy_id: String,
    seed: Snapshot,
    dir: tempfile::TempDir,
}

async fn world() -> World {
    let dir = tempfile::tempdir().expect("temp dir");
    let seed = crate::emulator::seed::demo();
    let emulator = crate::emulator::start(EmulatorOptions {
        seed: seed.clone(),
        config_out: Some(dir.path().join("oci")),
        work_request_duration: Duration::from_millis(200),
        ..EmulatorOptions::default()
    })
    .await
    .expect("emulator starts");
    let args = ConnectionArgs {
        config_file: Some(
            emulator
                .config
                .as_ref()
                .expect("config")
                .config_path
                .clone(),
        ),
        endpoint: Some(emulator.endpoint.clone()),
        ..ConnectionArgs::default()
    };
    let connection = connect_with(&args, ClientOptions::default())
        .await
        .expect("connects");
    World {
        client: connection.client,
        tenancy_id: connection.tenancy_id,
        emulator,
        seed,
        dir,
    }
}

/// Runs one request kind and returns every response it sent, in order.
async fn run(w: &World, kind: RequestKind) -> Vec<(bool, Result<Payload, Failure>)> {
    let out = Mutex::new(Vec::new());
    let send = |done: bool, result: Result<Payload, Failure>| {
        out.lock().expect("lock").push((done, result));
    };
    let handled = super::execute(&w.client, &w.tenancy_id, &kind, failure, &send).await;
    assert!(handled, "{kind:?} is one of the panes' requests");
    let out = out.into_inner().expect("lock");
    assert!(out.last().is_some_and(|(done, _)| *done), "ends with done");
    out
}

async fn last(w: &World, kind: RequestKind) -> Payload {
    match run(w, kind).await.pop() {
        Some((_, Ok(p))) => p,
        other => panic!("expected a payload, got {other:?}"),
    }
}

#[tokio::test]
async fn identity_requests_round_trip() {
    let w = world().await;
    let Payload::Groups(groups) = last(&w, RequestKind::ListGroups).await else {
        panic!("groups");
    };
    assert_eq!(groups.len(), w.seed.groups.len());
    let group_ids = groups.iter().map(|g| g.id.clone()).collect();
    let Payload::Memberships(memberships) =
        last(&w, RequestKind::ListMemberships { group_ids }).await
    else {
        panic!("memberships");
    };
    assert_eq!(memberships.len(), w.seed.memberships.len());

    // Add a user to a group they are not in, then remove them again. Not the user the
    // requests are signed as: blocking that one would lock the test out.
    let signer = &w.emulator.config.as_ref().expect("config").user_id;
    let user = w
        .seed
        .users
        .iter()
        .find(|u| u.id != *signer)
        .expect("another user");
    let group = groups
        .iter()
        .find(|g| {
            !memberships
                .iter()
                .any(|m| m.group_id == g.id && m.user_id == user.id)
        })
        .expect("a group the user is not in");
    let Payload::Membership(m) = last(
        &w,
        RequestKind::AddUserToGroup(AddUserToGroupDetails {
            user_id: user.id.clone(),
            group_id: group.id.clone(),
        }),
    )
    .await
    else {
        panic!("membership");
    };
    assert!(matches!(
        last(
            &w,
            RequestKind::RemoveUserFromGroup {
                membership_id: m.id
            }
        )
        .await,
        Payload::Done
    ));

    let Payload::User(blocked) = last(
        &w,
        RequestKind::UpdateUserState {
            id: user.id.clone(),
            blocked: true,
        },
    )
    .await
    else {
        panic!("user");
    };
    assert!(blocked.is_blocked());

    let Payload::UiPassword { password, .. } = last(
        &w,
        RequestKind::ResetUiPassword {
            user_id: user.id.clone(),
        },
    )
    .await
    else {
        panic!("password");
    };
    assert!(!password.expose().is_empty());
    assert!(!format!("{password:?}").contains(password.expose()));

    // An API key from a file, read by the worker.
    let mut rng = <rand::rngs::StdRng as rand::SeedableRng>::seed_from_u64(3);
    let pem = rsa::RsaPrivateKey::new(&mut rng, 1024)
        .expect("key")
        .to_public_key()
        .to_public_key_pem(LineEnding::LF)
        .expect("pem");
    let file = w.dir.path().join("key_public.pem");
    std::fs::write(&file, &pem).expect("write key");
    let Payload::ApiKey(key) = last(
        &w,
        RequestKind::UploadApiKey {
            user_id: user.id.clone(),
            key: ApiKeySource::File(file),
        },
    )
    .await
    else {
        panic!("api key");
    };
    let Payload::ApiKeys(keys) = last(
        &w,
        RequestKind::ListApiKeys {
            user_id: user.id.clone(),
        },
    )
    .await
    else {
        panic!("api keys");
    };
    assert!(keys.iter().any(|k| k.fingerprint == key.fingerprint));
    let missing = run(
        &w,
        RequestKind::UploadApiKey {
            user_id: user.id.clone(),
            key: ApiKeySource::File("/nonexistent/key.pem".into()),
        },
    )
    .await;
    assert!(matches!(&missing[..], [(true, Err(f))] if f.code == "CannotReadKey"));
    w.emulator.shutdown().await;
}

#[tokio::test]
async fn tag_and_invitation_requests_follow_their_work_requests() {
    let w = world().await;
    let Payload::TagNamespaces(namespaces) = last(&w, RequestKind::ListTagNamespaces).await else {
        panic!("namespaces");
    };
    assert_eq!(namespaces.len(), w.seed.tag_namespaces.len());
    let ns = &namespaces[0];
    let Payload::Tags(tags) = last(
        &w,
        RequestKind::ListTags {
            namespace_id: ns.id.clone(),
        },
    )
    .await
    else {
        panic!("tags");
    };
    let Payload::Tag(full) = last(
        &w,
        RequestKind::GetTag {
            namespace_id: ns.id.clone(),
            name: tags[0].name.clone(),
        },
    )
    .await
    else {
        panic!("tag");
    };
    assert!(full.validator.is_some());

    let responses = run(
        &w,
        RequestKind::CascadeDeleteTagNamespace { id: ns.id.clone() },
    )
    .await;
    let Some((true, Ok(Payload::WorkRequest(wr)))) = responses.last() else {
        panic!("the cascade delete ends with its work request: {responses:?}");
    };
    assert_eq!(wr.status, WorkRequestStatus::Succeeded);

    let Payload::SenderInvitations(invitations) =
        last(&w, RequestKind::ListSenderInvitations).await
    else {
        panic!("invitations");
    };
    let pending = invitations
        .iter()
        .find(|i| i.status == InvitationStatus::Pending)
        .expect("a pending invitation");
    let responses = run(
        &w,
        RequestKind::CancelSenderInvitation {
            id: pending.id.clone(),
        },
    )
    .await;
    assert!(matches!(
        responses.last(),
        Some((true, Ok(Payload::WorkRequest(_) | Payload::Done)))
    ));
    let Payload::SenderInvitations(after) = last(&w, RequestKind::ListSenderInvitations).await
    else {
        panic!("invitations");
    };
    let cancelled = after
        .iter()
        .find(|i| i.id == pending.id)
        .expect("still listed");
    assert_eq!(cancelled.status, InvitationStatus::Canceled);
    w.emulator.shutdown().await;
}

#[tokio::test]
async fn other_requests_are_left_to_the_worker() {
    let w = world().await;
    let send = |_: bool, _: Result<Payload, Failure>| {};
    let handled = super::execute(
        &w.client,
        &w.tenancy_id,
        &RequestKind::ListCompartments,
        failure,
        &send,
    )
    .await;
    assert!(!handled);
    w.emulator.shutdown().await;
}
