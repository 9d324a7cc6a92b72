//! Session-token authentication: `ST$<token>` key ids and expiry from the JWT's `exp`.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use canopy::auth::{KeyError, NoPrompt, RequestSigner};
use canopy::config::AuthMethod;

use super::signer::{copy_key, profile};

fn token(exp: u64) -> String {
    let claims = format!(r#"{{"sub":"ocid1.user.oc1..u","exp":{exp}}}"#);
    format!(
        "eyJhbGciOiJSUzI1NiJ9.{}.c2lnbmF0dXJl",
        URL_SAFE_NO_PAD.encode(claims)
    )
}

#[test]
fn session_profile_signs_with_the_token_as_key_id() {
    let dir = tempfile::tempdir().unwrap();
    let token_file = dir.path().join("token");
    let jwt = token(2_000_000_000);
    std::fs::write(&token_file, format!("{jwt}\n")).unwrap();
    let mut p = profile(copy_key(dir.path(), "pkcs8.pem", 0o600));
    p.auth = AuthMethod::SecurityToken;
    p.user = None;
    p.security_token_file = Some(token_file);
    let now = UNIX_EPOCH + Duration::from_secs(1_900_000_000);
    let (signer, _) = RequestSigner::from_profile_at(&p, &NoPrompt, now).unwrap();
    assert_eq!(signer.key_id(), format!("ST${jwt}"));
}

#[test]
fn expired_session_says_how_to_renew() {
    let dir = tempfile::tempdir().unwrap();
    let token_file = dir.path().join("token");
    std::fs::write(&token_file, token(1_700_000_000)).unwrap();
    let mut p = profile(copy_key(dir.path(), "pkcs8.pem", 0o600));
    p.name = "session".into();
    p.auth = AuthMethod::SecurityToken;
    p.security_token_file = Some(token_file);
    let err = RequestSigner::from_profile_at(&p, &NoPrompt, SystemTime::now()).unwrap_err();
    assert!(
        matches!(err, KeyError::SessionTokenExpired { .. }),
        "{err:?}"
    );
    let text = err.to_string();
    assert!(text.contains("Tue, 14 Nov 2023 22:13:20 GMT"), "{text}");
    assert!(
        text.contains("oci session refresh --profile session"),
        "{text}"
    );
    assert!(text.contains("oci session authenticate"), "{text}");
}

#[test]
fn broken_or_missing_tokens_are_clear_errors() {
    let dir = tempfile::tempdir().unwrap();
    let mut p = profile(copy_key(dir.path(), "pkcs8.pem", 0o600));
    p.auth = AuthMethod::SecurityToken;
    let err = RequestSigner::from_profile(&p, &NoPrompt).unwrap_err();
    assert!(matches!(err, KeyError::NoSessionToken { .. }), "{err:?}");

    p.security_token_file = Some(dir.path().join("absent"));
    let err = RequestSigner::from_profile(&p, &NoPrompt).unwrap_err();
    assert!(
        matches!(err, KeyError::SessionTokenUnreadable { .. }),
        "{err:?}"
    );

    let garbage = dir.path().join("garbage");
    std::fs::write(&garbage, "not a token").unwrap();
    p.security_token_file = Some(garbage);
    let err = RequestSigner::from_profile(&p, &NoPrompt).unwrap_err();
    assert!(
        matches!(err, KeyError::SessionTokenMalformed { .. }),
        "{err:?}"
    );
    assert!(
        err.to_string().contains("oci session authenticate"),
        "{err}"
    );
}
