//! Every broken config gives one clear error naming the file, profile and key, and saying
//! how to fix it.

use canopy::auth::{KeyError, NoPrompt, RequestSigner};
use canopy::config::{ConfigError, ConnectionArgs, ProblemKind};

use super::fixture::{FINGERPRINT, Home, TENANCY, USER, args, full_profile};

fn message(result: Result<canopy::config::ResolvedProfile, ConfigError>) -> (ConfigError, String) {
    let err = result.unwrap_err();
    let text = err.to_string();
    (err, text)
}

#[test]
fn no_config_file_anywhere() {
    let home = Home::new();
    let (err, text) = message(home.resolve(&args()));
    assert!(matches!(err, ConfigError::NoConfigFile { .. }), "{err:?}");
    assert!(
        text.contains(".oci/config") && text.contains(".oraclebmc/config"),
        "{text}"
    );
    assert!(text.contains("oci setup config"), "{text}");
}

#[test]
fn named_config_file_missing() {
    let home = Home::new();
    let (err, text) = message(home.resolve(&ConnectionArgs {
        config_file: Some(home.path("nope")),
        ..args()
    }));
    assert!(matches!(err, ConfigError::FileNotFound { .. }), "{err:?}");
    assert!(
        text.contains(&home.path("nope").display().to_string()),
        "{text}"
    );
    // The SDK's OCI_CONFIG_FILE must name an existing file too.
    let home = home.var("OCI_CONFIG_FILE", "/nonexistent/oci-config");
    let (err, _) = message(home.resolve(&args()));
    assert!(matches!(err, ConfigError::FileNotFound { .. }), "{err:?}");
}

#[test]
fn unreadable_config_file() {
    let home = Home::new();
    std::fs::create_dir_all(home.path("a-directory")).unwrap();
    let (err, text) = message(home.resolve(&ConnectionArgs {
        config_file: Some(home.path("a-directory")),
        ..args()
    }));
    assert!(matches!(err, ConfigError::Unreadable { .. }), "{err:?}");
    assert!(text.contains("a-directory"), "{text}");
}

#[test]
fn syntax_errors_name_the_line() {
    let home = Home::new();
    home.config("user = ocid1.user.oc1..x\n[DEFAULT]\n");
    let (err, text) = message(home.resolve(&args()));
    assert!(
        matches!(err, ConfigError::Syntax { line: 1, .. }),
        "{err:?}"
    );
    assert!(
        text.contains("line 1") && text.contains("[PROFILE]"),
        "{text}"
    );
    home.config("[DEFAULT]\nregion=iad\nregion=phx\n");
    let (err, _) = message(home.resolve(&args()));
    assert!(
        matches!(err, ConfigError::Syntax { line: 3, .. }),
        "{err:?}"
    );
}

#[test]
fn unknown_profile_lists_the_profiles_that_exist() {
    let home = Home::new();
    home.config(&format!(
        "[DEFAULT]\n{}\n[prod]\n[dev]\n",
        full_profile("iad")
    ));
    let (err, text) = message(home.resolve(&ConnectionArgs {
        profile: Some("staging".into()),
        ..args()
    }));
    assert!(
        matches!(err, ConfigError::ProfileNotFound { .. }),
        "{err:?}"
    );
    assert!(text.contains("'staging'"), "{text}");
    assert!(text.contains("DEFAULT, prod, dev"), "{text}");
    assert!(text.contains("--profile"), "{text}");

    // An empty DEFAULT section is not a usable profile.
    home.config(&format!("[only]\n{}", full_profile("iad")));
    let (err, text) = message(home.resolve(&args()));
    assert!(
        matches!(err, ConfigError::ProfileNotFound { .. }),
        "{err:?}"
    );
    assert!(
        text.contains("'DEFAULT'") && text.contains("there: only"),
        "{text}"
    );
}

#[test]
fn key_content_in_the_file_is_refused() {
    let home = Home::new();
    home.config(&format!(
        "[DEFAULT]\n{}key_content=-----BEGIN PRIVATE KEY-----\n",
        full_profile("iad")
    ));
    let (err, text) = message(home.resolve(&args()));
    assert!(
        matches!(err, ConfigError::KeyContentInFile { .. }),
        "{err:?}"
    );
    assert!(
        text.contains("cannot be specified in a config file for security reasons"),
        "{text}"
    );
    assert!(text.contains("key_file"), "{text}");
}

#[test]
fn all_missing_and_malformed_keys_are_reported_together() {
    let home = Home::new();
    home.config(&format!(
        "[DEFAULT]\nkey_file=~/.oci/key.pem\ntenancy=not-an-ocid\nfingerprint={}\n",
        FINGERPRINT.to_uppercase()
    ));
    let (err, text) = message(home.resolve(&args()));
    let ConfigError::Invalid { problems, .. } = &err else {
        panic!("{err:?}");
    };
    let summary: Vec<(&str, ProblemKind, Option<&str>)> = problems
        .iter()
        .map(|p| (p.key.as_str(), p.kind, p.origin.as_deref()))
        .collect();
    assert_eq!(
        summary,
        [
            ("user", ProblemKind::Missing, None),
            ("fingerprint", ProblemKind::Malformed, Some("line 4")),
            ("tenancy", ProblemKind::Malformed, Some("line 3")),
            ("region", ProblemKind::Missing, None),
        ]
    );
    assert!(text.contains("profile [DEFAULT]"), "{text}");
    assert!(text.contains("user: missing"), "{text}");
    assert!(text.contains("tenancy: malformed (line 3)"), "{text}");
    assert!(text.contains("lower-case hex"), "{text}");
    assert!(text.contains("--region"), "{text}");
}

#[test]
fn missing_key_file_names_file_profile_and_line() {
    let home = Home::new();
    home.config(&format!(
        "[DEFAULT]\nuser={USER}\nfingerprint={FINGERPRINT}\nkey_file=~/.oci/missing.pem\ntenancy={TENANCY}\nregion=iad\n"
    ));
    let (err, text) = message(home.resolve(&args()));
    assert!(
        matches!(err, ConfigError::KeyFileNotFound { .. }),
        "{err:?}"
    );
    assert!(
        text.contains(&home.path(".oci/missing.pem").display().to_string()),
        "{text}"
    );
    assert!(
        text.contains("line 4") && text.contains("oci setup keys"),
        "{text}"
    );
}

#[test]
fn a_key_file_that_is_a_directory_says_so_rather_than_missing() {
    let home = Home::new();
    std::fs::create_dir_all(home.path(".oci/keys")).unwrap();
    home.config(&format!(
        "[DEFAULT]\nuser={USER}\nfingerprint={FINGERPRINT}\nkey_file=~/.oci/keys\ntenancy={TENANCY}\nregion=iad\n"
    ));
    let (err, text) = message(home.resolve(&args()));
    assert!(
        matches!(err, ConfigError::KeyFileNotAFile { .. }),
        "{err:?}"
    );
    assert!(text.contains("is a directory, not a key file"), "{text}");
    assert!(!text.contains("does not exist"), "{text}");
    assert!(text.contains("line 4"), "{text}");
}

#[test]
fn unknown_region_suggests_a_known_one() {
    let home = Home::new();
    home.config(&format!("[DEFAULT]\n{}", full_profile("ashburn")));
    let (err, text) = message(home.resolve(&args()));
    assert!(matches!(err, ConfigError::UnknownRegion { .. }), "{err:?}");
    assert!(
        text.contains("'ashburn'") && text.contains("(from line 6)"),
        "{text}"
    );
    assert!(text.contains("did you mean us-ashburn-1?"), "{text}");
    let (_, text) = message(home.resolve(&ConnectionArgs {
        region: Some("zz".into()),
        ..args()
    }));
    assert!(text.contains("'zz' (from --region)"), "{text}");
}

#[test]
fn bad_endpoint_says_what_is_wrong() {
    let home = Home::new();
    home.config(&format!("[DEFAULT]\n{}", full_profile("iad")));
    for (endpoint, why) in [
        ("127.0.0.1:8080", "not a URL"),
        ("ftp://127.0.0.1", "scheme"),
        ("http://127.0.0.1/other", "path"),
        ("http://127.0.0.1/?a=1", "query"),
    ] {
        let (err, text) = message(home.resolve(&ConnectionArgs {
            endpoint: Some(endpoint.into()),
            ..args()
        }));
        assert!(matches!(err, ConfigError::BadEndpoint { .. }), "{err:?}");
        assert!(text.contains(why), "{endpoint}: {text}");
    }
}

#[test]
fn unsupported_auth_method() {
    let home = Home::new().var("OCI_CLI_AUTH", "instance_principal");
    home.config(&format!("[DEFAULT]\n{}", full_profile("iad")));
    let (err, text) = message(home.resolve(&args()));
    assert!(
        matches!(err, ConfigError::UnsupportedAuth { .. }),
        "{err:?}"
    );
    assert!(text.contains("api_key or security_token"), "{text}");
}

#[test]
fn session_profile_without_token_file() {
    let home = Home::new().var("OCI_CLI_AUTH", "security_token");
    home.config(&format!("[DEFAULT]\n{}", full_profile("iad")));
    let (_, text) = message(home.resolve(&args()));
    assert!(text.contains("security_token_file: missing"), "{text}");
    assert!(text.contains("oci session authenticate"), "{text}");
}

#[test]
fn key_problems_surface_through_the_profile() {
    let home = Home::new();
    let keys = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/keys");
    for (file, expect) in [
        ("public.pem", "holds a public key"),
        ("pkcs8_encrypted.pem", "needs a passphrase"),
        ("fingerprint.txt", "holds no PEM private key"),
    ] {
        home.config(&format!(
            "[DEFAULT]\nuser={USER}\nfingerprint={FINGERPRINT}\nkey_file={}\ntenancy={TENANCY}\nregion=iad\n",
            keys.join(file).display()
        ));
        let profile = home.resolve(&args()).unwrap();
        let err = RequestSigner::from_profile(&profile, &NoPrompt).unwrap_err();
        let text = err.to_string();
        assert!(text.contains(file) && text.contains(expect), "{text}");
        assert!(!matches!(err, KeyError::Unreadable { .. }));
    }
    home.config(&format!(
        "[DEFAULT]\nuser={USER}\nfingerprint={FINGERPRINT}\nkey_file={}\ntenancy={TENANCY}\nregion=iad\npass_phrase=wrong\n",
        keys.join("legacy_aes256.pem").display()
    ));
    let profile = home.resolve(&args()).unwrap();
    let err = RequestSigner::from_profile(&profile, &NoPrompt).unwrap_err();
    assert!(matches!(err, KeyError::WrongPassphrase { .. }), "{err:?}");
}

/// 200,000 profiles took 30 s (every new profile was compared with all before it). The time
/// is measured by `cargo bench --bench large_inputs`; here, the last one resolves and a
/// missing one names a few profiles rather than all 200,000.
#[test]
fn a_config_of_200k_profiles_resolves_and_a_missing_profile_lists_a_few() {
    let home = Home::new();
    let profile = full_profile("iad");
    let mut text = String::new();
    for i in 0..200_000 {
        text += "[P";
        text += &i.to_string();
        text += "]\n";
        text += &profile;
    }
    home.config(&text);
    let resolved = home.resolve(&ConnectionArgs {
        profile: Some("P199999".into()),
        ..args()
    });
    assert_eq!(resolved.unwrap().name, "P199999");
    let (_, text) = message(home.resolve(&ConnectionArgs {
        profile: Some("NOPE".into()),
        ..args()
    }));
    assert!(
        text.contains("P19 and 199980 more"),
        "{}",
        &text[..text.len().min(400)]
    );
    assert!(text.len() < 1000);
}
