//! `canopy --demo --as USER`: the demo tenancy through a non-administrator's eyes, with the
//! demo's policies enforced by the emulator.

use crate::setup;

#[test]
fn a_user_sees_only_what_policies_allow() {
    // The world's emulator is not used: --demo starts its own.
    let (_rt, world) = setup(canopy::emulator::seed::demo());
    let mut tui = world.launch_with(&[
        "--demo".to_string(),
        "--as".to_string(),
        "james.chen@acme-corp.com".to_string(),
    ]);
    // Developers may inspect everything in Dev:Sandbox: the tree shows the way there only.
    let screen = tui.wait_for("Dev");
    assert!(!screen.contains("Prod"), "{screen}");
    tui.keys("3");
    // The policies of Dev:Sandbox are listed; the tenancy's and Dev's are refused, as OCI
    // refuses them, and the pane names where it is blind instead of failing whole.
    let screen = tui.wait_for("NotAuthorizedOrNotFound in 2 compartment(s)");
    assert!(screen.contains("sandbox-owners"), "{screen}");
    assert!(screen.contains("acme-corp, acme-corp/Dev"), "{screen}");
    assert!(!screen.contains("Tenant Admin Policy"), "{screen}");
    tui.kill_hard();
}
