//! Inputs that took quadratic time: a statement naming 150,000 groups took 40 s in
//! `policy check --snapshot`. Each finding must still point at its own subject. (The time
//! is measured by `cargo bench --bench large_inputs`; here only the answers are checked, on
//! the real binary, which before the fix did not finish in CI's time.)

use std::process::Command;

#[test]
fn a_statement_naming_150k_groups_gets_one_finding_per_group_at_its_column() {
    const N: usize = 150_000;
    let dir = tempfile::tempdir().unwrap();
    let snapshot = dir.path().join("demo.json");
    let export = Command::new(env!("CARGO_BIN_EXE_canopy"))
        .args(["export", "--demo", "--output", snapshot.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(export.status.success());
    let names: Vec<String> = (0..N).map(|i| format!("G{i}")).collect();
    let statement = format!(
        "Allow group {} to read users in tenancy\n",
        names.join(", ")
    );
    let file = dir.path().join("big.txt");
    std::fs::write(&file, &statement).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_canopy"))
        .args(["policy", "check", "--snapshot", snapshot.to_str().unwrap()])
        .arg(&file)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let unknown: Vec<&str> = stdout
        .lines()
        .filter(|l| l.contains("no group named"))
        .collect();
    assert_eq!(unknown.len(), N);
    let last = statement.find(&format!("G{}", N - 1)).unwrap() + 1;
    assert!(
        unknown[N - 1].starts_with(&format!("1:{last}: error: no group named `G{}`", N - 1)),
        "{}",
        unknown[N - 1]
    );
}
