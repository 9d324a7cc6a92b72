//! Configuration: OCI CLI config profiles, environment variables, and canopy's own settings.

pub mod connection;

pub use connection::ConnectionArgs;
