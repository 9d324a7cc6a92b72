//! The Credentials pane: every credential of every user (filtered by age, revoked with a
//! typed confirmation, opened in the Identity pane), network sources (create with CIDRs
//! checked, edit from a fresh read, delete) and the sign-in policy (an update conditional on
//! its etag), through the real worker against the emulator, with snapshots of each view.

use canopy::app::panes::credentials::CredentialsTab;
use canopy::app::panes::identity::IdentityFocus;
use canopy::app::request::{CredentialRequest, SignInRequest};
use canopy::app::widgets::filter::{FilterMode, ListFilter};
use canopy::app::{Action, AppState, Loadable, PaneId, RequestKind, update};
use canopy::model::CredentialKind;
use crossterm::event::KeyCode;
use insta::assert_snapshot;

use super::harness::{World, act, key, loaded, press, render, settle, stable, type_text};
use super::pane_kit::{clear_field, enter, form_error, kinds, loading_in, refresh_failing, tab};

fn credentials() -> (AppState, World) {
    let (mut state, mut world) = loaded(false);
    act(&mut state, &mut world, Action::Go(PaneId::Credentials));
    (state, world)
}

fn filter(state: &mut AppState, query: &str) {
    let AppState {
        ctx, panes, active, ..
    } = state;
    panes.get_mut(*active).set_filter(
        ListFilter {
            query: query.into(),
            mode: FilterMode::Substring,
        },
        ctx,
    );
}

fn shown(state: &AppState) -> Vec<(String, String)> {
    state
        .panes
        .credentials
        .list
        .visible()
        .iter()
        .map(|r| (r.user_name.clone(), r.credential.label().to_string()))
        .collect()
}

#[test]
fn credentials_loading() {
    let (state, requests, _) = loading_in(PaneId::Credentials);
    assert!(kinds(&requests).contains(&RequestKind::Identity(
        canopy::app::request::IdentityRequest::ListUsers
    )));
    assert_snapshot!(render(&state));
}

#[test]
fn credentials_of_every_user() {
    let (state, world) = credentials();
    let seed = world.snapshot();
    let all = seed.api_keys.len()
        + seed.auth_tokens.len()
        + seed.customer_secret_keys.len()
        + seed.smtp_credentials.len()
        + seed.db_credentials.len()
        + seed.oauth2_client_credentials.len()
        + seed.swift_passwords.len()
        + seed.mfa_totp_devices.len();
    assert_eq!(state.panes.credentials.list.all().len(), all);
    // Oldest secrets first: the 513-day-old API key of svc-terraform is near the top.
    assert!(shown(&state)[..3].iter().any(|(u, _)| u == "svc-terraform"));
    assert_snapshot!(render(&state));
}

#[test]
fn credentials_older_than_90_days() {
    let (mut state, mut world) = credentials();
    act(&mut state, &mut world, Action::Filter);
    type_text(&mut state, &mut world, "token age>90d");
    enter(&mut state, &mut world);
    let rows = shown(&state);
    assert!(
        rows.iter().any(|(_, d)| d == "OCIR docker login"),
        "{rows:?}"
    );
    let now = state.ctx.now;
    for r in state.panes.credentials.list.visible() {
        assert!(r.age_days(now).unwrap() > 90, "{r:?}");
        assert!(
            matches!(
                r.kind(),
                CredentialKind::AuthToken | CredentialKind::SwiftPassword
            ),
            "{r:?}"
        );
    }
    // The blocked user's token is marked.
    assert!(
        state
            .panes
            .credentials
            .list
            .visible()
            .iter()
            .any(|r| r.user_blocked
                && r.user_name == "emily.zhang@acme-corp.com"
                && (r.credential.label() == "OCIR docker login"))
    );
    assert_snapshot!(render(&state));
    // Younger than 90 days instead; Esc clears the whole query.
    filter(&mut state, "age<90d");
    assert!(
        state
            .panes
            .credentials
            .list
            .visible()
            .iter()
            .all(|r| r.age_days(now).unwrap() < 90)
    );
    act(&mut state, &mut world, Action::Back);
    assert!(state.panes.credentials.query.query.is_empty());
    assert_eq!(
        state.panes.credentials.list.len(),
        state.panes.credentials.list.all().len()
    );
}

#[test]
fn credentials_failed() {
    let (mut state, _) = credentials();
    refresh_failing(&mut state, 500, "InternalServerError");
    assert!(matches!(
        state.panes.credentials.list.items,
        Loadable::Failed(_)
    ));
    assert_snapshot!(stable(&render(&state)));
}

#[test]
fn revoking_a_token_from_the_credentials_view_needs_its_description() {
    let (mut state, mut world) = credentials();
    filter(&mut state, "OCIR docker");
    let row = state.panes.credentials.list.selected().unwrap().clone();
    act(&mut state, &mut world, Action::Delete);
    assert_snapshot!("credentials_revoke_confirmation", render(&state));
    type_text(&mut state, &mut world, "emily");
    assert!(
        update(&mut state, Action::Select).is_empty(),
        "not typed yet"
    );
    clear_field(&mut state, &mut world);
    type_text(&mut state, &mut world, "OCIR docker login");
    let sent = update(&mut state, Action::Select);
    assert_eq!(
        kinds(&sent),
        vec![RequestKind::Credentials(CredentialRequest::Delete {
            user_id: row.credential.user_id().to_string(),
            kind: CredentialKind::AuthToken,
            id: row.credential.id().to_string(),
        })]
    );
    settle(&mut state, &mut world, sent);
    assert!(
        !world
            .snapshot()
            .auth_tokens
            .iter()
            .any(|t| t.id == row.credential.id())
    );
    assert!(
        state
            .panes
            .credentials
            .list
            .find(row.credential.id())
            .is_none()
    );
    let toast = state.ctx.toasts.current().unwrap().text.clone();
    assert!(
        toast.contains("revoked auth token 'OCIR docker login'"),
        "{toast}"
    );
}

#[test]
fn enter_opens_the_credential_in_its_user_s_tab() {
    let (mut state, mut world) = credentials();
    filter(&mut state, "s3-compat");
    act(&mut state, &mut world, Action::Select);
    assert_eq!(state.active, PaneId::Identity);
    let identity = &state.panes.identity;
    assert_eq!(identity.focus, IdentityFocus::Credentials);
    assert_eq!(identity.creds_kind, CredentialKind::CustomerSecretKey);
    assert_eq!(identity.users.selected().unwrap().name, "svc-backup");
    assert!(
        identity
            .creds
            .all()
            .iter()
            .any(|r| r.credential.label() == "s3-compat backup sync")
    );
    // Esc goes back along the way it came.
    act(&mut state, &mut world, Action::Back);
    act(&mut state, &mut world, Action::Back);
    act(&mut state, &mut world, Action::Back);
    assert_eq!(state.active, PaneId::Credentials);
}

#[test]
fn network_sources_listed() {
    let (mut state, mut world) = credentials();
    act(&mut state, &mut world, Action::Command("ns".into()));
    assert_eq!(state.panes.credentials.tab, CredentialsTab::NetworkSources);
    assert_eq!(state.panes.credentials.network_sources.all().len(), 2);
    assert_snapshot!(render(&state));
}

#[test]
fn a_network_source_is_created_with_its_cidrs_checked_edited_and_deleted() {
    let (mut state, mut world) = credentials();
    act(&mut state, &mut world, Action::Command("ns".into()));
    act(&mut state, &mut world, Action::Create);
    type_text(&mut state, &mut world, "branch-office");
    tab(&mut state, &mut world);
    type_text(&mut state, &mut world, "Lisbon branch");
    tab(&mut state, &mut world);
    type_text(&mut state, &mut world, "198.51.100.0/24, 10.0.0.0/33");
    tab(&mut state, &mut world);
    type_text(&mut state, &mut world, "ocid1.vcn.oc1.iad.aaaa 10.5.0.0/16");
    tab(&mut state, &mut world);
    tab(&mut state, &mut world);
    type_text(&mut state, &mut world, "site=lisbon");
    assert!(update(&mut state, Action::Select).is_empty());
    let why = form_error(&state);
    assert!(
        why.contains("'10.0.0.0/33'") && why.contains("0 to 32"),
        "{why}"
    );
    assert_snapshot!("network_source_form_refuses_a_bad_cidr", render(&state));
    // The focus is on the field to fix: the bad entry goes.
    for _ in 0..=" 10.0.0.0/33".len() {
        press(&mut state, &mut world, key(KeyCode::Backspace));
    }
    let sent = update(&mut state, Action::Select);
    let [RequestKind::SignIn(SignInRequest::CreateNetworkSource(d))] = &kinds(&sent)[..] else {
        panic!("a create, got {sent:?}");
    };
    assert_eq!(
        d.public_source_list.as_deref(),
        Some(&["198.51.100.0/24".to_string()][..])
    );
    assert_eq!(
        d.virtual_source_list.as_ref().unwrap()[0].ip_ranges,
        vec!["10.5.0.0/16"]
    );
    assert_eq!(d.freeform_tags.as_ref().unwrap()["site"], "lisbon");
    settle(&mut state, &mut world, sent);
    let created = world
        .snapshot()
        .network_sources
        .into_iter()
        .find(|n| n.name == "branch-office")
        .expect("created");
    assert_eq!(
        state
            .panes
            .credentials
            .network_sources
            .selected()
            .unwrap()
            .id,
        created.id
    );

    // Enter reads it in full.
    let sent = update(&mut state, Action::Select);
    assert_eq!(
        kinds(&sent),
        vec![RequestKind::SignIn(SignInRequest::GetNetworkSource {
            id: created.id.clone()
        })]
    );
    settle(&mut state, &mut world, sent);
    assert!(render(&state).contains("Lisbon branch"));
    press(&mut state, &mut world, key(KeyCode::Esc));

    // An edit reads it first and is conditional on what it read. (A fixed date, so the
    // screen does not change by the day.)
    world.change(|s| {
        for n in &mut s.sign_in.network_sources {
            if n.name == "branch-office" {
                n.time_created = "2026-11-20T10:00:00.000Z".into();
            }
        }
    });
    let sent = update(&mut state, Action::Edit);
    settle(&mut state, &mut world, sent);
    assert_snapshot!("network_source_edit_form", stable(&render(&state)));
    tab(&mut state, &mut world);
    type_text(&mut state, &mut world, ", 203.0.113.9");
    let sent = update(&mut state, Action::Select);
    let [RequestKind::SignIn(SignInRequest::UpdateNetworkSource { details, etag, .. })] =
        &kinds(&sent)[..]
    else {
        panic!("an update, got {sent:?}");
    };
    assert!(etag.is_some(), "if-match");
    assert_eq!(details.description, None, "only what changed");
    settle(&mut state, &mut world, sent);
    let after = world
        .snapshot()
        .network_sources
        .into_iter()
        .find(|n| n.id == created.id)
        .unwrap();
    assert_eq!(
        after.public_source_list,
        vec!["198.51.100.0/24", "203.0.113.9"]
    );

    act(&mut state, &mut world, Action::Delete);
    type_text(&mut state, &mut world, "branch-office");
    enter(&mut state, &mut world);
    assert!(
        world
            .snapshot()
            .network_sources
            .iter()
            .all(|n| n.id != created.id
                || n.lifecycle_state == canopy::model::LifecycleState::Deleted)
    );
}

#[test]
fn sign_in_policy_shown() {
    let (mut state, mut world) = credentials();
    act(&mut state, &mut world, Action::Command("signin".into()));
    assert_eq!(state.panes.credentials.tab, CredentialsTab::SignInPolicy);
    let screen = render(&state);
    assert!(screen.contains("14 characters"), "{screen}");
    assert!(screen.contains("corp-egress"), "{screen}");
    assert_snapshot!(screen);
}

#[test]
fn the_sign_in_policy_is_updated_with_if_match_and_a_conflict_keeps_the_form() {
    let (mut state, mut world) = credentials();
    act(&mut state, &mut world, Action::Command("signin".into()));
    let sent = update(&mut state, Action::Edit);
    assert_eq!(
        kinds(&sent),
        vec![RequestKind::SignIn(SignInRequest::GetAuthenticationPolicy)]
    );
    settle(&mut state, &mut world, sent);
    assert_snapshot!("sign_in_policy_form", render(&state));
    clear_field(&mut state, &mut world);
    type_text(&mut state, &mut world, "16");
    // An unknown network source is refused beside its field.
    for _ in 0..6 {
        tab(&mut state, &mut world);
    }
    type_text(&mut state, &mut world, ", nowhere");
    assert!(update(&mut state, Action::Select).is_empty());
    assert!(form_error(&state).contains("no network source 'nowhere'"));
    for _ in 0..", nowhere".len() {
        press(&mut state, &mut world, key(KeyCode::Backspace));
    }
    // Someone else changes the policy meanwhile: the update is refused, the form stays.
    world.change(|s| {
        s.sign_in
            .authentication_policy
            .password_policy
            .as_mut()
            .unwrap()
            .minimum_password_length = Some(20);
    });
    let sent = update(&mut state, Action::Select);
    let [RequestKind::SignIn(SignInRequest::UpdateAuthenticationPolicy { etag, details })] =
        &kinds(&sent)[..]
    else {
        panic!("an update, got {sent:?}");
    };
    assert!(etag.is_some());
    assert_eq!(
        details
            .password_policy
            .as_ref()
            .unwrap()
            .minimum_password_length,
        Some(16)
    );
    settle(&mut state, &mut world, sent);
    assert!(form_error(&state).contains("412"), "{}", form_error(&state));
    assert_eq!(
        world
            .snapshot()
            .authentication_policy
            .unwrap()
            .password_policy
            .unwrap()
            .minimum_password_length,
        Some(20),
        "nothing written over the other change"
    );
    // Read again, then the update goes through.
    press(&mut state, &mut world, key(KeyCode::Esc));
    let sent = update(&mut state, Action::Edit);
    settle(&mut state, &mut world, sent);
    clear_field(&mut state, &mut world);
    type_text(&mut state, &mut world, "16");
    enter(&mut state, &mut world);
    assert!(state.ctx.modal.is_none(), "{}", render(&state));
    let policy = world.snapshot().authentication_policy.unwrap();
    assert_eq!(
        policy.password_policy.unwrap().minimum_password_length,
        Some(16)
    );
    assert_eq!(policy.network_policy.unwrap().network_source_ids.len(), 1);
    assert!(render(&state).contains("16 characters"));
}

#[test]
fn read_only_reaches_no_credential_write() {
    let (mut state, mut world) = loaded(true);
    act(&mut state, &mut world, Action::Go(PaneId::Credentials));
    for action in [Action::Delete, Action::Create, Action::Edit] {
        assert!(update(&mut state, action).is_empty());
        assert!(state.ctx.modal.is_none());
    }
    act(&mut state, &mut world, Action::Go(PaneId::Identity));
    act(&mut state, &mut world, Action::Credentials);
    for action in [
        Action::Create,
        Action::Activate,
        Action::NewSeed,
        Action::Delete,
    ] {
        assert!(update(&mut state, action).is_empty());
        assert!(state.ctx.modal.is_none());
    }
}

#[test]
fn a_token_made_in_the_identity_pane_shows_in_the_credentials_view() {
    let (mut state, mut world) = credentials();
    let before = state.panes.credentials.list.all().len();
    super::user_credentials::show_kind(
        &mut state,
        &mut world,
        "aisha.bello@acme-corp.com",
        CredentialKind::AuthToken,
    );
    act(&mut state, &mut world, Action::Create);
    type_text(&mut state, &mut world, "made elsewhere");
    enter(&mut state, &mut world);
    press(&mut state, &mut world, key(KeyCode::Esc));
    act(&mut state, &mut world, Action::Go(PaneId::Credentials));
    assert_eq!(state.panes.credentials.list.all().len(), before + 1);
    filter(&mut state, "made elsewhere");
    assert_eq!(shown(&state).len(), 1);
    // Its own revokes need no reading again.
    act(&mut state, &mut world, Action::Delete);
    type_text(&mut state, &mut world, "made elsewhere");
    let sent = update(&mut state, Action::Select);
    settle(&mut state, &mut world, sent);
    let again = update(&mut state, Action::Down);
    assert!(again.is_empty(), "no reload after its own write: {again:?}");
    assert_eq!(state.panes.credentials.list.all().len(), before);
}
