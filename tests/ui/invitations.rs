//! The Invitations pane: snapshots of its states and dialogs, and pure state tests of create,
//! rename and cancel.

use canopy::app::{Action, AppState, Loadable, PaneId, RequestKind, update};
use canopy::model::{InvitationStatus, Snapshot};
use crossterm::event::KeyCode;
use insta::assert_snapshot;

use super::harness::{act, demo, key, loaded, press, render, settle, type_text};
use super::pane_kit::{form_error, kinds, loaded_in, loading_in, refresh_failing, tab};

const RECIPIENT: &str =
    "ocid1.tenancy.oc1..aaaaaaaanewpartner0000000000000000000000000000000000001";

fn invitations(read_only: bool) -> (AppState, Snapshot) {
    let (mut state, mut snapshot) = loaded(read_only);
    act(&mut state, &mut snapshot, Action::Go(PaneId::Invitations));
    (state, snapshot)
}

/// Selects the invitation with this display name.
fn select(state: &mut AppState, snapshot: &mut Snapshot, name: &str) {
    let id = snapshot
        .sender_invitations
        .iter()
        .find(|i| i.display_name == name)
        .unwrap()
        .id
        .clone();
    state.panes.invitations.invitations.select(&id);
}

#[test]
fn invitations_loading() {
    let (state, requests) = loading_in(PaneId::Invitations);
    assert!(kinds(&requests).contains(&RequestKind::ListSenderInvitations));
    assert_snapshot!(render(&state));
}

#[test]
fn invitations_loaded() {
    let (state, _) = invitations(false);
    assert_snapshot!(render(&state));
}

#[test]
fn invitations_empty() {
    let mut snapshot = demo();
    snapshot.sender_invitations.clear();
    let (state, _) = loaded_in(snapshot, PaneId::Invitations);
    assert_snapshot!(render(&state));
}

#[test]
fn invitations_failed() {
    let (mut state, _) = invitations(false);
    refresh_failing(&mut state, 404, "NotAuthorizedOrNotFound");
    assert!(matches!(
        state.panes.invitations.invitations.items,
        Loadable::Failed(_)
    ));
    assert_snapshot!(render(&state));
}

#[test]
fn invitation_form_refuses_a_bad_ocid() {
    let (mut state, mut snapshot) = invitations(false);
    press(&mut state, &mut snapshot, key(KeyCode::Char('c')));
    type_text(&mut state, &mut snapshot, "ocid1.user.oc1..abc");
    tab(&mut state, &mut snapshot);
    type_text(&mut state, &mut snapshot, "partner");
    assert!(update(&mut state, Action::Select).is_empty());
    assert!(form_error(&state).contains("not a tenancy OCID"));
    assert_snapshot!(render(&state));
}

#[test]
fn an_invitation_is_created_with_recipient_name_and_email() {
    let (mut state, mut snapshot) = invitations(false);
    let before = state.panes.invitations.invitations.all().len();
    act(&mut state, &mut snapshot, Action::Create);
    type_text(&mut state, &mut snapshot, RECIPIENT);
    tab(&mut state, &mut snapshot);
    type_text(&mut state, &mut snapshot, "new-partner");
    tab(&mut state, &mut snapshot);
    type_text(&mut state, &mut snapshot, "admin@partner");
    assert!(update(&mut state, Action::Select).is_empty());
    assert!(form_error(&state).contains("e-mail"));
    type_text(&mut state, &mut snapshot, ".example");
    let sent = update(&mut state, Action::Select);
    let [RequestKind::CreateSenderInvitation(d)] = &kinds(&sent)[..] else {
        panic!("expected CreateSenderInvitation, got {sent:?}");
    };
    assert_eq!(d.recipient_tenancy_id, RECIPIENT);
    assert_eq!(d.display_name.as_deref(), Some("new-partner"));
    assert_eq!(
        d.recipient_email_address.as_deref(),
        Some("admin@partner.example")
    );
    assert_eq!(d.compartment_id, snapshot.tenancy.id);
    settle(&mut state, &mut snapshot, sent);
    let list = &state.panes.invitations.invitations;
    assert_eq!(list.all().len(), before + 1);
    assert_eq!(list.selected().unwrap().display_name, "new-partner");
}

#[test]
fn a_tenancy_cannot_invite_itself() {
    let (mut state, mut snapshot) = invitations(false);
    act(&mut state, &mut snapshot, Action::Create);
    let own = snapshot.tenancy.id.clone();
    type_text(&mut state, &mut snapshot, &own);
    tab(&mut state, &mut snapshot);
    type_text(&mut state, &mut snapshot, "self");
    assert!(update(&mut state, Action::Select).is_empty());
    assert!(form_error(&state).contains("itself"));
}

#[test]
fn renaming_sends_the_display_name() {
    let (mut state, mut snapshot) = invitations(false);
    act(&mut state, &mut snapshot, Action::Edit);
    type_text(&mut state, &mut snapshot, "-2");
    let sent = update(&mut state, Action::Select);
    let [RequestKind::UpdateSenderInvitation { details, .. }] = &kinds(&sent)[..] else {
        panic!("expected UpdateSenderInvitation, got {sent:?}");
    };
    assert!(details.display_name.as_deref().unwrap().ends_with("-2"));
}

#[test]
fn only_a_pending_invitation_can_be_cancelled() {
    let (mut state, mut snapshot) = invitations(false);
    select(&mut state, &mut snapshot, "acme-research");
    assert!(update(&mut state, Action::Delete).is_empty());
    assert!(state.ctx.modal.is_none());
    assert!(
        state
            .ctx
            .toasts
            .current()
            .unwrap()
            .text
            .contains("ACCEPTED")
    );
}

#[test]
fn cancelling_needs_the_name_typed_and_reloads_the_status() {
    let (mut state, mut snapshot) = invitations(false);
    select(&mut state, &mut snapshot, "acme-emea");
    press(&mut state, &mut snapshot, key(KeyCode::Char('D')));
    assert_snapshot!(render(&state));
    type_text(&mut state, &mut snapshot, "acme-eme");
    assert!(update(&mut state, Action::Select).is_empty());
    type_text(&mut state, &mut snapshot, "a");
    let sent = update(&mut state, Action::Select);
    assert!(matches!(
        &kinds(&sent)[..],
        [RequestKind::CancelSenderInvitation { .. }]
    ));
    settle(&mut state, &mut snapshot, sent);
    let inv = state.panes.invitations.invitations.selected().unwrap();
    assert_eq!(inv.display_name, "acme-emea");
    assert_eq!(inv.status, InvitationStatus::Canceled);
}

#[test]
fn read_only_reaches_no_invitation_write() {
    let (mut state, _) = invitations(true);
    for action in [Action::Create, Action::Edit, Action::Delete] {
        assert!(update(&mut state, action).is_empty());
        assert!(state.ctx.modal.is_none());
    }
}

#[test]
fn service_strings_are_drawn_harmlessly() {
    let mut snapshot = demo();
    snapshot.sender_invitations[0].display_name = "evil\u{1b}[2J\u{1b}]52;c;aGk=\u{7}".into();
    let (state, _) = loaded_in(snapshot, PaneId::Invitations);
    let screen = render(&state);
    assert!(!screen.contains('\u{1b}') && !screen.contains('\u{7}'));
    assert!(screen.contains("evil␛[2J"), "{screen}");
}
