//! Which file, which profile, which region: the happy paths and their precedence.

use canopy::config::{AuthMethod, ConnectionArgs};

use super::fixture::{FINGERPRINT, Home, TENANCY, USER, args, full_profile};

#[test]
fn default_profile_resolves_every_field() {
    let home = Home::new();
    home.config(&format!(
        "[DEFAULT]\n{}pass_phrase = secret\n",
        full_profile("iad")
    ));
    let p = home.resolve(&args()).unwrap();
    assert_eq!(p.name, "DEFAULT");
    assert_eq!(p.config_path, home.path(".oci/config"));
    assert_eq!(p.auth, AuthMethod::ApiKey);
    assert_eq!(p.user.as_deref(), Some(USER));
    assert_eq!(p.tenancy, TENANCY);
    assert_eq!(p.fingerprint, FINGERPRINT);
    assert_eq!(p.key_file, home.path(".oci/key.pem"), "~ is expanded");
    assert_eq!(p.region.as_deref(), Some("us-ashburn-1"));
    assert_eq!(
        p.identity_base_url(),
        "https://identity.us-ashburn-1.oci.oraclecloud.com/20160918"
    );
    assert_eq!(
        p.organizations_base_url(),
        "https://organizations.us-ashburn-1.oci.oraclecloud.com/20230401"
    );
    assert_eq!(
        p.search_base_url(),
        "https://query.us-ashburn-1.oci.oraclecloud.com/20180409"
    );
    assert_eq!(p.pass_phrase.as_deref(), Some("secret"));
    assert!(!p.suppress_permission_warnings);
}

#[test]
fn profiles_inherit_default_and_their_own_keys_win() {
    let home = Home::new();
    home.config(&format!(
        "# made by hand\n[DEFAULT]\n{}\n[demo]\nUSER = ocid1.user.oc1..aaaaaaaademo\nregion : eu-frankfurt-1\n; done\n",
        full_profile("us-phoenix-1")
    ));
    let p = home
        .resolve(&ConnectionArgs {
            profile: Some("demo".into()),
            ..args()
        })
        .unwrap();
    assert_eq!(p.name, "demo");
    assert_eq!(p.user.as_deref(), Some("ocid1.user.oc1..aaaaaaaademo"));
    assert_eq!(p.tenancy, TENANCY, "inherited from DEFAULT");
    assert_eq!(
        p.key_file,
        home.path(".oci/key.pem"),
        "inherited from DEFAULT"
    );
    assert_eq!(p.region.as_deref(), Some("eu-frankfurt-1"));
}

#[test]
fn config_file_precedence() {
    let home = Home::new();
    let explicit = home.write("explicit", &format!("[DEFAULT]\n{}", full_profile("fra")));
    let from_cli_env = home.write("cli-env", &format!("[DEFAULT]\n{}", full_profile("lhr")));
    let from_sdk_env = home.write("sdk-env", &format!("[DEFAULT]\n{}", full_profile("nrt")));
    let legacy = home.write(
        ".oraclebmc/config",
        &format!("[DEFAULT]\n{}", full_profile("syd")),
    );
    let home = home
        .var("OCI_CLI_CONFIG_FILE", from_cli_env.to_str().unwrap())
        .var("OCI_CONFIG_FILE", from_sdk_env.to_str().unwrap());
    let with_flag = ConnectionArgs {
        config_file: Some(explicit.clone()),
        ..args()
    };
    assert_eq!(home.resolve(&with_flag).unwrap().config_path, explicit);
    assert_eq!(home.resolve(&args()).unwrap().config_path, from_cli_env);

    // Without the CLI variable: ~/.oci/config first, then OCI_CONFIG_FILE, then legacy.
    let mut home = home;
    home.vars.retain(|(k, _)| k != "OCI_CLI_CONFIG_FILE");
    home.config(&format!("[DEFAULT]\n{}", full_profile("iad")));
    assert_eq!(
        home.resolve(&args()).unwrap().config_path,
        home.path(".oci/config")
    );
    std::fs::remove_file(home.path(".oci/config")).unwrap();
    assert_eq!(home.resolve(&args()).unwrap().config_path, from_sdk_env);
    home.vars.clear();
    assert_eq!(home.resolve(&args()).unwrap().config_path, legacy);
}

#[test]
fn config_file_flag_expands_tilde() {
    let home = Home::new();
    home.write(
        "cfg/oci.ini",
        &format!("[DEFAULT]\n{}", full_profile("iad")),
    );
    let p = home
        .resolve(&ConnectionArgs {
            config_file: Some("~/cfg/oci.ini".into()),
            ..args()
        })
        .unwrap();
    assert_eq!(p.config_path, home.path("cfg/oci.ini"));
}

#[test]
fn profile_precedence_flag_env_rc_default() {
    let home = Home::new();
    let sections =
        "[flag]\nregion=flag-region-1\n[env]\nregion=env-region-1\n[rc]\nregion=rc-region-1\n";
    let text = format!("[DEFAULT]\n{}{sections}", full_profile("iad"));
    home.config(&text);
    home.write(
        ".oci/oci_cli_rc",
        "[OCI_CLI_SETTINGS]\ndefault_profile = rc\n\n[OCI_CLI_CANNED_QUERIES]\nq=data[*].{id: id}\n",
    );
    let region = |home: &Home, args: &ConnectionArgs| home.resolve(args).unwrap().region.unwrap();
    let flag = ConnectionArgs {
        profile: Some("flag".into()),
        ..args()
    };
    let home = home.var("OCI_CLI_PROFILE", "env");
    assert_eq!(region(&home, &flag), "flag-region-1");
    assert_eq!(region(&home, &args()), "env-region-1");
    let mut home = home;
    home.vars.clear();
    assert_eq!(region(&home, &args()), "rc-region-1");
    std::fs::remove_file(home.path(".oci/oci_cli_rc")).unwrap();
    assert_eq!(region(&home, &args()), "us-ashburn-1");
}

#[test]
fn region_precedence_and_resolution() {
    let home = Home::new();
    home.config(&format!("[DEFAULT]\n{}", full_profile("PHX")));
    assert_eq!(
        home.resolve(&args()).unwrap().region.as_deref(),
        Some("us-phoenix-1"),
        "short codes are case-insensitive"
    );
    let flag = ConnectionArgs {
        region: Some("lfi".into()),
        ..args()
    };
    let home = home.var("OCI_CLI_REGION", "fra");
    let p = home.resolve(&flag).unwrap();
    assert_eq!(
        p.identity_endpoint,
        "https://identity.us-langley-1.oci.oraclegovcloud.com"
    );
    assert_eq!(
        home.resolve(&args()).unwrap().region.as_deref(),
        Some("eu-frankfurt-1")
    );

    // OCI_REGION only fills in when the profile has no region.
    let home = Home::new().var("OCI_REGION", "ltn");
    home.config(&format!(
        "[DEFAULT]\nuser={USER}\nfingerprint={FINGERPRINT}\nkey_file=~/.oci/key.pem\ntenancy={TENANCY}\n"
    ));
    assert_eq!(
        home.resolve(&args()).unwrap().identity_endpoint,
        "https://identity.uk-gov-london-1.oci.oraclegovcloud.uk"
    );
}

#[test]
fn unknown_regions_fall_back_like_the_sdk() {
    let home = Home::new();
    home.config(&format!("[DEFAULT]\n{}", full_profile("foo-bar-1")));
    assert_eq!(
        home.resolve(&args()).unwrap().identity_endpoint,
        "https://identity.foo-bar-1.oci.oraclecloud.com"
    );
    let home = home.var("OCI_DEFAULT_REALM", "example.com");
    assert_eq!(
        home.resolve(&args()).unwrap().organizations_endpoint,
        "https://organizations.foo-bar-1.oci.example.com"
    );
    home.config(&format!(
        "[DEFAULT]\n{}",
        full_profile("xx-lab-1.oci.example.net")
    ));
    assert_eq!(
        home.resolve(&args()).unwrap().identity_endpoint,
        "https://identity.xx-lab-1.oci.example.net"
    );
    let home = home.var(
        "OCI_REGION_METADATA",
        r#"{"realmKey":"oc77","realmDomainComponent":"lab.example","regionKey":"LAB","regionIdentifier":"xx-lab-2"}"#,
    );
    home.config(&format!("[DEFAULT]\n{}", full_profile("lab")));
    assert_eq!(
        home.resolve(&args()).unwrap().identity_endpoint,
        "https://identity.xx-lab-2.oci.lab.example"
    );
}

#[test]
fn endpoint_overrides_region_and_makes_it_optional() {
    let home = Home::new();
    home.config(&format!(
        "[DEFAULT]\nuser={USER}\nfingerprint={FINGERPRINT}\nkey_file=~/.oci/key.pem\ntenancy={TENANCY}\n"
    ));
    let with_endpoint = ConnectionArgs {
        endpoint: Some("http://127.0.0.1:18765/20160918/".into()),
        ..args()
    };
    let p = home.resolve(&with_endpoint).unwrap();
    assert_eq!(p.region, None);
    assert_eq!(p.identity_base_url(), "http://127.0.0.1:18765/20160918");
    assert_eq!(
        p.organizations_base_url(),
        "http://127.0.0.1:18765/20230401"
    );
    assert_eq!(p.search_base_url(), "http://127.0.0.1:18765/20180409");
    let home = home.var("OCI_CLI_ENDPOINT", "http://127.0.0.1:9");
    assert_eq!(
        home.resolve(&args()).unwrap().identity_endpoint,
        "http://127.0.0.1:9"
    );
    assert_eq!(
        home.resolve(&with_endpoint).unwrap().identity_endpoint,
        "http://127.0.0.1:18765",
        "the flag beats the variable"
    );
}

#[test]
fn session_profiles_select_token_auth_and_expand_paths() {
    let home = Home::new();
    home.config(&format!(
        "[DEFAULT]\n{}\n[session]\nfingerprint={FINGERPRINT}\nkey_file=~/.oci/key.pem\ntenancy={TENANCY}\nregion=iad\nsecurity_token_file=~/.oci/sessions/token\n",
        full_profile("iad")
    ));
    // DEFAULT's user is inherited, so pick the method explicitly as the CLI requires.
    let home = home.var("OCI_CLI_AUTH", "security_token");
    let p = home
        .resolve(&ConnectionArgs {
            profile: Some("session".into()),
            ..args()
        })
        .unwrap();
    assert_eq!(p.auth, AuthMethod::SecurityToken);
    assert_eq!(
        p.security_token_file,
        Some(home.path(".oci/sessions/token"))
    );

    // A profile with a token file and no user at all is a session profile by itself.
    let solo = Home::new();
    solo.config(&format!(
        "[DEFAULT]\nfingerprint={FINGERPRINT}\nkey_file=~/.oci/key.pem\ntenancy={TENANCY}\nregion=iad\nsecurity_token_file=~/t\n"
    ));
    assert_eq!(
        solo.resolve(&args()).unwrap().auth,
        AuthMethod::SecurityToken
    );
}

#[test]
fn permission_warning_suppression_is_read_from_the_environment() {
    let home = Home::new().var("OCI_CLI_SUPPRESS_FILE_PERMISSIONS_WARNING", "True");
    home.config(&format!("[DEFAULT]\n{}", full_profile("iad")));
    assert!(home.resolve(&args()).unwrap().suppress_permission_warnings);
}

#[test]
fn cli_variables_override_profile_keys() {
    let home = Home::new()
        .var("OCI_CLI_USER", "ocid1.user.oc1..aaaaaaaafromenv")
        .var("OCI_CLI_PASSPHRASE", "from-env")
        .var("OCI_CLI_TENANCY", "bad");
    home.config(&format!(
        "[DEFAULT]\n{}pass_phrase=file\n",
        full_profile("iad")
    ));
    let err = home.resolve(&args()).unwrap_err().to_string();
    assert!(
        err.contains("tenancy: malformed (OCI_CLI_TENANCY)"),
        "{err}"
    );
    let mut home = home;
    home.vars.retain(|(k, _)| k != "OCI_CLI_TENANCY");
    let p = home.resolve(&args()).unwrap();
    assert_eq!(p.user.as_deref(), Some("ocid1.user.oc1..aaaaaaaafromenv"));
    assert_eq!(p.pass_phrase.as_deref(), Some("from-env"));
    assert_eq!(p.tenancy, TENANCY);
}
