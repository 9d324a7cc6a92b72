//! Policies: edit and save (checked in the emulator), a stale etag showing the conflict
//! dialog, and a draft restored after the process was killed mid-edit.

use crate::harness::wait_for_file;
use crate::setup;

fn open_editor(tui: &mut crate::harness::Tui, policy: &str) {
    tui.keys("3");
    crate::harness::wait_for_policies(tui);
    tui.keys("/");
    tui.keys(policy);
    tui.enter();
    tui.keys("e");
    tui.wait_for(&format!("Editing {policy}"));
}

fn statements(world: &crate::harness::World, policy: &str) -> Vec<String> {
    let snapshot = world.emulator.store.snapshot();
    snapshot
        .policies
        .iter()
        .find(|p| p.name == policy)
        .unwrap()
        .statements
        .clone()
}

#[test]
fn edit_a_statement_and_save_it() {
    let (_rt, world) = setup(canopy::emulator::seed::demo());
    let mut tui = world.launch(&[]);
    open_editor(&mut tui, "developers-dev");
    tui.enter();
    tui.keys("Allow group SecurityAuditors to inspect all-resources in compartment Sandbox");
    // The tenancy is loaded once the editor lints against it.
    tui.wait_for("redundant: policy `security-auditors`");
    tui.ctrl('s');
    tui.wait_for("Save policy developers-dev?");
    tui.wait_for("+ Allow group SecurityAuditors");
    // SecurityAuditors may already inspect everything in the tenancy.
    tui.wait_for("grants no new access");
    tui.enter();
    tui.wait_for("policy developers-dev saved");
    let saved = statements(&world, "developers-dev");
    assert!(
        saved.contains(
            &"Allow group SecurityAuditors to inspect all-resources in compartment Sandbox"
                .to_string()
        ),
        "{saved:?}"
    );
    tui.quit();
}

#[test]
fn a_stale_etag_shows_the_conflict_dialog() {
    let (_rt, world) = setup(canopy::emulator::seed::demo());
    let mut tui = world.launch(&[]);
    open_editor(&mut tui, "developers-dev");
    // Someone else changes the policy while it is open.
    world.emulator.store.with(|store| {
        crate::harness::change_policy_behind_the_back(
            store,
            "developers-dev",
            "Allow group ReadOnly to read buckets in compartment Sandbox",
        );
    });
    tui.enter();
    // Valid where the policy is attached (Dev): a grant `in tenancy` would be refused.
    tui.keys("Allow group Developers to read audit-events in compartment Sandbox");
    tui.ctrl('s');
    tui.wait_for("Save policy developers-dev?");
    tui.enter();
    let screen = tui.wait_for("changed by someone else");
    assert!(
        screen.contains("+ Allow group ReadOnly to read buckets"),
        "{screen}"
    );
    assert!(
        screen.contains("Reapply my edit on the new version"),
        "{screen}"
    );
    tui.enter(); // reapply
    tui.wait_for("reapplied");
    tui.ctrl('s');
    tui.wait_for("Save policy developers-dev?");
    tui.enter();
    tui.wait_for("policy developers-dev saved");
    let saved = statements(&world, "developers-dev");
    assert!(
        saved.iter().any(|s| s.contains("ReadOnly to read buckets"))
            && saved.iter().any(|s| s.contains("audit-events")),
        "{saved:?}"
    );
    tui.quit();
}

#[test]
fn a_draft_survives_a_kill_and_is_restored() {
    let (_rt, world) = setup(canopy::emulator::seed::demo());
    let mut tui = world.launch(&[]);
    open_editor(&mut tui, "developers-dev");
    tui.enter();
    tui.keys("Allow group ReadOnly to read audit-events in compartment Sandbox");
    wait_for_file(&world.drafts_file(), |t| t.contains("audit-events"));
    tui.kill_hard();

    let mut tui = world.launch(&[]);
    tui.wait_for("Restore drafts");
    tui.wait_for("developers-dev");
    tui.enter();
    let screen = tui.wait_for("Editing developers-dev");
    assert!(screen.contains("audit-events"), "{screen}");
    tui.ctrl('s');
    tui.wait_for("Save policy developers-dev?");
    tui.enter();
    tui.wait_for("policy developers-dev saved");
    assert!(
        statements(&world, "developers-dev")
            .iter()
            .any(|s| s.contains("audit-events in compartment Sandbox"))
    );
    tui.quit();
    assert!(
        !world.drafts_file().exists(),
        "the draft is gone once saved"
    );
}

#[test]
fn the_save_dialog_says_when_an_edit_grants_new_access() {
    let (_rt, world) = setup(canopy::emulator::seed::demo());
    let mut tui = world.launch(&[]);
    open_editor(&mut tui, "developers-dev");
    tui.enter();
    tui.keys("Allow group Developers to manage groups in tenancy");
    tui.wait_for("cannot grant `in tenancy`");
    tui.ctrl('s');
    tui.wait_for("Save policy developers-dev?");
    tui.wait_for("grants new access: group Developers manage groups in tenancy");
    // Nothing is saved; the editor holds the text, so the process is stopped.
    tui.kill_hard();
}
