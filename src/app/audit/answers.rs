//! The audit view's answers to its three questions, as coloured lines, with suggestions
//! when a principal is not found.

use crate::model::Snapshot;
use crate::policy::decide::{self, Want};
use crate::policy::effective::{Answer, Effect, EffectiveIndex};

use super::complete;
use crate::app::widgets::modal::{Tone, ToneLine};

pub(super) fn what_can(
    index: &EffectiveIndex,
    snapshot: &Snapshot,
    here: &str,
    input: &str,
) -> (String, Vec<ToneLine>) {
    let title = format!("What can {input} do here?");
    if input.is_empty() {
        return (
            title,
            vec![ToneLine::new(
                Tone::Error,
                "type a user, group or dynamic group name",
            )],
        );
    }
    let Some(principal) = index.principal(input) else {
        let known = snapshot.users.len() + snapshot.groups.len() + snapshot.dynamic_groups.len();
        let mut lines = vec![ToneLine::new(
            Tone::Error,
            format!(
                "no user, group, dynamic group or IdP group is named `{input}` ({known} principals in \
                 the tenancy); check the spelling or prefix it with user/group/dynamic-group/idp-group"
            ),
        )];
        lines.extend(suggestions(index, input));
        return (title, lines);
    };
    answer_lines(title, &index.what_can(&principal, here))
}

pub(super) fn who_can(index: &EffectiveIndex, here: &str, input: &str) -> (String, Vec<ToneLine>) {
    let title = format!("Who can {input} here?");
    let mut words = input.split_whitespace();
    let (Some(verb), Some(resource), None) = (words.next(), words.next(), words.next()) else {
        return (
            title,
            vec![ToneLine::new(
                Tone::Error,
                "type a verb and a resource type, e.g. `manage instances` or `read buckets`",
            )],
        );
    };
    let verb = verb.to_lowercase();
    let want = Want::Verb {
        verb: verb.clone(),
        resource: resource.to_string(),
    };
    if let Err(e) = decide::need(&want) {
        return (title, vec![ToneLine::new(Tone::Error, e.to_string())]);
    }
    answer_lines(title, &index.who_can(&verb, &resource.to_lowercase(), here))
}

/// A yes or no with the deciding statements and, for a no, why not.
pub(super) fn can(index: &EffectiveIndex, here: &str, input: &str) -> (String, Vec<ToneLine>) {
    let title = format!("Can {input} here?");
    let decision = decide::parse_question(index, here, input)
        .and_then(|q| index.decide(&q).map_err(|e| e.to_string()));
    let decision = match decision {
        Ok(d) => d,
        Err(message) => {
            let mut lines = vec![ToneLine::new(Tone::Error, message)];
            // The principal is the first word (after `user`/`group`/... when given).
            let mut words = input.split_whitespace();
            let first = words.next().unwrap_or_default();
            let who = if ["user", "group", "dynamic-group", "idp-group"].contains(&first) {
                format!("{first} {}", words.next().unwrap_or_default())
            } else {
                first.to_string()
            };
            if !who.is_empty() && index.principal(&who).is_none() {
                lines.extend(suggestions(index, &who));
            }
            return (title, lines);
        }
    };
    let verdict = if decision.allowed {
        Tone::Added
    } else if decision.certain {
        Tone::Error
    } else {
        Tone::Warning
    };
    let text = decide::render(&decision);
    let mut lines = text.lines();
    let mut out = vec![ToneLine::new(verdict, lines.next().unwrap_or_default())];
    for line in lines {
        let tone = if line.starts_with("  - deny") {
            Tone::Error
        } else if line.starts_with("  - allow") {
            Tone::Added
        } else if line.ends_with(':') && !line.starts_with(' ') {
            Tone::Heading
        } else if line.starts_with("note:") || line.starts_with("unknown values") {
            Tone::Warning
        } else {
            Tone::Dim
        };
        out.push(ToneLine::new(tone, line));
    }
    (title, out)
}

/// "did you mean" lines for a principal that was not found (Tab completes names too).
fn suggestions(index: &EffectiveIndex, text: &str) -> Vec<ToneLine> {
    let near = complete::suggest_principals(index, text);
    if near.is_empty() {
        return vec![ToneLine::new(
            Tone::Dim,
            "Tab completes names as you type (a part of a name is enough)",
        )];
    }
    let mut out = vec![ToneLine::new(Tone::Heading, "did you mean:")];
    out.extend(
        near.into_iter()
            .map(|n| ToneLine::new(Tone::Plain, format!("  {n}"))),
    );
    out
}

/// An engine answer as lines: the grant (deny marked), how the principal is reached, the
/// location, the condition, the policy and who it reaches.
fn answer_lines(title: String, answers: &[Answer]) -> (String, Vec<ToneLine>) {
    if answers.is_empty() {
        return (
            title,
            vec![ToneLine::new(Tone::Dim, "nothing here grants that")],
        );
    }
    let mut lines = Vec::new();
    for a in answers {
        let mut text = a
            .to_string()
            .lines()
            .map(str::to_string)
            .collect::<Vec<_>>();
        let first = if text.is_empty() {
            String::new()
        } else {
            text.remove(0)
        };
        let tone = match a.effect {
            Effect::Deny => Tone::Error,
            Effect::Allow => Tone::Added,
        };
        lines.push(ToneLine::new(tone, first));
        lines.extend(text.into_iter().map(|l| ToneLine::new(Tone::Dim, l)));
    }
    (title, lines)
}
