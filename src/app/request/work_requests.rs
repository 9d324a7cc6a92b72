//! Work requests as a view of their own: the classic Identity, IAM and tagging work requests
//! of a compartment, and one work request in full (errors and logs), followed while it runs.

use crate::app::worker::{PAGE_LIMIT, Work, WorkService};
use crate::model::WorkRequest;

/// The APIs whose work requests the view lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum WorkRequestApi {
    /// Classic `/workRequests`: compartment deletes and moves.
    #[default]
    Identity,
    /// `/iamWorkRequests`: identity-domain changes.
    Iam,
    /// `/taggingWorkRequests`: tag deletes.
    Tagging,
}

impl WorkRequestApi {
    pub const ALL: [WorkRequestApi; 3] = [Self::Identity, Self::Iam, Self::Tagging];

    pub fn service(self) -> WorkService {
        match self {
            Self::Identity => WorkService::Identity,
            Self::Iam => WorkService::Iam,
            Self::Tagging => WorkService::Tagging,
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            Self::Identity => "Identity",
            Self::Iam => "IAM",
            Self::Tagging => "Tagging",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WorkRequestRequest {
    /// The work requests of one API in a compartment (only those about `resource`, an
    /// OCID, when given), in the classic shape.
    List {
        api: WorkRequestApi,
        compartment_id: String,
        resource: Option<String>,
    },
    /// One work request with its errors and logs, answered again each time it changes until
    /// it finishes.
    Follow { service: WorkService, id: String },
}

impl WorkRequestRequest {
    pub fn is_write(&self) -> bool {
        match self {
            WorkRequestRequest::List { .. } | WorkRequestRequest::Follow { .. } => false,
        }
    }

    pub(crate) async fn run(&self, w: &Work<'_>) {
        let c = w.client;
        match self {
            WorkRequestRequest::List {
                api,
                compartment_id,
                resource,
            } => {
                let resource = resource.as_deref();
                let listed = match api {
                    WorkRequestApi::Identity => {
                        c.list_work_requests(compartment_id, resource)
                            .limit(PAGE_LIMIT)
                            .all()
                            .await
                    }
                    WorkRequestApi::Tagging => {
                        c.list_tagging_work_requests(compartment_id, resource)
                            .limit(PAGE_LIMIT)
                            .all()
                            .await
                    }
                    WorkRequestApi::Iam => c
                        .list_iam_work_requests(compartment_id, resource)
                        .limit(PAGE_LIMIT)
                        .all()
                        .await
                        .map(|list| list.into_iter().map(WorkRequest::from).collect()),
                };
                w.list(listed);
            }
            WorkRequestRequest::Follow { service, id } => w.watch(*service, id).await,
        }
    }
}
