//! The request signer: header injection, signature verification, and building it from a
//! resolved profile (key id, fingerprint and permission warnings).

use std::path::{Path, PathBuf};

use canopy::auth::signature::{SignatureError, parse_authorization, verify};
use canopy::auth::{KeyError, NoPrompt, RequestSigner, Warning};
use canopy::config::{AuthMethod, ResolvedProfile};
use rand::SeedableRng as _;
use reqwest::header::{HeaderMap, HeaderValue};

use super::common::{PASSPHRASE, fingerprint, key_path};

pub fn profile(key_file: PathBuf) -> ResolvedProfile {
    ResolvedProfile {
        name: "DEFAULT".into(),
        config_path: PathBuf::from("/nonexistent/config"),
        auth: AuthMethod::ApiKey,
        user: Some("ocid1.user.oc1..aaaaaaaauser".into()),
        tenancy: "ocid1.tenancy.oc1..aaaaaaaatenancy".into(),
        fingerprint: fingerprint(),
        key_file,
        region: Some("us-ashburn-1".into()),
        identity_endpoint: "https://identity.us-ashburn-1.oci.oraclecloud.com".into(),
        organizations_endpoint: "https://organizations.us-ashburn-1.oci.oraclecloud.com".into(),
        search_endpoint: "https://query.us-ashburn-1.oci.oraclecloud.com".into(),
        pass_phrase: None,
        security_token_file: None,
        suppress_permission_warnings: false,
    }
}

/// A private copy of a fixture key with the given Unix mode.
pub fn copy_key(dir: &Path, name: &str, mode: u32) -> PathBuf {
    let path = dir.join(name);
    std::fs::copy(key_path(name), &path).unwrap();
    set_mode(&path, mode);
    path
}

#[cfg(unix)]
fn set_mode(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt as _;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

#[cfg(not(unix))]
fn set_mode(_path: &Path, _mode: u32) {}

#[test]
fn injects_headers_and_signs_verifiably() {
    let dir = tempfile::tempdir().unwrap();
    let (signer, warnings) = RequestSigner::from_profile(
        &profile(copy_key(dir.path(), "pkcs1.pem", 0o600)),
        &NoPrompt,
    )
    .unwrap();
    assert_eq!(warnings, vec![]);
    assert_eq!(
        signer.key_id(),
        format!(
            "ocid1.tenancy.oc1..aaaaaaaatenancy/ocid1.user.oc1..aaaaaaaauser/{}",
            fingerprint()
        )
    );
    let url = url::Url::parse("http://127.0.0.1:18765/20160918/users?limit=1&page=a%2Bb").unwrap();
    let mut headers = HeaderMap::new();
    headers.insert("opc-request-id", HeaderValue::from_static("ABC"));
    let text = signer.sign("POST", &url, &mut headers, b"").unwrap();
    assert!(text.contains("(request-target): post /20160918/users?limit=1&page=a%2Bb\n"));
    assert_eq!(headers["host"], "127.0.0.1:18765");
    assert_eq!(headers["content-type"], "application/json");
    assert_eq!(headers["content-length"], "0");
    assert_eq!(
        headers["x-content-sha256"],
        "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="
    );
    assert_eq!(headers["opc-request-id"], "ABC");
    assert!(httpdate::parse_http_date(headers["date"].to_str().unwrap()).is_ok());
    let auth = parse_authorization(headers["authorization"].to_str().unwrap()).unwrap();
    assert_eq!(auth.key_id, signer.key_id());
    assert_eq!(
        auth.headers,
        [
            "date",
            "(request-target)",
            "host",
            "content-length",
            "content-type",
            "x-content-sha256"
        ]
    );
    assert!(verify(&signer.public_key(), &text, &auth.signature));
    assert!(!verify(
        &signer.public_key(),
        &format!("{text} "),
        &auth.signature
    ));
}

#[test]
fn get_and_delete_carry_no_body_headers_and_keep_given_ones() {
    let dir = tempfile::tempdir().unwrap();
    let (signer, _) = RequestSigner::from_profile(
        &profile(copy_key(dir.path(), "pkcs8.pem", 0o600)),
        &NoPrompt,
    )
    .unwrap();
    let url = url::Url::parse("https://identity.us-ashburn-1.oci.oraclecloud.com/20160918/users/x")
        .unwrap();
    for method in ["GET", "DELETE", "HEAD"] {
        let mut headers = HeaderMap::new();
        headers.insert("content-type", HeaderValue::from_static("text/plain"));
        headers.insert("host", HeaderValue::from_static("example.test"));
        let text = signer.sign(method, &url, &mut headers, b"").unwrap();
        assert!(!headers.contains_key("content-length"), "{method}");
        assert!(!headers.contains_key("x-content-sha256"), "{method}");
        assert_eq!(headers["content-type"], "text/plain");
        assert!(text.ends_with("\nhost: example.test"), "{text}");
    }
    let mut headers = HeaderMap::new();
    assert_eq!(
        signer.sign("OPTIONS", &url, &mut headers, b""),
        Err(SignatureError::UnsupportedMethod("OPTIONS".into()))
    );
}

#[test]
fn warns_about_fingerprint_mismatch_and_loose_permissions() {
    let dir = tempfile::tempdir().unwrap();
    let mut p = profile(copy_key(dir.path(), "legacy_aes128.pem", 0o644));
    p.fingerprint = "00:11:22:33:44:55:66:77:88:99:aa:bb:cc:dd:ee:ff".into();
    p.pass_phrase = Some(PASSPHRASE.into());
    let (signer, warnings) = RequestSigner::from_profile(&p, &NoPrompt).unwrap();
    // The key id carries the configured fingerprint, as the SDK's does.
    assert!(
        signer
            .key_id()
            .ends_with("/00:11:22:33:44:55:66:77:88:99:aa:bb:cc:dd:ee:ff")
    );
    assert!(warnings.contains(&Warning::FingerprintMismatch {
        key_file: p.key_file.clone(),
        configured: p.fingerprint.clone(),
        actual: fingerprint(),
    }));
    if cfg!(unix) {
        let loose = warnings
            .iter()
            .find(|w| matches!(w, Warning::KeyFilePermissions { .. }))
            .expect("a permissions warning");
        assert!(loose.to_string().contains("chmod 600"), "{loose}");
    }
    p.suppress_permission_warnings = true;
    let (_, quiet) = RequestSigner::from_profile(&p, &NoPrompt).unwrap();
    assert_eq!(quiet.len(), 1, "{quiet:?}");
}

#[test]
fn api_key_profile_without_user_is_refused() {
    let mut p = profile(key_path("pkcs1.pem"));
    p.user = None;
    let err = RequestSigner::from_profile(&p, &NoPrompt).unwrap_err();
    assert!(matches!(err, KeyError::NoUser { .. }), "{err:?}");
}

/// The fast backend (`ring`) and the pure-Rust one (`rsa`) give the same signature bytes for a
/// 2048-bit key, and a key `ring` declines (1024 bits) is still signed and verified by `rsa`.
#[test]
fn both_backends_agree_and_a_small_key_still_signs() {
    use canopy::auth::load_private_key;
    use canopy::auth::signature::sign;
    let key = load_private_key(&key_path("pkcs1.pem"), None, &NoPrompt).unwrap();
    let signer = RequestSigner::new("ocid1.tenancy.oc1..t/ocid1.user.oc1..u/aa:bb", key.clone());
    let url = url::Url::parse(
        "https://identity.us-ashburn-1.oci.oraclecloud.com/20160918/users?compartmentId=x",
    )
    .unwrap();
    let mut headers = HeaderMap::new();
    let text = signer.sign("GET", &url, &mut headers, b"").unwrap();
    let header = headers["authorization"].to_str().unwrap();
    let params = parse_authorization(header).unwrap();
    assert_eq!(params.signature, sign(&key, &text), "ring and rsa differ");
    assert!(verify(
        &rsa::RsaPublicKey::from(&key),
        &text,
        &params.signature
    ));

    let mut rng = rand::rngs::StdRng::seed_from_u64(7);
    let small = rsa::RsaPrivateKey::new(&mut rng, 1024).unwrap();
    let signer = RequestSigner::new(
        "ocid1.tenancy.oc1..t/ocid1.user.oc1..u/cc:dd",
        small.clone(),
    );
    let mut headers = HeaderMap::new();
    let text = signer.sign("GET", &url, &mut headers, b"").unwrap();
    let params = parse_authorization(headers["authorization"].to_str().unwrap()).unwrap();
    assert!(verify(
        &rsa::RsaPublicKey::from(&small),
        &text,
        &params.signature
    ));
    assert!(
        !verify(&rsa::RsaPublicKey::from(&key), &text, &params.signature),
        "another key"
    );
}
