//! Work requests: get, list, errors and logs, for identity, tagging and organizations.

use axum::extract::State;

use crate::emulator::Ctx;
use crate::emulator::call::{Call, Outcome, Reply};
use crate::emulator::listing::{Shape, page};
use crate::emulator::store::WorkService;
use crate::model::WorkRequest;

/// Unfinished work requests suggest when to poll again.
pub async fn get(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let store = ctx.store.lock();
    let item = store.work.find(call.param("id"), "work request")?;
    let reply = Reply::json(&item.view(true))?;
    Ok(if item.status.is_finished() {
        reply
    } else {
        reply.header("retry-after", "1".into())
    })
}

fn list_of(ctx: &Ctx, call: &Call, service: Option<WorkService>) -> Outcome {
    let store = ctx.store.lock();
    let compartment = call.required("compartmentId")?;
    let resource = call.query("resourceIdentifier");
    let items: Vec<WorkRequest> = store
        .work
        .iter()
        .filter(|w| service.is_none_or(|s| w.service == s))
        .filter(|w| w.compartment_id == compartment)
        .map(|w| w.view(false))
        .filter(|w| resource.is_none_or(|r| w.resources.iter().any(|x| x.identifier == r)))
        .collect();
    page(&items, call, ctx.limits, Shape::Array)
}

pub async fn list(State(ctx): State<Ctx>, call: Call) -> Outcome {
    list_of(&ctx, &call, Some(WorkService::Identity))
}

pub async fn list_tagging(State(ctx): State<Ctx>, call: Call) -> Outcome {
    list_of(&ctx, &call, Some(WorkService::Tagging))
}

pub async fn errors(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let store = ctx.store.lock();
    let item = store.work.find(call.param("id"), "work request")?;
    page(&item.view(false).errors, &call, ctx.limits, Shape::Array)
}

pub async fn logs(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let store = ctx.store.lock();
    let item = store.work.find(call.param("id"), "work request")?;
    page(&item.logs, &call, ctx.limits, Shape::Array)
}
