//! Impact before a structural change: the confirmation of a rename, move or delete lists the
//! statements that name what changes and the access the change takes away.

use canopy::app::Action;
use crossterm::event::KeyCode;

use super::harness::{act, ctrl, key, loaded, press, render_size, select_compartment, type_text};

fn screen(state: &canopy::app::AppState) -> String {
    render_size(state, 120, 50)
}

#[test]
fn renaming_a_compartment_that_statements_name_asks_first_and_lists_them() {
    let (mut state, mut world) = loaded(false);
    act(&mut state, &mut world, Action::Expand);
    select_compartment(&mut state, "Shared");
    act(&mut state, &mut world, Action::Expand);
    select_compartment(&mut state, "Network");
    act(&mut state, &mut world, Action::Rename);
    press(&mut state, &mut world, ctrl('u'));
    type_text(&mut state, &mut world, "Net");
    press(&mut state, &mut world, key(KeyCode::Enter));
    let shown = screen(&state);
    assert!(
        shown.contains("Rename acme-corp/Shared/Network to Net?"),
        "{shown}"
    );
    assert!(
        shown.contains("network-admins #1 (in its path, stops matching)"),
        "{shown}"
    );
    assert!(shown.contains("Access lost:"), "{shown}");
    assert!(
        shown.contains("- group NetworkAdmins manage virtual-network-family in Shared:Network"),
        "{shown}"
    );
    let named = |world: &super::harness::World, name: &str| {
        world.snapshot().compartments.iter().any(|c| c.name == name)
    };
    assert!(!named(&world, "Net"), "nothing is sent before the choice");
    // "Cancel" is chosen first, and keeps the old name.
    press(&mut state, &mut world, key(KeyCode::Enter));
    assert!(!named(&world, "Net") && state.ctx.modal.is_none());
}

#[test]
fn a_rename_nothing_names_goes_through_without_a_question() {
    let (mut state, mut world) = loaded(false);
    act(&mut state, &mut world, Action::Command("audit".into()));
    act(&mut state, &mut world, Action::Back);
    assert!(state.ctx.snapshot.data().is_some(), "the tenancy is loaded");
    select_compartment(&mut state, "Finance");
    act(&mut state, &mut world, Action::Rename);
    press(&mut state, &mut world, ctrl('u'));
    type_text(&mut state, &mut world, "Tools");
    press(&mut state, &mut world, key(KeyCode::Enter));
    assert!(state.ctx.modal.is_none(), "{}", screen(&state));
    assert!(
        world
            .snapshot()
            .compartments
            .iter()
            .any(|c| c.name == "Tools"),
        "{}",
        screen(&state)
    );
    assert!(
        world
            .snapshot()
            .compartments
            .iter()
            .any(|c| c.name == "Tools")
    );
}

#[test]
fn deleting_a_group_lists_the_statements_naming_it_and_its_members_access() {
    let (mut state, mut world) = loaded(false);
    act(
        &mut state,
        &mut world,
        Action::Command("grp DataEngineers".into()),
    );
    act(&mut state, &mut world, Action::Delete);
    let shown = screen(&state);
    assert!(shown.contains("Delete group DataEngineers?"), "{shown}");
    assert!(
        shown.contains("data-engineering #1 (by name, stops matching)"),
        "{shown}"
    );
    assert!(shown.contains("Access lost:"), "{shown}");
    assert!(shown.contains("leaves group DataEngineers"), "{shown}");
    assert!(
        shown.contains("Type its name (DataEngineers) to confirm."),
        "{shown}"
    );
}

#[test]
fn moving_a_compartment_shows_what_its_paths_stop_matching() {
    let (mut state, mut world) = loaded(false);
    act(&mut state, &mut world, Action::Expand);
    select_compartment(&mut state, "Shared");
    act(&mut state, &mut world, Action::Expand);
    select_compartment(&mut state, "Logging");
    act(&mut state, &mut world, Action::Move);
    select_compartment(&mut state, "Dev");
    act(&mut state, &mut world, Action::Select);
    let shown = screen(&state);
    assert!(shown.contains("into acme-corp/Dev?"), "{shown}");
    assert!(
        shown.contains("legacy-public-read #2 (in its path, stops matching)"),
        "{shown}"
    );
    assert!(
        shown.contains("- any-user read objects in Shared:Logging"),
        "{shown}"
    );
}
