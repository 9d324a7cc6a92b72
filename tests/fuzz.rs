//! Fuzz targets for the parsers that read what users and files hand canopy: the OCI config
//! file (INI and profile resolution), PEM private keys, policy statements (parse, check and
//! lint) and seed snapshots (parse, load into the emulator's store, index). Each takes real
//! samples changed by random edits (see `fuzz/mutate.rs`) and must answer with a value or an
//! error that says something, never a panic or a hang.
//!
//! CI runs a short pass (300 cases per target); `scripts/fuzz [CASES]` runs a long one.

#[path = "fuzz/mutate.rs"]
mod mutate;

use std::path::{Path, PathBuf};
use std::sync::LazyLock;
use std::time::Duration;

use canopy::auth::{NoPrompt, parse_private_key};
use canopy::config::ini::Ini;
use canopy::config::{ConnectionArgs, Environment, resolve_profile};
use canopy::policy::TenancyLinter;
use proptest::prelude::*;

fn fixture(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(relative)
}

/// A home directory with a key, shared by the config cases (each rewrites the config).
static HOME: LazyLock<tempfile::TempDir> = LazyLock::new(|| {
    let dir = tempfile::tempdir().expect("temp home");
    std::fs::create_dir_all(dir.path().join(".oci")).expect("~/.oci");
    std::fs::copy(fixture("keys/pkcs8.pem"), dir.path().join(".oci/key.pem")).expect("key");
    dir
});

fn config_samples() -> Vec<String> {
    let profile = "user=ocid1.user.oc1..aaaaaaaauser\nfingerprint=07:de:6c:ee:a8:e2:49:d0:3d:87:43:4d:9e:1c:69:5f\nkey_file=~/.oci/key.pem\ntenancy=ocid1.tenancy.oc1..aaaaaaaatenancy\nregion=us-ashburn-1\n";
    vec![
        format!("[DEFAULT]\n{profile}"),
        format!("[DEFAULT]\n{profile}\n[prod]\nregion = eu-frankfurt-1\npass_phrase: x\n"),
        format!(
            "# comment\n[DEFAULT]\nregion=iad\n[SESSION]\n{profile}security_token_file=~/.oci/token\n"
        ),
        format!("[ops]\n{profile}note = a\n  continued\n"),
    ]
}

fn key_samples() -> Vec<String> {
    std::fs::read_dir(fixture("keys"))
        .expect("key fixtures")
        .filter_map(|e| {
            let path = e.ok()?.path();
            (path.extension()? == "pem").then(|| std::fs::read_to_string(path).ok())?
        })
        .collect()
}

fn statement_samples() -> Vec<String> {
    ["01-documented.txt", "02-patterns.txt", "03-invalid.txt"]
        .iter()
        .flat_map(|f| {
            let text = std::fs::read_to_string(
                Path::new(env!("CARGO_MANIFEST_DIR"))
                    .join("tests/policy/corpus")
                    .join(f),
            )
            .expect("corpus");
            text.lines()
                .filter(|l| !l.trim().is_empty() && !l.starts_with('#') && !l.starts_with("    "))
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .collect()
}

/// A small tenancy as a snapshot file holds it (the demo's first few of everything).
fn seed_samples() -> Vec<String> {
    let mut s = canopy::emulator::seed::demo();
    s.compartments.truncate(6);
    s.users.truncate(6);
    s.groups.truncate(4);
    s.memberships.truncate(6);
    s.policies.truncate(4);
    s.tag_namespaces.truncate(2);
    s.tags.truncate(3);
    s.tag_defaults.truncate(2);
    vec![serde_json::to_string_pretty(&s).expect("snapshot serialises")]
}

static LINTER: LazyLock<TenancyLinter> =
    LazyLock::new(|| TenancyLinter::new(std::sync::Arc::new(canopy::emulator::seed::demo())));

proptest! {
    #![proptest_config(mutate::config())]

    #[test]
    fn config_files(text in mutate::mutated(config_samples(), 8)) {
        if let Err(e) = Ini::parse(&text) {
            prop_assert!(e.line >= 1 && !e.reason.is_empty());
        }
        let path = HOME.path().join(".oci/config");
        std::fs::write(&path, &text).expect("config written");
        let env = Environment::new(Some(HOME.path().to_path_buf()), Vec::<(String, String)>::new());
        for profile in [None, Some("prod".to_string())] {
            let args = ConnectionArgs { config_file: Some(path.clone()), profile, ..ConnectionArgs::default() };
            if let Err(e) = resolve_profile(&args, &env) {
                prop_assert!(!e.to_string().is_empty());
            }
        }
    }

    #[test]
    fn pem_keys(text in mutate::mutated(key_samples(), 6), passphrase in proptest::option::of(Just("canopy-test"))) {
        match parse_private_key(Path::new("key.pem"), &text, passphrase, &NoPrompt) {
            Ok(key) => prop_assert!(rsa::traits::PublicKeyParts::size(&key) > 0),
            Err(e) => prop_assert!(!e.to_string().is_empty()),
        }
    }

    #[test]
    fn policy_statements(text in mutate::mutated(statement_samples(), 6)) {
        let (_, diagnostics) = canopy::policy::parse_statement(&text);
        for d in &diagnostics {
            prop_assert!(d.span.start <= d.span.end && d.span.end <= text.len(), "{d:?}");
            prop_assert!(d.line >= 1 && d.column >= 1 && !d.message.is_empty());
        }
        let tenancy = LINTER.snapshot().tenancy.id.clone();
        for finding in LINTER.lint(&tenancy, None, std::slice::from_ref(&text)) {
            prop_assert!(finding.diagnostic.span.end <= text.len());
        }
        let _ = canopy::policy::highlight(&text);
    }

    #[test]
    fn seed_snapshots(text in mutate::mutated(seed_samples(), 10)) {
        let path = HOME.path().join("seed.json");
        std::fs::write(&path, &text).expect("seed written");
        match canopy::emulator::seed::from_file(&path) {
            Ok(snapshot) => {
                let _ = canopy::policy::EffectiveIndex::build(&snapshot);
                let store = canopy::emulator::Store::from_snapshot(snapshot, "us-ashburn-1", Duration::ZERO);
                let _ = store.snapshot();
            }
            Err(e) => prop_assert!(!e.to_string().is_empty()),
        }
    }
}
