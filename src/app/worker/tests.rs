//! Every request family through the real worker against the emulator over real HTTP on
//! 127.0.0.1 (the sandbox), with the responses the panes get.

use rsa::pkcs8::{EncodePublicKey, LineEnding};

use super::Sandbox;
use crate::app::panes::PaneId;
use crate::app::request::{
    ApiKeySource, CompartmentRequest, CredentialRequest, IdentityRequest, InvitationRequest,
    Payload, Request, RequestId, RequestKind, Response, TagRequest, TenancyRequest,
};
use crate::model::{
    AddUserToGroupDetails, Compartment, Group, InvitationStatus, SenderInvitation, Tag,
    TagNamespace, UpdateCompartmentDetails, User, UserGroupMembership, WorkRequestStatus,
};

fn sandbox() -> Sandbox {
    Sandbox::new(crate::emulator::seed::demo())
}

/// Every response of one request, checked to end with `done`.
fn run(s: &Sandbox, kind: impl Into<RequestKind>) -> Vec<Response> {
    let request = Request {
        id: RequestId(1),
        pane: PaneId::Compartments,
        kind: kind.into(),
    };
    let out = s.answer(&request);
    assert!(
        out.last().is_some_and(|r| r.done),
        "ends with done: {out:?}"
    );
    assert_eq!(out.iter().filter(|r| r.done).count(), 1, "one last answer");
    out
}

fn last(s: &Sandbox, kind: impl Into<RequestKind>) -> Payload {
    match run(s, kind).pop().map(|r| r.result) {
        Some(Ok(p)) => p,
        other => panic!("expected a payload, got {other:?}"),
    }
}

fn items<T: Clone + Send + Sync + 'static>(p: Payload) -> Vec<T> {
    match p {
        Payload::Items(items) => items.take().expect("items of the asked type"),
        other => panic!("a listing, got {other:?}"),
    }
}

fn item<T: Clone + Send + Sync + 'static>(p: &Payload) -> T {
    p.as_item::<T>()
        .unwrap_or_else(|| panic!("an item of the asked type, got {p:?}"))
}

fn prod(seed: &crate::model::Snapshot) -> Compartment {
    seed.compartments
        .iter()
        .find(|c| c.name == "Prod")
        .expect("demo has Prod")
        .clone()
}

fn rename(c: &Compartment, seen: Compartment) -> CompartmentRequest {
    CompartmentRequest::Update {
        id: c.id.clone(),
        details: UpdateCompartmentDetails {
            name: Some("Production".into()),
            ..UpdateCompartmentDetails::default()
        },
        seen: Some(seen),
    }
}

#[test]
fn the_tenancy_loads_as_an_indexed_snapshot_and_a_conditional_rename_goes_through() {
    let s = sandbox();
    let seed = crate::emulator::seed::demo();
    let Payload::Snapshot(linter) = last(&s, TenancyRequest::Load) else {
        panic!("a snapshot");
    };
    assert_eq!(
        linter.snapshot().compartments.len(),
        seed.compartments.len()
    );
    assert_eq!(linter.snapshot().memberships.len(), seed.memberships.len());
    // The structure only: no call per user for credential metadata (the demo has some).
    assert!(!seed.api_keys.is_empty() && linter.snapshot().api_keys.is_empty());
    let prod = prod(&seed);
    assert!(!linter.index().statements_for(&prod.id).is_empty());
    // The worker reads the etag first and sends it as if-match; the fresh etag matches.
    let renamed: Compartment = item(&last(&s, rename(&prod, prod.clone())));
    assert_eq!(renamed.name, "Production");
}

#[test]
fn a_rename_of_a_compartment_changed_since_it_was_seen_is_a_conflict() {
    let s = sandbox();
    let seed = crate::emulator::seed::demo();
    let prod = prod(&seed);
    let mut stale = prod.clone();
    // What the user saw is older than the service's version.
    stale.description = "the description before someone changed it".into();
    let answer = run(&s, rename(&prod, stale)).pop().expect("an answer");
    let Err(failure) = answer.result else {
        panic!("a conflict, got {:?}", answer.result);
    };
    assert!(failure.is_conflict(), "{failure:?}");
    assert_eq!(failure.code, "ChangedSinceRead");
    assert!(s.snapshot().compartments.iter().any(|c| c.name == "Prod"));
}

#[test]
fn a_compartment_delete_follows_its_work_request_to_the_end() {
    let s = Sandbox::with(
        crate::emulator::seed::demo(),
        std::time::Duration::from_millis(60),
    );
    let seed = crate::emulator::seed::demo();
    let empty = seed
        .compartments
        .iter()
        .filter(|c| c.lifecycle_state == crate::model::LifecycleState::Active)
        .find(|c| {
            !seed.compartments.iter().any(|k| k.compartment_id == c.id)
                && !seed.policies.iter().any(|p| p.compartment_id == c.id)
        })
        .expect("an empty compartment");
    let responses = run(
        &s,
        CompartmentRequest::Delete {
            id: empty.id.clone(),
            seen: Some(empty.clone()),
        },
    );
    assert!(
        responses.len() > 1,
        "progress before the end: {responses:?}"
    );
    let Some(Ok(Payload::WorkRequest(wr))) = responses.last().map(|r| &r.result) else {
        panic!("ends with the work request");
    };
    assert_eq!(wr.status, WorkRequestStatus::Succeeded);
}

#[test]
fn identity_and_credential_requests_round_trip() {
    let s = sandbox();
    let seed = crate::emulator::seed::demo();
    let groups: Vec<Group> = items(last(&s, IdentityRequest::ListGroups));
    assert_eq!(groups.len(), seed.groups.len());
    let group_ids = groups.iter().map(|g| g.id.clone()).collect();
    // The memberships come indexed by user and group (the worker builds the index).
    let indexed: Vec<crate::app::panes::identity::members::IndexedMemberships> =
        items(last(&s, IdentityRequest::ListMemberships { group_ids }));
    let [indexed] = &indexed[..] else {
        panic!("one indexed list");
    };
    let memberships: &[UserGroupMembership] = &indexed.list;
    assert_eq!(memberships.len(), seed.memberships.len());
    let first = &memberships[0];
    assert!(
        indexed
            .index
            .of_user(&first.user_id)
            .iter()
            .any(|&i| memberships[i as usize].id == first.id)
    );
    let users: Vec<User> = items(last(&s, IdentityRequest::ListUsers));
    assert_eq!(users.len(), seed.users.len());

    // Add a user to a group they are not in, then remove them again. Not the user the
    // requests are signed as: blocking that one would lock the test out.
    let signer = &s.emulator.config.as_ref().expect("config").user_id;
    let user = users
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
    let m: UserGroupMembership = item(&last(
        &s,
        IdentityRequest::AddUserToGroup(AddUserToGroupDetails {
            user_id: user.id.to_string(),
            group_id: group.id.clone(),
        }),
    ));
    let removed = last(
        &s,
        IdentityRequest::RemoveUserFromGroup {
            membership_id: m.id,
        },
    );
    assert_eq!(removed, Payload::Done);

    let blocked: User = item(&last(
        &s,
        IdentityRequest::UpdateUserState {
            id: user.id.to_string(),
            blocked: true,
        },
    ));
    assert!(blocked.is_blocked());

    let Payload::Secret { owner, secret, .. } = last(
        &s,
        CredentialRequest::ResetUiPassword {
            user_id: user.id.to_string(),
        },
    ) else {
        panic!("a password");
    };
    assert_eq!(owner, user.id);
    assert!(!secret.expose().is_empty());
    assert!(!format!("{secret:?}").contains(secret.expose()));

    // An API key from a file, read by the worker.
    let mut rng = <rand::rngs::StdRng as rand::SeedableRng>::seed_from_u64(3);
    let pem = rsa::RsaPrivateKey::new(&mut rng, 1024)
        .expect("key")
        .to_public_key()
        .to_public_key_pem(LineEnding::LF)
        .expect("pem");
    let dir = tempfile::tempdir().expect("dir");
    let file = dir.path().join("key_public.pem");
    std::fs::write(&file, &pem).expect("write key");
    let crate::model::Credential::ApiKey(key) = item(&last(
        &s,
        CredentialRequest::UploadApiKey {
            user_id: user.id.to_string(),
            key: ApiKeySource::File(file),
        },
    )) else {
        panic!("an API key");
    };
    let all: Vec<crate::model::Credential> = items(last(
        &s,
        CredentialRequest::ListOfUser {
            user_id: user.id.to_string(),
        },
    ));
    assert!(all.iter().any(
        |c| matches!(c, crate::model::Credential::ApiKey(k) if k.fingerprint == key.fingerprint)
    ));
    let missing = run(
        &s,
        CredentialRequest::UploadApiKey {
            user_id: user.id.to_string(),
            key: ApiKeySource::File("/nonexistent/key.pem".into()),
        },
    );
    assert!(
        matches!(&missing[..], [r] if r.result.as_ref().is_err_and(|f| f.code == "CannotReadKey"))
    );
}

#[test]
fn tag_and_invitation_requests_follow_their_work_requests() {
    let s = sandbox();
    let seed = crate::emulator::seed::demo();
    let namespaces: Vec<TagNamespace> = items(last(&s, TagRequest::ListNamespaces));
    assert_eq!(namespaces.len(), seed.tag_namespaces.len());
    let ns = &namespaces[0];
    let tags: Vec<Tag> = items(last(
        &s,
        TagRequest::ListTags {
            namespace_id: ns.id.clone(),
        },
    ));
    let full: Tag = item(&last(
        &s,
        TagRequest::GetTag {
            namespace_id: ns.id.clone(),
            name: tags[0].name.clone(),
        },
    ));
    assert!(full.validator.is_some());

    // OCI deletes only a retired namespace.
    last(
        &s,
        TagRequest::UpdateNamespace {
            id: ns.id.clone(),
            details: crate::model::UpdateTagNamespaceDetails {
                is_retired: Some(true),
                ..Default::default()
            },
        },
    );
    let responses = run(&s, TagRequest::CascadeDeleteNamespace { id: ns.id.clone() });
    let Some(Ok(Payload::WorkRequest(wr))) = responses.last().map(|r| &r.result) else {
        panic!("the cascade delete ends with its work request: {responses:?}");
    };
    assert_eq!(wr.status, WorkRequestStatus::Succeeded);

    let invitations: Vec<SenderInvitation> = items(last(&s, InvitationRequest::List));
    let pending = invitations
        .iter()
        .find(|i| i.status == InvitationStatus::Pending)
        .expect("a pending invitation");
    let responses = run(
        &s,
        InvitationRequest::Cancel {
            id: pending.id.clone(),
        },
    );
    assert!(matches!(
        responses.last().map(|r| &r.result),
        Some(Ok(Payload::WorkRequest(_) | Payload::Done))
    ));
    let after: Vec<SenderInvitation> = items(last(&s, InvitationRequest::List));
    let cancelled = after
        .iter()
        .find(|i| i.id == pending.id)
        .expect("still listed");
    assert_eq!(cancelled.status, InvitationStatus::Canceled);
}

#[test]
fn credential_and_sign_in_requests_answer_with_their_kinds() {
    use crate::app::request::{NewCredential, SignInRequest};
    use crate::model::{AuthenticationPolicy, Credential, NetworkSource, UiPasswordInformation};
    let s = sandbox();
    let seed = crate::emulator::seed::demo();
    let user = |name: &str| {
        seed.users
            .iter()
            .find(|u| u.name == name)
            .unwrap()
            .id
            .to_string()
    };

    // Every user's credentials in one answer, of every kind (the sandbox's own API key too).
    let ids: Vec<String> = seed.users.iter().map(|u| u.id.to_string()).collect();
    let seed = s.snapshot();
    let all: Vec<Credential> = items(last(&s, CredentialRequest::ListOfUsers { user_ids: ids }));
    assert_eq!(
        all.len(),
        seed.api_keys.len()
            + seed.auth_tokens.len()
            + seed.customer_secret_keys.len()
            + seed.smtp_credentials.len()
            + seed.db_credentials.len()
            + seed.oauth2_client_credentials.len()
            + seed.swift_passwords.len()
            + seed.mfa_totp_devices.len()
    );

    // A new token comes as a secret, with its metadata beside it.
    let Payload::Secret {
        secret,
        item: metadata,
        ..
    } = last(
        &s,
        CredentialRequest::Create {
            user_id: user("aisha.bello@acme-corp.com"),
            new: NewCredential::AuthToken {
                description: "worker test".into(),
            },
        },
    )
    else {
        panic!("a secret");
    };
    assert!(!secret.expose().is_empty());
    let Some(Credential::AuthToken(t)) = metadata.and_then(|i| i.get::<Credential>()) else {
        panic!("the token's metadata");
    };
    assert_eq!(t.description, "worker test");

    // Console password information: a date, or none for a user who never had one.
    let info: Option<UiPasswordInformation> = item(&last(
        &s,
        SignInRequest::GetUiPasswordInformation {
            user_id: user("aisha.bello@acme-corp.com"),
        },
    ));
    assert!(info.is_some());
    let none: Option<UiPasswordInformation> = item(&last(
        &s,
        SignInRequest::GetUiPasswordInformation {
            user_id: user("svc-backup"),
        },
    ));
    assert!(none.is_none());

    // The policy comes with the etag its update is conditional on.
    let Payload::Item(policy) = last(&s, SignInRequest::GetAuthenticationPolicy) else {
        panic!("the policy");
    };
    assert!(policy.get::<AuthenticationPolicy>().is_some() && policy.etag.is_some());
    let sources: Vec<NetworkSource> = items(last(&s, SignInRequest::ListNetworkSources));
    assert_eq!(sources.len(), seed.network_sources.len());
}
