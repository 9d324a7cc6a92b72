//! The Identity pane in another identity domain: `d` chooses the domain, the lists show its
//! directory (read over the Identity Domains API), and a member is added to one of its groups
//! through SCIM with `if-match` on the `meta.version` the pane read.

use canopy::app::request::{DirectoryRequest, IdentityRequest};
use canopy::app::{Action, AppState, PaneId, RequestKind, update};
use crossterm::event::KeyCode;
use insta::assert_snapshot;

use super::harness::{World, act, ctrl, key, loaded, press, render, settle, type_text};
use super::pane_kit::{kinds, tab};

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

/// The Partners domain's directory in the emulator, after the pane's writes.
fn partners_directory(world: &World) -> canopy::model::DomainDirectory {
    world
        .snapshot()
        .domain_directories
        .into_iter()
        .find(|d| d.users.iter().any(|u| u.name == "liam.boyd@northbridge.io"))
        .expect("the Partners directory")
}

#[test]
fn users_and_groups_are_created_edited_and_deleted_in_the_partners_domain() {
    let (mut state, mut world) = loaded(false);
    partners(&mut state, &mut world);
    // A new user, through SCIM.
    press(&mut state, &mut world, key(KeyCode::Char('c')));
    type_text(&mut state, &mut world, "nina.k@partner-sys.com");
    tab(&mut state, &mut world);
    type_text(&mut state, &mut world, "Nina K");
    let sent = update(&mut state, Action::Select);
    assert!(
        matches!(
            &kinds(&sent)[..],
            [RequestKind::Directory(DirectoryRequest::CreateUser { user_name, .. })]
                if user_name == "nina.k@partner-sys.com"
        ),
        "{sent:?}"
    );
    settle(&mut state, &mut world, sent);
    let nina = partners_directory(&world)
        .users
        .into_iter()
        .find(|u| u.name == "nina.k@partner-sys.com")
        .expect("created in the Partners directory");
    assert!(state.panes.identity.users.find(&nina.id).is_some());
    // Edited: read fresh over SCIM, then replaced with if-match on its meta.version.
    assert!(state.panes.identity.users.select(&nina.id));
    let sent = update(&mut state, Action::Edit);
    assert!(
        matches!(
            &kinds(&sent)[..],
            [RequestKind::Directory(DirectoryRequest::GetUser { .. })]
        ),
        "{sent:?}"
    );
    settle(&mut state, &mut world, sent);
    press(&mut state, &mut world, ctrl('u'));
    type_text(&mut state, &mut world, "Nina Kowalski");
    let sent = update(&mut state, Action::Select);
    assert!(
        matches!(
            &kinds(&sent)[..],
            [RequestKind::Directory(DirectoryRequest::UpdateUser { if_match: Some(_), description, .. })]
                if description == "Nina Kowalski"
        ),
        "{sent:?}"
    );
    settle(&mut state, &mut world, sent);
    let edited = partners_directory(&world)
        .users
        .into_iter()
        .find(|u| u.id == nina.id)
        .unwrap();
    assert_eq!(edited.description, "Nina Kowalski");
    // A group deleted behind its typed name, with if-match.
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
    press(&mut state, &mut world, key(KeyCode::Char('D')));
    type_text(&mut state, &mut world, "ReadOnly");
    let sent = update(&mut state, Action::Select);
    assert!(
        matches!(
            &kinds(&sent)[..],
            [RequestKind::Directory(DirectoryRequest::DeleteGroup {
                if_match: Some(_),
                ..
            })]
        ),
        "{sent:?}"
    );
    settle(&mut state, &mut world, sent);
    let gone = partners_directory(&world)
        .groups
        .into_iter()
        .find(|g| g.id == readonly)
        .unwrap();
    assert_eq!(gone.lifecycle_state.to_string(), "DELETED");
    assert!(state.panes.identity.groups.find(&readonly).is_none());
}
