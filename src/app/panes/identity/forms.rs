//! The Identity pane's form pieces: capabilities, the one-time password dialog, delete
//! confirmations, and the checks on a matching rule and an API key.

use crate::model::{CredentialKind, UpdateUserCapabilitiesDetails, User, UserCapabilities};

use super::{IdentityDialog, IdentityPane, dialog};
use crate::app::request::ApiKeySource;
use crate::app::widgets::modal::{Modal, Tone, ToneLine};

/// The capabilities a user can be allowed or denied, in the order the dialog lists them.
pub const CAPABILITIES: [&str; 7] = [
    "console password",
    "API keys",
    "auth tokens",
    "SMTP credentials",
    "database credentials",
    "customer secret keys",
    "OAuth 2.0 client credentials",
];

/// The credential kinds capability `i` governs (none for the console password).
pub fn capability_kinds(i: usize) -> &'static [CredentialKind] {
    use CredentialKind as K;
    match i {
        1 => &[K::ApiKey],
        // Swift passwords are auth tokens by their old name.
        2 => &[K::AuthToken, K::SwiftPassword],
        3 => &[K::SmtpCredential],
        4 => &[K::DbCredential],
        5 => &[K::CustomerSecretKey],
        6 => &[K::OAuth2ClientCredential],
        _ => &[],
    }
}

/// The current value of capability `i`.
pub fn capability(c: &UserCapabilities, i: usize) -> bool {
    [
        c.can_use_console_password,
        c.can_use_api_keys,
        c.can_use_auth_tokens,
        c.can_use_smtp_credentials,
        c.can_use_db_credentials,
        c.can_use_customer_secret_keys,
        c.can_use_oauth2_client_credentials,
    ]
    .get(i)
    .copied()
    .unwrap_or(false)
}

/// An update that sets capability `i` to `value` and leaves the others alone.
pub fn capability_update(i: usize, value: bool) -> UpdateUserCapabilitiesDetails {
    let mut d = UpdateUserCapabilitiesDetails::default();
    let slot = match i {
        0 => &mut d.can_use_console_password,
        1 => &mut d.can_use_api_keys,
        2 => &mut d.can_use_auth_tokens,
        3 => &mut d.can_use_smtp_credentials,
        4 => &mut d.can_use_db_credentials,
        5 => &mut d.can_use_customer_secret_keys,
        _ => &mut d.can_use_oauth2_client_credentials,
    };
    *slot = Some(value);
    d
}

/// The one place a console password is shown: a secret's dialog, so `y` copies it (as a
/// secret: never logged) and closing forgets it.
pub fn password_modal(user: &str, password: crate::app::request::Secret) -> Modal {
    let lines = vec![
        ToneLine::new(Tone::Heading, format!("New one-time password for {user}:")),
        ToneLine::plain(""),
        ToneLine::new(Tone::Added, password.expose()),
        ToneLine::plain(""),
        ToneLine::new(
            Tone::Dim,
            "Shown only now: give it to the user, who must change it at first sign-in.",
        ),
        ToneLine::new(Tone::Dim, "y copies it; Esc or Enter closes and forgets it."),
    ];
    Modal::secret(
        crate::app::panes::PaneDialog::Info,
        "Console password",
        lines,
        password,
        None,
    )
}

/// A typed confirmation of a delete, with the statements that name it and the access its deletion takes away.
pub(crate) fn confirm_delete_showing(
    what: &str,
    name: &str,
    consequence: &str,
    impact: Vec<ToneLine>,
    d: IdentityDialog,
) -> Modal {
    // The instruction comes before the impact, which may run past the dialog (PgDn).
    let mut lines = vec![
        ToneLine::new(Tone::Heading, format!("Delete {what} {name}?")),
        ToneLine::plain(consequence),
        ToneLine::new(Tone::Dim, format!("Type its name ({name}) to confirm.")),
        ToneLine::plain(""),
    ];
    lines.extend(impact);
    Modal::typed_confirm(dialog(d), &format!("Delete {what}"), lines, name)
}

/// The capabilities as a checklist; `toggle_key` toggles the chosen one, and the dialog
/// opens again on the same line after each change, so several go in one sitting. Beside each,
/// what it governs: how many credentials of its kinds the user holds (when the pane has them
/// listed), and when the console password was set.
pub(crate) fn capabilities_modal(
    user: &User,
    toggle_key: &str,
    selected: usize,
    pane: Option<&IdentityPane>,
) -> Modal {
    let caps = user.capabilities.clone().unwrap_or_default();
    let options: Vec<String> = CAPABILITIES
        .iter()
        .enumerate()
        .map(|(i, name)| {
            let mark = if capability(&caps, i) { "[x]" } else { "[ ]" };
            let held = pane.and_then(|p| governed(p, user, i));
            match held {
                Some(held) => format!("{mark} {name} ({held})"),
                None => format!("{mark} {name}"),
            }
        })
        .chain(std::iter::once("Close".to_string()))
        .collect();
    let options: Vec<&str> = options.iter().map(String::as_str).collect();
    let mut modal = Modal::choice(
        dialog(IdentityDialog::Capabilities {
            id: user.id.to_string(),
        }),
        &format!("Capabilities of {}", user.name),
        vec![
            ToneLine::plain(format!(
                "{toggle_key} toggles the chosen capability ([x] allowed)."
            )),
            ToneLine::new(
                Tone::Dim,
                "In brackets: what the user holds that it governs.",
            ),
        ],
        &options,
    );
    if let crate::app::widgets::modal::ModalKind::Choice { selected: s, .. } = &mut modal.kind {
        *s = selected;
    }
    modal
}

/// What capability `i` governs for `user`: `2 held` / `none held`, `set 2026-10-20`.
fn governed(pane: &IdentityPane, user: &User, i: usize) -> Option<String> {
    if i == 0 {
        return match pane.password_info(&user.id) {
            crate::app::widgets::loadable::Loadable::Loaded(Some(info)) => Some(format!(
                "set {}",
                info.time_created.get(..10).unwrap_or(&info.time_created)
            )),
            crate::app::widgets::loadable::Loadable::Loaded(None) => Some("never set".into()),
            _ => None,
        };
    }
    match pane.count_of(capability_kinds(i))? {
        0 => Some("none held".into()),
        n => Some(format!("{n} held")),
    }
}

/// A dynamic group's matching rule, checked as OCI checks it.
pub(crate) fn matching_rule(rule: &str) -> Result<(), String> {
    crate::policy::matching_rule::check(rule)
}

/// A pasted PEM is checked now; a path is read by the worker (no I/O in `update`).
pub(crate) fn key_source(value: &str) -> Result<ApiKeySource, String> {
    if value.contains("-----BEGIN") {
        return super::public_key::normalize(value).map(ApiKeySource::Pem);
    }
    Ok(ApiKeySource::File(value.into()))
}
