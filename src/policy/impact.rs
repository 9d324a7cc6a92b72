//! What an edit changes: the grants a policy makes before and after, each split into one
//! subject and one verb-resource (or permission) per line, compared so that layout, case and
//! keyword spelling make no difference.

use std::collections::BTreeMap;

use serde::Serialize;

use super::ast::{Action, Principal, StatementBody, Subject, TenancyRef};
use super::diagnostic::Diagnostic;
use super::parser;

/// One unit of access: a subject, what it may do, where, under which condition.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct GrantLine {
    /// `allow`, `deny`, `endorse`, `admit`, `define` (with `deny ` before cross-tenancy ones).
    pub effect: String,
    pub subject: String,
    /// `manage instances` or one permission such as `INSTANCE_READ`.
    pub action: String,
    pub location: String,
    pub condition: Option<String>,
}

impl std::fmt::Display for GrantLine {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} {} {} in {}",
            self.effect, self.subject, self.action, self.location
        )?;
        if let Some(c) = &self.condition {
            write!(f, " where {c}")?;
        }
        Ok(())
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Impact {
    pub added: Vec<GrantLine>,
    pub removed: Vec<GrantLine>,
    /// Statements of the new text that do not parse (their effect is unknown).
    pub unparsed: Vec<(usize, Diagnostic)>,
}

impl Impact {
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.removed.is_empty()
    }
}

/// Grants added and removed when a policy's statements go from `before` to `after`.
pub fn impact(before: &[String], after: &[String]) -> Impact {
    let (old, _) = lines(before);
    let (new, unparsed) = lines(after);
    Impact {
        added: new
            .iter()
            .filter(|(k, _)| !old.contains_key(*k))
            .map(|(_, l)| l.clone())
            .collect(),
        removed: old
            .iter()
            .filter(|(k, _)| !new.contains_key(*k))
            .map(|(_, l)| l.clone())
            .collect(),
        unparsed,
    }
}

type Lines = BTreeMap<String, GrantLine>;

fn lines(statements: &[String]) -> (Lines, Vec<(usize, Diagnostic)>) {
    let mut out = BTreeMap::new();
    let mut unparsed = Vec::new();
    for (i, text) in statements.iter().enumerate() {
        match parser::parse(text) {
            Ok(s) => {
                for line in expand(&s.body) {
                    out.insert(key(&line), line);
                }
            }
            Err(d) => unparsed.push((i, d)),
        }
    }
    (out, unparsed)
}

/// Case and quoting never change meaning, so the comparison key ignores them.
fn key(line: &GrantLine) -> String {
    format!("{line}").to_lowercase().replace('\'', "")
}

fn expand(body: &StatementBody) -> Vec<GrantLine> {
    let g = match body {
        StatementBody::Define(d) => {
            return vec![GrantLine {
                effect: "define".into(),
                subject: format!("{} {}", d.kind.keyword(), d.alias),
                action: format!("as {}", d.ocid),
                location: "tenancy".into(),
                condition: None,
            }];
        }
        StatementBody::Grant(g) => g,
    };
    let kind = match g.kind {
        super::ast::GrantKind::Allow => "allow",
        super::ast::GrantKind::Endorse => "endorse",
        super::ast::GrantKind::Admit => "admit",
    };
    let effect = match (g.deny, g.kind) {
        (true, super::ast::GrantKind::Allow) => "deny".to_string(),
        (true, _) => format!("deny {kind}"),
        (false, _) => kind.to_string(),
    };
    let from = match &g.source_tenancy {
        Some(TenancyRef::Alias { name }) => format!(" of tenancy {name}"),
        Some(TenancyRef::AnyTenancy { .. }) => " of any-tenancy".into(),
        None => String::new(),
    };
    let subjects: Vec<String> = match &g.subject {
        Subject::AnyUser { .. } => vec!["any-user".into()],
        Subject::AnyGroup { .. } => vec!["any-group".into()],
        Subject::Principals { items, .. } => items
            .iter()
            .map(|i| match &i.principal {
                Principal::Name { domain: None, name } => {
                    format!("{} {}", i.kind.keyword(), name.text)
                }
                p => format!("{} {p}", i.kind.keyword()),
            })
            .collect(),
    };
    let actions: Vec<String> = match &g.action {
        Action::Verb { verb, resource } => vec![format!("{verb} {}", resource.text)],
        Action::Permissions { permissions, .. } => {
            permissions.iter().map(|p| p.text.to_uppercase()).collect()
        }
    };
    let condition = g.condition.as_ref().map(ToString::to_string);
    let mut out = Vec::new();
    for subject in &subjects {
        for action in &actions {
            for location in &g.locations {
                out.push(GrantLine {
                    effect: effect.clone(),
                    subject: format!("{subject}{from}"),
                    action: action.clone(),
                    location: location.to_string(),
                    condition: condition.clone(),
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(items: &[&str]) -> Vec<String> {
        items.iter().map(ToString::to_string).collect()
    }

    #[test]
    fn layout_and_case_changes_have_no_impact() {
        let before = v(&["Allow group Ops to manage instances in compartment Dev"]);
        let after = v(&["allow  GROUP 'Ops'\n to MANAGE instances IN compartment Dev"]);
        assert!(impact(&before, &after).is_empty());
    }

    #[test]
    fn splitting_a_subject_list_is_not_a_change_but_dropping_one_is() {
        let before = v(&["Allow group A, B to read users in tenancy"]);
        let after = v(&[
            "Allow group A to read users in tenancy",
            "Allow group B to read users in tenancy",
        ]);
        assert!(impact(&before, &after).is_empty());
        let narrowed = impact(&before, &v(&["Allow group A to read users in tenancy"]));
        assert_eq!(narrowed.removed.len(), 1);
        assert_eq!(
            narrowed.removed[0].to_string(),
            "allow group B read users in tenancy"
        );
        assert!(narrowed.added.is_empty());
    }

    #[test]
    fn verb_changes_show_as_removed_and_added() {
        let i = impact(
            &v(&["Allow group Ops to read buckets in compartment Dev"]),
            &v(&[
                "Allow group Ops to manage buckets in compartment Dev",
                "Allow group",
            ]),
        );
        assert_eq!(i.added.len(), 1);
        assert_eq!(i.removed.len(), 1);
        assert_eq!(i.added[0].action, "manage buckets");
        assert_eq!(i.unparsed.len(), 1);
        assert_eq!(i.unparsed[0].0, 1);
    }
}
