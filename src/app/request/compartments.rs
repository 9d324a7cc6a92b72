//! The compartment tree and its writes. Updates, moves and deletes are conditional: the
//! worker reads the compartment first and sends its etag as `if-match`, and refuses (as a 412)
//! when it changed since the user saw it.

use crate::api::CompartmentQuery;
use crate::app::request::Failure;
use crate::app::worker::{PAGE_LIMIT, Work, WorkService, failure};
use crate::model::{Compartment, CreateCompartmentDetails, UpdateCompartmentDetails};

#[derive(Debug, Clone, PartialEq)]
pub enum CompartmentRequest {
    /// Every compartment of the tenancy in one subtree listing, all lifecycle states.
    List,
    Create(CreateCompartmentDetails),
    /// `seen` is the compartment as the user saw it: if it changed since (name, description,
    /// parent or state), nothing is sent and the answer is a 412 conflict.
    Update {
        id: String,
        details: UpdateCompartmentDetails,
        seen: Option<Compartment>,
    },
    /// Answers with the work request as it progresses. Conditional like `Update`.
    Move {
        id: String,
        target_id: String,
        seen: Option<Compartment>,
    },
    /// Answers with the work request as it progresses. Conditional like `Update`.
    Delete {
        id: String,
        seen: Option<Compartment>,
    },
    Recover {
        id: String,
    },
}

impl CompartmentRequest {
    pub fn is_write(&self) -> bool {
        match self {
            CompartmentRequest::List => false,
            CompartmentRequest::Create(_)
            | CompartmentRequest::Update { .. }
            | CompartmentRequest::Move { .. }
            | CompartmentRequest::Delete { .. }
            | CompartmentRequest::Recover { .. } => true,
        }
    }

    pub(crate) async fn run(&self, w: &Work<'_>) {
        let c = w.client;
        match self {
            CompartmentRequest::List => w.list(
                c.list_compartments(&CompartmentQuery::subtree(w.tenancy_id))
                    .limit(PAGE_LIMIT)
                    .all()
                    .await,
            ),
            CompartmentRequest::Create(details) => w.one(c.create_compartment(details).await),
            CompartmentRequest::Update { id, details, seen } => {
                match etag(w, id, seen.as_ref()).await {
                    Ok(etag) => w.one(c.update_compartment(id, details, etag.as_deref()).await),
                    Err(conflict) => w.fail(conflict),
                }
            }
            CompartmentRequest::Move {
                id,
                target_id,
                seen,
            } => match etag(w, id, seen.as_ref()).await {
                Ok(etag) => {
                    let started = c.move_compartment(id, target_id, etag.as_deref()).await;
                    w.follow(WorkService::Identity, started).await;
                }
                Err(conflict) => w.fail(conflict),
            },
            CompartmentRequest::Delete { id, seen } => match etag(w, id, seen.as_ref()).await {
                Ok(etag) => {
                    let started = c.delete_compartment(id, etag.as_deref()).await;
                    w.follow(WorkService::Identity, started).await;
                }
                Err(conflict) => w.fail(conflict),
            },
            CompartmentRequest::Recover { id } => w.one(c.recover_compartment(id, None).await),
        }
    }
}

/// The compartment's current etag, for `if-match`: a change made between this read and the
/// write comes back from the service as 412. A change made since the user saw the compartment
/// (`seen`) is refused here, as a 412 conflict, before anything is sent.
async fn etag(
    w: &Work<'_>,
    id: &str,
    seen: Option<&Compartment>,
) -> Result<Option<String>, Failure> {
    let current = w
        .client
        .get_compartment(id)
        .await
        .map_err(|e| failure(&e))?;
    let c = &current.value;
    if let Some(seen) = seen
        && (seen.name != c.name
            || seen.description != c.description
            || seen.compartment_id != c.compartment_id
            || seen.lifecycle_state != c.lifecycle_state)
    {
        return Err(Failure {
            status: Some(412),
            code: "ChangedSinceRead".into(),
            message: format!(
                "compartment {} changed since it was listed (now named {}, {})",
                seen.name, c.name, c.lifecycle_state
            ),
            opc_request_id: None,
            hint: Some("reload, check the change and try again".into()),
        });
    }
    Ok(current.etag)
}
