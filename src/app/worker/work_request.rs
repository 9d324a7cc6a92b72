//! The one work-request poller: every asynchronous write (compartment move and delete, tag
//! deletes, invitation cancel) is followed here the same way, with the same poll limit, the
//! same error details and the same answer when the service starts no work request.

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
        self.fail(Failure {
            hint: Some("refresh later to see the result".into()),
            ..Failure::local(
                "StillRunning",
                format!("work request {id} is still running; canopy stopped following it"),
            )
        });
    }

    async fn poll(&self, service: WorkService, id: &str) -> Result<WorkRequest, ApiError> {
        match service {
            WorkService::Identity => self.client.get_work_request(id).await,
            WorkService::Tagging => self.client.get_tagging_work_request(id).await,
            WorkService::Organizations => self.client.get_organizations_work_request(id).await,
        }
    }

    /// A failed work request with its errors, for the message the user sees.
    async fn with_errors(&self, service: WorkService, mut wr: WorkRequest) -> WorkRequest {
        let failed = wr.status != crate::model::WorkRequestStatus::Succeeded;
        if failed
            && wr.errors.is_empty()
            && service == WorkService::Tagging
            && let Ok(errors) = self
                .client
                .list_tagging_work_request_errors(&wr.id)
                .all()
                .await
        {
            wr.errors = errors;
        }
        wr
    }
}
