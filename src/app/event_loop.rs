//! The event loop: terminal input, worker messages, ticks and signals in; draw once after
//! draining whatever is pending, and only if something changed.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use crossterm::event::{Event as TermEvent, EventStream, KeyEventKind, MouseEventKind};
use futures::StreamExt;
use ratatui::Frame;
use tokio::sync::mpsc::{UnboundedReceiver, UnboundedSender};

use super::action::Action;
use super::ctx::Effect;
use super::drafts;
use super::request::{CallRecord, Request, Response};
use super::state::AppState;
use super::terminal::{TerminalGuard, copy_osc52, edit_externally};
use super::update::{action_for_key, apply_response, record_call, update};

/// Draws the whole screen from state (the `ui` layer provides it).
pub type Draw = fn(&mut Frame<'_>, &AppState);

/// What the worker sends back.
#[derive(Debug)]
pub enum WorkerEvent {
    Response(Box<Response>),
    Call(CallRecord),
}

/// How long the drafts wait for typing to pause before they are written.
const DRAFT_DEBOUNCE: Duration = Duration::from_millis(300);
const TICK: Duration = Duration::from_millis(250);
/// How long the loop handles waiting worker messages before it draws.
const DRAIN_BUDGET: Duration = Duration::from_millis(8);

pub struct Loop {
    pub draw: Draw,
    pub requests: UnboundedSender<Request>,
    pub events: UnboundedReceiver<WorkerEvent>,
    pub drafts_path: Option<PathBuf>,
    /// The signal that ended the loop, for the exit status (128 + its number).
    pub signal: Option<i32>,
}

/// Signal numbers (POSIX), for the exit status after one.
const SIGHUP: i32 = 1;
const SIGINT: i32 = 2;
const SIGTERM: i32 = 15;

enum Input {
    Term(std::io::Result<TermEvent>),
    Worker(WorkerEvent),
    Tick,
    Signal(i32),
    Closed,
}

impl Loop {
    pub async fn run(
        mut self,
        guard: &mut TerminalGuard,
        state: &mut AppState,
    ) -> anyhow::Result<Option<i32>> {
        let mut term = EventStream::new();
        let mut ticks = tokio::time::interval(TICK);
        ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Skip);
        let mut sigterm =
            tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())?;
        let mut sighup = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::hangup())?;
        // Ctrl-C is a key in raw mode; SIGINT still comes from `kill -INT` and the like.
        let mut sigint = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::interrupt())?;
        let mut last_draft_change: Option<Instant> = None;
        guard.draw(|f| (self.draw)(f, state))?;

        while !state.quit {
            let first = tokio::select! {
                // Keys first: a key waits for no backlog of pages and call records.
                biased;
                ev = term.next() => ev.map_or(Input::Closed, Input::Term),
                ev = self.events.recv() => ev.map_or(Input::Closed, Input::Worker),
                _ = ticks.tick() => Input::Tick,
                _ = sigterm.recv() => Input::Signal(SIGTERM),
                _ = sighup.recv() => Input::Signal(SIGHUP),
                _ = sigint.recv() => Input::Signal(SIGINT),
            };
            let key = matches!(first, Input::Term(_));
            let started = Instant::now();
            let mut dirty = self.handle(first, state);
            // Drain what else is already waiting, then draw once; a key's frame goes out at
            // once, and a backlog (a fan-out's thousands of answers) is drawn in slices.
            while !key && started.elapsed() < DRAIN_BUDGET {
                let Ok(ev) = self.events.try_recv() else {
                    break;
                };
                dirty |= self.handle(Input::Worker(ev), state);
            }
            if state.ctx.drafts.dirty {
                let now = Instant::now();
                let since = *last_draft_change.get_or_insert(now);
                if now.duration_since(since) >= DRAFT_DEBOUNCE || state.quit {
                    self.save_drafts(state);
                    last_draft_change = None;
                }
            }
            let effects = std::mem::take(&mut state.ctx.effects);
            for effect in effects {
                dirty = true;
                match effect {
                    Effect::Copy(text) => {
                        if copy_osc52(&text, &state.ctx.clipboard).is_err() {
                            state
                                .ctx
                                .toasts
                                .error("could not write to the terminal to copy");
                        }
                    }
                    Effect::CopySecret(secret) => {
                        if copy_osc52(secret.expose(), &state.ctx.clipboard).is_err() {
                            state
                                .ctx
                                .toasts
                                .error("could not write to the terminal to copy");
                        }
                    }
                    Effect::ExternalEdit { text, .. } => {
                        // The event stream reads stdin on its own thread: drop it so the
                        // editor gets every key, and start a new one afterwards.
                        drop(term);
                        let edited = guard.suspend(|| edit_externally(&text))?;
                        term = EventStream::new();
                        let requests = update(state, Action::ExternalEditDone(edited));
                        self.send(requests);
                    }
                    Effect::SaveCache(super::request::SharedSnapshot(snapshot)) => {
                        if let Some(cache) = &state.ctx.cache {
                            super::warm::save(cache, &state.ctx.session.tenancy_id, snapshot);
                        }
                    }
                    Effect::ShowPolicies { .. } | Effect::ShowUserCredentials { .. } => {}
                }
            }
            if dirty && !state.quit {
                guard.draw(|f| (self.draw)(f, state))?;
            }
        }
        if state.ctx.drafts.dirty {
            self.save_drafts(state);
        }
        Ok(self.signal)
    }

    /// Applies one input; true when the screen may have changed.
    fn handle(&mut self, input: Input, state: &mut AppState) -> bool {
        match input {
            Input::Term(Ok(TermEvent::Key(key))) if key.kind != KeyEventKind::Release => {
                match action_for_key(state, &key) {
                    Some(action) => {
                        let requests = update(state, action);
                        self.send(requests);
                        true
                    }
                    None => false,
                }
            }
            Input::Term(Ok(TermEvent::Paste(text))) => {
                let requests = update(state, Action::Paste(text));
                self.send(requests);
                true
            }
            Input::Term(Ok(TermEvent::Mouse(m))) => {
                let action = match m.kind {
                    MouseEventKind::ScrollDown => Action::Down,
                    MouseEventKind::ScrollUp => Action::Up,
                    MouseEventKind::Down(crossterm::event::MouseButton::Left) => Action::Click {
                        column: m.column,
                        row: m.row,
                    },
                    _ => return false,
                };
                let requests = update(state, action);
                self.send(requests);
                true
            }
            Input::Term(Ok(TermEvent::Resize(..))) => true,
            Input::Term(_) => false,
            Input::Worker(WorkerEvent::Response(response)) => {
                let requests = apply_response(state, *response);
                self.send(requests);
                true
            }
            Input::Worker(WorkerEvent::Call(call)) => {
                record_call(state, call);
                state.active == super::panes::PaneId::Log
            }
            Input::Tick => {
                state.ctx.now = super::ctx::unix_now();
                let toasts = state.ctx.toasts.items.len();
                // A settling list may ask to be read again.
                let requests = update(state, Action::Tick);
                self.send(requests);
                // Redraw for the spinner while requests run, or when a toast went away.
                state.ctx.in_flight > 0 || toasts != state.ctx.toasts.items.len()
            }
            Input::Signal(number) => {
                self.signal = Some(number);
                state.quit = true;
                false
            }
            Input::Closed => {
                state.quit = true;
                false
            }
        }
    }

    fn send(&self, requests: Vec<Request>) {
        for r in requests {
            // The worker only goes away when the loop ends.
            let _ = self.requests.send(r);
        }
    }

    fn save_drafts(&self, state: &mut AppState) {
        let Some(path) = &self.drafts_path else {
            state.ctx.drafts.dirty = false;
            return;
        };
        match drafts::store(path, &state.ctx.drafts) {
            Ok(()) => state.ctx.drafts.dirty = false,
            Err(e) => {
                state.ctx.drafts.dirty = false;
                state.ctx.toasts.error(e.to_string());
            }
        }
    }
}
