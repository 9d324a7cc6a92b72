//! Tag administration through the keys, the real worker and the emulator: locks and their
//! override, retire-then-delete, bulk deletes of retired tags, moving a namespace, standard
//! tags and cost tracking.

use canopy::app::panes::tags::TagsTab;
use canopy::app::request::TagRequest;
use canopy::app::{Action, AppState, PaneId, RequestKind};
use canopy::model::{LifecycleState, LockType};
use crossterm::event::KeyCode;
use insta::assert_snapshot;

use super::harness::{World, act, key, press, render, settle, stable, type_text};
use super::pane_kit::{enter, form, form_error, in_pane, kinds, space, submit, tab, toast};

/// The Tags pane's defaults tab on `path`.
fn defaults_in(path: &str) -> (AppState, World) {
    let (mut state, mut world) = in_pane(PaneId::Tags);
    act(&mut state, &mut world, Action::NextTab);
    act(&mut state, &mut world, Action::Scope);
    type_text(&mut state, &mut world, path);
    enter(&mut state, &mut world);
    (state, world)
}

#[test]
fn a_locked_tag_default_refuses_an_edit_and_the_override_is_a_second_choice() {
    let (mut state, mut world) = defaults_in("Prod/Data/Warehouse/Sensitive");
    let d = state.panes.tags.defaults.selected().unwrap().clone();
    assert!(
        render(&state).contains("FULL"),
        "the lock shows in the list"
    );
    act(&mut state, &mut world, Action::Edit);
    press(&mut state, &mut world, super::harness::ctrl('u'));
    type_text(&mut state, &mut world, "confidential");
    let read = submit(&mut state);
    settle(&mut state, &mut world, read);
    let screen = stable(&render(&state));
    assert!(screen.contains("has a FULL lock"), "{screen}");
    assert_snapshot!("locked_default_refused", screen);
    let untouched = world.snapshot();
    let same = untouched
        .tag_defaults
        .iter()
        .find(|x| x.id == d.id)
        .unwrap();
    assert_eq!(same.value, d.value, "nothing was changed");
    // First choice: back to the form, the refusal beside it.
    enter(&mut state, &mut world);
    assert!(
        form_error(&state).contains("FULL lock"),
        "{}",
        form_error(&state)
    );
    // Again, and this time override.
    let read = submit(&mut state);
    settle(&mut state, &mut world, read);
    act(&mut state, &mut world, Action::Down);
    let sent = submit(&mut state);
    assert!(matches!(
        &kinds(&sent)[..],
        [RequestKind::Tags(TagRequest::Overriding(inner))] if matches!(**inner, TagRequest::UpdateDefault { .. })
    ));
    settle(&mut state, &mut world, sent);
    assert!(state.ctx.modal.is_none());
    let after = world.snapshot();
    let changed = after.tag_defaults.iter().find(|x| x.id == d.id).unwrap();
    assert_eq!(changed.value, "confidential");
    assert!(toast(&state).contains("lock overridden"));
}

#[test]
fn a_namespace_is_locked_and_unlocked() {
    let (mut state, mut world) = in_pane(PaneId::Tags);
    act(&mut state, &mut world, Action::Down);
    let ns = state.panes.tags.selected_namespace().unwrap().clone();
    assert_eq!(ns.name, "Operations");
    act(&mut state, &mut world, Action::Lock);
    type_text(&mut state, &mut world, ""); // FULL is first
    tab(&mut state, &mut world);
    type_text(&mut state, &mut world, "frozen for the audit");
    assert_snapshot!("lock_form", render(&state));
    let sent = submit(&mut state);
    settle(&mut state, &mut world, sent);
    let locked = world.snapshot();
    let n = locked
        .tag_namespaces
        .iter()
        .find(|n| n.id == ns.id)
        .unwrap();
    let locks = n.locks.clone().unwrap_or_default();
    assert_eq!(locks.len(), 1);
    assert_eq!(locks[0].lock_type, LockType::Full);
    assert_eq!(locks[0].message.as_deref(), Some("frozen for the audit"));
    assert!(render(&state).contains("FULL"));
    // A change to the locked namespace is refused; Esc leaves it.
    act(&mut state, &mut world, Action::Retire);
    let sent = submit(&mut state);
    settle(&mut state, &mut world, sent);
    assert!(render(&state).contains("has a FULL lock"));
    act(&mut state, &mut world, Action::Back);
    act(&mut state, &mut world, Action::Unlock);
    assert_snapshot!("unlock_choice", render(&state));
    let sent = submit(&mut state);
    settle(&mut state, &mut world, sent);
    let after = world.snapshot();
    let n = after.tag_namespaces.iter().find(|n| n.id == ns.id).unwrap();
    assert!(n.locks.as_ref().is_none_or(Vec::is_empty), "{:?}", n.locks);
    assert!(!n.is_retired);
}

#[test]
fn a_tag_default_is_created_locked() {
    let (mut state, mut world) = defaults_in("Dev/CI");
    act(&mut state, &mut world, Action::Create);
    type_text(&mut state, &mut world, "Operations.CostCenter");
    tab(&mut state, &mut world);
    type_text(&mut state, &mut world, "CC-9");
    tab(&mut state, &mut world);
    tab(&mut state, &mut world);
    space(&mut state, &mut world); // FULL
    let read = submit(&mut state);
    settle(&mut state, &mut world, read);
    let after = world.snapshot();
    let d = after
        .tag_defaults
        .iter()
        .find(|d| d.value == "CC-9")
        .expect("created");
    assert_eq!(d.locks.as_ref().map(Vec::len), Some(1));
}

/// The namespaces tab with a new, empty, active namespace `Scratch` selected.
fn scratch_namespace() -> (AppState, World, String) {
    let (mut state, mut world) = in_pane(PaneId::Tags);
    act(&mut state, &mut world, Action::Create);
    type_text(&mut state, &mut world, "Scratch");
    tab(&mut state, &mut world);
    type_text(&mut state, &mut world, "For trying things");
    let sent = submit(&mut state);
    settle(&mut state, &mut world, sent);
    let id = state.panes.tags.selected_namespace().unwrap().id.clone();
    (state, world, id)
}

#[test]
fn an_active_namespace_is_retired_then_deleted() {
    let (mut state, mut world, id) = scratch_namespace();
    act(&mut state, &mut world, Action::Delete);
    assert_snapshot!("retire_then_delete_choice", render(&state));
    enter(&mut state, &mut world);
    assert!(render(&state).contains("Delete the empty tag namespace Scratch?"));
    type_text(&mut state, &mut world, "Scratch");
    let sent = submit(&mut state);
    assert!(matches!(
        &kinds(&sent)[..],
        [RequestKind::Tags(TagRequest::UpdateNamespace { details, .. })] if details.is_retired == Some(true)
    ));
    // The retire's answer sends the plain delete (the namespace is empty).
    let next = super::pane_kit::answer_once(&mut state, &mut world, &sent);
    assert!(
        matches!(
            &kinds(&next)[..],
            [RequestKind::Tags(TagRequest::DeleteNamespace { .. })]
        ),
        "{next:?}"
    );
    settle(&mut state, &mut world, next);
    assert!(state.panes.tags.namespaces.find(&id).is_none());
    let after = world.snapshot();
    assert!(
        after
            .tag_namespaces
            .iter()
            .find(|n| n.id == id)
            .is_none_or(|n| n.lifecycle_state == LifecycleState::Deleted)
    );
}

#[test]
fn a_namespace_with_tags_is_cascade_deleted_after_its_retire() {
    let (mut state, mut world) = in_pane(PaneId::Tags);
    act(&mut state, &mut world, Action::Down); // Operations, active, with tags
    act(&mut state, &mut world, Action::Delete);
    enter(&mut state, &mut world);
    type_text(&mut state, &mut world, "Operations");
    let sent = submit(&mut state);
    let next = super::pane_kit::answer_once(&mut state, &mut world, &sent);
    assert!(
        matches!(
            &kinds(&next)[..],
            [RequestKind::Tags(TagRequest::CascadeDeleteNamespace { .. })]
        ),
        "{next:?}"
    );
    settle(&mut state, &mut world, next);
    assert!(!render(&state).contains("Operations "));
}

#[test]
fn a_tag_is_retired_then_deleted() {
    let (mut state, mut world) = in_pane(PaneId::Tags);
    act(&mut state, &mut world, Action::Down);
    enter(&mut state, &mut world);
    let tag = state.panes.tags.selected_tag().unwrap().clone();
    assert!(!tag.is_retired);
    act(&mut state, &mut world, Action::Delete);
    assert!(render(&state).contains("Retire it, then delete"));
    enter(&mut state, &mut world);
    type_text(&mut state, &mut world, &tag.name);
    let sent = submit(&mut state);
    settle(&mut state, &mut world, sent);
    let after = world.snapshot();
    assert!(
        after
            .tags
            .iter()
            .find(|t| t.id == tag.id)
            .is_none_or(|t| t.lifecycle_state == LifecycleState::Deleted)
    );
}

#[test]
fn retired_tags_are_deleted_in_bulk() {
    let (mut state, mut world) = in_pane(PaneId::Tags);
    // Legacy-Billing is retired, with two retired tags.
    enter(&mut state, &mut world);
    let ids: Vec<String> = state
        .panes
        .tags
        .namespace_tags()
        .unwrap()
        .all()
        .iter()
        .map(|t| t.id.clone())
        .collect();
    assert_eq!(ids.len(), 2);
    space(&mut state, &mut world);
    act(&mut state, &mut world, Action::Down);
    space(&mut state, &mut world);
    act(&mut state, &mut world, Action::Delete);
    assert_snapshot!("bulk_delete_tags_confirmation", render(&state));
    type_text(&mut state, &mut world, "delete 2 tags");
    let sent = submit(&mut state);
    assert!(matches!(
        &kinds(&sent)[..],
        [RequestKind::Tags(TagRequest::BulkDeleteTags(d))] if d.tag_definition_ids.len() == 2
    ));
    settle(&mut state, &mut world, sent);
    let after = world.snapshot();
    for id in &ids {
        assert!(
            after
                .tags
                .iter()
                .find(|t| &t.id == id)
                .is_none_or(|t| t.lifecycle_state == LifecycleState::Deleted)
        );
    }
    assert!(state.panes.tags.namespace_tags().unwrap().all().is_empty());
}

#[test]
fn active_tags_are_not_bulk_deleted() {
    let (mut state, mut world) = in_pane(PaneId::Tags);
    act(&mut state, &mut world, Action::Down);
    enter(&mut state, &mut world);
    space(&mut state, &mut world);
    act(&mut state, &mut world, Action::Delete);
    assert!(state.ctx.modal.is_none());
    assert!(toast(&state).contains("only retired tags"));
}

#[test]
fn a_namespace_moves_to_another_compartment() {
    let (mut state, mut world, id) = scratch_namespace();
    act(&mut state, &mut world, Action::Move);
    press(&mut state, &mut world, super::harness::ctrl('u'));
    type_text(&mut state, &mut world, "Secu");
    assert_snapshot!("move_namespace_form", render(&state));
    press(&mut state, &mut world, key(KeyCode::Right));
    assert_eq!(form(&state).value_of("compartment"), "Security");
    let sent = submit(&mut state);
    assert!(matches!(
        &kinds(&sent)[..],
        [RequestKind::Tags(
            TagRequest::ChangeNamespaceCompartment { .. }
        )]
    ));
    settle(&mut state, &mut world, sent);
    let after = world.snapshot();
    let security = after
        .compartments
        .iter()
        .find(|c| c.name == "Security")
        .unwrap();
    let ns = after.tag_namespaces.iter().find(|n| n.id == id).unwrap();
    assert_eq!(ns.compartment_id, security.id);
}

fn standard() -> (AppState, World) {
    let (mut state, mut world) = in_pane(PaneId::Tags);
    act(&mut state, &mut world, Action::Show("standard".into()));
    (state, world)
}

#[test]
fn standard_tags() {
    let (state, _) = standard();
    assert_eq!(state.panes.tags.tab, TagsTab::Standard);
    assert_eq!(state.panes.tags.standard.all().len(), 3);
    assert_snapshot!(render(&state));
}

#[test]
fn a_standard_tag_template_is_shown() {
    let (mut state, mut world) = standard();
    act(&mut state, &mut world, Action::Down);
    enter(&mut state, &mut world);
    let screen = render(&state);
    assert!(screen.contains("Environment"), "{screen}");
    assert_snapshot!(screen);
}

#[test]
fn a_standard_tag_template_is_imported() {
    let (mut state, mut world) = standard();
    act(&mut state, &mut world, Action::Down);
    act(&mut state, &mut world, Action::Import);
    assert_snapshot!("import_standard_confirmation", render(&state));
    let sent = submit(&mut state);
    assert!(matches!(
        &kinds(&sent)[..],
        [RequestKind::Tags(TagRequest::ImportStandard(d))] if d.standard_tag_namespace_name == "Oracle-Standard"
    ));
    settle(&mut state, &mut world, sent);
    let after = world.snapshot();
    assert!(
        after
            .tag_namespaces
            .iter()
            .any(|n| n.name == "Oracle-Standard")
    );
    assert!(
        state
            .panes
            .tags
            .namespaces
            .all()
            .iter()
            .any(|n| n.name == "Oracle-Standard")
    );
}

#[test]
fn cost_tracking_tags() {
    let (mut state, mut world) = in_pane(PaneId::Tags);
    act(&mut state, &mut world, Action::Show("cost_tracking".into()));
    let n = state.panes.tags.cost.all().len();
    assert!(n > 0);
    let screen = render(&state);
    assert!(
        screen.contains(&format!("Cost-tracking tags {n}/10")),
        "{screen}"
    );
    assert_snapshot!(screen);
}

#[test]
fn a_tag_default_is_locked_and_unlocked() {
    let (mut state, mut world) = defaults_in("Prod");
    let d = state.panes.tags.defaults.selected().unwrap().clone();
    assert!(d.locks.as_ref().is_none_or(Vec::is_empty));
    act(&mut state, &mut world, Action::Lock);
    space(&mut state, &mut world); // FULL -> DELETE
    tab(&mut state, &mut world);
    type_text(&mut state, &mut world, "set by the landing zone");
    let sent = submit(&mut state);
    assert!(
        matches!(&kinds(&sent)[..], [RequestKind::Tags(TagRequest::AddLock { details, .. })] if details.lock_type == LockType::Delete),
        "{sent:?}"
    );
    settle(&mut state, &mut world, sent);
    let locked = world.snapshot();
    let locks = locked
        .tag_defaults
        .iter()
        .find(|x| x.id == d.id)
        .and_then(|x| x.locks.clone())
        .unwrap_or_default();
    assert_eq!(locks.len(), 1);
    assert_eq!(locks[0].lock_type, LockType::Delete);
    assert!(render(&state).contains("DELETE"), "{}", render(&state));
    // A DELETE lock still allows edits but refuses the delete.
    act(&mut state, &mut world, Action::Delete);
    type_text(&mut state, &mut world, "Operations.Environment");
    let sent = submit(&mut state);
    settle(&mut state, &mut world, sent);
    assert!(render(&state).contains("DELETE lock"), "{}", render(&state));
    act(&mut state, &mut world, Action::Back);
    act(&mut state, &mut world, Action::Unlock);
    let sent = submit(&mut state);
    assert!(
        matches!(
            &kinds(&sent)[..],
            [RequestKind::Tags(TagRequest::RemoveLock { .. })]
        ),
        "{sent:?}"
    );
    settle(&mut state, &mut world, sent);
    let after = world.snapshot();
    let d = after.tag_defaults.iter().find(|x| x.id == d.id).unwrap();
    assert!(d.locks.as_ref().is_none_or(Vec::is_empty), "{:?}", d.locks);
}
