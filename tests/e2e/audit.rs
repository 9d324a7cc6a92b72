//! The audit view on the demo: a compartment deep in the tree, an inherited statement and
//! the principals it reaches, and "what can USER do here" answered through a membership.

use crate::setup;

#[test]
fn audit_a_deep_compartment_and_ask_what_a_user_can_do() {
    let (_rt, world) = setup(canopy::emulator::seed::demo());
    let mut tui = world.launch(&[]);
    tui.wait_for("acme-corp (root)");
    tui.wait_for("▸ Prod");
    // Root, Archive-2023, Dev, Finance, Prod.
    tui.keys("jjjj");
    tui.keys("l");
    tui.wait_for("AppTier");
    tui.keys("j"); // AppTier
    tui.keys("l");
    tui.wait_for("Batch");
    tui.keys("jjj"); // Api, Batch, Web
    tui.keys("a");
    tui.wait_for("Audit: acme-corp/Prod/AppTier/Web");
    // Inherited from Prod:AppTier, with the group it reaches.
    tui.wait_for("inherited by Prod:AppTier:Web");
    tui.wait_for("reaches: group AppOps");
    tui.keys("p");
    tui.wait_for("what can (user, group or dynamic group) do here");
    tui.keys("marcus.webb@acme-corp.com");
    tui.enter();
    tui.wait_for("What can marcus.webb@acme-corp.com do here?");
    tui.wait_for("[member of group AppOps]");
    tui.esc();
    tui.wait_for("▾ AppTier");
    tui.quit();
}
