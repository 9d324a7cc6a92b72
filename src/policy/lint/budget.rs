//! The hard limit of 500 statements along any root-to-leaf compartment path (every policy
//! attached at every level of the path counts).

use std::collections::HashMap;

use serde::Serialize;

use crate::model::{LifecycleState, Snapshot};
use crate::policy::diagnostic::{Diagnostic, Severity, Span};
use crate::policy::tree::CompartmentTree;

/// Oracle's limit; it cannot be raised.
pub const BUDGET: usize = 500;

/// Statements used along the path from the root to one leaf compartment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PathUsage {
    pub leaf_id: String,
    /// `Prod:AppTier:Web` (`tenancy` when the root has no children).
    pub path: String,
    pub statements: usize,
}

fn counts<'a>(snapshot: &'a Snapshot, skip_policy: Option<&str>) -> HashMap<&'a str, usize> {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for p in &snapshot.policies {
        if Some(p.id.as_str()) == skip_policy
            || matches!(p.lifecycle_state, LifecycleState::Deleted)
        {
            continue;
        }
        *counts.entry(p.compartment_id.as_str()).or_default() += p.statements.len();
    }
    counts
}

fn path_total(tree: &CompartmentTree, counts: &HashMap<&str, usize>, leaf: &str) -> usize {
    tree.self_and_ancestors(leaf)
        .iter()
        .map(|c| counts.get(c).copied().unwrap_or(0))
        .sum()
}

/// Usage along every root-to-leaf path, fullest first.
pub fn budget(snapshot: &Snapshot) -> Vec<PathUsage> {
    let tree = CompartmentTree::build(snapshot);
    let counts = counts(snapshot, None);
    let mut usage: Vec<PathUsage> = tree
        .leaves()
        .into_iter()
        .map(|leaf| PathUsage {
            leaf_id: leaf.to_string(),
            path: tree.display(leaf),
            statements: path_total(&tree, &counts, leaf),
        })
        .collect();
    usage.sort_by(|a, b| b.statements.cmp(&a.statements).then(a.path.cmp(&b.path)));
    usage
}

/// The fullest path through `compartment` once `statements` are attached there.
pub(super) fn check(
    snapshot: &Snapshot,
    tree: &CompartmentTree,
    compartment: &str,
    statements: &[String],
    editing: Option<&str>,
    push: &mut impl FnMut(usize, Diagnostic),
) {
    if statements.is_empty() {
        return;
    }
    let mut counts = counts(snapshot, editing);
    let compartment = tree
        .self_and_ancestors(compartment)
        .first()
        .copied()
        .unwrap_or(compartment);
    *counts.entry(compartment).or_default() += statements.len();
    let mut stack = vec![compartment.to_string()];
    let mut worst: Option<(usize, String)> = None;
    // Bounded walk of the subtree under the policy's compartment.
    let mut visited = 0;
    while let Some(id) = stack.pop() {
        visited += 1;
        if visited > tree.ids().count() {
            break;
        }
        let children = tree.children(&id);
        if children.is_empty() {
            let total = path_total(tree, &counts, &id);
            if worst.as_ref().is_none_or(|(w, _)| total > *w) {
                worst = Some((total, id.clone()));
            }
        }
        stack.extend(children.iter().cloned());
    }
    let Some((total, leaf)) = worst else { return };
    let severity = if total > BUDGET {
        Severity::Error
    } else if total * 10 >= BUDGET * 9 {
        Severity::Warning
    } else {
        return;
    };
    let source = &statements[0];
    let end = source.trim_end().len();
    let message = if severity == Severity::Error {
        format!(
            "{total} of {BUDGET} statements along `{}`: over the hard limit; merge statements or use tag-based conditions",
            tree.display(&leaf)
        )
    } else {
        format!(
            "{total} of {BUDGET} statements along `{}`: close to the hard limit",
            tree.display(&leaf)
        )
    };
    push(
        0,
        Diagnostic::new(
            source,
            severity,
            "statement-budget",
            Span::new(0, end),
            message,
        ),
    );
}
