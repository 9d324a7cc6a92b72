//! Bulk operations through the keys, the real worker and the emulator: a defined tag added,
//! set or removed on marked users, groups and compartments in one bulk edit; a compartment's
//! resources moved, deleted and tagged in bulk after a preview; the effective tag set.

use canopy::app::request::BulkRequest;
use canopy::app::{Action, AppState, PaneId, RequestKind};
use insta::assert_snapshot;

use super::harness::{World, act, loaded, render, select_compartment, settle, stable, type_text};
use super::pane_kit::{enter, form, in_pane, kinds, space, submit, tab, toast};

/// The value of a defined tag on a resource's tags.
fn tag_of(tags: &canopy::model::DefinedTags, ns: &str, key: &str) -> Option<String> {
    tags.get(ns)?.get(key)?.as_str().map(str::to_string)
}

/// Opens the bulk tag form on three marked users, Operations.Environment chosen.
fn three_users_marked() -> (AppState, World, Vec<String>) {
    let (mut state, mut world) = in_pane(PaneId::Identity);
    let mut ids = Vec::new();
    for _ in 0..3 {
        ids.push(
            state
                .panes
                .identity
                .users
                .selected_id()
                .unwrap()
                .to_string(),
        );
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
    assert_eq!(
        f.value_of("value"),
        "prod",
        "an ENUM tag's value is a choice"
    );
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
    assert!(
        details
            .resources
            .iter()
            .all(|r| r.resource_type == "Compartment")
    );
    settle(&mut state, &mut world, sent);
    let after = world.snapshot();
    for id in &ids {
        let c = after.compartments.iter().find(|c| &c.id == id).unwrap();
        assert_eq!(
            tag_of(&c.defined_tags, "Operations", "CostCenter").as_deref(),
            Some("CC-42")
        );
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
        let r = after
            .compartment_resources
            .iter()
            .find(|r| &r.id == id)
            .unwrap();
        assert_eq!(r.compartment_id, staging, "{}", r.display_name);
    }
    assert!(
        state.panes.compartments.resources.all().is_empty(),
        "read again: none left"
    );
}

#[test]
fn resources_are_deleted_in_bulk_after_a_preview() {
    let (mut state, mut world) = sandbox_resources();
    let first = state
        .panes
        .compartments
        .resources
        .selected()
        .unwrap()
        .clone();
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
        let r = after
            .compartment_resources
            .iter()
            .find(|r| &r.id == id)
            .unwrap();
        assert_eq!(
            tag_of(&r.defined_tags, "Operations", "CostCenter").as_deref(),
            Some("CC-7")
        );
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
    assert!(
        screen.contains("↑ acme-corp/Dev"),
        "inherited, and from where: {screen}"
    );
    assert_snapshot!(screen);
}
