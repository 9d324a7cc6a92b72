//! Organizations sender invitations: list (wrapped in `items`), get, create, update, cancel.

use axum::extract::State;

use super::Taggable;
use super::require_tenancy;
use crate::emulator::Ctx;
use crate::emulator::call::{Call, Outcome, Reply};
use crate::emulator::error::ApiError;
use crate::emulator::listing::{Shape, SortNames, filter_sort, page};
use crate::emulator::store::{WorkKind, WorkService, etag_of, new_ocid, now_rfc3339};
use crate::model::{
    CreateSenderInvitationDetails, InvitationFeature, InvitationStatus, LifecycleState,
    SenderInvitation, UpdateSenderInvitationDetails,
};

pub async fn list(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let store = ctx.store.lock();
    require_tenancy(
        &store,
        call.required("compartmentId")?,
        "sender invitations",
    )?;
    let recipient = call.query("recipientTenancyId");
    let status = call.query("status").map(InvitationStatus::parse);
    let candidates = store.invitations.iter().filter(|i| {
        recipient.is_none_or(|r| i.recipient_tenancy_id == r)
            && status.as_ref().is_none_or(|s| i.status == *s)
    });
    let items = filter_sort(candidates, &call, SortNames::Organizations)?;
    page(&items, &call, ctx.limits, Shape::Items)
}

pub async fn get(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let store = ctx.store.lock();
    Reply::tagged(
        store
            .invitations
            .find(call.param("id"), "sender invitation")?,
    )
}

fn check_subjects(subjects: &[String]) -> Result<(), ApiError> {
    match subjects
        .iter()
        .find(|s| !matches!(s.as_str(), "LINK" | "GOVERNANCE"))
    {
        Some(bad) => Err(ApiError::invalid(format!(
            "'{bad}' is not an invitation subject; use LINK or GOVERNANCE"
        ))),
        None => Ok(()),
    }
}

pub async fn create(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let details: CreateSenderInvitationDetails = call.json()?;
    let subjects = details.subjects.unwrap_or_else(|| vec!["LINK".to_string()]);
    check_subjects(&subjects)?;
    let mut store = ctx.store.lock();
    require_tenancy(&store, &details.compartment_id, "sender invitations")?;
    let recipient = details.recipient_tenancy_id;
    if !recipient.starts_with("ocid1.tenancy.") {
        return Err(ApiError::invalid(format!(
            "recipientTenancyId '{recipient}' is not a tenancy OCID"
        )));
    }
    if recipient == store.tenancy_id() {
        return Err(ApiError::invalid("a tenancy cannot invite itself"));
    }
    let pending = store
        .invitations
        .iter()
        .any(|i| i.recipient_tenancy_id == recipient && i.status == InvitationStatus::Pending);
    if pending {
        return Err(ApiError::conflict(format!(
            "an invitation to {recipient} is already pending; cancel it first"
        )));
    }
    let defined_tags = store.tags_for_new(
        &details.compartment_id,
        details.defined_tags.clone(),
        call.principal.as_deref(),
    )?;
    let id = new_ocid("senderinvitation");
    let features = details.features.map(|names| {
        names
            .into_iter()
            .map(|name| InvitationFeature {
                name,
                recipient_invitation_id: None,
                status: InvitationStatus::Pending,
            })
            .collect()
    });
    let invitation = SenderInvitation {
        id: id.clone(),
        compartment_id: details.compartment_id,
        subjects,
        recipient_invitation_id: Some(new_ocid("recipientinvitation")),
        recipient_tenancy_id: recipient,
        lifecycle_state: LifecycleState::Creating,
        status: InvitationStatus::Pending,
        display_name: details.display_name.unwrap_or_default(),
        time_created: now_rfc3339(),
        time_updated: None,
        recipient_email_address: details.recipient_email_address,
        invitation_features: features,
        freeform_tags: details.freeform_tags.unwrap_or_default(),
        defined_tags,
        system_tags: None,
    };
    store.invitations.upsert(invitation.clone());
    let work = store.start_work(
        WorkKind::CreateSenderInvitation { id },
        WorkService::Organizations,
        &invitation.compartment_id,
    );
    Ok(Reply::tagged(&invitation)?.header("opc-work-request-id", work))
}

pub async fn update(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let details: UpdateSenderInvitationDetails = call.json()?;
    let mut store = ctx.store.lock();
    let mut invitation = store
        .invitations
        .find(call.param("id"), "sender invitation")?
        .clone();
    call.check_etag(&etag_of(&invitation))?;
    if let Some(tags) = &details.defined_tags {
        store.check_defined_tags(tags, Some(&invitation.defined_tags))?;
    }
    if let Some(v) = details.display_name {
        invitation.display_name = v;
    }
    invitation.retag(details.freeform_tags, details.defined_tags);
    invitation.time_updated = Some(now_rfc3339());
    store.invitations.upsert(invitation.clone());
    Reply::tagged(&invitation)
}

/// Only a PENDING invitation can be canceled.
pub async fn cancel(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let mut store = ctx.store.lock();
    let current = store
        .invitations
        .find(call.param("id"), "sender invitation")?;
    call.check_etag(&etag_of(current))?;
    if current.status != InvitationStatus::Pending {
        return Err(ApiError::conflict(format!(
            "invitation {} is {}; only a PENDING invitation can be canceled",
            current.id, current.status
        )));
    }
    let (id, compartment) = (current.id.clone(), current.compartment_id.clone());
    if let Some(i) = store.invitations.get_mut(&id) {
        i.lifecycle_state = LifecycleState::Updating;
    }
    let work = store.start_work(
        WorkKind::CancelSenderInvitation { id },
        WorkService::Organizations,
        &compartment,
    );
    Ok(Reply::accepted(work))
}
