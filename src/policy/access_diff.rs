//! Access diffs: what two states of a tenancy let principals do, compared. One line of access
//! is a principal, a verb on a resource (or one permission), a location as a path from the
//! root and a condition; a line counts as gained only when nothing the old state granted
//! already covers it (a broader verb, a family, an ancestor compartment, `any-user`), so a
//! refactor that moves or splits grants says "no new access". Memberships count too: a user
//! who joins a group gains what the group is granted.

use std::collections::{BTreeSet, HashMap};

use serde::Serialize;

use super::ast::{Action, GrantKind};
use super::catalogue;
use super::effective::{EffectiveIndex, ResolvedSubject};
use crate::model::{LifecycleState, Snapshot};

/// One unit of access.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct AccessLine {
    /// `allow` or `deny`.
    pub effect: &'static str,
    /// `group Ops`, `dynamic group ci`, `any-user`, `service cloudguard`.
    pub principal: String,
    /// `manage instances`, or one permission such as `USER_UPDATE`.
    pub access: String,
    /// `tenancy` or a path from the root, e.g. `Prod:AppTier`.
    pub location: String,
    pub condition: Option<String>,
    pub policy: String,
}

impl std::fmt::Display for AccessLine {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let deny = if self.effect == "deny" { "deny " } else { "" };
        write!(
            f,
            "{deny}{} {} in {}",
            self.principal, self.access, self.location
        )?;
        if let Some(c) = &self.condition {
            write!(f, " where {c}")?;
        }
        Ok(())
    }
}

/// A user's membership of a group.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct MembershipLine {
    pub user: String,
    pub group: String,
}

/// What changed between two states.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct AccessDiff {
    /// Allows not covered before, and denies lifted.
    pub gained: Vec<AccessLine>,
    /// Allows no longer covered, and new denies.
    pub lost: Vec<AccessLine>,
    /// Memberships of groups that are granted something.
    pub joined: Vec<MembershipLine>,
    pub left: Vec<MembershipLine>,
}

impl AccessDiff {
    pub fn grants_new_access(&self) -> bool {
        !self.gained.is_empty() || !self.joined.is_empty()
    }

    /// "grants no new access" or "grants new access: FIRST (and N more)", for one line.
    pub fn verdict(&self) -> String {
        let mut news = self
            .gained
            .iter()
            .map(|g| {
                if g.effect == "deny" {
                    format!("no longer denied: {g}")
                } else {
                    g.to_string()
                }
            })
            .chain(
                self.joined
                    .iter()
                    .map(|m| format!("{} joins group {}", m.user, m.group)),
            );
        let Some(first) = news.next() else {
            return "grants no new access".to_string();
        };
        let more = news.count();
        if more == 0 {
            format!("grants new access: {first}")
        } else {
            format!("grants new access: {first} (and {more} more)")
        }
    }
}

/// Access gained and lost from `old` to `new`.
pub fn access_diff(old: &Snapshot, new: &Snapshot) -> AccessDiff {
    let old_index = EffectiveIndex::build(old);
    let new_index = EffectiveIndex::build(new);
    access_diff_relabelled(&old_index, &new_index, old, new, &|l| l.to_string())
}

/// The same, over indexes already built, with each new location spelt through `relabel`
/// first (a renamed or moved compartment's paths under their old spelling).
pub fn access_diff_relabelled(
    old_index: &EffectiveIndex,
    new_index: &EffectiveIndex,
    old: &Snapshot,
    new: &Snapshot,
    relabel: &dyn Fn(&str) -> String,
) -> AccessDiff {
    let before = access_lines(old_index);
    let mut after = access_lines(new_index);
    for line in &mut after {
        line.location = relabel(&line.location);
    }
    let (old_allow, old_deny) = by_principal(&before);
    let (new_allow, new_deny) = by_principal(&after);
    let mut gained = Vec::new();
    let mut lost = Vec::new();
    for line in &after {
        match line.effect {
            "deny" if !covered(line, &old_deny) => lost.push(line.clone()),
            "allow" if !covered(line, &old_allow) => gained.push(line.clone()),
            _ => {}
        }
    }
    for line in &before {
        match line.effect {
            "deny" if !covered(line, &new_deny) => gained.push(line.clone()),
            "allow" if !covered(line, &new_allow) => lost.push(line.clone()),
            _ => {}
        }
    }
    let granted: BTreeSet<String> = after
        .iter()
        .filter(|l| l.effect == "allow")
        .map(|l| l.principal.to_lowercase())
        .collect();
    let (was, is) = (memberships(old), memberships(new));
    let joined = is
        .difference(&was)
        .filter(|m| granted.contains(&format!("group {}", m.group.to_lowercase())))
        .cloned()
        .collect();
    let left = was.difference(&is).cloned().collect();
    gained.sort();
    gained.dedup();
    lost.sort();
    lost.dedup();
    AccessDiff {
        gained,
        lost,
        joined,
        left,
    }
}

/// Every allow and deny of the tenancy as access lines. Statements whose location or subject
/// names nothing in the tenancy grant nothing, so they are left out.
pub fn access_lines(index: &EffectiveIndex) -> Vec<AccessLine> {
    let mut out = Vec::new();
    for entry in index.entries() {
        let Some(grant) = entry.grant() else { continue };
        if grant.kind != GrantKind::Allow {
            continue;
        }
        let Some(location) = entry.location.as_deref() else {
            continue;
        };
        let location = index.tree().display(location);
        let condition = grant.condition.as_ref().map(ToString::to_string);
        let accesses: Vec<String> = match &grant.action {
            Action::Verb { verb, resource } => {
                vec![format!(
                    "{} {}",
                    verb.text.to_lowercase(),
                    resource.text.to_lowercase()
                )]
            }
            Action::Permissions { permissions, .. } => permissions
                .iter()
                .map(|p| p.text.to_ascii_uppercase())
                .collect(),
        };
        for subject in &entry.subjects {
            let principal = match subject {
                ResolvedSubject::AnyUser => "any-user".to_string(),
                ResolvedSubject::AnyGroup => "any-group".to_string(),
                ResolvedSubject::Group { id: Some(_), name } => format!("group {name}"),
                ResolvedSubject::DynamicGroup { id: Some(_), name } => {
                    format!("dynamic group {name}")
                }
                ResolvedSubject::Service { name } => format!("service {name}"),
                _ => continue,
            };
            for access in &accesses {
                out.push(AccessLine {
                    effect: if grant.deny { "deny" } else { "allow" },
                    principal: principal.clone(),
                    access: access.clone(),
                    location: location.clone(),
                    condition: condition.clone(),
                    policy: entry.policy_name.to_string(),
                });
            }
        }
    }
    out
}

type ByPrincipal<'a> = HashMap<String, Vec<&'a AccessLine>>;

/// Allows and denies, each by principal (lower case), so coverage looks at a few lines.
fn by_principal(lines: &[AccessLine]) -> (ByPrincipal<'_>, ByPrincipal<'_>) {
    let (mut allow, mut deny) = (HashMap::new(), HashMap::new());
    for line in lines {
        let map: &mut ByPrincipal = if line.effect == "deny" {
            &mut deny
        } else {
            &mut allow
        };
        map.entry(line.principal.to_lowercase())
            .or_default()
            .push(line);
    }
    (allow, deny)
}

/// Whether some line of the other state (same effect) already gives `line`.
fn covered(line: &AccessLine, other: &ByPrincipal) -> bool {
    let own = other.get(&line.principal.to_lowercase());
    let everyone = other.get("any-user");
    own.into_iter()
        .chain(everyone)
        .flatten()
        .any(|o| covers(o, line))
}

fn covers(a: &AccessLine, b: &AccessLine) -> bool {
    (a.condition.is_none() || a.condition == b.condition)
        && location_covers(&a.location, &b.location)
        && access_covers(&a.access, &b.access)
}

/// Paths compared as text: the two states may have different trees, and a path is what a
/// reader compares.
fn location_covers(a: &str, b: &str) -> bool {
    let (a, b) = (a.to_lowercase(), b.to_lowercase());
    a == "tenancy" || a == b || b.starts_with(&format!("{a}:"))
}

fn access_covers(a: &str, b: &str) -> bool {
    if a.eq_ignore_ascii_case(b) {
        return true;
    }
    match (a.split_once(' '), b.split_once(' ')) {
        (Some((av, ar)), Some((bv, br))) => {
            catalogue::verb_covers(av, bv) && catalogue::resource_covers(ar, br)
        }
        (Some((av, ar)), None) => catalogue::permission_level(b).is_some_and(|(kind, level)| {
            catalogue::resource_covers(ar, kind)
                && catalogue::verb_rank(av).is_some_and(|r| r >= level)
        }),
        _ => false,
    }
}

/// Active memberships by user and group name.
fn memberships(s: &Snapshot) -> BTreeSet<MembershipLine> {
    let live = |state: &LifecycleState| *state != LifecycleState::Deleted;
    let users: HashMap<&str, &str> = s
        .users
        .iter()
        .filter(|u| live(&u.lifecycle_state))
        .map(|u| (u.id.as_str(), u.name.as_str()))
        .collect();
    let groups: HashMap<&str, &str> = s
        .groups
        .iter()
        .filter(|g| live(&g.lifecycle_state))
        .map(|g| (g.id.as_str(), g.name.as_str()))
        .collect();
    s.memberships
        .iter()
        .filter(|m| live(&m.lifecycle_state))
        .filter_map(|m| {
            Some(MembershipLine {
                user: (*users.get(m.user_id.as_str())?).to_string(),
                group: (*groups.get(m.group_id.as_str())?).to_string(),
            })
        })
        .collect()
}

/// The access verdict of editing one policy: the tenancy with the policy's statements as they
/// were (`before`), against the tenancy with them as edited.
pub fn policy_edit(
    snapshot: &Snapshot,
    policy_id: &str,
    before: &[String],
    after: &[String],
) -> AccessDiff {
    let with = |statements: &[String]| {
        let mut s = snapshot.clone();
        if let Some(p) = s.policies.iter_mut().find(|p| p.id == policy_id) {
            p.statements = statements.to_vec();
        }
        s
    };
    access_diff(&with(before), &with(after))
}
