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

#[test]
fn three_marked_users_get_a_defined_tag_in_one_bulk_edit() {
    let (_rt, world) = setup(canopy::emulator::seed::demo());
    let mut tui = world.launch(&[]);
    tui.wait_for("acme-corp (root)");
    tui.keys("2");
    tui.wait_for("Users (");
    // Space marks the row under the cursor; j moves on.
    tui.keys(" j j ");
    tui.wait_for("3 marked");
    tui.keys("T");
    tui.wait_for("Defined tag on 3 users");
    // The choices come from the tenancy's tags, read as the form opens.
    tui.wait_for("(CostCenter / Environment");
    // Operation (add or set), namespace (Operations), tag: Space takes the next choice.
    tui.send(b"\t\t \t ");
    tui.wait_for("staging");
    tui.enter();
    tui.wait_for("tagged Operations.Environment=staging on 3 resource(s)");
    tui.quit();
    let after = world.emulator.store.snapshot();
    let mut users: Vec<_> = after.users.iter().collect();
    users.sort_by(|a, b| a.name.cmp(&b.name));
    for user in &users[..3] {
        let value = user
            .defined_tags
            .get("Operations")
            .and_then(|t| t.get("Environment"))
            .and_then(|v| v.as_str());
        assert_eq!(value, Some("staging"), "{}", user.name);
    }
    let untouched = users[3].defined_tags.get("Operations");
    assert!(
        untouched
            .and_then(|t| t.get("Environment"))
            .is_none_or(|v| v != "staging"),
        "only the marked users"
    );
}

#[test]
fn a_locked_tag_default_refuses_an_edit_with_a_clear_message() {
    let (_rt, world) = setup(canopy::emulator::seed::demo());
    let before = world.emulator.store.snapshot();
    let mut tui = world.launch(&[]);
    tui.wait_for("acme-corp (root)");
    tui.keys("4");
    tui.wait_for("Namespaces (");
    tui.keys("]");
    tui.wait_for("Tag defaults in");
    tui.keys("s");
    tui.keys("Prod/Data/Warehouse/Sensitive");
    tui.enter();
    tui.wait_for("Security.DataClassification");
    tui.wait_for("FULL");
    tui.keys("e");
    tui.wait_for("Edit tag default Security.DataClassification");
    tui.ctrl('u');
    tui.keys("confidential");
    tui.enter();
    tui.wait_for("has a FULL lock");
    tui.wait_for("Nothing was changed.");
    // The first choice goes back to the form, with what was typed.
    tui.enter();
    tui.wait_for("confidential");
    tui.esc();
    tui.quit();
    let after = world.emulator.store.snapshot();
    assert_eq!(
        before.tag_defaults, after.tag_defaults,
        "the locked default is unchanged"
    );
}
