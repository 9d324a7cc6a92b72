//! A few threads of the client's own that do nothing but sign requests. RSA signing is the
//! costliest step of a request (0.26 ms), and a fan-out driven from one task (an export, the
//! TUI's loads) would otherwise sign everything on the thread that polls it. Tokio's blocking
//! pool did the job before, but it grows a thread per waiting call (96 in flight) and wakes
//! one per signature: on two cores, a tenth of an export's CPU went to the scheduler. Here
//! one thread per core takes signatures off a queue, back to back while there is work.

use std::panic::AssertUnwindSafe;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Mutex, PoisonError};

type Job = Box<dyn FnOnce() + Send>;

/// The queue into the signing threads; they end when the pool is dropped.
pub(super) struct SignPool {
    jobs: Sender<Job>,
}

/// At most this many signing threads, whatever the machine.
const MAX_THREADS: usize = 4;

impl SignPool {
    pub(super) fn new() -> Self {
        let (jobs, queue) = channel::<Job>();
        let queue = Arc::new(Mutex::new(queue));
        let threads = std::thread::available_parallelism()
            .map_or(2, std::num::NonZero::get)
            .min(MAX_THREADS);
        for n in 0..threads {
            let queue = Arc::clone(&queue);
            // A thread that cannot start leaves the others; with none, `run` says so.
            let _ = std::thread::Builder::new()
                .name(format!("canopy-sign-{n}"))
                .spawn(move || {
                    crate::priority::on_background_thread_start();
                    work(&queue);
                });
        }
        Self { jobs }
    }

    /// Runs `sign` on a signing thread; `None` if no thread is there to run it (or it
    /// panicked).
    pub(super) async fn run<T: Send + 'static>(
        &self,
        sign: impl FnOnce() -> T + Send + 'static,
    ) -> Option<T> {
        let (answer, answered) = tokio::sync::oneshot::channel();
        let job: Job = Box::new(move || {
            let _ = answer.send(sign());
        });
        self.jobs.send(job).ok()?;
        answered.await.ok()
    }
}

/// Takes jobs until the pool is gone. A job that panics drops its answer (its caller gets
/// `None`) and the thread goes on.
fn work(queue: &Mutex<Receiver<Job>>) {
    loop {
        let job = queue.lock().unwrap_or_else(PoisonError::into_inner).recv();
        let Ok(job) = job else {
            return;
        };
        let _ = std::panic::catch_unwind(AssertUnwindSafe(job));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn jobs_run_off_the_calling_thread_and_a_panic_answers_none() {
        let pool = SignPool::new();
        let caller = std::thread::current().id();
        let ran_on = pool.run(|| std::thread::current().id()).await.unwrap();
        assert_ne!(ran_on, caller);
        assert_eq!(pool.run(|| -> u8 { panic!("bad key") }).await, None);
        // The thread that caught the panic still works.
        let answers = futures::future::join_all((0..64).map(|i| pool.run(move || i * 2))).await;
        assert_eq!(
            answers.iter().flatten().sum::<i32>(),
            (0..64).map(|i| i * 2).sum::<i32>()
        );
    }
}
