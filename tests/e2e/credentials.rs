//! Credentials end to end: revoke an auth token from the tenancy-wide Credentials view, and
//! enrol and activate an MFA device with the code an authenticator app would compute from
//! the seed on the screen; the emulator holds the result afterwards.

use crate::setup;

#[test]
fn revoke_an_auth_token_from_the_credentials_view() {
    let seed = canopy::emulator::seed::demo();
    let token = seed
        .auth_tokens
        .iter()
        .find(|t| t.description == "OCIR docker login")
        .expect("the blocked user's token")
        .clone();
    let (_rt, world) = setup(seed);
    let mut tui = world.launch(&[]);
    tui.wait_for("acme-corp (root)");
    tui.keys("7");
    tui.wait_for("Credentials (55)");
    // Older than 90 days, and the token's description.
    tui.keys("/");
    tui.keys("age>90d OCIR");
    tui.enter();
    tui.wait_for("(1 of 48)");
    tui.keys("D");
    tui.wait_for("Type its description (OCIR docker login)");
    tui.keys("OCIR docker login");
    tui.enter();
    tui.wait_for("revoked auth token 'OCIR docker login' of emily.zhang@acme-corp.com");
    tui.quit();
    let after = world.emulator.store.snapshot();
    assert!(
        !after.auth_tokens.iter().any(|t| t.id == token.id),
        "the emulator no longer holds the token"
    );
}

#[test]
fn enrol_and_activate_an_mfa_device() {
    let seed = canopy::emulator::seed::demo();
    let user = seed
        .users
        .iter()
        .find(|u| u.name == "breakglass-admin")
        .expect("the admin without MFA")
        .clone();
    let (_rt, world) = setup(seed);
    let mut tui = world.launch(&[]);
    tui.wait_for("acme-corp (root)");
    tui.keys("2");
    tui.wait_for("Users (40)");
    tui.keys("/breakglass");
    tui.enter();
    tui.wait_for("Users (1 of 40)");
    tui.keys("K");
    tui.wait_for("Credentials of breakglass-admin");
    // The MFA tab is the last: one back from the first.
    tui.keys("[");
    tui.wait_for("No MFA devices");
    tui.keys("c");
    tui.wait_for("Enrol a new MFA device for breakglass-admin?");
    tui.enter();
    let screen = tui.wait_for("Or type the seed:");
    assert!(
        screen.contains("▀") || screen.contains("▄"),
        "the QR code is drawn"
    );
    // The seed, read from the screen as a person would type it into an app.
    let seed = regex::Regex::new(r"\b([A-Z2-7]{32})\b")
        .unwrap()
        .captures(&screen)
        .expect("the seed on screen")[1]
        .to_string();
    tui.enter();
    tui.wait_for("Activate MFA for breakglass-admin");
    let code = canopy::emulator::totp::code_at(&seed, canopy::app::ctx::unix_now())
        .expect("a base32 seed");
    tui.keys(&code);
    tui.enter();
    tui.wait_for("MFA is active for breakglass-admin");
    tui.quit();
    let after = world.emulator.store.snapshot();
    assert!(
        after
            .mfa_totp_devices
            .iter()
            .any(|d| d.user_id == user.id && d.is_activated),
        "the emulator holds an activated device"
    );
    assert!(
        after
            .users
            .iter()
            .any(|u| u.id == user.id && u.is_mfa_activated)
    );
}
