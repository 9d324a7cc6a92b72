//! The tenancy's authentication policy: password rules for local users and the network
//! sources console sign-in is limited to.

use serde::{Deserialize, Serialize};

/// One per tenancy (`GetAuthenticationPolicy`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AuthenticationPolicy {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub password_policy: Option<PasswordPolicy>,
    pub compartment_id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub network_policy: Option<NetworkPolicy>,
}

/// Every rule is optional on the wire: an update names only the rules it changes.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PasswordPolicy {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minimum_password_length: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_uppercase_characters_required: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_lowercase_characters_required: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_numeric_characters_required: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_special_characters_required: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_username_containment_allowed: Option<bool>,
}

/// Console sign-in only from these network sources (none: from anywhere).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NetworkPolicy {
    #[serde(default)]
    pub network_source_ids: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UpdateAuthenticationPolicyDetails {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub password_policy: Option<PasswordPolicy>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub network_policy: Option<NetworkPolicy>,
}

impl AuthenticationPolicy {
    /// What a tenancy starts with: 12 characters with upper and lower case, a digit and a
    /// special character, the user name not allowed inside, and no network restriction.
    pub fn oci_default(tenancy_id: &str) -> Self {
        Self {
            password_policy: Some(PasswordPolicy {
                minimum_password_length: Some(12),
                is_uppercase_characters_required: Some(true),
                is_lowercase_characters_required: Some(true),
                is_numeric_characters_required: Some(true),
                is_special_characters_required: Some(true),
                is_username_containment_allowed: Some(false),
            }),
            compartment_id: tenancy_id.to_string(),
            network_policy: Some(NetworkPolicy::default()),
        }
    }
}
