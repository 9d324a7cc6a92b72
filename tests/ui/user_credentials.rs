//! A user's credentials in the Identity pane, one tab per kind: every create, update and
//! delete through the real worker against the emulator, secrets shown once (never in a
//! `Debug` print), MFA enrolment with a code computed here, and snapshots of each dialog.

use canopy::app::panes::identity::IdentityFocus;
use canopy::app::request::{CredentialRequest, NewCredential};
use canopy::app::widgets::modal::ModalKind;
use canopy::app::{Action, AppState, PaneId, Payload, Request, RequestKind, Secret, update};
use canopy::model::CredentialKind;
use crossterm::event::KeyCode;
use insta::assert_snapshot;

use super::harness::{World, act, key, loaded, press, render, settle, stable, type_text};
use super::pane_kit::{answer_once, clear_field, enter, form_error, kinds, tab};

/// The Identity pane on `user`'s credentials, the `kind` tab shown.
pub fn open_kind(user: &str, kind: CredentialKind) -> (AppState, World) {
    let (mut state, mut world) = loaded(false);
    show_kind(&mut state, &mut world, user, kind);
    (state, world)
}

pub fn show_kind(state: &mut AppState, world: &mut World, user: &str, kind: CredentialKind) {
    act(state, world, Action::Go(PaneId::Identity));
    act(state, world, Action::Filter);
    type_text(state, world, user);
    enter(state, world);
    assert_eq!(
        state
            .panes
            .identity
            .users
            .selected()
            .map(|u| u.name.as_str()),
        Some(user)
    );
    act(state, world, Action::Credentials);
    while state.panes.identity.creds_kind != kind {
        act(state, world, Action::NextTab);
    }
    assert_eq!(state.panes.identity.focus, IdentityFocus::Credentials);
}

fn user_id(world: &World, name: &str) -> String {
    world
        .snapshot()
        .users
        .into_iter()
        .find(|u| u.name == name)
        .unwrap_or_else(|| panic!("no user {name}"))
        .id
        .to_string()
}

/// Sends what `action` asks for and answers it: the secret the answer carried, checked never
/// to show in a `Debug` print of the responses.
fn submit_for_secret(state: &mut AppState, world: &mut World) -> String {
    let sent = update(state, Action::Select);
    assert_eq!(sent.len(), 1, "one write: {sent:?}");
    let responses = world.answer(&sent[0]);
    let secret = match responses.last().map(|r| &r.result) {
        Some(Ok(Payload::Secret { secret, item, .. })) => {
            assert!(item.is_some(), "the new credential comes with its secret");
            secret.expose().to_string()
        }
        other => panic!("a secret, got {other:?}"),
    };
    assert!(!format!("{responses:?}").contains(&secret), "never printed");
    for r in responses {
        canopy::app::apply_response(state, r);
    }
    assert!(render(state).contains(&secret), "shown once");
    secret
}

/// The open secret dialog's text with the secret starred out, and the dialog closed after.
fn secret_screen(state: &mut AppState, world: &mut World, secret: &str) -> String {
    let screen = render(state).replace(secret, &"*".repeat(secret.chars().count()));
    press(state, world, key(KeyCode::Esc));
    assert!(state.ctx.modal.is_none());
    assert!(!render(state).contains(secret), "gone once closed");
    screen
}

/// `D`, the confirmation typed, Enter: the revoke sent and answered.
fn revoke(state: &mut AppState, world: &mut World, typed: &str) {
    act(state, world, Action::Delete);
    type_text(state, world, typed);
    enter(state, world);
}

fn rows(state: &AppState) -> Vec<String> {
    state
        .panes
        .identity
        .creds
        .visible()
        .iter()
        .map(|r| r.credential.label().to_string())
        .collect()
}

#[test]
fn identity_credential_tabs_of_a_user() {
    let (state, _) = open_kind("svc-backup", CredentialKind::AuthToken);
    assert_eq!(rows(&state).len(), 2);
    assert_snapshot!(render(&state));
}

#[test]
fn auth_tokens_are_created_shown_once_renamed_and_revoked() {
    let (mut state, mut world) = open_kind("grace.liu@acme-corp.com", CredentialKind::AuthToken);
    let user = user_id(&world, "grace.liu@acme-corp.com");
    act(&mut state, &mut world, Action::Create);
    type_text(&mut state, &mut world, "CI pipeline");
    let token = submit_for_secret(&mut state, &mut world);
    assert_snapshot!(
        "identity_new_auth_token_shown_once",
        secret_screen(&mut state, &mut world, &token)
    );
    assert!(rows(&state).contains(&"CI pipeline".to_string()));
    let held = world.snapshot().auth_tokens;
    let new = held
        .iter()
        .find(|t| t.user_id == user && t.description == "CI pipeline")
        .expect("the emulator holds it")
        .clone();

    // A third is refused before anything is typed: OCI allows two.
    act(&mut state, &mut world, Action::Create);
    assert!(state.ctx.modal.is_none());
    assert!(
        state
            .ctx
            .toasts
            .current()
            .unwrap()
            .text
            .contains("delete one first"),
        "{:?}",
        state.ctx.toasts.current()
    );

    act(&mut state, &mut world, Action::Edit);
    clear_field(&mut state, &mut world);
    type_text(&mut state, &mut world, "CI pipeline (rotated)");
    let sent = update(&mut state, Action::Select);
    assert!(matches!(
        &kinds(&sent)[..],
        [RequestKind::Credentials(CredentialRequest::Update { id, .. })] if *id == new.id
    ));
    settle(&mut state, &mut world, sent);
    assert!(
        world
            .snapshot()
            .auth_tokens
            .iter()
            .any(|t| t.id == new.id && t.description == "CI pipeline (rotated)")
    );

    act(&mut state, &mut world, Action::Delete);
    type_text(&mut state, &mut world, "CI pipeline (rotated)");
    let sent = update(&mut state, Action::Select);
    assert_eq!(
        kinds(&sent),
        vec![RequestKind::Credentials(CredentialRequest::Delete {
            user_id: user,
            kind: CredentialKind::AuthToken,
            id: new.id.clone()
        })]
    );
    settle(&mut state, &mut world, sent);
    assert!(!world.snapshot().auth_tokens.iter().any(|t| t.id == new.id));
    assert!(!rows(&state).contains(&"CI pipeline (rotated)".to_string()));
}

/// Creates one credential of `kind` (its form's first field `text`), changes its name or
/// description to `renamed`, and revokes it, checking the emulator after each step.
fn create_update_delete(
    user: &str,
    kind: CredentialKind,
    text: &str,
    renamed: &str,
    held: fn(&canopy::model::Snapshot) -> Vec<(String, String)>,
) {
    let (mut state, mut world) = open_kind(user, kind);
    act(&mut state, &mut world, Action::Create);
    type_text(&mut state, &mut world, text);
    let secret = submit_for_secret(&mut state, &mut world);
    press(&mut state, &mut world, key(KeyCode::Enter));
    assert!(!render(&state).contains(&secret));
    let (id, _) = held(&world.snapshot())
        .into_iter()
        .find(|(_, label)| label == text)
        .expect("created");
    assert_eq!(
        state
            .panes
            .identity
            .creds
            .selected()
            .map(|r| r.credential.id()),
        Some(id.as_str()),
        "the new one is selected"
    );
    act(&mut state, &mut world, Action::Edit);
    clear_field(&mut state, &mut world);
    type_text(&mut state, &mut world, renamed);
    enter(&mut state, &mut world);
    assert!(held(&world.snapshot()).contains(&(id.clone(), renamed.to_string())));
    revoke(&mut state, &mut world, renamed);
    assert!(!held(&world.snapshot()).iter().any(|(i, _)| *i == id));
}

#[test]
fn customer_secret_keys_are_created_renamed_and_revoked() {
    create_update_delete(
        "aisha.bello@acme-corp.com",
        CredentialKind::CustomerSecretKey,
        "rclone sync",
        "rclone nightly sync",
        |s| {
            s.customer_secret_keys
                .iter()
                .map(|k| (k.id.clone(), k.display_name.clone()))
                .collect()
        },
    );
}

#[test]
fn smtp_credentials_are_created_redescribed_and_revoked() {
    create_update_delete(
        "aisha.bello@acme-corp.com",
        CredentialKind::SmtpCredential,
        "status mails",
        "status and alert mails",
        |s| {
            s.smtp_credentials
                .iter()
                .map(|c| (c.id.clone(), c.description.clone()))
                .collect()
        },
    );
}

#[test]
fn swift_passwords_are_created_redescribed_and_revoked() {
    create_update_delete(
        "aisha.bello@acme-corp.com",
        CredentialKind::SwiftPassword,
        "old backup tool",
        "old backup tool (to retire)",
        |s| {
            s.swift_passwords
                .iter()
                .map(|c| (c.id.clone(), c.description.clone()))
                .collect()
        },
    );
}

#[test]
fn a_db_password_is_masked_never_printed_and_revoked() {
    let (mut state, mut world) =
        open_kind("tom.okafor@acme-corp.com", CredentialKind::DbCredential);
    act(&mut state, &mut world, Action::Create);
    type_text(&mut state, &mut world, "reporting login");
    tab(&mut state, &mut world);
    type_text(&mut state, &mut world, "Sup3r-Secret-Pw!");
    let screen = render(&state);
    assert!(!screen.contains("Sup3r-Secret-Pw!"), "typed as dots");
    assert_snapshot!("identity_db_credential_form", screen);
    let sent = update(&mut state, Action::Select);
    let [RequestKind::Credentials(CredentialRequest::Create { new, .. })] = &kinds(&sent)[..]
    else {
        panic!("a create, got {sent:?}");
    };
    assert!(
        matches!(new, NewCredential::DbCredential(d) if d.password.expose() == "Sup3r-Secret-Pw!")
    );
    assert!(!format!("{sent:?}").contains("Sup3r-Secret-Pw!"));
    settle(&mut state, &mut world, sent);
    assert!(state.ctx.modal.is_none(), "nothing secret comes back");
    let created = world
        .snapshot()
        .db_credentials
        .into_iter()
        .find(|d| d.description == "reporting login")
        .expect("created");
    act(&mut state, &mut world, Action::Edit);
    assert!(state.ctx.modal.is_none(), "a DB password cannot be changed");
    revoke(&mut state, &mut world, "reporting login");
    assert!(
        !world
            .snapshot()
            .db_credentials
            .iter()
            .any(|d| d.id == created.id)
    );
}

#[test]
fn oauth2_credentials_take_scopes_and_reset_their_secret() {
    let (mut state, mut world) = open_kind("svc-terraform", CredentialKind::OAuth2ClientCredential);
    act(&mut state, &mut world, Action::Create);
    type_text(&mut state, &mut world, "billing-export");
    tab(&mut state, &mut world);
    type_text(&mut state, &mut world, "Exports usage to billing");
    tab(&mut state, &mut world);
    let eleven: Vec<String> = (0..11)
        .map(|i| format!("https://svc{i}.example urn:opc:resource:consumer::all"))
        .collect();
    type_text(&mut state, &mut world, &eleven.join(", "));
    assert!(update(&mut state, Action::Select).is_empty());
    assert!(
        form_error(&state).contains("at most 10"),
        "{}",
        form_error(&state)
    );
    assert_snapshot!("identity_oauth2_form_refuses_eleven_scopes", render(&state));
    clear_field(&mut state, &mut world);
    type_text(
        &mut state,
        &mut world,
        "https://a.example urn:opc:resource:consumer::all, https://b.example urn:x:read",
    );
    let secret = submit_for_secret(&mut state, &mut world);
    assert!(render(&state).contains("Client secret"));
    press(&mut state, &mut world, key(KeyCode::Esc));
    let created = world
        .snapshot()
        .oauth2_client_credentials
        .into_iter()
        .find(|o| o.name == "billing-export")
        .expect("created");
    assert_eq!(created.scopes.len(), 2);
    assert_eq!(created.scopes[1].scope, "urn:x:read");

    // An update keeps the scopes, changes the description and resets the secret.
    act(&mut state, &mut world, Action::Edit);
    clear_field(&mut state, &mut world);
    type_text(&mut state, &mut world, "Exports usage, daily");
    tab(&mut state, &mut world);
    tab(&mut state, &mut world);
    press(&mut state, &mut world, key(KeyCode::Char(' ')));
    let again = submit_for_secret(&mut state, &mut world);
    assert_ne!(secret, again, "a new secret");
    press(&mut state, &mut world, key(KeyCode::Esc));
    let changed = world
        .snapshot()
        .oauth2_client_credentials
        .into_iter()
        .find(|o| o.id == created.id)
        .unwrap();
    assert_eq!(changed.description, "Exports usage, daily");
    assert_eq!(changed.scopes, created.scopes);
    revoke(&mut state, &mut world, "billing-export");
    assert!(
        !world
            .snapshot()
            .oauth2_client_credentials
            .iter()
            .any(|o| o.id == created.id)
    );
}

/// The seed an MFA dialog shows, read from the screen as a user would.
fn seed_on_screen(state: &AppState) -> String {
    let re = regex::Regex::new(r"secret=([A-Z2-7]+)").unwrap();
    let Some(ModalKind::Secret { qr: Some(uri), .. }) = state.ctx.modal.as_ref().map(|m| &m.kind)
    else {
        panic!("the MFA dialog, got {:?}", state.ctx.modal);
    };
    re.captures(uri.expose()).unwrap()[1].to_string()
}

fn now() -> i64 {
    canopy::app::ctx::unix_now()
}

#[test]
fn an_mfa_device_is_enrolled_activated_read_and_deleted() {
    let (mut state, mut world) = open_kind("breakglass-admin", CredentialKind::MfaDevice);
    let user = user_id(&world, "breakglass-admin");
    assert!(rows(&state).is_empty(), "no MFA: the reviewer's flag");
    assert!(
        render(&state).contains("A activate  g new seed"),
        "the MFA tab's keys"
    );
    act(&mut state, &mut world, Action::Create);
    assert_snapshot!("identity_mfa_enrol_question", render(&state));
    let seed = submit_for_secret(&mut state, &mut world);
    assert_eq!(seed_on_screen(&state), seed);
    let device = world.snapshot().mfa_devices_of(&user);
    assert!(!device.is_activated);

    // A new seed replaces the first: the first one's codes stop working.
    press(&mut state, &mut world, key(KeyCode::Esc));
    let sent = update(&mut state, Action::NewSeed);
    assert_eq!(
        kinds(&sent),
        vec![RequestKind::Credentials(
            CredentialRequest::GenerateTotpSeed {
                user_id: user.clone(),
                id: device.id.clone()
            }
        )]
    );
    settle(&mut state, &mut world, sent);
    let seed = seed_on_screen(&state);

    // Enter goes on to the code; a wrong one is refused beside the field.
    enter(&mut state, &mut world);
    type_text(&mut state, &mut world, "12345");
    assert!(update(&mut state, Action::Select).is_empty());
    assert!(form_error(&state).contains("6 digits"));
    assert_snapshot!("identity_mfa_activate_form", render(&state));
    clear_field(&mut state, &mut world);
    let code = canopy::emulator::totp::code_at(&seed, now()).unwrap();
    type_text(&mut state, &mut world, &code);
    let sent = update(&mut state, Action::Select);
    assert_eq!(
        kinds(&sent),
        vec![RequestKind::Credentials(
            CredentialRequest::ActivateMfaDevice {
                user_id: user.clone(),
                id: device.id.clone(),
                code
            }
        )]
    );
    settle(&mut state, &mut world, sent);
    assert!(world.snapshot().mfa_devices_of(&user).is_activated);
    assert!(
        state
            .panes
            .identity
            .users
            .find(&user)
            .unwrap()
            .is_mfa_activated
    );

    // Enter reads the device again and shows it.
    let sent = update(&mut state, Action::Select);
    assert!(matches!(
        &kinds(&sent)[..],
        [RequestKind::Credentials(
            CredentialRequest::GetMfaDevice { .. }
        )]
    ));
    settle(&mut state, &mut world, sent);
    assert!(render(&state).contains("ACTIVE"));
    press(&mut state, &mut world, key(KeyCode::Esc));

    revoke(&mut state, &mut world, "breakglass-admin");
    assert!(
        !world
            .snapshot()
            .mfa_totp_devices
            .iter()
            .any(|d| d.user_id == user)
    );
    assert!(
        !state
            .panes
            .identity
            .users
            .find(&user)
            .unwrap()
            .is_mfa_activated
    );
}

trait DevicesOf {
    fn mfa_devices_of(&self, user: &str) -> canopy::model::MfaTotpDeviceSummary;
}

impl DevicesOf for canopy::model::Snapshot {
    fn mfa_devices_of(&self, user: &str) -> canopy::model::MfaTotpDeviceSummary {
        self.mfa_totp_devices
            .iter()
            .find(|d| d.user_id == user)
            .cloned()
            .expect("a device")
    }
}

/// The QR code on screen decodes back to the `otpauth://` URI (so an app can scan it).
#[test]
fn the_mfa_qr_code_scans_back_to_the_enrolment_uri() {
    let (mut state, mut world) = open_kind("breakglass-admin", CredentialKind::MfaDevice);
    act(&mut state, &mut world, Action::Create);
    let seed = submit_for_secret(&mut state, &mut world);
    let screen = render(&state);
    let uri = canopy::app::panes::identity::otpauth_uri("breakglass-admin", &seed);
    assert_eq!(decode_qr(&screen).as_deref(), Some(uri.as_str()));
    // The snapshot with a fixed seed, so it does not change from run to run.
    let fixed = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
    if let Some(ModalKind::Secret {
        lines, secret, qr, ..
    }) = state.ctx.modal.as_mut().map(|m| &mut m.kind)
    {
        for l in lines.iter_mut() {
            l.text = l.text.replace(&seed, fixed);
        }
        *secret = Secret::new(fixed);
        *qr = Some(Secret::new(canopy::app::panes::identity::otpauth_uri(
            "breakglass-admin",
            fixed,
        )));
    }
    assert_snapshot!("identity_mfa_seed_with_qr_code", render(&state));
    // Copying puts the seed on the clipboard (OSC 52) and leaves the dialog open.
    act(&mut state, &mut world, Action::CopySecret);
    assert!(state.ctx.modal.is_some());
    assert!(matches!(
        &state.ctx.effects[..],
        [canopy::app::Effect::CopySecret(s)] if s.expose() == fixed
    ));
    assert!(!format!("{:?}", state.ctx.effects).contains(fixed));
}

/// Reads the half-block QR code from a screen: each character is two modules high.
fn decode_qr(screen: &str) -> Option<String> {
    let rows: Vec<Vec<char>> = screen.lines().map(|l| l.chars().collect()).collect();
    let top = rows
        .iter()
        .position(|r| r.iter().filter(|c| **c == '█').count() > 30)?;
    let left = rows[top].iter().position(|c| *c == '█')?;
    let width = rows[top][left..].iter().take_while(|c| **c == '█').count();
    let code: Vec<&[char]> = rows[top..]
        .iter()
        .take_while(|r| r.len() > left + width - 1 && r[left] == '█')
        .map(|r| &r[left..left + width])
        .collect();
    // Light modules are drawn, dark are spaces; scale 4 and a white margin for the decoder.
    let scale = 4;
    let margin = 8;
    let (w, h) = (
        width * scale + 2 * margin,
        code.len() * 2 * scale + 2 * margin,
    );
    let light = |x: usize, y: usize| -> bool {
        if x < margin || y < margin || x >= w - margin || y >= h - margin {
            return true;
        }
        let (mx, my) = ((x - margin) / scale, (y - margin) / scale);
        match code[my / 2][mx] {
            '█' => true,
            '▀' => my % 2 == 0,
            '▄' => my % 2 == 1,
            _ => false,
        }
    };
    let mut img =
        rqrr::PreparedImage::prepare_from_greyscale(w, h, |x, y| if light(x, y) { 255 } else { 0 });
    let grids = img.detect_grids();
    let (_, content) = grids.first()?.decode().ok()?;
    Some(content)
}

#[test]
fn the_console_password_date_is_in_the_user_detail() {
    let (mut state, mut world) = loaded(false);
    act(&mut state, &mut world, Action::Go(PaneId::Identity));
    let screen = render(&state);
    assert!(
        screen.contains("Password    2026-04-20 (220d ago)"),
        "{screen}"
    );
    // A service account never had one.
    act(&mut state, &mut world, Action::Filter);
    type_text(&mut state, &mut world, "svc-backup");
    enter(&mut state, &mut world);
    assert!(render(&state).contains("Password    never set"));
}

#[test]
fn the_capability_checklist_shows_what_each_governs() {
    let (mut state, mut world) = open_kind("svc-backup", CredentialKind::AuthToken);
    act(&mut state, &mut world, Action::Back);
    let requests: Vec<Request> = update(&mut state, Action::Capabilities);
    assert!(requests.is_empty(), "the credentials are held already");
    let screen = render(&state);
    assert!(screen.contains("auth tokens (2 held)"), "{screen}");
    assert!(screen.contains("customer secret keys (1 held)"), "{screen}");
    assert_snapshot!("identity_capabilities_with_counts", stable(&screen));
    // From a user whose credentials are not listed yet, they are listed first.
    press(&mut state, &mut world, key(KeyCode::Esc));
    act(&mut state, &mut world, Action::Back);
    act(&mut state, &mut world, Action::Down);
    let sent = update(&mut state, Action::Capabilities);
    assert!(matches!(
        &kinds(&sent)[..],
        [
            RequestKind::Credentials(CredentialRequest::ListOfUser { .. }),
            ..
        ]
    ));
    let next = answer_once(&mut state, &mut world, &sent);
    settle(&mut state, &mut world, next);
    assert!(render(&state).contains("held)"));
}

#[test]
fn a_credential_s_detail_and_edit_forms() {
    let (mut state, mut world) = open_kind("svc-backup", CredentialKind::CustomerSecretKey);
    act(&mut state, &mut world, Action::Select);
    assert_snapshot!("identity_credential_detail", render(&state));
    press(&mut state, &mut world, key(KeyCode::Esc));
    act(&mut state, &mut world, Action::Edit);
    assert_snapshot!("identity_credential_edit_form", render(&state));
    let sent = update(&mut state, Action::Select);
    assert!(sent.is_empty(), "nothing changed");
}
