//! SCIM list parameters over resources in JSON form: `filter` (the common comparisons joined
//! by `and`/`or`), `sortBy`/`sortOrder`, `startIndex`/`count` paging and `attributes`.

use serde_json::{Map, Value, json};

use crate::emulator::call::Call;
use crate::emulator::error::ApiError;
use crate::model::scim::SCHEMA_LIST;

/// Page size when no `count` is sent, and the largest accepted (Identity Domains documents
/// 1000 as the largest).
pub const DEFAULT_COUNT: usize = 50;
pub const MAX_COUNT: usize = 1000;

/// One comparison: `displayName eq "Auditors"`, `members.value eq "ocid1..."`, `userName pr`.
struct Comparison {
    path: Vec<String>,
    op: String,
    value: String,
}

fn unquote(text: &str) -> String {
    let text = text.trim();
    text.strip_prefix('"')
        .and_then(|t| t.strip_suffix('"'))
        .unwrap_or(text)
        .replace("\\\"", "\"")
}

fn comparison(text: &str) -> Result<Comparison, ApiError> {
    let text = text.trim().trim_start_matches('(').trim_end_matches(')');
    let mut parts = text.splitn(3, ' ');
    let (Some(path), Some(op)) = (parts.next(), parts.next()) else {
        return Err(bad_filter(text));
    };
    let op = op.to_ascii_lowercase();
    let value = parts.next().map(unquote).unwrap_or_default();
    if !["eq", "ne", "co", "sw", "ew", "pr"].contains(&op.as_str())
        || (op != "pr" && value.is_empty() && !text.ends_with("\"\""))
    {
        return Err(bad_filter(text));
    }
    Ok(Comparison {
        path: path.split('.').map(str::to_string).collect(),
        op,
        value,
    })
}

fn bad_filter(text: &str) -> ApiError {
    ApiError::invalid(format!(
        "the filter '{text}' is not understood: use ATTRIBUTE eq|ne|co|sw|ew \"VALUE\" or \
         ATTRIBUTE pr, joined by and/or (e.g. displayName eq \"Auditors\", members.value eq \"ID\")"
    ))
}

/// The values at `path` (a multi-valued attribute gives one per element), case-insensitively
/// by attribute name as SCIM wants.
fn values_at<'a>(value: &'a Value, path: &[String]) -> Vec<&'a Value> {
    let Some((first, rest)) = path.split_first() else {
        return vec![value];
    };
    let field = value.as_object().and_then(|o| {
        o.iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(first))
            .map(|(_, v)| v)
    });
    match field {
        Some(Value::Array(items)) => items.iter().flat_map(|i| values_at(i, rest)).collect(),
        Some(v) => values_at(v, rest),
        None => Vec::new(),
    }
}

impl Comparison {
    fn matches(&self, resource: &Value) -> bool {
        let found = values_at(resource, &self.path);
        if self.op == "pr" {
            return found.iter().any(|v| !v.is_null());
        }
        let want = self.value.to_lowercase();
        let hit = found.iter().any(|v| {
            let have = match v {
                Value::String(s) => s.to_lowercase(),
                other => other.to_string(),
            };
            match self.op.as_str() {
                "co" => have.contains(&want),
                "sw" => have.starts_with(&want),
                "ew" => have.ends_with(&want),
                _ => have == want,
            }
        });
        if self.op == "ne" { !hit } else { hit }
    }
}

/// A filter: comparisons joined by `or` of `and`s (no parentheses beyond one comparison).
struct Filter(Vec<Vec<Comparison>>);

fn split_word<'a>(text: &'a str, word: &str) -> Vec<&'a str> {
    let lower = text.to_lowercase();
    let needle = format!(" {word} ");
    let mut out = Vec::new();
    let mut start = 0;
    let mut in_quotes = false;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < text.len() {
        if bytes[i] == b'"' {
            in_quotes = !in_quotes;
        } else if !in_quotes && lower[i..].starts_with(&needle) {
            out.push(&text[start..i]);
            i += needle.len();
            start = i;
            continue;
        }
        i += 1;
    }
    out.push(&text[start..]);
    out
}

impl Filter {
    fn parse(text: &str) -> Result<Self, ApiError> {
        split_word(text, "or")
            .into_iter()
            .map(|any| split_word(any, "and").into_iter().map(comparison).collect())
            .collect::<Result<Vec<_>, _>>()
            .map(Self)
    }

    fn matches(&self, resource: &Value) -> bool {
        self.0
            .iter()
            .any(|all| all.iter().all(|c| c.matches(resource)))
    }
}

fn number(call: &Call, name: &str) -> Result<Option<usize>, ApiError> {
    call.query(name)
        .map(|v| {
            v.parse::<i64>()
                .map(|n| usize::try_from(n.max(0)).unwrap_or(0))
                .map_err(|_| ApiError::invalid(format!("'{name}' must be a number, not '{v}'")))
        })
        .transpose()
}

/// Keeps only the attributes asked for, plus those SCIM always returns (`id`, `schemas`,
/// `meta`). Names are matched case-insensitively; `members.value` keeps `members`.
fn project(resource: Value, attributes: &[String]) -> Value {
    let Value::Object(map) = resource else {
        return resource;
    };
    let kept: Map<String, Value> = map
        .into_iter()
        .filter(|(k, _)| {
            ["id", "schemas", "meta"].contains(&k.as_str())
                || attributes.iter().any(|a| {
                    let top = a.split('.').next().unwrap_or(a);
                    top.eq_ignore_ascii_case(k)
                })
        })
        .collect();
    Value::Object(kept)
}

/// The `attributes` parameter as a list (empty: everything).
pub fn attributes(call: &Call) -> Vec<String> {
    call.query("attributes")
        .map(|a| {
            a.split(',')
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
                .collect()
        })
        .unwrap_or_default()
}

/// One resource with `attributes` applied (for GET of one).
pub fn one(resource: Value, call: &Call) -> Value {
    let attributes = attributes(call);
    if attributes.is_empty() {
        resource
    } else {
        project(resource, &attributes)
    }
}

/// The SCIM list answer for `resources` under the call's filter, sort, page and attributes.
pub fn list(resources: Vec<Value>, call: &Call) -> Result<Value, ApiError> {
    let filter = call
        .query("filter")
        .filter(|f| !f.trim().is_empty())
        .map(Filter::parse)
        .transpose()?;
    let mut items: Vec<Value> = resources
        .into_iter()
        .filter(|r| filter.as_ref().is_none_or(|f| f.matches(r)))
        .collect();
    if let Some(sort_by) = call.query("sortBy").filter(|s| !s.is_empty()) {
        let path: Vec<String> = sort_by.split('.').map(str::to_string).collect();
        let key = |r: &Value| {
            values_at(r, &path)
                .first()
                .map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_lowercase))
                .unwrap_or_default()
        };
        items.sort_by_key(key);
        let descending = call
            .query("sortOrder")
            .is_some_and(|o| o.eq_ignore_ascii_case("descending"));
        if descending {
            items.reverse();
        }
    }
    let total = items.len();
    let start = number(call, "startIndex")?.unwrap_or(1).max(1);
    let count = number(call, "count")?
        .unwrap_or(DEFAULT_COUNT)
        .min(MAX_COUNT);
    let attributes = attributes(call);
    let page: Vec<Value> = items
        .into_iter()
        .skip(start - 1)
        .take(count)
        .map(|r| {
            if attributes.is_empty() {
                r
            } else {
                project(r, &attributes)
            }
        })
        .collect();
    Ok(json!({
        "schemas": [SCHEMA_LIST],
        "totalResults": total,
        "Resources": page,
        "startIndex": start,
        "itemsPerPage": page.len(),
    }))
}
