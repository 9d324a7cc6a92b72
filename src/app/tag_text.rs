//! Free-form and defined tags (and an identity provider's free-form attributes) as one line
//! of a form: `key=value, key2=value2`, defined tags as `Namespace.key=value`.

use crate::model::{DefinedTags, FreeformTags};

/// `a=1, b=2` (keys in order).
pub fn freeform_text(tags: &FreeformTags) -> String {
    tags.iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// `Operations.CostCenter=CC-1, Operations.Env=dev`; string values without quotes.
pub fn defined_text(tags: &DefinedTags) -> String {
    tags.iter()
        .flat_map(|(ns, keys)| {
            keys.iter().map(move |(k, v)| {
                let value = v.as_str().map_or_else(|| v.to_string(), str::to_string);
                format!("{ns}.{k}={value}")
            })
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// A resource's tags as detail fields (none when it has none).
pub fn tag_details(freeform: &FreeformTags, defined: &DefinedTags) -> Vec<(&'static str, String)> {
    let mut out = Vec::new();
    if !freeform.is_empty() {
        out.push(("Tags", freeform_text(freeform)));
    }
    if !defined.is_empty() {
        out.push(("Defined tags", defined_text(defined)));
    }
    out
}

/// The `key=value` pairs of a line; a value may be empty, a key may not.
fn pairs(text: &str) -> Result<Vec<(String, String)>, String> {
    let mut out: Vec<(String, String)> = Vec::new();
    for part in text.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let Some((key, value)) = part.split_once('=') else {
            return Err(format!("'{part}' is not key=value"));
        };
        let key = key.trim();
        if key.is_empty() {
            return Err(format!("'{part}' has no key before '='"));
        }
        if out.iter().any(|(k, _)| k == key) {
            return Err(format!("'{key}' is given twice"));
        }
        out.push((key.to_string(), value.trim().to_string()));
    }
    Ok(out)
}

/// Parses `key=value, ...` (empty: no tags).
pub fn parse_freeform(text: &str) -> Result<FreeformTags, String> {
    Ok(pairs(text)?.into_iter().collect())
}

/// Parses `Namespace.key=value, ...` (empty: no tags).
pub fn parse_defined(text: &str) -> Result<DefinedTags, String> {
    let mut out = DefinedTags::new();
    for (path, value) in pairs(text)? {
        let Some((ns, key)) = path.split_once('.') else {
            return Err(format!("'{path}' is not Namespace.key"));
        };
        if ns.is_empty() || key.is_empty() {
            return Err(format!("'{path}' is not Namespace.key"));
        }
        out.entry(ns.to_string())
            .or_default()
            .insert(key.to_string(), serde_json::Value::String(value));
    }
    Ok(out)
}

/// Form checks (the field's label goes before the message).
pub fn check_freeform(text: &str) -> Result<(), String> {
    parse_freeform(text).map(drop)
}

pub fn check_defined(text: &str) -> Result<(), String> {
    parse_defined(text).map(drop)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_round_trip_through_text() {
        let free = parse_freeform("owner=security-team, env=").unwrap();
        assert_eq!(free["owner"], "security-team");
        assert_eq!(freeform_text(&free), "env=, owner=security-team");
        let defined = parse_defined("Operations.CostCenter=CC-1").unwrap();
        assert_eq!(defined_text(&defined), "Operations.CostCenter=CC-1");
        assert!(parse_freeform("a=1, a=2").unwrap_err().contains("twice"));
        assert!(parse_freeform("nokey").unwrap_err().contains("key=value"));
        assert!(
            parse_defined("CostCenter=1")
                .unwrap_err()
                .contains("Namespace.key")
        );
        assert!(parse_freeform("  ").unwrap().is_empty());
    }
}
