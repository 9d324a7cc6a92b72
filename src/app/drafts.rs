//! Unsaved policy edits, kept in a drafts file in the data directory until they are saved or
//! discarded, so a dropped SSH session or a crash loses nothing.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// One policy being edited.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Draft {
    pub policy_id: String,
    pub policy_name: String,
    /// The etag of the version the edit started from.
    pub etag: Option<String>,
    /// The statements as they were when the edit started.
    pub base: Vec<String>,
    /// The editor's text, one statement per line.
    pub text: String,
    /// Where the policy is attached: names in statements are read from there. Drafts
    /// written before canopy kept it have none, and take it from the policy list.
    #[serde(default)]
    pub compartment_id: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Drafts {
    /// Current drafts by policy OCID.
    pub items: BTreeMap<String, Draft>,
    /// Changed since last written; the event loop writes after a short quiet period.
    pub dirty: bool,
    /// Drafts found on disk at start, waiting for the user to restore or discard them.
    pub found: Vec<Draft>,
}

#[derive(Debug, thiserror::Error)]
pub enum DraftsError {
    #[error("cannot read drafts file {path}: {source} (move it away to start without drafts)")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("drafts file {path} is damaged: {source} (move it away to start without drafts)")]
    Parse {
        path: PathBuf,
        source: serde_json::Error,
    },
    #[error("cannot write drafts file {path}: {source} (check the data directory's permissions)")]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
}

impl Drafts {
    pub fn put(&mut self, draft: Draft) {
        if self.items.get(&draft.policy_id) != Some(&draft) {
            self.items.insert(draft.policy_id.clone(), draft);
            self.dirty = true;
        }
    }

    pub fn remove(&mut self, policy_id: &str) {
        if self.items.remove(policy_id).is_some() {
            self.dirty = true;
        }
    }
}

/// `<data dir>/drafts.json`, e.g. `~/.local/share/canopy/drafts.json` on Linux.
pub fn default_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "canopy").map(|d| d.data_dir().join("drafts.json"))
}

/// Reads the drafts file; a missing file means no drafts.
pub fn load(path: &Path) -> Result<Vec<Draft>, DraftsError> {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(source) => {
            return Err(DraftsError::Read {
                path: path.into(),
                source,
            });
        }
    };
    serde_json::from_str(&text).map_err(|source| DraftsError::Parse {
        path: path.into(),
        source,
    })
}

/// Writes the drafts atomically (temp file then rename) so a kill mid-write never leaves a
/// damaged file; no drafts removes the file.
pub fn store(path: &Path, drafts: &Drafts) -> Result<(), DraftsError> {
    let write_err = |source| DraftsError::Write {
        path: path.into(),
        source,
    };
    // Drafts found at start and not yet dealt with are kept too: they are still unsaved work.
    let mut all: Vec<&Draft> = drafts.items.values().collect();
    all.extend(
        drafts
            .found
            .iter()
            .filter(|d| !drafts.items.contains_key(&d.policy_id)),
    );
    if all.is_empty() {
        return match std::fs::remove_file(path) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(write_err(e)),
            _ => Ok(()),
        };
    }
    let dir = path.parent().unwrap_or(Path::new("."));
    let file_err = |e: crate::files::FileError| write_err(std::io::Error::other(e.to_string()));
    crate::files::private_dir(dir).map_err(file_err)?;
    let text =
        serde_json::to_string_pretty(&all).map_err(|e| write_err(std::io::Error::other(e)))?;
    // Unsaved policy text can be sensitive: owner-only, like every file canopy writes.
    crate::files::write_private(path, text.as_bytes()).map_err(file_err)
}
