use super::{Cached, FORMAT, Found, age_label, clear, file_in, read, write};

fn cached(tenancy: &str) -> Cached {
    let snapshot = crate::emulator::seed::demo();
    Cached {
        format: FORMAT,
        canopy: "test".into(),
        saved_at: 1_000,
        profile: "DEFAULT".into(),
        tenancy_id: tenancy.into(),
        snapshot,
    }
}

#[test]
fn a_written_snapshot_reads_back_private_and_whole() {
    let dir = tempfile::tempdir().unwrap();
    let demo = cached("ocid1.tenancy.oc1..abc");
    let path = file_in(&dir.path().join("canopy"), "DEFAULT", &demo.tenancy_id);
    write(&path, &demo.borrowed()).unwrap();
    let Found::Snapshot(back) = read(&path, &demo.tenancy_id) else {
        panic!("read back")
    };
    assert_eq!(back.snapshot, demo.snapshot);
    assert_eq!(back.saved_at, 1_000);
    // One line per thousand records at most: the file is read a line at a time.
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.lines().count() > 2, "head, the rest, then the lists");
    assert!(text.lines().all(|line| line.len() < 1_000_000));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&path), 0o600);
        assert_eq!(mode(path.parent().unwrap()), 0o700);
    }
    assert_eq!(clear(path.parent().unwrap()).unwrap(), 1);
    assert!(matches!(read(&path, &demo.tenancy_id), Found::Nothing));
}

#[test]
fn corrupt_old_or_foreign_files_are_ignored_with_a_note() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("c.json");
    std::fs::write(&path, b"{ not json").unwrap();
    let Found::Ignored(note) = read(&path, "t") else {
        panic!()
    };
    assert!(note.contains("damaged"), "{note}");
    std::fs::write(&path, br#"{"format": 0, "canopy": "0.1.0"}"#).unwrap();
    let Found::Ignored(note) = read(&path, "t") else {
        panic!()
    };
    assert!(note.contains("another format"), "{note}");
    // The first format: the whole file one JSON document.
    std::fs::write(
        &path,
        br#"{"format":1,"canopy":"0.1.0","snapshot":{"tenancy":{}}}"#,
    )
    .unwrap();
    let Found::Ignored(note) = read(&path, "t") else {
        panic!()
    };
    assert!(note.contains("canopy 0.1.0 in another format"), "{note}");
    // Cut short in the middle of its last line, then at the end of a line.
    let whole = cached("t");
    write(&path, &whole.borrowed()).unwrap();
    let text = std::fs::read(&path).unwrap();
    std::fs::write(&path, &text[..text.len() - 40]).unwrap();
    let Found::Ignored(note) = read(&path, "t") else {
        panic!()
    };
    assert!(note.contains("damaged"), "{note}");
    let lines: Vec<&[u8]> = text.split_inclusive(|b| *b == b'\n').collect();
    std::fs::write(&path, lines[..lines.len() - 1].concat()).unwrap();
    let Found::Ignored(note) = read(&path, "t") else {
        panic!()
    };
    assert!(note.contains("before its last list"), "{note}");
    write(&path, &cached("ocid1.tenancy.oc1..other").borrowed()).unwrap();
    let Found::Ignored(note) = read(&path, "ocid1.tenancy.oc1..mine") else {
        panic!()
    };
    assert!(note.contains("another tenancy"), "{note}");
    assert!(matches!(
        read(&dir.path().join("none.json"), "t"),
        Found::Nothing
    ));
}

#[test]
fn file_names_are_safe_and_ages_read_naturally() {
    let p = file_in(
        std::path::Path::new("/c"),
        "my/profile",
        "ocid1.tenancy.oc1..aaaaaaaabbbbbbbbcccccccc",
    );
    let name = p.file_name().unwrap().to_string_lossy().into_owned();
    assert!(
        name.starts_with("my_profile-") && !name.contains('/'),
        "{name}"
    );
    assert_eq!(age_label(0, 30), "cached just now");
    assert_eq!(age_label(0, 5 * 60), "cached 5 min ago");
    assert_eq!(age_label(0, 3 * 3600), "cached 3 h ago");
    assert_eq!(age_label(0, 3 * 86400), "cached 3 d ago");
}
