//! Issue 12 in the real binary: a save dialog with errors keeps editing on Enter (saving
//! takes a second, deliberate choice), and the audit view answers a yes/no question whose
//! deciding statement is a deny, with the why-not of the no.

use crate::setup;

#[test]
fn the_save_dialog_with_errors_defaults_to_keep_editing() {
    let (_rt, world) = setup(canopy::emulator::seed::demo());
    let mut tui = world.launch(&[]);
    tui.keys("3");
    crate::harness::wait_for_policies(&tui);
    tui.keys("/");
    tui.keys("developers-dev");
    tui.enter();
    tui.keys("e");
    tui.wait_for("Editing developers-dev");
    tui.enter();
    // Sandbox is under Dev: the one error is the verb, whether or not the lint knows the
    // tenancy yet.
    tui.keys("Allow group Developers to fly kites in compartment Sandbox");
    tui.ctrl('s');
    tui.wait_for("Save with 1 error(s)");
    tui.wait_for("› Keep editing");
    let before = world.emulator.store.snapshot();
    // Enter takes the default: back to the editor, nothing sent.
    tui.enter();
    tui.wait_until("the editor again, no dialog", |s| {
        s.contains("Editing developers-dev") && !s.contains("Keep editing")
    });
    assert_eq!(world.emulator.store.snapshot().policies, before.policies);
    // Saving anyway is a second choice: move to it, then Enter. The service refuses it.
    tui.ctrl('s');
    tui.wait_for("› Keep editing");
    tui.send(b"\x1b[A"); // up
    tui.wait_for("› Save with 1 error(s)");
    tui.enter();
    tui.wait_for("400 InvalidParameter");
    assert_eq!(world.emulator.store.snapshot().policies, before.policies);
    tui.esc(); // the editor closes, its draft kept
    tui.wait_for("draft kept");
    tui.quit();
}

#[test]
fn the_audit_view_answers_yes_or_no_with_a_deny_and_why_not() {
    let (_rt, world) = setup(canopy::emulator::seed::demo());
    let mut tui = world.launch(&[]);
    tui.wait_for("▸ Prod");
    tui.keys("/");
    tui.keys("Sensitive");
    tui.wait_until("the filter applied", |s| {
        s.lines().any(|l| l.starts_with("/Sensitive")) && !s.contains("Finance")
    });
    tui.enter();
    // The match is the last row the filter leaves.
    tui.keys("G");
    tui.keys("a");
    tui.wait_for("Audit: acme-corp/Prod/Data/Warehouse/Sensitive");
    tui.wait_for("statement(s) apply");
    tui.keys("c");
    tui.wait_for("can (PRINCIPAL VERB RESOURCE");
    tui.keys("ravi.kumar@partner-sys.com read buckets");
    tui.enter();
    tui.wait_for("read buckets in Prod:Data:Warehouse:Sensitive? NO");
    tui.wait_for("denied by:");
    tui.wait_for("- deny Deny group Contractors to manage all-resources");
    tui.wait_for("why not");
    tui.wait_for("Deny: it grants this, but a deny takes it away");
    // A yes, for contrast, through a membership.
    tui.keys("c");
    tui.keys("marcus.webb@acme-corp.com inspect users");
    tui.enter();
    tui.wait_for("inspect users in Prod:Data:Warehouse:Sensitive? ");
    tui.esc(); // the audit view closes
    tui.wait_for("▾ Prod");
    tui.quit();
}

/// Issue 10 in the real binary: a statement naming another domain's group does not reach the
/// Default domain's group of the same name (the why-not says so), and a federated group's
/// answer names the mapping that brings it in.
#[test]
fn the_audit_view_tells_domains_apart_and_names_a_federated_path() {
    let (_rt, world) = setup(canopy::emulator::seed::demo());
    world.emulator.store.with(|s| {
        let id = s
            .policies
            .iter()
            .find(|p| p.name == "developers-dev")
            .map(|p| p.id.clone())
            .expect("the demo's developers-dev policy");
        let policy = s.policies.get_mut(&id).expect("found above");
        policy
            .statements
            .push("Allow group 'Partners'/'Developers' to manage buckets in tenancy".into());
    });
    let mut tui = world.launch(&[]);
    tui.wait_for("acme-corp (root)");
    tui.keys("a");
    tui.wait_for("statement(s) apply");
    tui.keys("c");
    tui.wait_for("can (PRINCIPAL VERB RESOURCE");
    tui.keys("group Developers manage buckets");
    tui.enter();
    tui.wait_for("manage buckets in tenancy? NO");
    tui.wait_for("names 'Partners'/'Developers', a group of the Partners domain");
    tui.keys("c");
    tui.keys("idp-group OCI-Auditors read audit-events");
    tui.enter();
    tui.wait_for("read audit-events in tenancy? YES");
    tui.wait_for("member of IdP group OCI-Auditors mapped to group SecurityAuditors");
    tui.wait_for("provider acme-adfs"); // wrapped at the width
    tui.esc();
    tui.quit();
}
