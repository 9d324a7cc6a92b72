//! Identity-domain actions: activate, deactivate, move to another compartment, change the
//! license type and replicate to a region, each as an IAM work request.

use axum::extract::State;

use super::domains::{begin, changeable, license_type, require_state};
use super::require_compartment;
use crate::emulator::Ctx;
use crate::emulator::call::{Call, Outcome};
use crate::emulator::error::ApiError;
use crate::emulator::store::WorkKind;
use crate::model::{
    ChangeDomainCompartmentDetails, ChangeDomainLicenseTypeDetails, DomainLifecycleDetails,
    EnableReplicationToRegionDetails, LifecycleState, ReplicatedRegionDetails, ReplicationState,
};

pub async fn activate(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let mut store = ctx.store.lock();
    let domain = changeable(&store, &call)?;
    let (id, compartment) = (domain.id.clone(), domain.compartment_id.clone());
    require_state(domain, &LifecycleState::Inactive, "be activated")?;
    let kind = WorkKind::ActivateDomain { id: id.clone() };
    let details = Some(DomainLifecycleDetails::Activating);
    Ok(begin(&mut store, &id, details, kind, &compartment))
}

pub async fn deactivate(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let mut store = ctx.store.lock();
    let domain = changeable(&store, &call)?;
    let (id, compartment) = (domain.id.clone(), domain.compartment_id.clone());
    if domain.is_default() {
        return Err(ApiError::conflict(
            "the Default identity domain cannot be deactivated; a tenancy always keeps it active",
        ));
    }
    require_state(domain, &LifecycleState::Active, "be deactivated")?;
    let kind = WorkKind::DeactivateDomain { id: id.clone() };
    let details = Some(DomainLifecycleDetails::Deactivating);
    Ok(begin(&mut store, &id, details, kind, &compartment))
}

pub async fn change_compartment(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let details: ChangeDomainCompartmentDetails = call.json()?;
    let mut store = ctx.store.lock();
    let domain = changeable(&store, &call)?;
    let (id, compartment) = (domain.id.clone(), domain.compartment_id.clone());
    let target = details.compartment_id;
    require_compartment(&store, &target)?;
    if target == compartment {
        return Err(ApiError::invalid(
            "the identity domain is already in that compartment",
        ));
    }
    let kind = WorkKind::ChangeDomainCompartment {
        id: id.clone(),
        target,
    };
    let details = Some(DomainLifecycleDetails::Updating);
    Ok(begin(&mut store, &id, details, kind, &compartment))
}

pub async fn change_license_type(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let details: ChangeDomainLicenseTypeDetails = call.json()?;
    let wanted = details
        .license_type
        .filter(|v| !v.is_empty())
        .ok_or_else(|| ApiError::missing("licenseType is required"))?;
    let (wanted, ..) = license_type(&wanted)?;
    let mut store = ctx.store.lock();
    let domain = changeable(&store, &call)?;
    let (id, compartment) = (domain.id.clone(), domain.compartment_id.clone());
    require_state(domain, &LifecycleState::Active, "change its license type")?;
    let (current, _, _, allowed) = license_type(&domain.license_type)?;
    if !allowed.contains(wanted) {
        let choices = if allowed.is_empty() {
            "none: it is the highest type".to_string()
        } else {
            allowed.join(", ")
        };
        return Err(ApiError::invalid(format!(
            "a {current} identity domain cannot change to {wanted}; it can change to {choices} \
             (see ListAllowedDomainLicenseTypes)"
        )));
    }
    let kind = WorkKind::ChangeDomainLicenseType {
        id: id.clone(),
        license_type: (*wanted).to_string(),
    };
    let details = Some(DomainLifecycleDetails::Updating);
    Ok(begin(&mut store, &id, details, kind, &compartment))
}

pub async fn enable_replication(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let details: EnableReplicationToRegionDetails = call.json()?;
    let region = details
        .replica_region
        .filter(|v| !v.is_empty())
        .ok_or_else(|| ApiError::missing("replicaRegion is required"))?;
    let mut store = ctx.store.lock();
    let domain = changeable(&store, &call)?;
    let (id, compartment) = (domain.id.clone(), domain.compartment_id.clone());
    if domain.is_default() {
        return Err(ApiError::invalid(
            "the Default identity domain is replicated to every subscribed region by itself",
        ));
    }
    require_state(domain, &LifecycleState::Active, "be replicated")?;
    if region == domain.home_region {
        return Err(ApiError::invalid(format!(
            "{region} is the identity domain's home region; choose another subscribed region"
        )));
    }
    let live = |s: &Option<ReplicationState>| {
        !matches!(
            s,
            Some(ReplicationState::Deleted | ReplicationState::ReplicationDisabled)
        )
    };
    if domain
        .replica_regions
        .iter()
        .any(|r| r.region == region && live(&r.state))
    {
        return Err(ApiError::conflict(format!(
            "identity domain {id} is already replicated to {region}"
        )));
    }
    if !store.is_ready_region(&region) {
        return Err(ApiError::invalid(format!(
            "replicaRegion '{region}' is not a region the tenancy is subscribed to; use one of {}",
            store.ready_regions()
        )));
    }
    let url = store.domain_url(&id);
    if let Some(d) = store.domains.get_mut(&id) {
        d.replica_regions.retain(|r| r.region != region);
        d.replica_regions.push(ReplicatedRegionDetails {
            region: region.clone(),
            url: Some(url.clone()),
            regional_url: Some(url),
            state: Some(ReplicationState::EnablingReplication),
        });
    }
    let kind = WorkKind::ReplicateDomain {
        id: id.clone(),
        region,
    };
    Ok(begin(&mut store, &id, None, kind, &compartment))
}
