//! Warm start: the panes draw the cached snapshot at once, marked "cached N min ago" in the
//! header, while the tenancy is read again; when it has been read, the panes take it (their
//! selections kept, as a refresh keeps them). A pane reads itself only when that read fails
//! or the pane writes. The fresh snapshot is written back to the cache.

use std::sync::Arc;

use super::cache::{Cached, age_label};
use super::ctx::Effect;
use super::panes::PaneId;
use super::state::AppState;
use crate::model::Snapshot;

/// The cache of this session: where it goes and, while cached data is on screen, when it was
/// written.
#[derive(Debug, Clone, Default)]
pub struct WarmCache {
    pub path: std::path::PathBuf,
    pub profile: String,
    /// Unix seconds the shown data was cached at; `None` once it has been read again.
    pub shown_from: Option<i64>,
}

impl WarmCache {
    /// The header's note while cached data is shown.
    pub fn label(&self, now: i64) -> Option<String> {
        self.shown_from.map(|at| age_label(at, now))
    }
}

/// Fills every pane that shows a part of the tenancy from the cache, marks the panes stale
/// and reads the tenancy again against the cached snapshot (see
/// [`super::ctx::Ctx::revalidate_snapshot`]). The audit, lint and `:find` index the cached
/// snapshot if they are used before that read is in.
pub fn start(state: &mut AppState, cached: Cached) {
    let snapshot = Arc::new(cached.snapshot);
    let AppState {
        ctx, panes, stale, ..
    } = state;
    for id in PaneId::ALL {
        if panes.get_mut(*id).warm(&snapshot, ctx) {
            stale.insert(*id);
        }
    }
    if let Some(cache) = &mut ctx.cache {
        cache.shown_from = Some(cached.saved_at);
    }
    // Indexed only when something asks (the audit, lint, `:find`): an index held through
    // the read again was a fifth of a warm start's memory, for views often never opened.
    ctx.unindexed = Some(snapshot);
    ctx.revalidate_snapshot(PaneId::Compartments);
}

/// After every update: the pane on screen reads itself again once if it shows cached data;
/// a snapshot that just arrived fills the panes still stale and goes to the cache.
pub fn settle(state: &mut AppState) {
    let AppState {
        ctx,
        panes,
        stale,
        active,
        ..
    } = state;
    first_read(ctx, panes);
    // A snapshot already here, indexed for a view that asked, is nothing new to show.
    let arrived = ctx.snapshot_arrived.take().filter(|a| a.fresh);
    // The pane on screen waits for the tenancy read again (reading its own part too would
    // ask for it and hold it twice), or takes it if it just came, unless that read failed or
    // the pane writes: a snapshot read before the write must not draw over its answer later,
    // so the pane reads itself.
    let waits = (arrived.is_some() || ctx.revalidating()) && !ctx.writes_from(*active);
    if !waits && stale.remove(active) {
        panes.get_mut(*active).refresh(ctx);
    }
    let Some(arrived) = arrived else {
        return;
    };
    let snapshot = arrived.snapshot;
    for id in std::mem::take(stale) {
        panes.get_mut(id).warm(&snapshot, ctx);
    }
    if let Some(cache) = &mut ctx.cache {
        cache.shown_from = None;
        ctx.effects
            .push(Effect::SaveCache(super::request::SharedSnapshot(snapshot)));
    }
}

/// A first start reads the tenancy for the cache once the first screen's own reads are
/// answered (they come first), against the lists the panes hold by then: the tenancy is
/// held once, not by the panes and again by the snapshot. Something that needs the snapshot
/// sooner (the audit, `:find`) reads it at once instead.
fn first_read(ctx: &mut super::ctx::Ctx, panes: &super::panes::Panes) {
    if !ctx.read_after_first_screen {
        return;
    }
    if !matches!(ctx.snapshot, super::widgets::loadable::Loadable::NotLoaded)
        || ctx.unindexed.is_some()
    {
        ctx.read_after_first_screen = false;
        return;
    }
    if ctx.in_flight > 0 {
        return;
    }
    ctx.read_after_first_screen = false;
    let mut before = Snapshot::default();
    for id in PaneId::ALL {
        panes.get(*id).lend(&mut before, ctx);
    }
    ctx.read_snapshot_against(PaneId::Compartments, before);
}

/// Writes the cache file off the UI thread (a large tenancy is tens of megabytes of JSON).
pub fn save(cache: &WarmCache, tenancy_id: &str, snapshot: Arc<Snapshot>) {
    let (path, profile, tenancy_id) = (
        cache.path.clone(),
        cache.profile.clone(),
        tenancy_id.to_string(),
    );
    std::thread::spawn(move || {
        let cached = super::cache::CachedRef {
            format: super::cache::FORMAT,
            canopy: env!("CARGO_PKG_VERSION"),
            saved_at: super::ctx::unix_now(),
            profile: &profile,
            tenancy_id: &tenancy_id,
            snapshot: &snapshot,
        };
        if let Err(e) = super::cache::write(&path, &cached) {
            tracing::warn!("the snapshot cache was not written: {e}");
        }
    });
}

/// What `Ctx` keeps when a snapshot arrives, for [`settle`].
#[derive(Debug, Clone)]
pub struct Arrived {
    pub snapshot: Arc<Snapshot>,
    /// Read from the service (not a snapshot already here, indexed).
    pub fresh: bool,
}

/// Whether the cache is on: not with `--no-cache`, not with `cache = false` in the settings.
pub fn enabled(no_cache_flag: bool, setting: Option<bool>) -> bool {
    !no_cache_flag && setting.unwrap_or(true)
}
