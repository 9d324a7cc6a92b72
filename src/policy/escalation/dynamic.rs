//! Acting as a dynamic group: launch an instance in a compartment its rule matches, tag an
//! instance with the tag its rule tests, or rewrite its rule (manage dynamic-groups) to match
//! an instance of one's own. The instance then signs requests with the group's grants.

use std::sync::LazyLock;

use regex::Regex;

use super::candidates::{holders, places};
use super::{EscalationPath, PathKind, Probe, possible};
use crate::policy::decide::{Decision, Want};
use crate::policy::effective::{PrincipalRef, ResolvedSubject};

/// What a matching rule tests, as far as escalation cares.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Rule {
    /// `any {..}`: one clause is enough; otherwise every clause must hold.
    pub any: bool,
    pub compartments: Vec<String>,
    /// (namespace, key, value)
    pub tags: Vec<(String, String, String)>,
    /// The resource type named by `resource.type`, if any (`fnfunc` ...).
    pub resource_type: Option<String>,
}

// Constant patterns; `None` only if one were invalid, which the tests would show.
static COMPARTMENT: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:instance|resource)\.compartment\.id\s*=\s*'([^']*)'").ok()
});
static TAG: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"(?i)tag\.([^.\s]+)\.([^.\s]+)\.value\s*=\s*'([^']*)'").ok());
static TYPE: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"(?i)resource\.type\s*=\s*'([^']*)'").ok());

/// Every match of `re` in `text`, as its capture groups.
fn captures(re: Option<&Regex>, text: &str) -> Vec<Vec<String>> {
    re.iter()
        .flat_map(|re| re.captures_iter(text))
        .map(|c| {
            c.iter()
                .skip(1)
                .map(|m| m.map_or(String::new(), |m| m.as_str().to_string()))
                .collect()
        })
        .collect()
}

/// Reads the clauses of a rule that an instance's owner can satisfy.
pub fn rule(text: &str) -> Rule {
    Rule {
        any: text.trim_start().to_ascii_lowercase().starts_with("any"),
        compartments: captures(COMPARTMENT.as_ref(), text)
            .into_iter()
            .map(|c| c.concat())
            .collect(),
        tags: captures(TAG.as_ref(), text)
            .into_iter()
            .filter_map(|c| match c.as_slice() {
                [ns, key, value] => Some((ns.clone(), key.clone(), value.clone())),
                _ => None,
            })
            .collect(),
        resource_type: captures(TYPE.as_ref(), text)
            .into_iter()
            .map(|c| c.concat())
            .next(),
    }
}

/// The resource type the caller must be able to create to be matched.
fn launch_type(rule: &Rule) -> &'static str {
    match rule.resource_type.as_deref() {
        Some(t) if t.eq_ignore_ascii_case("fnfunc") => "fn-function",
        _ => "instances",
    }
}

pub fn act_as_dynamic_groups(probe: &Probe, out: &mut Vec<EscalationPath>) {
    let index = probe.index;
    let mut groups: Vec<(&String, &(String, String))> = index.dynamic_groups.iter().collect();
    groups.sort();
    for (id, (name, text)) in &groups {
        let grants = granted_to(probe, id);
        if grants.is_empty() {
            continue;
        }
        let reaches = vec![format!("dynamic group {name}: {}", grants.join("; "))];
        let rule = rule(text);
        let launch = launch_type(&rule);
        // A compartment clause: launching there is enough unless the rule also wants a tag.
        let tag_needed = !rule.any && !rule.tags.is_empty();
        for compartment in &rule.compartments {
            if !index.tree().contains(compartment) {
                continue;
            }
            let want = || Want::Verb {
                verb: "manage".into(),
                resource: launch.into(),
            };
            for principal in holders(index, &want(), Some(compartment)) {
                if probe.is_admin(&principal)
                    || matches!(&principal, PrincipalRef::DynamicGroup(p) if p == *id)
                {
                    continue;
                }
                let Some(d) = probe.ask(&principal, compartment, want(), &[]) else {
                    continue;
                };
                if !possible(&d) {
                    continue;
                }
                let mut decisions = vec![d];
                let mut chain = vec![format!(
                    "manage {launch} in {}: create one there",
                    index.tree().display(compartment)
                )];
                if tag_needed {
                    let Some(tagging) = tag_step(probe, &principal, &rule, &mut chain) else {
                        continue;
                    };
                    decisions.push(tagging);
                }
                chain.push(format!("it matches dynamic group {name} ({text})"));
                chain.push(format!("act as {name}"));
                let refs: Vec<&Decision> = decisions.iter().collect();
                out.push(probe.path(
                    &principal,
                    PathKind::ActAsDynamicGroup,
                    chain,
                    reaches.clone(),
                    &refs,
                ));
            }
        }
        // A tag clause alone (an `any` rule, or a rule with no compartment clause): tag an
        // instance launched anywhere.
        if !rule.tags.is_empty() && (rule.any || rule.compartments.is_empty()) {
            tag_route(probe, name, text, &rule, launch, &reaches, out);
        }
    }
    rewrite_rules(probe, &groups, out);
}

/// Someone who can use the tag's namespace and launch instances somewhere.
fn tag_route(
    probe: &Probe,
    name: &str,
    text: &str,
    rule: &Rule,
    launch: &str,
    reaches: &[String],
    out: &mut Vec<EscalationPath>,
) {
    let index = probe.index;
    let root = index.tree().root();
    let use_tags = || Want::Verb {
        verb: "use".into(),
        resource: "tag-namespaces".into(),
    };
    for principal in holders(index, &use_tags(), Some(root)) {
        if probe.is_admin(&principal) {
            continue;
        }
        let mut chain = Vec::new();
        let Some(tagging) = tag_step(probe, &principal, rule, &mut chain) else {
            continue;
        };
        let Some((launched, place)) = launch_anywhere(probe, &principal, launch) else {
            continue;
        };
        chain.insert(0, format!("manage {launch} in {place}: create one there"));
        chain.push(format!("it matches dynamic group {name} ({text})"));
        chain.push(format!("act as {name}"));
        out.push(probe.path(
            &principal,
            PathKind::TagIntoDynamicGroup,
            chain,
            reaches.to_vec(),
            &[&launched, &tagging],
        ));
    }
}

/// `use tag-namespaces` for one of the rule's tags (asked with that namespace's name, so a
/// `target.tag-namespace.name` condition is honoured); adds the step to `chain`.
fn tag_step(
    probe: &Probe,
    principal: &PrincipalRef,
    rule: &Rule,
    chain: &mut Vec<String>,
) -> Option<Decision> {
    let root = probe.index.tree().root();
    rule.tags.iter().find_map(|(ns, key, value)| {
        let d = probe.ask(
            principal,
            root,
            Want::Verb {
                verb: "use".into(),
                resource: "tag-namespaces".into(),
            },
            &[("target.tag-namespace.name", ns)],
        )?;
        possible(&d).then(|| {
            chain.push(format!(
                "use tag-namespace {ns}: tag it {ns}.{key} = '{value}'"
            ));
            d
        })
    })
}

/// The first compartment where the principal may create the resource type.
fn launch_anywhere(
    probe: &Probe,
    principal: &PrincipalRef,
    launch: &str,
) -> Option<(Decision, String)> {
    let want = || Want::Verb {
        verb: "manage".into(),
        resource: launch.into(),
    };
    let answers: Vec<(Decision, String)> = places(probe.index, &want(), principal)
        .into_iter()
        .filter_map(|place| {
            let d = probe.ask(principal, &place, want(), &[])?;
            possible(&d).then(|| (d, probe.index.tree().display(&place)))
        })
        .collect();
    // A place where it is certainly allowed beats one that hangs on a condition.
    let certain = answers.iter().position(|(d, _)| d.allowed);
    answers.into_iter().nth(certain.unwrap_or(0))
}

/// `UpdateDynamicGroup` in the tenancy plus an instance of one's own: any dynamic group.
fn rewrite_rules(
    probe: &Probe,
    groups: &[(&String, &(String, String))],
    out: &mut Vec<EscalationPath>,
) {
    let index = probe.index;
    let root = index.tree().root();
    let reaches: Vec<String> = groups
        .iter()
        .filter_map(|(id, (name, _))| {
            let grants = granted_to(probe, id);
            (!grants.is_empty()).then(|| format!("dynamic group {name}: {}", grants.join("; ")))
        })
        .collect();
    if reaches.is_empty() {
        return;
    }
    let want = || Want::Operation("UpdateDynamicGroup".into());
    for principal in holders(index, &want(), Some(root)) {
        if probe.is_admin(&principal) {
            continue;
        }
        let Some(d) = probe.ask(&principal, root, want(), &[]) else {
            continue;
        };
        if !possible(&d) {
            continue;
        }
        let Some((launched, place)) = launch_anywhere(probe, &principal, "instances") else {
            continue;
        };
        let chain = vec![
            format!("manage instances in {place}: create one there"),
            format!("UpdateDynamicGroup in tenancy ({})", d.required.join(" + ")),
            "rewrite a dynamic group's rule to match that instance".to_string(),
            "act as the dynamic group".to_string(),
        ];
        out.push(probe.path(
            &principal,
            PathKind::ActAsDynamicGroup,
            chain,
            reaches.clone(),
            &[&d, &launched],
        ));
    }
}

/// The allow statements naming a dynamic group (what acting as it gives).
fn granted_to(probe: &Probe, id: &str) -> Vec<String> {
    probe
        .index
        .entries()
        .iter()
        .filter(|e| e.grant().is_some_and(|g| !g.deny))
        .filter(|e| {
            e.subjects
                .iter()
                .any(|s| matches!(s, ResolvedSubject::DynamicGroup { id: Some(d), .. } if d == id))
        })
        .map(|e| e.text.trim().to_string())
        .collect()
}
