//! Configuration: OCI CLI config profiles, environment variables, and canopy's own settings.

mod config_error;
pub mod connection;
mod endpoint;
pub mod environment;
mod home_region;
pub mod ini;
mod locate;
pub mod profile;
pub mod region;
mod region_table;
pub mod settings;
pub mod validate;

pub use config_error::{ConfigError, ConfigProblem, ProblemKind};
pub use connection::{AuthMethod, ConnectionArgs};
pub use endpoint::parse_endpoint;
pub use environment::Environment;
pub use home_region::{HomeRegion, RegionRoutes};
pub use locate::config_path;
pub use profile::{ResolvedProfile, resolve_profile};
pub use region::{IDENTITY_BASE_PATH, ORGANIZATIONS_BASE_PATH, ResolvedRegion, resolve_region};
pub use settings::{ProfileSettings, Settings};
