//! Problems worth telling the user about that do not stop canopy from signing. Returned as
//! values so the TUI can show them in its own way.

use std::fmt;
use std::path::PathBuf;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Warning {
    /// The key's real fingerprint differs from the profile's; the service will reject the
    /// requests unless the profile names the key that is uploaded.
    FingerprintMismatch {
        key_file: PathBuf,
        configured: String,
        actual: String,
    },
    /// Group or others have any access to the key file.
    KeyFilePermissions { key_file: PathBuf, mode: u32 },
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::FingerprintMismatch {
                key_file,
                configured,
                actual,
            } => write!(
                f,
                "the fingerprint in the profile ({configured}) does not match key file {} ({actual}); requests will be refused unless fingerprint names the uploaded key",
                key_file.display()
            ),
            Self::KeyFilePermissions { key_file, mode } => write!(
                f,
                "key file {} can be read or changed by other users (mode {:03o}); run `chmod 600 {}` (set OCI_CLI_SUPPRESS_FILE_PERMISSIONS_WARNING=True to silence this)",
                key_file.display(),
                mode & 0o777,
                key_file.display()
            ),
        }
    }
}
