//! Identity domains: the user populations of a tenancy (the Default domain and any secondary
//! ones), their license types and the regions they are replicated to.

use serde::{Deserialize, Serialize};

use super::lifecycle::LifecycleState;
use super::tags::{DefinedTags, FreeformTags};

crate::wire_enum!(
    /// Every tenancy has one DEFAULT domain; the others are SECONDARY.
    DomainType {
        Default => "DEFAULT",
        Secondary => "SECONDARY",
    }
);

crate::wire_enum!(
    /// What a domain is busy with while a work request runs; absent when idle.
    DomainLifecycleDetails {
        Deactivating => "DEACTIVATING",
        Activating => "ACTIVATING",
        Updating => "UPDATING",
    }
);

crate::wire_enum!(
    /// Where a domain's replica in one region stands.
    ReplicationState {
        EnablingReplication => "ENABLING_REPLICATION",
        ReplicationEnabled => "REPLICATION_ENABLED",
        DisablingReplication => "DISABLING_REPLICATION",
        ReplicationDisabled => "REPLICATION_DISABLED",
        Deleted => "DELETED",
    }
);

/// `ReplicatedRegionDetails`: one region a domain is replicated to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReplicatedRegionDetails {
    /// The region id, e.g. `us-phoenix-1`.
    #[serde(default)]
    pub region: String,
    /// Region-agnostic domain URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Region-specific domain URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub regional_url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<ReplicationState>,
}

/// Serves as both `Domain` and `DomainSummary` (they have the same fields).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Domain {
    pub id: String,
    pub compartment_id: String,
    pub display_name: String,
    #[serde(default)]
    pub description: String,
    /// Region-agnostic URL of the domain's directory (SCIM, sign-in).
    #[serde(default)]
    pub url: String,
    /// The domain's URL in its home region.
    #[serde(default)]
    pub home_region_url: String,
    /// The region id, e.g. `us-ashburn-1`.
    #[serde(default)]
    pub home_region: String,
    #[serde(default)]
    pub replica_regions: Vec<ReplicatedRegionDetails>,
    #[serde(rename = "type")]
    pub domain_type: DomainType,
    /// A license type identifier such as `free` or `premium` (see
    /// `ListAllowedDomainLicenseTypes`).
    #[serde(default)]
    pub license_type: String,
    #[serde(default)]
    pub is_hidden_on_login: bool,
    #[serde(default)]
    pub time_created: String,
    /// CREATING, ACTIVE, DELETING or INACTIVE; a deleted domain is gone.
    #[serde(default)]
    pub lifecycle_state: LifecycleState,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lifecycle_details: Option<DomainLifecycleDetails>,
    #[serde(default)]
    pub freeform_tags: FreeformTags,
    #[serde(default)]
    pub defined_tags: DefinedTags,
}

impl Domain {
    pub fn is_default(&self) -> bool {
        self.domain_type == DomainType::Default
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CreateDomainDetails {
    pub compartment_id: String,
    pub display_name: String,
    /// May be empty.
    pub description: String,
    /// A region the tenancy is subscribed to, e.g. `us-ashburn-1`.
    pub home_region: String,
    pub license_type: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_hidden_on_login: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub admin_first_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub admin_last_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub admin_user_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub admin_email: Option<String>,
    /// Whether the administrator gets no welcome e-mail.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_notification_bypassed: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_primary_email_required: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub freeform_tags: Option<FreeformTags>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub defined_tags: Option<DefinedTags>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UpdateDomainDetails {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_hidden_on_login: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub freeform_tags: Option<FreeformTags>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub defined_tags: Option<DefinedTags>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ChangeDomainCompartmentDetails {
    pub compartment_id: String,
}

/// The SDK marks the field optional; the service refuses a request without it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ChangeDomainLicenseTypeDetails {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub license_type: Option<String>,
}

/// The SDK marks the field optional; the service refuses a request without it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct EnableReplicationToRegionDetails {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub replica_region: Option<String>,
}

/// `ListAllowedDomainLicenseTypes`: one license (domain) type.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AllowedDomainLicenseTypeSummary {
    /// Display name, e.g. `Oracle Apps Premium`.
    pub name: String,
    /// Identifier, e.g. `oracle-apps-premium`.
    pub license_type: String,
    #[serde(default)]
    pub description: String,
}
