//! Loading an RSA private key from every PEM form OCI users have: PKCS#1, PKCS#8, encrypted
//! PKCS#8 and OpenSSL's legacy encrypted PKCS#1, with or without the `OCI_API_KEY` line.

use std::path::Path;

use pkcs8::der::Decode as _;
use pkcs8::{EncryptedPrivateKeyInfo, PrivateKeyInfo, pkcs5};
use rsa::RsaPrivateKey;
use rsa::pkcs1::DecodeRsaPrivateKey as _;
use rsa::pkcs8::DecodePrivateKey as _;

use super::key_error::KeyError;
use super::legacy_pem::{self, LegacyError};
use super::passphrase::PassphrasePrompt;
use super::pem::{PemError, first_block};

/// OID of `rsaEncryption`, the only key algorithm OCI API keys use.
const RSA_ENCRYPTION: &str = "1.2.840.113549.1.1.1";

/// Where the passphrase came from, for the wrong-passphrase message.
const FROM_CONFIG: &str = "given by pass_phrase in the profile";
const FROM_PROMPT: &str = "you typed";

/// Reads and decodes the key at `path`. An encrypted key uses `pass_phrase` if given, else
/// asks `prompt`; a passphrase given for an unencrypted key is ignored, as in the SDK
/// (DEFAULT's `pass_phrase` is inherited by every profile).
pub fn load_private_key(
    path: &Path,
    pass_phrase: Option<&str>,
    prompt: &dyn PassphrasePrompt,
) -> Result<RsaPrivateKey, KeyError> {
    let text = std::fs::read_to_string(path).map_err(|e| KeyError::Unreadable {
        path: path.to_path_buf(),
        reason: e.to_string(),
    })?;
    parse_private_key(path, &text, pass_phrase, prompt)
}

/// Decodes PEM text; `path` is only used in messages.
pub fn parse_private_key(
    path: &Path,
    text: &str,
    pass_phrase: Option<&str>,
    prompt: &dyn PassphrasePrompt,
) -> Result<RsaPrivateKey, KeyError> {
    let block = first_block(text).map_err(|e| match e {
        PemError::NoBlock => KeyError::NotPem {
            path: path.to_path_buf(),
        },
        PemError::Malformed(reason) => KeyError::Malformed {
            path: path.to_path_buf(),
            reason,
        },
    })?;
    let malformed = |reason: String| KeyError::Malformed {
        path: path.to_path_buf(),
        reason,
    };
    let obtain_secret = || -> Result<(String, &'static str), KeyError> {
        match pass_phrase {
            Some(p) => Ok((p.to_string(), FROM_CONFIG)),
            None => prompt
                .passphrase(path)
                .map(|p| (p, FROM_PROMPT))
                .ok_or_else(|| KeyError::PassphraseRequired {
                    path: path.to_path_buf(),
                }),
        }
    };
    let wrong = |origin: &str| KeyError::WrongPassphrase {
        path: path.to_path_buf(),
        origin: origin.to_string(),
    };
    match block.label.as_str() {
        "RSA PRIVATE KEY" => match block.header("DEK-Info") {
            None => RsaPrivateKey::from_pkcs1_der(&block.der).map_err(|e| malformed(e.to_string())),
            Some(dek_info) => {
                let (secret, origin) = obtain_secret()?;
                let der =
                    legacy_pem::decrypt(dek_info, secret.as_bytes(), &block.der).map_err(|e| {
                        match e {
                            LegacyError::UnsupportedCipher(cipher) => {
                                KeyError::UnsupportedEncryption {
                                    path: path.to_path_buf(),
                                    cipher,
                                }
                            }
                            LegacyError::BadDekInfo(v) => {
                                malformed(format!("bad DEK-Info header '{v}'"))
                            }
                            LegacyError::DecryptFailed => wrong(origin),
                        }
                    })?;
                RsaPrivateKey::from_pkcs1_der(&der).map_err(|_| wrong(origin))
            }
        },
        "PRIVATE KEY" => pkcs8_key(path, &block.der),
        "ENCRYPTED PRIVATE KEY" => {
            let info = EncryptedPrivateKeyInfo::from_der(&block.der).map_err(|_| {
                KeyError::UnsupportedEncryption {
                    path: path.to_path_buf(),
                    cipher: "an unknown PKCS#8 scheme".into(),
                }
            })?;
            let (secret, origin) = obtain_secret()?;
            let document = info.decrypt(secret.as_bytes()).map_err(|e| match e {
                pkcs8::Error::EncryptedPrivateKey(
                    pkcs5::Error::UnsupportedAlgorithm { oid }
                    | pkcs5::Error::AlgorithmParametersInvalid { oid },
                ) => KeyError::UnsupportedEncryption {
                    path: path.to_path_buf(),
                    cipher: format!("PKCS#8 scheme {oid}"),
                },
                pkcs8::Error::EncryptedPrivateKey(pkcs5::Error::NoPbes1CryptSupport) => {
                    KeyError::UnsupportedEncryption {
                        path: path.to_path_buf(),
                        cipher: "PKCS#5 v1 (PBES1)".into(),
                    }
                }
                _ => wrong(origin),
            })?;
            pkcs8_key(path, document.as_bytes()).map_err(|e| match e {
                KeyError::Malformed { .. } => wrong(origin),
                other => other,
            })
        }
        "PUBLIC KEY" | "RSA PUBLIC KEY" | "CERTIFICATE" | "SSH2 PUBLIC KEY" => {
            Err(KeyError::PublicKeyGiven {
                path: path.to_path_buf(),
            })
        }
        "EC PRIVATE KEY" => Err(unsupported(path, "EC")),
        "DSA PRIVATE KEY" => Err(unsupported(path, "DSA")),
        "OPENSSH PRIVATE KEY" => Err(unsupported(path, "OpenSSH-format")),
        _ => Err(KeyError::NotPem {
            path: path.to_path_buf(),
        }),
    }
}

/// An unencrypted PKCS#8 key, checked to be RSA first so other kinds get a clear message.
fn pkcs8_key(path: &Path, der: &[u8]) -> Result<RsaPrivateKey, KeyError> {
    let info = PrivateKeyInfo::from_der(der).map_err(|e| KeyError::Malformed {
        path: path.to_path_buf(),
        reason: e.to_string(),
    })?;
    let oid = info.algorithm.oid.to_string();
    if oid != RSA_ENCRYPTION {
        let kind = match oid.as_str() {
            "1.2.840.10045.2.1" => "EC".to_string(),
            "1.3.101.112" => "Ed25519".to_string(),
            other => format!("non-RSA ({other})"),
        };
        return Err(unsupported(path, &kind));
    }
    RsaPrivateKey::from_pkcs8_der(der).map_err(|e| KeyError::Malformed {
        path: path.to_path_buf(),
        reason: e.to_string(),
    })
}

fn unsupported(path: &Path, kind: &str) -> KeyError {
    KeyError::UnsupportedKeyType {
        path: path.to_path_buf(),
        kind: kind.to_string(),
    }
}
