//! The message centre: every toast is kept for the session in full; `!` shows the latest
//! error whole (with its `opc-request-id`) after the toast has gone, the Log pane's Messages
//! tab lists them all, and an error cut at the screen's edge says where to read the rest.

use canopy::app::panes::log::LogTab;
use canopy::app::{Action, AppState, PaneId, update};
use crossterm::event::KeyCode;
use insta::assert_snapshot;

use super::harness::{World, act, key, loaded, press, render, settle, stable, type_text};
use super::pane_kit::enter;

/// A group with members, deleted: the service refuses with a 409 (and a request id).
fn a_refused_delete() -> (AppState, World) {
    let (mut state, mut world) = loaded(false);
    act(&mut state, &mut world, Action::Go(PaneId::Identity));
    act(&mut state, &mut world, Action::Command("grp".into()));
    let group = state.panes.identity.groups.selected().unwrap().name.clone();
    act(&mut state, &mut world, Action::Delete);
    type_text(&mut state, &mut world, &group);
    let sent = update(&mut state, Action::Select);
    settle(&mut state, &mut world, sent);
    (state, world)
}

#[test]
fn the_last_error_is_shown_whole_after_its_toast_has_gone() {
    let (mut state, mut world) = a_refused_delete();
    let toast = state.ctx.toasts.current().unwrap().text.clone();
    assert!(toast.contains("opc-request-id"), "{toast}");
    // At 80 columns the toast is cut, and says where the rest is.
    let line = render(&state)
        .lines()
        .last()
        .unwrap_or_default()
        .to_string();
    assert!(line.trim_end().ends_with("… ! all of it"), "{line}");
    for _ in 0..100 {
        update(&mut state, Action::Tick);
    }
    assert!(state.ctx.toasts.current().is_none(), "the toast has gone");
    press(&mut state, &mut world, key(KeyCode::Char('!')));
    let screen = render(&state);
    assert!(screen.contains("Error"), "{screen}");
    let whole: String = screen.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(whole.contains("409 Conflict"), "{screen}");
    assert!(whole.contains("opc-request-id"), "{screen}");
    // The Log's Messages tab has it selected.
    act(&mut state, &mut world, Action::Back);
    assert_eq!(state.panes.log.tab, LogTab::Messages);
    act(&mut state, &mut world, Action::Go(PaneId::Log));
    // The time of day is the clock's: masked so the snapshot does not change by the second.
    let clock = regex::Regex::new(r"\b\d\d:\d\d:\d\d\b").expect("a regex");
    let screen = stable(&render(&state));
    assert_snapshot!("messages_tab", clock.replace_all(&screen, "HH:MM:SS"));
    enter(&mut state, &mut world);
    assert!(render(&state).contains("409 Conflict"));
}

#[test]
fn the_log_shows_calls_and_messages_and_enter_opens_either() {
    let (mut state, mut world) = loaded(false);
    canopy::app::update::record_call(
        &mut state,
        canopy::app::CallRecord {
            method: "PUT".into(),
            path: "/20160918/policies/ocid1.policy.oc1..x".into(),
            status: Some(412),
            duration_ms: 7,
        },
    );
    act(&mut state, &mut world, Action::Go(PaneId::Log));
    assert_eq!(state.panes.log.tab, LogTab::Calls);
    enter(&mut state, &mut world);
    let screen = render(&state);
    assert!(
        screen.contains("API call") && screen.contains("412"),
        "{screen}"
    );
    act(&mut state, &mut world, Action::Back);
    press(&mut state, &mut world, key(KeyCode::Char(']')));
    assert_eq!(state.panes.log.tab, LogTab::Messages);
    // Nothing failed yet: `!` says so.
    let (mut fresh, mut world) = loaded(false);
    press(&mut fresh, &mut world, key(KeyCode::Char('!')));
    assert!(render(&fresh).contains("no error this session"));
}
