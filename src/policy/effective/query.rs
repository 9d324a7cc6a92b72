//! The two audit questions: "what can principal X do in C" and "who can VERB RESOURCE in C".

use super::answer::{Answer, Applied, Coverage, Effect};
use super::{EffectiveIndex, ResolvedSubject};
use crate::policy::ast::{Action, GrantKind};
use crate::policy::catalogue;

/// A principal to audit, by OCID.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PrincipalRef {
    User(String),
    Group(String),
    DynamicGroup(String),
}

impl EffectiveIndex {
    /// Every principal's name an audit question takes (users, groups, dynamic groups and
    /// federated identity-provider groups), sorted, once each.
    pub fn principal_names(&self) -> Vec<String> {
        let mut out: Vec<String> = self
            .users
            .values()
            .chain(self.groups.values())
            .chain(self.dynamic_groups.values().map(|(name, _)| name))
            .cloned()
            .collect();
        out.sort();
        out.dedup();
        out
    }

    /// A user, group or dynamic group by OCID or name (case-insensitive; groups first, then
    /// dynamic groups, then users).
    pub fn principal(&self, text: &str) -> Option<PrincipalRef> {
        let text = text.trim();
        let (kind, name) = match text.split_once(' ') {
            Some((k, n)) if ["user", "group", "dynamic-group", "idp-group"].contains(&k) => {
                (Some(k), n.trim())
            }
            _ => (None, text),
        };
        let dynamic = || {
            if self.dynamic_groups.contains_key(name) {
                return Some(name.to_string());
            }
            self.dynamic_groups
                .iter()
                .filter(|(_, (n, _))| n.eq_ignore_ascii_case(name))
                .map(|(id, _)| id.clone())
                .min()
        };
        // A federated principal: `idp-group NAME` or `idp-group PROVIDER/NAME`.
        let federated = || {
            self.federated
                .iter()
                .filter(|(_, g)| {
                    g.name.eq_ignore_ascii_case(name)
                        || format!("{}/{}", g.provider, g.name).eq_ignore_ascii_case(name)
                })
                .map(|(k, _)| k.clone())
                .min()
        };
        match kind {
            Some("idp-group") => federated().map(PrincipalRef::User),
            Some("user") => find_by_name(&self.users, name).map(PrincipalRef::User),
            Some("group") => find_by_name(&self.groups, name).map(PrincipalRef::Group),
            Some(_) => dynamic().map(PrincipalRef::DynamicGroup),
            None => find_by_name(&self.groups, name)
                .map(PrincipalRef::Group)
                .or_else(|| dynamic().map(PrincipalRef::DynamicGroup))
                .or_else(|| find_by_name(&self.users, name).map(PrincipalRef::User))
                .or_else(|| federated().map(PrincipalRef::User)),
        }
    }

    /// Everything `principal` is granted (or denied) in `compartment_id`, with provenance.
    pub fn what_can(&self, principal: &PrincipalRef, compartment_id: &str) -> Vec<Answer> {
        self.statements_for(compartment_id)
            .into_iter()
            .filter_map(|applied| {
                let via = self.reaches(principal, &applied)?;
                Some(self.answer(&applied, Coverage::Full, via, Vec::new()))
            })
            .collect()
    }

    /// Every statement that grants (or denies) `verb` on `resource` in `compartment_id`.
    pub fn who_can(&self, verb: &str, resource: &str, compartment_id: &str) -> Vec<Answer> {
        self.statements_for(compartment_id)
            .into_iter()
            .filter_map(|applied| {
                let coverage = action_coverage(&applied, verb, resource)?;
                let members = self.members_of(&applied.entry.subjects);
                Some(self.answer(&applied, coverage, String::new(), members))
            })
            .collect()
    }

    /// Whether `principal` may `verb resource` in `compartment_id`: the statements that reach
    /// the principal and grant (part of) that access.
    pub fn can(
        &self,
        principal: &PrincipalRef,
        verb: &str,
        resource: &str,
        compartment_id: &str,
    ) -> Vec<Answer> {
        self.statements_for(compartment_id)
            .into_iter()
            .filter_map(|applied| {
                let via = self.reaches(principal, &applied)?;
                let coverage = action_coverage(&applied, verb, resource)?;
                Some(self.answer(&applied, coverage, via, Vec::new()))
            })
            .collect()
    }

    /// An applied statement as an answer line (for listing everything that applies).
    pub fn describe(&self, applied: &Applied) -> Answer {
        let members = self.members_of(&applied.entry.subjects);
        self.answer(applied, Coverage::Full, String::new(), members)
    }

    /// How a statement's subjects reach the principal, or `None`.
    fn reaches(&self, principal: &PrincipalRef, applied: &Applied) -> Option<String> {
        let grant = applied.entry.grant()?;
        self.reaches_subjects(principal, &applied.entry.subjects, grant.kind)
    }

    /// How `subjects` (of an Allow or Deny) reach the principal, or `None`.
    pub(crate) fn reaches_subjects(
        &self,
        principal: &PrincipalRef,
        subjects: &[ResolvedSubject],
        kind: GrantKind,
    ) -> Option<String> {
        if kind != GrantKind::Allow {
            return None;
        }
        let groups: Vec<String> = match principal {
            PrincipalRef::User(id) => self.groups_of(id),
            PrincipalRef::Group(id) => vec![id.clone()],
            PrincipalRef::DynamicGroup(_) => Vec::new(),
        };
        for subject in subjects {
            let via = match (subject, principal) {
                (ResolvedSubject::AnyUser, _) => Some("any-user covers every principal".into()),
                // A user in no group is not reached by `any-group`.
                (ResolvedSubject::AnyGroup, PrincipalRef::User(_)) if !groups.is_empty() => {
                    Some("any-group covers every user in a group".into())
                }
                (ResolvedSubject::AnyGroup, PrincipalRef::User(_)) => None,
                (ResolvedSubject::AnyGroup, _) => Some("any-group covers every group".into()),
                (ResolvedSubject::Group { id: Some(id), name }, PrincipalRef::User(user))
                    if groups.iter().any(|g| g.as_str() == id.as_str()) =>
                {
                    Some(match self.federated.get(user) {
                        Some(g) => format!(
                            "member of IdP group {} mapped to group {name} via provider {}",
                            g.name, g.provider
                        ),
                        None => format!("member of group {name}"),
                    })
                }
                (ResolvedSubject::Group { id: Some(id), name }, PrincipalRef::Group(_))
                    if groups.iter().any(|g| g.as_str() == id.as_str()) =>
                {
                    Some(format!("group {name}"))
                }
                (
                    ResolvedSubject::DynamicGroup { id: Some(id), name },
                    PrincipalRef::DynamicGroup(p),
                ) if id.as_str() == p => Some(format!("dynamic group {name}")),
                _ => None,
            };
            if via.is_some() {
                return via;
            }
        }
        None
    }

    fn members_of(&self, subjects: &[ResolvedSubject]) -> Vec<String> {
        let mut out = Vec::new();
        for subject in subjects {
            match subject {
                ResolvedSubject::AnyUser => out.push("every user and principal".to_string()),
                ResolvedSubject::AnyGroup => out.push("every group member".to_string()),
                ResolvedSubject::Group { id: Some(id), .. } => {
                    let mut names: Vec<String> = self.member_names(id);
                    names.sort();
                    out.extend(names);
                }
                ResolvedSubject::DynamicGroup { id: Some(id), name } => {
                    let rule = self
                        .dynamic_groups
                        .get(id.as_str())
                        .map_or("", |(_, r)| r.as_str());
                    out.push(format!("dynamic group {name} ({rule})"));
                }
                _ => {}
            }
        }
        out.dedup();
        out
    }

    fn answer(
        &self,
        applied: &Applied,
        coverage: Coverage,
        via: String,
        members: Vec<String>,
    ) -> Answer {
        let entry = applied.entry;
        let grant = entry.grant();
        let (effect, subject, grants, condition) = match grant {
            Some(g) => (
                if g.deny { Effect::Deny } else { Effect::Allow },
                g.subject.to_string(),
                match &g.action {
                    Action::Verb { verb, resource } => format!("{verb} {resource}"),
                    a @ Action::Permissions { .. } => {
                        a.to_string().trim_start_matches("to ").to_string()
                    }
                },
                g.condition.as_ref().map(ToString::to_string),
            ),
            None => (Effect::Allow, String::new(), String::new(), None),
        };
        Answer {
            effect,
            coverage,
            subject,
            via,
            grants,
            condition,
            statement: entry.text.trim().to_string(),
            policy: entry.policy_name.to_string(),
            statement_index: entry.index,
            attached_to: self.tree.display(&entry.attached_to),
            location: applied.coverage.clone(),
            members,
        }
    }
}

/// How much of `verb resource` a statement's action grants.
fn action_coverage(applied: &Applied, verb: &str, resource: &str) -> Option<Coverage> {
    match &applied.entry.grant()?.action {
        Action::Verb {
            verb: granted_verb,
            resource: granted,
        } => {
            if !catalogue::verb_covers(&granted_verb.text, verb) {
                return None;
            }
            if catalogue::resource_covers(&granted.text, resource) {
                Some(Coverage::Full)
            } else if catalogue::resource_covers(resource, &granted.text) {
                Some(Coverage::Partial)
            } else {
                None
            }
        }
        Action::Permissions { permissions, .. } => {
            let wanted = catalogue::permissions(verb, resource)?;
            let held = wanted
                .iter()
                .filter(|w| permissions.iter().any(|p| p.is(w)))
                .count();
            match held {
                0 => None,
                n if n == wanted.len() => Some(Coverage::Full),
                _ => Some(Coverage::Partial),
            }
        }
    }
}

/// An OCID of `map` if `name` is one, else the first (in OCID order) whose name is `name`
/// (case-insensitive).
fn find_by_name<K: std::borrow::Borrow<str> + std::hash::Hash + Eq>(
    map: &std::collections::HashMap<K, String>,
    name: &str,
) -> Option<String> {
    if map.contains_key(name) {
        return Some(name.to_string());
    }
    map.iter()
        .filter(|(_, n)| n.eq_ignore_ascii_case(name))
        .map(|(id, _)| id.borrow())
        .min()
        .map(str::to_string)
}
