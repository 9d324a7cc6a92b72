//! The Identity pane: snapshots of its states and dialogs, and pure state tests of every
//! write (state + action -> state + requests).

use canopy::app::panes::identity::{IdentityFocus, IdentityTab, MemberRow};
use canopy::app::request::{CredentialRequest, IdentityRequest};
use canopy::app::{
    Action, ApiKeySource, AppState, Loadable, PaneId, Payload, Request, RequestKind, update,
};
use crossterm::event::KeyCode;
use insta::assert_snapshot;

use super::harness::{World, act, demo, fresh, key, loaded, press, render, settle, type_text};
use super::pane_kit::{enter, form_error, kinds, loading_in, refresh_failing, tab, upload_key};

/// The demo tenancy loaded, with the Identity pane focused and its lists loaded.
fn identity(read_only: bool) -> (AppState, World) {
    let (mut state, mut world) = loaded(read_only);
    act(&mut state, &mut world, Action::Go(PaneId::Identity));
    (state, world)
}

fn id(request: IdentityRequest) -> RequestKind {
    RequestKind::Identity(request)
}

/// The members list of the selection (a user's groups or a group's members).
fn member_rows(state: &AppState) -> Vec<MemberRow> {
    state
        .panes
        .identity
        .members
        .visible()
        .into_iter()
        .cloned()
        .collect()
}

/// Applies an action and returns what it asks for, unanswered.
fn requests(state: &mut AppState, action: Action) -> Vec<Request> {
    update(state, action)
}

fn first_user_name(state: &AppState) -> String {
    state.panes.identity.users.selected().unwrap().name.clone()
}

#[test]
fn identity_loading() {
    let (state, requests, _) = loading_in(PaneId::Identity);
    assert!(kinds(&requests).contains(&id(IdentityRequest::ListUsers)));
    assert!(kinds(&requests).contains(&id(IdentityRequest::ListGroups)));
    assert!(
        !kinds(&requests).iter().any(|k| matches!(
            k,
            RequestKind::Identity(IdentityRequest::ListMemberships { .. })
        )),
        "memberships wait for the groups"
    );
    assert_snapshot!(render(&state));
}

#[test]
fn memberships_are_listed_for_every_group_once_the_groups_arrive() {
    let mut world = super::harness::world(demo());
    let (mut state, mut first) = fresh(&world, false);
    first.extend(update(&mut state, Action::Go(PaneId::Identity)));
    let groups = first
        .iter()
        .find(|r| r.kind == id(IdentityRequest::ListGroups))
        .unwrap()
        .clone();
    let mut next = Vec::new();
    for response in super::harness::answer(&mut world, &groups) {
        next.extend(canopy::app::apply_response(&mut state, response));
    }
    let [RequestKind::Identity(IdentityRequest::ListMemberships { group_ids })] = &kinds(&next)[..]
    else {
        panic!("expected the membership listing, got {next:?}");
    };
    assert_eq!(group_ids.len(), world.snapshot().groups.len());
}

#[test]
fn identity_users_loaded() {
    let (state, _) = identity(false);
    assert_snapshot!(render(&state));
}

#[test]
fn identity_users_empty() {
    // The emulator needs a user to sign as: the empty listing is the answer to a refresh.
    let (mut state, _) = identity(false);
    for r in update(&mut state, Action::Refresh) {
        let result = if r.kind == id(IdentityRequest::ListUsers) {
            Ok(Payload::items(Vec::<canopy::model::User>::new()))
        } else {
            Ok(Payload::items(Vec::<canopy::model::Group>::new()))
        };
        let done = canopy::app::Response {
            id: r.id,
            pane: r.pane,
            done: true,
            result,
        };
        canopy::app::apply_response(&mut state, done);
    }
    assert_snapshot!(render(&state));
}

#[test]
fn identity_users_failed() {
    let (mut state, _) = identity(false);
    refresh_failing(&mut state, 401, "NotAuthenticated");
    assert!(matches!(
        state.panes.identity.users.items,
        Loadable::Failed(_)
    ));
    assert_snapshot!(render(&state));
}

#[test]
fn identity_user_groups() {
    let (mut state, mut world) = identity(false);
    enter(&mut state, &mut world);
    assert_eq!(state.panes.identity.focus, IdentityFocus::Members);
    assert_snapshot!(render(&state));
}

#[test]
fn identity_group_members() {
    let (mut state, mut world) = identity(false);
    press(&mut state, &mut world, key(KeyCode::Char(']')));
    assert_eq!(state.panes.identity.tab, IdentityTab::Groups);
    enter(&mut state, &mut world);
    assert_snapshot!(render(&state));
}

#[test]
fn the_lists_switch_from_the_members_too() {
    let (mut state, mut world) = identity(false);
    enter(&mut state, &mut world);
    press(&mut state, &mut world, key(KeyCode::Char(']')));
    assert_eq!(state.panes.identity.tab, IdentityTab::Groups);
    assert_eq!(state.panes.identity.focus, IdentityFocus::List);
}

#[test]
fn identity_dynamic_groups() {
    let (mut state, mut world) = identity(false);
    act(&mut state, &mut world, Action::Command("dg".into()));
    assert_eq!(state.panes.identity.tab, IdentityTab::DynamicGroups);
    assert!(state.panes.identity.dynamic_groups.items.is_loaded());
    assert_snapshot!(render(&state));
}

#[test]
fn identity_pick_a_group() {
    let (mut state, mut world) = identity(false);
    enter(&mut state, &mut world);
    press(&mut state, &mut world, key(KeyCode::Char('a')));
    assert_eq!(state.panes.identity.focus, IdentityFocus::Pick);
    assert_snapshot!(render(&state));
}

#[test]
fn identity_api_keys() {
    let (mut state, mut world) = identity(false);
    let user = state
        .panes
        .identity
        .users
        .selected()
        .unwrap()
        .id
        .to_string();
    upload_key(&world, &user);
    press(&mut state, &mut world, key(KeyCode::Char('K')));
    assert_eq!(state.panes.identity.focus, IdentityFocus::Credentials);
    assert_snapshot!(render(&state));
}

#[test]
fn identity_create_user_form_refuses_an_empty_name() {
    let (mut state, mut world) = identity(false);
    press(&mut state, &mut world, key(KeyCode::Char('c')));
    let sent = requests(&mut state, Action::Select);
    assert!(sent.is_empty());
    assert_snapshot!(render(&state));
}

#[test]
fn identity_capabilities_dialog() {
    let (mut state, mut world) = identity(false);
    press(&mut state, &mut world, key(KeyCode::Char('C')));
    assert_snapshot!(render(&state));
}

#[test]
fn identity_remove_membership_confirmation() {
    let (mut state, mut world) = identity(false);
    enter(&mut state, &mut world);
    press(&mut state, &mut world, key(KeyCode::Char('D')));
    assert_snapshot!(render(&state));
}

#[test]
fn identity_password_shown_once() {
    let (mut state, mut world) = identity(false);
    press(&mut state, &mut world, key(KeyCode::Char('P')));
    let sent = requests(&mut state, Action::Select);
    assert!(matches!(
        kinds(&sent)[..],
        [RequestKind::Credentials(
            CredentialRequest::ResetUiPassword { .. }
        )]
    ));
    let responses = super::harness::answer(&mut world, &sent[0]);
    let Some(Ok(Payload::Secret { secret, .. })) = responses.last().map(|r| &r.result) else {
        panic!("a password, got {responses:?}");
    };
    let password = secret.expose().to_string();
    // Nothing that can be logged shows the password.
    assert!(!format!("{responses:?}").contains(&password));
    for r in responses {
        canopy::app::apply_response(&mut state, r);
    }
    let screen = render(&state);
    assert!(screen.contains(&password));
    assert_snapshot!(screen.replace(&password, &"*".repeat(password.chars().count())));
    // `y` copies it as a secret (never in a log), and the toast does not show it.
    press(&mut state, &mut world, key(KeyCode::Char('y')));
    assert!(state.ctx.effects.iter().any(|e| matches!(e,
        canopy::app::Effect::CopySecret(s) if s.expose() == password)));
    assert!(!format!("{:?}", state.ctx.effects).contains(&password));
    press(&mut state, &mut world, key(KeyCode::Esc));
    assert!(state.ctx.modal.is_none() && state.ctx.closed_form.is_none());
    assert!(!render(&state).contains(&password));
}

#[test]
fn adding_a_user_to_a_group_sends_the_membership_and_shows_it() {
    let (mut state, mut world) = identity(false);
    let user = state
        .panes
        .identity
        .users
        .selected()
        .unwrap()
        .id
        .to_string();
    let before = member_rows(&state).len();
    enter(&mut state, &mut world);
    press(&mut state, &mut world, key(KeyCode::Char('a')));
    act(&mut state, &mut world, Action::Filter);
    type_text(&mut state, &mut world, "Developers");
    enter(&mut state, &mut world);
    let developers = world
        .snapshot()
        .groups
        .into_iter()
        .find(|g| g.name == "Developers")
        .unwrap()
        .id
        .clone();
    let sent = requests(&mut state, Action::Select);
    let [RequestKind::Identity(IdentityRequest::AddUserToGroup(details))] = &kinds(&sent)[..]
    else {
        panic!("expected one AddUserToGroup, got {sent:?}");
    };
    assert_eq!((&details.user_id, &details.group_id), (&user, &developers));
    settle(&mut state, &mut world, sent);
    assert_eq!(state.panes.identity.focus, IdentityFocus::Members);
    let rows = member_rows(&state);
    assert_eq!(rows.len(), before + 1);
    assert!(rows.iter().any(|r| r.other_name == "Developers"));
    assert!(state.ctx.toasts.current().unwrap().text.contains("added"));
}

#[test]
fn removing_a_membership_needs_the_name_typed() {
    let (mut state, mut world) = identity(false);
    enter(&mut state, &mut world);
    let row = member_rows(&state)[0].clone();
    press(&mut state, &mut world, key(KeyCode::Char('D')));
    type_text(&mut state, &mut world, "nope");
    assert!(
        requests(&mut state, Action::Select).is_empty(),
        "wrong name: nothing sent"
    );
    for _ in 0..4 {
        press(&mut state, &mut world, key(KeyCode::Backspace));
    }
    type_text(&mut state, &mut world, &row.other_name);
    let sent = requests(&mut state, Action::Select);
    assert_eq!(
        kinds(&sent),
        vec![id(IdentityRequest::RemoveUserFromGroup {
            membership_id: row.membership_id.clone()
        })]
    );
    settle(&mut state, &mut world, sent);
    assert!(
        !member_rows(&state)
            .iter()
            .any(|r| r.membership_id == row.membership_id)
    );
}

#[test]
fn creating_a_user_checks_each_field() {
    let (mut state, mut world) = identity(false);
    press(&mut state, &mut world, key(KeyCode::Char('c')));
    type_text(&mut state, &mut world, "new.person");
    tab(&mut state, &mut world);
    let sent = requests(&mut state, Action::Select);
    assert!(sent.is_empty());
    assert!(
        form_error(&state).contains("Description cannot be empty"),
        "{}",
        form_error(&state)
    );
    type_text(&mut state, &mut world, "A new person");
    tab(&mut state, &mut world);
    type_text(&mut state, &mut world, "not-an-email");
    assert!(requests(&mut state, Action::Select).is_empty());
    assert!(
        form_error(&state).contains("not an e-mail address"),
        "{}",
        form_error(&state)
    );
    for _ in 0.."not-an-email".len() {
        press(&mut state, &mut world, key(KeyCode::Backspace));
    }
    type_text(&mut state, &mut world, "new@acme-corp.com");
    let sent = requests(&mut state, Action::Select);
    let [RequestKind::Identity(IdentityRequest::CreateUser(d))] = &kinds(&sent)[..] else {
        panic!("expected CreateUser, got {sent:?}");
    };
    assert_eq!(d.name, "new.person");
    assert_eq!(d.email.as_deref(), Some("new@acme-corp.com"));
    assert_eq!(d.compartment_id, world.tenancy_id);
    settle(&mut state, &mut world, sent);
    assert_eq!(
        first_user_name(&state),
        "new.person",
        "the new user is selected"
    );
}

#[test]
fn a_pasted_name_keeps_no_control_characters() {
    let (mut state, mut world) = identity(false);
    act(&mut state, &mut world, Action::NextTab);
    act(&mut state, &mut world, Action::Create);
    act(
        &mut state,
        &mut world,
        Action::Paste("evil\u{1b}[2J\u{7}name".into()),
    );
    tab(&mut state, &mut world);
    type_text(&mut state, &mut world, "group");
    let sent = requests(&mut state, Action::Select);
    let [RequestKind::Identity(IdentityRequest::CreateGroup(d))] = &kinds(&sent)[..] else {
        panic!("expected CreateGroup, got {sent:?}");
    };
    assert_eq!(d.name, "evil[2Jname");
}

#[test]
fn blocking_asks_first_and_unblocking_does_not() {
    let (mut state, mut world) = identity(false);
    let user = state
        .panes
        .identity
        .users
        .selected()
        .unwrap()
        .id
        .to_string();
    press(&mut state, &mut world, key(KeyCode::Char('b')));
    let sent = requests(&mut state, Action::Select);
    assert_eq!(
        kinds(&sent),
        vec![id(IdentityRequest::UpdateUserState {
            id: user.clone(),
            blocked: true
        })]
    );
    settle(&mut state, &mut world, sent);
    assert!(state.panes.identity.users.selected().unwrap().is_blocked());
    let sent = requests(&mut state, Action::Block);
    assert_eq!(
        kinds(&sent),
        vec![id(IdentityRequest::UpdateUserState {
            id: user,
            blocked: false
        })]
    );
}

#[test]
fn a_capability_toggles_alone() {
    let (mut state, mut world) = identity(false);
    press(&mut state, &mut world, key(KeyCode::Char('C')));
    press(&mut state, &mut world, key(KeyCode::Down));
    let sent = requests(&mut state, Action::Select);
    let [RequestKind::Identity(IdentityRequest::UpdateUserCapabilities { details, .. })] =
        &kinds(&sent)[..]
    else {
        panic!("expected a capabilities update, got {sent:?}");
    };
    assert_eq!(details.can_use_api_keys, Some(false));
    assert_eq!(details.can_use_console_password, None);
    settle(&mut state, &mut world, sent);
    let caps = state
        .panes
        .identity
        .users
        .selected()
        .unwrap()
        .capabilities
        .clone();
    assert!(!caps.unwrap().can_use_api_keys);
    // The checklist is open again, on the same line, showing the change.
    let modal = state.ctx.modal.as_ref().expect("the checklist again");
    let canopy::app::widgets::modal::ModalKind::Choice {
        options, selected, ..
    } = &modal.kind
    else {
        panic!("a choice, got {modal:?}");
    };
    assert_eq!(*selected, 1);
    assert_eq!(options[1], "[ ] API keys (none held)");
}

#[test]
fn read_only_reaches_no_write() {
    let (mut state, mut world) = identity(true);
    for action in [
        Action::Create,
        Action::Delete,
        Action::Block,
        Action::ResetPassword,
    ] {
        assert!(requests(&mut state, action).is_empty());
        assert!(state.ctx.modal.is_none());
    }
    enter(&mut state, &mut world);
    assert!(requests(&mut state, Action::Add).is_empty());
    assert_eq!(state.panes.identity.focus, IdentityFocus::Members);
    assert!(
        state
            .ctx
            .toasts
            .current()
            .unwrap()
            .text
            .contains("read-only")
    );
}

#[test]
fn an_api_key_pasted_on_one_line_is_uploaded_as_pem() {
    use rand::SeedableRng;
    use rsa::pkcs8::{EncodePublicKey, LineEnding};
    let mut rng = rand::rngs::StdRng::seed_from_u64(1);
    let pem = rsa::RsaPrivateKey::new(&mut rng, 512)
        .unwrap()
        .to_public_key()
        .to_public_key_pem(LineEnding::LF)
        .unwrap();
    let (mut state, mut world) = identity(false);
    press(&mut state, &mut world, key(KeyCode::Char('K')));
    press(&mut state, &mut world, key(KeyCode::Char('c')));
    act(&mut state, &mut world, Action::Paste(pem.clone()));
    let sent = requests(&mut state, Action::Select);
    let [RequestKind::Credentials(CredentialRequest::UploadApiKey { key: source, .. })] =
        &kinds(&sent)[..]
    else {
        panic!("expected an upload, got {sent:?}");
    };
    assert_eq!(source, &ApiKeySource::Pem(pem));
    settle(&mut state, &mut world, sent);
    assert_eq!(state.panes.identity.creds.all().len(), 1);

    // A path goes to the worker to read: a missing file comes back beside the field, and
    // the form keeps what was typed.
    press(&mut state, &mut world, key(KeyCode::Char('c')));
    type_text(&mut state, &mut world, "/nonexistent/key.pem");
    let sent = requests(&mut state, Action::Select);
    assert!(matches!(
        &kinds(&sent)[..],
        [RequestKind::Credentials(CredentialRequest::UploadApiKey { key: ApiKeySource::File(p), .. })] if p.to_str() == Some("/nonexistent/key.pem")
    ));
    settle(&mut state, &mut world, sent);
    assert!(
        form_error(&state).contains("cannot read"),
        "{}",
        form_error(&state)
    );
    assert_eq!(
        super::pane_kit::form(&state).fields[0].input.text(),
        "/nonexistent/key.pem"
    );
    // A private key is refused on the spot.
    press(&mut state, &mut world, super::harness::ctrl('u'));
    act(
        &mut state,
        &mut world,
        Action::Paste("-----BEGIN PRIVATE KEY-----AAAA-----END PRIVATE KEY-----".into()),
    );
    assert!(requests(&mut state, Action::Select).is_empty());
    assert!(
        form_error(&state).contains("private key"),
        "{}",
        form_error(&state)
    );
}

#[test]
fn deleting_an_api_key_needs_the_fingerprint_end() {
    let (mut state, mut world) = identity(false);
    let user = state
        .panes
        .identity
        .users
        .selected()
        .unwrap()
        .id
        .to_string();
    let fingerprint = upload_key(&world, &user);
    press(&mut state, &mut world, key(KeyCode::Char('K')));
    press(&mut state, &mut world, key(KeyCode::Char('D')));
    type_text(
        &mut state,
        &mut world,
        &fingerprint[fingerprint.len() - 11..],
    );
    let sent = requests(&mut state, Action::Select);
    assert_eq!(
        kinds(&sent),
        vec![RequestKind::Credentials(CredentialRequest::Delete {
            user_id: user,
            kind: canopy::model::CredentialKind::ApiKey,
            id: fingerprint.clone()
        })]
    );
    settle(&mut state, &mut world, sent);
    assert!(state.panes.identity.creds.all().is_empty());
}

#[test]
fn deleting_a_user_drops_it() {
    let (mut state, mut world) = identity(false);
    // The service refuses to delete a user still in a group: a new one is in none.
    act(&mut state, &mut world, Action::Create);
    type_text(&mut state, &mut world, "temp.contractor");
    tab(&mut state, &mut world);
    type_text(&mut state, &mut world, "Leaves today");
    enter(&mut state, &mut world);
    assert_eq!(first_user_name(&state), "temp.contractor");
    let name = first_user_name(&state);
    let user = state
        .panes
        .identity
        .users
        .selected()
        .unwrap()
        .id
        .to_string();
    press(&mut state, &mut world, key(KeyCode::Char('D')));
    type_text(&mut state, &mut world, &name);
    let sent = requests(&mut state, Action::Select);
    assert_eq!(
        kinds(&sent),
        vec![id(IdentityRequest::DeleteUser { id: user.clone() })]
    );
    settle(&mut state, &mut world, sent);
    assert!(state.panes.identity.users.find(&user).is_none());
    let memberships = state.ctx.memberships.data().unwrap();
    assert!(!memberships.iter().any(|m| m.user_id == user));
}

#[test]
fn a_group_edit_sends_only_its_description() {
    let (mut state, mut world) = identity(false);
    act(&mut state, &mut world, Action::Command("grp".into()));
    act(&mut state, &mut world, Action::Edit);
    assert!(
        requests(&mut state, Action::Select).is_empty(),
        "nothing changed"
    );
    act(&mut state, &mut world, Action::Edit);
    type_text(&mut state, &mut world, " (edited)");
    let sent = requests(&mut state, Action::Select);
    let [RequestKind::Identity(IdentityRequest::UpdateGroup { details, .. })] = &kinds(&sent)[..]
    else {
        panic!("expected UpdateGroup, got {sent:?}");
    };
    assert!(
        details
            .description
            .as_deref()
            .unwrap()
            .ends_with(" (edited)")
    );
}

#[test]
fn dynamic_groups_check_their_matching_rule() {
    let (mut state, mut world) = identity(false);
    act(&mut state, &mut world, Action::Command("dg".into()));
    act(&mut state, &mut world, Action::Create);
    type_text(&mut state, &mut world, "build-runners");
    tab(&mut state, &mut world);
    type_text(&mut state, &mut world, "CI runners");
    tab(&mut state, &mut world);
    type_text(&mut state, &mut world, "ALL {instance.compartment.id = 'x'");
    assert!(requests(&mut state, Action::Select).is_empty());
    assert!(
        form_error(&state).contains("do not pair up"),
        "{}",
        form_error(&state)
    );
    type_text(&mut state, &mut world, "}");
    let sent = requests(&mut state, Action::Select);
    assert!(
        matches!(&kinds(&sent)[..], [RequestKind::Identity(IdentityRequest::CreateDynamicGroup(d))] if d.matching_rule.ends_with("'x'}"))
    );
    settle(&mut state, &mut world, sent);
    assert_eq!(
        state.panes.identity.dynamic_groups.selected().unwrap().name,
        "build-runners"
    );
}

#[test]
fn identity_block_dialog() {
    let (mut state, mut world) = identity(false);
    press(&mut state, &mut world, key(KeyCode::Char('b')));
    assert_snapshot!(render(&state));
}

#[test]
fn identity_upload_key_form() {
    let (mut state, mut world) = identity(false);
    press(&mut state, &mut world, key(KeyCode::Char('K')));
    press(&mut state, &mut world, key(KeyCode::Char('c')));
    type_text(&mut state, &mut world, "~/.oci/ana_public.pem");
    assert_snapshot!(render(&state));
}

#[test]
fn a_user_edit_sends_only_what_changed() {
    let (mut state, mut world) = identity(false);
    let user = state
        .panes
        .identity
        .users
        .selected()
        .unwrap()
        .id
        .to_string();
    act(&mut state, &mut world, Action::Edit);
    tab(&mut state, &mut world);
    press(&mut state, &mut world, super::harness::ctrl('u'));
    type_text(&mut state, &mut world, "new@acme-corp.com");
    let sent = requests(&mut state, Action::Select);
    let [
        RequestKind::Identity(IdentityRequest::UpdateUser {
            id: sent_id,
            details,
            if_match,
        }),
    ] = &kinds(&sent)[..]
    else {
        panic!("expected UpdateUser, got {sent:?}");
    };
    assert_eq!(sent_id, &user);
    assert!(
        if_match.is_some(),
        "the update is conditional on the etag the form read"
    );
    assert_eq!(details.email.as_deref(), Some("new@acme-corp.com"));
    assert_eq!(details.description, None, "the description did not change");
    settle(&mut state, &mut world, sent);
    let user = state.panes.identity.users.selected().unwrap();
    assert_eq!(user.email.as_deref(), Some("new@acme-corp.com"));
}

#[test]
fn a_group_is_created_and_deleting_one_with_members_shows_the_service_error() {
    let (mut state, mut world) = identity(false);
    act(&mut state, &mut world, Action::Command("grp".into()));
    act(&mut state, &mut world, Action::Create);
    type_text(&mut state, &mut world, "Auditors");
    tab(&mut state, &mut world);
    type_text(&mut state, &mut world, "External auditors");
    let sent = requests(&mut state, Action::Select);
    assert!(
        matches!(&kinds(&sent)[..], [RequestKind::Identity(IdentityRequest::CreateGroup(d))] if d.name == "Auditors")
    );
    settle(&mut state, &mut world, sent);
    assert_eq!(
        state.panes.identity.groups.selected().unwrap().name,
        "Auditors"
    );

    // A group with members: the service refuses, and the toast says how and where.
    act(&mut state, &mut world, Action::Top);
    let group = state.panes.identity.groups.selected().unwrap().clone();
    act(&mut state, &mut world, Action::Delete);
    type_text(&mut state, &mut world, &group.name);
    let sent = requests(&mut state, Action::Select);
    assert_eq!(
        kinds(&sent),
        vec![id(IdentityRequest::DeleteGroup {
            id: group.id.clone()
        })]
    );
    settle(&mut state, &mut world, sent);
    let toast = state.ctx.toasts.current().unwrap().text.clone();
    assert!(toast.contains("409 Conflict"), "{toast}");
    assert!(toast.contains("opc-request-id"), "{toast}");
    assert!(
        state.panes.identity.groups.find(&group.id).is_some(),
        "still listed"
    );
}

#[test]
fn a_dynamic_group_is_updated_and_deleted() {
    let (mut state, mut world) = identity(false);
    act(&mut state, &mut world, Action::Command("dg".into()));
    let dg = state
        .panes
        .identity
        .dynamic_groups
        .selected()
        .unwrap()
        .clone();
    act(&mut state, &mut world, Action::Edit);
    tab(&mut state, &mut world);
    press(&mut state, &mut world, super::harness::ctrl('u'));
    type_text(&mut state, &mut world, "ANY {resource.type = 'fnfunc'}");
    let sent = requests(&mut state, Action::Select);
    let [RequestKind::Identity(IdentityRequest::UpdateDynamicGroup { details, .. })] =
        &kinds(&sent)[..]
    else {
        panic!("expected UpdateDynamicGroup, got {sent:?}");
    };
    assert_eq!(
        details.matching_rule.as_deref(),
        Some("ANY {resource.type = 'fnfunc'}")
    );
    assert_eq!(details.description, None);
    settle(&mut state, &mut world, sent);
    act(&mut state, &mut world, Action::Delete);
    type_text(&mut state, &mut world, &dg.name);
    let sent = requests(&mut state, Action::Select);
    assert_eq!(
        kinds(&sent),
        vec![id(IdentityRequest::DeleteDynamicGroup {
            id: dg.id.clone()
        })]
    );
    settle(&mut state, &mut world, sent);
    assert!(state.panes.identity.dynamic_groups.find(&dg.id).is_none());
}
