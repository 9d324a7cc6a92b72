//! The forms of a user's credentials: what each kind asks for when created or changed, the
//! request each sends, the MFA activation code, and the one-time display of a secret.

use crate::model::{
    CreateDbCredentialDetails, CreateOAuth2ClientCredentialDetails, Credential, CredentialKind,
    FullyQualifiedScope, UpdateAuthTokenDetails, UpdateCustomerSecretKeyDetails,
    UpdateOAuth2ClientCredentialDetails, UpdateSmtpCredentialDetails, UpdateSwiftPasswordDetails,
    User,
};

use super::{IdentityDialog, IdentityPane, dialog};
use crate::app::ctx::Ctx;
use crate::app::panes::credentials::CredentialRow;
use crate::app::request::{CredentialChange, CredentialRequest, NewCredential, RequestKind, Secret};
use crate::app::widgets::form::{Field, FormValues};
use crate::app::widgets::modal::{Modal, Tone, ToneLine};

/// OCI's limit on an OAuth 2.0 credential's scopes.
pub const MAX_SCOPES: usize = 10;

fn description_field(value: &str) -> Field {
    Field::text("description", "Description")
        .value(value)
        .required()
        .max_chars(400)
        .help("what it is for, so whoever finds it later knows")
}

/// `AUDIENCE SCOPE, AUDIENCE SCOPE`: each pair an audience and a scope, at most ten.
pub fn parse_scopes(text: &str) -> Result<Vec<FullyQualifiedScope>, String> {
    let mut out = Vec::new();
    for pair in text.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let parts: Vec<&str> = pair.split_whitespace().collect();
        let [audience, scope] = parts[..] else {
            return Err(format!(
                "'{pair}' is not an audience and a scope (e.g. https://x.example urn:opc:resource:consumer::all)"
            ));
        };
        out.push(FullyQualifiedScope {
            audience: audience.to_string(),
            scope: scope.to_string(),
        });
    }
    if out.is_empty() {
        return Err("name at least one audience and scope".into());
    }
    if out.len() > MAX_SCOPES {
        return Err(format!(
            "{} scopes given; OCI allows at most {MAX_SCOPES}",
            out.len()
        ));
    }
    Ok(out)
}

fn scopes_field(value: &str) -> Field {
    Field::text("scopes", "Scopes")
        .value(value)
        .required()
        .check(|t| parse_scopes(t).map(drop))
        .help("AUDIENCE SCOPE pairs separated by commas, at most 10")
}

fn scopes_text(scopes: &[FullyQualifiedScope]) -> String {
    scopes
        .iter()
        .map(|s| format!("{} {}", s.audience, s.scope))
        .collect::<Vec<_>>()
        .join(", ")
}

impl IdentityPane {
    /// The create form of the current tab's kind (an MFA device asks first; it has no fields).
    pub(super) fn start_create(&mut self, user: &User, ctx: &mut Ctx) {
        let kind = self.creds_kind;
        if let Some(limit) = kind.limit() {
            let kinds: &[CredentialKind] = match kind {
                CredentialKind::AuthToken | CredentialKind::SwiftPassword => {
                    &[CredentialKind::AuthToken, CredentialKind::SwiftPassword]
                }
                _ => &[kind],
            };
            if self.count_of(kinds).is_some_and(|n| n >= limit) {
                ctx.toasts.error(format!(
                    "{} has {limit} {}, the most OCI allows: delete one first",
                    user.name,
                    if limit == 1 { kind.one() } else { kind.title() }.to_lowercase()
                ));
                return;
            }
        }
        let d = dialog(IdentityDialog::CreateCredential {
            user_id: user.id.to_string(),
            kind,
        });
        let title = format!("New {} for {}", kind.one(), user.name);
        let fields = match kind {
            CredentialKind::ApiKey => vec![
                Field::text("key", "Public key")
                    .required()
                    .help("paste the PEM public key, or type the path of a .pem file"),
            ],
            CredentialKind::AuthToken
            | CredentialKind::SwiftPassword
            | CredentialKind::SmtpCredential => vec![description_field("")],
            CredentialKind::CustomerSecretKey => vec![
                Field::text("display_name", "Name")
                    .required()
                    .max_chars(400)
                    .help("e.g. the tool that will use it (S3-compatible API)"),
            ],
            CredentialKind::DbCredential => vec![
                description_field(""),
                Field::text("password", "Password")
                    .required()
                    .max_chars(100)
                    .masked()
                    .help("the database password to set; it is not shown or kept"),
            ],
            CredentialKind::OAuth2ClientCredential => vec![
                Field::text("name", "Name").required().max_chars(255),
                description_field(""),
                scopes_field(""),
            ],
            CredentialKind::MfaDevice => {
                ctx.open(Modal::choice(
                    d,
                    "Enrol an MFA device",
                    vec![
                        ToneLine::new(
                            Tone::Heading,
                            format!("Enrol a new MFA device for {}?", user.name),
                        ),
                        ToneLine::plain(
                            "Its seed is shown once, as a QR code to scan with an authenticator app;",
                        ),
                        ToneLine::plain("then type the code the app shows to activate it."),
                    ],
                    &["Enrol", "Cancel"],
                ));
                return;
            }
        };
        ctx.open(Modal::form(d, &title, fields));
    }

    /// The edit form of a credential whose kind can change.
    pub(super) fn start_edit_credential(
        user: &User, row: &CredentialRow, ctx: &mut Ctx) {
        let d = dialog(IdentityDialog::EditCredential {
            user_id: user.id.to_string(),
            id: row.credential.id().to_string(),
        });
        let title = format!("Edit {} of {}", row.kind().one(), user.name);
        let fields = match &row.credential {
            Credential::AuthToken(_) | Credential::SwiftPassword(_) | Credential::SmtpCredential(_) => {
                vec![description_field(row.credential.label())]
            }
            Credential::CustomerSecretKey(k) => vec![
                Field::text("display_name", "Name")
                    .value(&k.display_name)
                    .required()
                    .max_chars(400),
            ],
            Credential::OAuth2ClientCredential(o) => vec![
                description_field(&o.description),
                scopes_field(&scopes_text(&o.scopes)),
                Field::yes_no("reset", "New client secret", false)
                    .help("yes: a new secret is made and shown once; the old one stops working"),
            ],
            Credential::ApiKey(_) | Credential::DbCredential(_) | Credential::MfaDevice(_) => {
                ctx.toasts.info(format!(
                    "an {} cannot be changed: create a new one and delete this one",
                    row.kind().one()
                ));
                return;
            }
        };
        ctx.open(Modal::form(d, &title, fields));
    }

    /// The request a submitted create form sends, or why not (shown beside the field).
    pub(super) fn create_request(
        user_id: &str,
        kind: CredentialKind,
        v: &FormValues,
    ) -> Result<RequestKind, (Option<&'static str>, String)> {
        let user_id = user_id.to_string();
        let new = match kind {
            CredentialKind::ApiKey => {
                let key = super::forms::key_source(v.get("key")).map_err(|e| (Some("key"), e))?;
                return Ok(CredentialRequest::UploadApiKey { user_id, key }.into());
            }
            CredentialKind::AuthToken => NewCredential::AuthToken {
                description: v.string("description"),
            },
            CredentialKind::SwiftPassword => NewCredential::SwiftPassword {
                description: v.string("description"),
            },
            CredentialKind::SmtpCredential => NewCredential::SmtpCredential {
                description: v.string("description"),
            },
            CredentialKind::CustomerSecretKey => NewCredential::CustomerSecretKey {
                display_name: v.string("display_name"),
            },
            CredentialKind::DbCredential => NewCredential::DbCredential(CreateDbCredentialDetails {
                password: crate::model::Secret::new(v.get("password")),
                description: v.string("description"),
            }),
            CredentialKind::OAuth2ClientCredential => {
                let scopes = parse_scopes(v.get("scopes")).map_err(|e| (Some("scopes"), e))?;
                NewCredential::OAuth2ClientCredential(CreateOAuth2ClientCredentialDetails {
                    name: v.string("name"),
                    description: v.string("description"),
                    scopes,
                })
            }
            CredentialKind::MfaDevice => NewCredential::MfaDevice,
        };
        Ok(CredentialRequest::Create { user_id, new }.into())
    }

    /// The request a submitted edit form sends (`None`: nothing changed).
    pub(super) fn update_request(
        &self,
        user_id: &str,
        id: &str,
        v: &FormValues,
    ) -> Result<Option<RequestKind>, (Option<&'static str>, String)> {
        let Some(c) = self
            .user_creds
            .data()
            .and_then(|all| all.iter().find(|c| c.id() == id))
        else {
            return Err((None, "this credential is no longer listed: refresh".into()));
        };
        let described = |old: &str| (old != v.get("description")).then(|| v.string("description"));
        let change = match c {
            Credential::AuthToken(t) => described(&t.description)
                .map(|d| CredentialChange::AuthToken(UpdateAuthTokenDetails { description: Some(d) })),
            Credential::SwiftPassword(s) => described(&s.description).map(|d| {
                CredentialChange::SwiftPassword(UpdateSwiftPasswordDetails { description: Some(d) })
            }),
            Credential::SmtpCredential(s) => described(&s.description).map(|d| {
                CredentialChange::SmtpCredential(UpdateSmtpCredentialDetails { description: Some(d) })
            }),
            Credential::CustomerSecretKey(k) => (k.display_name != v.get("display_name")).then(|| {
                CredentialChange::CustomerSecretKey(UpdateCustomerSecretKeyDetails {
                    display_name: Some(v.string("display_name")),
                })
            }),
            Credential::OAuth2ClientCredential(o) => {
                let scopes = parse_scopes(v.get("scopes")).map_err(|e| (Some("scopes"), e))?;
                let reset = v.yes("reset");
                (reset || o.description != v.get("description") || o.scopes != scopes).then(|| {
                    // The service takes description and scopes on every update.
                    CredentialChange::OAuth2ClientCredential(UpdateOAuth2ClientCredentialDetails {
                        description: v.string("description"),
                        scopes,
                        is_reset_password: reset.then_some(true),
                    })
                })
            }
            Credential::ApiKey(_) | Credential::DbCredential(_) | Credential::MfaDevice(_) => None,
        };
        Ok(change.map(|change| {
            CredentialRequest::Update {
                user_id: user_id.to_string(),
                id: id.to_string(),
                change,
            }
            .into()
        }))
    }
}

/// The code an authenticator app shows: six digits.
pub fn totp_code(code: &str) -> Result<(), String> {
    if code.len() == 6 && code.chars().all(|c| c.is_ascii_digit()) {
        Ok(())
    } else {
        Err("type the 6 digits the authenticator app shows now".into())
    }
}

/// Asks for the code that activates a device.
pub(crate) fn activate_form(user: &User, device_id: &str) -> Modal {
    Modal::form(
        dialog(IdentityDialog::ActivateMfa {
            user_id: user.id.to_string(),
            id: device_id.to_string(),
        }),
        &format!("Activate MFA for {}", user.name),
        vec![
            Field::text("code", "Code")
                .required()
                .check(totp_code)
                .help("the 6-digit code the authenticator app shows now"),
        ],
    )
}

/// `otpauth://totp/OCI:ana?secret=...&issuer=OCI`: what authenticator apps scan.
pub fn otpauth_uri(user: &str, seed: &str) -> String {
    // What a URI path segment may hold as it is (RFC 3986 unreserved, and `@` for e-mail
    // names); the rest is percent-encoded.
    const KEEP: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
        .remove(b'-')
        .remove(b'.')
        .remove(b'_')
        .remove(b'~')
        .remove(b'@');
    let label = percent_encoding::utf8_percent_encode(user, KEEP).to_string();
    format!("otpauth://totp/OCI:{label}?secret={seed}&issuer=OCI")
}

/// The one place a new credential's secret is shown. Copyable; dropped when it closes. An
/// MFA seed comes as a QR code too, and Enter goes on to the activation.
pub(crate) fn secret_modal(user: &User, credential: &Credential, secret: Secret) -> Modal {
    let kind = credential.kind();
    if let Credential::MfaDevice(d) = credential {
        let uri = otpauth_uri(&user.name, secret.expose());
        let lines = vec![
            ToneLine::new(Tone::Heading, format!("Scan with the authenticator app of {}:", user.name)),
            ToneLine::plain(""),
            ToneLine::new(Tone::Dim, "Or type the seed:"),
            ToneLine::new(Tone::Added, secret.expose()),
            ToneLine::plain(""),
            ToneLine::new(Tone::Dim, uri.clone()),
            ToneLine::plain(""),
            ToneLine::new(Tone::Dim, "Shown only now. Enter: type the code to activate."),
        ];
        return Modal::secret(
            dialog(IdentityDialog::MfaSeed {
                user_id: user.id.to_string(),
                id: d.id.clone(),
            }),
            "MFA device seed",
            lines,
            secret,
            Some(Secret::new(uri)),
        );
    }
    let mut lines = vec![
        ToneLine::new(
            Tone::Heading,
            format!("New {} '{}' of {}:", kind.one(), credential.label(), user.name),
        ),
        ToneLine::plain(""),
    ];
    match credential {
        Credential::CustomerSecretKey(k) => {
            lines.push(ToneLine::new(Tone::Dim, "Access key:"));
            lines.push(ToneLine::plain(k.id.clone()));
            lines.push(ToneLine::new(Tone::Dim, "Secret key:"));
        }
        Credential::SmtpCredential(s) => {
            lines.push(ToneLine::new(Tone::Dim, "User name:"));
            lines.push(ToneLine::plain(s.username.clone()));
            lines.push(ToneLine::new(Tone::Dim, "Password:"));
        }
        Credential::OAuth2ClientCredential(o) => {
            lines.push(ToneLine::new(Tone::Dim, "Client id:"));
            lines.push(ToneLine::plain(o.id.clone()));
            lines.push(ToneLine::new(Tone::Dim, "Client secret:"));
        }
        _ => {}
    }
    lines.push(ToneLine::new(Tone::Added, secret.expose()));
    lines.push(ToneLine::plain(""));
    lines.push(ToneLine::new(
        Tone::Dim,
        "Shown only now: copy it and hand it over safely. Esc or Enter forgets it.",
    ));
    Modal::secret(
        crate::app::panes::PaneDialog::Info,
        &format!("New {}", kind.one()),
        lines,
        secret,
        None,
    )
}
