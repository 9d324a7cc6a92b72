//! The compartment tree: navigate, expand, filter.

use crate::setup;

#[test]
fn navigate_the_tree_and_filter_it() {
    let (_rt, world) = setup(canopy::emulator::seed::demo());
    let mut tui = world.launch(&[]);
    tui.wait_for("acme-corp (root)");
    tui.wait_for("▸ Dev");
    tui.keys("jj"); // past Archive-2023 to Dev
    tui.keys("l");
    tui.wait_for("Sandbox");
    tui.keys("/");
    tui.keys("pci");
    // Keys are read one by one: wait until the whole query is in force (after `p` alone,
    // Finance is still shown, as the parent of Reports).
    let screen = tui.wait_until("the filter /pci applied", |s| {
        s.lines().any(|l| l.starts_with("/pci ")) && s.contains("PCI")
    });
    // The cursor stands where the next key lands: after the query on the bottom line.
    assert_eq!(tui.cursor(), Some((crate::harness::ROWS - 1, 4)));
    assert!(
        !screen.contains("Finance"),
        "the filter hides what does not lead to a match:\n{screen}"
    );
    tui.esc();
    tui.wait_for("Finance");
    tui.quit();
}

#[test]
fn demo_needs_nothing_set_up() {
    // The world's emulator is not used: --demo starts its own.
    let (_rt, world) = setup(canopy::emulator::seed::demo());
    let tui = world.launch_with(&["--demo".to_string()]);
    let screen = tui.wait_for("acme-corp (root)");
    assert!(
        screen.contains("demo"),
        "the header says it is the demo:\n{screen}"
    );
    tui.wait_for("▸ Prod");
    tui.quit();
}

#[test]
fn create_then_delete_a_compartment_following_the_work_request() {
    let (_rt, world) = setup(canopy::emulator::seed::demo());
    let mut tui = world.launch(&[]);
    tui.wait_for("acme-corp (root)");
    tui.keys("c");
    tui.wait_for("New compartment in acme-corp");
    tui.keys("Lab");
    tui.send(b"\t");
    tui.keys("Experiments");
    tui.enter();
    tui.wait_for("compartment Lab created");
    tui.wait_for("    Lab");
    // The new compartment is selected: delete it, typing its name.
    tui.keys("D");
    tui.wait_for("Type its name (Lab)");
    tui.enter(); // nothing happens without the name
    tui.keys("Lab");
    tui.enter();
    tui.wait_for("deleting Lab: done");
    let snapshot = world.emulator.store.snapshot();
    let lab = snapshot
        .compartments
        .iter()
        .find(|c| c.name == "Lab")
        .expect("still listed");
    assert_eq!(lab.lifecycle_state, canopy::model::LifecycleState::Deleted);
    tui.wait_for("Lab [DELETED]");
    tui.quit();
}

/// `:pol Prod:AppTier` opens the policies of that compartment; an OCID pasted into the `:`
/// prompt opens the pane that lists it, with it selected.
#[test]
fn the_palette_jumps_to_a_path_and_to_a_pasted_ocid() {
    let (_rt, world) = setup(canopy::emulator::seed::demo());
    let mut tui = world.launch(&[]);
    tui.wait_for("acme-corp (root)");
    tui.keys(":");
    tui.keys("pol Prod:AppTier");
    tui.enter();
    tui.wait_for("Policies in acme-corp/Prod/AppTier (1 of");
    tui.wait_for("ci-deploy-web");
    let marcus = world
        .emulator
        .store
        .snapshot()
        .users
        .iter()
        .find(|u| u.name == "marcus.webb@acme-corp.com")
        .map(|u| u.id.clone())
        .expect("the demo's marcus");
    tui.keys(":");
    // A bracketed paste, as a terminal sends one.
    tui.send(format!("\x1b[200~{marcus}\x1b[201~").as_bytes());
    tui.enter();
    tui.wait_until("marcus selected in the Users list", |s| {
        s.contains("Users (")
            && s.contains("Detail")
            && s.contains("marcus.webb@acme-corp.com")
            && s.lines()
                .any(|l| l.contains("E-mail") && l.contains("marcus.webb"))
    });
    tui.quit();
}

/// Quitting keeps where the user was (per profile); the next start goes back there, the
/// selection landing once its list has loaded.
#[test]
fn the_last_place_is_restored_on_the_next_start() {
    let (_rt, world) = setup(canopy::emulator::seed::demo());
    let mut tui = world.launch(&[]);
    tui.wait_for("acme-corp (root)");
    tui.keys(":");
    tui.keys("grp NetworkAdmins");
    tui.enter();
    tui.wait_for("Groups (1 of");
    tui.quit();
    let places = std::fs::read_to_string(world.data_dir().join("canopy").join("locations.json"))
        .expect("the place is kept");
    assert!(places.contains("\"pane\": \"identity\""), "{places}");
    let tui = world.launch(&[]);
    tui.wait_until("NetworkAdmins selected in the Groups list again", |s| {
        let lines: Vec<&str> = s.lines().collect();
        s.contains("Groups (")
            && lines
                .windows(2)
                .any(|w| w[0].contains("┌ Detail") && w[1].contains("NetworkAdmins"))
    });
    tui.quit();
}
