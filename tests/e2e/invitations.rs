//! The Invitations pane end to end: the selection follows the invitation through a refresh
//! (the right one is renamed), and create, rename and cancel with keys only.

use crate::setup;

const RECIPIENT: &str =
    "ocid1.tenancy.oc1..aaaaaaaanewpartner0000000000000000000000000000000000001";

#[test]
fn after_a_refresh_the_rename_goes_to_the_invitation_that_was_selected() {
    let (_rt, world) = setup(canopy::emulator::seed::demo());
    let mut tui = world.launch(&[]);
    tui.wait_for("acme-corp (root)");
    tui.keys("5");
    tui.wait_for("Sender invitations (4)");
    // Rows sort by name: acme-emea, acme-labs-2024, acme-research, northbridge-pilot.
    tui.keys("jj");
    tui.wait_until("acme-research selected", |s| {
        s.contains("Status      ACCEPTED") && s.contains("acme-research")
    });
    // Someone else creates an invitation that sorts first: row numbers move down.
    world.emulator.store.with(|s| {
        let mut early = s
            .invitations
            .iter()
            .find(|i| i.display_name == "acme-emea")
            .unwrap()
            .clone();
        early.id = "ocid1.senderinvitation.oc1..aaaaaaaaearlyone".into();
        early.display_name = "aaa-early".into();
        s.invitations.upsert(early);
    });
    tui.keys("r");
    tui.wait_for("Sender invitations (5)");
    tui.keys("e");
    tui.wait_for("Edit invitation");
    tui.keys("-renamed");
    tui.enter();
    tui.wait_for("updated the invitation acme-research-renamed");
    tui.quit();
    let after = world.emulator.store.snapshot();
    let names: Vec<&str> = after
        .sender_invitations
        .iter()
        .map(|i| i.display_name.as_str())
        .collect();
    assert!(names.contains(&"acme-research-renamed"), "{names:?}");
    assert!(names.contains(&"acme-labs-2024") && names.contains(&"aaa-early"));
}

#[test]
fn create_rename_and_cancel_an_invitation() {
    let (_rt, world) = setup(canopy::emulator::seed::demo());
    let mut tui = world.launch(&[]);
    tui.wait_for("acme-corp (root)");
    tui.keys("5");
    tui.wait_for("Sender invitations (4)");
    tui.keys("c");
    tui.wait_for("Invite a tenancy");
    tui.keys(RECIPIENT);
    tui.send(b"\t");
    tui.keys("partner-one");
    tui.enter();
    tui.wait_for("invited partner-one");
    tui.wait_for("Sender invitations (5)");
    tui.keys("e");
    tui.wait_for("Edit invitation");
    // The cursor is at the end; Ctrl-W takes the last word back.
    tui.ctrl('w');
    tui.keys("two");
    tui.enter();
    tui.wait_for("updated the invitation partner-two");
    tui.keys("D");
    tui.wait_for("Cancel the invitation partner-two?");
    tui.keys("partner-two");
    tui.enter();
    tui.wait_for("cancelled the invitation partner-two");
    tui.quit();
    let after = world.emulator.store.snapshot();
    let invitation = after
        .sender_invitations
        .iter()
        .find(|i| i.display_name == "partner-two")
        .expect("renamed");
    assert_eq!(invitation.recipient_tenancy_id, RECIPIENT);
    assert_eq!(invitation.status, canopy::model::InvitationStatus::Canceled);
}
