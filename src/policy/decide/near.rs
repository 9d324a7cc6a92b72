//! Why not: the allows that failed the question in exactly one part (subject, domain, verb,
//! resource, location, condition) or that would grant it but for a deny, as GCP's policy
//! troubleshooter shows them.

use super::units::{self, Need};
use super::{Judged, NearMiss, Part, Question, Reason, Truth};
use crate::policy::ast::{Principal, Subject};
use crate::policy::effective::{EffectiveIndex, PrincipalRef};

/// At most this many near misses, the closest first.
const SHOWN: usize = 12;

pub fn near_misses(
    index: &EffectiveIndex,
    q: &Question,
    need: &Need,
    judged: &[Judged],
    denies: &[Reason],
    missing: &[String],
) -> Vec<NearMiss> {
    let mut out: Vec<NearMiss> = judged
        .iter()
        .filter(|j| !j.deny)
        .filter_map(|j| {
            let (failed, detail) = one_failure(index, q, need, j, denies, missing)?;
            Some(NearMiss {
                failed,
                detail,
                reason: index.reason(j, &q.compartment),
            })
        })
        .collect();
    out.sort_by(|a, b| {
        (a.failed, &a.reason.policy, &a.reason.statement).cmp(&(
            b.failed,
            &b.reason.policy,
            &b.reason.statement,
        ))
    });
    // Grants to others say least: a few are enough to show who does hold it.
    let mut others = 0;
    out.retain(|m| {
        others += usize::from(m.failed == Part::Subject);
        m.failed != Part::Subject || others <= 3
    });
    out.truncate(SHOWN);
    out
}

/// The single part that failed, or `None` when none or several did.
fn one_failure(
    index: &EffectiveIndex,
    q: &Question,
    need: &Need,
    j: &Judged,
    denies: &[Reason],
    missing: &[String],
) -> Option<(Part, String)> {
    let grant = j.entry.grant()?;
    let mut failures = Vec::new();
    if j.via.is_none() {
        failures.push(subject_failure(index, q, &grant.subject));
    }
    if !j.applies_here {
        let detail = match j.entry.location.as_deref() {
            Some(location) => format!(
                "applies in {}, which does not cover {}",
                index.tree.display(location),
                index.tree.display(&q.compartment)
            ),
            None => format!(
                "its location names no compartment: names are read from where the policy is attached ({})",
                index.tree.display(&j.entry.attached_to)
            ),
        };
        failures.push((Part::Location, detail));
    }
    let lacks: Vec<&String> = missing.iter().filter(|m| !j.covers.contains(m)).collect();
    if j.covers.is_empty() {
        failures.push(units::shortfall(&grant.action, need, &q.want));
    } else if !lacks.is_empty() && j.truth.contains(&Truth::True) {
        failures.push((
            Part::Verb,
            format!(
                "grants {} but not {}",
                j.covers.join(", "),
                lacks
                    .iter()
                    .map(|s| s.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        ));
    } else if j.truth.iter().all(|t| *t == Truth::False) {
        let condition = grant
            .condition
            .as_ref()
            .map(ToString::to_string)
            .unwrap_or_default();
        failures.push((
            Part::Condition,
            format!("its condition is false for this request: where {condition}"),
        ));
    }
    match failures.len() {
        1 => failures.pop(),
        0 if !denies.is_empty() && j.truth.contains(&Truth::True) => Some((
            Part::Deny,
            format!(
                "it grants this, but a deny takes it away: {}",
                denies
                    .iter()
                    .map(|d| d.statement.as_str())
                    .collect::<Vec<_>>()
                    .join("; ")
            ),
        )),
        _ => None,
    }
}

/// Why the subject misses: another domain's group of the same name, or simply others.
fn subject_failure(index: &EffectiveIndex, q: &Question, subject: &Subject) -> (Part, String) {
    let own: Vec<String> = match &q.principal {
        PrincipalRef::User(id) => index
            .member_of
            .get(id.as_str())
            .into_iter()
            .flatten()
            .filter_map(|g| index.groups.get(g.as_str()).cloned())
            .collect(),
        PrincipalRef::Group(id) => index.groups.get(id).cloned().into_iter().collect(),
        PrincipalRef::DynamicGroup(_) => Vec::new(),
    };
    if let Subject::Principals { items, .. } = subject {
        for item in items {
            if let Principal::Name {
                domain: Some(domain),
                name,
            } = &item.principal
                && !domain.is("Default")
                && own.iter().any(|g| name.is(g))
            {
                return (
                    Part::Domain,
                    format!(
                        "names '{}'/'{}', a group of the {} domain; {}'s group {} is in the Default domain",
                        domain.text,
                        name.text,
                        domain.text,
                        index.principal_name(&q.principal),
                        name.text
                    ),
                );
            }
        }
    }
    (
        Part::Subject,
        format!(
            "its subject `{subject}` does not include {}",
            index.principal_name(&q.principal)
        ),
    )
}
