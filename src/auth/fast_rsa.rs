//! RSA PKCS#1 v1.5 with SHA-256 through AWS-LC (`aws-lc-rs`): about four times faster than
//! the pure-Rust `rsa` crate on this kind of machine, and nearly twice as fast as `ring`, as
//! it uses the CPU's AVX-512 IFMA multiply where there is one. That matters because every
//! request is signed (the client) and verified (the emulator). `rsa` still loads every key
//! form users have (PKCS#1, PKCS#8, encrypted, legacy PEM); the loaded key is handed over as
//! PKCS#1 DER. PKCS#1 v1.5 signatures are deterministic, so both backends give the same bytes,
//! and where AWS-LC declines a key (it takes 2048- to 8192-bit keys) `rsa` does the work.

use std::sync::Arc;

use aws_lc_rs::rand::SystemRandom;
use aws_lc_rs::signature::{
    RSA_PKCS1_2048_8192_SHA256, RSA_PKCS1_SHA256, RsaKeyPair, UnparsedPublicKey,
};
use rsa::pkcs1::{EncodeRsaPrivateKey as _, EncodeRsaPublicKey as _};
use rsa::traits::PublicKeyParts as _;
use rsa::{RsaPrivateKey, RsaPublicKey};

/// The smallest modulus the fast backend verifies, in bits.
const FAST_MIN_BITS: usize = 2048;

/// A private key prepared for the fast backend, or `None` when it will not take it.
pub fn prepare(key: &RsaPrivateKey) -> Option<Arc<RsaKeyPair>> {
    let der = key.to_pkcs1_der().ok()?;
    RsaKeyPair::from_der(der.as_bytes()).ok().map(Arc::new)
}

/// The signature of `message`, or `None` if the fast backend failed (the caller falls back).
pub fn sign(pair: &RsaKeyPair, message: &[u8]) -> Option<Vec<u8>> {
    let mut signature = vec![0; pair.public_modulus_len()];
    pair.sign(
        &RSA_PKCS1_SHA256,
        &SystemRandom::new(),
        message,
        &mut signature,
    )
    .ok()?;
    Some(signature)
}

/// Whether `signature` is `key`'s over `message`; `None` when the fast backend does not take
/// the key.
pub fn verify(key: &RsaPublicKey, message: &[u8], signature: &[u8]) -> Option<bool> {
    if key.size() * 8 < FAST_MIN_BITS {
        return None;
    }
    let der = key.to_pkcs1_der().ok()?;
    let public = UnparsedPublicKey::new(&RSA_PKCS1_2048_8192_SHA256, der.as_bytes());
    Some(public.verify(message, signature).is_ok())
}
