//! Identity, Tags and Invitations pane figures on the large tenancy: how long the state takes
//! to take a listing, to re-filter as a key is typed, and a frame takes to draw.
//! Run with `cargo bench --bench panes`; prints one line per figure.

use std::hint::black_box;
use std::time::{Duration, Instant};

use canopy::app::keymap::Keymap;
use canopy::app::request::{
    CompartmentRequest, IdentityRequest, InvitationRequest, PolicyRequest, TagRequest,
    TenancyRequest,
};
use canopy::app::widgets::filter::{FilterMode, ListFilter};
use canopy::app::{
    Action, AppState, Pane as _, PaneId, Payload, Request, RequestKind, Response, Session,
    apply_response, start, update,
};
use canopy::model::Snapshot;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn time<T>(runs: usize, mut f: impl FnMut() -> T) -> (Duration, Duration) {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            black_box(f());
            start.elapsed()
        })
        .collect();
    times.sort();
    (times[0], times[runs / 2])
}

fn report(what: &str, (best, median): (Duration, Duration)) {
    println!(
        "{what:<52} best {:>8.3} ms   median {:>8.3} ms",
        best.as_secs_f64() * 1e3,
        median.as_secs_f64() * 1e3
    );
}

/// The answer the service would give to the reads these figures need (the state and the
/// drawing are measured here, not the network: see the `tui` bench for the real binary).
fn answer(s: &Snapshot, r: &Request) -> Response {
    let payload = match &r.kind {
        RequestKind::Tenancy(TenancyRequest::Get) => Payload::Tenancy(s.tenancy.clone()),
        RequestKind::Compartments(CompartmentRequest::List) => {
            Payload::items(s.compartments.to_vec())
        }
        RequestKind::Policies(PolicyRequest::List { .. }) => {
            Payload::items(Vec::<canopy::model::Policy>::new())
        }
        RequestKind::Identity(IdentityRequest::ListUsers) => Payload::items(s.users.to_vec()),
        RequestKind::Identity(IdentityRequest::ListGroups) => Payload::items(s.groups.to_vec()),
        RequestKind::Identity(IdentityRequest::ListDynamicGroups) => {
            Payload::items(s.dynamic_groups.to_vec())
        }
        RequestKind::Identity(IdentityRequest::ListMemberships { .. }) => {
            Payload::items(s.memberships.to_vec())
        }
        RequestKind::Tags(TagRequest::ListNamespaces) => Payload::items(s.tag_namespaces.to_vec()),
        RequestKind::Tags(TagRequest::ListTags { namespace_id }) => Payload::items(
            s.tags
                .iter()
                .filter(|t| t.tag_namespace_id.as_deref() == Some(namespace_id.as_str()))
                .cloned()
                .collect::<Vec<_>>(),
        ),
        RequestKind::Tags(TagRequest::GetTag { name, .. }) => {
            match s.tags.iter().find(|t| t.name == *name) {
                Some(t) => Payload::item(t.clone()),
                None => Payload::Done,
            }
        }
        RequestKind::Invitations(InvitationRequest::List) => {
            Payload::items(s.sender_invitations.to_vec())
        }
        _ => Payload::Done,
    };
    Response {
        id: r.id,
        pane: r.pane,
        done: true,
        result: Ok(payload),
    }
}

fn settle(state: &mut AppState, s: &Snapshot, mut requests: Vec<Request>) {
    for _ in 0..50 {
        if requests.is_empty() {
            return;
        }
        let mut next = Vec::new();
        for r in &requests {
            next.extend(apply_response(state, answer(s, r)));
        }
        requests = next;
    }
}

fn state_on(s: &Snapshot, pane: PaneId) -> AppState {
    let session = Session {
        profile: "DEFAULT".into(),
        region: "us-ashburn-1".into(),
        endpoint: "http://127.0.0.1:9".into(),
        read_only: false,
        tenancy_id: s.tenancy.id.clone(),
        no_color: false,
    };
    let keymap = Keymap::default_keymap().unwrap_or_default();
    let mut state = AppState::new(session, keymap);
    let requests = start(&mut state);
    settle(&mut state, s, requests);
    let requests = update(&mut state, Action::Go(pane));
    settle(&mut state, s, requests);
    state
}

fn draw(state: &AppState, terminal: &mut Terminal<TestBackend>) {
    let _ = terminal.draw(|f| canopy::ui::draw(f, state));
}

fn main() {
    for scale in [1.0, 10.0] {
        let s = canopy::emulator::seed::large(scale);
        println!(
            "large:{scale}: {} users, {} groups, {} memberships, {} tag namespaces, {} tags",
            s.users.len(),
            s.groups.len(),
            s.memberships.len(),
            s.tag_namespaces.len(),
            s.tags.len()
        );
        let mut terminal = match Terminal::new(TestBackend::new(160, 48)) {
            Ok(t) => t,
            Err(e) => return eprintln!("no test terminal: {e}"),
        };

        report(
            &format!("large:{scale}: Identity loaded (every listing)"),
            time(5, || state_on(&s, PaneId::Identity)),
        );
        let mut state = state_on(&s, PaneId::Identity);
        report(
            &format!("large:{scale}: Identity frame, 160x48"),
            time(50, || draw(&state, &mut terminal)),
        );
        let _ = update(&mut state, Action::Select);
        report(
            &format!("large:{scale}: Identity frame with a user's groups"),
            time(50, || draw(&state, &mut terminal)),
        );
        let _ = update(&mut state, Action::Back);
        for mode in [FilterMode::Substring, FilterMode::Fuzzy] {
            let filter = ListFilter {
                query: "ana".into(),
                mode,
            };
            report(
                &format!("large:{scale}: users re-filtered ({})", mode.label()),
                time(20, || {
                    state.panes.identity.set_filter(filter.clone(), &state.ctx);
                }),
            );
        }

        let state = state_on(&s, PaneId::Tags);
        report(
            &format!("large:{scale}: Tags frame, 160x48"),
            time(50, || draw(&state, &mut terminal)),
        );
        let state = state_on(&s, PaneId::Invitations);
        report(
            &format!("large:{scale}: Invitations frame, 160x48"),
            time(50, || draw(&state, &mut terminal)),
        );
    }
}
