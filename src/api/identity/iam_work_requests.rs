//! IAM work requests: how identity-domain operations (create, update, activate, deactivate,
//! delete, move, license change, replication) report progress, with their errors and logs.

use crate::api::client::{Call, Client, seg};
use crate::api::error::ApiError;
use crate::api::paging::{ListShape, Pager};
use crate::api::query::SortOrder;
use crate::model::{IamWorkRequest, IamWorkRequestErrorSummary, IamWorkRequestLogSummary};

fn path(id: &str) -> String {
    format!("/iamWorkRequests/{}", seg(id))
}

impl Client {
    pub async fn get_iam_work_request(&self, id: &str) -> Result<IamWorkRequest, ApiError> {
        Ok(self
            .send_json(&Call::get("GetIamWorkRequest", path(id)))
            .await?
            .0)
    }

    pub fn list_iam_work_requests(
        &self,
        compartment_id: &str,
        resource_identifier: Option<&str>,
    ) -> Pager<IamWorkRequest> {
        let call = Call::get("ListIamWorkRequests", "/iamWorkRequests")
            .query("compartmentId", compartment_id)
            .query_opt("resourceIdentifier", resource_identifier);
        Pager::new(self, call, ListShape::Array)
    }

    /// Oldest first unless `sort_order` says DESC.
    pub fn list_iam_work_request_errors(
        &self,
        id: &str,
        sort_order: Option<SortOrder>,
    ) -> Pager<IamWorkRequestErrorSummary> {
        let call = Call::get("ListIamWorkRequestErrors", format!("{}/errors", path(id)))
            .query_opt("sortOrder", sort_order);
        Pager::new(self, call, ListShape::Array)
    }

    /// Oldest first unless `sort_order` says DESC.
    pub fn list_iam_work_request_logs(
        &self,
        id: &str,
        sort_order: Option<SortOrder>,
    ) -> Pager<IamWorkRequestLogSummary> {
        let call = Call::get("ListIamWorkRequestLogs", format!("{}/logs", path(id)))
            .query_opt("sortOrder", sort_order);
        Pager::new(self, call, ListShape::Array)
    }
}
