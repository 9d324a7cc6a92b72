//! Where the emulator's tenancy comes from: the demo tenancy in `assets/`, a generated large
//! one, or a snapshot file (the format `canopy export` writes).

use std::path::{Path, PathBuf};
use std::str::FromStr;

use crate::model::{LifecycleState, Snapshot, User};

mod large;

pub use large::{LARGE_ADMIN_USER, Targets};

/// What `--seed` names.
#[derive(Debug, Clone, PartialEq)]
pub enum SeedSource {
    Demo,
    Large { scale: f64 },
    File(PathBuf),
}

impl FromStr for SeedSource {
    type Err = SeedError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "" => Err(SeedError::Empty),
            "demo" => Ok(Self::Demo),
            "large" => Ok(Self::Large { scale: 1.0 }),
            _ => {
                if let Some(scale) = s.strip_prefix("large:") {
                    let scale: f64 = scale
                        .parse()
                        .map_err(|_| SeedError::BadScale(s.to_string()))?;
                    if !(scale > 0.0 && scale <= 20.0) {
                        return Err(SeedError::BadScale(s.to_string()));
                    }
                    Ok(Self::Large { scale })
                } else {
                    Ok(Self::File(PathBuf::from(s)))
                }
            }
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum SeedError {
    #[error("no seed given: use demo, large, large:SCALE or the path of a snapshot FILE.json")]
    Empty,
    #[error("'{0}' is not a scale: use large:SCALE with SCALE a number above 0 and at most 20")]
    BadScale(String),
    #[error("cannot read seed file {path}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error(
        "the built-in demo tenancy does not parse ({0}); this canopy build is broken, please \
         report it and use --seed large or --seed FILE.json meanwhile"
    )]
    Demo(serde_json::Error),
    #[error("seed file {path} is not a tenancy snapshot: {source}")]
    Parse {
        path: PathBuf,
        source: serde_json::Error,
    },
}

impl SeedSource {
    pub fn load(&self) -> Result<Snapshot, SeedError> {
        match self {
            Self::Demo => try_demo(),
            Self::Large { scale } => Ok(large(*scale)),
            Self::File(path) => from_file(path),
        }
    }
}

/// The demo tenancy, embedded in the binary; `tests/seed.rs` proves it parses and hangs together.
const DEMO_TENANCY_JSON: &str = include_str!("../../../assets/demo-tenancy.json");

/// The demo tenancy's administrator: the user `--config-out` registers the API key for.
pub const DEMO_ADMIN_USER: &str = "ana.ortiz@acme-corp.com";

/// The group whose first active member is the tenancy's administrator.
pub const ADMINISTRATORS_GROUP: &str = "Administrators";

/// The demo tenancy (`--seed demo`, the default): the `acme-corp` tenancy in
/// `assets/demo-tenancy.json`. `docs/seed.md` describes what is in it.
///
/// Infallible for the convenience of tests and demos: the asset is compiled in and the seed
/// tests parse it, so a failure is a build defect. `--seed` goes through [`try_demo`].
pub fn demo() -> Snapshot {
    try_demo().expect("assets/demo-tenancy.json is a valid snapshot (checked by tests/seed.rs)")
}

/// The demo tenancy, or why the embedded asset does not parse.
pub fn try_demo() -> Result<Snapshot, SeedError> {
    serde_json::from_str(DEMO_TENANCY_JSON).map_err(SeedError::Demo)
}

/// A deterministic generated tenancy; at scale 1 about 2,000 compartments and 20,000 users.
pub fn large(scale: f64) -> Snapshot {
    large::generate(scale)
}

/// The tenancy's administrator: the first active user, in snapshot order, with an active
/// membership of the `Administrators` group. Both seeds put this user first.
pub fn administrator(snapshot: &Snapshot) -> Option<&User> {
    let admins = snapshot
        .groups
        .iter()
        .find(|g| g.name == ADMINISTRATORS_GROUP && g.lifecycle_state == LifecycleState::Active)?;
    snapshot.users.iter().find(|u| {
        u.lifecycle_state == LifecycleState::Active
            && snapshot.memberships.iter().any(|m| {
                m.user_id == u.id
                    && m.group_id == admins.id
                    && m.lifecycle_state == LifecycleState::Active
            })
    })
}

/// A snapshot file as `canopy export` writes it.
pub fn from_file(path: &Path) -> Result<Snapshot, SeedError> {
    let text = std::fs::read_to_string(path).map_err(|source| SeedError::Read {
        path: path.to_path_buf(),
        source,
    })?;
    serde_json::from_str(&text).map_err(|source| SeedError::Parse {
        path: path.to_path_buf(),
        source,
    })
}
