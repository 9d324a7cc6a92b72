//! The INI reader against Python's configparser on a deliberately awkward file
//! (`tests/fixtures/config/make_parsed.py`).

use std::collections::BTreeMap;

use canopy::config::ini::Ini;

#[test]
fn reads_tricky_file_like_configparser() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/config");
    let ini = Ini::parse(&std::fs::read_to_string(dir.join("tricky.ini")).unwrap()).unwrap();
    let expected: BTreeMap<String, BTreeMap<String, String>> =
        serde_json::from_str(&std::fs::read_to_string(dir.join("tricky.json")).unwrap()).unwrap();
    let mut names = ini.profile_names();
    names.sort();
    assert_eq!(names, expected.keys().cloned().collect::<Vec<_>>());
    for (section, keys) in &expected {
        let merged: BTreeMap<String, String> = ini
            .merged(section)
            .unwrap()
            .into_iter()
            .map(|e| (e.key, e.value))
            .collect();
        assert_eq!(&merged, keys, "[{section}]");
    }
}
