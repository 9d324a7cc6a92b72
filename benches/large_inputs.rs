//! Inputs that used to take quadratic time, at growing sizes: the time per item must stay
//! flat as the size grows. A statement naming N groups checked against the demo tenancy
//! (N findings: none of the groups exists), and a config file of N profiles resolved to its
//! last profile. Run with `cargo bench --bench large_inputs`.

use std::hint::black_box;
use std::time::Instant;

use canopy::config::{ConnectionArgs, Environment, resolve_profile};

fn statement(n: usize) -> String {
    let names: Vec<String> = (0..n).map(|i| format!("G{i}")).collect();
    format!("Allow group {} to read users in tenancy", names.join(", "))
}

fn config(n: usize, key: &std::path::Path) -> String {
    use std::fmt::Write as _;
    let key = key.display();
    let mut text = String::with_capacity(n * 260);
    for i in 0..n {
        let _ = write!(
            text,
            "[P{i}]\nuser=ocid1.user.oc1..aaaaaaaa{i}\nfingerprint=11:22:33:44:55:66:77:88:99:00:aa:bb:cc:dd:ee:ff\nkey_file={key}\ntenancy=ocid1.tenancy.oc1..aaaaaaaa\nregion=us-ashburn-1\n"
        );
    }
    text
}

fn main() {
    let demo = canopy::emulator::seed::demo();
    println!("policy lint of one statement naming N unknown groups (demo tenancy):");
    for n in [25_000, 50_000, 100_000, 150_000] {
        let statements = vec![statement(n)];
        let start = Instant::now();
        let findings = black_box(canopy::policy::lint_policy(
            &demo,
            &demo.tenancy.id,
            &statements,
        ));
        let took = start.elapsed();
        println!(
            "  N = {n:>7}: {:>8.1?} for {} findings, {:.2} µs per subject",
            took,
            findings.len(),
            took.as_secs_f64() * 1e6 / n as f64
        );
    }

    let dir = tempfile::tempdir().expect("temp dir");
    let key = dir.path().join("key.pem");
    std::fs::write(&key, "not read by profile resolution").expect("key file");
    println!("config file of N profiles, resolving the last one:");
    for n in [50_000, 100_000, 200_000] {
        let path = dir.path().join(format!("config-{n}"));
        std::fs::write(&path, config(n, &key)).expect("config written");
        let args = ConnectionArgs {
            config_file: Some(path),
            profile: Some(format!("P{}", n - 1)),
            ..ConnectionArgs::default()
        };
        let env = Environment::from_process();
        let start = Instant::now();
        let resolved = black_box(resolve_profile(&args, &env));
        let took = start.elapsed();
        assert!(resolved.is_ok(), "{:?}", resolved.err());
        println!(
            "  N = {n:>7}: {:>8.1?}, {:.2} µs per profile",
            took,
            took.as_secs_f64() * 1e6 / n as f64
        );
    }
}
