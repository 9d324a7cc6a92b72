//! Policies: named statement lists attached to a compartment, statements kept verbatim.

use axum::extract::State;

use super::{Taggable, editable, editable_tagged, require_compartment};
use crate::emulator::Ctx;
use crate::emulator::call::{Call, Outcome, Reply};
use crate::emulator::error::ApiError;
use crate::emulator::listing::{Shape, SortNames, filter_sort, page};
use crate::emulator::store::{new_ocid, now_rfc3339};
use crate::model::{CreatePolicyDetails, LifecycleState, Policy, UpdatePolicyDetails};

/// OCI's limit on statements in one policy.
const MAX_STATEMENTS: usize = 50;

pub async fn list(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let store = ctx.store.lock();
    let compartment = call.required("compartmentId")?;
    if compartment != store.tenancy_id() && store.compartments.get(compartment).is_none() {
        return Err(ApiError::not_found("compartment", compartment));
    }
    let candidates = store
        .policies
        .iter()
        .filter(|p| p.compartment_id == compartment);
    let items = filter_sort(candidates, &call, SortNames::Identity)?;
    page(&items, &call, ctx.limits, Shape::Array)
}

pub async fn get(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let store = ctx.store.lock();
    Reply::tagged(store.policies.find(call.param("id"), "policy")?)
}

fn check_statements(statements: &[String]) -> Result<(), ApiError> {
    if statements.is_empty() || statements.iter().all(|s| s.trim().is_empty()) {
        return Err(ApiError::invalid("a policy needs at least one statement"));
    }
    if statements.len() > MAX_STATEMENTS {
        return Err(ApiError::invalid(format!(
            "a policy can hold at most {MAX_STATEMENTS} statements; split it"
        )));
    }
    // OCI refuses a statement that does not parse, or names an unknown verb or a mistyped
    // resource type, naming it.
    for (i, statement) in statements.iter().enumerate() {
        let (_, diagnostics) = crate::policy::parse_statement(statement);
        if let Some(error) = diagnostics.iter().find(|d| d.is_error()) {
            let why = error.message.clone();
            return Err(ApiError::invalid(format!(
                "statement {} is not a valid policy statement ({why}): {statement}",
                i + 1
            )));
        }
    }
    Ok(())
}

fn check_version_date(date: Option<&str>) -> Result<(), ApiError> {
    let Some(date) = date.filter(|d| !d.is_empty()) else {
        return Ok(());
    };
    let format = time::macros::format_description!("[year]-[month]-[day]");
    time::Date::parse(date, &format)
        .map(|_| ())
        .map_err(|_| ApiError::invalid(format!("versionDate '{date}' is not a YYYY-MM-DD date")))
}

pub async fn create(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let details: CreatePolicyDetails = call.json()?;
    check_statements(&details.statements)?;
    check_version_date(details.version_date.as_deref())?;
    let mut store = ctx.store.lock();
    require_compartment(&store, &details.compartment_id)?;
    super::policy_names::check(&store, &details.compartment_id, &details.statements)?;
    if details.name.trim().is_empty() {
        return Err(ApiError::invalid("a policy needs a non-empty name"));
    }
    let taken = store.policies.iter().any(|p| {
        p.compartment_id == details.compartment_id
            && p.name.eq_ignore_ascii_case(&details.name)
            && p.lifecycle_state != LifecycleState::Deleted
    });
    if taken {
        return Err(ApiError::conflict(format!(
            "a policy named '{}' already exists in this compartment; choose another name",
            details.name
        )));
    }
    let defined_tags = store.tags_for_new(
        &details.compartment_id,
        details.defined_tags.clone(),
        call.principal.as_deref(),
    )?;
    let policy = Policy {
        id: new_ocid("policy"),
        compartment_id: details.compartment_id,
        name: details.name,
        statements: details.statements,
        description: details.description,
        time_created: now_rfc3339(),
        lifecycle_state: LifecycleState::Active,
        inactive_status: None,
        version_date: details.version_date,
        freeform_tags: details.freeform_tags.unwrap_or_default(),
        defined_tags,
    };
    store.policies.upsert(policy.clone());
    Reply::tagged(&policy)
}

pub async fn update(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let details: UpdatePolicyDetails = call.json()?;
    if let Some(statements) = &details.statements {
        check_statements(statements)?;
    }
    check_version_date(details.version_date.as_deref())?;
    let mut store = ctx.store.lock();
    if let Some(statements) = &details.statements {
        let attached = store
            .policies
            .find(call.param("id"), "policy")?
            .compartment_id
            .clone();
        super::policy_names::check(&store, &attached, statements)?;
    }
    let policy = editable_tagged(
        &mut store,
        |s| &mut s.policies,
        &call,
        "policy",
        details.defined_tags.as_ref(),
    )?;
    if let Some(v) = details.description {
        policy.description = v;
    }
    if let Some(v) = details.statements {
        policy.statements = v;
    }
    if let Some(v) = details.version_date {
        policy.version_date = (!v.is_empty()).then_some(v);
    }
    policy.retag(details.freeform_tags, details.defined_tags);
    Reply::tagged(&*policy)
}

pub async fn delete(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let mut store = ctx.store.lock();
    let policy = editable(&mut store.policies, &call, "policy")?;
    policy.lifecycle_state = LifecycleState::Deleted;
    Ok(Reply::no_content())
}
