//! OAuth 2.0 client credentials: a user's client id (the credential's OCID) and secret for
//! services that authorize with OAuth 2.0, limited to audience/scope pairs.

use serde::{Deserialize, Serialize};

use super::lifecycle::LifecycleState;
use super::secret::Secret;

/// One permission of the credential: a service (`audience`) and what it may do there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FullyQualifiedScope {
    pub audience: String,
    pub scope: String,
}

/// A credential without its secret (`ListOAuthClientCredentials`, snapshots).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OAuth2ClientCredentialSummary {
    #[serde(default)]
    pub scopes: Vec<FullyQualifiedScope>,
    pub user_id: String,
    /// `None` when it never expires.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires_on: Option<String>,
    pub id: String,
    pub compartment_id: String,
    pub name: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub lifecycle_state: LifecycleState,
    #[serde(default)]
    pub time_created: String,
}

/// The answer to a create, or to an update that reset the secret: only then is `password` set.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OAuth2ClientCredential {
    #[serde(flatten)]
    pub summary: OAuth2ClientCredentialSummary,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub password: Option<Secret>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CreateOAuth2ClientCredentialDetails {
    pub name: String,
    pub description: String,
    pub scopes: Vec<FullyQualifiedScope>,
}

/// The SDK requires the description and the scopes on every update.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UpdateOAuth2ClientCredentialDetails {
    pub description: String,
    pub scopes: Vec<FullyQualifiedScope>,
    /// A new secret, returned once in the answer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_reset_password: Option<bool>,
}
