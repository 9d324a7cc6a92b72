//! RSA PKCS#1 v1.5 with SHA-256 through `ring`: about six times faster than the pure-Rust
//! `rsa` crate on this kind of machine, which matters because every request is signed (the
//! client) and verified (the emulator). `rsa` still loads every key form users have (PKCS#1,
//! PKCS#8, encrypted, legacy PEM); the loaded key is handed to `ring` as PKCS#1 DER. PKCS#1
//! v1.5 signatures are deterministic, so both backends give the same bytes, and where `ring`
//! declines a key (it signs and verifies 2048- to 8192-bit keys only) `rsa` does the work.

use std::sync::Arc;

use ring::rand::SystemRandom;
use ring::signature::{
    RSA_PKCS1_2048_8192_SHA256, RSA_PKCS1_SHA256, RsaKeyPair, UnparsedPublicKey,
};
use rsa::pkcs1::{EncodeRsaPrivateKey as _, EncodeRsaPublicKey as _};
use rsa::traits::PublicKeyParts as _;
use rsa::{RsaPrivateKey, RsaPublicKey};

/// The smallest modulus `ring` verifies, in bits.
const RING_MIN_BITS: usize = 2048;

/// A private key prepared for `ring`, or `None` when `ring` will not take it.
pub fn prepare(key: &RsaPrivateKey) -> Option<Arc<RsaKeyPair>> {
    let der = key.to_pkcs1_der().ok()?;
    RsaKeyPair::from_der(der.as_bytes()).ok().map(Arc::new)
}

/// The signature of `message`, or `None` if `ring` failed (the caller falls back).
pub fn sign(pair: &RsaKeyPair, message: &[u8]) -> Option<Vec<u8>> {
    let mut signature = vec![0; pair.public().modulus_len()];
    pair.sign(
        &RSA_PKCS1_SHA256,
        &SystemRandom::new(),
        message,
        &mut signature,
    )
    .ok()?;
    Some(signature)
}

/// Whether `signature` is `key`'s over `message`; `None` when `ring` does not take the key.
pub fn verify(key: &RsaPublicKey, message: &[u8], signature: &[u8]) -> Option<bool> {
    if key.size() * 8 < RING_MIN_BITS {
        return None;
    }
    let der = key.to_pkcs1_der().ok()?;
    let public = UnparsedPublicKey::new(&RSA_PKCS1_2048_8192_SHA256, der.as_bytes());
    Some(public.verify(message, signature).is_ok())
}
