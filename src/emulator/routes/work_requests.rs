//! Work requests: get and list for classic identity, tagging, IAM (identity domains) and
//! organizations; errors and logs for tagging and IAM, whose work requests do not carry
//! them (a classic work request has its errors and logs inside).

use axum::extract::State;

use crate::emulator::Ctx;
use crate::emulator::call::{Call, Outcome, Reply};
use crate::emulator::error::ApiError;
use crate::emulator::listing::{Shape, page, page_map};
use crate::emulator::store::{WorkItem, WorkService};
use crate::model::{WorkRequestError, WorkRequestLogEntry};

/// The work request `{id}` if one of `services` serves it.
fn find<'a>(
    store: &'a crate::emulator::Store,
    call: &Call,
    services: &[WorkService],
) -> Result<&'a WorkItem, ApiError> {
    let id = call.param("id");
    store
        .work
        .get(id)
        .filter(|w| services.contains(&w.service))
        .ok_or_else(|| ApiError::not_found("work request", id))
}

/// Unfinished work requests suggest when to poll again.
fn polled(item: &WorkItem, reply: Reply) -> Reply {
    if item.status.is_finished() {
        reply
    } else {
        reply.header("retry-after", "1".into())
    }
}

/// `/workRequests/{id}` (which also answers for tagging work requests) and the
/// organizations service's `/workRequests/{id}`: the classic shape, with errors and logs.
pub async fn get(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let store = ctx.store.lock();
    let services = [
        WorkService::Identity,
        WorkService::Tagging,
        WorkService::Organizations,
    ];
    let item = find(&store, &call, &services)?;
    Ok(polled(item, Reply::json(&item.view(true))?))
}

pub async fn get_tagging(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let store = ctx.store.lock();
    let item = find(&store, &call, &[WorkService::Tagging])?;
    Ok(polled(item, Reply::json(&item.summary())?))
}

pub async fn get_iam(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let store = ctx.store.lock();
    let item = find(&store, &call, &[WorkService::Iam])?;
    Ok(polled(item, Reply::json(&item.summary())?))
}

/// The work requests of one service in a compartment, optionally about one resource.
fn listed<'a>(
    store: &'a crate::emulator::Store,
    call: &Call,
    service: WorkService,
) -> Result<Vec<&'a WorkItem>, ApiError> {
    let compartment = call.required("compartmentId")?;
    let resource = call.query("resourceIdentifier").filter(|r| !r.is_empty());
    Ok(store
        .work
        .iter()
        .filter(|w| w.service == service && w.compartment_id == compartment)
        .filter(|w| {
            resource.is_none_or(|r| w.view(false).resources.iter().any(|x| x.identifier == r))
        })
        .collect())
}

pub async fn list(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let store = ctx.store.lock();
    let items = listed(&store, &call, WorkService::Identity)?;
    page_map(&items, &call, ctx.limits, Shape::Array, |w| w.view(false))
}

pub async fn list_tagging(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let store = ctx.store.lock();
    let items = listed(&store, &call, WorkService::Tagging)?;
    page_map(&items, &call, ctx.limits, Shape::Array, |w| w.summary())
}

pub async fn list_iam(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let store = ctx.store.lock();
    let items = listed(&store, &call, WorkService::Iam)?;
    page_map(&items, &call, ctx.limits, Shape::Array, |w| w.summary())
}

/// Oldest first, or newest first with `sortOrder=DESC` (IAM takes a sort order).
fn in_order<T: Clone>(entries: &[T], call: &Call) -> Result<Vec<T>, ApiError> {
    let mut entries = entries.to_vec();
    match call.query("sortOrder") {
        None => {}
        Some(o) if o.eq_ignore_ascii_case("ASC") => {}
        Some(o) if o.eq_ignore_ascii_case("DESC") => entries.reverse(),
        Some(o) => {
            return Err(ApiError::invalid(format!(
                "sortOrder must be ASC or DESC, not '{o}'"
            )));
        }
    }
    Ok(entries)
}

fn errors_of(ctx: &Ctx, call: &Call, service: WorkService) -> Outcome {
    let store = ctx.store.lock();
    let item = find(&store, call, &[service])?;
    let errors: Vec<WorkRequestError> = in_order(&item.errors, call)?;
    page(&errors, call, ctx.limits, Shape::Array)
}

fn logs_of(ctx: &Ctx, call: &Call, service: WorkService) -> Outcome {
    let store = ctx.store.lock();
    let item = find(&store, call, &[service])?;
    let logs: Vec<WorkRequestLogEntry> = in_order(&item.logs, call)?;
    page(&logs, call, ctx.limits, Shape::Array)
}

pub async fn tagging_errors(State(ctx): State<Ctx>, call: Call) -> Outcome {
    errors_of(&ctx, &call, WorkService::Tagging)
}

pub async fn tagging_logs(State(ctx): State<Ctx>, call: Call) -> Outcome {
    logs_of(&ctx, &call, WorkService::Tagging)
}

pub async fn iam_errors(State(ctx): State<Ctx>, call: Call) -> Outcome {
    errors_of(&ctx, &call, WorkService::Iam)
}

pub async fn iam_logs(State(ctx): State<Ctx>, call: Call) -> Outcome {
    logs_of(&ctx, &call, WorkService::Iam)
}
