//! Helpers the Domains, Federation, Regions and Work requests tests share: moving to a form
//! field by name, the last toast, and the responses of a request one at a time.

use canopy::app::{AppState, Request, Response, apply_response};

use super::harness::{World, type_text};

/// Puts the focus on the open form's field `name` and types `text` at its end.
pub fn fill(state: &mut AppState, world: &mut World, name: &str, text: &str) {
    let form = state
        .ctx
        .modal
        .as_mut()
        .and_then(|m| m.form_state_mut())
        .expect("a form is open");
    form.focus = form
        .fields
        .iter()
        .position(|f| f.name == name)
        .unwrap_or_else(|| panic!("the form has no field {name}"));
    type_text(state, world, text);
}

/// The open form's value of field `name`.
pub fn field_value(state: &AppState, name: &str) -> String {
    let form = state
        .ctx
        .modal
        .as_ref()
        .and_then(|m| m.form_state())
        .expect("a form is open");
    let field = form.fields.iter().find(|f| f.name == name);
    field
        .unwrap_or_else(|| panic!("the form has no field {name}"))
        .input
        .text()
        .to_string()
}

/// The toast line's text (empty when none).
pub fn toast(state: &AppState) -> String {
    state
        .ctx
        .toasts
        .current()
        .map(|t| t.text.clone())
        .unwrap_or_default()
}

/// Every response of `request`, from the worker against the emulator, unapplied.
pub fn responses(world: &mut World, request: &Request) -> Vec<Response> {
    super::harness::answer(world, request)
}

/// Applies responses and answers what they lead to until nothing is left.
pub fn apply_all(state: &mut AppState, world: &mut World, responses: Vec<Response>) {
    let mut next = Vec::new();
    for r in responses {
        next.extend(apply_response(state, r));
    }
    super::harness::settle(state, world, next);
}
