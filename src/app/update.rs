//! The pure heart of the TUI: `update(state, action)` and `apply_response(state, response)`
//! change the state and return the requests for the worker. No I/O, no awaiting.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::Action;
use super::ctx::Effect;
use super::modal_update::update_modal;
use super::pane::Pane;
use super::pane_id::PaneId;
use super::request::{CallRecord, Request, Response};
use super::state::{AppState, Prompt};
use super::text_input;
use crate::{with_pane, with_pane_ref};

/// The action a key means in the current state, or `None` if it means nothing.
pub fn action_for_key(state: &AppState, key: &KeyEvent) -> Option<Action> {
    let (contexts, text) = state.key_contexts();
    if let Some(action) = state.keymap.resolve(&contexts, key) {
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
    if let Some(modal) = super::policy_edit::restore_drafts_modal(&state.ctx) {
        state.ctx.open(modal);
    }
    finish(state)
}

/// Applies one action; returns the requests to send.
#[allow(clippy::needless_pass_by_value)] // actions are values; callers never reuse them
pub fn update(state: &mut AppState, action: Action) -> Vec<Request> {
    if action == Action::Tick {
        state.ctx.tick += 1;
        state.ctx.toasts.tick();
        return Vec::new();
    }
    if state.ctx.modal.is_some() {
        let AppState { ctx, panes, .. } = state;
        if let Some((owner, purpose, outcome)) = update_modal(ctx, &action) {
            with_pane!(panes, owner, |p| p.on_modal(purpose, outcome, ctx));
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

/// Takes a response from the worker; returns follow-up requests.
pub fn apply_response(state: &mut AppState, response: Response) -> Vec<Request> {
    if response.done {
        state.ctx.in_flight = state.ctx.in_flight.saturating_sub(1);
    }
    let AppState { ctx, panes, .. } = state;
    if let Some(response) = ctx.take_snapshot_response(response) {
        with_pane!(panes, response.pane, |p| p.take_response(response, ctx));
    }
    follow_effects(state);
    finish(state)
}

/// Records one API call in the command log.
pub fn record_call(state: &mut AppState, call: CallRecord) {
    state.panes.log.record(call);
}

fn finish(state: &mut AppState) -> Vec<Request> {
    let AppState {
        ctx,
        panes,
        active,
        audit,
        ..
    } = state;
    with_pane!(panes, *active, |p| p.ensure_loaded(ctx));
    if let Some(view) = audit {
        view.sync(ctx);
    }
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
    ctx.take_requests()
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
            other => state.ctx.effects.push(other),
        }
    }
}

fn go(state: &mut AppState, pane: PaneId) {
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
        Action::Quit => state.quit = true,
        Action::NextPane => go(state, state.active.next()),
        Action::PreviousPane => go(state, state.active.previous()),
        Action::Go(pane) => go(state, *pane),
        Action::Palette => {
            state.prompt = Some(Prompt::Palette {
                input: String::new(),
            });
        }
        Action::Filter => {
            let current = with_pane_ref!(state.panes, state.active, |p| p.filter().cloned());
            match current {
                Some(filter) => {
                    state.prompt = Some(Prompt::Filter {
                        filter: filter.clone(),
                        before: filter,
                    });
                }
                None => state.ctx.toasts.info("nothing to filter here"),
            }
        }
        Action::Help => state.help = Some(0),
        Action::CopyOcid => {
            let ocid = with_pane_ref!(state.panes, state.active, |p| p.selected_ocid(&state.ctx));
            match ocid {
                Some(ocid) => {
                    state.ctx.toasts.success(format!("copied {ocid}"));
                    state.ctx.effects.push(Effect::Copy(ocid));
                }
                None => state.ctx.toasts.info("nothing selected to copy"),
            }
        }
        Action::RawJson => {
            let json = with_pane_ref!(state.panes, state.active, |p| p.selected_json(&state.ctx));
            match json {
                Some(json) => {
                    let text = serde_json::to_string_pretty(&json).unwrap_or_default();
                    let lines = text.lines().map(super::modal::ToneLine::plain).collect();
                    state
                        .ctx
                        .open(super::modal::Modal::text(state.active, "Raw JSON", lines));
                }
                None => state.ctx.toasts.info("nothing selected to show"),
            }
        }
        Action::Refresh => {
            let AppState {
                ctx, panes, active, ..
            } = state;
            ctx.invalidate_snapshot();
            with_pane!(panes, *active, |p| p.refresh(ctx));
        }
        Action::Back => {
            let AppState {
                ctx, panes, active, ..
            } = state;
            let handled = with_pane!(panes, *active, |p| p.back(ctx));
            if !handled && let Some(previous) = state.breadcrumbs.pop() {
                state.active = previous;
            }
        }
        Action::Command(command) => run_command(state, command),
        Action::Audit if matches!(state.active, PaneId::Compartments | PaneId::Policies) => {
            let id = if state.active == PaneId::Compartments {
                state.panes.compartments.selected_id().map(str::to_string)
            } else {
                let policies = &state.panes.policies;
                policies
                    .scope
                    .clone()
                    .or_else(|| policies.selected().map(|p| p.compartment_id.clone()))
            };
            match id {
                Some(id) => {
                    state.audit = Some(super::audit::AuditView::new(&id, state.active));
                }
                None => state.ctx.toasts.info("select a compartment to audit"),
            }
        }
        write if write.is_write() && state.ctx.session.read_only => state.ctx.refuse_write(),
        other => {
            let AppState {
                ctx, panes, active, ..
            } = state;
            with_pane!(panes, *active, |p| p.handle(other, ctx));
        }
    }
}

fn update_prompt(state: &mut AppState, action: &Action) {
    let Some(prompt) = state.prompt.as_mut() else {
        return;
    };
    match prompt {
        Prompt::Palette { input } => match action {
            Action::Input(key) => {
                text_input::apply_key(input, key);
            }
            Action::Paste(text) => text_input::paste(input, text),
            Action::Select => {
                let command = input.trim().to_string();
                state.prompt = None;
                run_command(state, &command);
            }
            Action::Back | Action::Cancel => state.prompt = None,
            _ => {}
        },
        Prompt::Filter { filter, before } => {
            let mut changed = true;
            match action {
                Action::Input(key) => changed = text_input::apply_key(&mut filter.query, key),
                Action::Paste(text) => text_input::paste(&mut filter.query, text),
                Action::FilterMode => filter.mode = filter.mode.next(),
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
                    with_pane!(panes, *active, |p| p.set_filter(before, ctx));
                    return;
                }
                _ => changed = false,
            }
            if changed {
                let filter = filter.clone();
                let AppState {
                    ctx, panes, active, ..
                } = state;
                with_pane!(panes, *active, |p| p.set_filter(filter, ctx));
            }
        }
    }
}

/// The `:` commands and their aliases.
pub const COMMANDS: &[(&str, &str)] = &[
    ("cmp", "compartments"),
    ("usr", "users"),
    ("grp", "groups"),
    ("dg", "dynamic groups"),
    ("pol", "policies"),
    ("tag", "tags"),
    ("inv", "invitations"),
    ("log", "command log"),
    ("help", "help"),
    ("q", "quit"),
];

fn run_command(state: &mut AppState, command: &str) {
    let (pane, show) = match command {
        "" => return,
        "q" | "quit" => {
            state.quit = true;
            return;
        }
        "help" | "h" => {
            state.help = Some(0);
            return;
        }
        "cmp" | "compartments" | "compartment" => (PaneId::Compartments, None),
        "usr" | "users" | "user" => (PaneId::Identity, Some("users")),
        "grp" | "groups" | "group" => (PaneId::Identity, Some("groups")),
        "dg" | "dynamic-groups" | "dynamicgroups" => (PaneId::Identity, Some("dynamic_groups")),
        "pol" | "policies" | "policy" => (PaneId::Policies, None),
        "tag" | "tags" => (PaneId::Tags, None),
        "inv" | "invitations" | "invitation" => (PaneId::Invitations, None),
        "log" => (PaneId::Log, None),
        other => {
            state.ctx.toasts.error(format!(
                "unknown command :{other} (try :cmp :usr :grp :dg :pol :tag :inv :log :q)"
            ));
            return;
        }
    };
    go(state, pane);
    if let Some(view) = show {
        let AppState { ctx, panes, .. } = state;
        with_pane!(panes, pane, |p| p
            .handle(&Action::Show(view.to_string()), ctx));
    }
}
