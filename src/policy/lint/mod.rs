//! Lint a policy against a tenancy: names and OCIDs that do not exist, locations a policy
//! cannot reach, cross-tenancy statements outside the root, over-broad grants, duplicates,
//! redundant statements and the 500-statement budget along a compartment path.

mod budget;
mod overlap;
mod rules;

use std::sync::Arc;

use serde::Serialize;

use crate::model::Snapshot;

use super::ast::{Statement, StatementBody};
use super::diagnostic::Diagnostic;
use super::effective::{Directory, EffectiveIndex, ResolvedSubject, resolve_location};
use super::parse_statement;

pub use budget::{BUDGET, PathUsage, budget};

/// A diagnostic and the (0-based) index of the statement it is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StatementDiagnostic {
    pub index: usize,
    #[serde(flatten)]
    pub diagnostic: Diagnostic,
}

/// A statement of the policy being linted, parsed and resolved.
pub(crate) struct Linted<'s> {
    pub index: usize,
    pub source: &'s str,
    pub statement: Statement,
    pub location: Option<String>,
    pub subjects: Vec<ResolvedSubject>,
}

/// Lints the statements of a (new or edited) policy attached to `compartment_id`.
pub fn lint_policy(
    snapshot: &Snapshot,
    compartment_id: &str,
    statements: &[String],
) -> Vec<StatementDiagnostic> {
    PolicyLinter::new(snapshot).lint(compartment_id, statements, None)
}

/// Lints new text for an existing policy: its old statements are left out of the duplicate,
/// redundancy and budget rules so the policy is not compared with itself. An unknown policy
/// id is linted as a new policy attached to the root.
pub fn lint_policy_edit(
    snapshot: &Snapshot,
    policy_id: &str,
    statements: &[String],
) -> Vec<StatementDiagnostic> {
    let compartment = snapshot
        .policies
        .iter()
        .find(|p| p.id == policy_id)
        .map_or(snapshot.tenancy.id.as_str(), |p| p.compartment_id.as_str());
    PolicyLinter::new(snapshot).lint(compartment, statements, Some(policy_id))
}

/// A finding about a statement of a policy already in the tenancy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PolicyFinding {
    pub policy_id: String,
    pub policy_name: String,
    /// Path of the compartment the policy is attached to (`tenancy` for the root).
    pub attached_to: String,
    pub index: usize,
    #[serde(flatten)]
    pub diagnostic: Diagnostic,
}

/// Lints every active policy of the tenancy, each against all the others.
pub fn lint_tenancy(snapshot: &Snapshot) -> Vec<PolicyFinding> {
    let linter = PolicyLinter::new(snapshot);
    let mut out = Vec::new();
    for policy in &snapshot.policies {
        if matches!(
            policy.lifecycle_state,
            crate::model::LifecycleState::Deleted
        ) {
            continue;
        }
        for found in linter.lint(&policy.compartment_id, &policy.statements, Some(&policy.id)) {
            out.push(PolicyFinding {
                policy_id: policy.id.clone(),
                policy_name: policy.name.clone(),
                attached_to: linter.index.tree.display(&policy.compartment_id),
                index: found.index,
                diagnostic: found.diagnostic,
            });
        }
    }
    out
}

/// Holds what linting needs from a tenancy, so an editor can build it once and lint on
/// every keystroke.
pub struct PolicyLinter<'a> {
    snapshot: &'a Snapshot,
    directory: Directory<'a>,
    index: EffectiveIndex,
}

impl<'a> PolicyLinter<'a> {
    pub fn new(snapshot: &'a Snapshot) -> Self {
        Self {
            snapshot,
            directory: Directory::build(snapshot),
            index: EffectiveIndex::build(snapshot),
        }
    }

    /// The effective-permission index built for linting (reusable for audit views).
    pub fn index(&self) -> &EffectiveIndex {
        &self.index
    }

    /// All findings for `statements` attached to `compartment_id`, ordered by statement.
    pub fn lint(
        &self,
        compartment_id: &str,
        statements: &[String],
        editing: Option<&str>,
    ) -> Vec<StatementDiagnostic> {
        lint_with(
            self.snapshot,
            &self.directory,
            &self.index,
            compartment_id,
            statements,
            editing,
        )
    }
}

/// A linter that owns its (shared) tenancy, so UI state can keep it between keystrokes and
/// the audit view can ask its index. Building it indexes the whole tenancy (hundreds of
/// milliseconds for a very large one), so build it off the UI thread; linting is then cheap.
pub struct TenancyLinter {
    snapshot: Arc<Snapshot>,
    index: EffectiveIndex,
}

impl TenancyLinter {
    pub fn new(snapshot: Arc<Snapshot>) -> Self {
        let index = EffectiveIndex::build(&snapshot);
        Self { snapshot, index }
    }

    pub fn snapshot(&self) -> &Arc<Snapshot> {
        &self.snapshot
    }

    pub fn index(&self) -> &EffectiveIndex {
        &self.index
    }

    /// As [`lint_policy`] (a new policy attached to `compartment_id`), or as
    /// [`lint_policy_edit`] when `policy_id` names a policy of the tenancy.
    pub fn lint(
        &self,
        compartment_id: &str,
        policy_id: Option<&str>,
        statements: &[String],
    ) -> Vec<StatementDiagnostic> {
        let editing = policy_id.filter(|id| self.snapshot.policies.iter().any(|p| p.id == *id));
        // The name lookups are cheap next to the index; building them per call keeps this
        // type free of self-references.
        let directory = Directory::build(&self.snapshot);
        lint_with(
            &self.snapshot,
            &directory,
            &self.index,
            compartment_id,
            statements,
            editing,
        )
    }
}

impl std::fmt::Debug for TenancyLinter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TenancyLinter")
            .field("tenancy", &self.snapshot.tenancy.id)
            .field("statements", &self.index.entries().len())
            .finish_non_exhaustive()
    }
}

/// Two linters are equal when they were built from equal tenancies.
impl PartialEq for TenancyLinter {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.snapshot, &other.snapshot) || self.snapshot == other.snapshot
    }
}

fn lint_with(
    snapshot: &Snapshot,
    directory: &Directory<'_>,
    effective: &EffectiveIndex,
    compartment_id: &str,
    statements: &[String],
    editing: Option<&str>,
) -> Vec<StatementDiagnostic> {
    let mut out = Vec::new();
    let mut linted = Vec::new();
    for (index, source) in statements.iter().enumerate() {
        let (statement, diagnostics) = parse_statement(source);
        out.extend(
            diagnostics
                .into_iter()
                .map(|diagnostic| StatementDiagnostic { index, diagnostic }),
        );
        let Some(statement) = statement else { continue };
        let (location, subjects) = match &statement.body {
            StatementBody::Grant(g) => (
                resolve_location(&effective.tree, compartment_id, g),
                directory.subjects(g),
            ),
            StatementBody::Define(_) => (None, Vec::new()),
        };
        linted.push(Linted {
            index,
            source,
            statement,
            location,
            subjects,
        });
    }
    let context = rules::Context {
        tree: &effective.tree,
        directory,
        compartment_id,
    };
    let mut push = |index: usize, diagnostic: Diagnostic| {
        out.push(StatementDiagnostic { index, diagnostic });
    };
    crate::policy::lines::indexed(statements.iter().map(String::as_str), || {
        rules::check(&context, &linted, &mut push);
        overlap::check(effective, &linted, editing, &mut push);
        budget::check(
            snapshot,
            &effective.tree,
            compartment_id,
            statements,
            editing,
            &mut push,
        );
    });
    out.sort_by_key(|d| (d.index, d.diagnostic.span.start));
    out
}
