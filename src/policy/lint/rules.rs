//! Tenancy-aware rules for single statements: unknown groups, dynamic groups and
//! compartments, locations outside the policy's reach, cross-tenancy placement and aliases,
//! and over-broad grants.

use std::collections::HashSet;

use crate::policy::ast::{
    Action, GrantKind, Location, Name, Principal, PrincipalKind, StatementBody, Subject, TenancyRef,
};
use crate::policy::catalogue;
use crate::policy::diagnostic::{Diagnostic, Severity};
use crate::policy::effective::DEFAULT_DOMAIN;
use crate::policy::effective::Directory;
use crate::policy::tree::CompartmentTree;

use super::Linted;

pub(super) struct Context<'a> {
    pub tree: &'a CompartmentTree,
    pub directory: &'a Directory<'a>,
    pub compartment_id: &'a str,
}

pub(super) fn check(cx: &Context, linted: &[Linted], push: &mut impl FnMut(usize, Diagnostic)) {
    let at_root = cx.compartment_id == cx.tree.root();
    let aliases: HashSet<String> = linted
        .iter()
        .filter_map(|l| match &l.statement.body {
            StatementBody::Define(d) => Some(d.alias.text.to_lowercase()),
            StatementBody::Grant(_) => None,
        })
        .collect();
    for l in linted {
        let src = l.source;
        let grant = match &l.statement.body {
            StatementBody::Define(_) => {
                if !at_root {
                    push(l.index, cross_tenancy_outside_root(cx, src, l, "Define"));
                }
                continue;
            }
            StatementBody::Grant(g) => g,
        };
        if grant.kind != GrantKind::Allow && !at_root {
            let word = if grant.kind == GrantKind::Endorse {
                "Endorse"
            } else {
                "Admit"
            };
            push(l.index, cross_tenancy_outside_root(cx, src, l, word));
        }
        for alias in alias_uses(grant) {
            if !aliases.contains(&alias.text.to_lowercase()) {
                push(
                    l.index,
                    Diagnostic::error(
                        src,
                        "undefined-alias",
                        alias.span,
                        format!(
                            "tenancy alias `{0}` is not defined in this policy: add `Define tenancy {0} as ocid1.tenancy...` to the same policy",
                            alias.text
                        ),
                    ),
                );
            }
        }
        if grant.kind != GrantKind::Admit {
            subjects(cx, src, &grant.subject, l.index, push);
        }
        if grant.kind != GrantKind::Endorse {
            location(
                cx,
                src,
                grant.locations.first(),
                l.location.as_deref(),
                l.index,
                push,
            );
        }
        over_broad(cx, l, push);
    }
}

fn cross_tenancy_outside_root(cx: &Context, src: &str, l: &Linted, word: &str) -> Diagnostic {
    Diagnostic::error(
        src,
        "cross-tenancy-outside-root",
        l.statement.span,
        format!(
            "{word} statements only work in a policy attached to the root compartment, not `{}`: move this statement to a root policy",
            cx.tree.display(cx.compartment_id)
        ),
    )
}

fn alias_uses(grant: &crate::policy::ast::Grant) -> Vec<&Name> {
    let mut out = Vec::new();
    if let Some(TenancyRef::Alias { name }) = &grant.source_tenancy {
        out.push(name);
    }
    for location in &grant.locations {
        match location {
            Location::Tenancy { alias: Some(a), .. }
            | Location::Compartment {
                of_tenancy: Some(a),
                ..
            } => out.push(a),
            _ => {}
        }
    }
    out
}

fn subjects(
    cx: &Context,
    src: &str,
    subject: &Subject,
    index: usize,
    push: &mut impl FnMut(usize, Diagnostic),
) {
    let Subject::Principals { items, .. } = subject else {
        return;
    };
    let mut warned_default = false;
    for item in items {
        let (by_name, by_id, what) = match item.kind {
            PrincipalKind::Group => (
                &cx.directory.groups_by_name,
                &cx.directory.group_ids,
                "group",
            ),
            PrincipalKind::DynamicGroup => (
                &cx.directory.dynamic_by_name,
                &cx.directory.dynamic_ids,
                "dynamic group",
            ),
            PrincipalKind::Service => continue,
        };
        match &item.principal {
            Principal::Name {
                domain: Some(domain),
                name,
            } if !domain.is(DEFAULT_DOMAIN) => {
                if let Some(d) = unknown_domain(cx, src, domain) {
                    push(index, d);
                } else if let Some(d) = unknown_in_domain(cx, src, item.kind, domain, name) {
                    push(index, d);
                }
            }
            Principal::Name { name, domain } => {
                let others = if item.kind == PrincipalKind::Group {
                    &cx.directory.other_domain_groups
                } else {
                    &cx.directory.other_domain_dynamic
                };
                let elsewhere = others.get(&name.text.to_lowercase());
                if let (None, Some(domains), false) = (domain, elsewhere, warned_default) {
                    warned_default = true;
                    push(index, default_domain(src, what, name, domains));
                }
                if !by_name.contains_key(&name.text.to_lowercase()) {
                    // Sorted so that ties between equally close names resolve the same way.
                    let mut names: Vec<&str> = by_id.values().copied().collect();
                    names.sort_unstable();
                    let hint = catalogue::closest(&name.text, &names).map_or_else(
                        || format!(": create the {what} first or fix the name"),
                        |c| format!(": did you mean `{c}`?"),
                    );
                    let code = if item.kind == PrincipalKind::Group {
                        "unknown-group"
                    } else {
                        "unknown-dynamic-group"
                    };
                    push(
                        index,
                        Diagnostic::error(
                            src,
                            code,
                            name.span,
                            format!("no {what} named `{}` in this tenancy{hint}", name.text),
                        ),
                    );
                }
            }
            Principal::Id { ocid } => {
                if !by_id.contains_key(ocid.text.as_str()) {
                    push(index, unknown_ocid(src, what, ocid));
                }
            }
        }
    }
}

/// A group (or dynamic group) missing from another domain whose directory canopy read; a
/// domain it could not read is given the benefit of the doubt.
fn unknown_in_domain(
    cx: &Context,
    src: &str,
    kind: PrincipalKind,
    domain: &Name,
    name: &Name,
) -> Option<Diagnostic> {
    let d = &cx.directory;
    if !d.read_domains.contains(&domain.text.to_lowercase()) {
        return None;
    }
    let (qualified, what, code) = if kind == PrincipalKind::Group {
        (&d.qualified_groups, "group", "unknown-group")
    } else {
        (
            &d.qualified_dynamic,
            "dynamic group",
            "unknown-dynamic-group",
        )
    };
    let prefix = format!("{}/", domain.text.to_lowercase());
    if qualified.contains_key(&format!("{prefix}{}", name.text.to_lowercase())) {
        return None;
    }
    let mut names: Vec<&str> = d
        .other_ids
        .values()
        .filter(|n| n.to_lowercase().starts_with(&prefix))
        .map(|n| &n[prefix.len()..])
        .collect();
    names.sort_unstable();
    let hint = catalogue::closest(&name.text, &names).map_or_else(
        || {
            format!(
                ": create the {what} in {} first or fix the name",
                domain.text
            )
        },
        |c| format!(": did you mean `{c}`?"),
    );
    Some(Diagnostic::error(
        src,
        code,
        name.span,
        format!(
            "no {what} named `{}` in identity domain {}{hint}",
            name.text, domain.text
        ),
    ))
}

/// A domain the tenancy does not have.
fn unknown_domain(cx: &Context, src: &str, domain: &Name) -> Option<Diagnostic> {
    let known = &cx.directory.domains;
    if known.iter().any(|d| domain.is(d)) {
        return None;
    }
    let hint = match catalogue::closest(&domain.text, known) {
        Some(c) => format!(": did you mean `{c}`?"),
        None if known.is_empty() => ": this tenancy has no identity domains".to_string(),
        None => format!(": its domains are {}", known.join(", ")),
    };
    Some(Diagnostic::error(
        src,
        "unknown-domain",
        domain.span,
        format!("no identity domain named `{}`{hint}", domain.text),
    ))
}

/// A bare name that other domains use too: it means the Default domain's group only.
fn default_domain(src: &str, what: &str, name: &Name, others: &[&str]) -> Diagnostic {
    Diagnostic::warning(
        src,
        "default-domain",
        name.span,
        format!(
            "`{}` means the Default domain's {what}, not the one of the same name in {}: write 'Default'/'{}' to say so, or name the other domain",
            name.text,
            others.join(", "),
            name.text
        ),
    )
}

fn location(
    cx: &Context,
    src: &str,
    location: Option<&Location>,
    resolved: Option<&str>,
    index: usize,
    push: &mut impl FnMut(usize, Diagnostic),
) {
    let Some(location) = location else { return };
    let attached = cx.tree.display(cx.compartment_id);
    match location {
        Location::Tenancy { span, .. } if cx.compartment_id != cx.tree.root() => push(
            index,
            Diagnostic::error(
                src,
                "location-out-of-reach",
                *span,
                format!(
                    "a policy attached to `{attached}` cannot grant `in tenancy`: attach it to the root, or name a compartment under `{attached}`"
                ),
            ),
        ),
        Location::Compartment { path, .. } if resolved.is_none() => {
            let missing = cx
                .tree
                .resolve_path(cx.compartment_id, path)
                .err()
                .unwrap_or(0);
            let parent = cx
                .tree
                .resolve_path(cx.compartment_id, &path[..missing])
                .unwrap_or_else(|_| cx.compartment_id.to_string());
            let part = &path[missing];
            let children = cx.tree.child_names(&parent);
            let hint = catalogue::closest(&part.text, &children)
                .map(|c| format!(" (did you mean `{c}`?)"))
                .unwrap_or_default();
            push(
                index,
                Diagnostic::error(
                    src,
                    "unknown-compartment",
                    part.span,
                    format!(
                        "no compartment `{}` under `{}`{hint}: names and paths are relative to the compartment the policy is attached to (`{attached}`)",
                        part.text,
                        cx.tree.display(&parent)
                    ),
                ),
            );
        }
        Location::CompartmentId { ocid, .. } => match resolved {
            None => push(index, unknown_ocid(src, "compartment", ocid)),
            Some(id) if !cx.tree.covers(cx.compartment_id, id) => push(
                index,
                Diagnostic::error(
                    src,
                    "location-out-of-reach",
                    ocid.span,
                    format!(
                        "compartment `{}` is outside `{attached}`, where this policy is attached: a policy only grants in its own compartment and below",
                        cx.tree.display(id)
                    ),
                ),
            ),
            Some(_) => {}
        },
        _ => {}
    }
}

fn unknown_ocid(src: &str, what: &str, ocid: &Name) -> Diagnostic {
    Diagnostic::error(
        src,
        "unknown-ocid",
        ocid.span,
        format!(
            "no {what} with OCID `{}` in this tenancy: check the OCID",
            ocid.text
        ),
    )
}

fn over_broad(cx: &Context, l: &Linted, push: &mut impl FnMut(usize, Diagnostic)) {
    let StatementBody::Grant(grant) = &l.statement.body else {
        return;
    };
    if grant.deny || grant.kind != GrantKind::Allow {
        return;
    }
    let severity = if grant.condition.is_some() {
        Severity::Info
    } else {
        Severity::Warning
    };
    let everything = matches!(&grant.action, Action::Verb { verb, resource }
        if verb.is("manage") && resource.is(catalogue::ALL_RESOURCES));
    let in_tenancy = l.location.as_deref() == Some(cx.tree.root());
    let only_admins = matches!(&grant.subject, Subject::Principals { items, .. }
        if items.iter().all(|i| i.kind == PrincipalKind::Group
            && matches!(&i.principal, Principal::Name { name, .. } if name.is("Administrators"))));
    if everything && in_tenancy && !only_admins {
        push(
            l.index,
            Diagnostic::new(
                l.source,
                severity,
                "over-broad",
                l.statement.span,
                "`manage all-resources in tenancy` makes this subject a full administrator: grant specific families in specific compartments, or add them to Administrators if that is intended",
            ),
        );
    }
    let (word, span) = match &grant.subject {
        Subject::AnyUser { span } => ("any-user", *span),
        Subject::AnyGroup { span } => ("any-group", *span),
        Subject::Principals { .. } => return,
    };
    push(
        l.index,
        Diagnostic::new(
            l.source,
            severity,
            "broad-subject",
            span,
            format!(
                "`{word}` reaches every {} in the tenancy: name groups instead, or narrow it with a `where` condition such as `request.principal.type`",
                if word == "any-user" {
                    "user, instance, resource and service principal"
                } else {
                    "group and dynamic group"
                }
            ),
        ),
    );
}
