//! Tag tools, bulk operations and locks through the keys, the real worker and the emulator:
//! bulk tag edits on marked users and compartments, a compartment's resources moved, deleted
//! and tagged in bulk, the effective tag set, locks and their override, retire-then-delete,
//! bulk tag deletes, moving a namespace, standard tags and cost tracking.

use canopy::app::panes::tags::TagsTab;
use canopy::app::request::{BulkRequest, TagRequest};
use canopy::app::{Action, AppState, PaneId, RequestKind, update};
use canopy::model::{LifecycleState, LockType};
use crossterm::event::KeyCode;
use insta::assert_snapshot;

use super::harness::{
    World, act, key, loaded, press, render, select_compartment, settle, stable, type_text,
};
use super::pane_kit::{enter, form, form_error, kinds, tab};

/// The toast on screen now (empty when none).
fn toast(state: &AppState) -> String {
    state
        .ctx
        .toasts
        .current()
        .map(|t| t.text.clone())
        .unwrap_or_default()
}

fn space(state: &mut AppState, world: &mut World) {
    press(state, world, key(KeyCode::Char(' ')));
}

fn in_pane(pane: PaneId) -> (AppState, World) {
    let (mut state, mut world) = loaded(false);
    act(&mut state, &mut world, Action::Go(pane));
    (state, world)
}

/// The value of a defined tag on a resource's tags.
fn tag_of(tags: &canopy::model::DefinedTags, ns: &str, key: &str) -> Option<String> {
    tags.get(ns)?.get(key)?.as_str().map(str::to_string)
}

/// Sends what Enter submits and checks it is one request of the expected shape.
fn submit(state: &mut AppState) -> Vec<canopy::app::Request> {
    update(state, Action::Select)
}

/// Opens the bulk tag form on three marked users, Operations.Environment chosen.
fn three_users_marked() -> (AppState, World, Vec<String>) {
    let (mut state, mut world) = in_pane(PaneId::Identity);
    let mut ids = Vec::new();
    for _ in 0..3 {
        ids.push(state.panes.identity.users.selected_id().unwrap().to_string());
        space(&mut state, &mut world);
        act(&mut state, &mut world, Action::Down);
    }
    act(&mut state, &mut world, Action::BulkTags);
    // Operation, namespace (Operations), tag: the next after CostCenter is Environment.
    tab(&mut state, &mut world);
    tab(&mut state, &mut world);
    space(&mut state, &mut world);
    tab(&mut state, &mut world);
    (state, world, ids)
}

#[test]
fn bulk_tags_form() {
    let (state, _, _) = three_users_marked();
    let f = form(&state);
    assert_eq!(f.value_of("namespace"), "Operations");
    assert_eq!(f.value_of("key"), "Environment");
    assert_eq!(f.value_of("value"), "prod", "an ENUM tag's value is a choice");
    assert_snapshot!(render(&state));
}

#[test]
fn three_users_get_a_defined_tag_in_one_bulk_edit() {
    let (mut state, mut world, ids) = three_users_marked();
    space(&mut state, &mut world); // prod -> staging
    let sent = submit(&mut state);
    let [RequestKind::Bulk(BulkRequest::EditTags(details))] = &kinds(&sent)[..] else {
        panic!("expected one bulk edit, got {sent:?}");
    };
    assert_eq!(details.compartment_id, world.tenancy_id);
    assert_eq!(details.resources.len(), 3);
    assert!(details.resources.iter().all(|r| r.resource_type == "User"));
    settle(&mut state, &mut world, sent);
    let after = world.snapshot();
    for id in &ids {
        let user = after.users.iter().find(|u| &u.id == id).unwrap();
        assert_eq!(
            tag_of(&user.defined_tags, "Operations", "Environment").as_deref(),
            Some("staging"),
            "{}",
            user.name
        );
    }
    assert!(state.panes.identity.users.marked.is_empty(), "the marks go");
    assert!(
        toast(&state).contains("tagged Operations.Environment=staging"),
        "{}",
        toast(&state)
    );
}

#[test]
fn a_tag_is_removed_from_marked_groups() {
    let (mut state, mut world) = in_pane(PaneId::Identity);
    act(&mut state, &mut world, Action::NextTab);
    let group = state.panes.identity.groups.selected().unwrap().clone();
    world.change(|s| {
        let g = s.groups.get_mut(&group.id).unwrap();
        g.defined_tags
            .entry("Operations".into())
            .or_default()
            .insert("CostCenter".into(), "CC-1".into());
    });
    act(&mut state, &mut world, Action::BulkTags);
    // remove is the fourth operation
    for _ in 0..3 {
        space(&mut state, &mut world);
    }
    let sent = submit(&mut state);
    settle(&mut state, &mut world, sent);
    let after = world.snapshot();
    let g = after.groups.iter().find(|g| g.id == group.id).unwrap();
    assert_eq!(tag_of(&g.defined_tags, "Operations", "CostCenter"), None);
}

#[test]
fn marked_compartments_get_a_tag() {
    let (mut state, mut world) = loaded(false);
    act(&mut state, &mut world, Action::Expand);
    select_compartment(&mut state, "Dev");
    act(&mut state, &mut world, Action::Expand);
    let mut ids = Vec::new();
    for name in ["CI", "Shared"] {
        select_compartment(&mut state, name);
        ids.push(state.panes.compartments.selected_id().unwrap().to_string());
        space(&mut state, &mut world);
    }
    assert_eq!(state.panes.compartments.marked.len(), 2);
    assert_snapshot!("compartments_marked", render(&state));
    act(&mut state, &mut world, Action::BulkTags);
    tab(&mut state, &mut world);
    tab(&mut state, &mut world);
    tab(&mut state, &mut world);
    type_text(&mut state, &mut world, "CC-42");
    let sent = submit(&mut state);
    let [RequestKind::Bulk(BulkRequest::EditTags(details))] = &kinds(&sent)[..] else {
        panic!("expected one bulk edit, got {sent:?}");
    };
    assert!(details.resources.iter().all(|r| r.resource_type == "Compartment"));
    settle(&mut state, &mut world, sent);
    let after = world.snapshot();
    for id in &ids {
        let c = after.compartments.iter().find(|c| &c.id == id).unwrap();
        assert_eq!(tag_of(&c.defined_tags, "Operations", "CostCenter").as_deref(), Some("CC-42"));
    }
    assert!(state.panes.compartments.marked.is_empty());
}

#[test]
fn compartments_with_different_parents_are_not_bulk_edited() {
    let (mut state, mut world) = loaded(false);
    select_compartment(&mut state, "Dev");
    space(&mut state, &mut world);
    act(&mut state, &mut world, Action::Expand);
    select_compartment(&mut state, "CI");
    space(&mut state, &mut world);
    act(&mut state, &mut world, Action::BulkTags);
    assert!(state.ctx.modal.is_none());
    assert!(toast(&state).contains("different parents"));
}

/// The Compartments pane on jchen-sandbox's resources (three: a bucket, a volume, an instance).
fn sandbox_resources() -> (AppState, World) {
    let (mut state, mut world) = loaded(false);
    act(&mut state, &mut world, Action::Filter);
    type_text(&mut state, &mut world, "jchen");
    enter(&mut state, &mut world);
    act(&mut state, &mut world, Action::Bottom);
    act(&mut state, &mut world, Action::Resources);
    (state, world)
}

#[test]
fn resources_of_a_compartment() {
    let (state, _) = sandbox_resources();
    assert_eq!(state.panes.compartments.resources.all().len(), 3);
    assert_snapshot!(render(&state));
}

#[test]
fn resources_are_moved_in_bulk_after_a_preview() {
    let (mut state, mut world) = sandbox_resources();
    let ids: Vec<String> = state
        .panes
        .compartments
        .resources
        .all()
        .iter()
        .map(|r| r.identifier.clone())
        .collect();
    for _ in 0..3 {
        space(&mut state, &mut world);
        act(&mut state, &mut world, Action::Down);
    }
    act(&mut state, &mut world, Action::Move);
    type_text(&mut state, &mut world, "Staging");
    enter(&mut state, &mut world);
    assert_snapshot!("resources_move_preview", stable(&render(&state)));
    type_text(&mut state, &mut world, "move 3 resources");
    let sent = submit(&mut state);
    assert!(matches!(
        &kinds(&sent)[..],
        [RequestKind::Bulk(BulkRequest::MoveResources { details, .. })] if details.resources.len() == 3
    ));
    settle(&mut state, &mut world, sent);
    let after = world.snapshot();
    let staging = after
        .compartments
        .iter()
        .find(|c| c.name == "Staging" && c.compartment_id == after.tenancy.id)
        .unwrap()
        .id
        .clone();
    for id in &ids {
        let r = after.compartment_resources.iter().find(|r| &r.id == id).unwrap();
        assert_eq!(r.compartment_id, staging, "{}", r.display_name);
    }
    assert!(state.panes.compartments.resources.all().is_empty(), "read again: none left");
}

#[test]
fn resources_are_deleted_in_bulk_after_a_preview() {
    let (mut state, mut world) = sandbox_resources();
    let first = state.panes.compartments.resources.selected().unwrap().clone();
    act(&mut state, &mut world, Action::Delete);
    assert_snapshot!("resources_delete_preview", stable(&render(&state)));
    type_text(&mut state, &mut world, "delete 1 resource");
    let sent = submit(&mut state);
    assert!(matches!(
        &kinds(&sent)[..],
        [RequestKind::Bulk(BulkRequest::DeleteResources { .. })]
    ));
    settle(&mut state, &mut world, sent);
    let after = world.snapshot();
    let r = after
        .compartment_resources
        .iter()
        .find(|r| r.id == first.identifier)
        .unwrap();
    assert!(!r.is_live(), "{:?}", r.lifecycle_state);
}

#[test]
fn resources_get_a_tag_in_bulk() {
    let (mut state, mut world) = sandbox_resources();
    let ids: Vec<String> = state
        .panes
        .compartments
        .resources
        .all()
        .iter()
        .map(|r| r.identifier.clone())
        .collect();
    for _ in 0..3 {
        space(&mut state, &mut world);
        act(&mut state, &mut world, Action::Down);
    }
    act(&mut state, &mut world, Action::BulkTags);
    tab(&mut state, &mut world);
    tab(&mut state, &mut world);
    tab(&mut state, &mut world);
    type_text(&mut state, &mut world, "CC-7");
    let sent = submit(&mut state);
    settle(&mut state, &mut world, sent);
    let after = world.snapshot();
    for id in &ids {
        let r = after.compartment_resources.iter().find(|r| &r.id == id).unwrap();
        assert_eq!(tag_of(&r.defined_tags, "Operations", "CostCenter").as_deref(), Some("CC-7"));
    }
}

#[test]
fn effective_tag_set_in_the_detail() {
    let (mut state, mut world) = loaded(false);
    select_compartment(&mut state, "Dev");
    act(&mut state, &mut world, Action::Expand);
    select_compartment(&mut state, "CI");
    // The cursor moved without an action: one more update reads the set.
    act(&mut state, &mut world, Action::Show(String::new()));
    let ci = state.panes.compartments.selected_id().unwrap().to_string();
    assert!(state.panes.compartments.effective[&ci].is_loaded());
    let screen = render(&state);
    assert!(screen.contains("Operations.Environment = dev"), "{screen}");
    assert!(screen.contains("↑ acme-corp/Dev"), "inherited, and from where: {screen}");
    assert_snapshot!(screen);
}

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
    assert!(render(&state).contains("FULL"), "the lock shows in the list");
    act(&mut state, &mut world, Action::Edit);
    press(&mut state, &mut world, super::harness::ctrl('u'));
    type_text(&mut state, &mut world, "confidential");
    let read = submit(&mut state);
    settle(&mut state, &mut world, read);
    let screen = stable(&render(&state));
    assert!(screen.contains("has a FULL lock"), "{screen}");
    assert_snapshot!("locked_default_refused", screen);
    let untouched = world.snapshot();
    let same = untouched.tag_defaults.iter().find(|x| x.id == d.id).unwrap();
    assert_eq!(same.value, d.value, "nothing was changed");
    // First choice: back to the form, the refusal beside it.
    enter(&mut state, &mut world);
    assert!(form_error(&state).contains("FULL lock"), "{}", form_error(&state));
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
    let n = locked.tag_namespaces.iter().find(|n| n.id == ns.id).unwrap();
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
    assert!(matches!(
        &kinds(&next)[..],
        [RequestKind::Tags(TagRequest::DeleteNamespace { .. })]
    ), "{next:?}");
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
        matches!(&kinds(&next)[..], [RequestKind::Tags(TagRequest::CascadeDeleteNamespace { .. })]),
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
        [RequestKind::Tags(TagRequest::ChangeNamespaceCompartment { .. })]
    ));
    settle(&mut state, &mut world, sent);
    let after = world.snapshot();
    let security = after.compartments.iter().find(|c| c.name == "Security").unwrap();
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
    assert!(after.tag_namespaces.iter().any(|n| n.name == "Oracle-Standard"));
    assert!(state.panes.tags.namespaces.all().iter().any(|n| n.name == "Oracle-Standard"));
}

#[test]
fn cost_tracking_tags() {
    let (mut state, mut world) = in_pane(PaneId::Tags);
    act(&mut state, &mut world, Action::Show("cost_tracking".into()));
    let n = state.panes.tags.cost.all().len();
    assert!(n > 0);
    let screen = render(&state);
    assert!(screen.contains(&format!("Cost-tracking tags {n}/10")), "{screen}");
    assert_snapshot!(screen);
}
