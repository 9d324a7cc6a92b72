//! Policies: statements kept verbatim, updates guarded by etag.

use crate::api::client::{Call, Client, seg};
use crate::api::error::ApiError;
use crate::api::etagged::Etagged;
use crate::api::paging::{ListShape, Pager};
use crate::api::query::ListFilter;
use crate::model::{CreatePolicyDetails, Policy, UpdatePolicyDetails};

fn path(id: &str) -> String {
    format!("/policies/{}", seg(id))
}

impl Client {
    /// The policies attached to one compartment (not its children).
    pub fn list_policies(&self, compartment_id: &str, filter: &ListFilter) -> Pager<Policy> {
        let call = Call::get("ListPolicies", "/policies")
            .query("compartmentId", compartment_id)
            .filter(filter);
        Pager::new(self, call, ListShape::Array)
    }

    pub async fn get_policy(&self, id: &str) -> Result<Etagged<Policy>, ApiError> {
        self.get_one("GetPolicy", path(id)).await
    }

    pub async fn create_policy(
        &self,
        details: &CreatePolicyDetails,
    ) -> Result<Etagged<Policy>, ApiError> {
        self.create("CreatePolicy", "/policies".into(), details)
            .await
    }

    /// With `if_match`, a 412 ([`ApiError::is_conflict`]) means someone else changed it.
    pub async fn update_policy(
        &self,
        id: &str,
        details: &UpdatePolicyDetails,
        if_match: Option<&str>,
    ) -> Result<Etagged<Policy>, ApiError> {
        self.update("UpdatePolicy", path(id), details, if_match)
            .await
    }

    pub async fn delete_policy(&self, id: &str, if_match: Option<&str>) -> Result<(), ApiError> {
        self.delete("DeletePolicy", path(id), if_match)
            .await
            .map(drop)
    }
}
