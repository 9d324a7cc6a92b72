//! The pure heart of the TUI: `update(state, action)` and `apply_response(state, response)`
//! change the state and return the requests for the worker. No I/O, no awaiting.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::Action;
use super::commands::run_command;
use super::ctx::Effect;
use super::panes::{Pane as _, PaneDialog, PaneId};
use super::request::{CallRecord, Request, Response};
use super::resource::Presence;
use super::state::{AppState, Prompt};
use super::widgets::line_editor::{Edit, LineEditor};
use super::widgets::list_view::ListControl;
use super::widgets::modal::{Modal, ModalKind, ModalOutcome, ToneLine};
use super::widgets::modal_update::update_modal;

/// The action a key means in the current state, or `None` if it means nothing.
pub fn action_for_key(state: &AppState, key: &KeyEvent) -> Option<Action> {
    let (contexts, text) = state.key_contexts();
    if let Some(action) = state.keymap().resolve(&contexts, key) {
        return Some(action);
    }
    // Ctrl-C always quits, even inside an editor whose keymap does not bind it; drafts are
    // saved on the way out.
    if key.code == KeyCode::Char('c') && key.modifiers.contains(KeyModifiers::CONTROL) {
        return Some(Action::Quit);
    }
    text.then_some(Action::Input(*key))
}

/// The first requests of a session (the tenancy, the compartment tree), and the question
/// about drafts found on disk.
pub fn start(state: &mut AppState) -> Vec<Request> {
    if let Some(modal) = super::panes::policies::restore_drafts_modal(&state.ctx) {
        state.ctx.open(modal);
    }
    finish(state)
}

/// Ticks between reads of a list that is still settling (8 x 250 ms = 2 s).
const SETTLE_TICKS: u64 = 8;

/// Applies one action; returns the requests to send.
#[allow(clippy::needless_pass_by_value)] // actions are values; callers never reuse them
pub fn update(state: &mut AppState, action: Action) -> Vec<Request> {
    if action == Action::Tick {
        state.ctx.tick += 1;
        state.ctx.toasts.tick();
        // A list whose rows change by themselves (a creating invitation, a running work
        // request) reads itself again until they settle, instead of waiting for `r`.
        if state.ctx.tick.is_multiple_of(SETTLE_TICKS) && state.ctx.modal.is_none() {
            let AppState {
                ctx, panes, active, ..
            } = state;
            let pane = panes.get_mut(*active);
            if pane.settling() {
                pane.refresh(ctx);
                return ctx.take_requests();
            }
        }
        return Vec::new();
    }
    if state.ctx.modal.is_some() {
        if let Some((modal, outcome)) = update_modal(&mut state.ctx, &action) {
            close_modal(state, modal, outcome);
        }
    } else if let Some(scroll) = state.help {
        state.help = match action {
            Action::Back | Action::Quit | Action::Help => None,
            Action::Down => Some(scroll.saturating_add(1)),
            Action::Up => Some(scroll.saturating_sub(1)),
            Action::PageDown => Some(scroll.saturating_add(10)),
            Action::PageUp => Some(scroll.saturating_sub(10)),
            _ => Some(scroll),
        };
    } else if let Some(view) = state.audit.as_mut() {
        if action == Action::Refresh {
            // The view rebuilds from the new snapshot once it arrives.
            state.ctx.invalidate_snapshot();
        } else if action == Action::Help {
            state.help = Some(0);
        } else if action == Action::CopyText {
            match &view.answer {
                Some((title, lines)) => {
                    let mut text = vec![title.clone()];
                    text.extend(lines.iter().map(|l| l.text.clone()));
                    let done = format!("copied the answer ({} lines)", text.len());
                    state.ctx.copy(text.join("\n"), done);
                }
                None => state
                    .ctx
                    .toasts
                    .info("no answer to copy yet: ask a question first"),
            }
        } else if !view.handle(&action) {
            state.audit = None;
        }
    } else if state.prompt.is_some() {
        update_prompt(state, &action);
    } else {
        update_focused(state, &action);
    }
    follow_effects(state);
    finish(state)
}

/// A modal closed: its outcome goes to the pane that opened it (the column chooser is the
/// core's own). A submitted form is kept aside so a write it sends can keep it open.
fn close_modal(state: &mut AppState, modal: Modal, outcome: ModalOutcome) {
    let dialog = modal.dialog.clone();
    if matches!(outcome, ModalOutcome::Submitted(_)) && matches!(modal.kind, ModalKind::Form(_)) {
        state.ctx.closed_form = Some(modal);
    }
    match dialog {
        PaneDialog::Columns => {
            if let ModalOutcome::Chose(i) = outcome {
                super::list_keys::choose_columns(state, Some(i));
            }
        }
        PaneDialog::Find { ocids } => {
            if let ModalOutcome::Chose(i) = outcome {
                super::find::chosen(state, &ocids, i);
            }
        }
        PaneDialog::Marks { names } => {
            if let ModalOutcome::Chose(i) = outcome {
                super::marks::chosen(state, &names, i);
            }
        }
        dialog => {
            let AppState { ctx, panes, .. } = state;
            panes.on_modal(dialog, outcome, ctx);
        }
    }
}

/// Takes a response from the worker; returns follow-up requests.
pub fn apply_response(state: &mut AppState, response: Response) -> Vec<Request> {
    let AppState { ctx, panes, .. } = state;
    if let Some(response) = ctx.take_shared_response(response) {
        panes.get_mut(response.pane).take_response(response, ctx);
    }
    follow_effects(state);
    finish(state)
}

/// Records one API call in the command log.
pub fn record_call(state: &mut AppState, call: CallRecord) {
    state.panes.log.record(call);
}

fn finish(state: &mut AppState) -> Vec<Request> {
    state.ctx.contexts = state.key_contexts().0;
    let AppState {
        ctx,
        panes,
        active,
        audit,
        ..
    } = state;
    // The tree is shared: paths, scopes and the header's tenancy need it on every pane.
    panes.compartments.ensure_tree(ctx);
    panes.get_mut(*active).ensure_loaded(ctx);
    // A form that was submitted and sent nothing is done with.
    ctx.closed_form = None;
    if let Some(view) = audit {
        view.sync(ctx);
    }
    // A structural change's dialog fills in its impact once the tenancy is there.
    super::impact::settle(ctx);
    // The editor lints against the whole tenancy once it is there (per statement before).
    if let Some(editor) = &mut panes.policies.editor {
        ctx.ensure_snapshot(PaneId::Policies);
        let text = editor.text();
        let snapshot = ctx.snapshot.data().cloned();
        editor.lint.refresh(
            &text,
            snapshot.as_ref(),
            &editor.compartment_id,
            &editor.policy_id,
        );
    }
    // The compartment tree shows policy counts, so the policy fan-out starts with it.
    if *active == PaneId::Compartments {
        panes.policies.ensure_loaded(ctx);
    }
    // What a list had to say about its selection ("ana is gone").
    let note = match *active {
        PaneId::Compartments => panes.compartments.note.take(),
        other => panes
            .get_mut(other)
            .focused_list_mut()
            .and_then(ListControl::take_note),
    };
    if let Some(note) = note {
        ctx.toasts.info(note);
    }
    // Warm start: the pane on screen reads itself again; a fresh snapshot fills the rest.
    super::warm::settle(state);
    // A `:find` waiting for the tenancy shows its hits once it is there.
    if state.find.is_some() {
        super::find::settle(state);
    }
    let requests = state.ctx.take_requests();
    state.ctx.contexts = state.key_contexts().0;
    requests
}

/// Handles navigation effects here; the rest wait for the event loop.
fn follow_effects(state: &mut AppState) {
    let effects = std::mem::take(&mut state.ctx.effects);
    for effect in effects {
        match effect {
            Effect::ShowPolicies { compartment_id } => {
                go(state, PaneId::Policies);
                state.panes.policies.set_scope(compartment_id, &state.ctx);
            }
            Effect::ShowUserCredentials { user_id, kind } => {
                go(state, PaneId::Identity);
                let AppState { ctx, panes, .. } = state;
                panes.identity.show_user_credentials(&user_id, kind, ctx);
            }
            other => state.ctx.effects.push(other),
        }
    }
}

pub(crate) fn go(state: &mut AppState, pane: PaneId) {
    if pane != state.active {
        state.breadcrumbs.push(state.active);
        // Bounded: the trail is for going back a few steps, not a history.
        if state.breadcrumbs.len() > 32 {
            state.breadcrumbs.remove(0);
        }
        state.active = pane;
    }
}

fn update_focused(state: &mut AppState, action: &Action) {
    match action {
        Action::Click { column, row } => {
            if super::selection::click(state, *column, *row) {
                update_focused(state, &Action::Select);
            }
        }
        Action::Quit => state.quit = true,
        Action::NextPane => go(state, state.active.next()),
        Action::PreviousPane => go(state, state.active.previous()),
        Action::Go(pane) => go(state, *pane),
        Action::Palette => {
            state.prompt = Some(Prompt::Palette {
                input: LineEditor::default(),
                candidates: Vec::new(),
            });
        }
        Action::Filter => {
            let current = state.panes.get(state.active).filter().cloned();
            match current {
                Some(filter) => {
                    state.prompt = Some(Prompt::Filter {
                        input: LineEditor::new(&filter.query),
                        filter: filter.clone(),
                        before: filter,
                    });
                }
                None => state.ctx.toasts.info("nothing to filter here"),
            }
        }
        Action::Help => state.help = Some(0),
        Action::LastError => match state.ctx.toasts.last_error().cloned() {
            Some(kept) => {
                state.panes.log.show_last_error(&state.ctx);
                state.ctx.open(super::panes::log::message_modal(&kept));
            }
            None => state.ctx.toasts.info("no error this session"),
        },
        Action::CopyName => match super::selection::selected_name(state) {
            Some(name) => {
                let done = format!("copied {name}");
                state.ctx.copy(name, done);
            }
            None => state.ctx.toasts.info("nothing selected to copy"),
        },
        Action::CopyOcid => {
            let ocid = state.panes.get(state.active).selected_ocid(&state.ctx);
            match ocid {
                Some(ocid) => {
                    let done = format!("copied {ocid}");
                    state.ctx.copy(ocid, done);
                }
                None => state.ctx.toasts.info("nothing selected to copy"),
            }
        }
        Action::RawJson => {
            let json = state.panes.get(state.active).selected_json(&state.ctx);
            match json {
                Some(json) => {
                    let text = serde_json::to_string_pretty(&json).unwrap_or_default();
                    let lines = text.lines().map(ToneLine::plain).collect();
                    state.ctx.open(Modal::text("Raw JSON", lines));
                }
                None => state.ctx.toasts.info("nothing selected to show"),
            }
        }
        Action::Refresh => {
            let AppState {
                ctx, panes, active, ..
            } = state;
            ctx.invalidate_snapshot();
            panes.get_mut(*active).refresh(ctx);
        }
        Action::Back => {
            let AppState {
                ctx, panes, active, ..
            } = state;
            let handled = panes.get_mut(*active).back(ctx);
            if !handled && let Some(previous) = state.breadcrumbs.pop() {
                state.active = previous;
            }
        }
        Action::Command(command) => run_command(state, command),
        Action::Audit if matches!(state.active, PaneId::Compartments | PaneId::Policies) => {
            open_audit(state);
        }
        Action::Sort | Action::SortReverse | Action::Columns | Action::Mark => {
            super::list_keys::list_action(state, action);
        }
        write if write.is_write() && state.ctx.session.read_only => state.ctx.refuse_write(),
        write if refuses_gone(state, write) => {}
        other => {
            let AppState {
                ctx, panes, active, ..
            } = state;
            panes.get_mut(*active).handle(other, ctx);
        }
    }
}

/// A write on a deleted resource is refused here, once for every list, with a word.
fn refuses_gone(state: &mut AppState, action: &Action) -> bool {
    if !action.is_write() || matches!(action, Action::Create | Action::Add | Action::Recover) {
        return false;
    }
    let Some(list) = state.panes.get(state.active).focused_list() else {
        return false;
    };
    if list.selected_presence() != Some(Presence::Gone) {
        return false;
    }
    let (noun, name) = (list.noun().one, list.selected_name().unwrap_or_default());
    state
        .ctx
        .toasts
        .info(format!("{noun} {name} is deleted: it cannot be changed"));
    true
}

fn open_audit(state: &mut AppState) {
    let id = if state.active == PaneId::Compartments {
        state.panes.compartments.selected_id().map(str::to_string)
    } else {
        let policies = &state.panes.policies;
        policies
            .scope()
            .map(str::to_string)
            .or_else(|| policies.selected().map(|p| p.compartment_id.clone()))
    };
    match id {
        Some(id) => state.audit = Some(super::audit::AuditView::new(&id, state.active)),
        None => state.ctx.toasts.info("select a compartment to audit"),
    }
}

fn update_prompt(state: &mut AppState, action: &Action) {
    let Some(prompt) = state.prompt.as_mut() else {
        return;
    };
    match prompt {
        Prompt::Palette { input, candidates } => match action {
            Action::Input(key) if key.code == KeyCode::Tab => {
                let typed = input.text().to_string();
                let (line, found) = super::palette::complete(state, &typed);
                if let Some(Prompt::Palette { input, candidates }) = state.prompt.as_mut() {
                    input.set(&line);
                    *candidates = found;
                }
            }
            Action::Input(key) if matches!(key.code, KeyCode::Up | KeyCode::Down) => {
                let line = state
                    .history
                    .step(key.code == KeyCode::Up)
                    .map(str::to_string);
                if let Some(Prompt::Palette { input, .. }) = state.prompt.as_mut() {
                    input.set(line.as_deref().unwrap_or(""));
                }
            }
            Action::Input(key) => {
                input.handle(key);
                candidates.clear();
            }
            Action::Paste(text) => {
                input.paste(text);
                candidates.clear();
            }
            Action::Select => {
                let command = input.text().trim().to_string();
                state.prompt = None;
                state.history.push(&command);
                run_command(state, &command);
            }
            Action::Back | Action::Cancel => state.prompt = None,
            _ => {}
        },
        Prompt::Filter {
            input,
            filter,
            before,
        } => {
            let changed = match action {
                Action::Input(key) => input.handle(key) == Edit::Changed,
                Action::Paste(text) => input.paste(text) == Edit::Changed,
                Action::FilterMode => {
                    filter.mode = filter.mode.next();
                    true
                }
                Action::Select => {
                    state.prompt = None;
                    return;
                }
                Action::Back | Action::Cancel => {
                    let before = before.clone();
                    state.prompt = None;
                    let AppState {
                        ctx, panes, active, ..
                    } = state;
                    panes.get_mut(*active).set_filter(before, ctx);
                    return;
                }
                _ => false,
            };
            if changed {
                filter.query = input.text().to_string();
                let filter = filter.clone();
                let AppState {
                    ctx, panes, active, ..
                } = state;
                panes.get_mut(*active).set_filter(filter, ctx);
            }
        }
    }
}
