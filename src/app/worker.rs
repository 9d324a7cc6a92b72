//! The background worker: runs each request as its own task against the API client and sends
//! the responses back as messages. Never touches the state.

use std::time::Duration;

use futures::StreamExt as _;
use tokio::sync::mpsc::{UnboundedReceiver, UnboundedSender};

use crate::api::{ApiError, Client, CompartmentQuery, ListFilter};
use crate::model::WorkRequestStatus;

use super::event_loop::WorkerEvent;
use super::request::{Failure, Payload, Request, RequestKind, Response};

/// How often a work request is polled while it runs.
const WORK_REQUEST_POLL: Duration = Duration::from_millis(500);
/// The largest page Identity serves: fewer round trips for big tenancies.
const PAGE_LIMIT: u32 = 1000;
/// Policy pages from the fan-out are passed on in batches at most this often, so a tenancy
/// of thousands of compartments does not re-sort the list thousands of times.
const BATCH_EVERY: Duration = Duration::from_millis(100);

/// Runs requests until the request channel closes (the event loop ended).
pub async fn run(
    client: Client,
    tenancy_id: String,
    mut requests: UnboundedReceiver<Request>,
    events: UnboundedSender<WorkerEvent>,
) {
    while let Some(request) = requests.recv().await {
        let client = client.clone();
        let events = events.clone();
        let tenancy_id = tenancy_id.clone();
        tokio::spawn(async move {
            let reply = Reply {
                request: &request,
                events: &events,
            };
            execute(&client, &tenancy_id, &request.kind, &reply).await;
        });
    }
}

/// Sends the responses of one request.
struct Reply<'a> {
    request: &'a Request,
    events: &'a UnboundedSender<WorkerEvent>,
}

impl Reply<'_> {
    fn send(&self, done: bool, result: Result<Payload, Failure>) {
        let response = Response {
            id: self.request.id,
            pane: self.request.pane,
            done,
            result,
        };
        // The loop may have ended (quitting); then nobody needs the answer.
        let _ = self.events.send(WorkerEvent::Response(Box::new(response)));
    }

    fn finish(&self, result: Result<Payload, ApiError>) {
        self.send(true, result.map_err(|e| failure(&e)));
    }
}

/// The compartment's current etag, for `if-match`: a change made between this read and the
/// write comes back from the service as 412. A change made since the user saw the compartment
/// (`seen`) is refused here, as a 412 conflict, before anything is sent.
async fn compartment_etag(
    client: &Client,
    id: &str,
    seen: Option<&crate::model::Compartment>,
) -> Result<Option<String>, Failure> {
    let current = client.get_compartment(id).await.map_err(|e| failure(&e))?;
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
            hint: Some("reload (r), check the change and try again".into()),
        });
    }
    Ok(current.etag)
}

/// An API error as the UI shows it.
pub fn failure(e: &ApiError) -> Failure {
    match e {
        ApiError::Service(s) => Failure {
            status: Some(s.status),
            code: s.code.clone(),
            message: s.message.clone(),
            opc_request_id: s.request_id.clone(),
            hint: s.hint().map(str::to_string),
        },
        other => Failure::local("RequestFailed", other.to_string()),
    }
}

async fn execute(client: &Client, tenancy_id: &str, kind: &RequestKind, reply: &Reply<'_>) {
    match kind {
        RequestKind::GetTenancy => {
            reply.finish(client.get_tenancy(tenancy_id).await.map(Payload::Tenancy));
        }
        RequestKind::LoadTenancy => {
            // The export's reader: one gatherer for `canopy export` and the TUI.
            let progress = indicatif::ProgressBar::hidden();
            let result = crate::api::export::gather(client, tenancy_id, &progress).await;
            match result {
                Ok(gathered) => {
                    // Indexing a large tenancy takes a few hundred milliseconds: not on the
                    // runtime's threads, and never in `update`.
                    let snapshot = std::sync::Arc::new(gathered.snapshot);
                    let built = tokio::task::spawn_blocking(move || {
                        crate::policy::TenancyLinter::new(snapshot)
                    })
                    .await;
                    reply.send(
                        true,
                        built
                            .map(|linter| Payload::Snapshot(std::sync::Arc::new(linter)))
                            .map_err(|e| Failure::local("IndexFailed", e.to_string())),
                    );
                }
                Err(e) => reply.finish(Err(e)),
            }
        }
        RequestKind::ListCompartments => {
            let result = client
                .list_compartments(&CompartmentQuery::subtree(tenancy_id))
                .limit(PAGE_LIMIT)
                .all()
                .await;
            reply.finish(result.map(Payload::Compartments));
        }
        RequestKind::CreateCompartment(details) => {
            let result = client.create_compartment(details).await;
            reply.finish(result.map(|c| Payload::Compartment(c.value)));
        }
        RequestKind::UpdateCompartment { id, details, seen } => {
            match compartment_etag(client, id, seen.as_ref()).await {
                Ok(etag) => {
                    let result = client
                        .update_compartment(id, details, etag.as_deref())
                        .await;
                    reply.finish(result.map(|c| Payload::Compartment(c.value)));
                }
                Err(conflict) => reply.send(true, Err(conflict)),
            }
        }
        RequestKind::RecoverCompartment { id } => {
            let result = client.recover_compartment(id, None).await;
            reply.finish(result.map(|c| Payload::Compartment(c.value)));
        }
        RequestKind::MoveCompartment {
            id,
            target_id,
            seen,
        } => match compartment_etag(client, id, seen.as_ref()).await {
            Ok(etag) => {
                let started = client
                    .move_compartment(id, target_id, etag.as_deref())
                    .await;
                follow_work_request(client, started, reply).await;
            }
            Err(conflict) => reply.send(true, Err(conflict)),
        },
        RequestKind::DeleteCompartment { id, seen } => {
            match compartment_etag(client, id, seen.as_ref()).await {
                Ok(etag) => {
                    let started = client.delete_compartment(id, etag.as_deref()).await;
                    follow_work_request(client, started, reply).await;
                }
                Err(conflict) => reply.send(true, Err(conflict)),
            }
        }
        RequestKind::ListPolicies { compartment_ids } => {
            list_policies(client, compartment_ids.clone(), reply).await;
        }
        RequestKind::GetPolicy { id } => {
            let result = client.get_policy(id).await;
            reply.finish(result.map(|p| Payload::Policy {
                policy: p.value,
                etag: p.etag,
            }));
        }
        RequestKind::CreatePolicy(details) => {
            let result = client.create_policy(details).await;
            reply.finish(result.map(|p| Payload::Policy {
                policy: p.value,
                etag: p.etag,
            }));
        }
        RequestKind::UpdatePolicy { id, details, etag } => {
            let result = client.update_policy(id, details, etag.as_deref()).await;
            reply.finish(result.map(|p| Payload::Policy {
                policy: p.value,
                etag: p.etag,
            }));
        }
        RequestKind::DeletePolicy { id } => {
            reply.finish(client.delete_policy(id, None).await.map(|()| Payload::Done));
        }
        // The Identity, Tags and Invitations panes' requests.
        other => {
            let send = |done, result| reply.send(done, result);
            let handled =
                super::worker_panes::execute(client, tenancy_id, other, failure, &send).await;
            if !handled {
                reply.send(
                    true,
                    Err(Failure::local(
                        "Unsupported",
                        format!("no worker arm for {other:?}"),
                    )),
                );
            }
        }
    }
}

/// The policies of every compartment through the client's bounded fan-out, passed to the UI
/// as pages arrive (in batches, see [`BATCH_EVERY`]).
async fn list_policies(client: &Client, compartment_ids: Vec<String>, reply: &Reply<'_>) {
    let batch = std::sync::Mutex::new((Vec::new(), std::time::Instant::now()));
    let result = crate::api::try_fan_out(client, compartment_ids, |id| {
        let batch = &batch;
        async move {
            let listing = client
                .list_policies(&id, &ListFilter::default())
                .limit(PAGE_LIMIT);
            let mut pages = std::pin::pin!(listing.pages());
            while let Some(page) = pages.next().await {
                let ready = {
                    let mut guard = batch
                        .lock()
                        .unwrap_or_else(std::sync::PoisonError::into_inner);
                    guard.0.extend(page?);
                    if guard.1.elapsed() >= BATCH_EVERY && !guard.0.is_empty() {
                        guard.1 = std::time::Instant::now();
                        Some(std::mem::take(&mut guard.0))
                    } else {
                        None
                    }
                };
                if let Some(policies) = ready {
                    reply.send(false, Ok(Payload::Policies(policies)));
                }
            }
            Ok::<(), ApiError>(())
        }
    })
    .await;
    let rest = batch
        .into_inner()
        .map_or_else(|e| e.into_inner().0, |b| b.0);
    reply.finish(result.map(|_| Payload::Policies(rest)));
}

/// Sends the work request's state each time it changes, until it finishes.
async fn follow_work_request(
    client: &Client,
    started: Result<Option<String>, ApiError>,
    reply: &Reply<'_>,
) {
    let id = match started {
        Ok(Some(id)) => id,
        Ok(None) => {
            reply.send(true, Err(Failure::local("NoWorkRequest", "the service accepted the request but gave no work request to follow; refresh to see the result")));
            return;
        }
        Err(e) => return reply.finish(Err(e)),
    };
    let mut last = None;
    loop {
        match client.get_work_request(&id).await {
            Ok(wr) => {
                let finished = wr.status.is_finished();
                let seen = (wr.status.clone(), wr.percent_complete.map(|p| p as i64));
                if finished || last.as_ref() != Some(&seen) {
                    last = Some(seen);
                    let wr = if finished
                        && wr.status != WorkRequestStatus::Succeeded
                        && wr.errors.is_empty()
                    {
                        let mut wr = wr;
                        if let Ok(errors) = client.list_work_request_errors(&id).all().await {
                            wr.errors = errors;
                        }
                        wr
                    } else {
                        wr
                    };
                    reply.send(finished, Ok(Payload::WorkRequest(wr)));
                }
                if finished {
                    return;
                }
            }
            Err(e) => return reply.finish(Err(e)),
        }
        tokio::time::sleep(WORK_REQUEST_POLL).await;
    }
}

#[cfg(test)]
#[path = "worker_tests.rs"]
mod tests;
