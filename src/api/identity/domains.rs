//! Identity domains: list, get, and the changes that run as IAM work requests (each returns
//! the work request's id to follow with `get_iam_work_request`), plus the license types.

use reqwest::Method;

use crate::api::client::{Call, Client, seg};
use crate::api::error::ApiError;
use crate::api::etagged::Etagged;
use crate::api::paging::{ListShape, Pager};
use crate::api::query::ListFilter;
use crate::model::{
    AllowedDomainLicenseTypeSummary, ChangeDomainCompartmentDetails,
    ChangeDomainLicenseTypeDetails, CreateDomainDetails, Domain, DomainType,
    EnableReplicationToRegionDetails, UpdateDomainDetails,
};

/// `ListDomains` filters besides the compartment; `filter.name` matches the display name.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DomainQuery {
    pub display_name: Option<String>,
    /// The region-agnostic domain URL.
    pub url: Option<String>,
    pub home_region_url: Option<String>,
    pub domain_type: Option<DomainType>,
    pub license_type: Option<String>,
    pub is_hidden_on_login: Option<bool>,
    pub filter: ListFilter,
}

fn path(id: &str) -> String {
    format!("/domains/{}", seg(id))
}

impl Client {
    pub fn list_domains(&self, compartment_id: &str, q: &DomainQuery) -> Pager<Domain> {
        let call = Call::get("ListDomains", "/domains")
            .query("compartmentId", compartment_id)
            .query_opt("displayName", q.display_name.as_ref())
            .query_opt("url", q.url.as_ref())
            .query_opt("homeRegionUrl", q.home_region_url.as_ref())
            .query_opt("type", q.domain_type.as_ref())
            .query_opt("licenseType", q.license_type.as_ref())
            .query_opt("isHiddenOnLogin", q.is_hidden_on_login)
            .filter(&q.filter);
        Pager::new(self, call, ListShape::Array)
    }

    pub async fn get_domain(&self, id: &str) -> Result<Etagged<Domain>, ApiError> {
        self.get_one("GetDomain", path(id)).await
    }

    /// Starts creating a domain (CREATING until the work request succeeds).
    pub async fn create_domain(
        &self,
        details: &CreateDomainDetails,
    ) -> Result<Option<String>, ApiError> {
        let call = Call::new("CreateDomain", Method::POST, "/domains")
            .json(details)
            .retry_token();
        self.action(call).await
    }

    pub async fn update_domain(
        &self,
        id: &str,
        details: &UpdateDomainDetails,
        if_match: Option<&str>,
    ) -> Result<Option<String>, ApiError> {
        let call = Call::new("UpdateDomain", Method::PUT, path(id))
            .json(details)
            .if_match(if_match);
        self.action(call).await
    }

    /// Only an INACTIVE secondary domain can be deleted.
    pub async fn delete_domain(
        &self,
        id: &str,
        if_match: Option<&str>,
    ) -> Result<Option<String>, ApiError> {
        self.delete("DeleteDomain", path(id), if_match).await
    }

    pub async fn activate_domain(
        &self,
        id: &str,
        if_match: Option<&str>,
    ) -> Result<Option<String>, ApiError> {
        self.domain_action("ActivateDomain", id, "activate", None, if_match)
            .await
    }

    /// The Default domain cannot be deactivated.
    pub async fn deactivate_domain(
        &self,
        id: &str,
        if_match: Option<&str>,
    ) -> Result<Option<String>, ApiError> {
        self.domain_action("DeactivateDomain", id, "deactivate", None, if_match)
            .await
    }

    pub async fn change_domain_compartment(
        &self,
        id: &str,
        details: &ChangeDomainCompartmentDetails,
        if_match: Option<&str>,
    ) -> Result<Option<String>, ApiError> {
        let body = serde_json::to_value(details).ok();
        self.domain_action(
            "ChangeDomainCompartment",
            id,
            "changeCompartment",
            body,
            if_match,
        )
        .await
    }

    /// Allowed targets come from `list_allowed_domain_license_types(Some(current))`.
    pub async fn change_domain_license_type(
        &self,
        id: &str,
        details: &ChangeDomainLicenseTypeDetails,
        if_match: Option<&str>,
    ) -> Result<Option<String>, ApiError> {
        let body = serde_json::to_value(details).ok();
        self.domain_action(
            "ChangeDomainLicenseType",
            id,
            "changeLicenseType",
            body,
            if_match,
        )
        .await
    }

    /// Secondary domains only; the region must be subscribed and READY.
    pub async fn enable_replication_to_region(
        &self,
        id: &str,
        details: &EnableReplicationToRegionDetails,
        if_match: Option<&str>,
    ) -> Result<Option<String>, ApiError> {
        let body = serde_json::to_value(details).ok();
        self.domain_action(
            "EnableReplicationToRegion",
            id,
            "enableReplicationToRegion",
            body,
            if_match,
        )
        .await
    }

    /// Every license (domain) type, or those a domain of `current_license_type_name` can
    /// change to (not paged).
    pub async fn list_allowed_domain_license_types(
        &self,
        current_license_type_name: Option<&str>,
    ) -> Result<Vec<AllowedDomainLicenseTypeSummary>, ApiError> {
        let call = Call::get(
            "ListAllowedDomainLicenseTypes",
            "/allowedDomainLicenseTypes",
        )
        .query_opt("currentLicenseTypeName", current_license_type_name);
        Ok(self.send_json(&call).await?.0)
    }

    /// `POST /domains/{id}/actions/{action}` with a retry token and `if-match`.
    async fn domain_action(
        &self,
        operation: &'static str,
        id: &str,
        action: &str,
        body: Option<serde_json::Value>,
        if_match: Option<&str>,
    ) -> Result<Option<String>, ApiError> {
        let mut call = Call::new(
            operation,
            Method::POST,
            format!("{}/actions/{action}", path(id)),
        )
        .if_match(if_match)
        .retry_token();
        if let Some(body) = body {
            call = call.json(&body);
        }
        self.action(call).await
    }
}
