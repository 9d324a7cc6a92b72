//! Work requests: how asynchronous deletes and moves report progress, and a helper that
//! polls one until it finishes. A classic work request carries its errors and logs; tagging
//! and IAM work requests list them separately.

use std::time::{Duration, Instant};

use crate::api::client::{Call, Client, seg};
use crate::api::error::ApiError;
use crate::api::paging::{ListShape, Pager};
use crate::model::{WorkRequest, WorkRequestError, WorkRequestLogEntry};

/// Which API tracks a work request: Identity (compartment delete and move), Tagging (tag
/// delete, namespace cascade delete), IAM (identity domains) or Organizations (sender
/// invitations).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WorkRequestKind {
    Identity,
    Tagging,
    Iam,
    Organizations,
}

/// Why waiting for a work request ended without success.
#[derive(Debug, Clone, thiserror::Error)]
pub enum WorkRequestWaitError {
    #[error(transparent)]
    Api(#[from] ApiError),
    #[error(
        "work request {id} ended {status}: {errors}; the change was not made, look at the \
         resource and try again"
    )]
    Failed {
        id: String,
        status: String,
        errors: String,
    },
    #[error(
        "work request {id} is still {status} after {waited:?}; it carries on in the service, \
         check it later"
    )]
    TimedOut {
        id: String,
        status: String,
        waited: Duration,
    },
}

impl Client {
    pub async fn get_work_request(&self, id: &str) -> Result<WorkRequest, ApiError> {
        let call = Call::get("GetWorkRequest", format!("/workRequests/{}", seg(id)));
        Ok(self.send_json(&call).await?.0)
    }

    pub fn list_work_requests(
        &self,
        compartment_id: &str,
        resource_identifier: Option<&str>,
    ) -> Pager<WorkRequest> {
        let call = Call::get("ListWorkRequests", "/workRequests")
            .query("compartmentId", compartment_id)
            .query_opt("resourceIdentifier", resource_identifier);
        Pager::new(self, call, ListShape::Array)
    }

    /// Tag deletes and namespace cascade deletes are also tracked here. Answered in the
    /// classic shape (errors and logs empty: list them) so one poller serves every kind.
    pub async fn get_tagging_work_request(&self, id: &str) -> Result<WorkRequest, ApiError> {
        let call = Call::get(
            "GetTaggingWorkRequest",
            format!("/taggingWorkRequests/{}", seg(id)),
        );
        Ok(self.send_json(&call).await?.0)
    }

    pub fn list_tagging_work_request_errors(&self, id: &str) -> Pager<WorkRequestError> {
        let path = format!("/taggingWorkRequests/{}/errors", seg(id));
        let call = Call::get("ListTaggingWorkRequestErrors", path);
        Pager::new(self, call, ListShape::Array)
    }

    pub fn list_tagging_work_request_logs(&self, id: &str) -> Pager<WorkRequestLogEntry> {
        let path = format!("/taggingWorkRequests/{}/logs", seg(id));
        let call = Call::get("ListTaggingWorkRequestLogs", path);
        Pager::new(self, call, ListShape::Array)
    }

    pub fn list_tagging_work_requests(
        &self,
        compartment_id: &str,
        resource_identifier: Option<&str>,
    ) -> Pager<WorkRequest> {
        let call = Call::get("ListTaggingWorkRequests", "/taggingWorkRequests")
            .query("compartmentId", compartment_id)
            .query_opt("resourceIdentifier", resource_identifier);
        Pager::new(self, call, ListShape::Array)
    }

    /// Polls every `interval` until the work request succeeds, fails or `timeout` passes.
    pub async fn wait_for_work_request(
        &self,
        kind: WorkRequestKind,
        id: &str,
        interval: Duration,
        timeout: Duration,
    ) -> Result<WorkRequest, WorkRequestWaitError> {
        let started = Instant::now();
        loop {
            let wr = match kind {
                WorkRequestKind::Identity => self.get_work_request(id).await?,
                WorkRequestKind::Tagging => self.get_tagging_work_request(id).await?,
                WorkRequestKind::Iam => self.get_iam_work_request(id).await?.into(),
                WorkRequestKind::Organizations => self.get_organizations_work_request(id).await?,
            };
            if wr.status.is_finished() {
                if wr.status == crate::model::WorkRequestStatus::Succeeded {
                    return Ok(wr);
                }
                let listed = match kind {
                    WorkRequestKind::Tagging if wr.errors.is_empty() => {
                        self.list_tagging_work_request_errors(id).all().await?
                    }
                    WorkRequestKind::Iam => {
                        self.list_iam_work_request_errors(id, None).all().await?
                    }
                    _ => wr.errors.clone(),
                };
                let errors = listed
                    .iter()
                    .map(|e| format!("{}: {}", e.code, e.message))
                    .collect::<Vec<_>>()
                    .join("; ");
                return Err(WorkRequestWaitError::Failed {
                    id: id.to_string(),
                    status: wr.status.to_string(),
                    errors: if errors.is_empty() {
                        "no reason given".into()
                    } else {
                        errors
                    },
                });
            }
            if started.elapsed() >= timeout {
                return Err(WorkRequestWaitError::TimedOut {
                    id: id.to_string(),
                    status: wr.status.to_string(),
                    waited: started.elapsed(),
                });
            }
            tokio::time::sleep(interval).await;
        }
    }
}
