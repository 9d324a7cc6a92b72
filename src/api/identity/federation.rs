//! Federation: SAML2 identity providers, the groups they report, their group mappings, and
//! resetting an identity provider's SCIM client credentials.

use reqwest::Method;

use crate::api::client::{Call, Client, seg};
use crate::api::error::ApiError;
use crate::api::etagged::Etagged;
use crate::api::paging::{ListShape, Pager};
use crate::api::query::ListFilter;
use crate::model::{
    CreateIdentityProviderDetails, CreateIdpGroupMappingDetails, IdentityProvider,
    IdentityProviderGroupSummary, IdpGroupMapping, LifecycleState, ScimClientCredentials,
    UpdateIdentityProviderDetails, UpdateIdpGroupMappingDetails,
};

fn path(id: &str) -> String {
    format!("/identityProviders/{}", seg(id))
}

fn mapping_path(idp_id: &str, mapping_id: &str) -> String {
    format!("{}/groupMappings/{}", path(idp_id), seg(mapping_id))
}

impl Client {
    /// `protocol` is required by the API; `SAML2` ([`crate::model::SAML2`]) is the only one.
    pub fn list_identity_providers(
        &self,
        protocol: &str,
        compartment_id: &str,
        filter: &ListFilter,
    ) -> Pager<IdentityProvider> {
        let call = Call::get("ListIdentityProviders", "/identityProviders")
            .query("protocol", protocol)
            .query("compartmentId", compartment_id)
            .filter(filter);
        Pager::new(self, call, ListShape::Array)
    }

    pub async fn get_identity_provider(
        &self,
        id: &str,
    ) -> Result<Etagged<IdentityProvider>, ApiError> {
        self.get_one("GetIdentityProvider", path(id)).await
    }

    pub async fn create_identity_provider(
        &self,
        details: &CreateIdentityProviderDetails,
    ) -> Result<Etagged<IdentityProvider>, ApiError> {
        self.create(
            "CreateIdentityProvider",
            "/identityProviders".into(),
            details,
        )
        .await
    }

    pub async fn update_identity_provider(
        &self,
        id: &str,
        details: &UpdateIdentityProviderDetails,
        if_match: Option<&str>,
    ) -> Result<Etagged<IdentityProvider>, ApiError> {
        self.update("UpdateIdentityProvider", path(id), details, if_match)
            .await
    }

    /// Refused while the provider still has group mappings.
    pub async fn delete_identity_provider(
        &self,
        id: &str,
        if_match: Option<&str>,
    ) -> Result<(), ApiError> {
        self.delete("DeleteIdentityProvider", path(id), if_match)
            .await
            .map(drop)
    }

    /// The groups the provider reports; `name` matches exactly.
    pub fn list_identity_provider_groups(
        &self,
        id: &str,
        name: Option<&str>,
        lifecycle_state: Option<&LifecycleState>,
    ) -> Pager<IdentityProviderGroupSummary> {
        let call = Call::get("ListIdentityProviderGroups", format!("{}/groups", path(id)))
            .query_opt("name", name)
            .query_opt("lifecycleState", lifecycle_state);
        Pager::new(self, call, ListShape::Array)
    }

    /// New SCIM client credentials; the secret is in this answer only (the SDK sends no
    /// retry token here, so neither does canopy: a retried reset makes another secret).
    pub async fn reset_idp_scim_client(&self, id: &str) -> Result<ScimClientCredentials, ApiError> {
        let call = Call::new(
            "ResetIdpScimClient",
            Method::POST,
            format!("{}/actions/resetScimClient", path(id)),
        )
        .empty_body();
        Ok(self.send_json(&call).await?.0)
    }

    pub fn list_idp_group_mappings(&self, idp_id: &str) -> Pager<IdpGroupMapping> {
        let call = Call::get(
            "ListIdpGroupMappings",
            format!("{}/groupMappings", path(idp_id)),
        );
        Pager::new(self, call, ListShape::Array)
    }

    pub async fn get_idp_group_mapping(
        &self,
        idp_id: &str,
        mapping_id: &str,
    ) -> Result<Etagged<IdpGroupMapping>, ApiError> {
        self.get_one("GetIdpGroupMapping", mapping_path(idp_id, mapping_id))
            .await
    }

    pub async fn create_idp_group_mapping(
        &self,
        idp_id: &str,
        details: &CreateIdpGroupMappingDetails,
    ) -> Result<Etagged<IdpGroupMapping>, ApiError> {
        let path = format!("{}/groupMappings", path(idp_id));
        self.create("CreateIdpGroupMapping", path, details).await
    }

    pub async fn update_idp_group_mapping(
        &self,
        idp_id: &str,
        mapping_id: &str,
        details: &UpdateIdpGroupMappingDetails,
        if_match: Option<&str>,
    ) -> Result<Etagged<IdpGroupMapping>, ApiError> {
        let path = mapping_path(idp_id, mapping_id);
        self.update("UpdateIdpGroupMapping", path, details, if_match)
            .await
    }

    pub async fn delete_idp_group_mapping(
        &self,
        idp_id: &str,
        mapping_id: &str,
        if_match: Option<&str>,
    ) -> Result<(), ApiError> {
        let path = mapping_path(idp_id, mapping_id);
        self.delete("DeleteIdpGroupMapping", path, if_match)
            .await
            .map(drop)
    }
}
