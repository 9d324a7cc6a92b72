//! Resource locks: a FULL lock stops updates, moves and deletes of the resource, a DELETE lock
//! stops deletes only, unless the request says `isLockOverride=true`.

use serde::{Deserialize, Serialize};

crate::wire_enum!(
    /// What a lock stops: FULL (update, move, delete) or DELETE (delete only).
    LockType {
        Full => "FULL",
        Delete => "DELETE",
    }
);

/// A lock as the service reports it in a resource's `locks` array.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ResourceLock {
    #[serde(rename = "type")]
    pub lock_type: LockType,
    /// The resource whose deletion removes the lock, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub related_resource_id: Option<String>,
    /// Why the resource is locked, in the words of whoever locked it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_created: Option<String>,
    /// With several locks of one type, only the first created is active.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_active: Option<bool>,
}

/// `AddLockDetails`: the body of `addLock`, and each entry of `locks` in a create.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AddLockDetails {
    #[serde(rename = "type")]
    pub lock_type: LockType,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub related_resource_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}

/// `RemoveLockDetails`: the body of `removeLock`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RemoveLockDetails {
    #[serde(rename = "type")]
    pub lock_type: LockType,
}
