//! Organizations sender invitations: asking another tenancy to join this one's organization.

use serde::{Deserialize, Serialize};

use super::lifecycle::LifecycleState;
use super::tags::{DefinedTags, FreeformTags};

crate::wire_enum!(
    /// Where an invitation stands from the recipient's side.
    InvitationStatus {
        Pending => "PENDING",
        Canceled => "CANCELED",
        Accepted => "ACCEPTED",
        Expired => "EXPIRED",
        Failed => "FAILED",
        NotApplicable => "NOT_APPLICABLE",
    }
);

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct InvitationFeature {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recipient_invitation_id: Option<String>,
    pub status: InvitationStatus,
}

/// Serves as both `SenderInvitation` and `SenderInvitationSummary`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SenderInvitation {
    pub id: String,
    pub compartment_id: String,
    /// LINK and/or GOVERNANCE.
    #[serde(default)]
    pub subjects: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recipient_invitation_id: Option<String>,
    pub recipient_tenancy_id: String,
    pub lifecycle_state: LifecycleState,
    pub status: InvitationStatus,
    #[serde(default)]
    pub display_name: String,
    #[serde(default)]
    pub time_created: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_updated: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recipient_email_address: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub invitation_features: Option<Vec<InvitationFeature>>,
    #[serde(default)]
    pub freeform_tags: FreeformTags,
    #[serde(default)]
    pub defined_tags: DefinedTags,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub system_tags: Option<DefinedTags>,
}

/// `GET /senderInvitations` wraps its list, unlike identity lists.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SenderInvitationCollection {
    pub items: Vec<SenderInvitation>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CreateSenderInvitationDetails {
    pub compartment_id: String,
    pub recipient_tenancy_id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recipient_email_address: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subjects: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub features: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub freeform_tags: Option<FreeformTags>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub defined_tags: Option<DefinedTags>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UpdateSenderInvitationDetails {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub freeform_tags: Option<FreeformTags>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub defined_tags: Option<DefinedTags>,
}
