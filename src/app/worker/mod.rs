//! The background worker: runs each request as its own task against the API client and sends
//! the responses back as messages. Never touches the state. What each request does is in its
//! family's file under `request/`; the one work-request poller is in [`work_request`].

mod sandbox;
mod work_request;

use std::time::Duration;

use tokio::sync::mpsc::{UnboundedReceiver, UnboundedSender};

use crate::api::{ApiError, Client, Etagged};

use super::event_loop::WorkerEvent;
use super::request::{Failure, Item, Payload, Request, Response};

pub use sandbox::Sandbox;
pub use work_request::WorkService;

/// The largest page Identity serves: fewer round trips for big tenancies.
pub const PAGE_LIMIT: u32 = 1000;

/// How the worker paces what it follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WorkerOptions {
    /// How often a work request is polled while it runs.
    pub poll: Duration,
    /// How many polls before a work request is left running with a note.
    pub max_polls: usize,
}

impl Default for WorkerOptions {
    fn default() -> Self {
        WorkerOptions {
            poll: Duration::from_millis(500),
            max_polls: 1200,
        }
    }
}

/// Runs requests until the request channel closes (the event loop ended).
pub async fn run(
    client: Client,
    tenancy_id: String,
    options: WorkerOptions,
    mut requests: UnboundedReceiver<Request>,
    events: UnboundedSender<WorkerEvent>,
) {
    while let Some(request) = requests.recv().await {
        let client = client.clone();
        let events = events.clone();
        let tenancy_id = tenancy_id.clone();
        tokio::spawn(async move {
            let send = |response: Response| {
                // The loop may have ended (quitting); then nobody needs the answer.
                let _ = events.send(WorkerEvent::Response(Box::new(response)));
            };
            execute(&client, &tenancy_id, options, &request, &send).await;
        });
    }
}

/// Runs one request, handing each response to `send` (the last one marked `done`).
pub async fn execute(
    client: &Client,
    tenancy_id: &str,
    options: WorkerOptions,
    request: &Request,
    send: &(dyn Fn(Response) + Sync),
) {
    let work = Work {
        client,
        tenancy_id,
        options,
        request,
        send,
    };
    request.kind.run(&work).await;
}

/// What a request's code has to hand: the client, the tenancy, and the way back.
pub struct Work<'a> {
    pub client: &'a Client,
    pub tenancy_id: &'a str,
    pub options: WorkerOptions,
    request: &'a Request,
    send: &'a (dyn Fn(Response) + Sync),
}

impl Work<'_> {
    /// Sends one response; `done` false while more follow.
    pub fn send(&self, done: bool, result: Result<Payload, Failure>) {
        (self.send)(Response {
            id: self.request.id,
            pane: self.request.pane,
            done,
            result,
        });
    }

    /// The last response, from a client result.
    pub fn finish(&self, result: Result<Payload, ApiError>) {
        self.send(true, result.map_err(|e| failure(&e)));
    }

    /// A listing as one answer.
    pub fn list<T: Clone + Send + Sync + 'static>(&self, result: Result<Vec<T>, ApiError>) {
        self.finish(result.map(Payload::items));
    }

    /// A listing page by page as the service sends it, so a long list shows its first rows
    /// at once (the last page goes as the final answer).
    pub async fn pages<T: Clone + Send + Sync + 'static>(
        &self,
        pages: impl futures::Stream<Item = Result<Vec<T>, ApiError>>,
    ) {
        use futures::StreamExt as _;
        let mut pages = std::pin::pin!(pages);
        let mut held: Option<Vec<T>> = None;
        while let Some(page) = pages.next().await {
            match page {
                Ok(items) => {
                    if let Some(previous) = held.replace(items) {
                        self.send(false, Ok(Payload::items(previous)));
                    }
                }
                Err(e) => return self.finish(Err(e)),
            }
        }
        self.send(true, Ok(Payload::items(held.unwrap_or_default())));
    }

    /// One resource with its etag.
    pub fn one<T: Clone + Send + Sync + 'static>(&self, result: Result<Etagged<T>, ApiError>) {
        self.finish(result.map(|e| Payload::Item(Item::new(e.value, e.etag))));
    }

    /// A write that answers with nothing.
    pub fn done(&self, result: Result<(), ApiError>) {
        self.finish(result.map(|()| Payload::Done));
    }

    pub fn fail(&self, failure: Failure) {
        self.send(true, Err(failure));
    }
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

#[cfg(test)]
mod tests;
