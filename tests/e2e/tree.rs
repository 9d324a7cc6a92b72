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
    let screen = tui.wait_for("PCI");
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
