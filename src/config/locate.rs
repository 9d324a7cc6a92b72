//! Which config file and which profile: `--config-file`, `OCI_CLI_CONFIG_FILE`,
//! `~/.oci/config`, `OCI_CONFIG_FILE`, the legacy `~/.oraclebmc/config`; and `--profile`,
//! `OCI_CLI_PROFILE`, `default_profile` in `~/.oci/oci_cli_rc`, then `DEFAULT`.

use std::path::{Path, PathBuf};

use super::config_error::ConfigError;
use super::connection::ConnectionArgs;
use super::environment::Environment;
use super::ini::{DEFAULT_SECTION, Ini};

/// Finds the config file to read, in the CLI's and SDK's order.
pub fn config_path(args: &ConnectionArgs, env: &Environment) -> Result<PathBuf, ConfigError> {
    let explicit = args
        .config_file
        .as_ref()
        .map(|p| p.to_string_lossy().into_owned())
        .or_else(|| env.var("OCI_CLI_CONFIG_FILE").map(str::to_string));
    if let Some(path) = explicit {
        return existing(env.expand_tilde(&path));
    }
    let mut tried = Vec::new();
    if let Some(home) = env.home() {
        let default = home.join(".oci").join("config");
        if default.exists() {
            return Ok(default);
        }
        tried.push(default);
    }
    if let Some(path) = env.var("OCI_CONFIG_FILE") {
        return existing(env.expand_tilde(path));
    }
    if let Some(home) = env.home() {
        let legacy = home.join(".oraclebmc").join("config");
        if legacy.exists() {
            return Ok(legacy);
        }
        tried.push(legacy);
    }
    Err(ConfigError::NoConfigFile { tried })
}

fn existing(path: PathBuf) -> Result<PathBuf, ConfigError> {
    if path.exists() {
        Ok(path)
    } else {
        Err(ConfigError::FileNotFound { path })
    }
}

/// Reads and parses a config file.
pub fn read_config(path: &Path) -> Result<Ini, ConfigError> {
    let text = std::fs::read_to_string(path).map_err(|e| ConfigError::Unreadable {
        path: path.to_path_buf(),
        reason: e.to_string(),
    })?;
    Ini::parse(&text).map_err(|e| ConfigError::Syntax {
        path: path.to_path_buf(),
        line: e.line,
        reason: e.reason,
    })
}

/// The profile to use: `--profile`, `OCI_CLI_PROFILE`, the rc file's `default_profile`,
/// else `DEFAULT`.
pub fn profile_name(args: &ConnectionArgs, env: &Environment) -> String {
    args.profile
        .clone()
        .or_else(|| env.var("OCI_CLI_PROFILE").map(str::to_string))
        .or_else(|| rc_default_profile(env))
        .unwrap_or_else(|| DEFAULT_SECTION.to_string())
}

/// `default_profile` under `[OCI_CLI_SETTINGS]` in the CLI rc file. The rc file also holds
/// aliases and queries canopy does not use, so a file that does not parse is ignored.
fn rc_default_profile(env: &Environment) -> Option<String> {
    let path = match env.var("OCI_CLI_RC_FILE") {
        Some(p) => env.expand_tilde(p),
        None => env.home()?.join(".oci").join("oci_cli_rc"),
    };
    let ini = Ini::parse(&std::fs::read_to_string(path).ok()?).ok()?;
    ini.merged("OCI_CLI_SETTINGS")?
        .into_iter()
        .find(|e| e.key == "default_profile")
        .map(|e| e.value)
        .filter(|v| !v.is_empty())
}
