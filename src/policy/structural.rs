//! What a structural change does before it is made: the statements that name a compartment,
//! group, dynamic group or user (by name, by path, by OCID or in a condition), which of them
//! stop matching after a rename, move or delete, and the access gained and lost. The change
//! is applied to a copy of the snapshot and both are compared with the access-diff engine, so
//! the answer is the engine's, not a guess from the text.

use super::access_diff::{AccessDiff, access_diff_relabelled};
use super::ast::{Condition, Location};
use super::effective::{EffectiveIndex, Entry, ResolvedSubject};
use crate::model::{LifecycleState, Snapshot};

/// What is about to change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target<'a> {
    Compartment(&'a str),
    Group(&'a str),
    DynamicGroup(&'a str),
    User(&'a str),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change<'a> {
    Rename(&'a str),
    /// A compartment's new parent.
    Move(&'a str),
    Delete,
}

/// One statement that names the target.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Naming {
    pub policy: String,
    /// 1-based, as the editor numbers statements.
    pub statement: usize,
    pub text: String,
    /// "by name", "in its path", "by OCID", "in its condition".
    pub how: &'static str,
    /// After the change the statement no longer reaches the target (its name or path no
    /// longer resolves to it, or it is gone).
    pub stops_matching: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StructuralImpact {
    pub naming: Vec<Naming>,
    pub diff: AccessDiff,
}

impl StructuralImpact {
    pub fn is_empty(&self) -> bool {
        self.naming.is_empty()
            && self.diff.gained.is_empty()
            && self.diff.lost.is_empty()
            && self.diff.left.is_empty()
            && self.diff.joined.is_empty()
    }
}

/// The statements naming `target` and the access `change` gains and loses.
pub fn structural_impact(
    snapshot: &Snapshot,
    target: Target<'_>,
    change: Change<'_>,
) -> StructuralImpact {
    let after = changed(snapshot, target, change);
    let old_index = EffectiveIndex::build(snapshot);
    let new_index = EffectiveIndex::build(&after);
    let name = name_of(snapshot, target);
    let naming = old_index
        .entries()
        .iter()
        .filter_map(|e| {
            let how = names(&old_index, e, target, &name)?;
            let now = new_index
                .entries()
                .iter()
                .find(|n| n.policy_id == e.policy_id && n.index == e.index);
            Some(Naming {
                policy: e.policy_name.to_string(),
                statement: e.index + 1,
                text: e.text.clone(),
                how,
                stops_matching: stops_matching(e, now, target, change, how),
            })
        })
        .collect();
    // Paths under a renamed or moved compartment are spelt differently afterwards; compare
    // them under their old spelling so only real changes of access show.
    let (old_path, new_path) = match (target, change) {
        (Target::Compartment(id), Change::Rename(_) | Change::Move(_)) => {
            (old_index.tree().display(id), new_index.tree().display(id))
        }
        _ => (String::new(), String::new()),
    };
    let relabel = |location: &str| -> String {
        if new_path.is_empty() {
            return location.to_string();
        }
        match location.strip_prefix(new_path.as_str()) {
            Some("") => old_path.clone(),
            Some(rest) if rest.starts_with(':') => format!("{old_path}{rest}"),
            _ => location.to_string(),
        }
    };
    let mut diff = access_diff_relabelled(&old_index, &new_index, snapshot, &after, &relabel);
    if matches!(change, Change::Rename(_)) {
        // Members stay members of a renamed group; only the spelling of the line changed.
        diff.joined.clear();
        diff.left.clear();
    }
    StructuralImpact { naming, diff }
}

/// The snapshot as it would be after the change.
fn changed(snapshot: &Snapshot, target: Target<'_>, change: Change<'_>) -> Snapshot {
    let mut s = snapshot.clone();
    let directories = std::mem::take(&mut s.domain_directories);
    let mut groups: Vec<_> = s.groups.iter_mut().collect();
    let mut users: Vec<_> = s.users.iter_mut().collect();
    let mut dynamic: Vec<_> = s.dynamic_groups.iter_mut().collect();
    let mut dirs = directories;
    for d in &mut dirs {
        groups.extend(d.groups.iter_mut());
        users.extend(d.users.iter_mut());
        dynamic.extend(d.dynamic_groups.iter_mut());
    }
    match (target, change) {
        (Target::Compartment(id), change) => {
            if let Some(c) = s.compartments.iter_mut().find(|c| c.id == id) {
                match change {
                    Change::Rename(name) => c.name = name.to_string(),
                    Change::Move(parent) => c.compartment_id = parent.to_string(),
                    Change::Delete => c.lifecycle_state = LifecycleState::Deleted,
                }
            }
        }
        (Target::Group(id), change) => {
            if let Some(g) = groups.into_iter().find(|g| g.id == id) {
                match change {
                    Change::Rename(name) => g.name = name.to_string(),
                    _ => g.lifecycle_state = LifecycleState::Deleted,
                }
            }
        }
        (Target::DynamicGroup(id), change) => {
            if let Some(g) = dynamic.into_iter().find(|g| g.id == id) {
                match change {
                    Change::Rename(name) => g.name = name.to_string(),
                    _ => g.lifecycle_state = LifecycleState::Deleted,
                }
            }
        }
        (Target::User(id), change) => {
            if let Some(u) = users.into_iter().find(|u| u.id == id) {
                match change {
                    Change::Rename(name) => u.name = name.to_string(),
                    _ => u.lifecycle_state = LifecycleState::Deleted,
                }
            }
        }
    }
    if change == Change::Delete {
        let gone = |m: &crate::model::UserGroupMembership| match target {
            Target::Group(id) => m.group_id == id,
            Target::User(id) => m.user_id == id,
            _ => false,
        };
        s.memberships.retain(|m| !gone(m));
        for d in &mut dirs {
            d.memberships.retain(|m| !gone(m));
        }
    }
    s.domain_directories = dirs;
    s
}

fn name_of(snapshot: &Snapshot, target: Target<'_>) -> String {
    let dirs = &snapshot.domain_directories;
    match target {
        Target::Compartment(id) => snapshot
            .compartments
            .iter()
            .find(|c| c.id == id)
            .map(|c| c.name.clone()),
        Target::Group(id) => snapshot
            .groups
            .iter()
            .chain(dirs.iter().flat_map(|d| &d.groups))
            .find(|g| g.id == id)
            .map(|g| g.name.clone()),
        Target::DynamicGroup(id) => snapshot
            .dynamic_groups
            .iter()
            .chain(dirs.iter().flat_map(|d| &d.dynamic_groups))
            .find(|g| g.id == id)
            .map(|g| g.name.clone()),
        Target::User(id) => snapshot
            .users
            .iter()
            .chain(dirs.iter().flat_map(|d| &d.users))
            .find(|u| u.id == id)
            .map(|u| u.name.clone()),
    }
    .unwrap_or_default()
}

/// How the statement names the target, if it does.
fn names(
    index: &EffectiveIndex,
    e: &Entry,
    target: Target<'_>,
    name: &str,
) -> Option<&'static str> {
    let grant = e.grant()?;
    let id = match target {
        Target::Compartment(id)
        | Target::Group(id)
        | Target::DynamicGroup(id)
        | Target::User(id) => id,
    };
    match target {
        Target::Compartment(c) => {
            let tree = index.tree();
            match (grant.locations.first(), e.location.as_deref()) {
                (Some(Location::CompartmentId { ocid, .. }), _) if ocid.text == c => {
                    return Some("by OCID");
                }
                (
                    Some(Location::Compartment {
                        of_tenancy: None, ..
                    }),
                    Some(at),
                ) if tree.covers(c, at) && e.attached_to != c && tree.covers(&e.attached_to, c) => {
                    return Some("in its path");
                }
                _ => {}
            }
        }
        Target::Group(g) | Target::DynamicGroup(g) => {
            let hit = e.subjects.iter().any(|s| match s {
                ResolvedSubject::Group { id: Some(x), .. } => {
                    *x == g && matches!(target, Target::Group(_))
                }
                ResolvedSubject::DynamicGroup { id: Some(x), .. } => {
                    *x == g && matches!(target, Target::DynamicGroup(_))
                }
                _ => false,
            });
            if hit {
                let by_id = e.text.contains(g);
                return Some(if by_id { "by OCID" } else { "by name" });
            }
        }
        Target::User(_) => {}
    }
    let kind = match target {
        Target::Compartment(_) => "compartment",
        Target::Group(_) | Target::DynamicGroup(_) => "group",
        Target::User(_) => "user",
    };
    grant
        .condition
        .as_ref()
        .is_some_and(|c| condition_names(c, kind, id, name))
        .then_some("in its condition")
}

/// A clause on a variable about `kind` (`target.compartment.name`, `request.user.id`,
/// `request.groups.id`, ...) whose value is the target's name or OCID.
fn condition_names(c: &Condition, kind: &str, id: &str, name: &str) -> bool {
    let hits = |variable: &str, values: &[super::ast::Value]| {
        variable.to_lowercase().contains(kind)
            && values
                .iter()
                .map(super::ast::Value::text)
                .any(|v| v == id || (!name.is_empty() && v.eq_ignore_ascii_case(name)))
    };
    match c {
        Condition::Group { items, .. } => items.iter().any(|i| condition_names(i, kind, id, name)),
        Condition::Clause {
            variable, values, ..
        }
        | Condition::SetsIntersect {
            variable, values, ..
        } => hits(&variable.text, values),
        Condition::Present { .. } => false,
    }
}

fn stops_matching(
    before: &Entry,
    after: Option<&Entry>,
    target: Target<'_>,
    change: Change<'_>,
    how: &str,
) -> bool {
    let Some(after) = after else { return true };
    match (target, change) {
        (_, Change::Delete) => true,
        // A condition compares text: a rename changes what it must say.
        (_, Change::Rename(_)) if how == "in its condition" => true,
        (Target::Compartment(_), _) => before.location != after.location,
        _ => before.subjects != after.subjects,
    }
}

#[cfg(test)]
mod tests;
