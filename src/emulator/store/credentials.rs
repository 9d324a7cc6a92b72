//! What signatures are verified against: registered API keys (by `tenancy/user/fingerprint`)
//! and session tokens the emulator issued (`ST$<token>`).

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD as B64URL;
use rsa::RsaPublicKey;
use rsa::pkcs1::DecodeRsaPublicKey;
use rsa::pkcs8::{DecodePublicKey, EncodePublicKey, LineEnding};

use super::{Store, now_rfc3339};
use crate::auth::signature::fingerprint;
use crate::emulator::error::ApiError;
use crate::model::{ApiKey, LifecycleState};

/// A registered API key's owner and public key.
#[derive(Debug, Clone)]
pub struct Credential {
    pub user_id: String,
    pub public_key: RsaPublicKey,
}

/// An issued session token: who it is for, the session key it is bound to, when it expires.
#[derive(Debug, Clone)]
pub struct Session {
    pub user_id: String,
    pub public_key: RsaPublicKey,
    pub expires_unix: i64,
}

/// Reads a PEM public key in either form users upload (SPKI or PKCS#1).
pub fn parse_public_key(pem: &str) -> Option<RsaPublicKey> {
    let pem = pem.trim();
    RsaPublicKey::from_public_key_pem(pem)
        .ok()
        .or_else(|| RsaPublicKey::from_pkcs1_pem(pem).ok())
}

impl Store {
    /// Registers `key` as an API key of `user_id` (the upload-API-key operation).
    pub fn register_api_key(
        &mut self,
        user_id: &str,
        key: &RsaPublicKey,
    ) -> Result<ApiKey, ApiError> {
        let user = self
            .users
            .get(user_id)
            .filter(|u| u.lifecycle_state != LifecycleState::Deleted)
            .ok_or_else(|| ApiError::not_found("user", user_id))?;
        let fingerprint = fingerprint(key);
        let key_id = format!("{}/{}/{fingerprint}", self.tenancy.id, user.id);
        if self.api_keys.get(&key_id).is_some() {
            return Err(ApiError::conflict(format!(
                "the API key {fingerprint} is already registered for this user"
            )));
        }
        let pem = key
            .to_public_key_pem(LineEnding::LF)
            .map_err(|e| ApiError::internal(format!("cannot encode the public key: {e}")))?;
        let api_key = ApiKey {
            key_id: key_id.clone(),
            key_value: pem,
            fingerprint,
            user_id: user_id.to_string(),
            time_created: now_rfc3339(),
            lifecycle_state: LifecycleState::Active,
            inactive_status: None,
        };
        self.api_keys.upsert(api_key.clone());
        self.credentials.insert(
            key_id,
            Credential {
                user_id: user_id.to_string(),
                public_key: key.clone(),
            },
        );
        Ok(api_key)
    }

    /// Loads API keys from a snapshot. Keys whose PEM parses also sign requests (nobody has
    /// the demo's private keys, but an exported tenancy's keys keep working as they did).
    pub(super) fn restore_api_keys(&mut self, keys: Vec<ApiKey>) {
        for key in keys {
            if let Some(public_key) = parse_public_key(&key.key_value) {
                self.credentials.insert(
                    key.key_id.clone(),
                    Credential {
                        user_id: key.user_id.clone(),
                        public_key,
                    },
                );
            }
            self.api_keys.upsert(key);
        }
    }

    pub fn delete_api_key(&mut self, user_id: &str, fingerprint: &str) -> Result<(), ApiError> {
        let key_id = format!("{}/{user_id}/{fingerprint}", self.tenancy.id);
        self.api_keys
            .remove(&key_id)
            .ok_or_else(|| ApiError::not_found("API key", fingerprint))?;
        self.credentials.remove(&key_id);
        Ok(())
    }

    /// Drops every API key of a deleted user.
    pub fn forget_api_keys_of(&mut self, user_id: &str) {
        let gone: Vec<String> = self
            .api_keys
            .iter()
            .filter(|k| k.user_id == user_id)
            .map(|k| k.key_id.clone())
            .collect();
        for key_id in gone {
            self.api_keys.remove(&key_id);
            self.credentials.remove(&key_id);
        }
    }

    /// The key registered under `tenancy/user/fingerprint`.
    pub fn credential(&self, key_id: &str) -> Option<&Credential> {
        self.credentials.get(key_id)
    }

    /// Issues a JWT-shaped session token for `user_id`, bound to the session key.
    pub fn issue_session(&mut self, user_id: &str, key: &RsaPublicKey, ttl_secs: i64) -> String {
        let now = time::OffsetDateTime::now_utc().unix_timestamp();
        let header = B64URL.encode(br#"{"alg":"RS256","typ":"JWT","kid":"canopy-emulator"}"#);
        let claims = serde_json::json!({
            "sub": user_id,
            "tenant": self.tenancy.id,
            "ptype": "user",
            "iat": now,
            "exp": now + ttl_secs,
            "jti": uuid::Uuid::new_v4().to_string(),
            "iss": "canopy-emulator",
        });
        let payload = B64URL.encode(claims.to_string());
        // The CLI never verifies this signature (it only reads `exp`), but it must look like one.
        let signature = B64URL.encode(uuid::Uuid::new_v4().as_bytes());
        let token = format!("{header}.{payload}.{signature}");
        self.sessions.insert(
            token.clone(),
            Session {
                user_id: user_id.to_string(),
                public_key: key.clone(),
                expires_unix: now + ttl_secs,
            },
        );
        token
    }

    pub fn session(&self, token: &str) -> Option<&Session> {
        self.sessions.get(token)
    }
}
