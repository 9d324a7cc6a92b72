//! A user's credentials besides API keys: auth tokens (and the Swift passwords they replaced),
//! customer secret keys, SMTP credentials and IAM database passwords.
//!
//! Each kind has a metadata type (what listings return and snapshots keep) that cannot hold
//! the secret, and a type for the one answer that carries it (the create), which wraps the
//! secret in [`Secret`] and the metadata with `#[serde(flatten)]`: the JSON is the SDK's,
//! the secret never reaches a listing, a snapshot or a `Debug` print.

use serde::{Deserialize, Serialize};

use super::lifecycle::LifecycleState;
use super::secret::Secret;

/// An auth token, without its secret (`ListAuthTokens`, and what snapshots keep).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AuthToken {
    pub id: String,
    pub user_id: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub time_created: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_expires: Option<String>,
    #[serde(default)]
    pub lifecycle_state: LifecycleState,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inactive_status: Option<i64>,
}

/// `CreateAuthToken`'s answer (SDK `AuthToken` with `token`): the token is in it only.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NewAuthToken {
    #[serde(flatten)]
    pub summary: AuthToken,
    pub token: Secret,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CreateAuthTokenDetails {
    pub description: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UpdateAuthTokenDetails {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

/// A Swift password (deprecated: OCI lists them as auth tokens now), without its secret.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SwiftPassword {
    pub id: String,
    pub user_id: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub time_created: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires_on: Option<String>,
    #[serde(default)]
    pub lifecycle_state: LifecycleState,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inactive_status: Option<i64>,
}

/// `CreateSwiftPassword`'s answer: the password is in it only.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NewSwiftPassword {
    #[serde(flatten)]
    pub summary: SwiftPassword,
    pub password: Secret,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CreateSwiftPasswordDetails {
    pub description: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UpdateSwiftPasswordDetails {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

/// A customer secret key (S3 compatibility: the id is the access key), without the secret.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CustomerSecretKeySummary {
    pub id: String,
    pub user_id: String,
    #[serde(default)]
    pub display_name: String,
    #[serde(default)]
    pub time_created: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_expires: Option<String>,
    #[serde(default)]
    pub lifecycle_state: LifecycleState,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inactive_status: Option<i64>,
}

/// `CreateCustomerSecretKey`'s answer: the secret key is in it only.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CustomerSecretKey {
    #[serde(flatten)]
    pub summary: CustomerSecretKeySummary,
    pub key: Secret,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CreateCustomerSecretKeyDetails {
    pub display_name: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UpdateCustomerSecretKeyDetails {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display_name: Option<String>,
}

/// An SMTP credential (Email Delivery), without its password; the user name is not secret.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SmtpCredentialSummary {
    #[serde(default)]
    pub username: String,
    pub id: String,
    pub user_id: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub time_created: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_expires: Option<String>,
    #[serde(default)]
    pub lifecycle_state: LifecycleState,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inactive_status: Option<i64>,
}

/// `CreateSmtpCredential`'s answer: the password is in it only.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SmtpCredential {
    #[serde(flatten)]
    pub summary: SmtpCredentialSummary,
    pub password: Secret,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CreateSmtpCredentialDetails {
    pub description: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UpdateSmtpCredentialDetails {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

/// An IAM database password, as `ListDbCredentials` shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DbCredentialSummary {
    pub id: String,
    pub user_id: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub time_created: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_expires: Option<String>,
    #[serde(default)]
    pub lifecycle_state: LifecycleState,
}

/// `CreateDbCredential`'s answer. The password is the caller's, so nothing secret comes back;
/// the service's model has no description here but a `lifecycleDetails` number.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DbCredential {
    pub id: String,
    pub user_id: String,
    #[serde(default)]
    pub time_created: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_expires: Option<String>,
    #[serde(default)]
    pub lifecycle_state: LifecycleState,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lifecycle_details: Option<i64>,
}

/// The password travels in this request only, so it is a [`Secret`] here.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CreateDbCredentialDetails {
    pub password: Secret,
    pub description: String,
}
