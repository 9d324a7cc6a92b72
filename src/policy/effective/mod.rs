//! Effective permissions: every parsed statement of a tenancy, resolved (location to a
//! compartment OCID, subjects to group and dynamic-group OCIDs) and indexed by location, so
//! "what applies to compartment C" walks C's ancestors instead of every policy.

mod answer;
// Every domain's directory (Identity Domains, SCIM).
mod domains;
mod federated;
mod query;

use std::collections::HashMap;

use crate::model::{SharedId, Snapshot};

use super::ast::{
    Grant, GrantKind, Location, Principal, PrincipalKind, Statement, StatementBody, Subject,
};
use super::diagnostic::Diagnostic;
use super::parser;
use super::tree::CompartmentTree;

pub use answer::{Answer, Applied, Coverage, Effect};
pub use federated::{IdpGroup, is_federated};
pub use query::PrincipalRef;

/// The identity domain a group name without a domain belongs to.
pub const DEFAULT_DOMAIN: &str = "Default";

/// A subject of a statement, resolved against the tenancy where possible. Its OCID and
/// name are held once however many statements name it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ResolvedSubject {
    AnyUser,
    AnyGroup,
    /// `id` is `None` when no group of that name or OCID exists.
    Group {
        id: Option<SharedId>,
        name: SharedId,
    },
    DynamicGroup {
        id: Option<SharedId>,
        name: SharedId,
    },
    Service {
        name: String,
    },
}

/// One statement of one policy, parsed and resolved.
#[derive(Debug, Clone)]
pub struct Entry {
    /// The policy's OCID, name and compartment are held once for all its statements.
    pub policy_id: SharedId,
    pub policy_name: SharedId,
    /// The compartment the policy is attached to.
    pub attached_to: SharedId,
    pub index: usize,
    /// The statement as written in the policy.
    pub text: String,
    pub statement: Statement,
    /// The compartment its location names, when it resolves inside this tenancy (held once
    /// for every statement about it).
    pub location: Option<SharedId>,
    pub subjects: Vec<ResolvedSubject>,
}

impl Entry {
    pub fn grant(&self) -> Option<&Grant> {
        self.statement.grant()
    }
}

/// A statement that does not parse, kept so the audit can say it was skipped.
#[derive(Debug, Clone)]
pub struct Unparsed {
    pub policy_name: String,
    pub index: usize,
    pub diagnostic: Diagnostic,
}

/// The tenancy's policies, ready for audit questions. Owns its data, so it can live in
/// UI state next to (or instead of) the snapshot.
#[derive(Debug, Clone)]
pub struct EffectiveIndex {
    pub(crate) tree: CompartmentTree,
    pub(crate) entries: Vec<Entry>,
    by_location: HashMap<SharedId, Vec<usize>>,
    pub(crate) unparsed: Vec<Unparsed>,
    pub(crate) groups: HashMap<String, String>,
    pub(crate) dynamic_groups: HashMap<String, (String, String)>,
    /// user OCID -> name; the OCIDs are the memberships' own shared ones (no copy per user).
    pub(crate) users: HashMap<SharedId, String>,
    /// user OCID -> group OCIDs (the memberships' own shared OCIDs: no copy per membership)
    pub(crate) member_of: HashMap<SharedId, Vec<SharedId>>,
    /// group OCID -> user OCIDs
    pub(crate) members: HashMap<SharedId, Vec<SharedId>>,
    /// Identity-provider groups mapped to IAM groups, by their key: federated principals,
    /// also in `users` (by label), `member_of` and `members`.
    pub(crate) federated: HashMap<String, IdpGroup>,
}

/// Deleted principals and compartments cannot be named by a policy or reached by one.
pub(crate) fn live(state: &crate::model::LifecycleState) -> bool {
    !matches!(state, crate::model::LifecycleState::Deleted)
}

impl EffectiveIndex {
    /// The OCIDs of the groups a user (or federated principal) is in.
    pub(crate) fn groups_of(&self, user_id: &str) -> Vec<String> {
        self.member_of
            .get(user_id)
            .map(|groups| groups.iter().map(ToString::to_string).collect())
            .unwrap_or_default()
    }

    /// The names of a group's members (users, and mapped identity-provider groups).
    pub(crate) fn member_names(&self, group_id: &str) -> Vec<String> {
        self.members
            .get(group_id)
            .into_iter()
            .flatten()
            .filter_map(|u| self.users.get(u.as_str()).cloned())
            .collect()
    }
}

/// Name and OCID lookups shared by the index and the linter.
pub(crate) struct Directory<'a> {
    pub groups_by_name: HashMap<String, &'a str>,
    pub group_ids: HashMap<&'a str, &'a str>,
    pub dynamic_by_name: HashMap<String, &'a str>,
    pub dynamic_ids: HashMap<&'a str, &'a str>,
    /// Display names of the identity domains that are not deleted (empty for a tenancy that
    /// predates them).
    pub domains: Vec<&'a str>,
    /// Group names (lower case) of domains other than Default, with their domain: a bare
    /// name that is also one of these is ambiguous to a reader.
    pub other_domain_groups: HashMap<String, Vec<&'a str>>,
    // Every domain's directory (Identity Domains, SCIM).
    /// The same for dynamic groups.
    pub other_domain_dynamic: HashMap<String, Vec<&'a str>>,
    /// `domain/name` (lower case) -> OCID, for the groups and the dynamic groups of the
    /// domains other than Default whose directories the snapshot holds.
    pub qualified_groups: HashMap<String, &'a str>,
    pub qualified_dynamic: HashMap<String, &'a str>,
    /// OCID -> `Domain/Name` of those groups and dynamic groups.
    pub other_ids: HashMap<&'a str, String>,
    /// Display names (lower case) of the domains whose directories the snapshot holds: only
    /// in those can a missing group be told apart from one canopy could not read.
    pub read_domains: Vec<String>,
}

impl<'a> Directory<'a> {
    pub fn build(snapshot: &'a Snapshot) -> Self {
        Self {
            groups_by_name: snapshot
                .groups
                .iter()
                .filter(|x| live(&x.lifecycle_state))
                .map(|g| (g.name.to_lowercase(), g.id.as_str()))
                .collect(),
            group_ids: snapshot
                .groups
                .iter()
                .filter(|x| live(&x.lifecycle_state))
                .map(|g| (g.id.as_str(), g.name.as_str()))
                .collect(),
            dynamic_by_name: snapshot
                .dynamic_groups
                .iter()
                .filter(|x| live(&x.lifecycle_state))
                .map(|g| (g.name.to_lowercase(), g.id.as_str()))
                .collect(),
            dynamic_ids: snapshot
                .dynamic_groups
                .iter()
                .filter(|x| live(&x.lifecycle_state))
                .map(|g| (g.id.as_str(), g.name.as_str()))
                .collect(),
            domains: snapshot
                .domains
                .iter()
                .filter(|d| live(&d.lifecycle_state))
                .map(|d| d.display_name.as_str())
                .collect(),
            other_domain_groups: HashMap::new(),
            other_domain_dynamic: HashMap::new(),
            qualified_groups: HashMap::new(),
            qualified_dynamic: HashMap::new(),
            other_ids: HashMap::new(),
            read_domains: Vec::new(),
        }
        .with_other_domains(snapshot)
    }

    /// Resolves every subject of a grant. Admit subjects belong to another tenancy and are
    /// never resolved locally. The groups and dynamic groups of the snapshot are the Default
    /// domain's, so a name qualified with another domain resolves to none of them.
    pub fn subjects(&self, grant: &Grant) -> Vec<ResolvedSubject> {
        match &grant.subject {
            Subject::AnyUser { .. } => vec![ResolvedSubject::AnyUser],
            Subject::AnyGroup { .. } => vec![ResolvedSubject::AnyGroup],
            Subject::Principals { items, .. } => items
                .iter()
                .map(|item| {
                    let local = grant.kind != GrantKind::Admit;
                    let (by_name, by_id) = match item.kind {
                        PrincipalKind::Group => (&self.groups_by_name, &self.group_ids),
                        PrincipalKind::DynamicGroup => (&self.dynamic_by_name, &self.dynamic_ids),
                        PrincipalKind::Service => {
                            return ResolvedSubject::Service {
                                name: item.principal.to_string(),
                            };
                        }
                    };
                    let (id, name) = match &item.principal {
                        // A name without a domain, or with `Default`, is a Default-domain
                        // group; another domain's group of the same name is someone else.
                        Principal::Name {
                            domain: Some(domain),
                            name,
                        } if !domain.is(DEFAULT_DOMAIN) => {
                            let qualified = if item.kind == PrincipalKind::Group {
                                &self.qualified_groups
                            } else {
                                &self.qualified_dynamic
                            };
                            let key = format!(
                                "{}/{}",
                                domain.text.to_lowercase(),
                                name.text.to_lowercase()
                            );
                            (
                                qualified.get(&key).map(|s| (*s).to_string()),
                                format!("{}/{}", domain.text, name.text),
                            )
                        }
                        Principal::Name { name, .. } => (
                            by_name
                                .get(&name.text.to_lowercase())
                                .map(|s| (*s).to_string()),
                            name.text.clone(),
                        ),
                        Principal::Id { ocid } => match by_id.get(ocid.text.as_str()) {
                            Some(name) => (Some(ocid.text.clone()), (*name).to_string()),
                            None => match self.other_ids.get(ocid.text.as_str()) {
                                Some(name) => (Some(ocid.text.clone()), name.clone()),
                                None => (None, ocid.text.clone()),
                            },
                        },
                    };
                    let id = id.filter(|_| local).map(|id| SharedId::new(&id));
                    let name = SharedId::new(&name);
                    if item.kind == PrincipalKind::Group {
                        ResolvedSubject::Group { id, name }
                    } else {
                        ResolvedSubject::DynamicGroup { id, name }
                    }
                })
                .collect(),
        }
    }
}

/// Where a grant's (first) location lands, relative to the compartment the policy is
/// attached to; `None` for other tenancies and names that do not resolve.
pub(crate) fn resolve_location(
    tree: &CompartmentTree,
    attached_to: &str,
    grant: &Grant,
) -> Option<String> {
    if grant.kind == GrantKind::Endorse {
        return None;
    }
    match grant.locations.first()? {
        Location::Tenancy { alias: None, .. } => Some(tree.root().to_string()),
        Location::Compartment {
            path,
            of_tenancy: None,
            ..
        } => tree.resolve_path(attached_to, path).ok(),
        Location::CompartmentId { ocid, .. } => {
            tree.contains(&ocid.text).then(|| ocid.text.clone())
        }
        _ => None,
    }
}

impl EffectiveIndex {
    pub fn build(snapshot: &Snapshot) -> Self {
        let tree = CompartmentTree::build(snapshot);
        let directory = Directory::build(snapshot);
        // Sized once: a list of 10,000 statements grown by doubling is copied as it grows.
        let statements = snapshot.policies.iter().map(|p| p.statements.len()).sum();
        let mut entries = Vec::with_capacity(statements);
        let mut unparsed = Vec::new();
        let mut by_location: HashMap<SharedId, Vec<usize>> = HashMap::new();
        for policy in &snapshot.policies {
            if matches!(
                policy.lifecycle_state,
                crate::model::LifecycleState::Deleted
            ) {
                continue;
            }
            let policy_id = SharedId::new(&policy.id);
            let policy_name = SharedId::new(&policy.name);
            let attached_to = SharedId::new(&policy.compartment_id);
            for (index, text) in policy.statements.iter().enumerate() {
                let statement = match parser::parse(text) {
                    Ok(s) => s,
                    Err(diagnostic) => {
                        unparsed.push(Unparsed {
                            policy_name: policy.name.clone(),
                            index,
                            diagnostic,
                        });
                        continue;
                    }
                };
                let (location, subjects) = match &statement.body {
                    StatementBody::Grant(g) => (
                        resolve_location(&tree, &policy.compartment_id, g)
                            .map(|at| SharedId::new(&at)),
                        directory.subjects(g),
                    ),
                    StatementBody::Define(_) => (None, Vec::new()),
                };
                if let Some(location) = &location {
                    by_location
                        .entry(location.clone())
                        .or_default()
                        .push(entries.len());
                }
                entries.push(Entry {
                    policy_id: policy_id.clone(),
                    policy_name: policy_name.clone(),
                    attached_to: attached_to.clone(),
                    index,
                    text: text.clone(),
                    statement,
                    location,
                    subjects,
                });
            }
        }
        // Held as long as the snapshot is in use: no room left over from growing.
        entries.shrink_to_fit();
        by_location.values_mut().for_each(Vec::shrink_to_fit);
        let mut member_of: HashMap<SharedId, Vec<SharedId>> = HashMap::new();
        let mut members: HashMap<SharedId, Vec<SharedId>> = HashMap::new();
        // Every domain's directory (Identity Domains, SCIM): the memberships of other domains
        // too, so a user reached only through a Partners group is found.
        let other_memberships = domains::other_directories(snapshot)
            .into_iter()
            .flat_map(|(_, d)| d.memberships.iter());
        for m in snapshot.memberships.iter().chain(other_memberships) {
            if matches!(m.lifecycle_state, crate::model::LifecycleState::Deleted) {
                continue;
            }
            member_of
                .entry(m.user_id.clone())
                .or_default()
                .push(m.group_id.clone());
            members
                .entry(m.group_id.clone())
                .or_default()
                .push(m.user_id.clone());
        }
        let mapped = federated::mapped(snapshot);
        for (key, groups) in mapped.member_of {
            let key = SharedId::new(&key);
            let groups: Vec<SharedId> = groups.iter().map(|g| SharedId::new(g)).collect();
            for group in &groups {
                members.entry(group.clone()).or_default().push(key.clone());
            }
            member_of.insert(key, groups);
        }
        let mut users: HashMap<SharedId, String> = snapshot
            .users
            .iter()
            .filter(|x| live(&x.lifecycle_state))
            .map(|u| (SharedId::new(&u.id), u.name.clone()))
            .collect();
        users.extend(
            mapped
                .groups
                .iter()
                .map(|(k, g)| (SharedId::new(k), g.label())),
        );
        let mut index = Self {
            tree,
            entries,
            by_location,
            unparsed,
            groups: snapshot
                .groups
                .iter()
                .filter(|x| live(&x.lifecycle_state))
                .map(|g| (g.id.clone(), g.name.clone()))
                .collect(),
            dynamic_groups: snapshot
                .dynamic_groups
                .iter()
                .filter(|x| live(&x.lifecycle_state))
                .map(|g| (g.id.clone(), (g.name.clone(), g.matching_rule.clone())))
                .collect(),
            users,
            member_of,
            members,
            federated: mapped.groups,
        };
        index.add_other_domains(snapshot);
        // Lists grown by doubling keep up to half again as much slack: the index is kept for
        // the session (twice, for a moment, while a warm start revalidates).
        index.entries.shrink_to_fit();
        for list in index.by_location.values_mut() {
            list.shrink_to_fit();
        }
        for list in index
            .member_of
            .values_mut()
            .chain(index.members.values_mut())
        {
            list.shrink_to_fit();
        }
        index
    }

    pub fn tree(&self) -> &CompartmentTree {
        &self.tree
    }

    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// Statements that could not be parsed, and so are left out of every answer.
    pub fn unparsed(&self) -> &[Unparsed] {
        &self.unparsed
    }

    /// Finds a compartment by OCID or path (`Prod:AppTier`, `tenancy`).
    pub fn compartment(&self, text: &str) -> Option<String> {
        self.tree.find(text)
    }

    /// Every statement that applies to `compartment_id`: its location is the compartment
    /// or an ancestor. Nearest first, then by policy and statement order.
    pub fn statements_for(&self, compartment_id: &str) -> Vec<Applied<'_>> {
        let mut out = Vec::new();
        for location in self.tree.self_and_ancestors(compartment_id) {
            for &i in self
                .by_location
                .get(location)
                .map_or(&[][..], Vec::as_slice)
            {
                let entry = &self.entries[i];
                out.push(Applied {
                    entry,
                    coverage: self.coverage_text(location, compartment_id),
                });
            }
        }
        out
    }

    /// "in compartment Prod, inherited by Prod:AppTier", "in tenancy" ...
    fn coverage_text(&self, location: &str, compartment: &str) -> String {
        let named = if location == self.tree.root() {
            "in tenancy".to_string()
        } else {
            format!("in compartment {}", self.tree.display(location))
        };
        if location == compartment {
            named
        } else {
            format!("{named}, inherited by {}", self.tree.display(compartment))
        }
    }
}
