//! Read-only mode refuses writes; escape sequences in names are drawn harmlessly.

use std::os::unix::fs::PermissionsExt as _;

use crate::setup;

#[test]
fn read_only_refuses_a_write() {
    let (_rt, world) = setup(canopy::emulator::seed::demo());
    let before = world.emulator.store.snapshot();
    let mut tui = world.launch(&["--read-only"]);
    let screen = tui.wait_for("READ-ONLY");
    assert!(
        !screen.contains("new child"),
        "writes are hidden from the hints:\n{screen}"
    );
    tui.wait_for("▸ Dev");
    tui.keys("c");
    tui.wait_for("read-only mode");
    tui.keys("3");
    crate::harness::wait_for_policies(&tui);
    tui.keys("e");
    tui.wait_for("read-only mode");
    assert!(!tui.screen().contains("Editing"));
    tui.quit();
    assert_eq!(world.emulator.store.snapshot(), before, "nothing changed");
}

#[test]
fn an_escape_sequence_in_a_name_is_drawn_harmlessly() {
    let mut seed = canopy::emulator::seed::demo();
    let victim = seed
        .compartments
        .iter_mut()
        .find(|c| c.name == "Finance")
        .unwrap();
    victim.name = "Fin\x1b]0;pwned\x07\x1b[2J\x1b[31mance".into();
    let (_rt, world) = setup(seed);
    let tui = world.launch(&[]);
    tui.wait_for("Fin␛]0;pwned");
    // The rest of the screen is intact: the clear-screen sequence did not run.
    let screen = tui.wait_for("acme-corp (root)");
    assert!(
        screen.contains("▸ Dev") && screen.contains("Compartments"),
        "{screen}"
    );
    assert_ne!(
        tui.title(),
        "pwned",
        "the title-setting sequence did not reach the terminal"
    );
    tui.quit();
}

#[test]
fn sigterm_and_sighup_save_the_draft_and_restore_the_terminal() {
    for signal in ["TERM", "HUP"] {
        let (_rt, world) = setup(canopy::emulator::seed::demo());
        let mut tui = world.launch(&[]);
        tui.keys("3");
        crate::harness::wait_for_policies(&tui);
        tui.keys("e");
        tui.wait_for("Editing");
        tui.enter();
        tui.keys("Allow group Signalled to read users in tenancy");
        tui.wait_for("Signalled");
        assert!(tui.terminal_taken());
        // At once: the debounced write may not have run yet; the exit path must write it.
        let code = tui.signal_and_wait(signal);
        let number = if signal == "TERM" { 15 } else { 1 };
        assert_eq!(
            code,
            128 + number,
            "SIG{signal}: the exit status says which signal"
        );
        assert!(
            !tui.terminal_taken(),
            "SIG{signal}: the terminal is given back"
        );
        let drafts = std::fs::read_to_string(world.drafts_file()).expect("drafts written");
        assert!(drafts.contains("Signalled"), "SIG{signal}: {drafts}");
        // Unsaved policy text is private: owner-only file in an owner-only directory.
        let mode = |p: &std::path::Path| {
            std::os::unix::fs::PermissionsExt::mode(&std::fs::metadata(p).unwrap().permissions())
                & 0o777
        };
        let file = world.drafts_file();
        assert_eq!(mode(&file), 0o600, "drafts.json");
        assert_eq!(mode(file.parent().unwrap()), 0o700, "its directory");
    }
}

#[test]
fn the_demo_leaves_no_key_in_the_temporary_directory_on_a_signal() {
    for signal in ["TERM", "HUP"] {
        let (_rt, world) = setup(canopy::emulator::seed::demo());
        let mut tui = world.launch_with(&["--demo".to_string()]);
        tui.wait_for("acme-corp");
        let during: Vec<_> = std::fs::read_dir(world.temp_dir()).unwrap().collect();
        assert_eq!(
            during.len(),
            1,
            "the demo's key lives in TMPDIR while it runs"
        );
        tui.signal_and_wait(signal);
        let after: Vec<_> = std::fs::read_dir(world.temp_dir())
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        assert!(after.is_empty(), "SIG{signal} left {after:?}");
    }
}

#[test]
fn a_keymap_with_an_unknown_context_stops_the_start_with_one_clear_message() {
    let (_rt, world) = setup(canopy::emulator::seed::demo());
    let dir = world.home.path().join("config").join("canopy");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("keymap.toml"),
        "[[global]]\nkeys = [\"x\"]\naction = \"quit\"\ndescription = \"q\"\n\n[[identiy]]\nkeys = [\"z\"]\naction = \"up\"\ndescription = \"up\"\n",
    )
    .unwrap();
    let mut tui = world.launch(&[]);
    let screen = tui.wait_for("is not a key context");
    assert_eq!(
        screen.matches("is not a key context").count(),
        1,
        "said once:\n{screen}"
    );
    assert!(
        screen.contains("keymap.toml, line 6: [identiy]"),
        "{screen}"
    );
    assert!(
        screen.contains("identity_users"),
        "the contexts it knows:\n{screen}"
    );
    tui.wait_exit();
    assert!(!tui.terminal_taken(), "the terminal was never taken");
}

/// A start-up warning (here: the config's fingerprint is not the key's) is shown inside the
/// TUI, where it is seen, not printed behind the screen it is about to take.
#[test]
fn a_start_up_warning_is_shown_inside_the_tui() {
    let (_rt, world) = setup(canopy::emulator::seed::demo());
    let config = std::fs::read_to_string(&world.config_file).expect("config");
    let wrong = config
        .lines()
        .map(|l| {
            if l.starts_with("fingerprint") {
                "fingerprint=00:11:22:33:44:55:66:77:88:99:aa:bb:cc:dd:ee:ff".to_string()
            } else {
                l.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    std::fs::write(&world.config_file, wrong).expect("config written");
    let tui = world.launch(&[]);
    tui.wait_for("warning:");
    tui.wait_for("fingerprint");
    tui.quit();
}

/// An encrypted key with no `pass_phrase` in the profile: the passphrase is asked on the
/// terminal, and a mistyped one may be typed again (three tries in all).
#[test]
fn a_mistyped_passphrase_may_be_typed_again_three_times_in_all() {
    let (_rt, world) = setup(canopy::emulator::seed::demo());
    let key = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/keys/pkcs8_encrypted.pem");
    let private = world.home.path().join("encrypted.pem");
    std::fs::copy(&key, &private).expect("key copied");
    let mode = std::fs::Permissions::from_mode(0o600);
    std::fs::set_permissions(&private, mode).expect("key private");
    let config = std::fs::read_to_string(&world.config_file).expect("config");
    let config = config
        .lines()
        .filter(|l| !l.starts_with("pass_phrase"))
        .map(|l| {
            if l.starts_with("key_file") {
                format!("key_file={}", private.display())
            } else {
                l.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    std::fs::write(&world.config_file, config).expect("config written");

    let mut tui = world.launch(&[]);
    tui.wait_for("Private key passphrase for");
    tui.keys("not-it");
    tui.enter();
    tui.wait_for("try again (2 of 3)");
    tui.keys("canopy-test");
    tui.enter();
    tui.wait_for("canopy │");
    tui.quit();

    let mut tui = world.launch(&[]);
    for _ in 0..3 {
        tui.wait_for("Private key passphrase for");
        tui.keys("still-not-it");
        tui.enter();
    }
    assert_eq!(tui.wait_exit(), 1, "three wrong passphrases end the start");
    let screen = tui.screen();
    assert!(screen.contains("try again (3 of 3)"), "{screen}");
}
