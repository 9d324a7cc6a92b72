//! The warm-start cache: the last full snapshot of each profile and tenancy, kept in the XDG
//! cache directory (`~/.cache/canopy/`, a 0700 directory of 0600 files). The next start draws
//! from it at once while everything is read again in the background. A snapshot holds no
//! secrets (credential metadata only, as `canopy export` writes). A file of another format
//! version, another tenancy or that does not parse is ignored with a note, never an error.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::model::Snapshot;

/// Bumped whenever the snapshot's shape changes in a way an older file cannot be read as
/// (2: one JSON document a line, see [`lines`]).
pub const FORMAT: u32 = 2;

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Cached {
    pub format: u32,
    /// The canopy version that wrote it (for the note when it is ignored).
    pub canopy: String,
    /// Unix seconds.
    pub saved_at: i64,
    pub profile: String,
    pub tenancy_id: String,
    pub snapshot: Snapshot,
}

/// The same document as [`Cached`], written from a borrowed snapshot: the one the audit and
/// lint hold is written as it is, not copied first (a copy of a large tenancy's snapshot
/// was the largest single cost of the TUI's memory while the cache was written).
#[derive(Debug, Serialize)]
pub struct CachedRef<'a> {
    pub format: u32,
    pub canopy: &'a str,
    pub saved_at: i64,
    pub profile: &'a str,
    pub tenancy_id: &'a str,
    pub snapshot: &'a Snapshot,
}

impl Cached {
    pub fn borrowed(&self) -> CachedRef<'_> {
        CachedRef {
            format: self.format,
            canopy: &self.canopy,
            saved_at: self.saved_at,
            profile: &self.profile,
            tenancy_id: &self.tenancy_id,
            snapshot: &self.snapshot,
        }
    }
}

/// What reading the cache found.
#[derive(Debug)]
pub enum Found {
    Nothing,
    Snapshot(Box<Cached>),
    /// A file that cannot be used, and why (said once, then it is overwritten).
    Ignored(String),
}

/// The cache directory, if the platform has one.
pub fn default_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "canopy").map(|d| d.cache_dir().to_path_buf())
}

/// The file of one profile and tenancy: both in the name, made safe for a file system.
pub fn file_in(dir: &Path, profile: &str, tenancy_id: &str) -> PathBuf {
    let safe = |s: &str| -> String {
        s.chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.') {
                    c
                } else {
                    '_'
                }
            })
            .collect()
    };
    // An OCID's unique part is at its end; keep the file name short.
    let tail: String = {
        let t = safe(tenancy_id);
        let skip = t.chars().count().saturating_sub(24);
        t.chars().skip(skip).collect()
    };
    dir.join(format!("{}-{tail}.json", safe(profile)))
}

pub fn read(path: &Path, tenancy_id: &str) -> Found {
    let file = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Found::Nothing,
        Err(e) => return Found::Ignored(format!("cannot read {}: {e}", path.display())),
    };
    lines::read(
        &mut std::io::BufReader::with_capacity(1 << 16, file),
        tenancy_id,
    )
}

/// Writes the snapshot (owner-only, replacing the old file in one step).
/// Streamed: a large tenancy's snapshot is never held a second time as text.
pub fn write(path: &Path, cached: &CachedRef<'_>) -> Result<(), crate::files::FileError> {
    if let Some(dir) = path.parent() {
        crate::files::private_dir(dir)?;
    }
    crate::files::write_private_with(path, |out| lines::write(out, cached))
}

/// Removes every cached snapshot; the number of files removed.
pub fn clear(dir: &Path) -> std::io::Result<usize> {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(0),
        Err(e) => return Err(e),
    };
    let mut removed = 0;
    for entry in entries {
        let path = entry?.path();
        if path.extension().is_some_and(|x| x == "json") {
            std::fs::remove_file(&path)?;
            removed += 1;
        }
    }
    Ok(removed)
}

/// "cached 5 min ago", "cached 2 h ago", "cached 3 d ago".
pub fn age_label(saved_at: i64, now: i64) -> String {
    let minutes = (now - saved_at).max(0) / 60;
    match minutes {
        0 => "cached just now".to_string(),
        m if m < 120 => format!("cached {m} min ago"),
        m if m < 48 * 60 => format!("cached {} h ago", m / 60),
        m => format!("cached {} d ago", m / (24 * 60)),
    }
}

/// `canopy cache clear`.
#[derive(Debug, clap::Subcommand)]
pub enum CacheCommand {
    /// Remove every cached snapshot (the next start reads the tenancy afresh).
    Clear,
    /// Print where the cache is kept.
    Path,
}

pub fn run(command: &CacheCommand) -> anyhow::Result<i32> {
    let Some(dir) = default_dir() else {
        anyhow::bail!("this platform has no cache directory");
    };
    match command {
        CacheCommand::Clear => {
            let n = clear(&dir)?;
            println!("removed {n} cached snapshot(s) from {}", dir.display());
        }
        CacheCommand::Path => println!("{}", dir.display()),
    }
    Ok(0)
}

mod lines;
#[cfg(test)]
mod tests;
