//! The tenancy, its regions, region subscriptions, availability and fault domains.

use axum::extract::State;

use super::require_compartment;
use crate::emulator::Ctx;
use crate::emulator::call::{Call, Outcome, Reply};
use crate::emulator::error::ApiError;
use crate::emulator::regions::REGIONS;
use crate::emulator::store::Store;
use crate::model::{AvailabilityDomain, CreateRegionSubscriptionDetails, FaultDomain, Region};

pub async fn get(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let store = ctx.store.lock();
    let id = call.param("tenancyId");
    if id != store.tenancy_id() {
        return Err(ApiError::not_found("tenancy", id));
    }
    Reply::json(&store.tenancy)
}

pub async fn regions(State(_ctx): State<Ctx>, _call: Call) -> Outcome {
    let regions: Vec<Region> = REGIONS
        .iter()
        .map(|(key, name)| Region {
            key: (*key).to_string(),
            name: (*name).to_string(),
        })
        .collect();
    Reply::json(&regions)
}

pub async fn region_subscriptions(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let store = ctx.store.lock();
    let id = call.param("tenancyId");
    if id != store.tenancy_id() {
        return Err(ApiError::not_found("tenancy", id));
    }
    Reply::json(&store.region_subscriptions)
}

/// A new subscription starts `IN_PROGRESS` and is READY after the work-request duration.
pub async fn create_region_subscription(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let details: CreateRegionSubscriptionDetails = call.json()?;
    let mut store = ctx.store.lock();
    let id = call.param("tenancyId");
    if id != store.tenancy_id() {
        return Err(ApiError::not_found("tenancy", id));
    }
    let key = details.region_key.to_ascii_uppercase();
    let Some(name) = REGIONS.iter().find(|(k, _)| *k == key).map(|(_, n)| *n) else {
        return Err(ApiError::invalid(format!(
            "'{}' is not a region key; use the upper-case key ListRegions gives, e.g. PHX",
            details.region_key
        )));
    };
    if let Some(existing) = store.subscription(&key) {
        return Err(ApiError::conflict(format!(
            "the tenancy is already subscribed to {name} ({})",
            existing.status
        )));
    }
    Reply::json(&store.subscribe_region(&key, name))
}

/// Availability domain names carry a tenancy-specific prefix, e.g. `Uocm:US-ASHBURN-AD-1`.
fn availability_domain_names(store: &Store) -> Vec<(String, String)> {
    let prefix: String = store
        .tenancy
        .name
        .chars()
        .filter(char::is_ascii_alphabetic)
        .take(4)
        .collect();
    let prefix = if prefix.is_empty() {
        "Xyzw".to_string()
    } else {
        prefix
    };
    let region = store.region.to_ascii_uppercase();
    let region = region.trim_end_matches("-1");
    (1..=3)
        .map(|n| {
            let name = format!("{prefix}:{region}-AD-{n}");
            let id = format!("ocid1.availabilitydomain.oc1..aaaaaaaa{prefix}{n}").to_lowercase();
            (name, id)
        })
        .collect()
}

pub async fn availability_domains(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let store = ctx.store.lock();
    let compartment = call.required("compartmentId")?;
    require_compartment(&store, compartment)?;
    let domains: Vec<AvailabilityDomain> = availability_domain_names(&store)
        .into_iter()
        .map(|(name, id)| AvailabilityDomain {
            name,
            id: Some(id),
            compartment_id: Some(store.tenancy_id().to_string()),
        })
        .collect();
    Reply::json(&domains)
}

/// Three fault domains in each availability domain, as OCI has.
pub async fn fault_domains(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let store = ctx.store.lock();
    let compartment = call.required("compartmentId")?;
    let ad = call.required("availabilityDomain")?;
    require_compartment(&store, compartment)?;
    let names = availability_domain_names(&store);
    let Some((ad, ad_id)) = names.iter().find(|(name, _)| name.eq_ignore_ascii_case(ad)) else {
        let known: Vec<&str> = names.iter().map(|(n, _)| n.as_str()).collect();
        return Err(ApiError::invalid(format!(
            "'{ad}' is not an availability domain of this region; use one of {}",
            known.join(", ")
        )));
    };
    let faults: Vec<FaultDomain> = (1..=3)
        .map(|n| FaultDomain {
            name: format!("FAULT-DOMAIN-{n}"),
            id: Some(format!(
                "ocid1.faultdomain.oc1..{}fd{n}",
                ad_id.trim_start_matches("ocid1.availabilitydomain.oc1..")
            )),
            compartment_id: Some(compartment.to_string()),
            availability_domain: Some(ad.clone()),
        })
        .collect();
    Reply::json(&faults)
}
