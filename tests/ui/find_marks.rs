//! `:find` across the whole tenancy, bookmarks (`:mark`, `:go`, `:marks`, `:unmark`) and the
//! palette history, both kept per profile across starts.

use canopy::app::{Action, AppState, PaneId};
use crossterm::event::KeyCode;
use insta::assert_snapshot;

use super::harness::{World, act, fresh, key, loaded, press, render, settle, type_text};
use super::pane_kit::{enter, toast};

fn palette(state: &mut AppState, world: &mut World, line: &str) {
    act(state, world, Action::Palette);
    type_text(state, world, line);
    enter(state, world);
}

#[test]
fn find_searches_statement_text_across_the_tenancy_and_goes_to_the_hit() {
    let (mut state, mut world) = loaded(false);
    palette(&mut state, &mut world, "find settlement-");
    let screen = render(&state);
    assert!(screen.contains("1 hit(s) for \"settlement-\""), "{screen}");
    assert!(screen.contains("policy prod-app-operators #4"), "{screen}");
    press(&mut state, &mut world, key(KeyCode::Enter));
    assert_eq!(state.active, PaneId::Policies);
    let selected = state.panes.policies.list.selected().map(|p| p.name.clone());
    assert_eq!(selected.as_deref(), Some("prod-app-operators"));
}

#[test]
fn find_with_many_hits_keeps_the_choice_in_view() {
    let (mut state, mut world) = loaded(false);
    palette(&mut state, &mut world, "find group");
    for _ in 0..12 {
        press(&mut state, &mut world, key(KeyCode::Down));
    }
    let screen = render(&state);
    assert!(screen.contains("↑ ") && screen.contains("↓ "), "{screen}");
    assert_snapshot!("find_many_hits_80x24", screen);
}

#[test]
fn find_says_when_nothing_matches_and_what_to_type() {
    let (mut state, mut world) = loaded(false);
    palette(&mut state, &mut world, "find zzz-no-such-thing");
    assert!(
        toast(&state).contains("nothing in the tenancy"),
        "{}",
        toast(&state)
    );
    palette(&mut state, &mut world, "find");
    assert!(toast(&state).contains("find what?"), "{}", toast(&state));
}

#[test]
fn marks_and_history_are_kept_per_profile_across_starts() {
    let dir = tempfile::tempdir().unwrap();
    let places = dir.path().join("locations.json");
    let (mut state, mut world) = loaded(false);
    canopy::app::location::restore(&places, &mut state);
    palette(&mut state, &mut world, "grp NetworkAdmins");
    palette(&mut state, &mut world, "mark net");
    assert!(toast(&state).contains("marked net"), "{}", toast(&state));
    palette(&mut state, &mut world, "pol");
    assert_eq!(state.active, PaneId::Policies);
    palette(&mut state, &mut world, "go net");
    assert_eq!(state.active, PaneId::Identity);
    assert_eq!(
        state
            .panes
            .identity
            .groups
            .selected()
            .map(|g| g.name.as_str()),
        Some("NetworkAdmins")
    );
    palette(&mut state, &mut world, "go nowhere");
    assert!(
        toast(&state).contains("no mark named nowhere"),
        "{}",
        toast(&state)
    );
    // The mark is on disk already; the history goes there on quit.
    canopy::app::location::save(&places, &state).unwrap();

    let mut world2 = super::harness::world(super::harness::demo());
    let (mut next, requests) = fresh(&world2, false);
    settle(&mut next, &mut world2, requests);
    canopy::app::location::restore(&places, &mut next);
    assert!(next.marks.contains_key("net"));
    act(&mut next, &mut world2, Action::Palette);
    press(&mut next, &mut world2, key(KeyCode::Up));
    press(&mut next, &mut world2, key(KeyCode::Up));
    let Some(canopy::app::state::Prompt::Palette { input, .. }) = &next.prompt else {
        panic!("the palette is open")
    };
    assert_eq!(input.text(), "go net", "the history came back");
    act(&mut next, &mut world2, Action::Back);
    palette(&mut next, &mut world2, "marks");
    assert!(
        render(&next).contains("net  identity NetworkAdmins"),
        "{}",
        render(&next)
    );
    press(&mut next, &mut world2, key(KeyCode::Enter));
    assert_eq!(next.active, PaneId::Identity);
    palette(&mut next, &mut world2, "unmark net");
    assert!(next.marks.is_empty());
    let world3 = super::harness::world(super::harness::demo());
    let (mut third, _) = fresh(&world3, false);
    canopy::app::location::restore(&places, &mut third);
    assert!(third.marks.is_empty(), "the unmark was written at once");
}
