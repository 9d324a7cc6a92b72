//! The Tags pane end to end: create a tag namespace, edit it, add a tag, then retire and
//! delete both, with keys only; the emulator holds the result.

use crate::setup;

#[test]
fn create_edit_and_delete_a_namespace_and_a_tag() {
    let (_rt, world) = setup(canopy::emulator::seed::demo());
    let mut tui = world.launch(&[]);
    tui.wait_for("acme-corp (root)");
    tui.keys("4");
    tui.wait_for("Namespaces (3)");
    tui.keys("c");
    tui.wait_for("New tag namespace");
    tui.keys("Finance");
    tui.send(b"\t");
    tui.keys("Cost allocation");
    tui.send(b"\t");
    tui.keys("Prod");
    tui.enter();
    tui.wait_for("created tag namespace Finance");
    tui.wait_for("Namespaces (4)");
    tui.keys("e");
    tui.wait_for("Edit tag namespace Finance");
    tui.keys(" and chargeback");
    tui.enter();
    tui.wait_for("updated tag namespace Finance");
    // A tag in it, with a list of allowed values.
    tui.enter();
    tui.wait_for("No tags in this namespace.");
    tui.keys("c");
    tui.wait_for("New tag in Finance");
    tui.keys("Tier");
    tui.send(b"\t");
    tui.keys("Service tier");
    tui.send(b"\t\t");
    tui.keys("gold, silver");
    tui.enter();
    tui.wait_for("created tag Finance.Tier");
    tui.wait_for("gold, silver");
    // OCI deletes only retired tags and namespaces: the pane offers to retire each first.
    tui.keys("D");
    tui.wait_for("OCI deletes only retired tags.");
    tui.enter();
    tui.wait_for("Delete tag Finance.Tier?");
    tui.wait_for("It is retired first.");
    tui.keys("Tier");
    tui.enter();
    tui.wait_for("deleted tag Finance.Tier");
    tui.wait_for("No tags in this namespace.");
    tui.esc();
    tui.keys("D");
    tui.wait_for("OCI deletes only retired namespaces.");
    tui.enter();
    tui.wait_for("Delete the empty tag namespace Finance?");
    tui.keys("Finance");
    tui.enter();
    tui.wait_for("deleted tag namespace Finance");
    tui.wait_for("Namespaces (3)");
    tui.quit();
    let after = world.emulator.store.snapshot();
    let finance = after.tag_namespaces.iter().find(|n| n.name == "Finance");
    assert!(
        finance.is_none_or(|n| n.lifecycle_state == canopy::model::LifecycleState::Deleted),
        "{finance:?}"
    );
}
