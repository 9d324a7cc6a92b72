//! The Work requests pane: the classic Identity, IAM and tagging work requests of a
//! compartment, each read in full (errors and logs, from wherever its API keeps them) and a
//! running one followed live.

use std::time::Duration;

use canopy::app::request::{WorkRequestApi, WorkRequestRequest};
use canopy::app::worker::{Sandbox, WorkService};
use canopy::app::{Action, AppState, Loadable, PaneId, Payload, RequestKind, update};
use canopy::model::WorkRequestStatus;
use crossterm::event::KeyCode;
use insta::assert_snapshot;

use super::domains_kit::{apply_all, responses};
use super::harness::{World, act, demo, fresh, key, loaded, press, render, settle, type_text};
use super::pane_kit::{kinds, loading_in, refresh_failing};

fn work_requests() -> (AppState, World) {
    let (mut state, mut world) = loaded(false);
    act(&mut state, &mut world, Action::Go(PaneId::WorkRequests));
    (state, world)
}

fn next_api(state: &mut AppState, world: &mut World) {
    press(state, world, key(KeyCode::Char(']')));
}

/// Selects the work request of this operation in the focused list.
fn select(state: &mut AppState, operation: &str) {
    let api = state.panes.work_requests.api;
    let list = match api {
        WorkRequestApi::Identity => &mut state.panes.work_requests.identity,
        WorkRequestApi::Iam => &mut state.panes.work_requests.iam,
        WorkRequestApi::Tagging => &mut state.panes.work_requests.tagging,
    };
    let id = list
        .all()
        .iter()
        .find(|w| w.operation_type == operation)
        .unwrap_or_else(|| panic!("no {operation}"))
        .id
        .clone();
    assert!(list.select(&id));
}

#[test]
fn work_requests_loading() {
    let (state, requests, _) = loading_in(PaneId::WorkRequests);
    assert!(kinds(&requests).iter().any(|k| matches!(
        k,
        RequestKind::WorkRequests(WorkRequestRequest::List {
            api: WorkRequestApi::Identity,
            ..
        })
    )));
    assert_snapshot!(render(&state));
}

#[test]
fn classic_work_requests_carry_their_log() {
    let (state, _) = work_requests();
    let pane = &state.panes.work_requests;
    assert_eq!(pane.identity.all().len(), 1);
    let wr = pane.selected().unwrap();
    assert_eq!(wr.operation_type, "DELETE_COMPARTMENT");
    // Read in full with GetWorkRequest: the log is inside.
    assert_eq!(wr.logs.as_ref().unwrap().len(), 5);
    assert_snapshot!(render(&state));
}

#[test]
fn iam_work_requests_with_their_errors_and_logs() {
    let (mut state, mut world) = work_requests();
    next_api(&mut state, &mut world);
    assert_eq!(state.panes.work_requests.api, WorkRequestApi::Iam);
    select(&mut state, "REPLICATE_DOMAIN_TO_REGION");
    act(&mut state, &mut world, Action::Down);
    act(&mut state, &mut world, Action::Up);
    let wr = state.panes.work_requests.selected().unwrap().clone();
    assert_eq!(wr.status, WorkRequestStatus::Failed);
    assert_eq!(
        wr.errors.len(),
        1,
        "listed apart, with ListIamWorkRequestErrors"
    );
    assert_eq!(wr.logs.as_ref().unwrap().len(), 4, "ListIamWorkRequestLogs");
    assert_snapshot!("work_requests_iam", render(&state));
    press(&mut state, &mut world, key(KeyCode::Enter));
    let screen = render(&state);
    assert!(screen.contains("Errors (1)"), "{screen}");
    assert_snapshot!("work_requests_iam_detail", screen);
}

#[test]
fn tagging_work_requests_with_their_errors_and_logs() {
    let (mut state, mut world) = work_requests();
    next_api(&mut state, &mut world);
    next_api(&mut state, &mut world);
    assert_eq!(state.panes.work_requests.api, WorkRequestApi::Tagging);
    assert_eq!(state.panes.work_requests.tagging.all().len(), 2);
    select(&mut state, "DELETE_NON_EMPTY_TAG_NAMESPACE");
    act(&mut state, &mut world, Action::Refresh);
    let wr = state.panes.work_requests.selected().unwrap().clone();
    assert_eq!(wr.errors.len(), 1, "ListTaggingWorkRequestErrors");
    assert_eq!(
        wr.logs.as_ref().unwrap().len(),
        4,
        "ListTaggingWorkRequestLogs"
    );
    assert_snapshot!("work_requests_tagging", render(&state));
}

#[test]
fn work_requests_of_another_compartment() {
    let (mut state, mut world) = work_requests();
    press(&mut state, &mut world, key(KeyCode::Char('s')));
    type_text(&mut state, &mut world, "Shared");
    assert_snapshot!("work_requests_compartment_form", render(&state));
    press(&mut state, &mut world, key(KeyCode::Enter));
    let pane = &state.panes.work_requests;
    assert!(pane.compartment_id.is_some());
    let wr = pane.selected().unwrap();
    assert_eq!(wr.status, WorkRequestStatus::Failed);
    assert_eq!(
        wr.errors.len(),
        1,
        "a classic work request carries its errors"
    );
    assert!(render(&state).contains("Identity work requests in acme-corp/Shared"));
}

#[test]
fn work_requests_about_one_resource() {
    let (mut state, mut world) = work_requests();
    let partners = world
        .snapshot()
        .domains
        .into_iter()
        .find(|d| d.display_name == "Partners")
        .unwrap()
        .id;
    press(&mut state, &mut world, key(KeyCode::Char('s')));
    press(&mut state, &mut world, key(KeyCode::Tab));
    type_text(&mut state, &mut world, &partners);
    press(&mut state, &mut world, key(KeyCode::Enter));
    assert_eq!(
        state.panes.work_requests.resource_id.as_deref(),
        Some(partners.as_str())
    );
    next_api(&mut state, &mut world);
    let listed = state.panes.work_requests.iam.all();
    assert!(!listed.is_empty());
    assert!(
        listed
            .iter()
            .all(|w| w.resources.iter().any(|r| r.identifier == partners)),
        "{listed:?}"
    );
}

#[test]
fn work_requests_failed() {
    let (mut state, _) = work_requests();
    refresh_failing(&mut state, 500, "InternalServerError");
    assert!(matches!(
        state.panes.work_requests.identity.items,
        Loadable::Failed(_)
    ));
    assert_snapshot!(render(&state));
}

#[test]
fn a_running_work_request_is_followed_live() {
    let mut world = Sandbox::with(demo(), Duration::from_millis(80));
    let (mut state, requests) = fresh(&world, false);
    settle(&mut state, &mut world, requests);
    // Someone deactivates a domain; it is still running when the view lists it.
    let partners = world
        .snapshot()
        .domains
        .into_iter()
        .find(|d| d.display_name == "Partners")
        .unwrap()
        .id;
    world
        .block_on(world.client.deactivate_domain(&partners, None))
        .unwrap();
    act(&mut state, &mut world, Action::Go(PaneId::WorkRequests));
    let listed = update(&mut state, Action::NextTab);
    let [list] = &listed[..] else {
        panic!("{listed:?}");
    };
    let answer = responses(&mut world, list);
    let follow = apply_all_collecting(&mut state, answer);
    // The running one is followed: its state each time it changes, until the end.
    let running: Vec<_> = follow
        .iter()
        .filter(|r| {
            matches!(
                &r.kind,
                RequestKind::WorkRequests(WorkRequestRequest::Follow {
                    service: WorkService::Iam,
                    ..
                })
            )
        })
        .collect();
    assert!(!running.is_empty(), "{follow:?}");
    let mut updates = Vec::new();
    for r in &running {
        updates.extend(responses(&mut world, r));
    }
    assert!(
        updates.iter().any(|r| !r.done),
        "progress before the end: {updates:?}"
    );
    assert!(updates.iter().any(|r| matches!(
        &r.result,
        Ok(Payload::WorkRequest(w)) if w.status == WorkRequestStatus::Succeeded
    )));
    apply_all(&mut state, &mut world, updates);
    let row = state
        .panes
        .work_requests
        .iam
        .all()
        .iter()
        .find(|w| w.operation_type == "DEACTIVATE_DOMAIN")
        .unwrap()
        .clone();
    assert_eq!(row.status, WorkRequestStatus::Succeeded);
}

/// Applies responses; the requests they lead to, unanswered.
fn apply_all_collecting(
    state: &mut AppState,
    responses: Vec<canopy::app::Response>,
) -> Vec<canopy::app::Request> {
    let mut next = Vec::new();
    for r in responses {
        next.extend(canopy::app::apply_response(state, r));
    }
    next
}
