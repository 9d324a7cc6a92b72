//! Policies: the tenancy-wide listing (a fan-out over compartments, passed on in batches as
//! pages arrive), one policy with its etag, and the writes.

use std::time::{Duration, Instant};

use futures::StreamExt as _;

use crate::api::{ApiError, ListFilter};
use crate::app::request::Payload;
use crate::app::worker::{PAGE_LIMIT, Work};
use crate::model::{CreatePolicyDetails, UpdatePolicyDetails};

/// Pages from the fan-out are passed on in batches at most this often, so a tenancy of
/// thousands of compartments does not re-sort the list thousands of times.
const BATCH_EVERY: Duration = Duration::from_millis(100);

#[derive(Debug, Clone, PartialEq)]
pub enum PolicyRequest {
    /// The policies of these compartments, answered in batches of pages.
    List {
        compartment_ids: Vec<String>,
    },
    /// One policy with its etag (before editing, and after a conflict).
    Get {
        id: String,
    },
    Create(CreatePolicyDetails),
    /// Sent with `if-match: etag`; a 412 comes back as a conflict failure.
    Update {
        id: String,
        details: UpdatePolicyDetails,
        etag: Option<String>,
    },
    Delete {
        id: String,
    },
}

impl PolicyRequest {
    pub fn is_write(&self) -> bool {
        match self {
            PolicyRequest::List { .. } | PolicyRequest::Get { .. } => false,
            PolicyRequest::Create(_)
            | PolicyRequest::Update { .. }
            | PolicyRequest::Delete { .. } => true,
        }
    }

    pub(crate) async fn run(&self, w: &Work<'_>) {
        let c = w.client;
        match self {
            PolicyRequest::List { compartment_ids } => list(w, compartment_ids.clone()).await,
            PolicyRequest::Get { id } => w.one(c.get_policy(id).await),
            PolicyRequest::Create(details) => w.one(c.create_policy(details).await),
            PolicyRequest::Update { id, details, etag } => {
                w.one(c.update_policy(id, details, etag.as_deref()).await);
            }
            PolicyRequest::Delete { id } => w.done(c.delete_policy(id, None).await),
        }
    }
}

/// The compartments whose policies the caller may not list (OCI answers 404
/// `NotAuthorizedOrNotFound`): sent once, before the listing's last answer, so the pane can
/// say where it is blind instead of failing the whole listing for one refusal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RefusedCompartments(pub Vec<String>);

/// The policies of every compartment through the client's bounded fan-out, passed to the UI
/// as pages arrive (in batches, see [`BATCH_EVERY`]). A compartment that refuses the listing
/// is noted and skipped; any other failure fails the listing.
async fn list(w: &Work<'_>, compartment_ids: Vec<String>) {
    let batch = std::sync::Mutex::new((Vec::new(), Instant::now()));
    let refused = std::sync::Mutex::new(Vec::new());
    let result = crate::api::try_fan_out(w.client, compartment_ids, |id| {
        let (batch, refused) = (&batch, &refused);
        async move {
            let listing = w
                .client
                .list_policies(&id, &ListFilter::default())
                .limit(PAGE_LIMIT);
            let mut pages = std::pin::pin!(listing.pages());
            while let Some(page) = pages.next().await {
                let page = match page {
                    Err(e) if is_refusal(&e) => {
                        lock(refused).push(id.clone());
                        break;
                    }
                    page => page?,
                };
                let ready = {
                    let mut guard = lock(batch);
                    guard.0.extend(page);
                    if guard.1.elapsed() >= BATCH_EVERY && !guard.0.is_empty() {
                        guard.1 = Instant::now();
                        Some(std::mem::take(&mut guard.0))
                    } else {
                        None
                    }
                };
                if let Some(policies) = ready {
                    w.send(false, Ok(Payload::items(policies)));
                }
            }
            Ok::<(), ApiError>(())
        }
    })
    .await;
    let refused = refused
        .into_inner()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    if result.is_ok() && !refused.is_empty() {
        w.send(false, Ok(Payload::item(RefusedCompartments(refused))));
    }
    let rest = batch
        .into_inner()
        .map_or_else(|e| e.into_inner().0, |b| b.0);
    w.finish(result.map(|_| Payload::items(rest)));
}

fn lock<T>(m: &std::sync::Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// OCI's answer to a listing the caller may not make (or of a compartment that is gone).
fn is_refusal(e: &ApiError) -> bool {
    e.status() == Some(404)
}
