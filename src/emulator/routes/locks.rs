//! Resource locks on tag namespaces and tag defaults: `addLock`, `removeLock`, and the check
//! every change of a locked resource goes through. A FULL lock refuses updates, moves and
//! deletes, a DELETE lock only deletes; `isLockOverride=true` on the request lets it through.

use axum::extract::State;

use crate::emulator::Ctx;
use crate::emulator::call::{Call, Outcome, Reply};
use crate::emulator::error::ApiError;
use crate::emulator::store::{etag_of, now_rfc3339};
use crate::model::{AddLockDetails, LifecycleState, LockType, RemoveLockDetails, ResourceLock};

/// What a request would do to a possibly locked resource.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    Update,
    Move,
    Delete,
}

impl Change {
    fn verb(self) -> &'static str {
        match self {
            Self::Update => "changed",
            Self::Move => "moved",
            Self::Delete => "deleted",
        }
    }
}

/// Refuses `change` when an active lock forbids it, unless the request overrides locks.
pub fn check_locks(
    locks: Option<&Vec<ResourceLock>>,
    change: Change,
    what: &str,
    name: &str,
    call: &Call,
) -> Result<(), ApiError> {
    if call.flag("isLockOverride")? == Some(true) {
        return Ok(());
    }
    let blocking = locks.into_iter().flatten().find(|lock| {
        lock.is_active != Some(false)
            && (lock.lock_type == LockType::Full
                || (change == Change::Delete && lock.lock_type == LockType::Delete))
    });
    let Some(lock) = blocking else {
        return Ok(());
    };
    let why = lock
        .message
        .as_deref()
        .map(|m| format!(" (\"{m}\")"))
        .unwrap_or_default();
    Err(ApiError::conflict(format!(
        "{what} {name} has a {} lock{why} and cannot be {}; remove the lock with removeLock, \
         or repeat the request with isLockOverride=true",
        lock.lock_type,
        change.verb()
    )))
}

/// The locks of a create's `locks` field, as the resource will carry them.
pub fn new_locks(
    requested: Option<Vec<AddLockDetails>>,
) -> Result<Option<Vec<ResourceLock>>, ApiError> {
    let Some(requested) = requested.filter(|r| !r.is_empty()) else {
        return Ok(None);
    };
    let mut locks = Vec::new();
    for details in requested {
        add(&mut locks, details)?;
    }
    Ok(Some(locks))
}

fn check_type(lock_type: &LockType) -> Result<(), ApiError> {
    if let LockType::Other(other) = lock_type {
        return Err(ApiError::invalid(format!(
            "'{other}' is not a lock type; use FULL or DELETE"
        )));
    }
    Ok(())
}

/// Adds a lock; with several of one type only the first created is active, as OCI says.
fn add(locks: &mut Vec<ResourceLock>, details: AddLockDetails) -> Result<(), ApiError> {
    check_type(&details.lock_type)?;
    let first = !locks.iter().any(|l| l.lock_type == details.lock_type);
    locks.push(ResourceLock {
        lock_type: details.lock_type,
        related_resource_id: details.related_resource_id,
        message: details.message,
        time_created: Some(now_rfc3339()),
        is_active: Some(first),
    });
    Ok(())
}

/// Removes every lock of the type; refuses when there is none.
fn remove(
    locks: &mut Option<Vec<ResourceLock>>,
    details: &RemoveLockDetails,
    what: &str,
    name: &str,
) -> Result<(), ApiError> {
    check_type(&details.lock_type)?;
    let list = locks.get_or_insert_with(Vec::new);
    let before = list.len();
    list.retain(|l| l.lock_type != details.lock_type);
    let removed = list.len() < before;
    if list.is_empty() {
        *locks = None;
    }
    if removed {
        Ok(())
    } else {
        Err(ApiError::conflict(format!(
            "{what} {name} has no {} lock to remove",
            details.lock_type
        )))
    }
}

fn check_lockable(state: &LifecycleState, what: &str, name: &str) -> Result<(), ApiError> {
    if matches!(state, LifecycleState::Deleted | LifecycleState::Deleting) {
        return Err(ApiError::conflict(format!(
            "{what} {name} is {state}; a deleted resource cannot be locked or unlocked"
        )));
    }
    Ok(())
}

/// `GetTagNamespace` sends no etag, so neither does a lock change; `if-match` is still checked.
pub async fn add_tag_namespace_lock(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let details: AddLockDetails = call.json()?;
    let mut store = ctx.store.lock();
    let ns = store
        .tag_namespaces
        .find_mut(call.param("id"), "tag namespace")?;
    call.check_etag(&etag_of(&*ns))?;
    check_lockable(&ns.lifecycle_state, "tag namespace", &ns.name)?;
    check_type(&details.lock_type)?;
    add(ns.locks.get_or_insert_with(Vec::new), details)?;
    Reply::json(&*ns)
}

pub async fn remove_tag_namespace_lock(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let details: RemoveLockDetails = call.json()?;
    let mut store = ctx.store.lock();
    let ns = store
        .tag_namespaces
        .find_mut(call.param("id"), "tag namespace")?;
    call.check_etag(&etag_of(&*ns))?;
    check_lockable(&ns.lifecycle_state, "tag namespace", &ns.name)?;
    let name = ns.name.clone();
    remove(&mut ns.locks, &details, "tag namespace", &name)?;
    Reply::json(&*ns)
}

pub async fn add_tag_default_lock(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let details: AddLockDetails = call.json()?;
    let mut store = ctx.store.lock();
    let default = store
        .tag_defaults
        .find_mut(call.param("id"), "tag default")?;
    call.check_etag(&etag_of(&*default))?;
    check_type(&details.lock_type)?;
    add(default.locks.get_or_insert_with(Vec::new), details)?;
    Reply::tagged(&*default)
}

pub async fn remove_tag_default_lock(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let details: RemoveLockDetails = call.json()?;
    let mut store = ctx.store.lock();
    let default = store
        .tag_defaults
        .find_mut(call.param("id"), "tag default")?;
    call.check_etag(&etag_of(&*default))?;
    let name = default.tag_definition_name.clone();
    remove(&mut default.locks, &details, "tag default for", &name)?;
    Reply::tagged(&*default)
}
