//! What a user signs in with: API signing keys and the console password. A secret the
//! service returns (a new password) travels as [`Payload::Secret`] and is never logged.

use crate::app::request::{Failure, Payload, Secret};
use crate::app::worker::{Work, failure};

/// Where the public key of an API key upload comes from. A file is read by the worker, so
/// `update` stays free of I/O.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ApiKeySource {
    /// A PEM public key, already checked and normalized.
    Pem(String),
    /// A path to a PEM public key file.
    File(std::path::PathBuf),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CredentialRequest {
    ListApiKeys {
        user_id: String,
    },
    UploadApiKey {
        user_id: String,
        key: ApiKeySource,
    },
    DeleteApiKey {
        user_id: String,
        fingerprint: String,
    },
    /// Answers with [`Payload::Secret`]: shown once, never kept.
    ResetUiPassword {
        user_id: String,
    },
}

impl CredentialRequest {
    pub fn is_write(&self) -> bool {
        use CredentialRequest as R;
        match self {
            R::ListApiKeys { .. } => false,
            R::UploadApiKey { .. } | R::DeleteApiKey { .. } | R::ResetUiPassword { .. } => true,
        }
    }

    pub(crate) async fn run(&self, w: &Work<'_>) {
        use CredentialRequest as R;
        let c = w.client;
        match self {
            R::ListApiKeys { user_id } => w.list(c.list_api_keys(user_id).await),
            R::UploadApiKey { user_id, key } => match public_key(key).await {
                Ok(pem) => w.one(c.upload_api_key(user_id, &pem).await),
                Err(f) => w.fail(f),
            },
            R::DeleteApiKey {
                user_id,
                fingerprint,
            } => w.done(c.delete_api_key(user_id, fingerprint, None).await),
            R::ResetUiPassword { user_id } => {
                let answer = match c.create_or_reset_ui_password(user_id).await {
                    Ok(p) => p.value.password.map_or_else(
                        || {
                            Err(Failure::local(
                                "NoPassword",
                                "the service reset the password but sent none back; reset it again",
                            ))
                        },
                        |password| {
                            Ok(Payload::Secret {
                                owner: user_id.clone(),
                                secret: Secret::new(password),
                            })
                        },
                    ),
                    Err(e) => Err(failure(&e)),
                };
                w.send(true, answer);
            }
        }
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
