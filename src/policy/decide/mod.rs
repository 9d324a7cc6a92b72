//! One question, one answer: may this principal do this in this compartment? Deny is applied
//! as OCI applies it (policy reference 6.5): a deny that reaches the principal wins over every
//! allow, wherever in the tree either is attached, except for members of the Default domain's
//! Administrators; a deny whose deciding condition OCI does not enforce is reported as such.
//! For a no, the statements that nearly matched say which part failed.

mod ask;
mod condition;
mod facts;
mod near;
mod render;
mod units;

use serde::Serialize;

use super::ast::GrantKind;
use super::effective::{EffectiveIndex, Entry, PrincipalRef};

pub use ask::parse as parse_question;
pub use condition::{RequestValues, Truth, evaluate};
pub use render::render;
pub use units::{Need, Want, WantError, covered, need};

/// A question for [`EffectiveIndex::decide`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Question {
    pub principal: PrincipalRef,
    /// OCID of the compartment.
    pub compartment: String,
    pub want: Want,
    /// Condition values supplied by the user (`--where VAR=VALUE`).
    pub values: RequestValues,
}

/// The part of a statement that kept it from deciding the question, in the order near
/// misses are shown: the closest (a deny, a condition) first, someone else's grant last.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Part {
    /// It grants the access, but a deny takes it away.
    Deny,
    Condition,
    Domain,
    Location,
    Verb,
    Resource,
    Subject,
}

/// A statement in an answer, with its provenance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reason {
    /// `allow` or `deny`.
    pub effect: &'static str,
    pub statement: String,
    pub policy: String,
    /// Path of the compartment the policy is attached to.
    pub attached_to: String,
    /// How its location covers the compartment asked about (or which it names instead).
    pub location: String,
    /// How it reaches the principal, e.g. "member of group Ops".
    pub via: String,
    /// The units of the question it grants or denies.
    pub covers: Vec<String>,
    /// Its condition and how it came out for this request.
    pub condition: Option<String>,
    pub condition_result: Option<String>,
}

/// A statement that nearly decided the question, and what failed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NearMiss {
    pub failed: Part,
    pub detail: String,
    #[serde(flatten)]
    pub reason: Reason,
}

/// The answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Decision {
    pub allowed: bool,
    /// False when the answer depends on condition values nobody supplied.
    pub certain: bool,
    pub question: String,
    pub compartment: String,
    /// What the question needs: permissions, or the verb on the resource.
    pub required: Vec<String>,
    pub granted: Vec<String>,
    pub missing: Vec<String>,
    /// For a yes, the allows that grant; for a no caused by a deny, the deny only.
    pub deciding: Vec<Reason>,
    pub near_misses: Vec<NearMiss>,
    /// Condition variables whose values were unknown and mattered.
    pub unknown_variables: Vec<String>,
    /// Exemptions and enforcement gaps that bear on the answer.
    pub notes: Vec<String>,
}

/// How one statement relates to the question.
struct Judged<'a> {
    entry: &'a Entry,
    deny: bool,
    applies_here: bool,
    via: Option<String>,
    covers: Vec<String>,
    /// Per covered unit.
    truth: Vec<Truth>,
}

impl EffectiveIndex {
    /// Answers `question`; an error when it names something that does not exist.
    pub fn decide(&self, question: &Question) -> Result<Decision, WantError> {
        let need = units::need(&question.want)?;
        let required = need.units();
        let base = facts::values(self, question);
        let judged: Vec<Judged> = self
            .entries
            .iter()
            .filter_map(|entry| self.judge(entry, question, &need, &base))
            .collect();
        let exempt = facts::exempt_from_deny(self, &question.principal);
        let mut notes = facts::operation_notes(&question.want);
        if let Some(why) = &exempt {
            notes.push(why.clone());
        }
        let mut unknown = std::collections::BTreeSet::new();
        let live = |j: &&Judged| j.applies_here && j.via.is_some() && !j.covers.is_empty();
        // Denies first: they win.
        let mut deciding_denies = Vec::new();
        let mut uncertain_deny = false;
        for j in judged.iter().filter(live).filter(|j| j.deny) {
            if facts::unenforced_deny(j.entry) {
                notes.push(format!(
                    "not applied: OCI does not enforce deny conditions on target.dynamicgroup.* ({})",
                    j.entry.text.trim()
                ));
                continue;
            }
            if exempt.is_some() {
                continue;
            }
            for t in &j.truth {
                match t {
                    Truth::True => {
                        deciding_denies.push(self.reason(j, &question.compartment));
                        break;
                    }
                    Truth::Unknown(vars) => {
                        uncertain_deny = true;
                        unknown.extend(vars.iter().cloned());
                    }
                    Truth::False => {}
                }
            }
        }
        deciding_denies.dedup();
        let mut granted = Vec::new();
        let mut maybe = Vec::new();
        let mut deciding = Vec::new();
        for j in judged.iter().filter(live).filter(|j| !j.deny) {
            let mut used = false;
            for (unit, t) in j.covers.iter().zip(&j.truth) {
                match t {
                    Truth::True => {
                        if !granted.contains(unit) {
                            granted.push(unit.clone());
                        }
                        used = true;
                    }
                    Truth::Unknown(vars) => {
                        maybe.push(unit.clone());
                        unknown.extend(vars.iter().cloned());
                    }
                    Truth::False => {}
                }
            }
            if used {
                deciding.push(self.reason(j, &question.compartment));
            }
        }
        let missing: Vec<String> = required
            .iter()
            .filter(|u| !granted.contains(u))
            .cloned()
            .collect();
        let denied = !deciding_denies.is_empty();
        let allowed = !denied && missing.is_empty() && !uncertain_deny;
        let certain = denied
            || (missing.iter().all(|u| !maybe.contains(u)) && !uncertain_deny)
            || (!missing.is_empty() && missing.iter().any(|u| !maybe.contains(u)));
        let near_misses = if allowed {
            Vec::new()
        } else {
            near::near_misses(self, question, &need, &judged, &deciding_denies, &missing)
        };
        if !certain {
            notes.push(
                "the answer depends on condition values not given: pass them with --where VAR=VALUE"
                    .into(),
            );
        }
        Ok(Decision {
            allowed,
            certain,
            question: self.question_text(question),
            compartment: self.tree.display(&question.compartment),
            required,
            granted,
            missing,
            deciding: if denied { deciding_denies } else { deciding },
            near_misses,
            unknown_variables: if certain {
                Vec::new()
            } else {
                unknown.into_iter().collect()
            },
            notes,
        })
    }

    fn judge<'a>(
        &self,
        entry: &'a Entry,
        question: &Question,
        need: &Need,
        base: &RequestValues,
    ) -> Option<Judged<'a>> {
        let grant = entry.grant()?;
        if grant.kind != GrantKind::Allow {
            return None;
        }
        // A location that does not resolve applies nowhere, but may still be a near miss.
        let applies_here = entry
            .location
            .as_deref()
            .is_some_and(|l| self.tree.covers(l, &question.compartment));
        let via = self.reaches_subjects(&question.principal, &entry.subjects, grant.kind);
        let covers = units::covered(&grant.action, need);
        let truth = covers
            .iter()
            .map(|unit| match &grant.condition {
                None => Truth::True,
                Some(c) => evaluate(c, &facts::for_unit(base, unit, need)),
            })
            .collect();
        Some(Judged {
            entry,
            deny: grant.deny,
            applies_here,
            via,
            covers,
            truth,
        })
    }

    fn reason(&self, j: &Judged, compartment: &str) -> Reason {
        let entry = j.entry;
        let grant = entry.grant();
        let condition = grant
            .and_then(|g| g.condition.as_ref())
            .map(ToString::to_string);
        let condition_result = condition.as_ref().map(|_| {
            match j
                .truth
                .iter()
                .find(|t| !matches!(t, Truth::False))
                .unwrap_or(&Truth::False)
            {
                Truth::True => "true for this request".to_string(),
                Truth::False => "false for this request".to_string(),
                Truth::Unknown(v) => format!(
                    "unknown: no value for {}",
                    v.iter().cloned().collect::<Vec<_>>().join(", ")
                ),
            }
        });
        Reason {
            effect: if j.deny { "deny" } else { "allow" },
            statement: entry.text.trim().to_string(),
            policy: entry.policy_name.to_string(),
            attached_to: self.tree.display(&entry.attached_to),
            location: match entry.location.as_deref() {
                Some(location) => self.location_text(location, compartment),
                None => "a location that names no compartment of this tenancy".to_string(),
            },
            via: j.via.clone().unwrap_or_default(),
            covers: j.covers.clone(),
            condition,
            condition_result,
        }
    }

    fn location_text(&self, location: &str, compartment: &str) -> String {
        let named = if location == self.tree.root() {
            "in tenancy".to_string()
        } else {
            format!("in compartment {}", self.tree.display(location))
        };
        if location == compartment {
            named
        } else if self.tree.covers(location, compartment) {
            format!("{named}, inherited by {}", self.tree.display(compartment))
        } else {
            format!(
                "{named}, which does not cover {}",
                self.tree.display(compartment)
            )
        }
    }

    fn question_text(&self, q: &Question) -> String {
        format!(
            "Can {} {} in {}?",
            self.principal_name(&q.principal),
            q.want,
            self.tree.display(&q.compartment)
        )
    }

    /// A principal's name for messages.
    pub fn principal_name(&self, p: &PrincipalRef) -> String {
        match p {
            PrincipalRef::User(id) => self
                .users
                .get(id.as_str())
                .cloned()
                .unwrap_or_else(|| id.clone()),
            PrincipalRef::Group(id) => format!(
                "group {}",
                self.groups.get(id).cloned().unwrap_or_else(|| id.clone())
            ),
            PrincipalRef::DynamicGroup(id) => format!(
                "dynamic group {}",
                self.dynamic_groups
                    .get(id)
                    .map_or(id.as_str(), |(n, _)| n.as_str())
            ),
        }
    }
}
