//! Tests of the auth layer: key loading in every PEM form, session tokens, the request
//! signer, and golden signing vectors from the official OCI Python SDK.

#[path = "auth/common.rs"]
mod common;
#[path = "auth/golden.rs"]
mod golden;
#[path = "auth/keys.rs"]
mod keys;
#[path = "auth/session.rs"]
mod session;
#[path = "auth/signer.rs"]
mod signer;
