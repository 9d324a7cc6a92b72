//! Resource Search (`/20180409/resources`) over the other services' resources the emulator
//! holds, enough for canopy to list what a compartment contains before a bulk move or delete.
//! Structured queries of the form `query all|<type>[, <type>] resources [where <attr> =
//! '<value>' [&& ...]]` with `compartmentId`, `lifecycleState`, `displayName`; free text
//! matches display names.

use axum::Router;
use axum::extract::State;
use axum::routing::post;

use crate::emulator::Ctx;
use crate::emulator::call::{Call, Outcome};
use crate::emulator::error::ApiError;
use crate::emulator::listing::{Shape, page_map};
use crate::model::{CompartmentResource, ResourceSummary, SearchDetails};

pub(super) fn routes() -> Router<Ctx> {
    Router::new().route("/resources", post(search))
}

/// What a structured query asks for.
#[derive(Debug, Default, PartialEq, Eq)]
struct Query {
    /// Empty: all types.
    types: Vec<String>,
    conditions: Vec<(String, String)>,
}

fn unsupported(query: &str) -> ApiError {
    ApiError::invalid(format!(
        "cannot run the query '{query}': this search understands `query all|<type>[, <type>] \
         resources [where compartmentId|lifecycleState|displayName = '<value>' [&& ...]]`"
    ))
}

fn parse(query: &str) -> Result<Query, ApiError> {
    let text = query.trim();
    let lower = text.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("query ")
        .ok_or_else(|| unsupported(query))?;
    let at = rest.find(" resources").ok_or_else(|| unsupported(query))?;
    let kinds = rest[..at].trim();
    let types = if kinds == "all" {
        Vec::new()
    } else {
        kinds.split(',').map(|k| k.trim().to_string()).collect()
    };
    // Values keep their case: cut them from the original text at the same offsets.
    let offset = text.len() - rest.len() + at + " resources".len();
    let tail = text[offset..].trim();
    let mut conditions = Vec::new();
    if !tail.is_empty() {
        let clauses = tail
            .strip_prefix("where ")
            .or_else(|| tail.strip_prefix("WHERE "))
            .ok_or_else(|| unsupported(query))?;
        for clause in clauses.split("&&") {
            let (attr, value) = clause.split_once('=').ok_or_else(|| unsupported(query))?;
            let value = value.trim();
            let value = value
                .strip_prefix('\'')
                .and_then(|v| v.strip_suffix('\''))
                .ok_or_else(|| unsupported(query))?;
            let attr = attr.trim().to_ascii_lowercase();
            if !matches!(
                attr.as_str(),
                "compartmentid" | "lifecyclestate" | "displayname"
            ) {
                return Err(unsupported(query));
            }
            conditions.push((attr, value.to_string()));
        }
    }
    Ok(Query { types, conditions })
}

fn matches(r: &CompartmentResource, q: &Query) -> bool {
    let typed = q.types.is_empty()
        || q.types
            .iter()
            .any(|t| t.eq_ignore_ascii_case(&r.resource_type));
    typed
        && q.conditions
            .iter()
            .all(|(attr, value)| match attr.as_str() {
                "compartmentid" => r.compartment_id == *value,
                "lifecyclestate" => r.lifecycle_state.as_str().eq_ignore_ascii_case(value),
                _ => r.display_name.eq_ignore_ascii_case(value),
            })
}

fn summary(r: &CompartmentResource) -> ResourceSummary {
    ResourceSummary {
        resource_type: r.resource_type.clone(),
        identifier: r.id.clone(),
        compartment_id: r.compartment_id.clone(),
        time_created: Some(r.time_created.clone()).filter(|t| !t.is_empty()),
        display_name: Some(r.display_name.clone()),
        availability_domain: None,
        lifecycle_state: Some(r.lifecycle_state.to_string()),
        freeform_tags: r.freeform_tags.clone(),
        defined_tags: r.defined_tags.clone(),
        system_tags: None,
        additional_details: (!r.metadata.is_empty()).then(|| {
            r.metadata
                .iter()
                .map(|(k, v)| (k.clone(), serde_json::Value::String(v.clone())))
                .collect()
        }),
    }
}

async fn search(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let details: SearchDetails = call.json()?;
    let store = ctx.store.lock();
    let found: Vec<&CompartmentResource> = match &details {
        SearchDetails::Structured { query, .. } => {
            let q = parse(query)?;
            store
                .compartment_resources
                .iter()
                .filter(|r| matches(r, &q))
                .collect()
        }
        SearchDetails::FreeText { text, .. } => {
            let needle = text.to_lowercase();
            store
                .compartment_resources
                .iter()
                .filter(|r| r.display_name.to_lowercase().contains(&needle))
                .collect()
        }
    };
    page_map(&found, &call, ctx.limits, Shape::Items, |r| summary(r))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn structured_queries_parse() {
        let q = parse("query all resources where compartmentId = 'ocid1.compartment.oc1..aBc'")
            .unwrap();
        assert!(q.types.is_empty());
        assert_eq!(
            q.conditions,
            [(
                "compartmentid".to_string(),
                "ocid1.compartment.oc1..aBc".to_string()
            )]
        );
        let q = parse("QUERY instance, Bucket resources where lifecycleState = 'RUNNING' && displayName = 'web-01'").unwrap();
        assert_eq!(q.types, ["instance", "bucket"]);
        assert_eq!(q.conditions.len(), 2);
        assert!(parse("query all resources").unwrap().conditions.is_empty());
        assert!(parse("find all").is_err());
        assert!(parse("query all resources where timeCreated > '2020'").is_err());
    }
}
