//! canopy: a terminal UI for browsing, auditing and editing the identity and access setup of
//! an Oracle Cloud Infrastructure tenancy.
//!
//! Layers, each looking only down the list:
//! - [`text`] and [`files`]: what every layer prints and writes goes through these (sanitized
//!   strings; owner-only files that are never a device, FIFO or link).
//! - [`model`]: the tenancy's resources as wire types (serde), no I/O.
//! - [`config`]: `~/.oci/config` profiles and canopy's own settings.
//! - [`auth`]: private keys, fingerprints, request signing.
//! - [`api`]: the signed HTTP client for Identity and Organizations, and `canopy export`.
//! - [`emulator`]: a local OCI server speaking the same wire protocol, for `--demo` and tests.
//! - [`policy`]: the policy-statement parser, linter and effective-permission analyser.
//! - [`app`]: state, actions, requests and responses, the worker and the event loop.
//! - [`ui`]: panes, widgets, theme and keymap, rendered from state.

pub mod api;
pub mod app;
pub mod arenas;
pub mod auth;
pub mod config;
pub mod emulator;
pub mod files;
pub mod model;
pub mod policy;
pub mod priority;
pub mod text;
pub mod ui;
