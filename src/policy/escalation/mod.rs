//! Escalation paths: principals whose grants let them make themselves (or someone else) more
//! powerful, found with the same decision engine as `canopy audit`, so denies, conditions and
//! inheritance count exactly as they do for any other question.
//!
//! The chains looked for: joining Administrators (group memberships), writing any grant
//! (policies), taking over another user (their credentials), acting as a dynamic group
//! (rewriting its rule, or launching an instance it matches) and tagging an instance into a
//! dynamic group whose rule tests a tag.

mod candidates;
mod dynamic;
mod iam;
mod render;

use serde::Serialize;

use super::decide::{Decision, Question, RequestValues, Want};
use super::effective::{EffectiveIndex, PrincipalRef};

pub use render::render;

/// The Default domain's administrators group: its members are where most chains end.
pub const ADMINISTRATORS: &str = "Administrators";

/// A group OCID no statement names: asked about, it is reached only by `any-user` and
/// `any-group`, so its paths are everyone's.
pub const EVERY_GROUP: &str = "ocid1.group.oc1..every-group";

/// What a path lets its principal do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum PathKind {
    /// Add any user (themselves) to Administrators.
    JoinAdministrators,
    /// Create or rewrite a policy: grant anything to anyone.
    WriteAnyGrant,
    /// Reset another user's password or add a key or token to them, and sign in as them.
    TakeOverUser,
    /// Make an instance a dynamic group matches, then act with the group's grants.
    ActAsDynamicGroup,
    /// Tag an instance with a tag a dynamic group's rule tests.
    TagIntoDynamicGroup,
}

impl PathKind {
    pub fn title(self) -> &'static str {
        match self {
            PathKind::JoinAdministrators => "can join Administrators",
            PathKind::WriteAnyGrant => "can write any grant",
            PathKind::TakeOverUser => "can take over other users",
            PathKind::ActAsDynamicGroup => "can act as a dynamic group",
            PathKind::TagIntoDynamicGroup => "can tag an instance into a dynamic group",
        }
    }
}

/// A statement a path rests on.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Grounds {
    pub policy: String,
    pub statement: String,
}

/// One escalation path of one principal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EscalationPath {
    /// `group Helpdesk` or `dynamic group ci-functions`.
    pub principal: String,
    /// The users who can take the path (the group's members), or the dynamic group's rule.
    pub members: Vec<String>,
    pub kind: PathKind,
    /// The chain, step by step.
    pub chain: Vec<String>,
    /// Who or what the path reaches, e.g. the members of Administrators.
    pub reaches: Vec<String>,
    /// The statements that grant each step.
    pub granted_by: Vec<Grounds>,
    /// False when a condition decides and its values are unknown (the path may exist).
    pub certain: bool,
}

/// Every escalation path in the tenancy, by principal then kind.
pub fn analyse(index: &EffectiveIndex) -> Vec<EscalationPath> {
    let admins = administrators(index);
    let mut out = Vec::new();
    let probe = Probe {
        index,
        admins: admins.as_deref(),
    };
    iam::join_administrators(&probe, &mut out);
    iam::write_any_grant(&probe, &mut out);
    iam::take_over_users(&probe, &mut out);
    dynamic::act_as_dynamic_groups(&probe, &mut out);
    out.sort_by(|a, b| (&a.principal, a.kind).cmp(&(&b.principal, b.kind)));
    out
}

/// The administrators group's OCID, if the tenancy has one.
fn administrators(index: &EffectiveIndex) -> Option<String> {
    index
        .groups
        .iter()
        .filter(|(_, name)| name.eq_ignore_ascii_case(ADMINISTRATORS))
        .map(|(id, _)| id.clone())
        .min()
}

/// What every chain needs: the index and a way to ask it one question.
pub(crate) struct Probe<'a> {
    pub index: &'a EffectiveIndex,
    pub admins: Option<&'a str>,
}

impl Probe<'_> {
    /// Asks the engine; `None` when the question cannot be asked (an unknown operation).
    pub fn ask(
        &self,
        principal: &PrincipalRef,
        compartment: &str,
        want: Want,
        values: &[(&str, &str)],
    ) -> Option<Decision> {
        let mut given = RequestValues::default();
        for (variable, value) in values {
            given.add(variable, value);
        }
        self.index
            .decide(&Question {
                principal: principal.clone(),
                compartment: compartment.to_string(),
                want,
                values: given,
            })
            .ok()
    }

    /// Whether the principal is an administrator already (nothing to escalate to).
    pub fn is_admin(&self, principal: &PrincipalRef) -> bool {
        matches!(principal, PrincipalRef::Group(id) if Some(id.as_str()) == self.admins)
    }

    /// The users a group reaches, sorted; a dynamic group's rule.
    pub fn members(&self, principal: &PrincipalRef) -> Vec<String> {
        let index = self.index;
        match principal {
            PrincipalRef::Group(id) => self.group_members(id),
            PrincipalRef::DynamicGroup(id) => index
                .dynamic_groups
                .get(id)
                .map(|(_, rule)| vec![format!("instances matching {rule}")])
                .unwrap_or_default(),
            PrincipalRef::User(id) => index.users.get(id.as_str()).cloned().into_iter().collect(),
        }
    }

    pub fn group_members(&self, group_id: &str) -> Vec<String> {
        let mut names: Vec<String> = self.index.member_names(group_id);
        names.sort();
        names.dedup();
        names
    }

    /// "Administrators: ana, david" (or that the tenancy has no such group).
    pub fn administrators_reached(&self) -> Vec<String> {
        match self.admins {
            Some(id) => vec![format!(
                "{ADMINISTRATORS} (manage all-resources in tenancy): {}",
                self.group_members(id).join(", ")
            )],
            None => vec![format!("{ADMINISTRATORS}: no such group in this tenancy")],
        }
    }

    /// A new path for `principal`, its grounds taken from the deciding statements.
    pub fn path(
        &self,
        principal: &PrincipalRef,
        kind: PathKind,
        chain: Vec<String>,
        reaches: Vec<String>,
        decisions: &[&Decision],
    ) -> EscalationPath {
        let mut granted_by: Vec<Grounds> = decisions
            .iter()
            .flat_map(|d| d.deciding.iter())
            .map(|r| Grounds {
                policy: r.policy.clone(),
                statement: r.statement.clone(),
            })
            .collect();
        granted_by.sort();
        granted_by.dedup();
        let every = matches!(principal, PrincipalRef::Group(id) if id == EVERY_GROUP);
        EscalationPath {
            principal: if every {
                "any-user / any-group (every user in a group)".to_string()
            } else {
                self.index.principal_name(principal)
            },
            members: if every {
                vec![format!(
                    "every user in a group ({} users)",
                    self.index.users.len()
                )]
            } else {
                self.members(principal)
            },
            kind,
            chain,
            reaches,
            granted_by,
            certain: decisions.iter().all(|d| d.allowed),
        }
    }
}

/// A yes, or a maybe that hangs on a condition value nobody knows.
pub(crate) fn possible(d: &Decision) -> bool {
    d.allowed || !d.certain
}
