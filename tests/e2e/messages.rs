//! An error's details outlive its toast: after the toast line has cleared, `!` shows the
//! whole error, `opc-request-id` included, as a support ticket needs it.

use crate::setup;

#[test]
fn an_errors_request_id_is_readable_after_the_toast_has_gone() {
    let (_rt, world) = setup(canopy::emulator::seed::demo());
    let mut tui = world.launch(&[]);
    tui.wait_for("acme-corp (root)");
    tui.keys(":");
    tui.keys("grp Administrators");
    tui.enter();
    tui.wait_for("Groups (");
    tui.keys("D");
    tui.wait_for("Type its name (Administrators) to confirm");
    tui.keys("Administrators");
    tui.enter();
    tui.wait_for("409");
    // The toast fades by itself (errors stay 8 s).
    tui.wait_until("the toast line cleared", |s| !s.contains("409"));
    tui.keys("!");
    tui.wait_for("409 Conflict");
    tui.wait_for("opc-request-id");
    tui.esc();
    tui.keys("6");
    tui.wait_for("Messages (");
    tui.quit();
}
