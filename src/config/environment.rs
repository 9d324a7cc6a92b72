//! The process environment as the config resolver sees it: variables and the home directory.
//! Passed in explicitly so tests can set up any environment without touching the real one.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Environment variables plus the home directory used for `~` expansion.
#[derive(Debug, Clone, Default)]
pub struct Environment {
    vars: HashMap<String, String>,
    home: Option<PathBuf>,
}

impl Environment {
    /// The real environment of this process.
    pub fn from_process() -> Self {
        Self {
            vars: std::env::vars().collect(),
            home: directories::BaseDirs::new().map(|d| d.home_dir().to_path_buf()),
        }
    }

    /// An environment with only the given variables and home directory (for tests and
    /// embedding).
    pub fn new<K, V>(home: Option<PathBuf>, vars: impl IntoIterator<Item = (K, V)>) -> Self
    where
        K: Into<String>,
        V: Into<String>,
    {
        Self {
            vars: vars
                .into_iter()
                .map(|(k, v)| (k.into(), v.into()))
                .collect(),
            home,
        }
    }

    /// The value of a variable, treating an empty value as unset (as the CLI does).
    pub fn var(&self, name: &str) -> Option<&str> {
        self.vars
            .get(name)
            .map(String::as_str)
            .filter(|v| !v.is_empty())
    }

    /// True when a boolean-ish variable is set to something other than false/0/no/off.
    pub fn flag(&self, name: &str) -> bool {
        self.var(name).is_some_and(|v| {
            !matches!(
                v.trim().to_ascii_lowercase().as_str(),
                "false" | "0" | "no" | "off"
            )
        })
    }

    pub fn home(&self) -> Option<&Path> {
        self.home.as_deref()
    }

    /// Expands a leading `~` or `~/` to the home directory, like Python's `expanduser`.
    /// Paths without one (or with no known home) come back unchanged.
    pub fn expand_tilde(&self, path: &str) -> PathBuf {
        let Some(home) = &self.home else {
            return PathBuf::from(path);
        };
        if path == "~" {
            return home.clone();
        }
        match path.strip_prefix("~/").or_else(|| path.strip_prefix("~\\")) {
            Some(rest) => home.join(rest),
            None => PathBuf::from(path),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tilde_expands_only_at_the_start() {
        let env = Environment::new(Some("/home/ann".into()), [("A", "")]);
        assert_eq!(
            env.expand_tilde("~/.oci/key.pem"),
            PathBuf::from("/home/ann/.oci/key.pem")
        );
        assert_eq!(env.expand_tilde("~"), PathBuf::from("/home/ann"));
        assert_eq!(env.expand_tilde("/x/~/y"), PathBuf::from("/x/~/y"));
        assert_eq!(env.var("A"), None);
    }
}
