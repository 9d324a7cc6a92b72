//! OCI's HTTP signature scheme (draft-cavage httpsig, RSA-SHA256), shared by the client that
//! signs and the emulator that verifies, so the two can never disagree on the signing string.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use rsa::pkcs1v15::{Signature, SigningKey, VerifyingKey};
use rsa::pkcs8::EncodePublicKey;
use rsa::signature::{SignatureEncoding, Signer as _, Verifier as _};
use rsa::{RsaPrivateKey, RsaPublicKey};
use sha2::{Digest, Sha256};

/// Signed headers for GET, HEAD and DELETE, in signing order.
pub const GENERIC_HEADERS: &[&str] = &["date", "(request-target)", "host"];
/// Signed headers for POST, PUT and PATCH, in signing order.
pub const BODY_HEADERS: &[&str] = &[
    "date",
    "(request-target)",
    "host",
    "content-length",
    "content-type",
    "x-content-sha256",
];

/// Base64 SHA-256 of the empty body, sent on body-less POSTs such as `recoverCompartment`.
pub const EMPTY_BODY_SHA256: &str = "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=";

/// Why a request could not be signed or a signature could not be checked.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SignatureError {
    #[error("don't know how to sign request method {0}")]
    UnsupportedMethod(String),
    #[error("the signed header '{0}' is missing from the request")]
    MissingHeader(String),
    #[error("the Authorization header is not an OCI signature: {0}")]
    MalformedAuthorization(String),
    #[error("the value for header '{0}' contains characters not allowed in HTTP headers")]
    InvalidHeaderValue(String),
}

/// The header names OCI requires signed for this method, or `None` if it cannot be signed.
pub fn required_headers(method: &str) -> Option<&'static [&'static str]> {
    match method.to_ascii_uppercase().as_str() {
        "GET" | "HEAD" | "DELETE" => Some(GENERIC_HEADERS),
        "POST" | "PUT" | "PATCH" => Some(BODY_HEADERS),
        _ => None,
    }
}

/// Base64 of the SHA-256 of the exact body bytes (`x-content-sha256`).
pub fn body_sha256(body: &[u8]) -> String {
    BASE64.encode(Sha256::digest(body))
}

/// Builds the signing string: one `name: value` line per header, joined with `\n`.
/// `path_and_query` is the URL-encoded path plus `?query` exactly as sent; `header` looks up
/// a request header by lower-case name.
pub fn signing_string<'a>(
    names: &[&str],
    method: &str,
    path_and_query: &str,
    header: impl Fn(&str) -> Option<&'a str>,
) -> Result<String, SignatureError> {
    let mut lines = Vec::with_capacity(names.len());
    for name in names {
        let name = name.to_ascii_lowercase();
        if name == "(request-target)" {
            lines.push(format!(
                "(request-target): {} {}",
                method.to_ascii_lowercase(),
                path_and_query
            ));
        } else {
            let value = header(&name).ok_or_else(|| SignatureError::MissingHeader(name.clone()))?;
            lines.push(format!("{name}: {value}"));
        }
    }
    Ok(lines.join("\n"))
}

/// RSA PKCS#1 v1.5 over SHA-256 of the signing string, standard base64 with padding.
pub fn sign(key: &RsaPrivateKey, signing_string: &str) -> String {
    sign_prepared(None, key, signing_string)
}

/// As [`sign`], through AWS-LC when the key was prepared for it (the same bytes, faster).
pub(crate) fn sign_prepared(
    fast: Option<&aws_lc_rs::signature::RsaKeyPair>,
    key: &RsaPrivateKey,
    signing_string: &str,
) -> String {
    if let Some(bytes) =
        fast.and_then(|pair| super::fast_rsa::sign(pair, signing_string.as_bytes()))
    {
        return BASE64.encode(bytes);
    }
    let signer = SigningKey::<Sha256>::new(key.clone());
    BASE64.encode(signer.sign(signing_string.as_bytes()).to_bytes())
}

/// True when `signature_b64` is a valid signature of `signing_string` by `key`.
pub fn verify(key: &RsaPublicKey, signing_string: &str, signature_b64: &str) -> bool {
    let Ok(bytes) = BASE64.decode(signature_b64.trim()) else {
        return false;
    };
    if let Some(valid) = super::fast_rsa::verify(key, signing_string.as_bytes(), &bytes) {
        return valid;
    }
    let Ok(signature) = Signature::try_from(bytes.as_slice()) else {
        return false;
    };
    VerifyingKey::<Sha256>::new(key.clone())
        .verify(signing_string.as_bytes(), &signature)
        .is_ok()
}

/// The parameters of an `Authorization: Signature ...` header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuthorizationParams {
    pub version: Option<String>,
    pub key_id: String,
    pub algorithm: String,
    pub headers: Vec<String>,
    pub signature: String,
}

/// Formats the header the way the Python SDK does (`algorithm, headers, keyId, signature,
/// version`).
pub fn authorization_header(key_id: &str, headers: &[&str], signature: &str) -> String {
    format!(
        "Signature algorithm=\"rsa-sha256\",headers=\"{}\",keyId=\"{key_id}\",signature=\"{signature}\",version=\"1\"",
        headers.join(" ")
    )
}

/// Parses the header by parameter name, in any order (Python and Go order them differently).
pub fn parse_authorization(value: &str) -> Result<AuthorizationParams, SignatureError> {
    let malformed = |why: &str| SignatureError::MalformedAuthorization(why.to_string());
    let rest = value
        .trim()
        .strip_prefix("Signature")
        .ok_or_else(|| malformed("it does not start with 'Signature'"))?
        .trim_start();
    let (mut version, mut key_id, mut algorithm, mut headers, mut signature) =
        (None, None, None, None, None);
    let mut input = rest;
    while !input.is_empty() {
        let eq = input
            .find('=')
            .ok_or_else(|| malformed("a parameter has no '='"))?;
        let name = input[..eq].trim().trim_start_matches(',').trim();
        let after = &input[eq + 1..];
        let after = after
            .strip_prefix('"')
            .ok_or_else(|| malformed("a parameter value is not quoted"))?;
        let end = after
            .find('"')
            .ok_or_else(|| malformed("a quoted value is not closed"))?;
        let val = after[..end].to_string();
        match name {
            "version" => version = Some(val),
            "keyId" => key_id = Some(val),
            "algorithm" => algorithm = Some(val),
            "headers" => headers = Some(val),
            "signature" => signature = Some(val),
            _ => {}
        }
        input = after[end + 1..]
            .trim_start()
            .trim_start_matches(',')
            .trim_start();
    }
    Ok(AuthorizationParams {
        version,
        key_id: key_id.ok_or_else(|| malformed("keyId is missing"))?,
        algorithm: algorithm.ok_or_else(|| malformed("algorithm is missing"))?,
        // httpsig's default when `headers` is absent is just `date`.
        headers: headers
            .unwrap_or_else(|| "date".into())
            .split_whitespace()
            .map(str::to_ascii_lowercase)
            .collect(),
        signature: signature.ok_or_else(|| malformed("signature is missing"))?,
    })
}

/// MD5 of the DER `SubjectPublicKeyInfo`, lower-case hex with `:` between bytes.
pub fn fingerprint(key: &RsaPublicKey) -> String {
    use md5::Digest as _;
    let der = key
        .to_public_key_der()
        .map(|d| d.as_bytes().to_vec())
        .unwrap_or_default();
    md5::Md5::digest(&der)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect::<Vec<_>>()
        .join(":")
}

/// The `date` header value: RFC 1123 in GMT.
pub fn http_date(at: std::time::SystemTime) -> String {
    httpdate::fmt_http_date(at)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_parameters_in_any_order() {
        let python = r#"Signature algorithm="rsa-sha256",headers="date (request-target) host",keyId="t/u/f",signature="c2ln",version="1""#;
        let go = r#"Signature version="1",headers="date (request-target) host",keyId="t/u/f",algorithm="rsa-sha256",signature="c2ln""#;
        assert_eq!(parse_authorization(python), parse_authorization(go));
        let p = parse_authorization(go).unwrap();
        assert_eq!(p.key_id, "t/u/f");
        assert_eq!(p.headers, vec!["date", "(request-target)", "host"]);
    }

    #[test]
    fn rejects_non_signature_schemes() {
        assert!(parse_authorization("Bearer abc").is_err());
        assert!(parse_authorization("Signature keyId=\"x\"").is_err());
    }

    #[test]
    fn signing_string_matches_the_documented_shape() {
        let s = signing_string(
            GENERIC_HEADERS,
            "GET",
            "/20160918/users?limit=1",
            |h| match h {
                "date" => Some("Sat, 21 Nov 2026 10:21:41 GMT"),
                "host" => Some("127.0.0.1:18765"),
                _ => None,
            },
        )
        .unwrap();
        assert_eq!(
            s,
            "date: Sat, 21 Nov 2026 10:21:41 GMT\n(request-target): get /20160918/users?limit=1\nhost: 127.0.0.1:18765"
        );
    }

    #[test]
    fn empty_body_hash_is_the_known_constant() {
        assert_eq!(body_sha256(b""), EMPTY_BODY_SHA256);
    }
}
