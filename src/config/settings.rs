//! canopy's own settings (`settings.toml` in the platform config directory): per-profile
//! read-only mode and the path of a user keymap. Loading and errors only; the TUI applies them.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::config_error::ConfigError;
use super::environment::Environment;

/// The whole settings file. A missing file means all defaults.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    /// A keymap file merged over the built-in one (`~` allowed).
    pub keymap: Option<PathBuf>,
    /// `cache = false` turns the warm-start cache off (as `--no-cache` does).
    pub cache: Option<bool>,
    /// Per-profile settings, keyed by profile name as in the OCI config.
    #[serde(default)]
    pub profiles: BTreeMap<String, ProfileSettings>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProfileSettings {
    /// Refuse every change (create, update, delete) while this profile is in use.
    #[serde(default)]
    pub read_only: bool,
}

impl Settings {
    /// Where the settings file lives (`~/.config/canopy/settings.toml` on Linux), if the
    /// platform has a config directory.
    pub fn default_path() -> Option<PathBuf> {
        directories::ProjectDirs::from("", "", "canopy")
            .map(|d| d.config_dir().join("settings.toml"))
    }

    /// Loads the file at the default path; defaults when there is none.
    pub fn load_default(env: &Environment) -> Result<Self, ConfigError> {
        match Self::default_path() {
            Some(path) => Self::load(&path, env),
            None => Ok(Self::default()),
        }
    }

    /// Loads a settings file; a missing file gives the defaults. `~` in the keymap path is
    /// expanded.
    pub fn load(path: &Path, env: &Environment) -> Result<Self, ConfigError> {
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Self::default()),
            Err(e) => {
                return Err(ConfigError::SettingsUnreadable {
                    path: path.to_path_buf(),
                    reason: e.to_string(),
                });
            }
        };
        let mut settings: Self =
            toml::from_str(&text).map_err(|e| ConfigError::SettingsInvalid {
                path: path.to_path_buf(),
                reason: e.message().to_string(),
            })?;
        settings.keymap = settings
            .keymap
            .map(|p| env.expand_tilde(&p.to_string_lossy()));
        Ok(settings)
    }

    /// Whether changes are refused for this profile.
    pub fn is_read_only(&self, profile: &str) -> bool {
        self.profiles.get(profile).is_some_and(|p| p.read_only)
    }
}
