//! `TestBackend` renders at 80x24, snapshotted with insta: every pane of this framework in
//! its loading, loaded, empty and failed states, and the editor, diff and conflict dialogs.

use canopy::app::{Action, Loadable, PaneId, apply_response};
use crossterm::event::KeyCode;
use insta::assert_snapshot;

use super::harness::{
    act, demo, edit_first_policy, fail, fresh, key, loaded, press, render, type_text,
};

#[test]
fn compartments_loading() {
    let (state, _) = fresh(&demo(), false);
    assert_snapshot!(render(&state));
}

#[test]
fn compartments_loaded() {
    let (mut state, mut snapshot) = loaded(false);
    act(&mut state, &mut snapshot, Action::Down);
    act(&mut state, &mut snapshot, Action::Expand);
    act(&mut state, &mut snapshot, Action::Down);
    assert_snapshot!(render(&state));
}

#[test]
fn compartments_empty_tenancy() {
    let mut snapshot = demo();
    snapshot.compartments.clear();
    snapshot.policies.clear();
    let (mut state, requests) = fresh(&snapshot, false);
    super::harness::settle(&mut state, &mut snapshot, requests);
    assert_snapshot!(render(&state));
}

#[test]
fn compartments_failed() {
    let snapshot = demo();
    let (mut state, requests) = fresh(&snapshot, false);
    for r in &requests {
        apply_response(&mut state, fail(r, 401, "NotAuthenticated"));
    }
    assert_snapshot!(render(&state));
}

#[test]
fn compartments_read_only_header_and_hints() {
    let (state, _) = loaded(true);
    assert_snapshot!(render(&state));
}

#[test]
fn compartments_filtered() {
    let (mut state, mut snapshot) = loaded(false);
    act(&mut state, &mut snapshot, Action::Filter);
    type_text(&mut state, &mut snapshot, "app");
    assert_snapshot!(render(&state));
}

#[test]
fn delete_confirmation() {
    let (mut state, mut snapshot) = loaded(false);
    act(&mut state, &mut snapshot, Action::Down);
    act(&mut state, &mut snapshot, Action::Down);
    act(&mut state, &mut snapshot, Action::Delete);
    type_text(&mut state, &mut snapshot, "De");
    assert_snapshot!(render(&state));
}

#[test]
fn policies_loading() {
    let (mut state, requests) = fresh(&demo(), false);
    let mut snapshot = demo();
    // The tree arrives; the policy fan-out has not answered yet.
    for r in requests
        .iter()
        .filter(|r| !matches!(r.kind, canopy::app::RequestKind::ListPolicies { .. }))
    {
        for resp in super::harness::answer(&mut snapshot, r) {
            let _ = apply_response(&mut state, resp);
        }
    }
    act_no_answer(&mut state, Action::Go(PaneId::Policies));
    assert_snapshot!(render(&state));
}

fn act_no_answer(state: &mut canopy::app::AppState, action: Action) {
    let _ = canopy::app::update(state, action);
}

#[test]
fn policies_loaded() {
    let (mut state, mut snapshot) = loaded(false);
    act(&mut state, &mut snapshot, Action::Go(PaneId::Policies));
    act(&mut state, &mut snapshot, Action::Down);
    assert_snapshot!(render(&state));
}

#[test]
fn policies_empty() {
    let mut snapshot = demo();
    snapshot.policies.clear();
    let (mut state, requests) = fresh(&snapshot, false);
    super::harness::settle(&mut state, &mut snapshot, requests);
    act(&mut state, &mut snapshot, Action::Go(PaneId::Policies));
    assert_snapshot!(render(&state));
}

#[test]
fn policies_failed() {
    let (mut state, mut snapshot) = loaded(false);
    act(&mut state, &mut snapshot, Action::Go(PaneId::Policies));
    let requests = canopy::app::update(&mut state, Action::Refresh);
    for r in &requests {
        apply_response(&mut state, fail(r, 500, "InternalServerError"));
    }
    assert!(matches!(state.panes.policies.policies, Loadable::Failed(_)));
    assert_snapshot!(render(&state));
}

#[test]
fn policy_editor() {
    let (mut state, mut snapshot) = loaded(false);
    edit_first_policy(
        &mut state,
        &mut snapshot,
        "Allow group Auditors to inspect all-resources",
    );
    assert_snapshot!(render(&state));
}

#[test]
fn policy_save_diff() {
    let (mut state, mut snapshot) = loaded(false);
    edit_first_policy(
        &mut state,
        &mut snapshot,
        "Allow group Auditors to inspect all-resources in tenancy",
    );
    act(&mut state, &mut snapshot, Action::Save);
    assert_snapshot!(render(&state));
}

#[test]
fn policy_conflict() {
    let (mut state, mut snapshot) = loaded(false);
    act(&mut state, &mut snapshot, Action::Go(PaneId::Policies));
    act(&mut state, &mut snapshot, Action::Edit);
    let id = state
        .panes
        .policies
        .editor
        .as_ref()
        .unwrap()
        .policy_id
        .clone();
    snapshot
        .policies
        .iter_mut()
        .find(|p| p.id == id)
        .unwrap()
        .statements
        .push("Allow group Ops to read buckets in tenancy".into());
    press(&mut state, &mut snapshot, key(KeyCode::Enter));
    type_text(
        &mut state,
        &mut snapshot,
        "Allow group Mine to read users in tenancy",
    );
    act(&mut state, &mut snapshot, Action::Save);
    act(&mut state, &mut snapshot, Action::Select);
    assert_snapshot!(render(&state));
}

#[test]
fn help_overlay() {
    let (mut state, mut snapshot) = loaded(false);
    act(&mut state, &mut snapshot, Action::Help);
    assert_snapshot!(render(&state));
}

#[test]
fn command_log() {
    let (mut state, mut snapshot) = loaded(false);
    canopy::app::update::record_call(
        &mut state,
        canopy::app::CallRecord {
            method: "GET".into(),
            path: "/20160918/compartments?compartmentIdInSubtree=true".into(),
            status: Some(200),
            duration_ms: 12,
        },
    );
    canopy::app::update::record_call(
        &mut state,
        canopy::app::CallRecord {
            method: "PUT".into(),
            path: "/20160918/policies/ocid1.policy.oc1..x".into(),
            status: Some(412),
            duration_ms: 7,
        },
    );
    act(&mut state, &mut snapshot, Action::Go(PaneId::Log));
    assert_snapshot!(render(&state));
}

#[test]
fn escape_sequences_in_names_are_drawn_harmlessly() {
    let mut snapshot = demo();
    snapshot.compartments[0].name = "evil\x1b[2J\x1b]52;c;cHduZWQ=\x07name".into();
    let (mut state, requests) = fresh(&snapshot, false);
    super::harness::settle(&mut state, &mut snapshot, requests);
    let screen = render(&state);
    assert!(!screen.contains('\x1b') && !screen.contains('\x07'));
    assert!(screen.contains("evil␛[2J"), "{screen}");
}

#[test]
fn audit_of_a_compartment() {
    let (mut state, mut snapshot) = loaded(false);
    let prod = state
        .panes
        .compartments
        .rows
        .iter()
        .position(|r| {
            state
                .ctx
                .compartment(&r.id)
                .is_some_and(|c| c.name == "Prod")
        })
        .unwrap();
    state.panes.compartments.cursor.selected = prod;
    act(&mut state, &mut snapshot, Action::Audit);
    assert_snapshot!(render(&state));
}
