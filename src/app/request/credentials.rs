//! What users sign in with: API signing keys, the console password, auth tokens, customer
//! secret keys, SMTP, DB and OAuth 2.0 credentials, Swift passwords and MFA devices. A secret
//! the service returns (a password, a token, a seed) travels as [`Payload::Secret`] with the
//! metadata beside it, and is never logged.

use crate::api::{ApiError, Client, Etagged, ListFilter, MfaTotpDeviceQuery, try_fan_out};
use crate::app::request::{Failure, Item, Payload, Secret};
use crate::app::worker::{PAGE_LIMIT, Work, failure};
use crate::model::{
    CreateDbCredentialDetails, CreateOAuth2ClientCredentialDetails, Credential, CredentialKind,
    DbCredentialSummary, UpdateAuthTokenDetails, UpdateCustomerSecretKeyDetails,
    UpdateOAuth2ClientCredentialDetails, UpdateSmtpCredentialDetails, UpdateSwiftPasswordDetails,
};

/// Where the public key of an API key upload comes from. A file is read by the worker, so
/// `update` stays free of I/O.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ApiKeySource {
    /// A PEM public key, already checked and normalized.
    Pem(String),
    /// A path to a PEM public key file.
    File(std::path::PathBuf),
}

/// A credential to create, with what the service asks for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NewCredential {
    AuthToken {
        description: String,
    },
    SwiftPassword {
        description: String,
    },
    CustomerSecretKey {
        display_name: String,
    },
    SmtpCredential {
        description: String,
    },
    /// The password is the caller's (a [`crate::model::Secret`]: never printed).
    DbCredential(CreateDbCredentialDetails),
    OAuth2ClientCredential(CreateOAuth2ClientCredentialDetails),
    /// An MFA TOTP device, not activated yet; the answer carries its seed.
    MfaDevice,
}

/// A change to a credential, for the kinds the service lets change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CredentialChange {
    AuthToken(UpdateAuthTokenDetails),
    SwiftPassword(UpdateSwiftPasswordDetails),
    CustomerSecretKey(UpdateCustomerSecretKeyDetails),
    SmtpCredential(UpdateSmtpCredentialDetails),
    /// With `is_reset_password` the answer carries a new client secret.
    OAuth2ClientCredential(UpdateOAuth2ClientCredentialDetails),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CredentialRequest {
    /// Every credential of one user, all kinds, in one answer of [`Credential`]s.
    ListOfUser {
        user_id: String,
    },
    /// Every credential of these users (the tenancy-wide view), in one answer.
    ListOfUsers {
        user_ids: Vec<String>,
    },
    UploadApiKey {
        user_id: String,
        key: ApiKeySource,
    },
    /// Answers with [`Payload::Secret`]: shown once, never kept.
    ResetUiPassword {
        user_id: String,
    },
    /// Answers with [`Payload::Secret`] (and the new credential beside it) for the kinds the
    /// service shows a secret of; with the credential for a DB password.
    Create {
        user_id: String,
        new: NewCredential,
    },
    Update {
        user_id: String,
        id: String,
        change: CredentialChange,
    },
    /// `id` is what the path names: an API key's fingerprint, else the OCID.
    Delete {
        user_id: String,
        kind: CredentialKind,
        id: String,
    },
    GetMfaDevice {
        user_id: String,
        id: String,
    },
    /// A new seed for a device not activated yet: [`Payload::Secret`].
    GenerateTotpSeed {
        user_id: String,
        id: String,
    },
    /// Activates the device with the code its app shows now.
    ActivateMfaDevice {
        user_id: String,
        id: String,
        code: String,
    },
}

impl CredentialRequest {
    pub fn is_write(&self) -> bool {
        use CredentialRequest as R;
        match self {
            R::ListOfUser { .. } | R::ListOfUsers { .. } | R::GetMfaDevice { .. } => false,
            R::UploadApiKey { .. }
            | R::ResetUiPassword { .. }
            | R::Create { .. }
            | R::Update { .. }
            | R::Delete { .. }
            | R::GenerateTotpSeed { .. }
            | R::ActivateMfaDevice { .. } => true,
        }
    }

    pub(crate) async fn run(&self, w: &Work<'_>) {
        use CredentialRequest as R;
        let c = w.client;
        match self {
            R::ListOfUser { user_id } => w.list(of_user(c, user_id).await),
            R::ListOfUsers { user_ids } => {
                let lists = try_fan_out(c, user_ids.clone(), |user_id| async move {
                    Box::pin(of_user(c, &user_id)).await
                })
                .await;
                w.list(lists.map(|l| l.into_iter().flatten().collect()));
            }
            R::UploadApiKey { user_id, key } => match public_key(key).await {
                Ok(pem) => w.finish(
                    c.upload_api_key(user_id, &pem)
                        .await
                        .map(|k| credential(k, Credential::ApiKey)),
                ),
                Err(f) => w.fail(f),
            },
            R::ResetUiPassword { user_id } => {
                let answer = match c.create_or_reset_ui_password(user_id).await {
                    Ok(p) => p.value.password.map_or_else(
                        || {
                            Err(Failure::local(
                                "NoPassword",
                                "the service reset the password but sent none back; reset it again",
                            ))
                        },
                        |password| Ok(secret(user_id, password, None)),
                    ),
                    Err(e) => Err(failure(&e)),
                };
                w.send(true, answer);
            }
            R::Create { user_id, new } => w.finish(create(c, user_id, new).await),
            R::Update {
                user_id,
                id,
                change,
            } => w.finish(update(c, user_id, id, change).await),
            R::Delete { user_id, kind, id } => w.done(delete(c, user_id, *kind, id).await),
            R::GetMfaDevice { user_id, id } => w.finish(
                c.get_mfa_totp_device(user_id, id)
                    .await
                    .map(|d| credential(d, Credential::MfaDevice)),
            ),
            R::GenerateTotpSeed { user_id, id } => {
                w.finish(c.generate_totp_seed(user_id, id, None).await.map(|d| {
                    let device = Credential::MfaDevice(d.value.summary);
                    secret(user_id, d.value.seed, Some(Item::new(device, d.etag)))
                }));
            }
            R::ActivateMfaDevice { user_id, id, code } => w.finish(
                c.activate_mfa_totp_device(user_id, id, code, None)
                    .await
                    .map(|d| credential(d, Credential::MfaDevice)),
            ),
        }
    }
}

/// One resource answer as a [`Credential`] item, its etag kept.
fn credential<T>(answer: Etagged<T>, wrap: fn(T) -> Credential) -> Payload {
    Payload::Item(Item::new(wrap(answer.value), answer.etag))
}

/// A secret the service showed once, with what it belongs to.
fn secret(user_id: &str, secret: crate::model::Secret, item: Option<Item>) -> Payload {
    Payload::Secret {
        owner: user_id.to_string(),
        secret: Secret::from_model(secret),
        item,
    }
}

/// Every credential of one user: eight listings at once. A user deleted meanwhile has none.
pub(crate) async fn of_user(c: &Client, user_id: &str) -> Result<Vec<Credential>, ApiError> {
    let all = ListFilter::default();
    let (keys, tokens, secret_keys, smtp, db, oauth2, swift, mfa) = tokio::join!(
        c.list_api_keys(user_id),
        c.list_auth_tokens(user_id),
        c.list_customer_secret_keys(user_id),
        c.list_smtp_credentials(user_id),
        c.list_db_credentials(user_id, &all).limit(PAGE_LIMIT).all(),
        c.list_o_auth_client_credentials(user_id, None)
            .limit(PAGE_LIMIT)
            .all(),
        c.list_swift_passwords(user_id),
        c.list_mfa_totp_devices(user_id, &MfaTotpDeviceQuery::default())
            .limit(PAGE_LIMIT)
            .all(),
    );
    let gone = |e: &ApiError| e.status() == Some(404);
    let mut out = Vec::new();
    macro_rules! take {
        ($result:expr, $variant:ident) => {
            match $result {
                Ok(list) => out.extend(list.into_iter().map(Credential::$variant)),
                Err(e) if gone(&e) => {}
                Err(e) => return Err(e),
            }
        };
    }
    take!(keys, ApiKey);
    take!(tokens, AuthToken);
    take!(secret_keys, CustomerSecretKey);
    take!(smtp, SmtpCredential);
    take!(db, DbCredential);
    take!(oauth2, OAuth2ClientCredential);
    take!(swift, SwiftPassword);
    take!(mfa, MfaDevice);
    Ok(out)
}

async fn create(c: &Client, user_id: &str, new: &NewCredential) -> Result<Payload, ApiError> {
    use NewCredential as N;
    let with = |s, item: Credential, etag| secret(user_id, s, Some(Item::new(item, etag)));
    Ok(match new {
        N::AuthToken { description } => {
            let e = c.create_auth_token(user_id, description).await?;
            with(
                e.value.token,
                Credential::AuthToken(e.value.summary),
                e.etag,
            )
        }
        N::SwiftPassword { description } => {
            let e = c.create_swift_password(user_id, description).await?;
            let item = Credential::SwiftPassword(e.value.summary);
            with(e.value.password, item, e.etag)
        }
        N::CustomerSecretKey { display_name } => {
            let e = c.create_customer_secret_key(user_id, display_name).await?;
            let item = Credential::CustomerSecretKey(e.value.summary);
            with(e.value.key, item, e.etag)
        }
        N::SmtpCredential { description } => {
            let e = c.create_smtp_credential(user_id, description).await?;
            let item = Credential::SmtpCredential(e.value.summary);
            with(e.value.password, item, e.etag)
        }
        N::DbCredential(details) => {
            let e = c.create_db_credential(user_id, details).await?;
            // The answer has no description: the one just given is it.
            let d = e.value;
            let summary = DbCredentialSummary {
                id: d.id,
                user_id: d.user_id,
                description: details.description.clone(),
                time_created: d.time_created,
                time_expires: d.time_expires,
                lifecycle_state: d.lifecycle_state,
            };
            Payload::Item(Item::new(Credential::DbCredential(summary), e.etag))
        }
        N::OAuth2ClientCredential(details) => {
            let e = c.create_o_auth_client_credential(user_id, details).await?;
            oauth2_answer(user_id, e)
        }
        N::MfaDevice => {
            let e = c.create_mfa_totp_device(user_id).await?;
            let item = Credential::MfaDevice(e.value.summary);
            with(e.value.seed, item, e.etag)
        }
    })
}

/// An OAuth 2.0 answer: with its secret when the service sent one (a create, a reset).
fn oauth2_answer(user_id: &str, e: Etagged<crate::model::OAuth2ClientCredential>) -> Payload {
    let item = Item::new(Credential::OAuth2ClientCredential(e.value.summary), e.etag);
    match e.value.password {
        Some(password) => secret(user_id, password, Some(item)),
        None => Payload::Item(item),
    }
}

async fn update(
    c: &Client,
    user_id: &str,
    id: &str,
    change: &CredentialChange,
) -> Result<Payload, ApiError> {
    use CredentialChange as C;
    Ok(match change {
        C::AuthToken(d) => credential(
            c.update_auth_token(user_id, id, d, None).await?,
            Credential::AuthToken,
        ),
        C::SwiftPassword(d) => credential(
            c.update_swift_password(user_id, id, d, None).await?,
            Credential::SwiftPassword,
        ),
        C::CustomerSecretKey(d) => credential(
            c.update_customer_secret_key(user_id, id, d, None).await?,
            Credential::CustomerSecretKey,
        ),
        C::SmtpCredential(d) => credential(
            c.update_smtp_credential(user_id, id, d, None).await?,
            Credential::SmtpCredential,
        ),
        C::OAuth2ClientCredential(d) => oauth2_answer(
            user_id,
            c.update_o_auth_client_credential(user_id, id, d, None)
                .await?,
        ),
    })
}

async fn delete(c: &Client, user_id: &str, kind: CredentialKind, id: &str) -> Result<(), ApiError> {
    use CredentialKind as K;
    match kind {
        K::ApiKey => c.delete_api_key(user_id, id, None).await,
        K::AuthToken => c.delete_auth_token(user_id, id, None).await,
        K::CustomerSecretKey => c.delete_customer_secret_key(user_id, id, None).await,
        K::SmtpCredential => c.delete_smtp_credential(user_id, id, None).await,
        K::DbCredential => c.delete_db_credential(user_id, id, None).await,
        K::OAuth2ClientCredential => c.delete_o_auth_client_credential(user_id, id, None).await,
        K::SwiftPassword => c.delete_swift_password(user_id, id, None).await,
        K::MfaDevice => c.delete_mfa_totp_device(user_id, id, None).await,
    }
}

/// The PEM to upload: checked already when pasted; read and checked here for a file.
async fn public_key(source: &ApiKeySource) -> Result<String, Failure> {
    match source {
        ApiKeySource::Pem(pem) => Ok(pem.clone()),
        ApiKeySource::File(path) => {
            let path = &expand_home(path);
            let text = tokio::fs::read_to_string(path).await.map_err(|e| {
                Failure::local(
                    "CannotReadKey",
                    format!("cannot read {}: {e}", path.display()),
                )
            })?;
            crate::app::panes::identity::public_key::normalize(&text)
                .map_err(|e| Failure::local("NotAPublicKey", format!("{}: {e}", path.display())))
        }
    }
}

/// `~/x` as the shell would read it; other paths as they are.
pub(super) fn expand_home(path: &std::path::Path) -> std::path::PathBuf {
    match (path.strip_prefix("~"), directories::BaseDirs::new()) {
        (Ok(rest), Some(dirs)) => dirs.home_dir().join(rest),
        _ => path.to_path_buf(),
    }
}

#[cfg(test)]
#[test]
fn a_tilde_is_the_home_directory() {
    let home = directories::BaseDirs::new()
        .expect("a home")
        .home_dir()
        .to_path_buf();
    assert_eq!(expand_home("~/k.pem".as_ref()), home.join("k.pem"));
    assert_eq!(
        expand_home("/tmp/k.pem".as_ref()),
        std::path::PathBuf::from("/tmp/k.pem")
    );
}
