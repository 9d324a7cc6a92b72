//! Tab completion of the audit questions, and suggestions when a name is not found: principal
//! names (users, groups, dynamic groups, with their domain where not Default), verbs and
//! resource types. A word completes by prefix, else by what contains it (`marcus` finds
//! `marcus.webb@acme-corp.com`); several candidates complete to what they share and are listed.

use super::Question;
use crate::policy::catalogue;
use crate::policy::effective::EffectiveIndex;

const VERBS: [&str; 4] = ["inspect", "read", "use", "manage"];
const KINDS: [&str; 4] = ["user", "group", "dynamic-group", "idp-group"];
/// Suggestions named on a miss.
const SUGGESTED: usize = 5;

/// What a position in the question takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Slot {
    Principal,
    Verb,
    Resource,
    Nothing,
}

/// The slot the last word of `line` fills.
fn slot(question: Question, words: &[&str]) -> Slot {
    let mut at = words.len().saturating_sub(1);
    // `user marcus ...`: the kind word is not a slot of its own.
    if question != Question::WhoCan && words.len() > 1 && KINDS.contains(&words[0]) {
        at -= 1;
    }
    let order: &[Slot] = match question {
        Question::WhatCan => &[Slot::Principal],
        Question::WhoCan => &[Slot::Verb, Slot::Resource],
        Question::Can => match words.get(1) {
            // `P perm X` and `P op Y` name permissions and operations: not completed here.
            Some(&("perm" | "op")) => &[Slot::Principal],
            _ => &[Slot::Principal, Slot::Verb, Slot::Resource],
        },
    };
    order.get(at).copied().unwrap_or(Slot::Nothing)
}

fn candidates(index: &EffectiveIndex, slot: Slot) -> Vec<String> {
    match slot {
        Slot::Principal => index.principal_names(),
        Slot::Verb => VERBS.iter().map(|v| (*v).to_string()).collect(),
        Slot::Resource => catalogue::resource_names().map(str::to_string).collect(),
        Slot::Nothing => Vec::new(),
    }
}

/// The candidates for `word`: those it starts, else those containing it (no case).
fn matching(all: Vec<String>, word: &str) -> Vec<String> {
    let lower = word.to_lowercase();
    let mut prefixed: Vec<String> = all
        .iter()
        .filter(|c| c.to_lowercase().starts_with(&lower))
        .cloned()
        .collect();
    if prefixed.is_empty() && !lower.is_empty() {
        prefixed = all
            .into_iter()
            .filter(|c| c.to_lowercase().contains(&lower))
            .collect();
    }
    prefixed.sort();
    prefixed.dedup();
    prefixed
}

/// What Tab makes of the question typed so far: the new line and, when several remain, them.
pub fn complete(index: &EffectiveIndex, question: Question, line: &str) -> (String, Vec<String>) {
    let words: Vec<&str> = line.split(' ').collect();
    let last = words.last().copied().unwrap_or_default();
    let found = matching(candidates(index, slot(question, &words)), last);
    let before = &line[..line.len() - last.len()];
    match found.len() {
        0 => (line.to_string(), Vec::new()),
        1 => (format!("{before}{} ", found[0]), Vec::new()),
        _ => {
            let shared = crate::app::palette::shared_prefix(&found);
            let line = if shared.len() > last.len()
                && shared.to_lowercase().starts_with(&last.to_lowercase())
            {
                format!("{before}{shared}")
            } else {
                line.to_string()
            };
            (line, found)
        }
    }
}

/// Names close to a principal that was not found: those containing it, else the nearest by
/// spelling; empty when nothing is close.
pub fn suggest_principals(index: &EffectiveIndex, text: &str) -> Vec<String> {
    let name = text
        .split_once(' ')
        .filter(|(k, _)| KINDS.contains(k))
        .map_or(text, |(_, n)| n)
        .trim();
    let all = index.principal_names();
    let mut found = matching(all.clone(), name);
    if found.is_empty()
        && let Some(near) = catalogue::closest_in(name, all.iter().map(String::as_str))
    {
        found.push(near.to_string());
    }
    found.truncate(SUGGESTED);
    found
}

#[cfg(test)]
mod tests {
    use super::{Question, complete, suggest_principals};
    use crate::policy::effective::EffectiveIndex;

    fn index() -> EffectiveIndex {
        EffectiveIndex::build(&crate::emulator::seed::demo())
    }

    #[test]
    fn a_part_of_a_name_completes_to_the_principal() {
        let index = index();
        let (line, more) = complete(&index, Question::WhatCan, "marcus");
        assert_eq!(line, "marcus.webb@acme-corp.com ");
        assert!(more.is_empty());
        let (line, more) = complete(&index, Question::WhatCan, "Data");
        assert_eq!(line, "DataEngineers ");
        assert!(more.is_empty(), "{more:?}");
    }

    #[test]
    fn verbs_and_resource_types_complete_in_their_places() {
        let index = index();
        assert_eq!(complete(&index, Question::WhoCan, "man").0, "manage ");
        let (line, more) = complete(&index, Question::WhoCan, "manage instance-f");
        assert_eq!(line, "manage instance-family ", "{more:?}");
        let (line, more) = complete(&index, Question::WhoCan, "read buck");
        assert_eq!(line, "read buckets ", "{more:?}");
        let (line, _) = complete(&index, Question::Can, "AppOps man");
        assert_eq!(line, "AppOps manage ");
        let (line, _) = complete(&index, Question::Can, "group AppO");
        assert_eq!(line, "group AppOps ");
    }

    #[test]
    fn a_miss_suggests_names_that_contain_it_or_are_spelt_alike() {
        let index = index();
        assert_eq!(
            suggest_principals(&index, "marcus"),
            vec!["marcus.webb@acme-corp.com"]
        );
        assert_eq!(
            suggest_principals(&index, "NetworkAdmin"),
            vec!["NetworkAdmins"]
        );
        assert_eq!(suggest_principals(&index, "AppOsp"), vec!["AppOps"]);
        assert!(suggest_principals(&index, "zzzzzzzz").is_empty());
    }
}
