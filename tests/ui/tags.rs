//! The Tags pane: snapshots of its states and dialogs, and pure state tests of every write.

use canopy::app::panes::tags::{TagsFocus, TagsTab};
use canopy::app::request::TagRequest;
use canopy::app::{
    Action, AppState, Loadable, PaneId, Payload, RequestKind, apply_response, update,
};
use canopy::model::{TagValidator, WorkRequestStatus};
use crossterm::event::KeyCode;
use insta::assert_snapshot;

use super::harness::{World, act, demo, key, loaded, press, render, settle, type_text};
use super::pane_kit::{
    answer_once, clear_field, enter, form, form_error, kinds, loaded_in, loading_in,
    refresh_failing, tab,
};

fn space(state: &mut AppState, world: &mut World) {
    press(state, world, key(KeyCode::Char(' ')));
}

fn tags(read_only: bool) -> (AppState, World) {
    let (mut state, mut world) = loaded(read_only);
    act(&mut state, &mut world, Action::Go(PaneId::Tags));
    (state, world)
}

/// The tag defaults view scoped to a compartment by its path.
fn defaults_in(path: &str) -> (AppState, World) {
    let (mut state, mut world) = tags(false);
    press(&mut state, &mut world, key(KeyCode::Char(']')));
    press(&mut state, &mut world, key(KeyCode::Char('s')));
    type_text(&mut state, &mut world, path);
    enter(&mut state, &mut world);
    (state, world)
}

#[test]
fn tags_loading() {
    let (state, requests, _) = loading_in(PaneId::Tags);
    assert!(kinds(&requests).contains(&RequestKind::Tags(TagRequest::ListNamespaces)));
    assert_snapshot!(render(&state));
}

#[test]
fn tags_loaded() {
    let (state, _) = tags(false);
    assert!(state.panes.tags.namespace_tags().unwrap().items.is_loaded());
    assert_snapshot!(render(&state));
}

#[test]
fn tags_empty() {
    let mut snapshot = demo();
    snapshot.tag_namespaces.clear();
    snapshot.tags.clear();
    let (state, _) = loaded_in(snapshot, PaneId::Tags);
    assert_snapshot!(render(&state));
}

#[test]
fn tags_failed() {
    let (mut state, _) = tags(false);
    refresh_failing(&mut state, 500, "InternalServerError");
    assert!(matches!(
        state.panes.tags.namespaces.items,
        Loadable::Failed(_)
    ));
    assert_snapshot!(render(&state));
}

#[test]
fn tag_defaults_of_a_compartment() {
    let (state, _) = defaults_in("Prod");
    assert_eq!(state.panes.tags.tab, TagsTab::Defaults);
    assert_eq!(state.panes.tags.defaults.all().len(), 1);
    assert_snapshot!(render(&state));
}

#[test]
fn tag_create_form() {
    let (mut state, mut world) = tags(false);
    enter(&mut state, &mut world);
    press(&mut state, &mut world, key(KeyCode::Char('c')));
    type_text(&mut state, &mut world, "Tier");
    assert_snapshot!(render(&state));
}

#[test]
fn a_tag_is_created_with_its_allowed_values_and_cost_tracking() {
    let (mut state, mut world) = tags(false);
    // The first namespace is retired: the service takes no new tags there.
    act(&mut state, &mut world, Action::Down);
    let ns = state.panes.tags.selected_namespace().unwrap().clone();
    assert!(!ns.is_retired);
    let ns = ns.id;
    enter(&mut state, &mut world);
    assert_eq!(state.panes.tags.focus, TagsFocus::Tags);
    act(&mut state, &mut world, Action::Create);
    type_text(&mut state, &mut world, "Tier.One");
    tab(&mut state, &mut world);
    type_text(&mut state, &mut world, "Service tier");
    tab(&mut state, &mut world);
    space(&mut state, &mut world);
    tab(&mut state, &mut world);
    type_text(&mut state, &mut world, "gold, silver,, bronze");
    assert!(update(&mut state, Action::Select).is_empty());
    // Both bad fields are marked at once; the focus goes to the first.
    let errors = form_error(&state);
    assert!(
        errors.contains("dots") && errors.contains("empty"),
        "{errors}"
    );
    assert_eq!(form(&state).focus, 0);
    clear_field(&mut state, &mut world);
    type_text(&mut state, &mut world, "Tier");
    assert!(update(&mut state, Action::Select).is_empty());
    assert_eq!(
        form(&state).focus,
        3,
        "now the values are the first bad field"
    );
    clear_field(&mut state, &mut world);
    type_text(&mut state, &mut world, "gold, silver, bronze");
    let sent = update(&mut state, Action::Select);
    let [
        RequestKind::Tags(TagRequest::CreateTag {
            namespace_id,
            details,
        }),
    ] = &kinds(&sent)[..]
    else {
        panic!("expected CreateTag, got {sent:?}");
    };
    assert_eq!(namespace_id, &ns);
    assert_eq!(details.is_cost_tracking, Some(true));
    assert_eq!(
        details.validator,
        Some(TagValidator::Enum {
            values: vec!["gold".into(), "silver".into(), "bronze".into()]
        })
    );
    settle(&mut state, &mut world, sent);
    assert_eq!(state.panes.tags.selected_tag().unwrap().name, "Tier");
}

#[test]
fn editing_a_tag_reads_its_validator_first() {
    let (mut state, mut world) = tags(false);
    enter(&mut state, &mut world);
    // The namespaces are sorted by name: Legacy-Billing first; its tags: Department (ENUM).
    let tag = state.panes.tags.selected_tag().unwrap().clone();
    assert_eq!(tag.name, "Department");
    assert!(tag.validator.is_some(), "the selected tag is read in full");
    // The edit reads it again: the form starts from the service's latest.
    let sent = update(&mut state, Action::Edit);
    assert!(
        matches!(&kinds(&sent)[..], [RequestKind::Tags(TagRequest::GetTag { name, .. })] if *name == "Department")
    );
    settle(&mut state, &mut world, sent);
    assert_eq!(form(&state).fields[2].input.text(), "eng, ops, sales");
    assert_snapshot!(render(&state));
    tab(&mut state, &mut world);
    tab(&mut state, &mut world);
    type_text(&mut state, &mut world, ", finance");
    let sent = update(&mut state, Action::Select);
    let [RequestKind::Tags(TagRequest::UpdateTag { details, .. })] = &kinds(&sent)[..] else {
        panic!("expected UpdateTag, got {sent:?}");
    };
    assert_eq!(
        details.validator,
        Some(TagValidator::Enum {
            values: vec!["eng".into(), "ops".into(), "sales".into(), "finance".into()]
        })
    );
    settle(&mut state, &mut world, sent);
    // Any value again: an empty list sends the DEFAULT validator.
    let read = update(&mut state, Action::Edit);
    settle(&mut state, &mut world, read);
    tab(&mut state, &mut world);
    tab(&mut state, &mut world);
    clear_field(&mut state, &mut world);
    let sent = update(&mut state, Action::Select);
    assert!(matches!(
        &kinds(&sent)[..],
        [RequestKind::Tags(TagRequest::UpdateTag { details, .. })] if details.validator == Some(TagValidator::Default)
    ));
}

#[test]
fn tags_are_read_in_full_as_the_cursor_reaches_them() {
    let (mut state, mut world) = tags(false);
    let listed = state.panes.tags.namespace_tags().unwrap().all().to_vec();
    assert!(
        listed.iter().all(|t| t.validator.is_none()),
        "listings lack validators"
    );
    let sent = update(&mut state, Action::Select);
    assert!(
        matches!(&kinds(&sent)[..], [RequestKind::Tags(TagRequest::GetTag { name, .. })] if *name == "Department")
    );
    settle(&mut state, &mut world, sent);
    act(&mut state, &mut world, Action::Down);
    act(&mut state, &mut world, Action::Up);
    assert!(
        update(&mut state, Action::Down).is_empty(),
        "each tag is read once"
    );
    let tags = state.panes.tags.namespace_tags().unwrap();
    assert!(tags.all().iter().all(|t| t.validator.is_some()));
    assert_eq!(
        tags.selected().unwrap().name,
        "ProjectCode",
        "the cursor stays put"
    );
    assert_snapshot!(render(&state));
}

#[test]
fn the_lists_switch_from_the_tags_too() {
    let (mut state, mut world) = tags(false);
    enter(&mut state, &mut world);
    press(&mut state, &mut world, key(KeyCode::Char(']')));
    assert_eq!(state.panes.tags.tab, TagsTab::Defaults);
    assert_eq!(state.panes.tags.focus, TagsFocus::Namespaces);
}

#[test]
fn retiring_and_reactivating_a_namespace() {
    let (mut state, mut world) = tags(false);
    let ns = state.panes.tags.selected_namespace().unwrap().clone();
    assert!(ns.is_retired, "Legacy-Billing is retired in the demo");
    press(&mut state, &mut world, key(KeyCode::Char('t')));
    let sent = update(&mut state, Action::Select);
    let [RequestKind::Tags(TagRequest::UpdateNamespace { id, details })] = &kinds(&sent)[..] else {
        panic!("expected UpdateTagNamespace, got {sent:?}");
    };
    assert_eq!((id, details.is_retired), (&ns.id, Some(false)));
    settle(&mut state, &mut world, sent);
    assert!(!state.panes.tags.selected_namespace().unwrap().is_retired);
    assert!(
        state
            .ctx
            .toasts
            .current()
            .unwrap()
            .text
            .contains("reactivated")
    );
}

#[test]
fn a_cascade_delete_follows_its_work_request() {
    let (mut state, mut world) = tags(false);
    let ns = state.panes.tags.selected_namespace().unwrap().clone();
    press(&mut state, &mut world, key(KeyCode::Char('D')));
    type_text(&mut state, &mut world, &ns.name);
    let sent = update(&mut state, Action::Select);
    assert_eq!(
        kinds(&sent),
        vec![RequestKind::Tags(TagRequest::CascadeDeleteNamespace {
            id: ns.id.clone()
        })]
    );
    let done = super::harness::answer(&mut world, &sent[0])
        .pop()
        .expect("the answer");
    // How progress shows: the work request as it was on its way.
    let Ok(Payload::WorkRequest(mut wr)) = done.result.clone() else {
        panic!("a work request, got {done:?}");
    };
    wr.status = WorkRequestStatus::InProgress;
    wr.percent_complete = Some(40.0);
    apply_response(
        &mut state,
        canopy::app::Response {
            done: false,
            result: Ok(Payload::WorkRequest(wr)),
            ..done.clone()
        },
    );
    let screen = render(&state);
    assert!(screen.contains("IN_PROGRESS 40%"), "{screen}");
    assert_snapshot!("tags_cascade_delete_in_progress", screen);
    apply_response(&mut state, done);
    assert!(state.panes.tags.namespaces.find(&ns.id).is_none());
    assert!(state.panes.tags.work.is_empty());
    assert!(
        state
            .ctx
            .toasts
            .current()
            .unwrap()
            .text
            .contains("deleted tag namespace")
    );
}

#[test]
fn deleting_a_tag_needs_its_name() {
    let (mut state, mut world) = tags(false);
    enter(&mut state, &mut world);
    let tag = state.panes.tags.selected_tag().unwrap().clone();
    press(&mut state, &mut world, key(KeyCode::Char('D')));
    type_text(&mut state, &mut world, "Depart");
    assert!(update(&mut state, Action::Select).is_empty());
    type_text(&mut state, &mut world, "ment");
    let sent = update(&mut state, Action::Select);
    assert!(
        matches!(&kinds(&sent)[..], [RequestKind::Tags(TagRequest::DeleteTag { name, .. })] if *name == tag.name)
    );
    settle(&mut state, &mut world, sent);
    assert!(
        state
            .panes
            .tags
            .namespace_tags()
            .unwrap()
            .find(&tag.id)
            .is_none()
    );
}

#[test]
fn a_tag_default_value_must_be_allowed_by_the_tag() {
    let (mut state, mut world) = defaults_in("acme-corp/Dev/Sandbox");
    let sandbox = state.panes.tags.scope.clone().unwrap();
    press(&mut state, &mut world, key(KeyCode::Char('c')));
    type_text(&mut state, &mut world, "Operations.Environment");
    tab(&mut state, &mut world);
    type_text(&mut state, &mut world, "qa");
    // The value is checked once the full tag (with its validator) is read.
    let read = update(&mut state, Action::Select);
    assert!(
        matches!(&kinds(&read)[..], [RequestKind::Tags(TagRequest::GetTag { name, .. })] if *name == "Environment")
    );
    settle(&mut state, &mut world, read);
    assert!(form_error(&state).contains("one of: prod, staging, dev, sandbox"));
    clear_field(&mut state, &mut world);
    type_text(&mut state, &mut world, "sandbox");
    tab(&mut state, &mut world);
    space(&mut state, &mut world);
    let read = update(&mut state, Action::Select);
    let sent = answer_once(&mut state, &mut world, &read);
    let [RequestKind::Tags(TagRequest::CreateDefault(d))] = &kinds(&sent)[..] else {
        panic!("expected CreateTagDefault, got {sent:?}");
    };
    assert_eq!(
        (d.compartment_id.as_str(), d.value.as_str()),
        (sandbox.as_str(), "sandbox")
    );
    assert_eq!(d.is_required, Some(true));
    settle(&mut state, &mut world, sent);
    assert_eq!(state.panes.tags.defaults.all().len(), 2);
}

#[test]
fn a_tag_default_is_updated_and_deleted() {
    let (mut state, mut world) = defaults_in("Finance");
    let d = state.panes.tags.defaults.selected().unwrap().clone();
    act(&mut state, &mut world, Action::Edit);
    clear_field(&mut state, &mut world);
    type_text(&mut state, &mut world, "FIN-5000");
    tab(&mut state, &mut world);
    if form(&state).fields[1].input.text() == "yes" {
        space(&mut state, &mut world);
    }
    let read = update(&mut state, Action::Select);
    let sent = answer_once(&mut state, &mut world, &read);
    let [
        RequestKind::Tags(TagRequest::UpdateDefault {
            id,
            details,
            if_match,
        }),
    ] = &kinds(&sent)[..]
    else {
        panic!("expected UpdateTagDefault, got {sent:?}");
    };
    assert!(
        if_match.is_some(),
        "conditional on the etag the form's read carried"
    );
    assert_eq!(
        (id, details.value.as_str(), details.is_required),
        (&d.id, "FIN-5000", Some(false))
    );
    settle(&mut state, &mut world, sent);
    act(&mut state, &mut world, Action::Delete);
    type_text(&mut state, &mut world, "Operations.CostCenter");
    let sent = update(&mut state, Action::Select);
    assert_eq!(
        kinds(&sent),
        vec![RequestKind::Tags(TagRequest::DeleteDefault {
            id: d.id.clone()
        })]
    );
    settle(&mut state, &mut world, sent);
    assert!(state.panes.tags.defaults.all().is_empty());
}

#[test]
fn an_unknown_compartment_is_refused() {
    let (mut state, mut world) = tags(false);
    act(&mut state, &mut world, Action::NextTab);
    act(&mut state, &mut world, Action::Scope);
    type_text(&mut state, &mut world, "Nowhere/Else");
    assert!(update(&mut state, Action::Select).is_empty());
    assert!(form_error(&state).contains("no active compartment"));
}

#[test]
fn read_only_reaches_no_tag_write() {
    let (mut state, mut world) = tags(true);
    for action in [Action::Create, Action::Edit, Action::Retire, Action::Delete] {
        assert!(update(&mut state, action).is_empty());
        assert!(state.ctx.modal.is_none());
    }
    enter(&mut state, &mut world);
    assert!(
        update(&mut state, Action::Edit).is_empty(),
        "not even the read before an edit"
    );
}

#[test]
fn tags_cascade_delete_confirmation() {
    let (mut state, mut world) = tags(false);
    press(&mut state, &mut world, key(KeyCode::Char('D')));
    type_text(&mut state, &mut world, "Legacy");
    assert_snapshot!(render(&state));
}

#[test]
fn tag_default_create_form() {
    let (mut state, mut world) = defaults_in("Dev");
    press(&mut state, &mut world, key(KeyCode::Char('c')));
    type_text(&mut state, &mut world, "Operations.Owner");
    assert_snapshot!(render(&state));
}

#[test]
fn a_namespace_is_created_in_a_compartment_and_described() {
    let (mut state, mut world) = tags(false);
    let prod = world
        .snapshot()
        .compartments
        .into_iter()
        .find(|c| c.name == "Prod")
        .unwrap()
        .id
        .clone();
    act(&mut state, &mut world, Action::Create);
    type_text(&mut state, &mut world, "Finance");
    tab(&mut state, &mut world);
    type_text(&mut state, &mut world, "Cost allocation");
    tab(&mut state, &mut world);
    type_text(&mut state, &mut world, "Prod");
    let sent = update(&mut state, Action::Select);
    let [RequestKind::Tags(TagRequest::CreateNamespace(d))] = &kinds(&sent)[..] else {
        panic!("expected CreateTagNamespace, got {sent:?}");
    };
    assert_eq!(
        (d.name.as_str(), d.compartment_id.as_str()),
        ("Finance", prod.as_str())
    );
    settle(&mut state, &mut world, sent);
    assert_eq!(
        state.panes.tags.selected_namespace().unwrap().name,
        "Finance"
    );
    act(&mut state, &mut world, Action::Edit);
    type_text(&mut state, &mut world, " and chargeback");
    let sent = update(&mut state, Action::Select);
    let [RequestKind::Tags(TagRequest::UpdateNamespace { details, .. })] = &kinds(&sent)[..] else {
        panic!("expected UpdateTagNamespace, got {sent:?}");
    };
    assert_eq!(
        details.description.as_deref(),
        Some("Cost allocation and chargeback")
    );
    assert_eq!(details.is_retired, None);
}

#[test]
fn a_tag_is_retired() {
    let (mut state, mut world) = tags(false);
    act(&mut state, &mut world, Action::Down);
    enter(&mut state, &mut world);
    let tag = state.panes.tags.selected_tag().unwrap().clone();
    assert!(!tag.is_retired);
    act(&mut state, &mut world, Action::Retire);
    let sent = update(&mut state, Action::Select);
    let [RequestKind::Tags(TagRequest::UpdateTag { name, details, .. })] = &kinds(&sent)[..] else {
        panic!("expected UpdateTag, got {sent:?}");
    };
    assert_eq!((name, details.is_retired), (&tag.name, Some(true)));
    settle(&mut state, &mut world, sent);
    assert!(state.panes.tags.selected_tag().unwrap().is_retired);
}
