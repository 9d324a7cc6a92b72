//! Every file canopy writes goes through here: owner-only (0600) in owner-only directories
//! (0700) it creates, replaced atomically, and only ever a regular file. A device, a FIFO, a
//! directory or a symbolic link at the target is refused with a message, never replaced.

use std::io::Write as _;
use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum FileError {
    #[error(
        "{path} is {what}, not a regular file: canopy writes only regular files (name a new or ordinary file, or - for standard output)"
    )]
    NotRegular { path: PathBuf, what: &'static str },
    #[error(
        "{path} is a symbolic link (to {target}): canopy does not replace what a link points at; name the file itself"
    )]
    Symlink { path: PathBuf, target: String },
    #[error("cannot write {path}: {source}; check the directory exists and is writable")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// What kind of thing is at `path`, if anything, without following a link.
fn existing(path: &Path) -> Result<Option<std::fs::Metadata>, FileError> {
    match std::fs::symlink_metadata(path) {
        Ok(m) => Ok(Some(m)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(source) => Err(FileError::Io {
            path: path.into(),
            source,
        }),
    }
}

/// Refuses anything at `path` that is not a regular file.
pub fn check_target(path: &Path) -> Result<(), FileError> {
    let Some(meta) = existing(path)? else {
        return Ok(());
    };
    let kind = meta.file_type();
    if kind.is_symlink() {
        let target =
            std::fs::read_link(path).map_or_else(|_| "?".to_string(), |t| t.display().to_string());
        return Err(FileError::Symlink {
            path: path.into(),
            target,
        });
    }
    if kind.is_file() {
        return Ok(());
    }
    Err(FileError::NotRegular {
        path: path.into(),
        what: describe(&kind),
    })
}

/// "a directory", "a device", ... for a message about what is at a path.
#[cfg(unix)]
pub fn describe(kind: &std::fs::FileType) -> &'static str {
    use std::os::unix::fs::FileTypeExt as _;
    if kind.is_dir() {
        "a directory"
    } else if kind.is_char_device() || kind.is_block_device() {
        "a device"
    } else if kind.is_fifo() {
        "a FIFO (named pipe)"
    } else if kind.is_socket() {
        "a socket"
    } else {
        "not an ordinary file"
    }
}

#[cfg(not(unix))]
pub fn describe(kind: &std::fs::FileType) -> &'static str {
    if kind.is_dir() {
        "a directory"
    } else {
        "not an ordinary file"
    }
}

/// Creates `dir` (and its parents) if missing; the directories canopy creates are 0700.
pub fn private_dir(dir: &Path) -> Result<(), FileError> {
    let io = |source| FileError::Io {
        path: dir.into(),
        source,
    };
    if dir.as_os_str().is_empty() || dir.is_dir() {
        return Ok(());
    }
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt as _;
        builder.mode(0o700);
    }
    builder.create(dir).map_err(io)
}

/// Writes `bytes` to `path` as a new owner-only file, atomically: a temporary file in the
/// same directory, then a rename onto the target (a regular file, or nothing).
pub fn write_private(path: &Path, bytes: &[u8]) -> Result<(), FileError> {
    write_private_with(path, |file| file.write_all(bytes))
}

/// The same, with the content written by `write` as it is made (a large document streams to
/// the file instead of being held in memory whole).
pub fn write_private_with(
    path: &Path,
    write: impl FnOnce(&mut dyn std::io::Write) -> std::io::Result<()>,
) -> Result<(), FileError> {
    check_target(path)?;
    let io = |source| FileError::Io {
        path: path.into(),
        source,
    };
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    // tempfile creates with 0600 on Unix.
    let mut file = tempfile::NamedTempFile::new_in(dir).map_err(io)?;
    {
        let mut buffered = std::io::BufWriter::with_capacity(1 << 16, file.as_file_mut());
        write(&mut buffered).map_err(io)?;
        buffered.flush().map_err(io)?;
    }
    file.as_file().sync_all().map_err(io)?;
    // Checked again just before the rename: something may have appeared meanwhile.
    check_target(path)?;
    file.persist(path).map_err(|e| io(e.error))?;
    Ok(())
}

#[cfg(test)]
#[path = "files_tests.rs"]
mod tests;
