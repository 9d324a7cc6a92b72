//! Time-based one-time passwords as RFC 6238 defines them and authenticator apps compute
//! them: HMAC-SHA1 over 30-second steps of Unix time, 6 digits, from a base32 seed.

use data_encoding::BASE32_NOPAD;
use hmac::{Hmac, Mac};
use rand::RngCore as _;
use sha1::Sha1;

use crate::model::Secret;

/// Seconds per step (RFC 6238's default, and what authenticator apps assume).
pub const STEP_SECS: i64 = 30;

/// Digits in a code.
pub const DIGITS: u32 = 6;

/// Steps accepted either side of now. Oracle documents a maximum clock difference of 90
/// seconds between the server and the authenticator app, which is three steps.
pub const WINDOW_STEPS: i64 = 3;

/// A new seed: 20 random bytes (the HMAC-SHA1 key size RFC 4226 recommends), base32 without
/// padding, as authenticator apps take it.
pub fn new_seed() -> Secret {
    let mut bytes = [0_u8; 20];
    rand::thread_rng().fill_bytes(&mut bytes);
    Secret::new(BASE32_NOPAD.encode(&bytes))
}

/// The code for `seed` at Unix time `unix_secs`, or `None` when the seed is not base32.
/// Case and `=` padding are ignored, as apps ignore them.
pub fn code_at(seed: &str, unix_secs: i64) -> Option<String> {
    let key = decode_seed(seed)?;
    Some(hotp(&key, unix_secs.div_euclid(STEP_SECS)))
}

/// True when `code` is the code of a step within [`WINDOW_STEPS`] of `unix_secs`.
pub fn verify(seed: &str, code: &str, unix_secs: i64) -> bool {
    let Some(key) = decode_seed(seed) else {
        return false;
    };
    let now = unix_secs.div_euclid(STEP_SECS);
    (-WINDOW_STEPS..=WINDOW_STEPS).any(|offset| hotp(&key, now + offset) == code)
}

fn decode_seed(seed: &str) -> Option<Vec<u8>> {
    let normal: String = seed
        .trim()
        .trim_end_matches('=')
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| c.to_ascii_uppercase())
        .collect();
    BASE32_NOPAD.decode(normal.as_bytes()).ok()
}

/// RFC 4226 HOTP with dynamic truncation.
fn hotp(key: &[u8], counter: i64) -> String {
    // HMAC accepts keys of any length, so this cannot fail.
    let Ok(mut mac) = Hmac::<Sha1>::new_from_slice(key) else {
        return String::new();
    };
    mac.update(&counter.to_be_bytes());
    let digest = mac.finalize().into_bytes();
    let offset = usize::from(digest[digest.len() - 1] & 0x0f);
    let word = u32::from_be_bytes([
        digest[offset] & 0x7f,
        digest[offset + 1],
        digest[offset + 2],
        digest[offset + 3],
    ]);
    format!(
        "{:0width$}",
        word % 10_u32.pow(DIGITS),
        width = DIGITS as usize
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// RFC 6238 appendix B, SHA-1 vectors (8 digits there; the last 6 here).
    #[test]
    fn rfc_6238_vectors() {
        let seed = BASE32_NOPAD.encode(b"12345678901234567890");
        for (time, code) in [
            (59, "287082"),
            (1_111_111_109, "081804"),
            (1_111_111_111, "050471"),
            (1_234_567_890, "005924"),
            (2_000_000_000, "279037"),
            (20_000_000_000, "353130"),
        ] {
            assert_eq!(code_at(&seed, time).as_deref(), Some(code), "at {time}");
        }
    }

    #[test]
    fn verify_accepts_the_window_and_nothing_beyond() {
        let seed = new_seed();
        let seed = seed.expose();
        let now = 1_800_000_000;
        let code = code_at(seed, now).unwrap();
        assert!(verify(seed, &code, now));
        assert!(verify(seed, &code, now + 90));
        assert!(verify(seed, &code, now - 90));
        assert!(!verify(seed, &code, now + 150));
        assert!(!verify(seed, "not-a-code", now));
        assert!(
            code_at(&seed.to_lowercase(), now).is_some(),
            "case is ignored"
        );
        assert_eq!(code_at("1!", now), None);
    }
}
