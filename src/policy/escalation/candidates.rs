//! Who might hold a grant: a cheap scan of the statements (action and location only), so the
//! full decision is asked of a few principals instead of every group of a large tenancy.

use std::collections::BTreeSet;

use crate::policy::ast::GrantKind;
use crate::policy::decide::{Want, covered, need};
use crate::policy::effective::{EffectiveIndex, PrincipalRef, ResolvedSubject};

/// Principals an allow statement could give `want` to, in `compartment` (or, with `None`,
/// anywhere). `any-user` and `any-group` grants add [`super::EVERY_GROUP`], one candidate
/// standing for every group, so a large tenancy is not asked about each of its groups.
pub fn holders(
    index: &EffectiveIndex,
    want: &Want,
    compartment: Option<&str>,
) -> Vec<PrincipalRef> {
    let Ok(need) = need(want) else {
        return Vec::new();
    };
    let mut out: BTreeSet<(u8, String)> = BTreeSet::new();
    let mut everyone = false;
    for entry in index.entries() {
        let Some(grant) = entry.grant() else { continue };
        if grant.kind != GrantKind::Allow || grant.deny {
            continue;
        }
        let Some(location) = entry.location.as_deref() else {
            continue;
        };
        if let Some(c) = compartment
            && !index.tree().covers(location, c)
        {
            continue;
        }
        if covered(&grant.action, &need).is_empty() {
            continue;
        }
        for subject in &entry.subjects {
            match subject {
                ResolvedSubject::AnyUser | ResolvedSubject::AnyGroup => everyone = true,
                ResolvedSubject::Group { id: Some(id), .. } => {
                    out.insert((0, id.to_string()));
                }
                ResolvedSubject::DynamicGroup { id: Some(id), .. } => {
                    out.insert((1, id.to_string()));
                }
                _ => {}
            }
        }
    }
    // One candidate stands for every group: what `any-user` or `any-group` gives, all have.
    if everyone {
        out.insert((0, super::EVERY_GROUP.to_string()));
    }
    out.into_iter()
        .map(|(kind, id)| {
            if kind == 0 {
                PrincipalRef::Group(id)
            } else {
                PrincipalRef::DynamicGroup(id)
            }
        })
        .collect()
}

/// Compartments where a statement could give `want` to `principal`: the locations of the
/// candidate statements (a grant there is inherited below, so the location itself is where
/// to ask).
pub fn places(index: &EffectiveIndex, want: &Want, principal: &PrincipalRef) -> Vec<String> {
    let Ok(need) = need(want) else {
        return Vec::new();
    };
    let mut out = BTreeSet::new();
    for entry in index.entries() {
        let Some(grant) = entry.grant() else { continue };
        if grant.kind != GrantKind::Allow || grant.deny {
            continue;
        }
        let Some(location) = entry.location.as_deref() else {
            continue;
        };
        if covered(&grant.action, &need).is_empty() {
            continue;
        }
        if index
            .reaches_subjects(principal, &entry.subjects, grant.kind)
            .is_some()
        {
            out.insert(location.to_string());
        }
    }
    out.into_iter().collect()
}
