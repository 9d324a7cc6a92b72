//! Builds app states from a tenancy snapshot by answering the state's requests the way the
//! service would, and renders states to text.

use canopy::app::keymap::Keymap;
use canopy::app::{
    Action, AppState, Failure, Payload, Request, RequestKind, Response, Session, apply_response,
    start, update,
};
use canopy::model::Snapshot;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

pub fn demo() -> Snapshot {
    canopy::emulator::seed::demo()
}

pub fn session(snapshot: &Snapshot, read_only: bool) -> Session {
    Session {
        profile: "DEFAULT".into(),
        region: "us-ashburn-1".into(),
        endpoint: "http://127.0.0.1:9".into(),
        read_only,
        tenancy_id: snapshot.tenancy.id.clone(),
        no_color: true,
    }
}

/// A fresh state and its first requests, unanswered.
pub fn fresh(snapshot: &Snapshot, read_only: bool) -> (AppState, Vec<Request>) {
    let keymap = Keymap::default_keymap().expect("the default keymap parses");
    let mut state = AppState::new(session(snapshot, read_only), keymap);
    let requests = start(&mut state);
    (state, requests)
}

/// What the service would answer, from the snapshot (writes change the snapshot).
pub fn answer(snapshot: &mut Snapshot, request: &Request) -> Vec<Response> {
    let ok = |payload| Response {
        id: request.id,
        pane: request.pane,
        done: true,
        result: Ok(payload),
    };
    match &request.kind {
        RequestKind::GetTenancy => vec![ok(Payload::Tenancy(snapshot.tenancy.clone()))],
        RequestKind::LoadTenancy => {
            let linter = canopy::policy::TenancyLinter::new(std::sync::Arc::new(snapshot.clone()));
            vec![ok(Payload::Snapshot(std::sync::Arc::new(linter)))]
        }
        RequestKind::ListCompartments => {
            vec![ok(Payload::Compartments(snapshot.compartments.clone()))]
        }
        RequestKind::ListPolicies { compartment_ids } => {
            let all: Vec<_> = snapshot
                .policies
                .iter()
                .filter(|p| compartment_ids.contains(&p.compartment_id))
                .cloned()
                .collect();
            // Two pages, as the fan-out delivers them.
            let (a, b) = all.split_at(all.len() / 2);
            vec![
                Response {
                    done: false,
                    ..ok(Payload::Policies(a.to_vec()))
                },
                ok(Payload::Policies(b.to_vec())),
            ]
        }
        RequestKind::GetPolicy { id } => {
            let p = snapshot.policies.iter().find(|p| p.id == *id).cloned();
            vec![match p {
                Some(policy) => ok(Payload::Policy {
                    etag: Some(etag(&policy)),
                    policy,
                }),
                None => fail(request, 404, "NotAuthorizedOrNotFound"),
            }]
        }
        RequestKind::UpdatePolicy {
            id,
            details,
            etag: if_match,
        } => {
            let Some(p) = snapshot.policies.iter_mut().find(|p| p.id == *id) else {
                return vec![fail(request, 404, "NotAuthorizedOrNotFound")];
            };
            if if_match.as_deref().is_some_and(|e| e != etag(p)) {
                return vec![fail(request, 412, "NoEtagMatch")];
            }
            if let Some(s) = &details.statements {
                p.statements.clone_from(s);
            }
            let policy = p.clone();
            vec![ok(Payload::Policy {
                etag: Some(etag(&policy)),
                policy,
            })]
        }
        RequestKind::CreateCompartment(d) => {
            let c = canopy::model::Compartment {
                id: format!("ocid1.compartment.oc1..new{}", snapshot.compartments.len()),
                compartment_id: d.compartment_id.clone(),
                name: d.name.clone(),
                description: d.description.clone(),
                time_created: "2026-01-01T00:00:00.000Z".into(),
                lifecycle_state: canopy::model::LifecycleState::Active,
                inactive_status: None,
                is_accessible: None,
                freeform_tags: std::collections::BTreeMap::default(),
                defined_tags: std::collections::BTreeMap::default(),
            };
            snapshot.compartments.push(c.clone());
            vec![ok(Payload::Compartment(c))]
        }
        RequestKind::UpdateCompartment { id, details, .. } => {
            let c = snapshot
                .compartments
                .iter_mut()
                .find(|c| c.id == *id)
                .unwrap();
            if let Some(n) = &details.name {
                c.name.clone_from(n);
            }
            if let Some(d) = &details.description {
                c.description.clone_from(d);
            }
            vec![ok(Payload::Compartment(c.clone()))]
        }
        RequestKind::MoveCompartment { id, target_id, .. } => {
            let c = snapshot
                .compartments
                .iter_mut()
                .find(|c| c.id == *id)
                .unwrap();
            c.compartment_id.clone_from(target_id);
            work_request(request, "MoveCompartment")
        }
        RequestKind::DeleteCompartment { id, .. } => {
            let c = snapshot
                .compartments
                .iter_mut()
                .find(|c| c.id == *id)
                .unwrap();
            c.lifecycle_state = canopy::model::LifecycleState::Deleted;
            work_request(request, "DeleteCompartment")
        }
        RequestKind::RecoverCompartment { id } => {
            let c = snapshot
                .compartments
                .iter_mut()
                .find(|c| c.id == *id)
                .unwrap();
            c.lifecycle_state = canopy::model::LifecycleState::Active;
            vec![ok(Payload::Compartment(c.clone()))]
        }
        RequestKind::CreatePolicy(d) => {
            let policy = canopy::model::Policy {
                id: format!("ocid1.policy.oc1..new{}", snapshot.policies.len()),
                compartment_id: d.compartment_id.clone(),
                name: d.name.clone(),
                statements: d.statements.clone(),
                description: d.description.clone(),
                time_created: String::new(),
                lifecycle_state: canopy::model::LifecycleState::Active,
                inactive_status: None,
                version_date: None,
                freeform_tags: std::collections::BTreeMap::default(),
                defined_tags: std::collections::BTreeMap::default(),
            };
            snapshot.policies.push(policy.clone());
            vec![ok(Payload::Policy {
                etag: Some(etag(&policy)),
                policy,
            })]
        }
        RequestKind::DeletePolicy { id } => {
            snapshot.policies.retain(|p| p.id != *id);
            vec![ok(Payload::Done)]
        }
        // The Identity, Tags and Invitations panes' requests.
        _ => super::answers::answer(snapshot, request),
    }
}

/// A work request answered as it progresses: in progress, then succeeded.
fn work_request(request: &Request, operation: &str) -> Vec<Response> {
    let wr = |status: canopy::model::WorkRequestStatus, done: bool| Response {
        id: request.id,
        pane: request.pane,
        done,
        result: Ok(Payload::WorkRequest(canopy::model::WorkRequest {
            id: "ocid1.workrequest.oc1..w".into(),
            operation_type: operation.into(),
            compartment_id: None,
            status,
            resources: Vec::new(),
            errors: Vec::new(),
            logs: None,
            time_accepted: None,
            time_started: None,
            time_finished: None,
            percent_complete: None,
        })),
    };
    vec![
        wr(canopy::model::WorkRequestStatus::InProgress, false),
        wr(canopy::model::WorkRequestStatus::Succeeded, true),
    ]
}

/// A content etag, so any change gives a new one.
pub fn etag(policy: &canopy::model::Policy) -> String {
    format!("etag-{}", policy.statements.join("|").len())
}

pub fn fail(request: &Request, status: u16, code: &str) -> Response {
    Response {
        id: request.id,
        pane: request.pane,
        done: true,
        result: Err(Failure {
            status: Some(status),
            code: code.into(),
            message: format!("{code} for this request"),
            opc_request_id: Some("0123456789ABCDEF0123456789ABCDEF".into()),
            hint: None,
        }),
    }
}

/// Answers requests (and the requests the answers lead to) until none are left.
pub fn settle(state: &mut AppState, snapshot: &mut Snapshot, mut requests: Vec<Request>) {
    for _ in 0..100 {
        if requests.is_empty() {
            return;
        }
        let mut next = Vec::new();
        for r in requests {
            for response in answer(snapshot, &r) {
                next.extend(apply_response(state, response));
            }
        }
        requests = next;
    }
    panic!("requests did not settle");
}

/// A state with the demo tenancy fully loaded.
pub fn loaded(read_only: bool) -> (AppState, Snapshot) {
    let mut snapshot = demo();
    let (mut state, requests) = fresh(&snapshot, read_only);
    settle(&mut state, &mut snapshot, requests);
    (state, snapshot)
}

/// Applies an action and answers what it asks for.
pub fn act(state: &mut AppState, snapshot: &mut Snapshot, action: Action) {
    let requests = update(state, action);
    settle(state, snapshot, requests);
}

/// Types text as key presses (through the keymap, as the terminal would).
pub fn type_text(state: &mut AppState, snapshot: &mut Snapshot, text: &str) {
    for c in text.chars() {
        press(
            state,
            snapshot,
            KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE),
        );
    }
}

pub fn press(state: &mut AppState, snapshot: &mut Snapshot, key: KeyEvent) {
    if let Some(action) = canopy::app::action_for_key(state, &key) {
        act(state, snapshot, action);
    }
}

pub fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

pub fn ctrl(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)
}

/// The screen as text, 80x24 unless told.
pub fn render(state: &AppState) -> String {
    render_size(state, 80, 24)
}

pub fn render_size(state: &AppState, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test backend");
    terminal.draw(|f| canopy::ui::draw(f, state)).expect("draw");
    let buffer = terminal.backend().buffer();
    let mut out = String::new();
    for y in 0..height {
        let mut line = String::new();
        for x in 0..width {
            line.push_str(buffer[(x, y)].symbol());
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// Opens the first policy of the list in the editor and adds `line` as a new statement.
pub fn edit_first_policy(state: &mut AppState, snapshot: &mut Snapshot, line: &str) {
    act(state, snapshot, Action::Go(canopy::app::PaneId::Policies));
    act(state, snapshot, Action::Edit);
    assert!(
        state.panes.policies.editor.is_some(),
        "the editor opens once the policy arrives"
    );
    press(state, snapshot, key(KeyCode::Enter));
    type_text(state, snapshot, line);
}

/// Moves the tree's cursor to the visible compartment named `name`; its row.
pub fn select_compartment(state: &mut AppState, name: &str) -> usize {
    let row = state
        .panes
        .compartments
        .rows
        .iter()
        .position(|r| state.ctx.compartment(&r.id).is_some_and(|c| c.name == name))
        .unwrap_or_else(|| panic!("{name} is not in the visible tree"));
    state.panes.compartments.cursor.selected = row;
    row
}
