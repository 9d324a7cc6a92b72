//! Paths to the committed throwaway keys and helpers shared by the auth tests.

use std::path::PathBuf;

pub const PASSPHRASE: &str = "canopy-test";

/// A file under `tests/fixtures/keys/`.
pub fn key_path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/keys")
        .join(name)
}

/// The fingerprint `openssl ... | openssl md5 -c` computed for the test key.
pub fn fingerprint() -> String {
    std::fs::read_to_string(key_path("fingerprint.txt"))
        .unwrap()
        .trim()
        .to_string()
}
