//! Authentication: loading private keys, key fingerprints, and OCI request signing.

pub mod signature;
