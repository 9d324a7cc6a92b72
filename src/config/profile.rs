//! Resolving a profile: the config file's keys (with DEFAULT inherited), the command line
//! and environment overrides, validation, key-file check, and the service endpoints.

use std::path::PathBuf;

use super::config_error::{ConfigError, ConfigProblem, ProblemKind};
use super::connection::{AuthMethod, ConnectionArgs};
use super::endpoint::parse_endpoint;
use super::environment::Environment;
use super::ini::Entry;
use super::locate::{config_path, profile_name, read_config};
use super::region::{
    IDENTITY_BASE_PATH, ORGANIZATIONS_BASE_PATH, SEARCH_BASE_PATH, parse_region_metadata,
    resolve_region,
};
use super::validate::{is_fingerprint, is_ocid};

/// Everything needed to reach and authenticate to a tenancy, resolved from one profile.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResolvedProfile {
    /// The profile's name in the config file.
    pub name: String,
    pub config_path: PathBuf,
    pub auth: AuthMethod,
    /// The user OCID; absent for session-token profiles made by `oci session authenticate`.
    pub user: Option<String>,
    pub tenancy: String,
    /// The fingerprint the config claims for the key (it goes into the key id).
    pub fingerprint: String,
    pub key_file: PathBuf,
    /// The region id, absent when only `--endpoint` was given.
    pub region: Option<String>,
    /// Identity service root, without `/20160918` and without a trailing slash.
    pub identity_endpoint: String,
    /// Organizations service root, without `/20230401` and without a trailing slash.
    pub organizations_endpoint: String,
    /// Resource Search service root, without `/20180409` and without a trailing slash.
    pub search_endpoint: String,
    pub pass_phrase: Option<String>,
    pub security_token_file: Option<PathBuf>,
    /// `OCI_CLI_SUPPRESS_FILE_PERMISSIONS_WARNING` was set.
    pub suppress_permission_warnings: bool,
}

impl ResolvedProfile {
    /// The identity API root, e.g. `https://identity.us-ashburn-1.oci.oraclecloud.com/20160918`.
    pub fn identity_base_url(&self) -> String {
        format!("{}{IDENTITY_BASE_PATH}", self.identity_endpoint)
    }

    /// The organizations API root, ending in `/20230401`.
    pub fn organizations_base_url(&self) -> String {
        format!("{}{ORGANIZATIONS_BASE_PATH}", self.organizations_endpoint)
    }

    /// The Resource Search API root, ending in `/20180409`.
    pub fn search_base_url(&self) -> String {
        format!("{}{SEARCH_BASE_PATH}", self.search_endpoint)
    }
}

/// Resolves the profile the user asked for, exactly as the OCI CLI would pick it, reporting
/// every problem with the profile at once.
pub fn resolve_profile(
    args: &ConnectionArgs,
    env: &Environment,
) -> Result<ResolvedProfile, ConfigError> {
    let path = config_path(args, env)?;
    let ini = read_config(&path)?;
    let name = profile_name(args, env);
    let mut entries = ini
        .merged(&name)
        .ok_or_else(|| ConfigError::ProfileNotFound {
            path: path.clone(),
            profile: name.clone(),
            available: ini.profile_names(),
        })?;
    apply_env_overrides(&mut entries, env);
    let get = |key: &str| entries.iter().find(|e| e.key == key && !e.value.is_empty());
    if entries.iter().any(|e| e.key == "key_content") {
        return Err(ConfigError::KeyContentInFile {
            path,
            profile: name,
        });
    }

    let auth = match args.auth {
        Some(auth) => auth,
        None => match env.var("OCI_CLI_AUTH") {
            Some(value) => {
                AuthMethod::parse(value).ok_or_else(|| ConfigError::UnsupportedAuth {
                    value: value.to_string(),
                })?
            }
            // A profile from `oci session authenticate` has a token file and no user.
            None if get("security_token_file").is_some() && get("user").is_none() => {
                AuthMethod::SecurityToken
            }
            None => AuthMethod::ApiKey,
        },
    };
    let endpoint = args
        .endpoint
        .clone()
        .or_else(|| env.var("OCI_CLI_ENDPOINT").map(str::to_string));
    let (region_value, region_origin) = region_source(args, env, get("region"));

    let mut problems = Vec::new();
    let mut require = |key: &str, needed: bool, check: fn(&str) -> bool| match get(key) {
        None if needed => problems.push(ConfigProblem {
            key: key.to_string(),
            kind: ProblemKind::Missing,
            origin: None,
        }),
        Some(e) if !check(&e.value) => problems.push(ConfigProblem {
            key: key.to_string(),
            kind: ProblemKind::Malformed,
            origin: Some(origin_of(e)),
        }),
        _ => {}
    };
    require("user", auth == AuthMethod::ApiKey, is_ocid);
    require("fingerprint", true, is_fingerprint);
    require("key_file", true, |_| true);
    require("tenancy", true, is_ocid);
    require(
        "security_token_file",
        auth == AuthMethod::SecurityToken,
        |_| true,
    );
    if region_value.is_none() && endpoint.is_none() {
        problems.push(ConfigProblem {
            key: "region".into(),
            kind: ProblemKind::Missing,
            origin: None,
        });
    }
    if !problems.is_empty() {
        return Err(ConfigError::Invalid {
            path,
            profile: name,
            problems,
        });
    }
    let value = |key: &str| get(key).map(|e| e.value.clone());
    let key_entry = get("key_file").cloned().unwrap_or_else(|| Entry {
        key: "key_file".into(),
        value: String::new(),
        line: 0,
    });
    let key_file = env.expand_tilde(&key_entry.value);
    // Following links, as reading the key will; anything but a regular file is named.
    match std::fs::metadata(&key_file) {
        Ok(meta) if !meta.is_file() => {
            return Err(ConfigError::KeyFileNotAFile {
                path,
                profile: name,
                what: crate::files::describe(&meta.file_type()),
                key_file,
                origin: origin_of(&key_entry),
            });
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound || key_entry.value.is_empty() => {
            return Err(ConfigError::KeyFileNotFound {
                path,
                profile: name,
                key_file,
                origin: origin_of(&key_entry),
            });
        }
        // A regular file, or unreadable for another reason (a directory on the way we may not
        // search): reading the key says why, in the system's own words.
        Ok(_) | Err(_) => {}
    }

    let extra = extra_regions(env);
    let resolved_region = match &region_value {
        Some(v) => match resolve_region(v, &extra, env.var("OCI_DEFAULT_REALM")) {
            Ok(r) => Some(r),
            // With an explicit endpoint the region only labels the connection.
            Err(_) if endpoint.is_some() => None,
            Err(unknown) => {
                return Err(ConfigError::UnknownRegion {
                    path,
                    profile: name,
                    origin: region_origin,
                    value: unknown.value,
                    suggestion: unknown.suggestion,
                });
            }
        },
        None => None,
    };
    let (identity_endpoint, organizations_endpoint, search_endpoint) =
        match (&endpoint, &resolved_region) {
            (Some(url), _) => {
                let root = parse_endpoint(url)?;
                (root.clone(), root.clone(), root)
            }
            (None, Some(r)) => (
                r.identity_endpoint(),
                r.organizations_endpoint(),
                r.search_endpoint(),
            ),
            // Unreachable: validation required a region or an endpoint.
            (None, None) => (String::new(), String::new(), String::new()),
        };

    Ok(ResolvedProfile {
        auth,
        user: value("user"),
        tenancy: value("tenancy").unwrap_or_default(),
        fingerprint: value("fingerprint").unwrap_or_default(),
        key_file,
        region: resolved_region.map(|r| r.id).or(region_value),
        identity_endpoint,
        organizations_endpoint,
        search_endpoint,
        pass_phrase: value("pass_phrase"),
        security_token_file: value("security_token_file").map(|p| env.expand_tilde(&p)),
        suppress_permission_warnings: env.flag("OCI_CLI_SUPPRESS_FILE_PERMISSIONS_WARNING"),
        name,
        config_path: path,
    })
}

/// The region to use and where it came from: `--region`/`OCI_CLI_REGION`, the profile,
/// then `OCI_REGION`.
fn region_source(
    args: &ConnectionArgs,
    env: &Environment,
    from_file: Option<&Entry>,
) -> (Option<String>, String) {
    if let Some(r) = &args.region {
        return (Some(r.clone()), "--region".into());
    }
    if let Some(r) = env.var("OCI_CLI_REGION") {
        return (Some(r.to_string()), "OCI_CLI_REGION".into());
    }
    if let Some(e) = from_file {
        return (Some(e.value.clone()), origin_of(e));
    }
    match env.var("OCI_REGION") {
        Some(r) => (Some(r.to_string()), "OCI_REGION".into()),
        None => (None, String::new()),
    }
}

/// Regions the user declared in `~/.oci/regions-config.json` and `OCI_REGION_METADATA`.
pub(super) fn extra_regions(env: &Environment) -> Vec<super::region::RegionMetadata> {
    let mut extra = env
        .home()
        .and_then(|h| std::fs::read_to_string(h.join(".oci").join("regions-config.json")).ok())
        .map(|text| parse_region_metadata(&text))
        .unwrap_or_default();
    if let Some(meta) = env.var("OCI_REGION_METADATA") {
        extra.extend(parse_region_metadata(meta));
    }
    extra
}

/// The line number given to values that came from an environment variable.
const FROM_ENV: usize = 0;

/// The CLI's `OCI_CLI_*` variables that override a profile's keys.
const ENV_OVERRIDES: &[(&str, &str)] = &[
    ("OCI_CLI_USER", "user"),
    ("OCI_CLI_TENANCY", "tenancy"),
    ("OCI_CLI_FINGERPRINT", "fingerprint"),
    ("OCI_CLI_KEY_FILE", "key_file"),
    ("OCI_CLI_PASSPHRASE", "pass_phrase"),
    ("OCI_CLI_SECURITY_TOKEN_FILE", "security_token_file"),
];

fn apply_env_overrides(entries: &mut Vec<Entry>, env: &Environment) {
    for (var, key) in ENV_OVERRIDES {
        if let Some(value) = env.var(var) {
            entries.retain(|e| e.key != *key);
            entries.push(Entry {
                key: (*key).to_string(),
                value: value.to_string(),
                line: FROM_ENV,
            });
        }
    }
}

/// Where a value came from, for messages: `line 4`, or the variable that set it.
fn origin_of(entry: &Entry) -> String {
    if entry.line != FROM_ENV {
        return format!("line {}", entry.line);
    }
    ENV_OVERRIDES
        .iter()
        .find(|(_, key)| *key == entry.key)
        .map_or_else(
            || "the environment".to_string(),
            |(var, _)| (*var).to_string(),
        )
}
