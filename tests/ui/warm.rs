//! Warm start: the panes draw the cached snapshot at once, marked "cached N min ago", then the
//! tenancy is read again in the background and merged in, the selection kept, and the fresh
//! snapshot goes back to the cache.

use canopy::app::cache::{Cached, FORMAT};
use canopy::app::warm::{WarmCache, start as warm_start};
use canopy::app::{Action, Effect, PaneId, update};

use super::harness::{DEMO_TODAY, demo, fresh, render, settle, world};

#[test]
fn a_warm_start_shows_the_cache_then_merges_the_tenancy_read_again_keeping_the_selection() {
    let seed = demo();
    // The cache is older than the tenancy: a group made since is not in it.
    let mut cached = seed.clone();
    cached.groups.retain(|g| g.name != "Helpdesk");
    let mut world = world(seed);
    let (mut state, mut requests) = fresh(&world, false);
    let dir = tempfile::tempdir().unwrap();
    state.ctx.cache = Some(WarmCache {
        path: dir.path().join("cache.json"),
        profile: "DEFAULT".into(),
        shown_from: None,
    });
    warm_start(
        &mut state,
        Cached {
            format: FORMAT,
            canopy: "test".into(),
            saved_at: DEMO_TODAY - 600,
            profile: "DEFAULT".into(),
            tenancy_id: world.tenancy_id.clone(),
            snapshot: cached,
        },
    );
    // Nothing answered yet: the tree and the users are drawn from the cache.
    requests.extend(update(&mut state, Action::Go(PaneId::Identity)));
    let screen = render(&state);
    assert!(screen.contains("cached 10 min ago"), "{screen}");
    assert!(screen.contains("Users (40)"), "{screen}");
    let carlos = state
        .panes
        .identity
        .users
        .all()
        .iter()
        .find(|u| u.name.starts_with("carlos"))
        .unwrap()
        .id
        .clone();
    assert!(state.panes.identity.users.select(&carlos));
    let groups = |state: &canopy::app::AppState| state.panes.identity.groups.all().len();
    assert_eq!(groups(&state), 11, "the cached groups");

    // The answers: the pane on screen was read again, then the whole tenancy.
    settle(&mut state, &mut world, requests);
    assert_eq!(groups(&state), 12, "the group made since is merged in");
    assert_eq!(
        state.panes.identity.users.selected_id(),
        Some(carlos.as_str())
    );
    assert!(
        !render(&state).contains("cached"),
        "the note goes once read again"
    );
    assert!(
        state
            .ctx
            .effects
            .iter()
            .any(|e| matches!(e, Effect::SaveCache(_))),
        "the fresh snapshot goes to the cache"
    );
    // The audit indexes the fresh one when it opens.
    state.ctx.ensure_snapshot(PaneId::Compartments);
    let requests = state.ctx.take_requests();
    settle(&mut state, &mut world, requests);
    let snapshot = state.ctx.snapshot.data().unwrap();
    assert!(
        snapshot
            .snapshot()
            .groups
            .iter()
            .any(|g| g.name == "Helpdesk")
    );
}

#[test]
fn panes_not_visited_take_the_tenancy_read_again() {
    let seed = demo();
    let mut cached = seed.clone();
    cached.policies.retain(|p| p.name != "helpdesk");
    let mut world = world(seed);
    let (mut state, mut requests) = fresh(&world, false);
    state.ctx.cache = Some(WarmCache::default());
    warm_start(
        &mut state,
        Cached {
            format: FORMAT,
            canopy: "test".into(),
            saved_at: DEMO_TODAY,
            profile: "DEFAULT".into(),
            tenancy_id: world.tenancy_id.clone(),
            snapshot: cached,
        },
    );
    requests.extend(update(&mut state, Action::Tick));
    settle(&mut state, &mut world, requests);
    assert!(state.stale.is_empty(), "{:?}", state.stale);
    assert!(
        state
            .panes
            .policies
            .list
            .all()
            .iter()
            .any(|p| p.name == "helpdesk"),
        "the Policies pane was never opened, yet shows the tenancy as read again"
    );
}

/// The cached snapshot is indexed only when a view asks; when the tenancy read again comes
/// in, the index in use is let go and built again from the read, which shares every list
/// that did not change with the cached snapshot.
#[test]
fn the_index_in_use_is_let_go_and_built_again_from_the_tenancy_read_again() {
    use canopy::app::request::{Payload, RequestKind, TenancyRequest};
    use canopy::app::update::apply_response;
    let seed = demo();
    let mut world = world(seed.clone());
    let (mut state, requests) = fresh(&world, false);
    state.ctx.cache = Some(WarmCache::default());
    warm_start(
        &mut state,
        Cached {
            format: FORMAT,
            canopy: "test".into(),
            saved_at: DEMO_TODAY,
            profile: "DEFAULT".into(),
            tenancy_id: world.tenancy_id.clone(),
            snapshot: seed,
        },
    );
    let tenancy = |r: &canopy::app::request::Request, index: bool| match &r.kind {
        RequestKind::Tenancy(TenancyRequest::Index(_)) => index,
        RequestKind::Tenancy(TenancyRequest::Reread(_)) => !index,
        _ => false,
    };
    // The tenancy is read again at once; the cached snapshot is indexed only when asked.
    let reread = state.ctx.take_requests();
    assert!(reread.iter().any(|r| tenancy(r, false)));
    assert!(!reread.iter().any(|r| tenancy(r, true)));
    assert!(state.ctx.snapshot.data().is_none());
    let cached_users = state.ctx.unindexed.as_ref().unwrap().users.clone();
    // The audit opens: the cached snapshot is indexed (answered here before the read).
    state.ctx.ensure_snapshot(PaneId::Compartments);
    let index = state.ctx.take_requests();
    assert!(index.iter().any(|r| tenancy(r, true)));
    let mut next = Vec::new();
    for r in index.iter().chain(&requests) {
        for response in super::harness::answer(&mut world, r) {
            next.extend(apply_response(&mut state, response));
        }
    }
    let in_use = state.ctx.snapshot.data().expect("the cached one indexed");
    assert!(in_use.snapshot().users.shares(&cached_users));

    let read = reread.iter().find(|r| tenancy(r, false)).unwrap();
    let answers = super::harness::answer(&mut world, read);
    assert!(matches!(
        answers.last().map(|a| &a.result),
        Some(Ok(Payload::Read(_)))
    ));
    for response in answers {
        next.extend(apply_response(&mut state, response));
    }
    // Let go, and (the audit uses it) indexed again from the read.
    assert!(state.ctx.snapshot.data().is_none());
    let fresh = state.ctx.unindexed.clone().expect("the read, to index");
    // Nothing changed on the service: the users read again are the cached list itself.
    assert!(fresh.users.shares(&cached_users));
    next.extend(state.ctx.take_requests());
    assert!(next.iter().any(|r| tenancy(r, true)), "indexed again");
    settle(&mut state, &mut world, next);
    let in_use = state.ctx.snapshot.data().expect("the read indexed");
    assert!(std::sync::Arc::ptr_eq(in_use.snapshot(), &fresh));
}

/// Every request sent until the app falls quiet, in order.
fn settle_recording(
    state: &mut canopy::app::AppState,
    world: &mut super::harness::World,
    mut requests: Vec<canopy::app::request::Request>,
) -> Vec<canopy::app::request::RequestKind> {
    let mut sent = Vec::new();
    for _ in 0..100 {
        if requests.is_empty() {
            break;
        }
        let mut next = Vec::new();
        for r in requests {
            sent.push(r.kind.clone());
            for response in super::harness::answer(world, &r) {
                next.extend(canopy::app::apply_response(state, response));
            }
        }
        requests = next;
    }
    sent
}

#[test]
fn the_pane_on_screen_waits_for_the_tenancy_read_again_rather_than_reading_itself() {
    use canopy::app::request::{IdentityRequest, RequestKind};
    let seed = demo();
    let mut world = world(seed.clone());
    let (mut state, mut requests) = fresh(&world, false);
    state.ctx.cache = Some(WarmCache::default());
    let tenancy_id = world.tenancy_id.clone();
    let cached = |snapshot| Cached {
        format: FORMAT,
        canopy: "test".into(),
        saved_at: DEMO_TODAY,
        profile: "DEFAULT".into(),
        tenancy_id: tenancy_id.clone(),
        snapshot,
    };
    warm_start(&mut state, cached(seed.clone()));
    requests.extend(update(&mut state, Action::Go(PaneId::Identity)));
    let sent = settle_recording(&mut state, &mut world, requests);
    let users_listed = |sent: &[RequestKind]| {
        sent.iter()
            .filter(|k| {
                matches!(
                    k,
                    RequestKind::Identity(
                        IdentityRequest::ListUsers | IdentityRequest::ListMemberships { .. }
                    )
                )
            })
            .count()
    };
    // The users and memberships came with the tenancy read again, not a second time.
    assert_eq!(users_listed(&sent), 0, "{sent:?}");
    assert!(state.stale.is_empty(), "{:?}", state.stale);
    assert_eq!(state.panes.identity.users.all().len(), seed.users.len());

    // A write while the tenancy is read again: the pane reads itself, so a snapshot read
    // before the write cannot draw over its answer.
    let (mut state, mut requests) = fresh(&world, false);
    state.ctx.cache = Some(WarmCache::default());
    warm_start(&mut state, cached(seed));
    requests.extend(update(&mut state, Action::Go(PaneId::Identity)));
    let first = state.panes.identity.users.all()[0].id.to_string();
    state.ctx.write(
        PaneId::Identity,
        IdentityRequest::UpdateUserState {
            id: first,
            blocked: true,
        },
        "blocked",
    );
    requests.extend(update(&mut state, Action::Tick));
    let sent = settle_recording(&mut state, &mut world, requests);
    assert!(users_listed(&sent) > 0, "{sent:?}");
}

/// A first start with the cache on: the first screen's own reads go out first, the tenancy
/// is read once they are answered, and what the panes hold by then is not held twice.
#[test]
fn a_first_start_reads_the_tenancy_after_the_first_screen_and_holds_it_once() {
    use canopy::app::request::{IdentityRequest, RequestKind, TenancyRequest};
    let mut world = world(demo());
    let (mut state, mut requests) = fresh(&world, false);
    state.ctx.cache = Some(WarmCache::default());
    state.ctx.read_after_first_screen = true;
    requests.extend(update(&mut state, Action::Go(PaneId::Identity)));
    let reads_tenancy = |k: &RequestKind| {
        matches!(
            k,
            RequestKind::Tenancy(TenancyRequest::Load | TenancyRequest::Reread(_))
        )
    };
    assert!(!requests.iter().any(|r| reads_tenancy(&r.kind)));
    let sent = settle_recording(&mut state, &mut world, requests);
    let at = |wanted: &dyn Fn(&RequestKind) -> bool| sent.iter().position(wanted);
    let tenancy = at(&reads_tenancy).expect("the tenancy was read");
    let users = at(&|k| matches!(k, RequestKind::Identity(IdentityRequest::ListUsers)));
    assert!(users.is_some_and(|u| u < tenancy), "{sent:?}");

    assert!(
        state.ctx.snapshot.data().is_none(),
        "indexed when a view asks"
    );
    let snapshot = state.ctx.unindexed.clone().expect("the tenancy is read");
    let identity = &state.panes.identity;
    assert!(snapshot.users.shares(identity.users.loaded().unwrap()));
    assert!(snapshot.groups.shares(identity.groups.loaded().unwrap()));
    let memberships = state.ctx.memberships.data().unwrap();
    assert!(snapshot.memberships.shares(memberships));
    assert!(
        snapshot
            .compartments
            .shares(state.ctx.compartments.data().unwrap())
    );
}
