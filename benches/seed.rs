//! Seed figures: how long the demo tenancy takes to load and the large tenancy to generate.
//! Run with `cargo bench --bench seed`; prints one line per figure.

use std::hint::black_box;
use std::time::{Duration, Instant};

use canopy::emulator::seed;

/// Runs `f` `runs` times and returns the fastest and the median wall time.
fn time<T>(runs: usize, mut f: impl FnMut() -> T) -> (Duration, Duration) {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            black_box(f());
            start.elapsed()
        })
        .collect();
    times.sort();
    (times[0], times[runs / 2])
}

fn report(what: &str, (best, median): (Duration, Duration)) {
    println!(
        "{what:<40} best {:>9.3} ms   median {:>9.3} ms",
        best.as_secs_f64() * 1e3,
        median.as_secs_f64() * 1e3
    );
}

fn main() {
    report("demo: parse embedded asset", time(200, seed::demo));
    for scale in [0.1, 1.0] {
        report(
            &format!("large:{scale}: generate"),
            time(5, || seed::large(scale)),
        );
    }
    let large = seed::large(1.0);
    println!(
        "large:1 contents: {} compartments, {} users, {} groups, {} memberships, {} policies \
         ({} statements), {} tag namespaces, {} tags, {} tag defaults, {} dynamic groups",
        large.compartments.len(),
        large.users.len(),
        large.groups.len(),
        large.memberships.len(),
        large.policies.len(),
        large
            .policies
            .iter()
            .map(|p| p.statements.len())
            .sum::<usize>(),
        large.tag_namespaces.len(),
        large.tags.len(),
        large.tag_defaults.len(),
        large.dynamic_groups.len(),
    );
    let mut json = String::new();
    report(
        "large:1: serialize to JSON",
        time(3, || {
            json = serde_json::to_string(&large).unwrap_or_default();
        }),
    );
    println!("large:1 as JSON: {:.1} MB", json.len() as f64 / 1e6);
    report(
        "large:1: parse JSON (as --seed FILE)",
        time(3, || {
            serde_json::from_str::<canopy::model::Snapshot>(&json).ok()
        }),
    );
    report("large:10: generate", time(1, || seed::large(10.0)));
}
