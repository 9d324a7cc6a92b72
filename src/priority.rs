//! In the terminal UI the threads that work in the background (the runtime's workers and the
//! signing threads: a fan-out's parsing and signing) give way to the thread that handles keys
//! and draws. On a 2-core machine they otherwise take turns with it, and a keystroke's frame
//! waits for a time slice while 7,500 groups' memberships are read.

use std::sync::atomic::{AtomicBool, Ordering};

/// How much lower: enough to yield first when the cores are busy; they still get every idle
/// cycle.
const NICE: i32 = 5;

static LOWER: AtomicBool = AtomicBool::new(false);

/// From now on, background threads that start lower their own priority (the TUI sets this
/// before its runtime starts; `export` and the emulator keep every thread equal).
pub fn lower_background_threads() {
    LOWER.store(true, Ordering::Relaxed);
}

/// Called by each background thread as it starts.
pub fn on_background_thread_start() {
    if !LOWER.load(Ordering::Relaxed) {
        return;
    }
    // Linux keeps a nice value per thread: this thread's id names this thread alone. Elsewhere
    // the call would lower the whole process, UI thread included, so it is not made.
    #[cfg(target_os = "linux")]
    {
        let me = rustix::thread::gettid();
        if let Err(e) = rustix::process::setpriority_process(Some(me), NICE) {
            tracing::debug!("a background thread kept its priority: {e}");
        }
    }
}

#[cfg(all(test, target_os = "linux"))]
mod tests {
    use super::*;

    #[test]
    fn a_background_thread_lowers_itself_and_no_other() {
        let ui = rustix::process::getpriority_process(Some(rustix::thread::gettid())).unwrap();
        lower_background_threads();
        let worker = std::thread::spawn(|| {
            on_background_thread_start();
            rustix::process::getpriority_process(Some(rustix::thread::gettid())).unwrap()
        })
        .join()
        .unwrap();
        assert_eq!(worker, (ui + NICE).min(19));
        let after = rustix::process::getpriority_process(Some(rustix::thread::gettid())).unwrap();
        assert_eq!(after, ui, "the calling thread keeps its priority");
        LOWER.store(false, Ordering::Relaxed);
    }
}
