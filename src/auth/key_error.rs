//! Everything that can stop canopy from loading a private key or session token, each variant
//! naming the file and saying what to do.

use std::path::PathBuf;

/// A private key, passphrase or session token that cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum KeyError {
    #[error("cannot read key file {}: {reason}; check key_file in your OCI config and the file's permissions", .path.display())]
    Unreadable { path: PathBuf, reason: String },
    #[error(
        "key file {} holds no PEM private key (no '-----BEGIN ... PRIVATE KEY-----' line); point key_file at the private key you created the API key from",
        .path.display()
    )]
    NotPem { path: PathBuf },
    #[error(
        "key file {} holds a public key, but a private key was expected; point key_file at the private key (the .pem without '_public')",
        .path.display()
    )]
    PublicKeyGiven { path: PathBuf },
    #[error(
        "key file {} holds a {kind} key; OCI API keys are RSA: create one with `oci setup keys` or `openssl genrsa -out key.pem 2048`",
        .path.display()
    )]
    UnsupportedKeyType { path: PathBuf, kind: String },
    #[error("key file {} is damaged: {reason}; recreate it from the original private key", .path.display())]
    Malformed { path: PathBuf, reason: String },
    #[error(
        "key file {} is encrypted and needs a passphrase; add `pass_phrase = ...` to the profile or run canopy in a terminal to be asked for it",
        .path.display()
    )]
    PassphraseRequired { path: PathBuf },
    #[error(
        "the passphrase {origin} does not decrypt key file {}; check the passphrase (a key that is not encrypted never needs one)",
        .path.display()
    )]
    WrongPassphrase { path: PathBuf, origin: String },
    #[error(
        "key file {} is encrypted with {cipher}, which canopy cannot decrypt; convert it with `openssl pkcs8 -topk8 -v2 aes-256-cbc -in {} -out {}.pk8.pem`, then set key_file to the new file",
        .path.display(), .path.display(), .path.display()
    )]
    UnsupportedEncryption { path: PathBuf, cipher: String },
    #[error(
        "profile [{profile}] uses API-key authentication but has no user OCID; add `user = ocid1.user...` or use --auth security_token"
    )]
    NoUser { profile: String },
    #[error(
        "profile [{profile}] uses session-token authentication but has no security_token_file; run `oci session authenticate` to create one"
    )]
    NoSessionToken { profile: String },
    #[error("cannot read session token file {}: {reason}; run `oci session authenticate` to create a new session", .path.display())]
    SessionTokenUnreadable { path: PathBuf, reason: String },
    #[error("session token in {} is not a JWT ({reason}); run `oci session authenticate` to create a new session", .path.display())]
    SessionTokenMalformed { path: PathBuf, reason: String },
    #[error(
        "the session token in {} expired at {expired_at}; run `oci session refresh --profile {profile}` if the session can still be refreshed, or `oci session authenticate` to log in again",
        .path.display()
    )]
    SessionTokenExpired {
        path: PathBuf,
        profile: String,
        expired_at: String,
    },
}
