//! Helpers the Identity, Tags and Invitations tests share: keys into forms, the form's
//! messages, and the kinds of the requests an action sent.

use canopy::app::widgets::form::Form;
use canopy::app::{AppState, Request, RequestKind, apply_response};
use canopy::model::Snapshot;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::harness::{World, key, press};

pub fn kinds(requests: &[Request]) -> Vec<RequestKind> {
    requests.iter().map(|r| r.kind.clone()).collect()
}

pub fn enter(state: &mut AppState, world: &mut World) {
    press(state, world, key(KeyCode::Enter));
}

pub fn tab(state: &mut AppState, world: &mut World) {
    press(state, world, key(KeyCode::Tab));
}

/// Ctrl-U: empties the focused field (the cursor is at its end).
pub fn clear_field(state: &mut AppState, world: &mut World) {
    press(
        state,
        world,
        KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL),
    );
}

/// The open form (panics if no form is open).
pub fn form(state: &AppState) -> &Form {
    state
        .ctx
        .modal
        .as_ref()
        .and_then(|m| m.form_state())
        .unwrap_or_else(|| panic!("a form should be open, found {:?}", state.ctx.modal))
}

/// Every message the open form shows: its own and its fields'.
pub fn form_error(state: &AppState) -> String {
    let f = form(state);
    let mut out: Vec<String> = f.fields.iter().filter_map(|x| x.error.clone()).collect();
    out.extend(f.error.clone());
    out.join("; ")
}

/// Answers `requests` once and returns what the answers lead to, unanswered.
pub fn answer_once(state: &mut AppState, world: &mut World, requests: &[Request]) -> Vec<Request> {
    let mut next = Vec::new();
    for r in requests {
        for response in super::harness::answer(world, r) {
            next.extend(apply_response(state, response));
        }
    }
    next
}

/// A fresh state with `pane` focused and nothing answered yet, the requests it sent, and the
/// world that would answer them.
pub fn loading_in(pane: canopy::app::PaneId) -> (AppState, Vec<Request>, World) {
    let world = super::harness::world(super::harness::demo());
    let (mut state, mut requests) = super::harness::fresh(&world, false);
    requests.extend(canopy::app::update(
        &mut state,
        canopy::app::Action::Go(pane),
    ));
    (state, requests, world)
}

/// The tenancy in `seed` loaded, with `pane` focused.
pub fn loaded_in(seed: Snapshot, pane: canopy::app::PaneId) -> (AppState, World) {
    let (mut state, mut world) = super::harness::loaded_with(seed, false);
    super::harness::act(&mut state, &mut world, canopy::app::Action::Go(pane));
    (state, world)
}

/// Refreshes the focused pane and answers everything it asks with the same failure.
pub fn refresh_failing(state: &mut AppState, status: u16, code: &str) {
    for r in &canopy::app::update(state, canopy::app::Action::Refresh) {
        apply_response(state, super::harness::fail(r, status, code));
    }
}

/// Uploads an API key for `user_id` straight to the emulator (as another admin would); its
/// fingerprint.
pub fn upload_key(world: &World, user_id: &str) -> String {
    use rand::SeedableRng;
    use rsa::pkcs8::{EncodePublicKey, LineEnding};
    let mut rng = rand::rngs::StdRng::seed_from_u64(7);
    let pem = rsa::RsaPrivateKey::new(&mut rng, 1024)
        .expect("a key")
        .to_public_key()
        .to_public_key_pem(LineEnding::LF)
        .expect("a pem");
    let fingerprint = world
        .block_on(world.client.upload_api_key(user_id, &pem))
        .expect("uploaded")
        .value
        .fingerprint;
    // A fixed date, so screens that show it do not change by the day.
    world.change(|s| {
        for k in &mut s.api_keys {
            if k.fingerprint == fingerprint {
                k.time_created = "2026-01-02T03:04:05.000Z".into();
            }
        }
    });
    fingerprint
}

/// The toast on screen now (empty when none).
pub fn toast(state: &AppState) -> String {
    state
        .ctx
        .toasts
        .current()
        .map(|t| t.text.clone())
        .unwrap_or_default()
}

/// Space: marks the row under the cursor (or ticks a choice).
pub fn space(state: &mut AppState, world: &mut World) {
    press(state, world, key(KeyCode::Char(' ')));
}

/// The demo tenancy loaded, with `pane` focused.
pub fn in_pane(pane: canopy::app::PaneId) -> (AppState, World) {
    let (mut state, mut world) = super::harness::loaded(false);
    super::harness::act(&mut state, &mut world, canopy::app::Action::Go(pane));
    (state, world)
}

/// What Enter submits, unanswered.
pub fn submit(state: &mut AppState) -> Vec<Request> {
    canopy::app::update(state, canopy::app::Action::Select)
}
