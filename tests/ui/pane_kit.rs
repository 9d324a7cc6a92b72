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
