//! `--seed` parsing and loading snapshot files, including the errors a user sees.

use std::path::PathBuf;

use canopy::emulator::seed::{self, SeedError, SeedSource};

#[test]
fn seed_names_parse() {
    assert_eq!("demo".parse::<SeedSource>().unwrap(), SeedSource::Demo);
    assert_eq!(
        "large".parse::<SeedSource>().unwrap(),
        SeedSource::Large { scale: 1.0 }
    );
    assert_eq!(
        "large:0.1".parse::<SeedSource>().unwrap(),
        SeedSource::Large { scale: 0.1 }
    );
    assert_eq!(
        "large:20".parse::<SeedSource>().unwrap(),
        SeedSource::Large { scale: 20.0 }
    );
    assert_eq!(
        "./tenancy.json".parse::<SeedSource>().unwrap(),
        SeedSource::File(PathBuf::from("./tenancy.json"))
    );
}

#[test]
fn bad_scales_are_refused_with_the_whole_argument_named() {
    for bad in [
        "large:",
        "large:abc",
        "large:0",
        "large:-1",
        "large:21",
        "large:NaN",
        "large:inf",
    ] {
        match bad.parse::<SeedSource>() {
            Err(e @ SeedError::BadScale(_)) => {
                let text = e.to_string();
                assert!(text.contains(bad), "{text}");
                assert!(text.contains("large:SCALE"), "{text}");
            }
            other => panic!("{bad}: {other:?}"),
        }
    }
}

#[test]
fn an_empty_seed_is_refused() {
    let err = "".parse::<SeedSource>().unwrap_err();
    assert!(matches!(err, SeedError::Empty));
    assert!(err.to_string().contains("demo"));
}

#[test]
fn a_missing_file_says_which_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nope.json");
    let err = SeedSource::File(path.clone()).load().unwrap_err();
    assert!(matches!(err, SeedError::Read { .. }), "{err:?}");
    let text = err.to_string();
    assert!(text.contains("cannot read seed file"), "{text}");
    assert!(text.contains(&path.display().to_string()), "{text}");
}

#[test]
fn a_malformed_file_says_it_is_not_a_snapshot() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("broken.json");
    std::fs::write(&path, "{\"tenancy\": {\"id\": 1}").unwrap();
    let err = seed::from_file(&path).unwrap_err();
    assert!(matches!(err, SeedError::Parse { .. }), "{err:?}");
    let text = err.to_string();
    assert!(text.contains("is not a tenancy snapshot"), "{text}");
    assert!(text.contains(&path.display().to_string()), "{text}");
    // serde's own position, so the user can find the fault.
    assert!(text.contains("line 1"), "{text}");
}

#[test]
fn a_written_snapshot_loads_back_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("demo.json");
    let demo = seed::demo();
    std::fs::write(&path, serde_json::to_string_pretty(&demo).unwrap()).unwrap();
    let loaded = format!("{}", path.display())
        .parse::<SeedSource>()
        .unwrap()
        .load()
        .unwrap();
    assert_eq!(loaded, demo);
}

/// The message a user sees for a broken seed, from the real binary: the cause said once.
#[test]
fn a_broken_seed_file_is_reported_once_on_stderr() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.json");
    std::fs::write(&bad, "{\"tenancy\": 5").unwrap();
    let missing = dir.path().join("missing.json");
    for (path, says) in [
        (&bad, "expected struct Tenancy"),
        (&missing, "No such file"),
    ] {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_canopy"))
            .args([
                "emulator",
                "--seed",
                path.to_str().unwrap(),
                "--listen",
                "127.0.0.1:0",
            ])
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{err}");
        assert_eq!(err.matches(says).count(), 1, "said once: {err}");
        assert_eq!(err.lines().count(), 1, "{err}");
    }
}
