//! The terminal UI holds a large tenancy for the whole session while the runtime's threads
//! read and parse it. glibc gives each thread its own heap ("arena"), and what one thread
//! frees only that arena reuses: with a dozen arenas a large tenancy's peak RSS was 5-10 %
//! above what canopy held. Two arenas are enough for a UI thread and two workers. glibc reads
//! the limit only as a process starts, so the TUI starts itself once more with it set; the
//! same process (an `exec`, not a child), the same arguments and terminal.

/// The tunable as glibc spells it.
const ARENAS: &str = "glibc.malloc.arena_max=2";

/// Starts this program again with at most two malloc arenas, unless the limit is set
/// already (as it is the second time) or this is not glibc on Linux. Returns only if it did
/// not (or could not) start again.
pub fn limit_arenas() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        use std::os::unix::process::CommandExt as _;
        let current = std::env::var("GLIBC_TUNABLES").unwrap_or_default();
        if current.contains("glibc.malloc.arena_max") {
            return;
        }
        let Ok(exe) = std::env::current_exe() else {
            return;
        };
        let tunables = if current.is_empty() {
            ARENAS.to_string()
        } else {
            format!("{current}:{ARENAS}")
        };
        let mut args = std::env::args_os();
        let mut again = std::process::Command::new(exe);
        if let Some(name) = args.next() {
            again.arg0(name);
        }
        // `exec` returns only if it failed: carry on with glibc's default.
        let failed = again.args(args).env("GLIBC_TUNABLES", tunables).exec();
        tracing::debug!("not started again with two malloc arenas: {failed}");
    }
}
