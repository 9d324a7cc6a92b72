use std::path::Path;

use super::{FileError, private_dir, write_private};

fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt as _;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[test]
fn a_new_file_and_its_new_directory_are_owner_only() {
    let dir = tempfile::tempdir().unwrap();
    let sub = dir.path().join("canopy").join("cache");
    private_dir(&sub).unwrap();
    assert_eq!(mode(&sub), 0o700);
    let file = sub.join("x.json");
    write_private(&file, b"one").unwrap();
    assert_eq!(mode(&file), 0o600);
    write_private(&file, b"two").unwrap();
    assert_eq!(
        std::fs::read(&file).unwrap(),
        b"two",
        "a regular file is replaced"
    );
    assert_eq!(mode(&file), 0o600);
}

#[test]
fn a_fifo_a_directory_and_a_symlink_are_refused_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("fifo");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    if made.is_ok_and(|s| s.success()) {
        let err = write_private(&fifo, b"x").unwrap_err();
        assert!(
            matches!(err, FileError::NotRegular { what, .. } if what.contains("FIFO")),
            "{err}"
        );
        assert!(
            !std::fs::symlink_metadata(&fifo)
                .unwrap()
                .file_type()
                .is_file()
        );
    }
    let err = write_private(dir.path(), b"x").unwrap_err();
    assert!(err.to_string().contains("a directory"), "{err}");
    let target = dir.path().join("target");
    std::fs::write(&target, b"keep").unwrap();
    let link = dir.path().join("link");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    let err = write_private(&link, b"x").unwrap_err();
    assert!(matches!(err, FileError::Symlink { .. }), "{err}");
    assert!(err.to_string().contains("symbolic link"));
    assert_eq!(
        std::fs::read(&target).unwrap(),
        b"keep",
        "the target is untouched"
    );
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
}

#[test]
fn a_device_is_refused() {
    let err = write_private(Path::new("/dev/null"), b"x").unwrap_err();
    assert!(err.to_string().contains("a device"), "{err}");
    assert!(
        !std::fs::metadata("/dev/null")
            .unwrap()
            .file_type()
            .is_file(),
        "/dev/null is still a device"
    );
}
