//! OpenSSL's legacy PEM encryption of PKCS#1 keys (`Proc-Type: 4,ENCRYPTED` with
//! `DEK-Info`), still produced by `openssl genrsa -aes256` and older tools: the key is
//! derived with `EVP_BytesToKey` (MD5, one round, salt = first 8 bytes of the IV).

use aes::{Aes128, Aes192, Aes256};
use cbc::cipher::block_padding::Pkcs7;
use cbc::cipher::{BlockDecryptMut, KeyIvInit};
use des::TdesEde3;
use md5::{Digest, Md5};

/// Why the body could not be decrypted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LegacyError {
    /// A cipher canopy does not implement (named as in `DEK-Info`).
    UnsupportedCipher(String),
    /// `DEK-Info` is not `CIPHER,HEXIV` with an IV of the right size.
    BadDekInfo(String),
    /// The padding did not check out: almost always a wrong passphrase.
    DecryptFailed,
}

/// Decrypts a legacy-encrypted body given the `DEK-Info` header value and the passphrase.
pub fn decrypt(dek_info: &str, passphrase: &[u8], data: &[u8]) -> Result<Vec<u8>, LegacyError> {
    let (cipher, iv_hex) = dek_info
        .split_once(',')
        .ok_or_else(|| LegacyError::BadDekInfo(dek_info.to_string()))?;
    let cipher = cipher.trim().to_ascii_uppercase();
    let iv = decode_hex(iv_hex.trim()).ok_or_else(|| LegacyError::BadDekInfo(dek_info.into()))?;
    let (key_len, iv_len) = match cipher.as_str() {
        "AES-128-CBC" => (16, 16),
        "AES-192-CBC" => (24, 16),
        "AES-256-CBC" => (32, 16),
        "DES-EDE3-CBC" => (24, 8),
        _ => return Err(LegacyError::UnsupportedCipher(cipher)),
    };
    if iv.len() != iv_len {
        return Err(LegacyError::BadDekInfo(dek_info.to_string()));
    }
    let key = bytes_to_key(passphrase, &iv[..8], key_len);
    let result = match cipher.as_str() {
        "AES-128-CBC" => run::<Aes128>(&key, &iv, data),
        "AES-192-CBC" => run::<Aes192>(&key, &iv, data),
        "AES-256-CBC" => run::<Aes256>(&key, &iv, data),
        _ => run::<TdesEde3>(&key, &iv, data),
    };
    result.ok_or(LegacyError::DecryptFailed)
}

fn run<C>(key: &[u8], iv: &[u8], data: &[u8]) -> Option<Vec<u8>>
where
    C: cbc::cipher::BlockDecrypt + cbc::cipher::BlockCipher + cbc::cipher::KeyInit,
{
    cbc::Decryptor::<C>::new_from_slices(key, iv)
        .ok()?
        .decrypt_padded_vec_mut::<Pkcs7>(data)
        .ok()
}

/// `EVP_BytesToKey` with MD5 and one iteration: `D_i = MD5(D_{i-1} || pass || salt)`.
fn bytes_to_key(passphrase: &[u8], salt: &[u8], len: usize) -> Vec<u8> {
    let mut key = Vec::with_capacity(len + 16);
    let mut previous: Vec<u8> = Vec::new();
    while key.len() < len {
        let mut md5 = Md5::new();
        md5.update(&previous);
        md5.update(passphrase);
        md5.update(salt);
        previous = md5.finalize().to_vec();
        key.extend_from_slice(&previous);
    }
    key.truncate(len);
    key
}

fn decode_hex(text: &str) -> Option<Vec<u8>> {
    if !text.len().is_multiple_of(2) {
        return None;
    }
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(text.get(i..i + 2)?, 16).ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bytes_to_key_matches_openssl() {
        // `openssl enc -aes-256-cbc -pass pass:secret -S 0001020304050607 -md md5 -P`
        // printed this key (OpenSSL 3.0.19).
        let key = bytes_to_key(b"secret", &[0, 1, 2, 3, 4, 5, 6, 7], 32);
        let hex = key.iter().fold(String::new(), |mut out, b| {
            use std::fmt::Write as _;
            let _ = write!(out, "{b:02X}");
            out
        });
        assert_eq!(
            hex,
            "035FB8145B73CF111570DC936112BE9C375A5D3D8B915BC213BDBEF9DBFB7851"
        );
    }

    #[test]
    fn rejects_unknown_ciphers_and_bad_ivs() {
        assert_eq!(
            decrypt("DES-CBC,0001020304050607", b"x", &[0; 8]),
            Err(LegacyError::UnsupportedCipher("DES-CBC".into()))
        );
        assert!(matches!(
            decrypt("AES-128-CBC,00", b"x", &[0; 16]),
            Err(LegacyError::BadDekInfo(_))
        ));
    }
}
