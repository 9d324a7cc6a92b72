//! Helpers the Identity, Tags and Invitations tests share: keys into forms, the form's
//! validation message, and the kinds of the requests an action sent.

use canopy::app::modal::ModalKind;
use canopy::app::{AppState, Request, RequestKind, apply_response};
use canopy::model::Snapshot;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::harness::{key, press};

pub fn kinds(requests: &[Request]) -> Vec<RequestKind> {
    requests.iter().map(|r| r.kind.clone()).collect()
}

pub fn enter(state: &mut AppState, snapshot: &mut Snapshot) {
    press(state, snapshot, key(KeyCode::Enter));
}

pub fn tab(state: &mut AppState, snapshot: &mut Snapshot) {
    press(state, snapshot, key(KeyCode::Tab));
}

/// Ctrl-U: empties the focused field.
pub fn clear_field(state: &mut AppState, snapshot: &mut Snapshot) {
    press(
        state,
        snapshot,
        KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL),
    );
}

/// The open form's validation message (panics if no form is open).
pub fn form_error(state: &AppState) -> String {
    match state.ctx.modal.as_ref().map(|m| &m.kind) {
        Some(ModalKind::Form { error, .. }) => error.clone().unwrap_or_default(),
        other => panic!("the form should stay open, found {other:?}"),
    }
}

/// Answers `requests` once and returns what the answers lead to, unanswered.
pub fn answer_once(
    state: &mut AppState,
    snapshot: &mut Snapshot,
    requests: &[Request],
) -> Vec<Request> {
    let mut next = Vec::new();
    for r in requests {
        for response in super::harness::answer(snapshot, r) {
            next.extend(apply_response(state, response));
        }
    }
    next
}

/// A fresh state with `pane` focused and nothing answered yet, and the requests it sent.
pub fn loading_in(pane: canopy::app::PaneId) -> (AppState, Vec<Request>) {
    let snapshot = super::harness::demo();
    let (mut state, mut requests) = super::harness::fresh(&snapshot, false);
    requests.extend(canopy::app::update(
        &mut state,
        canopy::app::Action::Go(pane),
    ));
    (state, requests)
}

/// The tenancy in `snapshot` (as the test changed it) loaded, with `pane` focused.
pub fn loaded_in(mut snapshot: Snapshot, pane: canopy::app::PaneId) -> (AppState, Snapshot) {
    let (mut state, requests) = super::harness::fresh(&snapshot, false);
    super::harness::settle(&mut state, &mut snapshot, requests);
    super::harness::act(&mut state, &mut snapshot, canopy::app::Action::Go(pane));
    (state, snapshot)
}

/// Refreshes the focused pane and answers everything it asks with the same failure.
pub fn refresh_failing(state: &mut AppState, status: u16, code: &str) {
    for r in &canopy::app::update(state, canopy::app::Action::Refresh) {
        apply_response(state, super::harness::fail(r, status, code));
    }
}
