//! What a user waits for at 100,000 rows: the real binary in a pseudo-terminal against the
//! emulator serving `large:5` (100,000 users) at 20 ms latency, `--no-cache`. Prints the time
//! from pressing `2` to the first users on screen and to all of them, a key (`j`) to the frame
//! that shows its effect while the users still load and after, and a filter keystroke to its
//! frame (typing narrows, erasing widens: 44 keys). Prints figures; asserts nothing about time.
//!
//! `cargo bench --bench tui_scale` (`CANOPY_BENCH_SCALE` sets the seed's scale, default 5).

use std::time::{Duration, Instant};

#[path = "../tests/e2e/harness.rs"]
#[allow(dead_code)]
mod harness;

/// The name in the first row of the Detail panel: what `j` changes.
fn selected(tui: &harness::Tui) -> String {
    let rows = tui.rows();
    rows.iter()
        .position(|r| r.contains("┌ Detail"))
        .and_then(|i| rows.get(i + 1))
        .and_then(|r| r.rsplit('│').nth(1).map(|s| s.trim().to_string()))
        .unwrap_or_default()
}

/// Polls until `done`, for at most `limit`.
fn until(limit: Duration, done: impl Fn() -> bool) -> Option<Duration> {
    let start = Instant::now();
    while start.elapsed() < limit {
        if done() {
            return Some(start.elapsed());
        }
        std::thread::sleep(Duration::from_millis(1));
    }
    None
}

/// Presses `j` `n` times, each once the previous one showed; the times key to frame.
fn key_to_frame(tui: &mut harness::Tui, n: usize) -> Vec<Duration> {
    let mut out = Vec::new();
    for _ in 0..n {
        let before = selected(tui);
        let sent = Instant::now();
        tui.keys("j");
        if until(Duration::from_secs(5), || selected(tui) != before).is_some() {
            out.push(sent.elapsed());
        }
    }
    out
}

/// The process's peak resident memory (`VmHWM`), in MB (Linux).
fn peak_rss_mb(pid: u32) -> Option<f64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

fn summary(label: &str, mut values: Vec<Duration>) {
    if values.is_empty() {
        println!("  {label:<34} (no frame seen)");
        return;
    }
    values.sort();
    let at = |q: f64| values[((values.len() - 1) as f64 * q).round() as usize].as_secs_f64() * 1e3;
    println!(
        "  {label:<34} median {:>6.1} ms   p99 {:>6.1} ms   ({} keys)",
        at(0.5),
        at(0.99),
        values.len()
    );
}

fn main() {
    let scale: f64 = std::env::var("CANOPY_BENCH_SCALE")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(5.0);
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("runtime");
    let seed = canopy::emulator::seed::large(scale);
    let users = seed.users.len();
    let world = rt.block_on(harness::World::with_latency(
        seed,
        Duration::from_millis(20),
    ));
    let mut tui = world.launch(&["--no-cache"]);
    tui.wait_for("(root)");
    println!("large:{scale}: {users} users, 20 ms latency, --no-cache:");
    let pressed = Instant::now();
    tui.keys("2");
    tui.wait_until("the first users", |s| {
        s.contains("Users (") && s.contains('@')
    });
    println!(
        "  first users on screen after `2`     {:>8.0} ms",
        pressed.elapsed().as_secs_f64() * 1e3
    );
    summary("key to frame while loading", key_to_frame(&mut tui, 30));
    let total = format!("Users ({users})");
    match until(Duration::from_secs(300), || tui.screen().contains(&total)) {
        Some(_) => println!(
            "  all {users} users listed            {:>8.0} ms",
            pressed.elapsed().as_secs_f64() * 1e3
        ),
        None => println!("  all {users} users listed            (not within 300 s)"),
    }
    summary("key to frame after loading", key_to_frame(&mut tui, 60));
    if let Some(peak) = tui.pid().and_then(peak_rss_mb) {
        println!("  peak RSS of canopy                  {peak:>8.0} MB");
    }
    // Filter keystrokes: typing narrows the rows shown (the fast path), erasing widens them
    // again from the whole list (the slow one). Each key's frame shows the filter line change.
    tui.keys("/");
    let mut filtering = Vec::new();
    let mut press = |tui: &mut harness::Tui, bytes: &[u8]| {
        let before = tui.screen();
        let sent = Instant::now();
        tui.send(bytes);
        if until(Duration::from_secs(5), || tui.screen() != before).is_some() {
            filtering.push(sent.elapsed());
        }
    };
    for query in ["kenji", "jensen", "globex", "ana.k"] {
        for c in query.bytes() {
            press(&mut tui, &[c]);
        }
        for _ in query.chars() {
            press(&mut tui, b"\x7f");
        }
    }
    summary("filter keystroke to frame", filtering);
    // Dropping the terminal ends canopy.
    drop(tui);
    with_the_cache(&world, users);
}

/// The default: the snapshot cache on. A first start reads the whole tenancy in the
/// background beside the panes (for the audit, lint and `:find`) and writes the cache; the
/// next start draws from the cache, reads everything again and writes it back.
fn with_the_cache(world: &harness::World, users: usize) {
    let cache_dir = world.home.path().join(".cache").join("canopy");
    let written = || -> Option<std::time::SystemTime> {
        let entry = std::fs::read_dir(&cache_dir)
            .ok()?
            .flatten()
            .find(|e| e.path().extension().is_some_and(|x| x == "json"))?;
        entry.metadata().ok()?.modified().ok()
    };
    let total = format!("Users ({users})");
    for label in ["first start, cache written", "warm start"] {
        let before = written();
        let mut tui = world.launch(&[]);
        tui.wait_for("(root)");
        let started = Instant::now();
        tui.keys("2");
        let since = |done: Option<Duration>| {
            done.map_or(f64::NAN, |_| started.elapsed().as_secs_f64() * 1e3)
        };
        let listed = since(until(Duration::from_secs(300), || {
            tui.screen().contains(&total)
        }));
        // Written (again) once the background read of the whole tenancy is done.
        let saved = since(until(Duration::from_secs(300), || {
            written().is_some_and(|at| Some(at) != before)
        }));
        // The file is written from another thread: give its last bytes a moment.
        std::thread::sleep(Duration::from_millis(500));
        println!(
            "  with the cache, {label:<27} users listed {listed:>6.0} ms, cache written \
             {saved:>6.0} ms, peak RSS {:>4.0} MB",
            tui.pid().and_then(peak_rss_mb).unwrap_or(f64::NAN)
        );
        drop(tui);
    }
}
