//! Permissions of the IAM resource types, looked up the other way round: which type and verb
//! level a permission belongs to, and the operations of the two reference clients with the
//! permissions each requires.

use std::collections::HashMap;
use std::sync::LazyLock;

use super::iam_tables::{IAM_TYPES, OPERATIONS};

/// An API operation and the permissions it requires (all of them).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Operation {
    /// As the OCI API names it, e.g. `UpdateUser`.
    pub api: &'static str,
    /// As the SDKs name it, e.g. `update_user`.
    pub sdk: &'static str,
    pub permissions: &'static [&'static str],
}

static LEVELS: LazyLock<HashMap<&'static str, (&'static str, usize)>> = LazyLock::new(|| {
    let mut map = HashMap::new();
    for (kind, levels) in IAM_TYPES {
        for (level, perms) in levels.iter().enumerate() {
            for p in *perms {
                map.entry(*p).or_insert((*kind, level));
            }
        }
    }
    map
});

/// The IAM type a permission belongs to and the verb level (0 inspect .. 3 manage) that
/// first grants it.
pub fn permission_level(permission: &str) -> Option<(&'static str, usize)> {
    LEVELS
        .get(permission.to_ascii_uppercase().as_str())
        .copied()
}

/// Every IAM permission canopy knows.
pub fn iam_permissions() -> impl Iterator<Item = &'static str> {
    LEVELS.keys().copied()
}

/// Whether a permission name looks like an IAM one (so an unknown one is a typo, not a
/// permission of another service).
pub fn is_iam_permission_prefix(permission: &str) -> bool {
    let p = permission.to_ascii_uppercase();
    LEVELS.keys().any(|known| {
        let prefix = known.rsplit_once('_').map_or(*known, |(a, _)| a);
        p.starts_with(prefix) && p.len() > prefix.len()
    })
}

/// An operation by its API name (`UpdateUser`) or SDK name (`update_user`).
pub fn operation(name: &str) -> Option<Operation> {
    let wanted = name.replace('_', "").to_ascii_lowercase();
    OPERATIONS
        .iter()
        .find(|o| o.api.to_ascii_lowercase() == wanted)
        .copied()
}

/// Every operation's API name, for did-you-mean.
pub fn operation_names() -> impl Iterator<Item = &'static str> {
    OPERATIONS.iter().map(|o| o.api)
}

/// Every operation.
pub fn operations() -> &'static [Operation] {
    OPERATIONS
}
