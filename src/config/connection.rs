//! The flags every command that talks to a tenancy shares: which config, profile, region and
//! endpoint, or the embedded demo tenancy instead.

use std::path::PathBuf;

use clap::Args;

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
    /// Use the embedded demo tenancy: starts a local emulator, nothing to set up.
    #[arg(long)]
    pub demo: bool,
}
