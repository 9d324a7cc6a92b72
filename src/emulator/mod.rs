//! The local OCI server: Identity and Organizations over plain HTTP on loopback.

pub mod cli;
pub mod seed;
