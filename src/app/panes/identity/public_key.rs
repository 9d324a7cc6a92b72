//! Checks a public key a user pastes or names for an API key upload, and puts it in the PEM
//! form the service takes. A paste arrives on one line (the form drops line breaks), so the
//! base64 body is re-wrapped here.

use rsa::RsaPublicKey;
use rsa::pkcs1::DecodeRsaPublicKey;
use rsa::pkcs8::{DecodePublicKey, EncodePublicKey, LineEnding};

/// The key as a `-----BEGIN PUBLIC KEY-----` PEM, or what is wrong with it.
pub fn normalize(text: &str) -> Result<String, String> {
    let text = text.trim();
    let Some(start) = text.find("-----BEGIN ") else {
        return Err(
            "paste a PEM public key (-----BEGIN PUBLIC KEY----- ...) or a file path".into(),
        );
    };
    let after = &text[start + "-----BEGIN ".len()..];
    let Some(label_end) = after.find("-----") else {
        return Err("the PEM header is cut short".into());
    };
    let label = &after[..label_end];
    if label.contains("PRIVATE") {
        return Err(
            "that is a private key: upload its public half (openssl rsa -pubout -in key.pem)"
                .into(),
        );
    }
    let body_and_end = &after[label_end + 5..];
    let footer = format!("-----END {label}-----");
    let Some(body_end) = body_and_end.find(&footer) else {
        return Err(format!("the PEM has no '{footer}' line"));
    };
    let body: String = body_and_end[..body_end]
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    let mut pem = format!("-----BEGIN {label}-----\n");
    for chunk in body.as_bytes().chunks(64) {
        pem.push_str(&String::from_utf8_lossy(chunk));
        pem.push('\n');
    }
    pem.push_str(&footer);
    pem.push('\n');
    let key = match label {
        "PUBLIC KEY" => RsaPublicKey::from_public_key_pem(&pem)
            .map_err(|e| format!("not an RSA public key: {e}"))?,
        "RSA PUBLIC KEY" => {
            RsaPublicKey::from_pkcs1_pem(&pem).map_err(|e| format!("not an RSA public key: {e}"))?
        }
        other => return Err(format!("a '{other}' is not a public key")),
    };
    key.to_public_key_pem(LineEnding::LF)
        .map_err(|e| format!("cannot encode the key: {e}"))
}

#[cfg(test)]
mod tests {
    use super::normalize;
    use rsa::pkcs1::EncodeRsaPublicKey;
    use rsa::pkcs8::{EncodePublicKey, LineEnding};

    fn key() -> rsa::RsaPublicKey {
        let mut rng = rand::rngs::StdRng::seed_from_u64(7);
        rsa::RsaPrivateKey::new(&mut rng, 512)
            .expect("key")
            .to_public_key()
    }

    use rand::SeedableRng;

    #[test]
    fn a_pem_pasted_on_one_line_is_rewrapped() {
        let pem = key().to_public_key_pem(LineEnding::LF).unwrap();
        let one_line: String = pem.chars().filter(|c| *c != '\n').collect();
        assert_eq!(normalize(&one_line).unwrap(), pem);
    }

    #[test]
    fn pkcs1_becomes_spki_and_private_keys_are_refused() {
        let k = key();
        let pkcs1 = k.to_pkcs1_pem(LineEnding::LF).unwrap();
        assert_eq!(
            normalize(&pkcs1).unwrap(),
            k.to_public_key_pem(LineEnding::LF).unwrap()
        );
        let err =
            normalize("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----").unwrap_err();
        assert!(err.contains("private key"), "{err}");
        assert!(normalize("hello").unwrap_err().contains("PEM"));
        assert!(
            normalize("-----BEGIN PUBLIC KEY-----AAAA-----END PUBLIC KEY-----")
                .unwrap_err()
                .contains("not an RSA public key")
        );
    }
}
