//! The signed HTTP client for the Identity and Organizations services.

pub mod export;
