//! The Invitations pane: snapshots of its states and dialogs, and pure state tests of create,
//! rename and cancel.

use canopy::app::request::InvitationRequest;
use canopy::app::{Action, AppState, Loadable, PaneId, RequestKind, update};
use canopy::model::InvitationStatus;
use crossterm::event::KeyCode;
use insta::assert_snapshot;

use super::harness::{World, act, demo, key, loaded, press, render, settle, type_text};
use super::pane_kit::{form_error, kinds, loaded_in, loading_in, refresh_failing, tab};

const RECIPIENT: &str =
    "ocid1.tenancy.oc1..aaaaaaaanewpartner0000000000000000000000000000000000001";

fn invitations(read_only: bool) -> (AppState, World) {
    let (mut state, mut world) = loaded(read_only);
    act(&mut state, &mut world, Action::Go(PaneId::Invitations));
    (state, world)
}

/// Selects the invitation with this display name.
fn select(state: &mut AppState, name: &str) {
    let list = &mut state.panes.invitations.invitations;
    let id = list
        .all()
        .iter()
        .find(|i| i.display_name == name)
        .unwrap()
        .id
        .clone();
    assert!(list.select(&id));
}

#[test]
fn invitations_loading() {
    let (state, requests, _) = loading_in(PaneId::Invitations);
    assert!(kinds(&requests).contains(&RequestKind::Invitations(InvitationRequest::List)));
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
    let (mut state, mut world) = invitations(false);
    press(&mut state, &mut world, key(KeyCode::Char('c')));
    type_text(&mut state, &mut world, "ocid1.user.oc1..abc");
    tab(&mut state, &mut world);
    type_text(&mut state, &mut world, "partner");
    assert!(update(&mut state, Action::Select).is_empty());
    assert!(form_error(&state).contains("not a tenancy OCID"));
    assert_snapshot!(render(&state));
}

#[test]
fn an_invitation_is_created_with_recipient_name_and_email() {
    let (mut state, mut world) = invitations(false);
    let before = state.panes.invitations.invitations.all().len();
    act(&mut state, &mut world, Action::Create);
    type_text(&mut state, &mut world, RECIPIENT);
    tab(&mut state, &mut world);
    type_text(&mut state, &mut world, "new-partner");
    tab(&mut state, &mut world);
    type_text(&mut state, &mut world, "admin@partner");
    assert!(update(&mut state, Action::Select).is_empty());
    assert!(form_error(&state).contains("e-mail"));
    type_text(&mut state, &mut world, ".example");
    let sent = update(&mut state, Action::Select);
    let [RequestKind::Invitations(InvitationRequest::Create(d))] = &kinds(&sent)[..] else {
        panic!("expected CreateSenderInvitation, got {sent:?}");
    };
    assert_eq!(d.recipient_tenancy_id, RECIPIENT);
    assert_eq!(d.display_name.as_deref(), Some("new-partner"));
    assert_eq!(
        d.recipient_email_address.as_deref(),
        Some("admin@partner.example")
    );
    assert_eq!(d.compartment_id, world.tenancy_id);
    settle(&mut state, &mut world, sent);
    let list = &state.panes.invitations.invitations;
    assert_eq!(list.all().len(), before + 1);
    assert_eq!(list.selected().unwrap().display_name, "new-partner");
}

#[test]
fn a_tenancy_cannot_invite_itself() {
    let (mut state, mut world) = invitations(false);
    act(&mut state, &mut world, Action::Create);
    let own = world.tenancy_id.clone();
    type_text(&mut state, &mut world, &own);
    tab(&mut state, &mut world);
    type_text(&mut state, &mut world, "self");
    assert!(update(&mut state, Action::Select).is_empty());
    assert!(form_error(&state).contains("itself"));
}

#[test]
fn renaming_sends_the_display_name() {
    let (mut state, mut world) = invitations(false);
    act(&mut state, &mut world, Action::Edit);
    type_text(&mut state, &mut world, "-2");
    let sent = update(&mut state, Action::Select);
    let [RequestKind::Invitations(InvitationRequest::Update { details, .. })] = &kinds(&sent)[..]
    else {
        panic!("expected UpdateSenderInvitation, got {sent:?}");
    };
    assert!(details.display_name.as_deref().unwrap().ends_with("-2"));
}

#[test]
fn only_a_pending_invitation_can_be_cancelled() {
    let (mut state, _) = invitations(false);
    select(&mut state, "acme-research");
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
    let (mut state, mut world) = invitations(false);
    select(&mut state, "acme-emea");
    press(&mut state, &mut world, key(KeyCode::Char('D')));
    assert_snapshot!(render(&state));
    type_text(&mut state, &mut world, "acme-eme");
    assert!(update(&mut state, Action::Select).is_empty());
    type_text(&mut state, &mut world, "a");
    let sent = update(&mut state, Action::Select);
    assert!(matches!(
        &kinds(&sent)[..],
        [RequestKind::Invitations(InvitationRequest::Cancel { .. })]
    ));
    settle(&mut state, &mut world, sent);
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

/// A creating invitation changes on the service's side by itself: the list reads itself
/// again every 2 s (8 ticks) until none is in transition, and not once they all settled.
#[test]
fn a_creating_invitation_is_read_again_until_it_settles() {
    let (mut state, mut world) = invitations(false);
    let ticks = |state: &mut canopy::app::AppState| {
        (0..8)
            .flat_map(|_| update(state, Action::Tick))
            .collect::<Vec<_>>()
    };
    assert!(
        ticks(&mut state).is_empty(),
        "nothing is settling: no reads"
    );
    if let Some(items) = state.panes.invitations.invitations.items.data_mut() {
        items[0].lifecycle_state = canopy::model::LifecycleState::Creating;
    }
    let sent = ticks(&mut state);
    assert!(
        sent.iter()
            .any(|r| r.kind == RequestKind::Invitations(InvitationRequest::List)),
        "{sent:?}"
    );
    // The answer (the emulator's list: all settled) stops the reads.
    settle(&mut state, &mut world, sent);
    assert!(ticks(&mut state).is_empty());
}
