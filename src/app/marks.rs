//! Bookmarks: `:mark NAME` keeps the current place (pane and selection) under a name, per
//! profile; `:go NAME` (Tab completes it) or `:marks` (a list to choose from) goes back there;
//! `:unmark NAME` forgets one. Marks are written to disk as soon as they change.

use super::location::{Location, current, go_to, save_marks};
use super::panes::PaneDialog;
use super::state::AppState;
use super::widgets::modal::{Modal, Tone, ToneLine};

/// How long a mark's name may be.
const MAX_NAME: usize = 40;

/// `:mark [NAME]`: NAME defaults to the selection's name (or the pane's).
pub(super) fn mark(state: &mut AppState, name: &str) {
    let place = current(state);
    let name = match name.trim() {
        "" => default_name(&place),
        given => given.to_string(),
    };
    if let Err(e) = super::validate::name(&name, "a mark's name", MAX_NAME) {
        state.ctx.toasts.error(e);
        return;
    }
    let replaced = state.marks.insert(name.clone(), place).is_some();
    persist(state);
    let verb = if replaced { "moved mark" } else { "marked" };
    state.ctx.toasts.success(format!(
        "{verb} {name} (:go {name} comes back, :marks lists them)"
    ));
}

fn default_name(place: &Location) -> String {
    place.label.clone().unwrap_or_else(|| place.pane.clone())
}

/// `:go NAME`.
pub(super) fn go(state: &mut AppState, name: &str) {
    let name = name.trim();
    match state.marks.get(name).cloned() {
        Some(place) => go_to(state, &place),
        None if state.marks.is_empty() => state
            .ctx
            .toasts
            .error("no marks yet: :mark NAME keeps where you are"),
        None => {
            let names: Vec<&str> = state.marks.keys().map(String::as_str).collect();
            state.ctx.toasts.error(format!(
                "no mark named {name} (marks: {})",
                names.join(", ")
            ));
        }
    }
}

/// `:unmark NAME`.
pub(super) fn unmark(state: &mut AppState, name: &str) {
    let name = name.trim();
    if state.marks.remove(name).is_none() {
        state.ctx.toasts.error(format!("no mark named {name}"));
        return;
    }
    persist(state);
    state.ctx.toasts.info(format!("forgot mark {name}"));
}

/// `:marks`: every mark, to choose one to go to.
pub(super) fn list(state: &mut AppState) {
    if state.marks.is_empty() {
        state
            .ctx
            .toasts
            .info("no marks yet: :mark NAME keeps where you are");
        return;
    }
    let names: Vec<String> = state.marks.keys().cloned().collect();
    let options: Vec<String> = state
        .marks
        .iter()
        .map(|(name, place)| {
            let what = place
                .label
                .clone()
                .or_else(|| place.selected.clone())
                .unwrap_or_default();
            format!("{name}  {} {what}", place.pane)
        })
        .collect();
    let options: Vec<&str> = options.iter().map(String::as_str).collect();
    let lines = vec![ToneLine::new(
        Tone::Dim,
        "Enter goes to the mark chosen · :unmark NAME forgets one",
    )];
    state.ctx.open(Modal::choice(
        PaneDialog::Marks { names },
        "Marks",
        lines,
        &options,
    ));
}

pub(super) fn chosen(state: &mut AppState, names: &[String], index: usize) {
    if let Some(name) = names.get(index) {
        go(state, name);
    }
}

fn persist(state: &mut AppState) {
    let Some(path) = state.places_path.clone() else {
        return;
    };
    if let Err(e) = save_marks(&path, state) {
        state
            .ctx
            .toasts
            .error(format!("the mark is kept for this session only: {e}"));
    }
}
