//! Duplicate statements (the same grant twice, in this policy or another one) and redundant
//! statements (a broader grant without conditions already covers this one where it applies).

use crate::policy::ast::{Action, Grant, GrantKind, StatementBody};
use crate::policy::catalogue;
use crate::policy::diagnostic::Diagnostic;
use crate::policy::effective::{Applied, EffectiveIndex, ResolvedSubject};

use super::Linted;

/// The parts of an allow or deny grant that decide what it grants.
struct Shape<'a> {
    grant: &'a Grant,
    location: &'a str,
    subjects: Vec<String>,
    condition: Option<String>,
}

fn shape<'a>(
    grant: &'a Grant,
    location: Option<&'a str>,
    subjects: &[ResolvedSubject],
) -> Option<Shape<'a>> {
    if grant.kind != GrantKind::Allow {
        return None;
    }
    let mut keys: Vec<String> = subjects.iter().map(subject_key).collect();
    keys.sort();
    keys.dedup();
    Some(Shape {
        grant,
        location: location?,
        subjects: keys,
        condition: grant
            .condition
            .as_ref()
            .map(|c| c.to_string().to_lowercase()),
    })
}

fn subject_key(s: &ResolvedSubject) -> String {
    match s {
        ResolvedSubject::AnyUser => "any-user".into(),
        ResolvedSubject::AnyGroup => "any-group".into(),
        ResolvedSubject::Group { id: Some(id), .. } => format!("g:{id}"),
        ResolvedSubject::Group { id: None, name } => format!("g?:{}", name.to_lowercase()),
        ResolvedSubject::DynamicGroup { id: Some(id), .. } => format!("d:{id}"),
        ResolvedSubject::DynamicGroup { id: None, name } => format!("d?:{}", name.to_lowercase()),
        ResolvedSubject::Service { name } => format!("s:{}", name.to_lowercase()),
    }
}

fn action_key(a: &Action) -> String {
    match a {
        Action::Verb { verb, resource } => {
            format!("{} {}", verb.text, resource.text.to_lowercase())
        }
        Action::Permissions { permissions, .. } => {
            let mut p: Vec<String> = permissions.iter().map(|p| p.text.to_uppercase()).collect();
            p.sort();
            p.dedup();
            p.join(",")
        }
    }
}

fn same(a: &Shape, b: &Shape) -> bool {
    a.grant.deny == b.grant.deny
        && a.location == b.location
        && a.subjects == b.subjects
        && a.condition == b.condition
        && action_key(&a.grant.action) == action_key(&b.grant.action)
}

/// Whether `broad` grants everything `narrow` does wherever `narrow` applies.
fn covers(index: &EffectiveIndex, broad: &Shape, narrow: &Shape) -> bool {
    if broad.grant.deny != narrow.grant.deny
        || !index.tree().covers(broad.location, narrow.location)
        || !(broad.condition.is_none() || broad.condition == narrow.condition)
    {
        return false;
    }
    let names = |name: &str| broad.subjects.iter().any(|b| b == name);
    let any_group = names("any-group");
    let grouped = |s: &str| any_group && (s.starts_with('g') || s.starts_with('d'));
    let subjects = names("any-user")
        || if broad.subjects.len() <= 16 {
            narrow.subjects.iter().all(|s| names(s) || grouped(s))
        } else {
            // A set for long lists: one statement may name 150,000 subjects.
            let set: std::collections::HashSet<&str> =
                broad.subjects.iter().map(String::as_str).collect();
            narrow
                .subjects
                .iter()
                .all(|s| set.contains(s.as_str()) || grouped(s))
        };
    let action = match (&broad.grant.action, &narrow.grant.action) {
        (
            Action::Verb {
                verb: bv,
                resource: br,
            },
            Action::Verb {
                verb: nv,
                resource: nr,
            },
        ) => {
            catalogue::verb_covers(&bv.text, &nv.text)
                && catalogue::resource_covers(&br.text, &nr.text)
        }
        (
            Action::Permissions {
                permissions: bp, ..
            },
            Action::Permissions {
                permissions: np, ..
            },
        ) => np.iter().all(|n| bp.iter().any(|b| b.is(&n.text))),
        _ => false,
    };
    subjects && action
}

pub(super) fn check(
    index: &EffectiveIndex,
    linted: &[Linted],
    editing: Option<&str>,
    push: &mut impl FnMut(usize, Diagnostic),
) {
    let shapes: Vec<(&Linted, Shape)> = linted
        .iter()
        .filter_map(|l| match &l.statement.body {
            StatementBody::Grant(g) => shape(g, l.location.as_deref(), &l.subjects).map(|s| (l, s)),
            StatementBody::Define(_) => None,
        })
        .collect();
    for (i, (l, s)) in shapes.iter().enumerate() {
        if let Some((code, message)) = finding(index, &shapes, i, s, editing) {
            push(
                l.index,
                Diagnostic::warning(l.source, code, l.statement.span, message),
            );
        }
    }
}

/// The first of: a duplicate in this policy, a duplicate elsewhere, a broader grant in this
/// policy, a broader grant elsewhere.
fn finding(
    index: &EffectiveIndex,
    shapes: &[(&Linted, Shape)],
    i: usize,
    s: &Shape,
    editing: Option<&str>,
) -> Option<(&'static str, String)> {
    if let Some((other, _)) = shapes[..i].iter().find(|(_, o)| same(s, o)) {
        let message = format!(
            "duplicate of statement {} in this policy: remove one",
            other.index + 1
        );
        return Some(("duplicate", message));
    }
    let applied = index.statements_for(s.location);
    let elsewhere: Vec<(&Applied, Shape)> = applied
        .iter()
        .filter(|a| Some(a.entry.policy_id.as_str()) != editing)
        .filter_map(|a| {
            let g = a.entry.grant()?;
            shape(g, a.entry.location.as_deref(), &a.entry.subjects).map(|o| (a, o))
        })
        .collect();
    if let Some((a, _)) = elsewhere.iter().find(|(_, o)| same(s, o)) {
        let message = format!(
            "policy `{}` already has this grant (statement {}): remove one",
            a.entry.policy_name,
            a.entry.index + 1
        );
        return Some(("duplicate", message));
    }
    let broader = |o: &Shape| !same(s, o) && covers(index, o, s);
    if let Some((other, _)) = shapes
        .iter()
        .enumerate()
        .find(|(j, (_, o))| *j != i && broader(o))
        .map(|(_, pair)| pair)
    {
        let message = format!(
            "redundant: statement {} (`{}`) already grants this: remove this one or narrow the other",
            other.index + 1,
            other.statement
        );
        return Some(("redundant", message));
    }
    let (a, _) = elsewhere.iter().find(|(_, o)| broader(o))?;
    let message = format!(
        "redundant: policy `{}` already grants this with `{}` ({}): remove this statement",
        a.entry.policy_name, a.entry.statement, a.coverage
    );
    Some(("redundant", message))
}
