//! Standard tags: the templates Oracle offers, one template with its tags, and importing one
//! into the root compartment through a tagging work request (it creates the namespace, or
//! completes it when it exists).

use axum::extract::State;

use super::locks::{Change, check_locks};
use super::require_compartment;
use crate::emulator::Ctx;
use crate::emulator::call::{Call, Outcome, Reply};
use crate::emulator::error::ApiError;
use crate::emulator::listing::{Shape, page};
use crate::emulator::standard_tags::{template, templates};
use crate::emulator::store::{WorkKind, WorkService, new_ocid};
use crate::model::{
    ImportStandardTagsDetails, LifecycleState, StandardTagNamespaceTemplateSummary,
};

fn require_known_compartment(store: &crate::emulator::Store, id: &str) -> Result<(), ApiError> {
    if id == store.tenancy_id() || store.compartments.get(id).is_some() {
        Ok(())
    } else {
        Err(ApiError::not_found("compartment", id))
    }
}

pub async fn list(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let store = ctx.store.lock();
    require_known_compartment(&store, call.required("compartmentId")?)?;
    let items: Vec<StandardTagNamespaceTemplateSummary> = templates()
        .iter()
        .map(crate::model::StandardTagNamespaceTemplate::summary)
        .collect();
    page(&items, &call, ctx.limits, Shape::Array)
}

pub async fn get(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let store = ctx.store.lock();
    require_known_compartment(&store, call.required("compartmentId")?)?;
    let name = call.param("name");
    let found = template(name)
        .ok_or_else(|| ApiError::not_found("standard tag namespace template", name))?;
    Reply::json(found)
}

pub async fn import(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let details: ImportStandardTagsDetails = call.json()?;
    let mut store = ctx.store.lock();
    require_compartment(&store, &details.compartment_id)?;
    if details.compartment_id != store.tenancy_id() {
        return Err(ApiError::invalid(format!(
            "standard tags are imported into the root compartment: compartmentId must be the \
             tenancy OCID {}",
            store.tenancy_id()
        )));
    }
    let name = details.standard_tag_namespace_name;
    if template(&name).is_none() {
        let known: Vec<&str> = templates()
            .iter()
            .map(|t| t.standard_tag_namespace_name.as_str())
            .collect();
        return Err(ApiError::invalid(format!(
            "'{name}' is not a standard tag namespace; use one of: {}",
            known.join(", ")
        )));
    }
    let running = store.work.iter().find(|w| {
        !w.status.is_finished()
            && matches!(&w.kind, WorkKind::ImportStandardTags { template, .. } if *template == name)
    });
    if let Some(w) = running {
        return Err(ApiError::conflict(format!(
            "an import of {name} is already running; wait for work request {}",
            w.id
        )));
    }
    let existing = store.namespace_named(&name).cloned();
    if let Some(ns) = &existing {
        if ns.lifecycle_state != LifecycleState::Active {
            return Err(ApiError::conflict(format!(
                "tag namespace {} is {}; reactivate it before importing its standard tags again",
                ns.name, ns.lifecycle_state
            )));
        }
        check_locks(
            ns.locks.as_ref(),
            Change::Update,
            "tag namespace",
            &ns.name,
            &call,
        )?;
    }
    let namespace_id = existing
        .as_ref()
        .map_or_else(|| new_ocid("tagnamespace"), |ns| ns.id.clone());
    let work = store.start_work(
        WorkKind::ImportStandardTags {
            namespace_id,
            template: name,
            compartment_id: details.compartment_id.clone(),
            existed: existing.is_some(),
        },
        WorkService::Tagging,
        &details.compartment_id,
    );
    Ok(Reply::accepted(work))
}
