//! A `where` clause evaluated against what is known of one request: true, false, or unknown
//! (naming the variables whose values were missing). OCI compares case-insensitively; a
//! variable that does not apply to the request makes the clause false (policy reference 5.2).

use std::collections::{BTreeMap, BTreeSet};

use crate::policy::ast::{Condition, Mode, Operator, Value};

/// Three-valued truth: a condition on a value nobody supplied is neither met nor failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Truth {
    True,
    False,
    /// The variables whose values would decide it.
    Unknown(BTreeSet<String>),
}

impl Truth {
    fn and(self, other: Truth) -> Truth {
        match (self, other) {
            (Truth::False, _) | (_, Truth::False) => Truth::False,
            (Truth::True, t) | (t, Truth::True) => t,
            (Truth::Unknown(mut a), Truth::Unknown(b)) => {
                a.extend(b);
                Truth::Unknown(a)
            }
        }
    }

    fn or(self, other: Truth) -> Truth {
        match (self, other) {
            (Truth::True, _) | (_, Truth::True) => Truth::True,
            (Truth::False, t) | (t, Truth::False) => t,
            (Truth::Unknown(mut a), Truth::Unknown(b)) => {
                a.extend(b);
                Truth::Unknown(a)
            }
        }
    }
}

/// What is known of a request: variable (lower case) to its value or values. A variable
/// mapped to no value does not apply to the request.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RequestValues(BTreeMap<String, Vec<String>>);

impl RequestValues {
    /// Adds a value (variables may hold several, e.g. `request.groups.id`).
    pub fn add(&mut self, variable: &str, value: &str) {
        self.0
            .entry(normal(variable))
            .or_default()
            .push(value.to_string());
    }

    /// Marks a variable as not applying to this request (it will make clauses false).
    pub fn not_applicable(&mut self, variable: &str) {
        self.0.insert(normal(variable), Vec::new());
    }

    /// Sets a variable's values, replacing what was known (a user's `--where` wins).
    pub fn set(&mut self, variable: &str, values: Vec<String>) {
        self.0.insert(normal(variable), values);
    }

    pub fn get(&self, variable: &str) -> Option<&[String]> {
        self.0.get(&normal(variable)).map(Vec::as_slice)
    }

    pub fn iter(&self) -> impl Iterator<Item = (&String, &Vec<String>)> {
        self.0.iter()
    }
}

/// Variable names as OCI spells them in two ways (`dynamic-group`/`dynamicgroup`) meet.
fn normal(variable: &str) -> String {
    variable
        .to_ascii_lowercase()
        .replace("dynamicgroup", "dynamic-group")
}

/// Evaluates `condition` for `values`.
pub fn evaluate(condition: &Condition, values: &RequestValues) -> Truth {
    match condition {
        Condition::Group { mode, items, .. } => {
            let start = match mode {
                Mode::All => Truth::True,
                Mode::Any => Truth::False,
            };
            items.iter().fold(start, |acc, item| {
                let t = evaluate(item, values);
                match mode {
                    Mode::All => acc.and(t),
                    Mode::Any => acc.or(t),
                }
            })
        }
        Condition::Clause {
            variable,
            op,
            values: wanted,
            ..
        } => match values.get(&variable.text) {
            None => unknown(&variable.text),
            Some([]) => Truth::False,
            Some(have) => bool_truth(clause(*op, have, wanted)),
        },
        Condition::Present {
            variable, negated, ..
        } => match values.get(&variable.text) {
            None => unknown(&variable.text),
            Some(have) => bool_truth(have.is_empty() == *negated),
        },
        Condition::SetsIntersect {
            variable,
            values: wanted,
            ..
        } => match values.get(&variable.text) {
            None => unknown(&variable.text),
            Some(have) => bool_truth(have.iter().any(|h| wanted.iter().any(|w| matches(w, h)))),
        },
    }
}

fn unknown(variable: &str) -> Truth {
    Truth::Unknown(BTreeSet::from([normal(variable)]))
}

fn bool_truth(b: bool) -> Truth {
    if b { Truth::True } else { Truth::False }
}

fn clause(op: Operator, have: &[String], wanted: &[Value]) -> bool {
    let any_match = || have.iter().any(|h| wanted.iter().any(|w| matches(w, h)));
    match op {
        Operator::Eq | Operator::In => any_match(),
        Operator::NotEq | Operator::NotIn => !any_match(),
        Operator::Before => wanted
            .first()
            .is_some_and(|w| have.iter().any(|h| time(h) < time(w.text()))),
        Operator::After => wanted
            .first()
            .is_some_and(|w| have.iter().any(|h| time(h) > time(w.text()))),
        Operator::Between => match wanted {
            [from, to, ..] => have
                .iter()
                .any(|h| time(from.text()) <= time(h) && time(h) <= time(to.text())),
            _ => false,
        },
    }
}

/// ISO 8601 UTC times in one comparable form: `2020-04-01T05:00Z` and `2020-04-01T05:00:00Z`
/// compare equal, and so do `05:00` and `05:00:00`.
fn time(text: &str) -> String {
    let t = text.trim().trim_end_matches(['Z', 'z']);
    let (date, clock) = match t.split_once(['T', 't']) {
        Some((d, c)) => (d, c),
        None if t.contains(':') => ("", t),
        None => (t, ""),
    };
    let clock = match clock.matches(':').count() {
        0 if clock.is_empty() => String::new(),
        1 => format!("{clock}:00"),
        _ => clock.to_string(),
    };
    format!("{date}T{clock}")
}

/// A quoted value or word matches case-insensitively; `/pattern/` with `*` wildcards.
fn matches(wanted: &Value, have: &str) -> bool {
    let have = have.to_lowercase();
    match wanted {
        Value::Pattern { text, .. } => wildcard(&text.to_lowercase(), &have),
        other => other.text().to_lowercase() == have,
    }
}

fn wildcard(pattern: &str, text: &str) -> bool {
    let parts: Vec<&str> = pattern.split('*').collect();
    if parts.len() == 1 {
        return pattern == text;
    }
    let (first, last) = (parts[0], parts[parts.len() - 1]);
    if !text.starts_with(first) || !text.ends_with(last) || text.len() < first.len() + last.len() {
        return false;
    }
    let mut rest = &text[first.len()..text.len() - last.len()];
    for middle in &parts[1..parts.len() - 1] {
        match rest.find(middle) {
            Some(i) => rest = &rest[i + middle.len()..],
            None => return false,
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cond(text: &str) -> Condition {
        let s = crate::policy::parse_syntax(&format!(
            "Allow group A to read users in tenancy where {text}"
        ))
        .unwrap();
        s.grant().unwrap().condition.clone().unwrap()
    }

    fn values(pairs: &[(&str, &str)]) -> RequestValues {
        let mut v = RequestValues::default();
        for (k, val) in pairs {
            v.add(k, val);
        }
        v
    }

    #[test]
    fn clauses_compare_case_insensitively_and_with_wildcards() {
        let v = values(&[
            ("request.region", "IAD"),
            ("target.group.name", "HR-Admins"),
        ]);
        assert_eq!(evaluate(&cond("request.region = 'iad'"), &v), Truth::True);
        assert_eq!(
            evaluate(&cond("target.group.name = /hr*/"), &v),
            Truth::True
        );
        assert_eq!(
            evaluate(&cond("target.group.name = /*ops*/"), &v),
            Truth::False
        );
        assert_eq!(evaluate(&cond("request.region != 'phx'"), &v), Truth::True);
    }

    #[test]
    fn a_missing_value_is_unknown_and_an_inapplicable_one_is_false() {
        let mut v = values(&[("request.region", "IAD")]);
        let unknown = evaluate(&cond("all {request.region='iad', request.ad='AD-1'}"), &v);
        assert_eq!(
            unknown,
            Truth::Unknown(BTreeSet::from(["request.ad".to_string()]))
        );
        assert_eq!(
            evaluate(&cond("any {request.region='iad', request.ad='AD-1'}"), &v),
            Truth::True
        );
        v.not_applicable("target.group.name");
        assert_eq!(evaluate(&cond("target.group.name='x'"), &v), Truth::False);
    }

    #[test]
    fn times_compare_in_any_iso_form() {
        let v = values(&[("request.utc-timestamp", "2026-11-26T10:00:00Z")]);
        assert_eq!(
            evaluate(
                &cond("request.utc-timestamp before '2026-12-01T00:00Z'"),
                &v
            ),
            Truth::True
        );
        assert_eq!(
            evaluate(&cond("request.utc-timestamp after '2026-12-01T00:00Z'"), &v),
            Truth::False
        );
        let t = values(&[("request.utc-timestamp.time-of-day", "01:30:00Z")]);
        assert_eq!(
            evaluate(
                &cond("request.utc-timestamp.time-of-day between '01:00:00Z' and '02:01:00Z'"),
                &t
            ),
            Truth::True
        );
    }
}
