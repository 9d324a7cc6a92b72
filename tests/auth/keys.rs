//! Loading keys in every PEM form, and every way a key file can be wrong.

use std::cell::Cell;
use std::path::Path;

use canopy::auth::{FixedPassphrase, KeyError, NoPrompt, PassphrasePrompt, load_private_key};
use rsa::RsaPrivateKey;

use super::common::{PASSPHRASE, key_path};

fn load(name: &str, pass: Option<&str>) -> Result<RsaPrivateKey, KeyError> {
    load_private_key(&key_path(name), pass, &NoPrompt)
}

/// Answers once with a fixed passphrase and counts how often it was asked.
struct CountingPrompt {
    answer: Option<&'static str>,
    asked: Cell<usize>,
}

impl PassphrasePrompt for CountingPrompt {
    fn passphrase(&self, _key_file: &Path) -> Option<String> {
        self.asked.set(self.asked.get() + 1);
        self.answer.map(str::to_string)
    }
}

#[test]
fn every_supported_form_decodes_to_the_same_key() {
    let reference = load("pkcs1.pem", None).unwrap();
    for name in [
        "pkcs8.pem",
        "with_label.pem",
        "pkcs8_encrypted.pem",
        "pkcs8_des3.pem",
        "pkcs8_sha1.pem",
        "legacy_aes128.pem",
        "legacy_aes192.pem",
        "legacy_aes256.pem",
        "legacy_des3.pem",
    ] {
        let key = load(name, Some(PASSPHRASE)).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(key, reference, "{name}");
    }
}

#[test]
fn passphrase_for_an_unencrypted_key_is_ignored() {
    assert!(load("pkcs8.pem", Some("inherited-from-default")).is_ok());
}

#[test]
fn encrypted_key_without_passphrase_asks_the_prompt() {
    let prompt = CountingPrompt {
        answer: Some(PASSPHRASE),
        asked: Cell::new(0),
    };
    assert!(load_private_key(&key_path("legacy_aes256.pem"), None, &prompt).is_ok());
    assert!(load_private_key(&key_path("pkcs8_encrypted.pem"), None, &prompt).is_ok());
    assert_eq!(prompt.asked.get(), 2);
    // A passphrase from the config means no prompt.
    assert!(load_private_key(&key_path("pkcs8_encrypted.pem"), Some(PASSPHRASE), &prompt).is_ok());
    assert_eq!(prompt.asked.get(), 2);
}

#[test]
fn missing_passphrase_is_a_clear_error() {
    for name in ["pkcs8_encrypted.pem", "legacy_aes128.pem"] {
        let err = load(name, None).unwrap_err();
        assert!(
            matches!(err, KeyError::PassphraseRequired { .. }),
            "{name}: {err:?}"
        );
        let text = err.to_string();
        assert!(
            text.contains(name) && text.contains("pass_phrase"),
            "{text}"
        );
    }
}

#[test]
fn wrong_passphrase_is_a_clear_error_for_every_encryption() {
    for name in [
        "pkcs8_encrypted.pem",
        "pkcs8_des3.pem",
        "pkcs8_sha1.pem",
        "legacy_aes128.pem",
        "legacy_aes192.pem",
        "legacy_aes256.pem",
        "legacy_des3.pem",
    ] {
        let err = load(name, Some("not-the-passphrase")).unwrap_err();
        assert!(
            matches!(err, KeyError::WrongPassphrase { .. }),
            "{name}: {err:?}"
        );
        assert!(
            err.to_string().contains("pass_phrase in the profile"),
            "{err}"
        );
    }
    let typed = load_private_key(
        &key_path("legacy_des3.pem"),
        None,
        &FixedPassphrase("nope".into()),
    )
    .unwrap_err();
    assert!(typed.to_string().contains("you typed"), "{typed}");
}

#[test]
fn public_key_instead_of_private_is_refused() {
    let err = load("public.pem", None).unwrap_err();
    assert!(matches!(err, KeyError::PublicKeyGiven { .. }), "{err:?}");
    assert!(err.to_string().contains("public key"), "{err}");
}

#[test]
fn unsupported_encryptions_say_how_to_convert() {
    for name in ["legacy_des.pem", "pkcs8_pbes1.pem"] {
        let err = load(name, Some(PASSPHRASE)).unwrap_err();
        assert!(
            matches!(err, KeyError::UnsupportedEncryption { .. }),
            "{name}: {err:?}"
        );
        assert!(err.to_string().contains("openssl pkcs8 -topk8"), "{err}");
    }
}

#[test]
fn non_rsa_and_non_pem_files_are_refused() {
    let ec = load("ec.pem", None).unwrap_err();
    assert!(matches!(ec, KeyError::UnsupportedKeyType { .. }), "{ec:?}");
    assert!(ec.to_string().contains("EC"), "{ec}");
    let not_pem = load("fingerprint.txt", None).unwrap_err();
    assert!(matches!(not_pem, KeyError::NotPem { .. }), "{not_pem:?}");
    let missing = load("no-such-key.pem", None).unwrap_err();
    assert!(
        matches!(missing, KeyError::Unreadable { .. }),
        "{missing:?}"
    );
}

#[test]
fn damaged_pem_is_reported_as_damaged() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cut.pem");
    let text = std::fs::read_to_string(key_path("pkcs1.pem")).unwrap();
    std::fs::write(&path, &text[..text.len() / 2]).unwrap();
    let err = load_private_key(&path, None, &NoPrompt).unwrap_err();
    assert!(matches!(err, KeyError::Malformed { .. }), "{err:?}");
    let garbled = text.replace("MII", "MIJ");
    std::fs::write(&path, garbled).unwrap();
    let err = load_private_key(&path, None, &NoPrompt).unwrap_err();
    assert!(matches!(err, KeyError::Malformed { .. }), "{err:?}");
}
