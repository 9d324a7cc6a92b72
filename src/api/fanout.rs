//! One bounded-concurrency fan-out for "the same call for each of many things" (policies of
//! every compartment, memberships of every group). The bound is the client's shared
//! [`Congestion`](super::congestion::Congestion) limit on requests in flight, so when the
//! service throttles, every fan-out of that client slows down together, then speeds up again.

use std::future::Future;

use futures::StreamExt as _;
use futures::stream::FuturesUnordered;

use super::client::Client;

tokio::task_local! {
    /// Set while a fan-out's task runs: its calls queue for a place in the limit, behind
    /// calls made one at a time (the list on screen, a write), which go first.
    static IN_FAN_OUT: ();
}

/// Whether the running call is one of a fan-out's many.
pub(super) fn in_fan_out() -> bool {
    IN_FAN_OUT.try_with(|()| ()).is_ok()
}

/// Runs `task` for every item, at most the client's current limit at once, and returns the
/// results in the items' order. Stops starting new tasks after the first error and returns it
/// once the running ones have finished.
pub async fn try_fan_out<I, T, E, F, Fut>(
    client: &Client,
    items: Vec<I>,
    task: F,
) -> Result<Vec<T>, E>
where
    F: Fn(I) -> Fut,
    Fut: Future<Output = Result<T, E>>,
{
    let total = items.len();
    let mut results: Vec<Option<T>> = std::iter::repeat_with(|| None).take(total).collect();
    let mut pending = items.into_iter().enumerate();
    let mut running = FuturesUnordered::new();
    let mut first_error = None;
    let task = &task;
    let congestion = client.congestion();
    loop {
        // The client's per-request permits are the real bound (shared by everything the
        // client sends); this only keeps the number of parked futures small.
        while first_error.is_none() && running.len() < 2 * congestion.max() {
            let Some((index, item)) = pending.next() else {
                break;
            };
            running.push(IN_FAN_OUT.scope((), async move { (index, task(item).await) }));
        }
        let Some((index, result)) = running.next().await else {
            break;
        };
        match result {
            Ok(value) => results[index] = Some(value),
            Err(e) => {
                first_error.get_or_insert(e);
            }
        }
    }
    match first_error {
        Some(e) => Err(e),
        None => Ok(results.into_iter().flatten().collect()),
    }
}
