//! The Identity pane: snapshots of its states and dialogs, and pure state tests of every
//! write (state + action -> state + requests).

use canopy::app::identity::{IdentityFocus, IdentityView};
use canopy::app::modal::ModalKind;
use canopy::app::{Action, ApiKeySource, AppState, Loadable, PaneId, Request, RequestKind, update};
use canopy::model::Snapshot;
use crossterm::event::KeyCode;
use insta::assert_snapshot;

use super::answers::{PASSWORD, seed_key};
use super::harness::{act, demo, fresh, key, loaded, press, render, settle, type_text};
use super::pane_kit::{enter, form_error, kinds, loaded_in, loading_in, refresh_failing, tab};

/// The demo tenancy loaded, with the Identity pane focused and its lists loaded.
fn identity(read_only: bool) -> (AppState, Snapshot) {
    let (mut state, mut snapshot) = loaded(read_only);
    act(&mut state, &mut snapshot, Action::Go(PaneId::Identity));
    (state, snapshot)
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
    let (state, requests) = loading_in(PaneId::Identity);
    assert!(kinds(&requests).contains(&RequestKind::ListUsers));
    assert!(kinds(&requests).contains(&RequestKind::ListGroups));
    assert!(
        !kinds(&requests)
            .iter()
            .any(|k| matches!(k, RequestKind::ListMemberships { .. })),
        "memberships wait for the groups"
    );
    assert_snapshot!(render(&state));
}

#[test]
fn memberships_are_listed_for_every_group_once_the_groups_arrive() {
    let mut snapshot = demo();
    let (mut state, mut first) = fresh(&snapshot, false);
    first.extend(update(&mut state, Action::Go(PaneId::Identity)));
    let groups = first
        .iter()
        .find(|r| r.kind == RequestKind::ListGroups)
        .unwrap()
        .clone();
    let mut next = Vec::new();
    for response in super::harness::answer(&mut snapshot, &groups) {
        next.extend(canopy::app::apply_response(&mut state, response));
    }
    let [RequestKind::ListMemberships { group_ids }] = &kinds(&next)[..] else {
        panic!("expected the membership listing, got {next:?}");
    };
    assert_eq!(group_ids.len(), snapshot.groups.len());
}

#[test]
fn identity_users_loaded() {
    let (state, _) = identity(false);
    assert_snapshot!(render(&state));
}

#[test]
fn identity_users_empty() {
    let mut snapshot = demo();
    snapshot.users.clear();
    snapshot.memberships.clear();
    let (state, _) = loaded_in(snapshot, PaneId::Identity);
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
    let (mut state, mut snapshot) = identity(false);
    enter(&mut state, &mut snapshot);
    assert_eq!(state.panes.identity.focus, IdentityFocus::Members);
    assert_snapshot!(render(&state));
}

#[test]
fn identity_group_members() {
    let (mut state, mut snapshot) = identity(false);
    press(&mut state, &mut snapshot, key(KeyCode::Char(']')));
    assert_eq!(state.panes.identity.view, IdentityView::Groups);
    enter(&mut state, &mut snapshot);
    assert_snapshot!(render(&state));
}

#[test]
fn the_lists_switch_from_the_members_too() {
    let (mut state, mut snapshot) = identity(false);
    enter(&mut state, &mut snapshot);
    press(&mut state, &mut snapshot, key(KeyCode::Char(']')));
    assert_eq!(state.panes.identity.view, IdentityView::Groups);
    assert_eq!(state.panes.identity.focus, IdentityFocus::List);
}

#[test]
fn identity_dynamic_groups() {
    let (mut state, mut snapshot) = identity(false);
    act(&mut state, &mut snapshot, Action::Command("dg".into()));
    assert_eq!(state.panes.identity.view, IdentityView::DynamicGroups);
    assert!(state.panes.identity.dynamic_groups.items.is_loaded());
    assert_snapshot!(render(&state));
}

#[test]
fn identity_pick_a_group() {
    let (mut state, mut snapshot) = identity(false);
    enter(&mut state, &mut snapshot);
    press(&mut state, &mut snapshot, key(KeyCode::Char('a')));
    assert_eq!(state.panes.identity.focus, IdentityFocus::Pick);
    assert_snapshot!(render(&state));
}

#[test]
fn identity_api_keys() {
    let (mut state, mut snapshot) = identity(false);
    let user = state.panes.identity.users.selected().unwrap().id.clone();
    seed_key(&user, "11:22:33:44:55:66:77:88:99:aa:bb:cc:dd:ee:ff:00");
    press(&mut state, &mut snapshot, key(KeyCode::Char('K')));
    assert_eq!(state.panes.identity.focus, IdentityFocus::ApiKeys);
    assert_snapshot!(render(&state));
}

#[test]
fn identity_create_user_form_refuses_an_empty_name() {
    let (mut state, mut snapshot) = identity(false);
    press(&mut state, &mut snapshot, key(KeyCode::Char('c')));
    let sent = requests(&mut state, Action::Select);
    assert!(sent.is_empty());
    assert_snapshot!(render(&state));
}

#[test]
fn identity_capabilities_dialog() {
    let (mut state, mut snapshot) = identity(false);
    press(&mut state, &mut snapshot, key(KeyCode::Char('C')));
    assert_snapshot!(render(&state));
}

#[test]
fn identity_remove_membership_confirmation() {
    let (mut state, mut snapshot) = identity(false);
    enter(&mut state, &mut snapshot);
    press(&mut state, &mut snapshot, key(KeyCode::Char('D')));
    assert_snapshot!(render(&state));
}

#[test]
fn identity_password_shown_once() {
    let (mut state, mut snapshot) = identity(false);
    press(&mut state, &mut snapshot, key(KeyCode::Char('P')));
    let sent = requests(&mut state, Action::Select);
    assert!(matches!(
        kinds(&sent)[..],
        [RequestKind::ResetUiPassword { .. }]
    ));
    // Nothing that can be logged shows the password.
    let responses = super::answers::answer(&mut snapshot, &sent[0]);
    assert!(!format!("{responses:?}").contains(PASSWORD));
    for r in responses {
        canopy::app::apply_response(&mut state, r);
    }
    let screen = render(&state);
    assert!(screen.contains(PASSWORD));
    assert_snapshot!(screen);
    press(&mut state, &mut snapshot, key(KeyCode::Esc));
    assert!(state.ctx.modal.is_none() && state.ctx.closed_modal.is_none());
    assert!(!render(&state).contains(PASSWORD));
}

#[test]
fn adding_a_user_to_a_group_sends_the_membership_and_shows_it() {
    let (mut state, mut snapshot) = identity(false);
    let user = state.panes.identity.users.selected().unwrap().id.clone();
    let before = state.panes.identity.member_rows().len();
    enter(&mut state, &mut snapshot);
    press(&mut state, &mut snapshot, key(KeyCode::Char('a')));
    act(&mut state, &mut snapshot, Action::Filter);
    type_text(&mut state, &mut snapshot, "Developers");
    enter(&mut state, &mut snapshot);
    let developers = snapshot
        .groups
        .iter()
        .find(|g| g.name == "Developers")
        .unwrap()
        .id
        .clone();
    let sent = requests(&mut state, Action::Select);
    let [RequestKind::AddUserToGroup(details)] = &kinds(&sent)[..] else {
        panic!("expected one AddUserToGroup, got {sent:?}");
    };
    assert_eq!((&details.user_id, &details.group_id), (&user, &developers));
    settle(&mut state, &mut snapshot, sent);
    assert_eq!(state.panes.identity.focus, IdentityFocus::Members);
    let rows = state.panes.identity.member_rows();
    assert_eq!(rows.len(), before + 1);
    assert!(rows.iter().any(|r| r.other_name == "Developers"));
    assert!(state.ctx.toasts.current().unwrap().text.contains("added"));
}

#[test]
fn removing_a_membership_needs_the_name_typed() {
    let (mut state, mut snapshot) = identity(false);
    enter(&mut state, &mut snapshot);
    let row = state.panes.identity.member_rows()[0].clone();
    press(&mut state, &mut snapshot, key(KeyCode::Char('D')));
    type_text(&mut state, &mut snapshot, "nope");
    assert!(
        requests(&mut state, Action::Select).is_empty(),
        "wrong name: nothing sent"
    );
    for _ in 0..4 {
        press(&mut state, &mut snapshot, key(KeyCode::Backspace));
    }
    type_text(&mut state, &mut snapshot, &row.other_name);
    let sent = requests(&mut state, Action::Select);
    assert_eq!(
        kinds(&sent),
        vec![RequestKind::RemoveUserFromGroup {
            membership_id: row.membership_id.clone()
        }]
    );
    settle(&mut state, &mut snapshot, sent);
    assert!(
        !state
            .panes
            .identity
            .member_rows()
            .iter()
            .any(|r| r.membership_id == row.membership_id)
    );
}

#[test]
fn creating_a_user_checks_each_field() {
    let (mut state, mut snapshot) = identity(false);
    press(&mut state, &mut snapshot, key(KeyCode::Char('c')));
    type_text(&mut state, &mut snapshot, "new.person");
    tab(&mut state, &mut snapshot);
    let sent = requests(&mut state, Action::Select);
    assert!(sent.is_empty());
    assert!(
        form_error(&state).contains("description cannot be empty"),
        "{}",
        form_error(&state)
    );
    type_text(&mut state, &mut snapshot, "A new person");
    tab(&mut state, &mut snapshot);
    type_text(&mut state, &mut snapshot, "not-an-email");
    assert!(requests(&mut state, Action::Select).is_empty());
    assert!(
        form_error(&state).contains("not an e-mail address"),
        "{}",
        form_error(&state)
    );
    for _ in 0.."not-an-email".len() {
        press(&mut state, &mut snapshot, key(KeyCode::Backspace));
    }
    type_text(&mut state, &mut snapshot, "new@acme-corp.com");
    let sent = requests(&mut state, Action::Select);
    let [RequestKind::CreateUser(d)] = &kinds(&sent)[..] else {
        panic!("expected CreateUser, got {sent:?}");
    };
    assert_eq!(d.name, "new.person");
    assert_eq!(d.email.as_deref(), Some("new@acme-corp.com"));
    assert_eq!(d.compartment_id, snapshot.tenancy.id);
    settle(&mut state, &mut snapshot, sent);
    assert_eq!(
        first_user_name(&state),
        "new.person",
        "the new user is selected"
    );
}

#[test]
fn a_name_with_control_characters_is_refused() {
    let (mut state, mut snapshot) = identity(false);
    act(&mut state, &mut snapshot, Action::NextTab);
    act(&mut state, &mut snapshot, Action::Create);
    // A paste keeps no control characters; a form value set another way is still checked.
    if let Some(ModalKind::Form { fields, .. }) = state.ctx.modal.as_mut().map(|m| &mut m.kind) {
        fields[0].value = "evil\u{1b}[2J".into();
        fields[1].value = "group".into();
    }
    assert!(requests(&mut state, Action::Select).is_empty());
    assert!(
        form_error(&state).contains("control characters"),
        "{}",
        form_error(&state)
    );
}

#[test]
fn blocking_asks_first_and_unblocking_does_not() {
    let (mut state, mut snapshot) = identity(false);
    let id = state.panes.identity.users.selected().unwrap().id.clone();
    press(&mut state, &mut snapshot, key(KeyCode::Char('b')));
    let sent = requests(&mut state, Action::Select);
    assert_eq!(
        kinds(&sent),
        vec![RequestKind::UpdateUserState {
            id: id.clone(),
            blocked: true
        }]
    );
    settle(&mut state, &mut snapshot, sent);
    assert!(state.panes.identity.users.selected().unwrap().is_blocked());
    let sent = requests(&mut state, Action::Block);
    assert_eq!(
        kinds(&sent),
        vec![RequestKind::UpdateUserState { id, blocked: false }]
    );
}

#[test]
fn a_capability_toggles_alone() {
    let (mut state, mut snapshot) = identity(false);
    press(&mut state, &mut snapshot, key(KeyCode::Char('C')));
    press(&mut state, &mut snapshot, key(KeyCode::Down));
    let sent = requests(&mut state, Action::Select);
    let [RequestKind::UpdateUserCapabilities { details, .. }] = &kinds(&sent)[..] else {
        panic!("expected a capabilities update, got {sent:?}");
    };
    assert_eq!(details.can_use_api_keys, Some(false));
    assert_eq!(details.can_use_console_password, None);
    settle(&mut state, &mut snapshot, sent);
    let caps = state
        .panes
        .identity
        .users
        .selected()
        .unwrap()
        .capabilities
        .clone();
    assert!(!caps.unwrap().can_use_api_keys);
}

#[test]
fn read_only_reaches_no_write() {
    let (mut state, mut snapshot) = identity(true);
    for action in [
        Action::Create,
        Action::Delete,
        Action::Block,
        Action::ResetPassword,
    ] {
        assert!(requests(&mut state, action).is_empty());
        assert!(state.ctx.modal.is_none());
    }
    enter(&mut state, &mut snapshot);
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
    let (mut state, mut snapshot) = identity(false);
    press(&mut state, &mut snapshot, key(KeyCode::Char('K')));
    press(&mut state, &mut snapshot, key(KeyCode::Char('a')));
    act(&mut state, &mut snapshot, Action::Paste(pem.clone()));
    let sent = requests(&mut state, Action::Select);
    let [RequestKind::UploadApiKey { key: source, .. }] = &kinds(&sent)[..] else {
        panic!("expected an upload, got {sent:?}");
    };
    assert_eq!(source, &ApiKeySource::Pem(pem));
    settle(&mut state, &mut snapshot, sent);
    assert_eq!(state.panes.identity.api_keys.data().unwrap().len(), 1);

    // A path goes to the worker to read; a private key is refused on the spot.
    press(&mut state, &mut snapshot, key(KeyCode::Char('a')));
    type_text(&mut state, &mut snapshot, "/tmp/key.pem");
    let sent = requests(&mut state, Action::Select);
    assert!(matches!(
        &kinds(&sent)[..],
        [RequestKind::UploadApiKey { key: ApiKeySource::File(p), .. }] if p.to_str() == Some("/tmp/key.pem")
    ));
    press(&mut state, &mut snapshot, key(KeyCode::Char('a')));
    act(
        &mut state,
        &mut snapshot,
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
    let (mut state, mut snapshot) = identity(false);
    let user = state.panes.identity.users.selected().unwrap().id.clone();
    let fingerprint = "11:22:33:44:55:66:77:88:99:aa:bb:cc:dd:ee:ff:00";
    seed_key(&user, fingerprint);
    press(&mut state, &mut snapshot, key(KeyCode::Char('K')));
    press(&mut state, &mut snapshot, key(KeyCode::Char('D')));
    type_text(&mut state, &mut snapshot, "dd:ee:ff:00");
    let sent = requests(&mut state, Action::Select);
    assert_eq!(
        kinds(&sent),
        vec![RequestKind::DeleteApiKey {
            user_id: user,
            fingerprint: fingerprint.into()
        }]
    );
    settle(&mut state, &mut snapshot, sent);
    assert!(state.panes.identity.api_keys.data().unwrap().is_empty());
}

#[test]
fn deleting_a_user_drops_it_and_its_memberships() {
    let (mut state, mut snapshot) = identity(false);
    let name = first_user_name(&state);
    let id = state.panes.identity.users.selected().unwrap().id.clone();
    press(&mut state, &mut snapshot, key(KeyCode::Char('D')));
    type_text(&mut state, &mut snapshot, &name);
    let sent = requests(&mut state, Action::Select);
    assert_eq!(
        kinds(&sent),
        vec![RequestKind::DeleteUser { id: id.clone() }]
    );
    settle(&mut state, &mut snapshot, sent);
    assert!(state.panes.identity.users.find(&id).is_none());
    let memberships = state.panes.identity.memberships.data().unwrap();
    assert!(!memberships.iter().any(|m| m.user_id == id));
}

#[test]
fn a_group_edit_sends_only_its_description() {
    let (mut state, mut snapshot) = identity(false);
    act(&mut state, &mut snapshot, Action::Command("grp".into()));
    act(&mut state, &mut snapshot, Action::Edit);
    assert!(
        requests(&mut state, Action::Select).is_empty(),
        "nothing changed"
    );
    act(&mut state, &mut snapshot, Action::Edit);
    type_text(&mut state, &mut snapshot, " (edited)");
    let sent = requests(&mut state, Action::Select);
    let [RequestKind::UpdateGroup { details, .. }] = &kinds(&sent)[..] else {
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
    let (mut state, mut snapshot) = identity(false);
    act(&mut state, &mut snapshot, Action::Command("dg".into()));
    act(&mut state, &mut snapshot, Action::Create);
    type_text(&mut state, &mut snapshot, "build-runners");
    tab(&mut state, &mut snapshot);
    type_text(&mut state, &mut snapshot, "CI runners");
    tab(&mut state, &mut snapshot);
    type_text(
        &mut state,
        &mut snapshot,
        "ALL {instance.compartment.id = 'x'",
    );
    assert!(requests(&mut state, Action::Select).is_empty());
    assert!(
        form_error(&state).contains("do not pair up"),
        "{}",
        form_error(&state)
    );
    type_text(&mut state, &mut snapshot, "}");
    let sent = requests(&mut state, Action::Select);
    assert!(
        matches!(&kinds(&sent)[..], [RequestKind::CreateDynamicGroup(d)] if d.matching_rule.ends_with("'x'}"))
    );
    settle(&mut state, &mut snapshot, sent);
    assert_eq!(
        state.panes.identity.dynamic_groups.selected().unwrap().name,
        "build-runners"
    );
}

#[test]
fn identity_block_dialog() {
    let (mut state, mut snapshot) = identity(false);
    press(&mut state, &mut snapshot, key(KeyCode::Char('b')));
    assert_snapshot!(render(&state));
}

#[test]
fn identity_upload_key_form() {
    let (mut state, mut snapshot) = identity(false);
    press(&mut state, &mut snapshot, key(KeyCode::Char('K')));
    press(&mut state, &mut snapshot, key(KeyCode::Char('a')));
    type_text(&mut state, &mut snapshot, "~/.oci/ana_public.pem");
    assert_snapshot!(render(&state));
}

#[test]
fn a_user_edit_sends_only_what_changed() {
    let (mut state, mut snapshot) = identity(false);
    let id = state.panes.identity.users.selected().unwrap().id.clone();
    act(&mut state, &mut snapshot, Action::Edit);
    tab(&mut state, &mut snapshot);
    press(&mut state, &mut snapshot, super::harness::ctrl('u'));
    type_text(&mut state, &mut snapshot, "new@acme-corp.com");
    let sent = requests(&mut state, Action::Select);
    let [
        RequestKind::UpdateUser {
            id: sent_id,
            details,
        },
    ] = &kinds(&sent)[..]
    else {
        panic!("expected UpdateUser, got {sent:?}");
    };
    assert_eq!(sent_id, &id);
    assert_eq!(details.email.as_deref(), Some("new@acme-corp.com"));
    assert_eq!(details.description, None, "the description did not change");
    settle(&mut state, &mut snapshot, sent);
    let user = state.panes.identity.users.selected().unwrap();
    assert_eq!(user.email.as_deref(), Some("new@acme-corp.com"));
}

#[test]
fn a_group_is_created_and_deleting_one_with_members_shows_the_service_error() {
    let (mut state, mut snapshot) = identity(false);
    act(&mut state, &mut snapshot, Action::Command("grp".into()));
    act(&mut state, &mut snapshot, Action::Create);
    type_text(&mut state, &mut snapshot, "Auditors");
    tab(&mut state, &mut snapshot);
    type_text(&mut state, &mut snapshot, "External auditors");
    let sent = requests(&mut state, Action::Select);
    assert!(matches!(&kinds(&sent)[..], [RequestKind::CreateGroup(d)] if d.name == "Auditors"));
    settle(&mut state, &mut snapshot, sent);
    assert_eq!(
        state.panes.identity.groups.selected().unwrap().name,
        "Auditors"
    );

    // A group with members: the service refuses, and the toast says how and where.
    act(&mut state, &mut snapshot, Action::Top);
    let group = state.panes.identity.groups.selected().unwrap().clone();
    act(&mut state, &mut snapshot, Action::Delete);
    type_text(&mut state, &mut snapshot, &group.name);
    let sent = requests(&mut state, Action::Select);
    assert_eq!(
        kinds(&sent),
        vec![RequestKind::DeleteGroup {
            id: group.id.clone()
        }]
    );
    settle(&mut state, &mut snapshot, sent);
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
    let (mut state, mut snapshot) = identity(false);
    act(&mut state, &mut snapshot, Action::Command("dg".into()));
    let dg = state
        .panes
        .identity
        .dynamic_groups
        .selected()
        .unwrap()
        .clone();
    act(&mut state, &mut snapshot, Action::Edit);
    tab(&mut state, &mut snapshot);
    press(&mut state, &mut snapshot, super::harness::ctrl('u'));
    type_text(&mut state, &mut snapshot, "ANY {resource.type = 'fnfunc'}");
    let sent = requests(&mut state, Action::Select);
    let [RequestKind::UpdateDynamicGroup { details, .. }] = &kinds(&sent)[..] else {
        panic!("expected UpdateDynamicGroup, got {sent:?}");
    };
    assert_eq!(
        details.matching_rule.as_deref(),
        Some("ANY {resource.type = 'fnfunc'}")
    );
    assert_eq!(details.description, None);
    settle(&mut state, &mut snapshot, sent);
    act(&mut state, &mut snapshot, Action::Delete);
    type_text(&mut state, &mut snapshot, &dg.name);
    let sent = requests(&mut state, Action::Select);
    assert_eq!(
        kinds(&sent),
        vec![RequestKind::DeleteDynamicGroup { id: dg.id.clone() }]
    );
    settle(&mut state, &mut snapshot, sent);
    assert!(state.panes.identity.dynamic_groups.find(&dg.id).is_none());
}
