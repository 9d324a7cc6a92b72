//! The tenancy, regions, region subscriptions, availability and fault domains.

use crate::api::client::{Call, Client, seg};
use crate::api::error::ApiError;
use reqwest::Method;

use crate::model::{
    AvailabilityDomain, CreateRegionSubscriptionDetails, FaultDomain, Region, RegionSubscription,
    Tenancy,
};

impl Client {
    pub async fn get_tenancy(&self, tenancy_id: &str) -> Result<Tenancy, ApiError> {
        let call = Call::get("GetTenancy", format!("/tenancies/{}", seg(tenancy_id)));
        Ok(self.send_json(&call).await?.0)
    }

    /// Every region OCI has (not paged).
    pub async fn list_regions(&self) -> Result<Vec<Region>, ApiError> {
        Ok(self
            .send_json(&Call::get("ListRegions", "/regions"))
            .await?
            .0)
    }

    /// The regions this tenancy is subscribed to (not paged).
    pub async fn list_region_subscriptions(
        &self,
        tenancy_id: &str,
    ) -> Result<Vec<RegionSubscription>, ApiError> {
        let call = Call::get(
            "ListRegionSubscriptions",
            format!("/tenancies/{}/regionSubscriptions", seg(tenancy_id)),
        );
        Ok(self.send_json(&call).await?.0)
    }

    pub async fn list_availability_domains(
        &self,
        compartment_id: &str,
    ) -> Result<Vec<AvailabilityDomain>, ApiError> {
        let call = Call::get("ListAvailabilityDomains", "/availabilityDomains")
            .query("compartmentId", compartment_id);
        Ok(self.send_json(&call).await?.0)
    }

    /// Subscribes the tenancy to a region by its key (`PHX`); the subscription is
    /// `IN_PROGRESS` at first, READY once the region is set up.
    pub async fn create_region_subscription(
        &self,
        tenancy_id: &str,
        region_key: &str,
    ) -> Result<RegionSubscription, ApiError> {
        let body = CreateRegionSubscriptionDetails {
            region_key: region_key.to_string(),
        };
        let call = Call::new(
            "CreateRegionSubscription",
            Method::POST,
            format!("/tenancies/{}/regionSubscriptions", seg(tenancy_id)),
        )
        .json(&body)
        .retry_token();
        Ok(self.send_json(&call).await?.0)
    }

    /// The fault domains of one availability domain (by name), not paged.
    pub async fn list_fault_domains(
        &self,
        compartment_id: &str,
        availability_domain: &str,
    ) -> Result<Vec<FaultDomain>, ApiError> {
        let call = Call::get("ListFaultDomains", "/faultDomains")
            .query("compartmentId", compartment_id)
            .query("availabilityDomain", availability_domain);
        Ok(self.send_json(&call).await?.0)
    }
}
