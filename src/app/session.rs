//! Starting a session: settings, keymap, connection, drafts; then the terminal, the worker and
//! the event loop. The only place the TUI does set-up I/O.

use std::sync::Arc;

use anyhow::Context as _;
use tokio::sync::mpsc;

use crate::api::{CallObserver, ClientOptions};
use crate::config::{Environment, Settings};

use super::drafts;
use super::event_loop::{Draw, Loop, WorkerEvent};
use super::keymap::{Keymap, user_keymap_path};
use super::request::CallRecord;
use super::state::AppState;
use super::terminal::TerminalGuard;
use super::{Session, TuiArgs, update, worker};

/// Runs the TUI until the user quits; `draw` renders the state (the `ui` layer's `draw`).
/// Runs the terminal UI; the exit status: 0, or 128 + the signal that ended it.
pub async fn run(args: TuiArgs, draw: Draw) -> anyhow::Result<i32> {
    let env = Environment::from_process();
    let settings = Settings::load_default(&env)?;
    let keymap_path = settings.keymap.clone().or_else(user_keymap_path);
    let keymap = Keymap::load(keymap_path.as_deref())?;

    let (events_tx, events_rx) = mpsc::unbounded_channel::<WorkerEvent>();
    let calls = events_tx.clone();
    let options = ClientOptions {
        observer: Some(CallObserver(Arc::new(move |call| {
            let _ = calls.send(WorkerEvent::Call(CallRecord {
                method: call.method.clone(),
                path: call.path.clone(),
                status: call.status,
                duration_ms: call.duration.as_millis() as u64,
            }));
        }))),
        ..ClientOptions::default()
    };
    // Before the terminal is taken: a key passphrase prompt still works here.
    let connection = crate::api::connect_with(&args.connection, options)
        .await
        .context("cannot connect")?;
    let region = region_label(&args, &env);
    let session = Session {
        profile: connection.profile.clone(),
        region,
        endpoint: connection.client.endpoints().identity.clone(),
        read_only: args.read_only || settings.is_read_only(&connection.profile),
        tenancy_id: connection.tenancy_id.clone(),
        no_color: env.var("NO_COLOR").is_some_and(|v| !v.is_empty()),
    };

    // On the heap: every pane's state is in it, too much to carry in the future.
    let mut state = Box::new(AppState::new(session, keymap));
    // Start-up warnings (a fingerprint mismatch, a loose key file) are shown inside the TUI,
    // where they are seen; printed before it took the screen they were lost behind it.
    for warning in &connection.warnings {
        state.ctx.toasts.error(format!("warning: {warning}"));
    }
    let drafts_path = drafts::default_path();
    if let Some(path) = &drafts_path {
        match drafts::load(path) {
            Ok(found) => state.ctx.drafts.found = found,
            Err(e) => state.ctx.toasts.error(e.to_string()),
        }
    }

    let (requests_tx, requests_rx) = mpsc::unbounded_channel();
    let worker = tokio::spawn(worker::run(
        connection.client.clone(),
        connection.tenancy_id.clone(),
        worker::WorkerOptions::default(),
        requests_rx,
        events_tx,
    ));
    let mut guard = TerminalGuard::enter(args.mouse).context("cannot set up the terminal")?;
    state.ctx.clipboard = crate::app::clipboard::Clipboard::detect();
    let location_path = super::location::default_path();
    if let Some(path) = &location_path {
        super::location::restore(path, &mut state);
    }
    if super::warm::enabled(args.no_cache, settings.cache) {
        open_cache(&mut state, &connection.profile);
    }
    for r in update::start(&mut state) {
        let _ = requests_tx.send(r);
    }
    let result = Loop {
        draw,
        requests: requests_tx,
        events: events_rx,
        drafts_path,
        signal: None,
    }
    .run(&mut guard, &mut state)
    .await;
    drop(guard);
    if let Some(path) = &location_path
        && let Err(e) = super::location::save(path, &state)
    {
        crate::say_err!("canopy: could not keep where you were: {e}");
    }
    worker.abort();
    // The demo emulator (if any) stops with the connection.
    drop(connection);
    // As shells report a process a signal ended, so scripts and supervisors can tell.
    Ok(result?.map_or(0, |signal| 128 + signal))
}

/// Reads the warm-start cache: its snapshot shown at once, or a note on why it was not.
/// Either way the tenancy is read in the background, and what is read goes to the cache.
fn open_cache(state: &mut AppState, profile: &str) {
    let Some(dir) = super::cache::default_dir() else {
        return;
    };
    let tenancy = state.ctx.session.tenancy_id.clone();
    let path = super::cache::file_in(&dir, profile, &tenancy);
    state.ctx.cache = Some(super::warm::WarmCache {
        path: path.clone(),
        profile: profile.to_string(),
        shown_from: None,
    });
    match super::cache::read(&path, &tenancy) {
        super::cache::Found::Snapshot(cached) => super::warm::start(state, *cached),
        super::cache::Found::Ignored(note) => {
            state.ctx.toasts.info(note);
            state.ctx.read_after_first_screen = true;
        }
        super::cache::Found::Nothing => state.ctx.read_after_first_screen = true,
    }
}

/// The region for the header: the flag, else the profile's, else where `--endpoint` points.
fn region_label(args: &TuiArgs, env: &Environment) -> String {
    if args.connection.demo {
        return "demo".into();
    }
    if let Some(region) = &args.connection.region {
        return region.clone();
    }
    match crate::config::resolve_profile(&args.connection, env) {
        Ok(profile) => profile.region.unwrap_or_else(|| "custom endpoint".into()),
        Err(_) => "unknown region".into(),
    }
}
