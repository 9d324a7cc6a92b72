//! What an audit question returns: each grant with its provenance (statement, policy, where
//! it is attached, how its location covers the compartment, who it reaches and how).

use serde::Serialize;

use super::Entry;

/// A statement that applies to a compartment, and how its location reaches it.
#[derive(Debug, Clone)]
pub struct Applied<'a> {
    pub entry: &'a Entry,
    /// e.g. "in compartment Prod, inherited by Prod:AppTier".
    pub coverage: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Effect {
    Allow,
    /// Deny statements take precedence over allows.
    Deny,
}

/// How much of the asked verb and resource a statement grants.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Coverage {
    Full,
    /// Some of the permissions (a permission list, or a member of an asked family).
    Partial,
}

/// One line of an audit answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Answer {
    pub effect: Effect,
    pub coverage: Coverage,
    /// The subject as written, e.g. `group Ops` or `any-user`.
    pub subject: String,
    /// How the asked principal is reached, e.g. "member of group `NetOps`"; empty for
    /// "who can" answers.
    pub via: String,
    /// `manage instance-family` or `{INSTANCE_READ, INSTANCE_UPDATE}`.
    pub grants: String,
    /// The `where` clause, shown rather than assumed true.
    pub condition: Option<String>,
    pub statement: String,
    pub policy: String,
    /// 0-based position of the statement in its policy.
    pub statement_index: usize,
    /// Path of the compartment the policy is attached to (`tenancy` for the root).
    pub attached_to: String,
    /// How the statement's location covers the asked compartment.
    pub location: String,
    /// Users the grant reaches (group members), for "who can" answers.
    pub members: Vec<String>,
}

impl std::fmt::Display for Answer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let effect = match self.effect {
            Effect::Allow => "allow",
            Effect::Deny => "DENY",
        };
        let partial = match self.coverage {
            Coverage::Full => "",
            Coverage::Partial => " (partly)",
        };
        write!(f, "{effect}{partial}: {} {}", self.subject, self.grants)?;
        if !self.via.is_empty() {
            write!(f, " [{}]", self.via)?;
        }
        write!(f, "\n    {}", self.location)?;
        if let Some(condition) = &self.condition {
            write!(f, "\n    only where {condition}")?;
        }
        write!(
            f,
            "\n    policy {} (attached to {}): {}",
            self.policy, self.attached_to, self.statement
        )?;
        if !self.members.is_empty() {
            write!(f, "\n    reaches: {}", self.members.join(", "))?;
        }
        Ok(())
    }
}
