//! The Identity pane in another identity domain: `d` chooses the domain, the lists show its
//! directory (read over the Identity Domains API), and a member is added to one of its groups
//! through SCIM with `if-match` on the `meta.version` the pane read.

use canopy::app::request::{DirectoryRequest, IdentityRequest};
use canopy::app::{Action, AppState, PaneId, RequestKind, update};
use crossterm::event::KeyCode;
use insta::assert_snapshot;

use super::harness::{World, act, key, loaded, press, render, settle, type_text};
use super::pane_kit::kinds;

fn partners(state: &mut AppState, world: &mut World) {
    act(state, world, Action::Go(PaneId::Identity));
    press(state, world, key(KeyCode::Char('d')));
    let screen = render(state);
    assert!(screen.contains("Identity domain"), "{screen}");
    assert!(screen.contains("Partners"), "{screen}");
    // Default first, then Partners (the INACTIVE Legacy-Apps is not offered).
    let _ = update(state, Action::Down);
    let sent = update(state, Action::Select);
    assert!(
        kinds(&sent)
            .iter()
            .any(|k| matches!(k, RequestKind::Directory(DirectoryRequest::Read { .. }))),
        "{sent:?}"
    );
    settle(state, world, sent);
}

#[test]
fn identity_in_the_partners_domain() {
    let (mut state, mut world) = loaded(false);
    partners(&mut state, &mut world);
    let pane = &state.panes.identity;
    assert_eq!(pane.domain_name(), Some("Partners"));
    let names: Vec<&str> = pane.users.all().iter().map(|u| u.name.as_str()).collect();
    assert_eq!(names.len(), 5, "{names:?}");
    assert!(names.contains(&"liam.boyd@northbridge.io"));
    assert_snapshot!(render(&state));
}

#[test]
fn adding_a_partner_to_a_partners_group_goes_through_scim_with_if_match() {
    let (mut state, mut world) = loaded(false);
    partners(&mut state, &mut world);
    let _ = update(&mut state, Action::NextTab);
    let readonly = state
        .panes
        .identity
        .groups
        .all()
        .iter()
        .find(|g| g.name == "ReadOnly")
        .unwrap()
        .id
        .clone();
    assert!(state.panes.identity.groups.select(&readonly));
    act(&mut state, &mut world, Action::Select);
    press(&mut state, &mut world, key(KeyCode::Char('a')));
    act(&mut state, &mut world, Action::Filter);
    type_text(&mut state, &mut world, "liam");
    act(&mut state, &mut world, Action::Select);
    let sent = update(&mut state, Action::Select);
    let [
        RequestKind::Directory(DirectoryRequest::Membership {
            add: true,
            if_match: Some(version),
            ..
        }),
    ] = &kinds(&sent)[..]
    else {
        panic!("expected one SCIM membership change, got {sent:?}");
    };
    assert!(!version.is_empty());
    settle(&mut state, &mut world, sent);
    let toast = state.ctx.toasts.current().unwrap().text.clone();
    assert!(
        toast.contains("added liam.boyd@northbridge.io to ReadOnly"),
        "{toast}"
    );
    // In the emulator's Partners directory, not the Default domain's ReadOnly.
    let snapshot = world.snapshot();
    let partners = snapshot
        .domain_directories
        .iter()
        .find(|d| d.groups.iter().any(|g| g.id == readonly))
        .unwrap();
    let members = partners
        .live_memberships()
        .filter(|m| m.group_id == readonly)
        .count();
    assert_eq!(members, 2);
    assert!(
        state
            .panes
            .identity
            .members
            .all()
            .iter()
            .any(|r| r.other_name == "liam.boyd@northbridge.io")
    );
}

#[test]
fn what_scim_cannot_do_is_said_not_sent() {
    let (mut state, mut world) = loaded(false);
    partners(&mut state, &mut world);
    // Credentials are the Default domain's (classic API) alone.
    let sent = update(&mut state, Action::Credentials);
    assert!(sent.is_empty());
    let toast = state.ctx.toasts.current().unwrap().text.clone();
    assert!(
        toast.contains("not available in identity domain Partners"),
        "{toast}"
    );
    // Back to Default: the classic lists again.
    press(&mut state, &mut world, key(KeyCode::Char('d')));
    let sent = update(&mut state, Action::Select);
    assert!(
        kinds(&sent)
            .iter()
            .any(|k| matches!(k, RequestKind::Identity(IdentityRequest::ListUsers))),
        "{sent:?}"
    );
    settle(&mut state, &mut world, sent);
    assert_eq!(state.panes.identity.domain_name(), None);
    assert_eq!(state.panes.identity.users.all().len(), 40);
}
