//! The demo tenancy's credentials and sign-in settings: owners exist, OCI's per-user limits
//! hold, capabilities are respected, MFA devices match `isMfaActivated`, fingerprints are the
//! keys' own, and the spread docs/seed.md describes is there (an old key, a blocked user's
//! token, a network policy naming a network source).

use std::collections::{HashMap, HashSet};

use canopy::emulator::seed;
use canopy::model::{LifecycleState, Snapshot, User, check_cidr};

use super::integrity::is_realistic_ocid;

/// The demo's "today".
const TODAY: &str = "2026-11-26";

fn user<'a>(s: &'a Snapshot, login: &str) -> &'a User {
    s.users
        .iter()
        .find(|u| u.name == login)
        .unwrap_or_else(|| panic!("no user {login}"))
}

fn days_between(from: &str, to: &str) -> i64 {
    let date = |d: &str| {
        time::Date::parse(
            &d[..10],
            &time::format_description::well_known::Iso8601::DATE,
        )
        .unwrap()
    };
    (date(to) - date(from)).whole_days()
}

/// Every credential's owner, with the kind, for the shared checks.
fn owners(s: &Snapshot) -> Vec<(&'static str, &str, &str)> {
    let mut all: Vec<(&'static str, &str, &str)> = Vec::new();
    all.extend(
        s.api_keys
            .iter()
            .map(|k| ("API key", k.user_id.as_str(), k.time_created.as_str())),
    );
    all.extend(
        s.auth_tokens
            .iter()
            .map(|t| ("auth token", t.user_id.as_str(), t.time_created.as_str())),
    );
    all.extend(s.swift_passwords.iter().map(|t| {
        (
            "Swift password",
            t.user_id.as_str(),
            t.time_created.as_str(),
        )
    }));
    all.extend(s.customer_secret_keys.iter().map(|k| {
        (
            "customer secret key",
            k.user_id.as_str(),
            k.time_created.as_str(),
        )
    }));
    all.extend(s.smtp_credentials.iter().map(|c| {
        (
            "SMTP credential",
            c.user_id.as_str(),
            c.time_created.as_str(),
        )
    }));
    all.extend(
        s.db_credentials
            .iter()
            .map(|c| ("DB credential", c.user_id.as_str(), c.time_created.as_str())),
    );
    all.extend(s.oauth2_client_credentials.iter().map(|c| {
        (
            "OAuth 2.0 credential",
            c.user_id.as_str(),
            c.time_created.as_str(),
        )
    }));
    all.extend(
        s.mfa_totp_devices
            .iter()
            .map(|d| ("MFA device", d.user_id.as_str(), d.time_created.as_str())),
    );
    all.extend(s.ui_passwords.iter().map(|p| {
        (
            "console password",
            p.user_id.as_str(),
            p.time_created.as_str(),
        )
    }));
    all
}

#[test]
fn every_credential_belongs_to_a_live_user_and_came_after_it() {
    let s = seed::demo();
    let users: HashMap<&str, &User> = s.users.iter().map(|u| (u.id.as_str(), u)).collect();
    for (kind, owner, created) in owners(&s) {
        let u = users
            .get(owner)
            .unwrap_or_else(|| panic!("{kind} of missing user {owner}"));
        assert_ne!(
            u.lifecycle_state,
            LifecycleState::Deleted,
            "{kind} of deleted {}",
            u.name
        );
        assert!(
            created >= u.time_created.as_str(),
            "{kind} of {} predates the user",
            u.name
        );
        assert!(
            created < "2026-11-21",
            "{kind} of {} is in the future",
            u.name
        );
    }
}

#[test]
fn oci_per_user_limits_and_capabilities_hold() {
    let s = seed::demo();
    let count = |ids: Vec<&str>| {
        let mut per: HashMap<&str, usize> = HashMap::new();
        for id in ids {
            *per.entry(id).or_default() += 1;
        }
        per.into_values().max().unwrap_or(0)
    };
    assert!(
        count(s.api_keys.iter().map(|k| k.user_id.as_str()).collect()) <= 2,
        "room for --config-out's key under 3"
    );
    let tokens = s
        .auth_tokens
        .iter()
        .map(|t| t.user_id.as_str())
        .chain(s.swift_passwords.iter().map(|p| p.user_id.as_str()));
    assert!(count(tokens.collect()) <= 2);
    assert!(
        count(
            s.customer_secret_keys
                .iter()
                .map(|k| k.user_id.as_str())
                .collect()
        ) <= 2
    );
    assert!(
        count(
            s.smtp_credentials
                .iter()
                .map(|c| c.user_id.as_str())
                .collect()
        ) <= 2
    );
    assert!(
        count(
            s.mfa_totp_devices
                .iter()
                .map(|d| d.user_id.as_str())
                .collect()
        ) <= 1
    );
    let caps = |id: &str| {
        s.users
            .iter()
            .find(|u| u.id == id)
            .and_then(|u| u.capabilities.clone())
            .unwrap_or_default()
    };
    assert!(
        s.auth_tokens
            .iter()
            .all(|t| caps(&t.user_id).can_use_auth_tokens)
    );
    assert!(
        s.customer_secret_keys
            .iter()
            .all(|k| caps(&k.user_id).can_use_customer_secret_keys)
    );
    assert!(
        s.smtp_credentials
            .iter()
            .all(|c| caps(&c.user_id).can_use_smtp_credentials)
    );
    assert!(
        s.db_credentials
            .iter()
            .all(|c| caps(&c.user_id).can_use_db_credentials)
    );
    assert!(
        s.oauth2_client_credentials
            .iter()
            .all(|c| caps(&c.user_id).can_use_oauth2_client_credentials)
    );
    assert!(
        s.ui_passwords
            .iter()
            .all(|p| caps(&p.user_id).can_use_console_password)
    );
}

#[test]
fn api_keys_are_real_keys_with_their_own_fingerprints() {
    let s = seed::demo();
    assert!(s.api_keys.len() >= 6);
    for key in &s.api_keys {
        let public = canopy::emulator::store::parse_public_key(&key.key_value)
            .unwrap_or_else(|| panic!("{} is not a PEM public key", key.key_id));
        assert_eq!(
            key.fingerprint,
            canopy::auth::signature::fingerprint(&public)
        );
        assert_eq!(
            key.key_id,
            format!("{}/{}/{}", s.tenancy.id, key.user_id, key.fingerprint)
        );
    }
    let owners: HashSet<&str> = s.api_keys.iter().map(|k| k.user_id.as_str()).collect();
    assert!(owners.len() >= 5, "keys spread over several users");
    assert!(
        s.api_keys
            .iter()
            .any(|k| days_between(&k.time_created, TODAY) >= 400),
        "one key is over 400 days old"
    );
    let first = &s.users.iter().min_by_key(|u| u.name.as_str()).unwrap().id;
    assert!(
        !owners.contains(first.as_str()),
        "the user the TUI selects first keeps no keys (the UI snapshots count them)"
    );
}

#[test]
fn the_spread_docs_seed_md_promises() {
    let s = seed::demo();
    let blocked: Vec<&str> = s
        .users
        .iter()
        .filter(|u| u.is_blocked())
        .map(|u| u.id.as_str())
        .collect();
    assert!(
        s.auth_tokens
            .iter()
            .any(|t| blocked.contains(&t.user_id.as_str())),
        "a blocked user's token"
    );
    assert!(!s.customer_secret_keys.is_empty() && !s.smtp_credentials.is_empty());
    assert!(!s.db_credentials.is_empty() && !s.oauth2_client_credentials.is_empty());
    assert!(
        s.customer_secret_keys
            .iter()
            .all(|k| k.id.len() == 40 && k.id.chars().all(|c| c.is_ascii_hexdigit()))
    );
    let ids = s
        .auth_tokens
        .iter()
        .map(|t| t.id.as_str())
        .chain(s.swift_passwords.iter().map(|p| p.id.as_str()))
        .chain(s.smtp_credentials.iter().map(|c| c.id.as_str()))
        .chain(s.db_credentials.iter().map(|c| c.id.as_str()))
        .chain(s.mfa_totp_devices.iter().map(|d| d.id.as_str()))
        .chain(s.network_sources.iter().map(|n| n.id.as_str()));
    let mut seen = HashSet::new();
    for id in ids {
        assert!(is_realistic_ocid(id), "{id}");
        assert!(seen.insert(id), "duplicate {id}");
    }
    for c in &s.oauth2_client_credentials {
        // The type name has a digit, which the shared OCID check does not allow.
        let tail =
            c.id.strip_prefix("ocid1.oauth2clientcredential.oc1..")
                .unwrap_or("");
        assert!(
            is_realistic_ocid(&format!("ocid1.credential.oc1..{tail}")),
            "{}",
            c.id
        );
    }
    // Breakglass has no MFA, as before; the administrator has an activated device.
    let admin = user(&s, seed::DEMO_ADMIN_USER);
    let breakglass = user(&s, "breakglass-admin");
    assert!(
        s.mfa_totp_devices
            .iter()
            .any(|d| d.user_id == admin.id && d.is_activated)
    );
    assert!(
        !s.mfa_totp_devices
            .iter()
            .any(|d| d.user_id == breakglass.id)
    );
}

#[test]
fn mfa_devices_match_is_mfa_activated() {
    let s = seed::demo();
    for u in s
        .users
        .iter()
        .filter(|u| u.lifecycle_state != LifecycleState::Deleted)
    {
        let active = s
            .mfa_totp_devices
            .iter()
            .any(|d| d.user_id == u.id && d.is_activated);
        assert_eq!(active, u.is_mfa_activated, "{}", u.name);
    }
    assert!(
        s.mfa_totp_devices.iter().any(|d| !d.is_activated),
        "one enrolment never finished"
    );
}

#[test]
fn network_sources_and_the_authentication_policy() {
    let s = seed::demo();
    assert!((1..=3).contains(&s.network_sources.len()));
    for source in &s.network_sources {
        for entry in source
            .public_source_list
            .iter()
            .chain(source.virtual_source_list.iter().flat_map(|v| &v.ip_ranges))
        {
            assert!(check_cidr(entry).is_ok(), "{entry}");
        }
        assert!(
            source
                .virtual_source_list
                .iter()
                .all(|v| v.vcn_id.starts_with("ocid1.vcn.oc1.iad."))
        );
    }
    let policy = s.authentication_policy.as_ref().expect("a policy");
    assert_eq!(policy.compartment_id, s.tenancy.id);
    let rules = policy.password_policy.as_ref().unwrap();
    assert!(rules.minimum_password_length.unwrap() >= 12);
    let named = &policy.network_policy.as_ref().unwrap().network_source_ids;
    assert!(!named.is_empty());
    assert!(
        named
            .iter()
            .all(|id| s.network_sources.iter().any(|n| &n.id == id))
    );
}
