//! Edits start from a fresh read: the form shows what the service has now (not what the list
//! showed when it loaded), and the update carries the etag it read as `if-match`, so a change
//! another administrator makes meanwhile comes back as a conflict, with the typed text kept.
//! One test per resource the edit reads (`get_user`, `get_group`, `get_dynamic_group`,
//! `get_user_group_membership`, `get_tag_namespace`, `get_tag_default`,
//! `get_sender_invitation`).

use canopy::app::request::{IdentityRequest, InvitationRequest, TagRequest};
use canopy::app::{Action, AppState, PaneId, RequestKind, update};
use crossterm::event::KeyCode;

use super::harness::{World, act, key, press, render, settle, type_text};
use super::pane_kit::{answer_once, enter, form, form_error, in_pane, kinds, tab};

/// The value of the open form's field `name`.
fn field(state: &AppState, name: &str) -> String {
    let f = form(state);
    let field = f.fields.iter().find(|x| x.name == name);
    field
        .unwrap_or_else(|| panic!("no field {name}"))
        .input
        .text()
        .to_string()
}

/// `e`, the read it sends (checked by `is_read`), answered; the form is open afterwards.
fn edit(state: &mut AppState, world: &mut World, is_read: impl Fn(&RequestKind) -> bool) {
    let sent = update(state, Action::Edit);
    let read = kinds(&sent);
    assert!(
        read.len() == 1 && is_read(&read[0]),
        "the edit reads first: {read:?}"
    );
    assert!(state.ctx.modal.is_none(), "no form before the read answers");
    settle(state, world, sent);
    form(state);
}

/// Submits the open form and answers it (and what the answers lead to); every request sent.
fn submit(state: &mut AppState, world: &mut World) -> Vec<RequestKind> {
    let mut sent = update(state, Action::Select);
    let mut out = Vec::new();
    while !sent.is_empty() {
        out.extend(kinds(&sent));
        sent = answer_once(state, world, &sent);
    }
    out
}

#[test]
fn a_user_edit_shows_the_service_s_values_and_a_later_change_is_a_conflict() {
    let (mut state, mut world) = in_pane(PaneId::Identity);
    let id = state.panes.identity.users.selected().unwrap().id.clone();
    // Another administrator changes the description after the list loaded.
    world.change(|s| s.users.get_mut(&id).unwrap().description = "on leave".into());
    edit(
        &mut state,
        &mut world,
        |k| matches!(k, RequestKind::Identity(IdentityRequest::GetUser { id: got }) if *got == id),
    );
    assert_eq!(field(&state, "description"), "on leave");
    assert!(render(&state).contains("DB user name"));
    // dbUserName is one of the fields the form sends.
    tab(&mut state, &mut world);
    tab(&mut state, &mut world);
    type_text(&mut state, &mut world, "ANA_DB");
    // ... and someone else changes the user again before the save.
    world.change(|s| s.users.get_mut(&id).unwrap().description = "back".into());
    let sent = submit(&mut state, &mut world);
    let [
        RequestKind::Identity(IdentityRequest::UpdateUser {
            details, if_match, ..
        }),
        ..,
    ] = &sent[..]
    else {
        panic!("expected UpdateUser, got {sent:?}");
    };
    assert_eq!(details.db_user_name.as_deref(), Some("ANA_DB"));
    assert!(if_match.is_some());
    // The service refuses (412): the form stays open with what was typed and says why.
    assert_eq!(field(&state, "db_user_name"), "ANA_DB");
    let error = form_error(&state);
    assert!(error.contains("412"), "{error}");
    let user = world.snapshot();
    let user = user.users.iter().find(|u| u.id == id).unwrap();
    assert_eq!(user.db_user_name, None, "nothing was overwritten");
    assert_eq!(user.description, "back");
}

#[test]
fn a_user_edit_read_fresh_saves_its_db_user_name() {
    let (mut state, mut world) = in_pane(PaneId::Identity);
    let id = state.panes.identity.users.selected().unwrap().id.clone();
    edit(&mut state, &mut world, |k| {
        matches!(k, RequestKind::Identity(IdentityRequest::GetUser { .. }))
    });
    tab(&mut state, &mut world);
    tab(&mut state, &mut world);
    type_text(&mut state, &mut world, "ANA_DB");
    submit(&mut state, &mut world);
    assert!(state.ctx.modal.is_none(), "{}", render(&state));
    let after = world.snapshot();
    let user = after.users.iter().find(|u| u.id == id).unwrap();
    assert_eq!(user.db_user_name.as_deref(), Some("ANA_DB"));
}

#[test]
fn group_and_dynamic_group_edits_read_fresh() {
    let (mut state, mut world) = in_pane(PaneId::Identity);
    act(&mut state, &mut world, Action::Command("grp".into()));
    let group = state.panes.identity.groups.selected().unwrap().id.clone();
    world.change(|s| s.groups.get_mut(&group).unwrap().description = "renamed by Bea".into());
    edit(
        &mut state,
        &mut world,
        |k| matches!(k, RequestKind::Identity(IdentityRequest::GetGroup { id }) if *id == group),
    );
    assert_eq!(field(&state, "description"), "renamed by Bea");
    assert_eq!(
        state.panes.identity.groups.selected().unwrap().description,
        "renamed by Bea",
        "the list shows what the read found"
    );
    act(&mut state, &mut world, Action::Back);

    act(&mut state, &mut world, Action::Command("dg".into()));
    let dg = state
        .panes
        .identity
        .dynamic_groups
        .selected()
        .unwrap()
        .id
        .clone();
    let rule = "ANY {resource.type = 'fnfunc'}";
    world.change(|s| s.dynamic_groups.get_mut(&dg).unwrap().matching_rule = rule.into());
    edit(
        &mut state,
        &mut world,
        |k| matches!(k, RequestKind::Identity(IdentityRequest::GetDynamicGroup { id }) if *id == dg),
    );
    assert_eq!(field(&state, "matching_rule"), rule);
}

#[test]
fn a_membership_is_read_when_opened() {
    let (mut state, mut world) = in_pane(PaneId::Identity);
    press(&mut state, &mut world, key(KeyCode::Char(']')));
    enter(&mut state, &mut world);
    let row = state.panes.identity.members.selected().unwrap().clone();
    let sent = update(&mut state, Action::Select);
    assert!(
        matches!(&kinds(&sent)[..], [RequestKind::Identity(IdentityRequest::GetMembership { id })] if *id == row.membership_id),
        "{sent:?}"
    );
    settle(&mut state, &mut world, sent);
    let screen = render(&state);
    assert!(screen.contains("Membership"), "{screen}");
    assert!(screen.contains(&row.membership_id[..30]), "{screen}");
    assert!(screen.contains("ACTIVE"), "{screen}");
}

#[test]
fn a_tag_namespace_edit_reads_it_fresh() {
    let (mut state, mut world) = in_pane(PaneId::Tags);
    let ns = state.panes.tags.selected_namespace().unwrap().id.clone();
    world.change(|s| s.tag_namespaces.get_mut(&ns).unwrap().description = "owned by FinOps".into());
    edit(
        &mut state,
        &mut world,
        |k| matches!(k, RequestKind::Tags(TagRequest::GetNamespace { id }) if *id == ns),
    );
    assert_eq!(field(&state, "description"), "owned by FinOps");
}

#[test]
fn a_tag_default_edit_reads_it_fresh_and_sends_its_etag() {
    let (mut state, mut world) = in_pane(PaneId::Tags);
    act(&mut state, &mut world, Action::NextTab);
    act(&mut state, &mut world, Action::Scope);
    type_text(&mut state, &mut world, "Prod");
    enter(&mut state, &mut world);
    let d = state
        .panes
        .tags
        .defaults
        .selected()
        .expect("Prod has a tag default")
        .clone();
    world.change(|s| s.tag_defaults.get_mut(&d.id).unwrap().value = "changed-meanwhile".into());
    edit(
        &mut state,
        &mut world,
        |k| matches!(k, RequestKind::Tags(TagRequest::GetDefault { id }) if *id == d.id),
    );
    assert_eq!(field(&state, "value"), "changed-meanwhile");
    press(&mut state, &mut world, super::harness::ctrl('u'));
    // Environment takes one of its listed values: the form checks against the tag it reads.
    type_text(&mut state, &mut world, "qa");
    let sent = submit(&mut state, &mut world);
    assert!(
        form_error(&state).contains("staging"),
        "{}",
        form_error(&state)
    );
    press(&mut state, &mut world, super::harness::ctrl('u'));
    type_text(&mut state, &mut world, "staging");
    let sent = [sent, submit(&mut state, &mut world)].concat();
    assert!(
        sent.iter().any(|k| matches!(
            k,
            RequestKind::Tags(TagRequest::UpdateDefault {
                if_match: Some(_),
                ..
            })
        )),
        "{sent:?}"
    );
    let after = world.snapshot();
    let value = &after
        .tag_defaults
        .iter()
        .find(|x| x.id == d.id)
        .unwrap()
        .value;
    assert_eq!(value, "staging");
}

#[test]
fn an_invitation_edit_reads_it_fresh() {
    let (mut state, mut world) = in_pane(PaneId::Invitations);
    let inv = state
        .panes
        .invitations
        .invitations
        .selected()
        .unwrap()
        .id
        .clone();
    world.change(|s| s.invitations.get_mut(&inv).unwrap().display_name = "renamed-by-bea".into());
    edit(
        &mut state,
        &mut world,
        |k| matches!(k, RequestKind::Invitations(InvitationRequest::Get { id }) if *id == inv),
    );
    assert_eq!(field(&state, "name"), "renamed-by-bea");
}
