//! The flags every command that talks to a tenancy shares: which config, profile, region and
//! endpoint, or the embedded demo tenancy instead.

use std::path::PathBuf;

use clap::{Args, ValueEnum};

#[derive(Debug, Clone, Default, Args)]
pub struct ConnectionArgs {
    /// Config file to read (default: ~/.oci/config, as the OCI CLI does).
    #[arg(long, env = "OCI_CLI_CONFIG_FILE", value_name = "FILE")]
    pub config_file: Option<PathBuf>,
    /// Profile in the config file (default: DEFAULT).
    #[arg(long, env = "OCI_CLI_PROFILE", value_name = "NAME")]
    pub profile: Option<String>,
    /// Region id or short code, overriding the profile's.
    #[arg(long, env = "OCI_CLI_REGION", value_name = "REGION")]
    pub region: Option<String>,
    /// Service endpoint, e.g. `http://127.0.0.1:8080`, overriding the region's.
    #[arg(long, env = "OCI_CLI_ENDPOINT", value_name = "URL")]
    pub endpoint: Option<String>,
    /// How to authenticate: `api_key`, or `security_token` for `oci session authenticate`
    /// profiles (default: `api_key`, or `security_token` for a profile with a token file
    /// and no user).
    #[arg(long, value_enum, value_name = "METHOD")]
    pub auth: Option<AuthMethod>,
    /// Use the embedded demo tenancy: starts a local emulator, nothing to set up.
    #[arg(long)]
    pub demo: bool,
    /// With --demo: sign in as this user (name or OCID) instead of the administrator, with
    /// the demo's policies enforced, to see the tenancy as they do.
    #[arg(long = "as", value_name = "USER", requires = "demo")]
    pub as_user: Option<String>,
}

/// The authentication methods canopy supports, named as the OCI CLI's `--auth` names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
#[value(rename_all = "snake_case")]
pub enum AuthMethod {
    /// A user's API signing key (`user`, `fingerprint`, `key_file`).
    ApiKey,
    /// A session token from `oci session authenticate` (`security_token_file`).
    SecurityToken,
}

impl AuthMethod {
    /// Parses the CLI's spelling (`api_key`, `security_token`), as in `OCI_CLI_AUTH`.
    pub fn parse(value: &str) -> Option<Self> {
        match value.trim().to_ascii_lowercase().as_str() {
            "api_key" => Some(Self::ApiKey),
            "security_token" => Some(Self::SecurityToken),
            _ => None,
        }
    }
}
