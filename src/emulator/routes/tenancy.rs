//! The tenancy, its regions, region subscriptions and availability domains.

use axum::extract::State;

use super::require_compartment;
use crate::emulator::Ctx;
use crate::emulator::call::{Call, Outcome, Reply};
use crate::emulator::error::ApiError;
use crate::emulator::regions::{REGIONS, region_key};
use crate::model::{AvailabilityDomain, Region, RegionSubscription};

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
    let home = store.region.clone();
    let home_key = region_key(&home).unwrap_or("IAD");
    // The home region plus one more, as a typical paid tenancy has.
    let second = if home == "us-phoenix-1" {
        "us-ashburn-1"
    } else {
        "us-phoenix-1"
    };
    let subscriptions = vec![
        RegionSubscription {
            region_key: home_key.to_string(),
            region_name: home.clone(),
            status: "READY".into(),
            is_home_region: true,
        },
        RegionSubscription {
            region_key: region_key(second).unwrap_or("PHX").to_string(),
            region_name: second.to_string(),
            status: "READY".into(),
            is_home_region: false,
        },
    ];
    Reply::json(&subscriptions)
}

pub async fn availability_domains(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let store = ctx.store.lock();
    let compartment = call.required("compartmentId")?;
    require_compartment(&store, compartment)?;
    // Real names carry a tenancy-specific prefix, e.g. `Uocm:US-ASHBURN-AD-1`.
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
    let domains: Vec<AvailabilityDomain> = (1..=3)
        .map(|n| AvailabilityDomain {
            name: format!("{prefix}:{region}-AD-{n}"),
            id: Some(format!("ocid1.availabilitydomain.oc1..aaaaaaaa{prefix}{n}").to_lowercase()),
            compartment_id: Some(store.tenancy_id().to_string()),
        })
        .collect();
    Reply::json(&domains)
}
