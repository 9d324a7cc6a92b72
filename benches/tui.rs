//! Launch-to-screen figures for the TUI: the real binary in a pseudo-terminal against an
//! in-process emulator, timing the first frame and the whole compartment tree on screen,
//! with the demo tenancy and with the large seed at 20 ms injected latency, cold (`--no-cache`)
//! and warm (from the snapshot cache a first run wrote). Prints figures; asserts nothing about
//! time.
//!
//! `cargo bench --bench tui` (set `CANOPY_BENCH_RUNS` to change the number of runs, default 5).

use std::time::{Duration, Instant};

#[path = "../tests/e2e/harness.rs"]
#[allow(dead_code)]
mod harness;

struct Figures {
    first_frame: Vec<Duration>,
    full_tree: Vec<Duration>,
    policies_shown: Vec<Duration>,
    all_policies: Vec<Duration>,
}

/// Whether runs start from the cache.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Start {
    Cold,
    Warm,
}

fn measure(
    label: &str,
    seed: canopy::model::Snapshot,
    latency: Duration,
    runs: usize,
    start: Start,
) {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("runtime");
    let compartments = seed.compartments.len();
    let policies = seed.policies.len();
    let world = rt.block_on(harness::World::with_latency(seed, latency));
    let flags: &[&str] = match start {
        Start::Cold => &["--no-cache"],
        Start::Warm => &[],
    };
    if start == Start::Warm {
        // A first run reads the whole tenancy and writes the cache.
        let cache = world.home.path().join(".cache").join("canopy");
        let tui = world.launch(&[]);
        tui.wait_for(" canopy ");
        let primed = Instant::now();
        // The file is written to a hidden temporary name, then renamed to `….json`: only
        // that name means the cache is complete.
        let written = || {
            std::fs::read_dir(&cache).is_ok_and(|d| {
                d.flatten()
                    .any(|e| e.path().extension().is_some_and(|x| x == "json"))
            })
        };
        while !written() {
            assert!(
                primed.elapsed() < Duration::from_secs(300),
                "the cache was not written"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        tui.quit();
    }
    let mut figures = Figures {
        first_frame: Vec::new(),
        full_tree: Vec::new(),
        policies_shown: Vec::new(),
        all_policies: Vec::new(),
    };
    let last_place = world.data_dir().join("canopy").join("locations.json");
    for _ in 0..runs {
        // Each run starts on the tree, not where the previous one quit.
        let _ = std::fs::remove_file(&last_place);
        let started = Instant::now();
        let mut tui = world.launch(flags);
        tui.wait_for(" canopy ");
        figures.first_frame.push(started.elapsed());
        // Warm, the whole tree is drawn from the cache while it is read again ("Loading"
        // stays in the title until then); cold, it is there once read.
        tui.wait_until("the whole tree", |s| {
            s.contains("(root)")
                && s.contains("Policies ")
                && (start == Start::Warm || !s.contains("Loading"))
        });
        figures.full_tree.push(started.elapsed());
        // The policy fan-out starts with the tree; time it to the whole list on screen (warm:
        // shown from the cache, then read again, which is what this waits for).
        tui.keys("3");
        tui.wait_for("Policies (");
        figures.policies_shown.push(started.elapsed());
        harness::wait_for_policies(&tui);
        figures.all_policies.push(started.elapsed());
        tui.quit();
    }
    let how = match start {
        Start::Cold => "cold",
        Start::Warm => "warm (cached)",
    };
    println!(
        "{label}, {how}: {compartments} compartments, {policies} policies, {} ms latency, {runs} runs (median / min):",
        latency.as_millis(),
    );
    for (what, values) in [
        ("first frame", &mut figures.first_frame),
        ("full tree", &mut figures.full_tree),
        ("policies shown", &mut figures.policies_shown),
        ("all policies", &mut figures.all_policies),
    ] {
        println!(
            "  {what:<14} {:>6} ms / {:>6} ms",
            median(values),
            values.iter().min().map_or(0, Duration::as_millis)
        );
    }
}

fn median(values: &mut [Duration]) -> u128 {
    values.sort();
    values.get(values.len() / 2).map_or(0, Duration::as_millis)
}

fn main() {
    let runs = std::env::var("CANOPY_BENCH_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(5);
    let demo = canopy::emulator::seed::demo;
    measure("demo tenancy", demo(), Duration::ZERO, runs, Start::Cold);
    measure(
        "demo tenancy",
        demo(),
        Duration::from_millis(20),
        runs,
        Start::Cold,
    );
    measure(
        "demo tenancy",
        demo(),
        Duration::from_millis(20),
        runs,
        Start::Warm,
    );
    let large = || canopy::emulator::seed::large(1.0);
    measure(
        "large seed",
        large(),
        Duration::from_millis(20),
        runs,
        Start::Cold,
    );
    measure(
        "large seed",
        large(),
        Duration::from_millis(20),
        runs,
        Start::Warm,
    );
}
