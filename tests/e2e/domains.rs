//! The Domains pane end to end: deactivate and reactivate a domain with keys only, each
//! change followed on screen to the end of its IAM work request, which the Work requests
//! view then lists; the emulator holds the result.

use canopy::model::LifecycleState;

use crate::setup;

#[test]
fn deactivate_and_reactivate_a_domain_following_its_work_request() {
    let (_rt, world) = setup(canopy::emulator::seed::demo());
    let mut tui = world.launch(&[]);
    tui.wait_for("acme-corp (root)");
    tui.keys(":dom");
    tui.enter();
    tui.wait_for("Domains in acme-corp and below (3)");
    tui.keys("/Partners");
    tui.enter();
    tui.wait_for("Domains in acme-corp and below (1 of 3)");
    tui.keys("t");
    tui.wait_for("Deactivate domain Partners?");
    tui.enter();
    // Followed live under the list, then the toast and the new state.
    tui.wait_for("⟳ deactivating domain Partners:");
    tui.wait_for("deactivated domain Partners");
    tui.wait_until("the row to say INACTIVE", |s| {
        s.lines()
            .any(|l| l.contains("Partners") && l.contains("INACTIVE"))
    });
    let partners = |world: &crate::harness::World| {
        world
            .emulator
            .store
            .snapshot()
            .domains
            .into_iter()
            .find(|d| d.display_name == "Partners")
            .unwrap()
    };
    assert_eq!(partners(&world).lifecycle_state, LifecycleState::Inactive);
    // And back.
    tui.keys("t");
    tui.wait_for("Activate domain Partners?");
    tui.enter();
    tui.wait_for("⟳ activating domain Partners:");
    tui.wait_for("activated domain Partners");
    tui.wait_until("the row to say ACTIVE", |s| {
        s.lines()
            .any(|l| l.contains("Partners") && l.contains("ACTIVE") && !l.contains("INACTIVE"))
    });
    assert_eq!(partners(&world).lifecycle_state, LifecycleState::Active);
    // Both work requests, finished, in the Work requests view's IAM list.
    tui.keys(":wr");
    tui.enter();
    tui.wait_for("Identity work requests in acme-corp");
    tui.keys("]");
    let screen = tui.wait_for("ACTIVATE_DOMAIN");
    assert!(screen.contains("DEACTIVATE_DOMAIN"), "{screen}");
    tui.quit();
}
