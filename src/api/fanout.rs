//! One bounded-concurrency fan-out for "the same call for each of many things" (policies of
//! every compartment, memberships of every group). The bound is the client's shared
//! [`Congestion`](super::congestion::Congestion) limit on requests in flight, so when the
//! service throttles, every fan-out of that client slows down together, then speeds up again.

use std::future::Future;

use futures::StreamExt as _;
use futures::stream::FuturesUnordered;

use super::client::Client;

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
            running.push(async move { (index, task(item).await) });
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
