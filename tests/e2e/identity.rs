//! The Identity pane end to end: add a user to a group with keys only, and the emulator holds
//! the new membership afterwards.

use crate::setup;

#[test]
fn add_a_user_to_a_group() {
    let seed = canopy::emulator::seed::demo();
    let user = seed
        .users
        .iter()
        .find(|u| u.name == "ana.ortiz@acme-corp.com")
        .expect("demo user")
        .clone();
    // A group the user is not in yet.
    let group = seed
        .groups
        .iter()
        .find(|g| {
            !seed
                .memberships
                .iter()
                .any(|m| m.user_id == user.id && m.group_id == g.id)
        })
        .expect("a group to join")
        .clone();
    let (_rt, world) = setup(seed);
    let mut tui = world.launch(&[]);
    tui.wait_for("acme-corp (root)");
    tui.keys("2");
    tui.wait_for("Users (40)");
    tui.keys("/");
    tui.keys(&user.name);
    tui.enter();
    tui.wait_for("Users (1 of 40)");
    tui.enter();
    tui.wait_for("a add");
    tui.keys("a");
    tui.wait_for("to which group?");
    tui.keys("/");
    tui.keys(&group.name);
    tui.enter();
    tui.enter();
    let screen = tui.wait_for(&format!("added {} to {}", user.name, group.name));
    assert!(screen.contains(&group.name));
    tui.quit();
    let after = world.emulator.store.snapshot();
    assert!(
        after
            .memberships
            .iter()
            .any(|m| m.user_id == user.id && m.group_id == group.id),
        "the emulator holds the new membership"
    );
}

/// In the Partners identity domain (its directory read over SCIM at the domain's URL): `d`
/// switches the pane to it, and a partner joins one of its groups; the emulator's Partners
/// directory holds the membership, the Default domain's group of the same name does not.
#[test]
fn switch_domain_and_add_a_user_to_a_group_there() {
    let seed = canopy::emulator::seed::demo();
    let (_rt, world) = setup(seed);
    let mut tui = world.launch(&[]);
    tui.wait_for("acme-corp (root)");
    tui.keys("2");
    tui.wait_for("Users (40)");
    tui.keys("d");
    tui.wait_for("Whose users and groups to show?");
    tui.send(b"\x1b[B");
    tui.enter();
    tui.wait_for("Users in domain Partners (5)");
    tui.keys("/");
    tui.keys("tom.weller");
    tui.enter();
    tui.wait_for("Users in domain Partners (1 of 5)");
    tui.enter();
    tui.wait_for("a add");
    tui.keys("a");
    tui.wait_for("to which group?");
    tui.keys("/");
    tui.keys("Integrators");
    tui.enter();
    tui.enter();
    tui.wait_for("added tom.weller@northbridge.io to Integrators");
    tui.quit();
    let after = world.emulator.store.snapshot();
    let partners = after
        .domain_directories
        .iter()
        .find(|d| {
            d.users
                .iter()
                .any(|u| u.name == "tom.weller@northbridge.io")
        })
        .expect("the Partners directory");
    let tom = &partners
        .users
        .iter()
        .find(|u| u.name == "tom.weller@northbridge.io")
        .unwrap()
        .id;
    let integrators = &partners
        .groups
        .iter()
        .find(|g| g.name == "Integrators")
        .unwrap()
        .id;
    assert!(
        partners
            .live_memberships()
            .any(|m| m.user_id == *tom && m.group_id == *integrators),
        "the emulator's Partners directory holds the new membership"
    );
}

/// Renaming the Partners domain's Auditors group, which `partners-access` names as
/// `'Partners'/'Auditors'`: before anything is sent the dialog lists that statement (it stops
/// matching) and the access it stops granting; only "Rename" sends the SCIM PATCH.
#[test]
fn a_rename_of_a_group_named_in_statements_shows_them_before_confirming() {
    let (_rt, world) = setup(canopy::emulator::seed::demo());
    let mut tui = world.launch(&[]);
    tui.wait_for("acme-corp (root)");
    tui.keys("2");
    tui.wait_for("Users (40)");
    tui.keys("d");
    tui.wait_for("Whose users and groups to show?");
    tui.send(b"\x1b[B");
    tui.enter();
    tui.wait_for("Users in domain Partners (5)");
    tui.keys("]");
    tui.wait_for("Groups in domain Partners");
    tui.keys("/");
    tui.keys("Auditors");
    tui.enter();
    tui.wait_for("(1 of");
    tui.keys("e");
    tui.wait_for("Edit group Auditors");
    // The name field comes first and holds the current name: replace it.
    tui.send(&[0x15]);
    tui.keys("External-Auditors");
    tui.enter();
    tui.wait_for("Rename group Partners/Auditors to External-Auditors?");
    tui.wait_for("partners-access #2 (by name, stops matching)");
    tui.wait_for("Access lost:");
    let screen = tui.screen();
    assert!(screen.contains("audit-events"), "{screen}");
    let named = |world: &crate::harness::World, name: &str| {
        world
            .emulator
            .store
            .snapshot()
            .domain_directories
            .iter()
            .flat_map(|d| d.groups.clone())
            .any(|g| g.name == name)
    };
    assert!(
        named(&world, "Auditors"),
        "nothing is sent before the choice"
    );
    // "Cancel" is chosen first: renaming takes moving to "Rename".
    tui.send(b"\x1b[A");
    tui.enter();
    tui.wait_for("renamed group to External-Auditors");
    assert!(named(&world, "External-Auditors") && !named(&world, "Auditors"));
    tui.quit();
}
