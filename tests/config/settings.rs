//! canopy's own settings file: defaults, per-profile read-only, keymap path, errors.

use canopy::config::{ConfigError, Settings};

use super::fixture::Home;

#[test]
fn missing_file_means_defaults() {
    let home = Home::new();
    let s = Settings::load(&home.path("none.toml"), &home.env()).unwrap();
    assert_eq!(s, Settings::default());
    assert!(!s.is_read_only("DEFAULT"));
}

#[test]
fn reads_read_only_profiles_and_keymap() {
    let home = Home::new();
    let path = home.write(
        "settings.toml",
        "keymap = \"~/keys.toml\"\n[profiles.prod]\nread_only = true\n[profiles.dev]\n",
    );
    let s = Settings::load(&path, &home.env()).unwrap();
    assert!(s.is_read_only("prod"));
    assert!(!s.is_read_only("dev"));
    assert!(!s.is_read_only("other"));
    assert_eq!(s.keymap, Some(home.path("keys.toml")));
}

#[test]
fn invalid_settings_name_the_file_and_the_problem() {
    let home = Home::new();
    for text in [
        "[profiles.prod]\nread_only = \"yes\"\n",
        "theme = \"dark\"\n",
        "not toml at all",
    ] {
        let path = home.write("settings.toml", text);
        let err = Settings::load(&path, &home.env()).unwrap_err();
        assert!(
            matches!(err, ConfigError::SettingsInvalid { .. }),
            "{err:?}"
        );
        let msg = err.to_string();
        assert!(
            msg.contains("settings.toml") && msg.contains("read_only"),
            "{msg}"
        );
    }
    std::fs::create_dir_all(home.path("dir.toml")).unwrap();
    let err = Settings::load(&home.path("dir.toml"), &home.env()).unwrap_err();
    assert!(
        matches!(err, ConfigError::SettingsUnreadable { .. }),
        "{err:?}"
    );
}

#[test]
fn cache_false_turns_the_warm_start_cache_off() {
    let home = Home::new();
    let path = home.write("settings.toml", "cache = false\n");
    let s = Settings::load(&path, &home.env()).unwrap();
    assert_eq!(s.cache, Some(false));
    assert!(!canopy::app::warm::enabled(false, s.cache));
    assert!(!canopy::app::warm::enabled(true, None), "--no-cache");
    assert!(canopy::app::warm::enabled(false, None), "on by default");
}
