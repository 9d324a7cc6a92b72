//! Policy engine figures: statements parsed per second over a large mixed corpus (the test
//! corpus, valid and invalid, repeated), and the time to build the effective-permission index
//! of the large generated tenancy. Run with `cargo bench --bench policy`.

use std::hint::black_box;
use std::time::{Duration, Instant};

use canopy::policy::{EffectiveIndex, parse_statement, parse_syntax};

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
        "parse + statement checks: {} statements ({} bytes) x {runs} passes in {:.2?}: {:.0} statements/s, {:.1} MB/s",
        corpus.len(),
        bytes,
        elapsed,
        parsed / elapsed.as_secs_f64(),
        f64::from(runs) * bytes as f64 / elapsed.as_secs_f64() / 1e6
    );

    let (runs, elapsed) = repeat(Duration::from_secs(3), || {
        for s in &corpus {
            let _ = black_box(parse_syntax(black_box(s)));
        }
    });
    println!(
        "syntax only: {:.0} statements/s",
        f64::from(runs) * corpus.len() as f64 / elapsed.as_secs_f64()
    );

    let snapshot = canopy::emulator::seed::large(1.0);
    let statement_count: usize = snapshot.policies.iter().map(|p| p.statements.len()).sum();
    let large_statements: Vec<&str> = snapshot
        .policies
        .iter()
        .flat_map(|p| p.statements.iter().map(String::as_str))
        .collect();
    let start = Instant::now();
    for s in &large_statements {
        let _ = black_box(parse_syntax(s));
    }
    println!(
        "  of which parsing its {} statements: {:.2?}",
        large_statements.len(),
        start.elapsed()
    );
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

    // The TUI editor's lint: the tenancy is indexed once (in the worker), then each change
    // of the text lints the whole policy being edited against it.
    let snapshot = std::sync::Arc::new(snapshot);
    let linter = canopy::policy::TenancyLinter::new(snapshot.clone());
    let policy = snapshot
        .policies
        .iter()
        .max_by_key(|p| p.statements.len())
        .expect("the large seed has policies");
    let (runs, elapsed) = repeat(Duration::from_secs(3), || {
        black_box(linter.lint(
            &policy.compartment_id,
            Some(&policy.id),
            black_box(&policy.statements),
        ));
    });
    println!(
        "editor lint: a {}-statement policy against seed::large(1.0): {:.2?} per edit (mean of {runs})",
        policy.statements.len(),
        elapsed / runs
    );

    // One question, decided: deny applied, near misses gathered (`canopy audit --principal`).
    let index = linter.index();
    let user = snapshot.users[5].name.clone();
    let deep = snapshot
        .compartments
        .iter()
        .map(|c| c.id.clone())
        .max_by_key(|id| index.tree().self_and_ancestors(id).len())
        .expect("compartments");
    let question = canopy::policy::decide::Question {
        principal: index.principal(&user).expect("a user"),
        compartment: deep.clone(),
        want: canopy::policy::decide::Want::Operation("UpdateUser".into()),
        values: canopy::policy::decide::RequestValues::default(),
    };
    let (runs, elapsed) = repeat(Duration::from_secs(3), || {
        black_box(
            index
                .decide(black_box(&question))
                .expect("a known operation"),
        );
    });
    println!(
        "one question (can {user} call UpdateUser in {}, {} levels deep): {:.2?} per answer on seed::large(1.0), index built once (mean of {runs})",
        index.tree().display(&deep),
        index.tree().self_and_ancestors(&deep).len(),
        elapsed / runs
    );
}
