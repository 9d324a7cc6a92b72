//! Signing outgoing requests: injects the headers OCI requires (as the SDK's signer does)
//! and adds the `Authorization: Signature ...` header, using [`super::signature`].

use std::path::Path;
use std::time::SystemTime;

use reqwest::header::{HeaderMap, HeaderName, HeaderValue};
use rsa::RsaPrivateKey;
use rsa::RsaPublicKey;
use url::Url;

use super::key_error::KeyError;
use super::passphrase::PassphrasePrompt;
use super::private_key::load_private_key;
use super::session_token::load_session_token;
use super::signature::{
    SignatureError, authorization_header, body_sha256, fingerprint, http_date, required_headers,
    sign_prepared, signing_string,
};
use super::warning::Warning;
use crate::config::{AuthMethod, ResolvedProfile};

/// A key id and the private key that signs for it.
#[derive(Clone)]
pub struct RequestSigner {
    key_id: String,
    key: RsaPrivateKey,
    /// The same key prepared for the fast backend, when it takes it.
    fast: Option<std::sync::Arc<aws_lc_rs::signature::RsaKeyPair>>,
}

impl std::fmt::Debug for RequestSigner {
    // Never print the private key.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RequestSigner")
            .field("key_id", &self.key_id)
            .finish_non_exhaustive()
    }
}

impl RequestSigner {
    pub fn new(key_id: impl Into<String>, key: RsaPrivateKey) -> Self {
        Self {
            key_id: key_id.into(),
            fast: super::fast_rsa::prepare(&key),
            key,
        }
    }

    /// Loads the profile's key (and session token) and builds the signer, returning the
    /// warnings found on the way (fingerprint mismatch, loose key-file permissions).
    pub fn from_profile(
        profile: &ResolvedProfile,
        prompt: &dyn PassphrasePrompt,
    ) -> Result<(Self, Vec<Warning>), KeyError> {
        Self::from_profile_at(profile, prompt, SystemTime::now())
    }

    /// As [`Self::from_profile`], judging session-token expiry at `now`.
    pub fn from_profile_at(
        profile: &ResolvedProfile,
        prompt: &dyn PassphrasePrompt,
        now: SystemTime,
    ) -> Result<(Self, Vec<Warning>), KeyError> {
        let key_id = match profile.auth {
            AuthMethod::ApiKey => {
                let user = profile.user.as_deref().ok_or_else(|| KeyError::NoUser {
                    profile: profile.name.clone(),
                })?;
                format!("{}/{user}/{}", profile.tenancy, profile.fingerprint)
            }
            AuthMethod::SecurityToken => {
                let path = profile.security_token_file.as_deref().ok_or_else(|| {
                    KeyError::NoSessionToken {
                        profile: profile.name.clone(),
                    }
                })?;
                load_session_token(path, &profile.name, now)?.key_id()
            }
        };
        let key = load_private_key(&profile.key_file, profile.pass_phrase.as_deref(), prompt)?;
        let mut warnings = Vec::new();
        let actual = fingerprint(&RsaPublicKey::from(&key));
        if actual != profile.fingerprint {
            warnings.push(Warning::FingerprintMismatch {
                key_file: profile.key_file.clone(),
                configured: profile.fingerprint.clone(),
                actual,
            });
        }
        if !profile.suppress_permission_warnings {
            warnings.extend(permission_warning(&profile.key_file));
        }
        Ok((Self::new(key_id, key), warnings))
    }

    pub fn key_id(&self) -> &str {
        &self.key_id
    }

    pub fn public_key(&self) -> RsaPublicKey {
        RsaPublicKey::from(&self.key)
    }

    /// Signs a request in place: adds `date`, `host` and `content-type` when missing, and for
    /// POST, PUT and PATCH `content-length` and `x-content-sha256` when missing (even for an
    /// empty body), then sets `authorization`. `url` must be the URL exactly as it will be
    /// sent. Returns the signing string, for logging and tests.
    pub fn sign(
        &self,
        method: &str,
        url: &Url,
        headers: &mut HeaderMap,
        body: &[u8],
    ) -> Result<String, SignatureError> {
        let names = required_headers(method)
            .ok_or_else(|| SignatureError::UnsupportedMethod(method.to_string()))?;
        let has_body = names.contains(&"x-content-sha256");
        set_missing(headers, "date", || http_date(SystemTime::now()))?;
        set_missing(headers, "host", || host_of(url))?;
        set_missing(headers, "content-type", || "application/json".to_string())?;
        if has_body {
            set_missing(headers, "content-length", || body.len().to_string())?;
            set_missing(headers, "x-content-sha256", || body_sha256(body))?;
        }
        let target = match url.query() {
            Some(query) => format!("{}?{query}", url.path()),
            None => url.path().to_string(),
        };
        let text = signing_string(names, method, &target, |name| {
            headers.get(name).and_then(|v| v.to_str().ok())
        })?;
        let authorization = authorization_header(
            &self.key_id,
            names,
            &sign_prepared(self.fast.as_deref(), &self.key, &text),
        );
        let value = HeaderValue::from_str(&authorization)
            .map_err(|_| SignatureError::InvalidHeaderValue("authorization".into()))?;
        headers.insert(reqwest::header::AUTHORIZATION, value);
        Ok(text)
    }
}

/// The URL's netloc: host, plus `:port` when the URL names a non-default port.
fn host_of(url: &Url) -> String {
    let host = url.host_str().unwrap_or_default();
    match url.port() {
        Some(port) => format!("{host}:{port}"),
        None => host.to_string(),
    }
}

fn set_missing(
    headers: &mut HeaderMap,
    name: &'static str,
    value: impl FnOnce() -> String,
) -> Result<(), SignatureError> {
    let name = HeaderName::from_static(name);
    if !headers.contains_key(&name) {
        let value = HeaderValue::from_str(&value())
            .map_err(|_| SignatureError::InvalidHeaderValue(name.to_string()))?;
        headers.insert(name, value);
    }
    Ok(())
}

/// A warning when group or others may read the key file (Unix only).
#[cfg(unix)]
fn permission_warning(path: &Path) -> Option<Warning> {
    use std::os::unix::fs::PermissionsExt as _;
    let mode = std::fs::metadata(path).ok()?.permissions().mode();
    (mode & 0o077 != 0).then(|| Warning::KeyFilePermissions {
        key_file: path.to_path_buf(),
        mode,
    })
}

#[cfg(not(unix))]
fn permission_warning(_path: &Path) -> Option<Warning> {
    None
}
