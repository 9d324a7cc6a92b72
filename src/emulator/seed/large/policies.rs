//! Policies of the large tenancy: varied, valid statements that name existing groups,
//! dynamic groups and compartments, attached at the root and throughout the tree.

use std::collections::{BTreeMap, HashSet};

use crate::model::{LifecycleState, Policy};

use super::name_book::NameBook;
use super::names::{PERMISSIONS, RESOURCES, VERBS, WORDS};
use super::{Builder, timestamp};

const PURPOSES: &[&str] = &[
    "access", "ops", "readers", "admins", "deploy", "audit", "network", "data", "support",
];

/// Statements per policy: mostly a few, sometimes a longer list (OCI allows 50).
fn statement_count(b: &mut Builder) -> usize {
    if b.rng.chance(0.15) {
        b.rng.between(4, 12)
    } else {
        b.rng.between(1, 3)
    }
}

pub fn build(b: &mut Builder, count: usize) {
    let live = b.tree.live_indices();
    let mut names = NameBook::default();
    for _ in 0..count {
        // A quarter at the root, the rest spread over the tree.
        let at = if live.is_empty() || b.rng.chance(0.25) {
            None
        } else {
            Some(*b.rng.pick(&live))
        };
        let targets = at.map(|i| live_subtree(b, i));
        let n = statement_count(b);
        let mut seen = HashSet::new();
        let mut statements = Vec::with_capacity(n);
        while statements.len() < n {
            let statement = statement(b, at, targets.as_deref());
            if seen.insert(statement.clone()) {
                statements.push(statement);
            }
        }
        let (place, compartment_id) = match at {
            None => ("tenancy".to_string(), b.snapshot.tenancy.id.clone()),
            Some(i) => {
                let c = &b.snapshot.compartments[i];
                (c.name.to_lowercase(), c.id.clone())
            }
        };
        let purpose = *b.rng.pick(PURPOSES);
        let name = names.claim(&format!("{place}-{purpose}"), "-");
        let id = b.ocids.next("policy");
        let time_created = timestamp(&mut b.rng);
        b.snapshot.policies.push(Policy {
            id,
            compartment_id,
            name,
            statements,
            description: format!("{} policy for {place}", super::identity::title(purpose)),
            time_created,
            lifecycle_state: LifecycleState::Active,
            inactive_status: None,
            version_date: None,
            freeform_tags: BTreeMap::new(),
            defined_tags: BTreeMap::new(),
        });
    }
}

/// Live compartments strictly below `root`, the ones a policy attached there can name by path.
fn live_subtree(b: &Builder, root: usize) -> Vec<usize> {
    let mut out = Vec::new();
    let mut stack = b.tree.children[root].clone();
    while let Some(i) = stack.pop() {
        if b.tree.live[i] {
            out.push(i);
            stack.extend(b.tree.children[i].iter().copied());
        }
    }
    out.sort_unstable();
    out
}

fn statement(b: &mut Builder, at: Option<usize>, below: Option<&[usize]>) -> String {
    let location = location(b, at, below);
    if b.rng.chance(0.03) {
        let service = *b
            .rng
            .pick(&["objectstorage-us-ashburn-1", "blockstorage", "cloudguard"]);
        return format!("Allow service {service} to use keys in {location}");
    }
    let subject = subject(b);
    let action = if b.rng.chance(0.1) {
        let first = *b.rng.pick(PERMISSIONS);
        let second = *b.rng.pick(PERMISSIONS);
        if first == second {
            format!("{{{first}}}")
        } else {
            format!("{{{first}, {second}}}")
        }
    } else {
        let mut verb = *b.rng.pick(VERBS);
        let resource = *b.rng.pick(RESOURCES);
        // Full control of everything is the Administrators' alone.
        if verb == "manage" && resource == "all-resources" && location == "tenancy" {
            verb = "read";
        }
        format!("{verb} {resource}")
    };
    let condition = if b.rng.chance(0.2) {
        condition(b)
    } else {
        String::new()
    };
    format!("Allow {subject} to {action} in {location}{condition}")
}

fn subject(b: &mut Builder) -> String {
    // Never Administrators (index 0): its one grant lives in its own policy elsewhere.
    let groups = b.snapshot.groups.len();
    let group = |b: &mut Builder| 1 + b.rng.skewed(groups - 1);
    let roll = b.rng.below(100);
    if roll < 70 || b.snapshot.dynamic_groups.is_empty() && roll >= 88 {
        let g = group(b);
        format!("group {}", b.snapshot.groups[g].name)
    } else if roll < 80 {
        let (x, y) = (group(b), group(b));
        format!(
            "group {}, {}",
            b.snapshot.groups[x].name, b.snapshot.groups[y].name
        )
    } else if roll < 88 {
        let g = group(b);
        format!("group id {}", b.snapshot.groups[g].id)
    } else {
        let d = b.rng.below(b.snapshot.dynamic_groups.len());
        format!("dynamic-group {}", b.snapshot.dynamic_groups[d].name)
    }
}

fn location(b: &mut Builder, at: Option<usize>, below: Option<&[usize]>) -> String {
    match (at, below) {
        (None, _) => {
            let live = &b.tree.live;
            let roll = b.rng.below(100);
            if roll < 30 || live.is_empty() {
                return "tenancy".to_string();
            }
            let i = b.rng.below(live.len());
            if !live[i] {
                return "tenancy".to_string();
            }
            if roll < 40 {
                format!("compartment id {}", b.snapshot.compartments[i].id)
            } else {
                let path = b.tree.relative_path(&b.snapshot.compartments, None, i);
                path.map_or_else(|| "tenancy".to_string(), |p| format!("compartment {p}"))
            }
        }
        (Some(at), below) => {
            let below = below.unwrap_or_default();
            if below.is_empty() || b.rng.chance(0.15) {
                return format!("compartment id {}", b.snapshot.compartments[at].id);
            }
            let i = *b.rng.pick(below);
            match b.tree.relative_path(&b.snapshot.compartments, Some(at), i) {
                Some(path) => format!("compartment {path}"),
                None => format!("compartment id {}", b.snapshot.compartments[at].id),
            }
        }
    }
}

fn condition(b: &mut Builder) -> String {
    match b.rng.below(6) {
        0 => format!(" where request.permission = '{}'", b.rng.pick(PERMISSIONS)),
        1 => format!(
            " where target.bucket.name = '{}-{}'",
            b.rng.pick(WORDS),
            b.rng.below(100)
        ),
        2 => format!(
            " where request.utc-timestamp before '2027-{:02}-01T00:00:00Z'",
            b.rng.between(1, 12)
        ),
        3 => {
            let users = b.snapshot.users.len();
            let first = &b.snapshot.users[b.rng.below(users)].name;
            let second = &b.snapshot.users[b.rng.below(users)].name;
            format!(" where any {{request.user.name = '{first}', request.user.name = '{second}'}}")
        }
        4 => format!(
            " where request.region = '{}'",
            b.rng.pick(&["iad", "phx", "fra", "lhr"])
        ),
        _ => " where request.user.mfaTotpVerified = 'true'".to_string(),
    }
}
