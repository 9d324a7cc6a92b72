//! The long soak: `cargo bench --bench soak` (`SOAK_OPERATIONS`, default 5000; `SOAK_SEED`,
//! default 2026). Random writes through the real worker and client against the emulator with
//! `--faults 429=0.2,500=0.1,503=0.05,drop=0.05`; prints the operations, the faults injected
//! and the lost, doubled or wrongly refused writes (which must be 0). `tests/soak.rs` runs the
//! same at CI scale.

#[path = "../tests/soak/driver.rs"]
mod driver;

fn main() {
    let number = |name: &str, default: u64| {
        std::env::var(name)
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(default)
    };
    let soak = driver::Soak {
        operations: usize::try_from(number("SOAK_OPERATIONS", 5000)).unwrap_or(5000),
        seed: number("SOAK_SEED", 2026),
        faults: driver::FAULTS.parse().expect("fault spec"),
    };
    let report = soak.run();
    let writes: usize = report.by_kind.values().sum();
    println!(
        "soak: {} operations drawn, {writes} writes made in {:.1?} ({} HTTP attempts)",
        report.operations, report.elapsed, report.attempts
    );
    for (kind, n) in &report.by_kind {
        println!("  {kind:<20} {n}");
    }
    let f = report.faults;
    println!(
        "faults injected: {} (429: {}, 500: {}, 503: {}, dropped answers: {})",
        f.total(),
        f.throttled,
        f.internal_errors,
        f.unavailable,
        f.dropped
    );
    println!(
        "real conflicts shown and resolved: {}",
        report.real_conflicts
    );
    println!(
        "lost, doubled or wrongly refused writes: {}",
        report.problems.len()
    );
    for problem in &report.problems {
        println!("  {problem}");
    }
    if !report.problems.is_empty() {
        std::process::exit(1);
    }
}
