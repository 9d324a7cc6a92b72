//! A throwaway home directory with an OCI config and key, and an environment pointing at it.

use std::path::{Path, PathBuf};

use canopy::config::{ConfigError, ConnectionArgs, Environment, ResolvedProfile, resolve_profile};

pub const USER: &str = "ocid1.user.oc1..aaaaaaaauser";
pub const TENANCY: &str = "ocid1.tenancy.oc1..aaaaaaaatenancy";
pub const FINGERPRINT: &str = "07:de:6c:ee:a8:e2:49:d0:3d:87:43:4d:9e:1c:69:5f";

pub struct Home {
    pub dir: tempfile::TempDir,
    pub vars: Vec<(String, String)>,
}

impl Home {
    /// An empty home directory with a copy of the test key at `~/.oci/key.pem`.
    pub fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join(".oci")).unwrap();
        std::fs::copy(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/keys/pkcs8.pem"),
            dir.path().join(".oci/key.pem"),
        )
        .unwrap();
        Self {
            dir,
            vars: Vec::new(),
        }
    }

    pub fn path(&self, relative: &str) -> PathBuf {
        self.dir.path().join(relative)
    }

    /// Writes a file relative to home, creating directories.
    pub fn write(&self, relative: &str, text: &str) -> PathBuf {
        let path = self.path(relative);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, text).unwrap();
        path
    }

    /// Writes `~/.oci/config`.
    pub fn config(&self, text: &str) -> PathBuf {
        self.write(".oci/config", text)
    }

    pub fn var(mut self, name: &str, value: &str) -> Self {
        self.vars.push((name.into(), value.into()));
        self
    }

    pub fn env(&self) -> Environment {
        Environment::new(Some(self.dir.path().to_path_buf()), self.vars.clone())
    }

    pub fn resolve(&self, args: &ConnectionArgs) -> Result<ResolvedProfile, ConfigError> {
        resolve_profile(args, &self.env())
    }
}

/// A complete profile body (without header) using the test key.
pub fn full_profile(region: &str) -> String {
    format!(
        "user={USER}\nfingerprint={FINGERPRINT}\nkey_file=~/.oci/key.pem\ntenancy={TENANCY}\nregion={region}\n"
    )
}

pub fn args() -> ConnectionArgs {
    ConnectionArgs::default()
}
