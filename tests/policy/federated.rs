//! Federated users in the audit: people who sign in through a SAML identity provider reach
//! IAM groups through its group mappings. The demo tenancy maps `OCI-Auditors` of the
//! `acme-adfs` provider to `SecurityAuditors`; answers name that path.

use canopy::emulator::seed;
use canopy::model::LifecycleState;
use canopy::policy::EffectiveIndex;

const VIA: &str =
    "member of IdP group OCI-Auditors mapped to group SecurityAuditors via provider acme-adfs";

fn tenancy(index: &EffectiveIndex) -> String {
    index.compartment("tenancy").expect("the root compartment")
}

#[test]
fn what_a_federated_group_can_do_says_through_which_mapping() {
    let index = EffectiveIndex::build(&seed::demo());
    let principal = index
        .principal("idp-group OCI-Auditors")
        .expect("the mapped IdP group is a principal");
    let answers = index.what_can(&principal, &tenancy(&index));
    assert!(!answers.is_empty());
    // Every answer reaches it through the mapping, or through `any-user`.
    assert!(
        answers
            .iter()
            .all(|a| a.via == VIA || a.via.starts_with("any-user")),
        "{answers:#?}"
    );
    assert!(
        answers
            .iter()
            .any(|a| a.statement.contains("read audit-events") && a.via == VIA),
        "{answers:#?}"
    );
    // The provider-qualified form finds the same group.
    assert_eq!(
        index.principal("idp-group acme-adfs/OCI-Auditors"),
        Some(principal)
    );
}

#[test]
fn who_can_lists_the_mapped_idp_groups_among_the_members() {
    let index = EffectiveIndex::build(&seed::demo());
    let answers = index.who_can("read", "audit-events", &tenancy(&index));
    let members: Vec<&String> = answers.iter().flat_map(|a| &a.members).collect();
    assert!(
        members
            .iter()
            .any(|m| *m == "IdP group OCI-Auditors of acme-adfs"),
        "{members:?}"
    );
}

#[test]
fn a_deleted_mapping_or_provider_reaches_no_one() {
    let mut snapshot = seed::demo();
    for m in &mut snapshot.idp_group_mappings {
        if m.idp_group_name == "OCI-Auditors" {
            m.lifecycle_state = LifecycleState::Deleted;
        }
    }
    let index = EffectiveIndex::build(&snapshot);
    assert_eq!(index.principal("idp-group OCI-Auditors"), None);

    let mut snapshot = seed::demo();
    for p in &mut snapshot.identity_providers {
        if p.name == "acme-adfs" {
            p.lifecycle_state = LifecycleState::Deleted;
        }
    }
    let index = EffectiveIndex::build(&snapshot);
    assert_eq!(index.principal("idp-group OCI-Auditors"), None);
    assert!(
        index.principal("idp-group OCI_Administrators").is_some(),
        "another provider's"
    );
}

#[test]
fn the_one_question_answer_names_the_mapping() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_canopy"))
        .args([
            "audit",
            "--demo",
            "--compartment",
            "tenancy",
            "--principal",
            "idp-group OCI-Auditors",
            "--verb",
            "read",
            "--resource",
            "audit-events",
        ])
        .env_remove("OCI_CLI_PROFILE")
        .env_remove("OCI_CLI_CONFIG_FILE")
        .output()
        .expect("canopy runs");
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(text.contains("YES"), "{text}");
    assert!(text.contains(&format!("reaches it as: {VIA}")), "{text}");
}
