//! A client-wide concurrency limit that adapts to throttling (AIMD, as TCP does): every 429
//! halves it, every success adds a little back, so a fan-out of many calls slows down as a
//! whole when the service pushes back, then recovers. Every HTTP attempt the client sends
//! holds a [`Permit`], so everything one client does shares the one limit; a call sleeping
//! before its retry holds none.

use std::sync::Mutex;
use std::time::{Duration, Instant};

use tokio::sync::Notify;

/// Places over the limit that later pages of listings may take (see
/// [`Congestion::acquire_urgent`]).
const URGENT_PLACES: f64 = 4.0;

/// Shared by every call a client makes; the fan-out helper reads [`Congestion::limit`].
#[derive(Debug)]
pub struct Congestion {
    state: Mutex<State>,
    max: f64,
    /// 429s arriving within this window of a cut count as the same congestion event, so one
    /// burst does not collapse the limit to 1 (TCP cuts once per round trip, for the same
    /// reason; half a second is a few round trips to OCI).
    cooldown: Duration,
    /// Calls waiting for a place, and later pages waiting for one of the places over the
    /// limit. A place given back wakes one of each, not every waiter: with hundreds parked
    /// (an export's fan-outs), waking them all for each release cost more than signing.
    released: Notify,
    released_urgent: Notify,
}

#[derive(Debug)]
struct State {
    limit: f64,
    in_flight: usize,
    last_cut: Option<Instant>,
    throttled: u64,
    lowest: f64,
}

/// A place in the limit; gives it back when dropped.
#[derive(Debug)]
pub struct Permit<'a> {
    congestion: &'a Congestion,
}

impl Drop for Permit<'_> {
    fn drop(&mut self) {
        self.congestion.lock().in_flight -= 1;
        // The woken waiter takes the place, or (if a newcomer took it first, or the limit
        // was cut) waits again for the next one.
        self.congestion.released.notify_one();
        self.congestion.released_urgent.notify_one();
    }
}

impl Congestion {
    pub fn new(max_concurrency: usize) -> Self {
        let max = max_concurrency.max(1) as f64;
        Self {
            state: Mutex::new(State {
                limit: max,
                in_flight: 0,
                last_cut: None,
                throttled: 0,
                lowest: max,
            }),
            max,
            cooldown: Duration::from_millis(500),
            released: Notify::new(),
            released_urgent: Notify::new(),
        }
    }

    /// Waits until fewer calls than the current limit hold a permit, then takes one.
    pub async fn acquire(&self) -> Permit<'_> {
        self.wait_for_place(&self.released, 0.0).await
    }

    /// [`Congestion::acquire`] for a later page of a listing, which a whole chain waits on:
    /// it may go a few places over the limit rather than queue behind a fan-out.
    pub async fn acquire_urgent(&self) -> Permit<'_> {
        self.wait_for_place(&self.released_urgent, URGENT_PLACES)
            .await
    }

    /// Takes a place once fewer than the limit plus `over` are in flight, waiting on `queue`.
    async fn wait_for_place(&self, queue: &Notify, over: f64) -> Permit<'_> {
        loop {
            // In the queue before the check, so a release between check and wait is not
            // missed.
            let mut released = std::pin::pin!(queue.notified());
            released.as_mut().enable();
            {
                let mut s = self.lock();
                if (s.in_flight as f64) < s.limit.floor().max(1.0) + over {
                    s.in_flight += 1;
                    return Permit { congestion: self };
                }
            }
            released.await;
        }
    }

    /// The lowest the limit has been since the client was made.
    pub fn lowest_limit(&self) -> usize {
        (self.lock().lowest.floor() as usize).max(1)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, State> {
        // The state is two numbers; a panic elsewhere cannot leave them inconsistent.
        self.state
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// How many calls may be in flight now (at least 1).
    pub fn limit(&self) -> usize {
        (self.lock().limit.floor() as usize).max(1)
    }

    /// The configured ceiling.
    pub fn max(&self) -> usize {
        self.max as usize
    }

    /// How many 429s the client has seen.
    pub fn throttled(&self) -> u64 {
        self.lock().throttled
    }

    /// A 429 arrived: halve the limit, at most once per cooldown window.
    pub fn on_throttled(&self) {
        let mut s = self.lock();
        s.throttled += 1;
        let now = Instant::now();
        if s.last_cut
            .is_some_and(|t| now.duration_since(t) < self.cooldown)
        {
            return;
        }
        s.limit = (s.limit / 2.0).max(1.0);
        s.lowest = s.lowest.min(s.limit);
        s.last_cut = Some(now);
    }

    /// A call succeeded: grow by about one per limit's worth of successes.
    pub fn on_success(&self) {
        let grew = {
            let mut s = self.lock();
            let before = s.limit.floor();
            if s.limit < self.max {
                s.limit = (s.limit + 1.0 / s.limit).min(self.max);
            }
            s.limit.floor() > before
        };
        if grew {
            self.released.notify_waiters();
            self.released_urgent.notify_waiters();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn throttling_halves_and_successes_recover() {
        let c = Congestion::new(16);
        assert_eq!(c.limit(), 16);
        c.on_throttled();
        assert_eq!(c.limit(), 8);
        // The same burst does not cut again.
        c.on_throttled();
        assert_eq!(c.limit(), 8);
        for _ in 0..200 {
            c.on_success();
        }
        assert_eq!(c.limit(), 16);
        assert_eq!(c.throttled(), 2);
    }

    #[tokio::test]
    async fn permits_wait_for_the_limit() {
        let c = Congestion::new(2);
        let a = c.acquire().await;
        let _b = c.acquire().await;
        let third = tokio::time::timeout(Duration::from_millis(20), c.acquire()).await;
        assert!(third.is_err(), "a third permit must wait");
        drop(a);
        let third = tokio::time::timeout(Duration::from_secs(5), c.acquire()).await;
        assert!(third.is_ok());
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn each_release_lets_one_waiter_in_and_none_is_left_behind() {
        use std::sync::Arc;
        use std::sync::atomic::{AtomicUsize, Ordering};
        let c = Arc::new(Congestion::new(3));
        let (now, most) = (Arc::new(AtomicUsize::new(0)), Arc::new(AtomicUsize::new(0)));
        let calls = (0..300).map(|i| {
            let (c, now, most) = (Arc::clone(&c), Arc::clone(&now), Arc::clone(&most));
            tokio::spawn(async move {
                // Some later pages among them, which may go over the limit.
                let _place = if i % 10 == 0 {
                    c.acquire_urgent().await
                } else {
                    c.acquire().await
                };
                let inside = now.fetch_add(1, Ordering::SeqCst) + 1;
                most.fetch_max(inside, Ordering::SeqCst);
                tokio::task::yield_now().await;
                now.fetch_sub(1, Ordering::SeqCst);
            })
        });
        let all = futures::future::join_all(calls);
        let done = tokio::time::timeout(Duration::from_secs(10), all).await;
        assert!(done.is_ok(), "every waiter got a place");
        let most = most.load(Ordering::SeqCst);
        assert!(
            most <= 3 + URGENT_PLACES as usize,
            "{most} in flight at once"
        );
    }

    #[test]
    fn later_pages_go_a_few_places_over_a_full_limit_and_no_further() {
        use futures::FutureExt as _;
        let c = Congestion::new(2);
        let _full = [c.acquire().now_or_never(), c.acquire().now_or_never()];
        assert!(c.acquire().now_or_never().is_none(), "the limit is full");
        let urgent: Vec<_> = (0..4)
            .filter_map(|_| c.acquire_urgent().now_or_never())
            .collect();
        assert_eq!(urgent.len(), 4, "four places over the limit");
        assert!(c.acquire_urgent().now_or_never().is_none(), "and no more");
        drop(urgent);
        assert!(c.acquire_urgent().now_or_never().is_some());
        assert!(
            c.acquire().now_or_never().is_none(),
            "others still wait for the limit"
        );
    }

    #[test]
    fn the_limit_never_drops_below_one() {
        let mut c = Congestion::new(4);
        c.cooldown = Duration::ZERO;
        for _ in 0..10 {
            c.on_throttled();
        }
        assert_eq!(c.limit(), 1);
    }
}
