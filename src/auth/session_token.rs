//! Session-token authentication (`oci session authenticate`): reading the token file and
//! checking the JWT's `exp` without verifying its signature, as the CLI does.

use std::path::Path;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;

use super::key_error::KeyError;

/// A session token that was unexpired when it was read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionToken {
    pub token: String,
    /// When it expires, if the token says.
    pub expires_at: Option<SystemTime>,
}

impl SessionToken {
    /// The `keyId` for signing: `ST$` followed by the raw token.
    pub fn key_id(&self) -> String {
        format!("ST${}", self.token)
    }
}

/// Reads the token at `path` and refuses it if it expired at or before `now`.
pub fn load_session_token(
    path: &Path,
    profile: &str,
    now: SystemTime,
) -> Result<SessionToken, KeyError> {
    let text = std::fs::read_to_string(path).map_err(|e| KeyError::SessionTokenUnreadable {
        path: path.to_path_buf(),
        reason: e.to_string(),
    })?;
    let token = text.trim().to_string();
    let malformed = |reason: &str| KeyError::SessionTokenMalformed {
        path: path.to_path_buf(),
        reason: reason.to_string(),
    };
    let expires_at = expiry(&token).map_err(|r| malformed(&r))?;
    if let Some(at) = expires_at
        && at <= now
    {
        return Err(KeyError::SessionTokenExpired {
            path: path.to_path_buf(),
            profile: profile.to_string(),
            expired_at: httpdate::fmt_http_date(at),
        });
    }
    Ok(SessionToken { token, expires_at })
}

/// The `exp` claim of a JWT, decoded without checking the signature.
fn expiry(token: &str) -> Result<Option<SystemTime>, String> {
    let mut parts = token.split('.');
    let (Some(_), Some(payload), Some(_), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err("it does not have three dot-separated parts".into());
    };
    let bytes = URL_SAFE_NO_PAD
        .decode(payload.trim_end_matches('='))
        .map_err(|e| format!("its payload is not base64url ({e})"))?;
    let claims: serde_json::Value =
        serde_json::from_slice(&bytes).map_err(|e| format!("its payload is not JSON ({e})"))?;
    Ok(claims
        .get("exp")
        .and_then(serde_json::Value::as_u64)
        .map(|secs| UNIX_EPOCH + Duration::from_secs(secs)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn jwt(claims: &str) -> String {
        format!(
            "eyJhbGciOiJSUzI1NiJ9.{}.c2ln",
            URL_SAFE_NO_PAD.encode(claims)
        )
    }

    #[test]
    fn reads_exp_without_verifying() {
        let at = expiry(&jwt(r#"{"exp": 1700000000, "sub": "u"}"#)).unwrap();
        assert_eq!(at, Some(UNIX_EPOCH + Duration::from_secs(1_700_000_000)));
        assert_eq!(expiry(&jwt(r#"{"sub": "u"}"#)).unwrap(), None);
        assert!(expiry("not-a-jwt").is_err());
        assert!(expiry("a.!!!.c").is_err());
    }
}
