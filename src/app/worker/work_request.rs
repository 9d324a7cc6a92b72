//! The one work-request poller: every asynchronous write (compartment move and delete, tag
//! deletes, invitation cancel, identity-domain changes) is followed here the same way, with
//! the same poll limit, the same error details and the same answer when the service starts no
//! work request. The Work requests view follows existing ones here too, with their logs.

use crate::api::ApiError;
use crate::model::WorkRequest;

use super::{Work, failure};
use crate::app::request::{Failure, Payload};

/// Which API a work request belongs to (each has its own path).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WorkService {
    /// Identity's classic `/workRequests` (compartments); errors come inside the request.
    Identity,
    /// `/taggingWorkRequests`, with `/errors` listed separately.
    Tagging,
    /// Organizations' `/workRequests` (sender invitations).
    Organizations,
    /// `/iamWorkRequests` (identity domains), with `/errors` and `/logs` listed separately.
    Iam,
}

impl Work<'_> {
    /// Sends the work request's state each time it changes, until it finishes. A write the
    /// service finished at once (no work request) answers `Done`.
    pub async fn follow(&self, service: WorkService, started: Result<Option<String>, ApiError>) {
        let id = match started {
            Ok(Some(id)) => id,
            Ok(None) => return self.send(true, Ok(Payload::Done)),
            Err(e) => return self.fail(failure(&e)),
        };
        let mut last = None;
        for _ in 0..self.options.max_polls {
            match self.poll(service, &id).await {
                Ok(wr) => {
                    let finished = wr.status.is_finished();
                    // A percentage, compared only to see whether it changed.
                    #[allow(clippy::cast_possible_truncation)]
                    let seen = (wr.status.clone(), wr.percent_complete.map(|p| p as i64));
                    if finished || last.as_ref() != Some(&seen) {
                        last = Some(seen);
                        let wr = if finished {
                            self.with_errors(service, wr).await
                        } else {
                            wr
                        };
                        self.send(finished, Ok(Payload::WorkRequest(wr)));
                    }
                    if finished {
                        return;
                    }
                }
                Err(e) => return self.fail(failure(&e)),
            }
            tokio::time::sleep(self.options.poll).await;
        }
        self.fail(still_running(&id));
    }

    async fn poll(&self, service: WorkService, id: &str) -> Result<WorkRequest, ApiError> {
        match service {
            WorkService::Identity => self.client.get_work_request(id).await,
            WorkService::Tagging => self.client.get_tagging_work_request(id).await,
            WorkService::Organizations => self.client.get_organizations_work_request(id).await,
            WorkService::Iam => Ok(self.client.get_iam_work_request(id).await?.into()),
        }
    }

    /// A failed work request with its errors, for the message the user sees.
    async fn with_errors(&self, service: WorkService, mut wr: WorkRequest) -> WorkRequest {
        let failed = wr.status != crate::model::WorkRequestStatus::Succeeded;
        if failed
            && wr.errors.is_empty()
            && let Ok(errors) = self.errors(service, &wr.id).await
        {
            wr.errors = errors;
        }
        wr
    }

    /// The errors the service lists apart from the work request (none for the kinds that
    /// carry them inside).
    async fn errors(
        &self,
        service: WorkService,
        id: &str,
    ) -> Result<Vec<crate::model::WorkRequestError>, ApiError> {
        match service {
            WorkService::Tagging => self.client.list_tagging_work_request_errors(id).all().await,
            WorkService::Iam => {
                self.client
                    .list_iam_work_request_errors(id, None)
                    .all()
                    .await
            }
            WorkService::Identity | WorkService::Organizations => Ok(Vec::new()),
        }
    }

    /// A work request with its errors and logs, wherever its API keeps them.
    pub async fn work_request_in_full(
        &self,
        service: WorkService,
        id: &str,
    ) -> Result<WorkRequest, ApiError> {
        let mut wr = self.poll(service, id).await?;
        let logs = match service {
            WorkService::Tagging => {
                Some(self.client.list_tagging_work_request_logs(id).all().await?)
            }
            WorkService::Iam => Some(
                self.client
                    .list_iam_work_request_logs(id, None)
                    .all()
                    .await?,
            ),
            WorkService::Identity | WorkService::Organizations => None,
        };
        if let Some(logs) = logs {
            wr.errors = self.errors(service, id).await?;
            wr.logs = Some(logs);
        }
        Ok(wr)
    }

    /// Reads a work request in full and, while it runs, again each poll, sending it each time
    /// it changed (the last one `done`): the Work requests view follows one live this way.
    pub async fn watch(&self, service: WorkService, id: &str) {
        let mut last: Option<WorkRequest> = None;
        for _ in 0..self.options.max_polls {
            let wr = match self.work_request_in_full(service, id).await {
                Ok(wr) => wr,
                Err(e) => return self.fail(failure(&e)),
            };
            let finished = wr.status.is_finished();
            if finished || last.as_ref() != Some(&wr) {
                last = Some(wr.clone());
                self.send(finished, Ok(Payload::WorkRequest(wr)));
            }
            if finished {
                return;
            }
            tokio::time::sleep(self.options.poll).await;
        }
        self.fail(still_running(id));
    }
}

/// Polling stopped after `max_polls`: the work request carries on in the service.
fn still_running(id: &str) -> Failure {
    Failure {
        hint: Some("refresh later to see the result".into()),
        ..Failure::local(
            "StillRunning",
            format!("work request {id} is still running; canopy stopped following it"),
        )
    }
}
