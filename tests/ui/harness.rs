//! Builds app states by answering their requests with the real worker against an emulator on
//! 127.0.0.1 (the sandbox), and renders states to text. There is no fake service: every
//! request of every pane runs as it does in the TUI.

use canopy::app::keymap::Keymap;
use canopy::app::worker::Sandbox;
use canopy::app::{
    Action, AppState, Failure, Request, Response, Session, apply_response, start, update,
};
use canopy::model::Snapshot;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// 2026-11-26T12:00:00Z, the demo tenancy's "today" (see docs/seed.md).
pub const DEMO_TODAY: i64 = 1_795_694_400;

/// The emulated tenancy the tests talk to.
pub type World = Sandbox;

pub fn demo() -> Snapshot {
    canopy::emulator::seed::demo()
}

/// An emulator serving `seed`.
pub fn world(seed: Snapshot) -> World {
    Sandbox::new(seed)
}

pub fn session(world: &World, read_only: bool) -> Session {
    Session {
        profile: "DEFAULT".into(),
        region: "us-ashburn-1".into(),
        endpoint: "http://127.0.0.1:9".into(),
        read_only,
        tenancy_id: world.tenancy_id.clone(),
        no_color: true,
    }
}

/// A fresh state and its first requests, unanswered.
pub fn fresh(world: &World, read_only: bool) -> (AppState, Vec<Request>) {
    let keymap = Keymap::default_keymap().expect("the default keymap parses");
    let mut state = AppState::new(session(world, read_only), keymap);
    // Ages are counted from the demo tenancy's "today", so screens do not change by the day.
    state.ctx.now = DEMO_TODAY;
    let requests = start(&mut state);
    (state, requests)
}

/// What the emulator answers, through the worker.
pub fn answer(world: &mut World, request: &Request) -> Vec<Response> {
    world.answer(request)
}

/// A failure as the worker would send it, for tests of how the UI shows one.
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
pub fn settle(state: &mut AppState, world: &mut World, mut requests: Vec<Request>) {
    for _ in 0..100 {
        if requests.is_empty() {
            return;
        }
        let mut next = Vec::new();
        for r in requests {
            for response in answer(world, &r) {
                next.extend(apply_response(state, response));
            }
        }
        requests = next;
    }
    panic!("requests did not settle");
}

/// A state with the demo tenancy fully loaded.
pub fn loaded(read_only: bool) -> (AppState, World) {
    loaded_with(demo(), read_only)
}

/// A state with `seed` fully loaded.
pub fn loaded_with(seed: Snapshot, read_only: bool) -> (AppState, World) {
    let mut world = world(seed);
    let (mut state, requests) = fresh(&world, read_only);
    settle(&mut state, &mut world, requests);
    (state, world)
}

/// Applies an action and answers what it asks for.
pub fn act(state: &mut AppState, world: &mut World, action: Action) {
    let requests = update(state, action);
    settle(state, world, requests);
}

/// Types text as key presses (through the keymap, as the terminal would).
pub fn type_text(state: &mut AppState, world: &mut World, text: &str) {
    for c in text.chars() {
        press(
            state,
            world,
            KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE),
        );
    }
}

pub fn press(state: &mut AppState, world: &mut World, key: KeyEvent) {
    if let Some(action) = canopy::app::action_for_key(state, &key) {
        act(state, world, action);
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

/// Where the terminal's cursor is after drawing (`None` when hidden).
pub fn cursor_at(state: &AppState, width: u16, height: u16) -> Option<(u16, u16)> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test backend");
    terminal.draw(|f| canopy::ui::draw(f, state)).expect("draw");
    let backend = terminal.backend();
    backend
        .cursor_visible()
        .then(|| (backend.cursor_position().x, backend.cursor_position().y))
}

/// Opens the first policy of the list in the editor and adds `line` as a new statement.
pub fn edit_first_policy(state: &mut AppState, world: &mut World, line: &str) {
    act(state, world, Action::Go(canopy::app::PaneId::Policies));
    act(state, world, Action::Edit);
    assert!(
        state.panes.policies.editor.is_some(),
        "the editor opens once the policy arrives"
    );
    press(state, world, key(KeyCode::Enter));
    type_text(state, world, line);
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

/// The screen with request ids (32 hex digits, new on every run) blanked to `X`s of the same
/// length, for snapshots.
pub fn stable(screen: &str) -> String {
    let re = regex::Regex::new(r"[0-9A-F]{32}").expect("a regex");
    re.replace_all(screen, "X".repeat(32).as_str()).into_owned()
}
