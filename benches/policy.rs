//! Policy engine figures: statements parsed per second over a large mixed corpus (the test
//! corpus, valid and invalid, repeated), and the time to build the effective-permission index
//! of the large generated tenancy. Run with `cargo bench --bench policy`.

use std::hint::black_box;
use std::time::{Duration, Instant};

use canopy::policy::{EffectiveIndex, parse_statement};

const CORPUS: [&str; 3] = [
    include_str!("../tests/policy/corpus/01-documented.txt"),
    include_str!("../tests/policy/corpus/02-patterns.txt"),
    include_str!("../tests/policy/corpus/03-invalid.txt"),
];

fn statements() -> Vec<&'static str> {
    CORPUS
        .iter()
        .flat_map(|text| text.lines())
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#') && !l.starts_with("    "))
        .collect()
}

/// Runs `f` repeatedly for at least `budget`, returning (runs, elapsed).
fn repeat(budget: Duration, mut f: impl FnMut()) -> (u32, Duration) {
    let start = Instant::now();
    let mut runs = 0;
    while start.elapsed() < budget || runs < 3 {
        f();
        runs += 1;
    }
    (runs, start.elapsed())
}

fn main() {
    let corpus = statements();
    let bytes: usize = corpus.iter().map(|s| s.len()).sum();
    // Warm up, then measure whole passes over the corpus.
    for s in &corpus {
        black_box(parse_statement(s));
    }
    let (runs, elapsed) = repeat(Duration::from_secs(3), || {
        for s in &corpus {
            black_box(parse_statement(black_box(s)));
        }
    });
    let parsed = f64::from(runs) * corpus.len() as f64;
    println!(
        "parse: {} statements ({} bytes) x {runs} passes in {:.2?}: {:.0} statements/s, {:.1} MB/s",
        corpus.len(),
        bytes,
        elapsed,
        parsed / elapsed.as_secs_f64(),
        f64::from(runs) * bytes as f64 / elapsed.as_secs_f64() / 1e6
    );

    let snapshot = canopy::emulator::seed::large(1.0);
    let statement_count: usize = snapshot.policies.iter().map(|p| p.statements.len()).sum();
    let (runs, elapsed) = repeat(Duration::from_secs(3), || {
        black_box(EffectiveIndex::build(black_box(&snapshot)));
    });
    println!(
        "index: seed::large(1.0) with {} compartments, {} groups, {} policies, {} statements: built in {:.2?} (mean of {runs})",
        snapshot.compartments.len(),
        snapshot.groups.len(),
        snapshot.policies.len(),
        statement_count,
        elapsed / runs
    );
}
