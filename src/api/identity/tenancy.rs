//! The tenancy, regions, region subscriptions and availability domains.

use crate::api::client::{Call, Client, seg};
use crate::api::error::ApiError;
use crate::model::{AvailabilityDomain, Region, RegionSubscription, Tenancy};

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
}
