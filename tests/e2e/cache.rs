//! Warm start in the real binary: the first run writes the cache (0600); the second draws
//! from it at once, marked "cached", and drops the note once the tenancy has been read again;
//! `--no-cache` neither reads nor writes it.

use std::time::Duration;

use crate::harness::wait_for_file;
use crate::setup;

#[test]
fn the_second_start_draws_from_the_cache_then_reads_the_tenancy_again() {
    let (_rt, world) = setup(canopy::emulator::seed::demo());
    let dir = world.home.path().join(".cache").join("canopy");
    let tui = world.launch(&[]);
    tui.wait_for("acme-corp (root)");
    // The file appears once the whole tenancy has been read (in the background).
    let file = loop_for_file(&dir);
    wait_for_file(&file, |text| text.contains("\"format\":2"));
    tui.quit();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let mode = std::fs::metadata(&file).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }

    // Slow answers: the cached frame is on screen well before the tenancy is read again.
    world
        .emulator
        .faults
        .set_latency(Duration::from_millis(300));
    let tui = world.launch(&[]);
    let first = tui.wait_for(" cached ");
    assert!(first.contains("acme-corp (root)"), "{first}");
    tui.wait_until("the tenancy read again", |s| !s.contains("cached"));
    tui.quit();

    world.emulator.faults.set_latency(Duration::ZERO);
    std::fs::remove_file(&file).unwrap();
    let mut tui = world.launch(&["--no-cache"]);
    tui.wait_for("acme-corp (root)");
    tui.keys("3");
    tui.wait_for("Policies (");
    tui.quit();
    assert!(!file.exists(), "--no-cache writes nothing");
}

/// The one cache file, once it exists.
fn loop_for_file(dir: &std::path::Path) -> std::path::PathBuf {
    let start = std::time::Instant::now();
    loop {
        // The cache is written to a hidden temporary file and renamed into place: only the
        // finished file counts.
        let hidden = |p: &std::path::Path| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with('.'))
        };
        if let Some(file) = std::fs::read_dir(dir).ok().and_then(|d| {
            d.filter_map(|e| e.ok().map(|e| e.path()))
                .find(|p| !hidden(p))
        }) {
            return file;
        }
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "no cache file in {}",
            dir.display()
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}
