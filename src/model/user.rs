//! Users and what hangs off them: capabilities, console password, API keys (the other
//! credentials are in `credentials`, `oauth2` and `mfa`).

use serde::{Deserialize, Serialize};

use super::lifecycle::LifecycleState;
use super::secret::Secret;
use super::tags::{DefinedTags, FreeformTags};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct User {
    pub id: super::SharedId,
    /// Always the tenancy: held once for every user (see [`SharedId`](super::SharedId)).
    pub compartment_id: super::SharedId,
    pub name: String,
    #[serde(default)]
    pub description: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email_verified: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub db_user_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub identity_provider_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external_identifier: Option<String>,
    #[serde(default)]
    pub time_created: super::Timestamp,
    #[serde(default)]
    pub lifecycle_state: LifecycleState,
    /// Bit 2 (value 4) is BLOCKED: too many failed console logins, or blocked by an admin.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inactive_status: Option<i64>,
    #[serde(default)]
    pub freeform_tags: FreeformTags,
    #[serde(default)]
    pub defined_tags: DefinedTags,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub capabilities: Option<UserCapabilities>,
    #[serde(default)]
    pub is_mfa_activated: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_successful_login_time: Option<super::Timestamp>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous_successful_login_time: Option<super::Timestamp>,
}

/// The bit of `inactiveStatus` that marks a blocked user.
pub const INACTIVE_STATUS_BLOCKED: i64 = 4;

impl User {
    pub fn is_blocked(&self) -> bool {
        self.inactive_status
            .is_some_and(|s| s & INACTIVE_STATUS_BLOCKED != 0)
    }
}

/// As returned by the service (`canUseDbCredentials`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[allow(clippy::struct_field_names)]
pub struct UserCapabilities {
    #[serde(default = "yes")]
    pub can_use_console_password: bool,
    #[serde(default = "yes")]
    pub can_use_api_keys: bool,
    #[serde(default = "yes")]
    pub can_use_auth_tokens: bool,
    #[serde(default = "yes")]
    pub can_use_smtp_credentials: bool,
    #[serde(default = "yes")]
    pub can_use_db_credentials: bool,
    #[serde(default = "yes")]
    pub can_use_customer_secret_keys: bool,
    #[serde(default = "yes", rename = "canUseOAuth2ClientCredentials")]
    pub can_use_oauth2_client_credentials: bool,
}

fn yes() -> bool {
    true
}

impl Default for UserCapabilities {
    fn default() -> Self {
        Self {
            can_use_console_password: true,
            can_use_api_keys: true,
            can_use_auth_tokens: true,
            can_use_smtp_credentials: true,
            can_use_db_credentials: true,
            can_use_customer_secret_keys: true,
            can_use_oauth2_client_credentials: true,
        }
    }
}

/// The PUT body spells one field `canUseDBCredentials` (capital DB), unlike the response.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UpdateUserCapabilitiesDetails {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub can_use_console_password: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub can_use_api_keys: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub can_use_auth_tokens: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub can_use_smtp_credentials: Option<bool>,
    #[serde(
        default,
        rename = "canUseDBCredentials",
        alias = "canUseDbCredentials",
        skip_serializing_if = "Option::is_none"
    )]
    pub can_use_db_credentials: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub can_use_customer_secret_keys: Option<bool>,
    #[serde(
        default,
        rename = "canUseOAuth2ClientCredentials",
        skip_serializing_if = "Option::is_none"
    )]
    pub can_use_oauth2_client_credentials: Option<bool>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CreateUserDetails {
    pub compartment_id: String,
    pub name: String,
    pub description: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub freeform_tags: Option<FreeformTags>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub defined_tags: Option<DefinedTags>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UpdateUserDetails {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub db_user_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub freeform_tags: Option<FreeformTags>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub defined_tags: Option<DefinedTags>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UpdateStateDetails {
    pub blocked: bool,
}

/// Returned once by `POST /users/{id}/uiPassword`; the password is never shown again.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UiPassword {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub password: Option<Secret>,
    pub user_id: String,
    #[serde(default)]
    pub time_created: String,
    #[serde(default)]
    pub lifecycle_state: LifecycleState,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inactive_status: Option<i64>,
}

/// `GetUserUIPasswordInformation`: when the console password was last set, never the password.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UiPasswordInformation {
    pub user_id: String,
    /// When the password was created or last reset.
    #[serde(default)]
    pub time_created: String,
    #[serde(default)]
    pub lifecycle_state: LifecycleState,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ApiKey {
    /// `tenancy/user/fingerprint`.
    pub key_id: String,
    /// The public key, PEM.
    pub key_value: String,
    pub fingerprint: String,
    pub user_id: String,
    #[serde(default)]
    pub time_created: String,
    #[serde(default)]
    pub lifecycle_state: LifecycleState,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inactive_status: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CreateApiKeyDetails {
    /// The public key, PEM.
    pub key: String,
}
