//! Where the emulator's tenancy comes from: the demo tenancy in `assets/`, a generated large
//! one, or a snapshot file (the format `canopy export` writes).
//!
//! PLACEHOLDER until the seed work lands: a tiny tenancy built in code, same interface.

use std::path::{Path, PathBuf};
use std::str::FromStr;

use crate::model::{
    Compartment, Group, LifecycleState, Snapshot, Tenancy, User, UserGroupMembership,
};

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
            "demo" => Ok(Self::Demo),
            "large" => Ok(Self::Large { scale: 1.0 }),
            _ => {
                if let Some(scale) = s.strip_prefix("large:") {
                    let scale: f64 = scale
                        .parse()
                        .map_err(|_| SeedError::BadScale(scale.to_string()))?;
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
    #[error("'{0}' is not a scale: use large:SCALE with SCALE a number above 0 and at most 20")]
    BadScale(String),
    #[error("cannot read seed file {path}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("seed file {path} is not a tenancy snapshot: {source}")]
    Parse {
        path: PathBuf,
        source: serde_json::Error,
    },
}

impl SeedSource {
    pub fn load(&self) -> Result<Snapshot, SeedError> {
        match self {
            Self::Demo => Ok(demo()),
            Self::Large { scale } => Ok(large(*scale)),
            Self::File(path) => from_file(path),
        }
    }
}

/// The demo tenancy.
pub fn demo() -> Snapshot {
    let tenancy_id = "ocid1.tenancy.oc1..aaaaaaaademotenancy".to_string();
    let c = |id: &str, parent: &str, name: &str| Compartment {
        id: id.into(),
        compartment_id: parent.into(),
        name: name.into(),
        description: format!("{name} compartment"),
        time_created: "2024-01-02T03:04:05.678Z".into(),
        lifecycle_state: LifecycleState::Active,
        inactive_status: None,
        is_accessible: None,
        freeform_tags: std::collections::BTreeMap::default(),
        defined_tags: std::collections::BTreeMap::default(),
    };
    Snapshot {
        tenancy: Tenancy {
            id: tenancy_id.clone(),
            name: "acme".into(),
            home_region_key: Some("IAD".into()),
            ..Default::default()
        },
        compartments: vec![
            c("ocid1.compartment.oc1..aaaaaaaaprod", &tenancy_id, "Prod"),
            c(
                "ocid1.compartment.oc1..aaaaaaaaapp",
                "ocid1.compartment.oc1..aaaaaaaaprod",
                "AppTier",
            ),
        ],
        users: vec![User {
            id: "ocid1.user.oc1..aaaaaaaaadmin".into(),
            compartment_id: tenancy_id.clone(),
            name: "admin@acme.example".into(),
            description: "Administrator".into(),
            email: Some("admin@acme.example".into()),
            email_verified: Some(true),
            db_user_name: None,
            identity_provider_id: None,
            external_identifier: None,
            time_created: "2024-01-02T03:04:05.678Z".into(),
            lifecycle_state: LifecycleState::Active,
            inactive_status: None,
            freeform_tags: std::collections::BTreeMap::default(),
            defined_tags: std::collections::BTreeMap::default(),
            capabilities: Some(crate::model::UserCapabilities::default()),
            is_mfa_activated: true,
            last_successful_login_time: None,
            previous_successful_login_time: None,
        }],
        groups: vec![Group {
            id: "ocid1.group.oc1..aaaaaaaaadmins".into(),
            compartment_id: tenancy_id.clone(),
            name: "Administrators".into(),
            description: "Tenancy administrators".into(),
            time_created: "2024-01-02T03:04:05.678Z".into(),
            lifecycle_state: LifecycleState::Active,
            inactive_status: None,
            freeform_tags: std::collections::BTreeMap::default(),
            defined_tags: std::collections::BTreeMap::default(),
        }],
        memberships: vec![UserGroupMembership {
            id: "ocid1.groupmembership.oc1..aaaaaaaam1".into(),
            compartment_id: tenancy_id,
            group_id: "ocid1.group.oc1..aaaaaaaaadmins".into(),
            user_id: "ocid1.user.oc1..aaaaaaaaadmin".into(),
            time_created: "2024-01-02T03:04:05.678Z".into(),
            lifecycle_state: LifecycleState::Active,
            inactive_status: None,
        }],
        ..Default::default()
    }
}

/// A deterministic generated tenancy; at scale 1 about 2,000 compartments and 20,000 users.
pub fn large(_scale: f64) -> Snapshot {
    demo()
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
