//! Everything that can be wrong with the OCI config or canopy's settings, each variant naming
//! the file, the profile and the key involved and saying how to fix it.

use std::fmt;
use std::path::PathBuf;

/// A config or settings problem the user has to fix before canopy can connect.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ConfigError {
    #[error(
        "no OCI config file found (looked for {}); create one with `oci setup config`, pass --config-file, or set OCI_CLI_CONFIG_FILE",
        list_paths(.tried)
    )]
    NoConfigFile { tried: Vec<PathBuf> },
    #[error(
        "config file {} does not exist; check --config-file / OCI_CLI_CONFIG_FILE / OCI_CONFIG_FILE, or create it with `oci setup config`",
        .path.display()
    )]
    FileNotFound { path: PathBuf },
    #[error("cannot read config file {}: {reason}; make sure it is a readable text file", .path.display())]
    Unreadable { path: PathBuf, reason: String },
    #[error(
        "config file {}, line {line}: {reason}; each profile is a [NAME] header followed by key=value lines",
        .path.display()
    )]
    Syntax {
        path: PathBuf,
        line: usize,
        reason: String,
    },
    #[error(
        "profile '{profile}' not found in config file {}; profiles there: {}; choose one with --profile or OCI_CLI_PROFILE",
        .path.display(),
        list_names(.available)
    )]
    ProfileNotFound {
        path: PathBuf,
        profile: String,
        available: Vec<String>,
    },
    #[error(
        "config file {}, profile [{profile}]: 'key_content' cannot be specified in a config file for security reasons; save the key to a file and set key_file to its path instead",
        .path.display()
    )]
    KeyContentInFile { path: PathBuf, profile: String },
    #[error(
        "config file {}, profile [{profile}] is not usable:\n{}",
        .path.display(),
        list_problems(.problems)
    )]
    Invalid {
        path: PathBuf,
        profile: String,
        problems: Vec<ConfigProblem>,
    },
    #[error(
        "config file {}, profile [{profile}]: key_file {} (from {origin}) does not exist; fix the path, or create a key pair with `oci setup keys` and upload the public key",
        .path.display(),
        .key_file.display()
    )]
    KeyFileNotFound {
        path: PathBuf,
        profile: String,
        key_file: PathBuf,
        /// `line N` of the config file, or the variable that set it.
        origin: String,
    },
    #[error(
        "config file {}, profile [{profile}]: key_file {} (from {origin}) is {what}, not a key file; set key_file to the PEM file of your API signing key",
        .path.display(),
        .key_file.display()
    )]
    KeyFileNotAFile {
        path: PathBuf,
        profile: String,
        key_file: PathBuf,
        origin: String,
        /// "a directory", "a device", ...
        what: &'static str,
    },
    #[error(
        "config file {}, profile [{profile}]: region '{value}' (from {origin}) is not a known OCI region{}; use a region id such as us-ashburn-1 or a short code such as iad",
        .path.display(),
        .suggestion.as_ref().map(|s| format!(" (did you mean {s}?)")).unwrap_or_default()
    )]
    UnknownRegion {
        path: PathBuf,
        profile: String,
        origin: String,
        value: String,
        suggestion: Option<String>,
    },
    #[error(
        "endpoint '{value}' is not usable: {reason}; give a URL such as https://identity.us-ashburn-1.oci.oraclecloud.com or http://127.0.0.1:8080"
    )]
    BadEndpoint { value: String, reason: String },
    #[error(
        "authentication method '{value}' (from --auth or OCI_CLI_AUTH) is not supported by canopy; use api_key or security_token"
    )]
    UnsupportedAuth { value: String },
    #[error("cannot read settings file {}: {reason}; fix its permissions or remove it", .path.display())]
    SettingsUnreadable { path: PathBuf, reason: String },
    #[error(
        "settings file {} is invalid: {reason}; it accepts `keymap = \"PATH\"`, `cache = true|false` and `[profiles.NAME]` tables with `read_only = true|false`",
        .path.display()
    )]
    SettingsInvalid { path: PathBuf, reason: String },
}

/// One bad key in a profile, as `validate_config` reports it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigProblem {
    pub key: String,
    pub kind: ProblemKind,
    /// Where the bad value came from: `line N`, or the variable that set it (absent for
    /// missing keys).
    pub origin: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProblemKind {
    Missing,
    Malformed,
}

impl fmt::Display for ConfigProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let what = match self.kind {
            ProblemKind::Missing => "missing".to_string(),
            ProblemKind::Malformed => match &self.origin {
                Some(origin) => format!("malformed ({origin})"),
                None => "malformed".to_string(),
            },
        };
        write!(f, "  - {}: {what}; {}", self.key, fix_hint(&self.key))
    }
}

fn fix_hint(key: &str) -> &'static str {
    match key {
        "user" => {
            "set `user = ocid1.user.oc1..<id>` (Console: Profile > My profile > OCID), or use --auth security_token"
        }
        "tenancy" => "set `tenancy = ocid1.tenancy.oc1..<id>` (Console: Profile > Tenancy > OCID)",
        "fingerprint" => {
            "set `fingerprint` to the API key's fingerprint as shown in the Console: 16 lower-case hex pairs separated by ':'"
        }
        "key_file" => "set `key_file` to the path of your PEM private key",
        "region" => {
            "set `region = us-ashburn-1` (or a short code like iad), set OCI_REGION, or pass --region or --endpoint"
        }
        "security_token_file" => {
            "run `oci session authenticate` to create a session profile, or use --auth api_key"
        }
        _ => "fix or remove this key",
    }
}

fn list_paths(paths: &[PathBuf]) -> String {
    paths
        .iter()
        .map(|p| p.display().to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

/// The first names and how many more: a config can hold thousands of profiles.
fn list_names(names: &[String]) -> String {
    const SHOWN: usize = 20;
    match names.len() {
        0 => "none".to_string(),
        n if n <= SHOWN => names.join(", "),
        n => format!("{} and {} more", names[..SHOWN].join(", "), n - SHOWN),
    }
}

fn list_problems(problems: &[ConfigProblem]) -> String {
    problems
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("\n")
}
