//! The Tags pane: snapshots of its states and dialogs, and pure state tests of every write.

use canopy::app::modal::ModalKind;
use canopy::app::tags::{TagsFocus, TagsView};
use canopy::app::{Action, AppState, Loadable, PaneId, RequestKind, apply_response, update};
use canopy::model::{Snapshot, TagValidator};
use crossterm::event::KeyCode;
use insta::assert_snapshot;

use super::harness::{act, demo, key, loaded, press, render, settle, type_text};
use super::pane_kit::{
    answer_once, clear_field, enter, form_error, kinds, loaded_in, loading_in, refresh_failing, tab,
};

fn tags(read_only: bool) -> (AppState, Snapshot) {
    let (mut state, mut snapshot) = loaded(read_only);
    act(&mut state, &mut snapshot, Action::Go(PaneId::Tags));
    (state, snapshot)
}

/// The tag defaults view scoped to a compartment by its path.
fn defaults_in(path: &str) -> (AppState, Snapshot) {
    let (mut state, mut snapshot) = tags(false);
    press(&mut state, &mut snapshot, key(KeyCode::Char(']')));
    press(&mut state, &mut snapshot, key(KeyCode::Char('s')));
    type_text(&mut state, &mut snapshot, path);
    enter(&mut state, &mut snapshot);
    (state, snapshot)
}

#[test]
fn tags_loading() {
    let (state, requests) = loading_in(PaneId::Tags);
    assert!(kinds(&requests).contains(&RequestKind::ListTagNamespaces));
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
    assert_eq!(state.panes.tags.view, TagsView::Defaults);
    assert_eq!(state.panes.tags.defaults.all().len(), 1);
    assert_snapshot!(render(&state));
}

#[test]
fn tag_create_form() {
    let (mut state, mut snapshot) = tags(false);
    enter(&mut state, &mut snapshot);
    press(&mut state, &mut snapshot, key(KeyCode::Char('c')));
    type_text(&mut state, &mut snapshot, "Tier");
    assert_snapshot!(render(&state));
}

#[test]
fn a_tag_is_created_with_its_allowed_values_and_cost_tracking() {
    let (mut state, mut snapshot) = tags(false);
    let ns = state.panes.tags.selected_namespace().unwrap().id.clone();
    enter(&mut state, &mut snapshot);
    assert_eq!(state.panes.tags.focus, TagsFocus::Tags);
    act(&mut state, &mut snapshot, Action::Create);
    type_text(&mut state, &mut snapshot, "Tier.One");
    tab(&mut state, &mut snapshot);
    type_text(&mut state, &mut snapshot, "Service tier");
    tab(&mut state, &mut snapshot);
    clear_field(&mut state, &mut snapshot);
    type_text(&mut state, &mut snapshot, "yes");
    tab(&mut state, &mut snapshot);
    type_text(&mut state, &mut snapshot, "gold, silver,, bronze");
    assert!(update(&mut state, Action::Select).is_empty());
    assert!(form_error(&state).contains("dots"));
    // Fix the name (the focus is still on the last field), then the values.
    tab(&mut state, &mut snapshot);
    clear_field(&mut state, &mut snapshot);
    type_text(&mut state, &mut snapshot, "Tier");
    assert!(update(&mut state, Action::Select).is_empty());
    assert!(
        form_error(&state).contains("empty"),
        "{}",
        form_error(&state)
    );
    for _ in 0..3 {
        tab(&mut state, &mut snapshot);
    }
    clear_field(&mut state, &mut snapshot);
    type_text(&mut state, &mut snapshot, "gold, silver, bronze");
    let sent = update(&mut state, Action::Select);
    let [
        RequestKind::CreateTag {
            namespace_id,
            details,
        },
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
    settle(&mut state, &mut snapshot, sent);
    assert_eq!(state.panes.tags.selected_tag().unwrap().name, "Tier");
}

#[test]
fn editing_a_tag_reads_its_validator_first() {
    let (mut state, mut snapshot) = tags(false);
    enter(&mut state, &mut snapshot);
    // The namespaces are sorted by name: Legacy-Billing first; its tags: Department (ENUM).
    let tag = state.panes.tags.selected_tag().unwrap().clone();
    assert_eq!(tag.name, "Department");
    assert!(tag.validator.is_some(), "the selected tag is read in full");
    // The edit reads it again: the form starts from the service's latest.
    let sent = update(&mut state, Action::Edit);
    assert!(
        matches!(&kinds(&sent)[..], [RequestKind::GetTag { name, .. }] if *name == "Department")
    );
    settle(&mut state, &mut snapshot, sent);
    let Some(ModalKind::Form { fields, .. }) = state.ctx.modal.as_ref().map(|m| &m.kind) else {
        panic!("the edit form opens once the tag arrived");
    };
    assert_eq!(fields[2].value, "eng, ops, sales");
    assert_snapshot!(render(&state));
    tab(&mut state, &mut snapshot);
    tab(&mut state, &mut snapshot);
    type_text(&mut state, &mut snapshot, ", finance");
    let sent = update(&mut state, Action::Select);
    let [RequestKind::UpdateTag { details, .. }] = &kinds(&sent)[..] else {
        panic!("expected UpdateTag, got {sent:?}");
    };
    assert_eq!(
        details.validator,
        Some(TagValidator::Enum {
            values: vec!["eng".into(), "ops".into(), "sales".into(), "finance".into()]
        })
    );
    settle(&mut state, &mut snapshot, sent);
    // Any value again: an empty list sends the DEFAULT validator.
    let read = update(&mut state, Action::Edit);
    settle(&mut state, &mut snapshot, read);
    tab(&mut state, &mut snapshot);
    tab(&mut state, &mut snapshot);
    clear_field(&mut state, &mut snapshot);
    let sent = update(&mut state, Action::Select);
    assert!(matches!(
        &kinds(&sent)[..],
        [RequestKind::UpdateTag { details, .. }] if details.validator == Some(TagValidator::Default)
    ));
}

#[test]
fn tags_are_read_in_full_as_the_cursor_reaches_them() {
    let (mut state, mut snapshot) = tags(false);
    let listed = state.panes.tags.namespace_tags().unwrap().all().to_vec();
    assert!(
        listed.iter().all(|t| t.validator.is_none()),
        "listings lack validators"
    );
    let sent = update(&mut state, Action::Select);
    assert!(
        matches!(&kinds(&sent)[..], [RequestKind::GetTag { name, .. }] if *name == "Department")
    );
    settle(&mut state, &mut snapshot, sent);
    act(&mut state, &mut snapshot, Action::Down);
    act(&mut state, &mut snapshot, Action::Up);
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
    let (mut state, mut snapshot) = tags(false);
    enter(&mut state, &mut snapshot);
    press(&mut state, &mut snapshot, key(KeyCode::Char(']')));
    assert_eq!(state.panes.tags.view, TagsView::Defaults);
    assert_eq!(state.panes.tags.focus, TagsFocus::Namespaces);
}

#[test]
fn retiring_and_reactivating_a_namespace() {
    let (mut state, mut snapshot) = tags(false);
    let ns = state.panes.tags.selected_namespace().unwrap().clone();
    assert!(ns.is_retired, "Legacy-Billing is retired in the demo");
    press(&mut state, &mut snapshot, key(KeyCode::Char('t')));
    let sent = update(&mut state, Action::Select);
    let [RequestKind::UpdateTagNamespace { id, details }] = &kinds(&sent)[..] else {
        panic!("expected UpdateTagNamespace, got {sent:?}");
    };
    assert_eq!((id, details.is_retired), (&ns.id, Some(false)));
    settle(&mut state, &mut snapshot, sent);
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
    let (mut state, mut snapshot) = tags(false);
    let ns = state.panes.tags.selected_namespace().unwrap().clone();
    press(&mut state, &mut snapshot, key(KeyCode::Char('D')));
    type_text(&mut state, &mut snapshot, &ns.name);
    let sent = update(&mut state, Action::Select);
    assert_eq!(
        kinds(&sent),
        vec![RequestKind::CascadeDeleteTagNamespace { id: ns.id.clone() }]
    );
    let mut answers = super::answers::answer(&mut snapshot, &sent[0]).into_iter();
    apply_response(&mut state, answers.next().unwrap());
    let screen = render(&state);
    assert!(screen.contains("IN_PROGRESS 40%"), "{screen}");
    assert_snapshot!("tags_cascade_delete_in_progress", screen);
    apply_response(&mut state, answers.next().unwrap());
    assert!(state.panes.tags.namespaces.find(&ns.id).is_none());
    assert!(state.panes.tags.work.is_empty());
    assert!(
        state
            .ctx
            .toasts
            .current()
            .unwrap()
            .text
            .contains("deleting tag namespace")
    );
}

#[test]
fn deleting_a_tag_needs_its_name() {
    let (mut state, mut snapshot) = tags(false);
    enter(&mut state, &mut snapshot);
    let tag = state.panes.tags.selected_tag().unwrap().clone();
    press(&mut state, &mut snapshot, key(KeyCode::Char('D')));
    type_text(&mut state, &mut snapshot, "Depart");
    assert!(update(&mut state, Action::Select).is_empty());
    type_text(&mut state, &mut snapshot, "ment");
    let sent = update(&mut state, Action::Select);
    assert!(
        matches!(&kinds(&sent)[..], [RequestKind::DeleteTag { name, .. }] if *name == tag.name)
    );
    settle(&mut state, &mut snapshot, sent);
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
    let (mut state, mut snapshot) = defaults_in("acme-corp/Dev/Sandbox");
    let sandbox = state.panes.tags.scope.clone().unwrap();
    press(&mut state, &mut snapshot, key(KeyCode::Char('c')));
    type_text(&mut state, &mut snapshot, "Operations.Environment");
    tab(&mut state, &mut snapshot);
    type_text(&mut state, &mut snapshot, "qa");
    // The value is checked once the full tag (with its validator) is read.
    let read = update(&mut state, Action::Select);
    assert!(
        matches!(&kinds(&read)[..], [RequestKind::GetTag { name, .. }] if *name == "Environment")
    );
    settle(&mut state, &mut snapshot, read);
    assert!(form_error(&state).contains("one of: prod, staging, dev, sandbox"));
    clear_field(&mut state, &mut snapshot);
    type_text(&mut state, &mut snapshot, "sandbox");
    tab(&mut state, &mut snapshot);
    clear_field(&mut state, &mut snapshot);
    type_text(&mut state, &mut snapshot, "yes");
    let read = update(&mut state, Action::Select);
    let sent = answer_once(&mut state, &mut snapshot, &read);
    let [RequestKind::CreateTagDefault(d)] = &kinds(&sent)[..] else {
        panic!("expected CreateTagDefault, got {sent:?}");
    };
    assert_eq!(
        (d.compartment_id.as_str(), d.value.as_str()),
        (sandbox.as_str(), "sandbox")
    );
    assert_eq!(d.is_required, Some(true));
    settle(&mut state, &mut snapshot, sent);
    assert_eq!(state.panes.tags.defaults.all().len(), 2);
}

#[test]
fn a_tag_default_is_updated_and_deleted() {
    let (mut state, mut snapshot) = defaults_in("Finance");
    let d = state.panes.tags.defaults.selected().unwrap().clone();
    act(&mut state, &mut snapshot, Action::Edit);
    clear_field(&mut state, &mut snapshot);
    type_text(&mut state, &mut snapshot, "FIN-5000");
    tab(&mut state, &mut snapshot);
    clear_field(&mut state, &mut snapshot);
    type_text(&mut state, &mut snapshot, "no");
    let read = update(&mut state, Action::Select);
    let sent = answer_once(&mut state, &mut snapshot, &read);
    let [RequestKind::UpdateTagDefault { id, details }] = &kinds(&sent)[..] else {
        panic!("expected UpdateTagDefault, got {sent:?}");
    };
    assert_eq!(
        (id, details.value.as_str(), details.is_required),
        (&d.id, "FIN-5000", Some(false))
    );
    settle(&mut state, &mut snapshot, sent);
    act(&mut state, &mut snapshot, Action::Delete);
    type_text(&mut state, &mut snapshot, "Operations.CostCenter");
    let sent = update(&mut state, Action::Select);
    assert_eq!(
        kinds(&sent),
        vec![RequestKind::DeleteTagDefault { id: d.id.clone() }]
    );
    settle(&mut state, &mut snapshot, sent);
    assert!(state.panes.tags.defaults.all().is_empty());
}

#[test]
fn an_unknown_compartment_is_refused() {
    let (mut state, mut snapshot) = tags(false);
    act(&mut state, &mut snapshot, Action::NextTab);
    act(&mut state, &mut snapshot, Action::Scope);
    type_text(&mut state, &mut snapshot, "Nowhere/Else");
    assert!(update(&mut state, Action::Select).is_empty());
    assert!(form_error(&state).contains("no active compartment"));
}

#[test]
fn read_only_reaches_no_tag_write() {
    let (mut state, mut snapshot) = tags(true);
    for action in [Action::Create, Action::Edit, Action::Retire, Action::Delete] {
        assert!(update(&mut state, action).is_empty());
        assert!(state.ctx.modal.is_none());
    }
    enter(&mut state, &mut snapshot);
    assert!(
        update(&mut state, Action::Edit).is_empty(),
        "not even the read before an edit"
    );
}

#[test]
fn tags_cascade_delete_confirmation() {
    let (mut state, mut snapshot) = tags(false);
    press(&mut state, &mut snapshot, key(KeyCode::Char('D')));
    type_text(&mut state, &mut snapshot, "Legacy");
    assert_snapshot!(render(&state));
}

#[test]
fn tag_default_create_form() {
    let (mut state, mut snapshot) = defaults_in("Dev");
    press(&mut state, &mut snapshot, key(KeyCode::Char('c')));
    type_text(&mut state, &mut snapshot, "Operations.Owner");
    assert_snapshot!(render(&state));
}

#[test]
fn a_namespace_is_created_in_a_compartment_and_described() {
    let (mut state, mut snapshot) = tags(false);
    let prod = snapshot
        .compartments
        .iter()
        .find(|c| c.name == "Prod")
        .unwrap()
        .id
        .clone();
    act(&mut state, &mut snapshot, Action::Create);
    type_text(&mut state, &mut snapshot, "Finance");
    tab(&mut state, &mut snapshot);
    type_text(&mut state, &mut snapshot, "Cost allocation");
    tab(&mut state, &mut snapshot);
    type_text(&mut state, &mut snapshot, "Prod");
    let sent = update(&mut state, Action::Select);
    let [RequestKind::CreateTagNamespace(d)] = &kinds(&sent)[..] else {
        panic!("expected CreateTagNamespace, got {sent:?}");
    };
    assert_eq!(
        (d.name.as_str(), d.compartment_id.as_str()),
        ("Finance", prod.as_str())
    );
    settle(&mut state, &mut snapshot, sent);
    assert_eq!(
        state.panes.tags.selected_namespace().unwrap().name,
        "Finance"
    );
    act(&mut state, &mut snapshot, Action::Edit);
    type_text(&mut state, &mut snapshot, " and chargeback");
    let sent = update(&mut state, Action::Select);
    let [RequestKind::UpdateTagNamespace { details, .. }] = &kinds(&sent)[..] else {
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
    let (mut state, mut snapshot) = tags(false);
    act(&mut state, &mut snapshot, Action::Down);
    enter(&mut state, &mut snapshot);
    let tag = state.panes.tags.selected_tag().unwrap().clone();
    assert!(!tag.is_retired);
    act(&mut state, &mut snapshot, Action::Retire);
    let sent = update(&mut state, Action::Select);
    let [RequestKind::UpdateTag { name, details, .. }] = &kinds(&sent)[..] else {
        panic!("expected UpdateTag, got {sent:?}");
    };
    assert_eq!((name, details.is_retired), (&tag.name, Some(true)));
    settle(&mut state, &mut snapshot, sent);
    assert!(state.panes.tags.selected_tag().unwrap().is_retired);
}
