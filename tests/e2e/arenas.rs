//! The terminal UI runs with two malloc arenas (glibc reads the limit only at start, so the
//! TUI starts itself once more with it set): the same process, still drawing.

#[cfg(all(target_os = "linux", target_env = "gnu"))]
#[test]
fn the_terminal_ui_runs_with_two_malloc_arenas() {
    let (_rt, world) = crate::setup(canopy::emulator::seed::demo());
    let tui = world.launch(&[]);
    tui.wait_for("acme-corp (root)");
    let pid = tui.pid().expect("the TUI's process");
    let environ = std::fs::read(format!("/proc/{pid}/environ")).unwrap();
    let vars: Vec<&[u8]> = environ.split(|b| *b == 0).collect();
    assert!(
        vars.iter()
            .any(|v| *v == b"GLIBC_TUNABLES=glibc.malloc.arena_max=2"),
        "{:?}",
        String::from_utf8_lossy(&environ)
    );
    tui.quit();
}
