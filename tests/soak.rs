//! The soak at CI scale: random writes through the real worker and client while the emulator
//! injects 429, 500, 503 and dropped answers; afterwards the emulator holds exactly what the
//! writes said (see `soak/driver.rs`). `cargo bench --bench soak` runs it long.

#[path = "soak/driver.rs"]
mod driver;

#[test]
fn writes_under_faults_are_neither_lost_nor_doubled_and_conflicts_are_real() {
    let soak = driver::Soak {
        operations: 300,
        seed: 15,
        faults: driver::FAULTS.parse().expect("fault spec"),
    };
    let report = soak.run();
    println!("{report:#?}");
    assert!(report.problems.is_empty(), "{:#?}", report.problems);
    // The run exercised what it claims to.
    assert!(
        report.faults.dropped > 0 && report.faults.throttled > 0,
        "{report:?}"
    );
    assert!(report.real_conflicts > 0, "{report:?}");
    for kind in [
        "create group",
        "add member",
        "move compartment",
        "update policy",
        "delete compartment",
    ] {
        assert!(
            report.by_kind.get(kind).copied().unwrap_or(0) > 0,
            "{kind}: {report:?}"
        );
    }
}
