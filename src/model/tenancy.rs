//! The tenancy itself, its regions, region subscriptions, availability and fault domains.

use serde::{Deserialize, Serialize};

use super::tags::{DefinedTags, FreeformTags};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Tenancy {
    #[serde(default)]
    pub id: String,
    #[serde(default)]
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub home_region_key: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub upi_idcs_compatibility_layer_endpoint: Option<String>,
    #[serde(default)]
    pub freeform_tags: FreeformTags,
    #[serde(default)]
    pub defined_tags: DefinedTags,
}

/// `GET /regions`: `key` is the upper-case short code, `name` the region id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Region {
    pub key: String,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RegionSubscription {
    pub region_key: String,
    pub region_name: String,
    /// `IN_PROGRESS` while a new subscription is set up, then `READY`.
    pub status: String,
    pub is_home_region: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AvailabilityDomain {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub compartment_id: Option<String>,
}

/// `CreateRegionSubscriptionDetails`: the region's upper-case key, e.g. `PHX`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CreateRegionSubscriptionDetails {
    pub region_key: String,
}

/// A fault domain of an availability domain (`ListFaultDomains`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FaultDomain {
    /// e.g. `FAULT-DOMAIN-1`.
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub compartment_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub availability_domain: Option<String>,
}
