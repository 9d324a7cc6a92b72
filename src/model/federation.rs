//! Federation: SAML2 identity providers (a deprecated API that older tenancies still use),
//! the groups they report, the mappings from their groups to IAM groups, and the SCIM
//! client credentials an identity provider provisions users with.

use serde::{Deserialize, Serialize};

use super::lifecycle::LifecycleState;
use super::tags::{DefinedTags, FreeformTags};

/// The only federation protocol the API knows.
pub const SAML2: &str = "SAML2";

/// `IdentityProvider`, always in its `Saml2IdentityProvider` form (`protocol` is `SAML2`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct IdentityProvider {
    pub id: String,
    /// Always the tenancy.
    pub compartment_id: String,
    /// Unique in the tenancy; cannot be changed.
    pub name: String,
    #[serde(default)]
    pub description: String,
    /// `IDCS` or `ADFS`.
    pub product_type: String,
    #[serde(default)]
    pub time_created: String,
    #[serde(default)]
    pub lifecycle_state: LifecycleState,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inactive_status: Option<i64>,
    pub protocol: String,
    #[serde(default)]
    pub freeform_tags: FreeformTags,
    #[serde(default)]
    pub defined_tags: DefinedTags,
    /// Where the provider's SAML metadata is published.
    #[serde(default)]
    pub metadata_url: String,
    /// The SAML metadata XML.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata: Option<String>,
    /// The certificate (base64 DER) IAM validates the provider's assertions with.
    #[serde(default)]
    pub signing_certificate: String,
    /// Where federated users are sent to sign in.
    #[serde(default)]
    pub redirect_url: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub freeform_attributes: Option<FreeformTags>,
}

/// `CreateSaml2IdentityProviderDetails` (the only kind of `CreateIdentityProviderDetails`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CreateIdentityProviderDetails {
    pub compartment_id: String,
    pub name: String,
    /// May be empty.
    pub description: String,
    pub product_type: String,
    /// `SAML2`.
    pub protocol: String,
    pub metadata_url: String,
    pub metadata: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub freeform_attributes: Option<FreeformTags>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub freeform_tags: Option<FreeformTags>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub defined_tags: Option<DefinedTags>,
}

/// `UpdateSaml2IdentityProviderDetails`; `protocol` selects the kind and must be `SAML2`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UpdateIdentityProviderDetails {
    pub protocol: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata_url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub freeform_attributes: Option<FreeformTags>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub freeform_tags: Option<FreeformTags>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub defined_tags: Option<DefinedTags>,
}

impl Default for UpdateIdentityProviderDetails {
    fn default() -> Self {
        Self {
            protocol: SAML2.to_string(),
            description: None,
            metadata_url: None,
            metadata: None,
            freeform_attributes: None,
            freeform_tags: None,
            defined_tags: None,
        }
    }
}

/// A group as the identity provider reports it (`ListIdentityProviderGroups`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct IdentityProviderGroupSummary {
    pub id: String,
    pub identity_provider_id: String,
    #[serde(default)]
    pub display_name: String,
    /// The name group mappings refer to.
    #[serde(default)]
    pub name: String,
    /// The group's identifier inside the identity provider.
    #[serde(default)]
    pub external_identifier: String,
    #[serde(default)]
    pub time_created: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_modified: Option<String>,
}

/// Members of the identity provider's group `idp_group_name` act as members of the IAM group `group_id`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct IdpGroupMapping {
    pub id: String,
    pub idp_id: String,
    pub idp_group_name: String,
    pub group_id: String,
    /// Always the tenancy.
    pub compartment_id: String,
    #[serde(default)]
    pub time_created: String,
    #[serde(default)]
    pub lifecycle_state: LifecycleState,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inactive_status: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CreateIdpGroupMappingDetails {
    pub idp_group_name: String,
    pub group_id: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UpdateIdpGroupMappingDetails {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub idp_group_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group_id: Option<String>,
}

/// Answered once by `ResetIdpScimClient`: the secret is never shown again, so `Debug` hides
/// it (a stray `{:?}` in a log must not leak it).
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ScimClientCredentials {
    #[serde(default)]
    pub client_id: String,
    #[serde(default)]
    pub client_secret: String,
}

impl std::fmt::Debug for ScimClientCredentials {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ScimClientCredentials")
            .field("client_id", &self.client_id)
            .field("client_secret", &"<redacted>")
            .finish()
    }
}
