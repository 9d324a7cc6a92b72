//! Tenancy-aware lint rules on the test tenancy (`fixture.json`).

use canopy::model::{Policy, Snapshot};
use canopy::policy::{Severity, StatementDiagnostic, budget, lint_policy, lint_policy_edit};

use super::fixture::{self, strings};

const ROOT: &str = "ocid1.tenancy.oc1..aaaaaaaaroot";
const PROD: &str = "ocid1.compartment.oc1..aaaaaaaaprod";

fn lint(compartment: &str, statements: &[&str]) -> Vec<StatementDiagnostic> {
    lint_policy(&fixture::tenancy(), compartment, &strings(statements))
}

/// (statement index, code) pairs.
fn codes(found: &[StatementDiagnostic]) -> Vec<(usize, &'static str)> {
    found.iter().map(|d| (d.index, d.diagnostic.code)).collect()
}

fn only(found: &[StatementDiagnostic], code: &str) -> StatementDiagnostic {
    let matching: Vec<_> = found.iter().filter(|d| d.diagnostic.code == code).collect();
    assert_eq!(matching.len(), 1, "{code} in {found:#?}");
    matching[0].clone()
}

#[test]
fn a_clean_policy_has_no_findings() {
    let found = lint(
        ROOT,
        &[
            "Allow group Developers to manage object-family in compartment Dev",
            "Allow group Auditors to read audit-events in tenancy",
            "Allow dynamic-group AppServers to use keys in compartment Prod:AppTier",
        ],
    );
    assert_eq!(found, vec![]);
}

#[test]
fn unknown_groups_suggest_the_closest_name() {
    let found = lint(
        ROOT,
        &["Allow group Developer to read instances in compartment Dev"],
    );
    let d = only(&found, "unknown-group");
    assert_eq!(d.diagnostic.severity, Severity::Error);
    assert_eq!(
        d.diagnostic.message,
        "no group named `Developer` in this tenancy: did you mean `Developers`?"
    );
    assert_eq!((d.diagnostic.line, d.diagnostic.column), (1, 13));
}

#[test]
fn unknown_dynamic_groups_and_ocids_are_errors() {
    let found = lint(
        ROOT,
        &[
            "Allow dynamic-group Lambdas to read objects in compartment Dev",
            "Allow group id ocid1.group.oc1..aaaaaaaagone to read objects in compartment Dev",
            "Allow group Auditors to read objects in compartment id ocid1.compartment.oc1..aaaaaaaagone",
        ],
    );
    assert_eq!(
        codes(&found),
        vec![
            (0, "unknown-dynamic-group"),
            (1, "unknown-ocid"),
            (2, "unknown-ocid")
        ]
    );
    assert!(
        found[0]
            .diagnostic
            .message
            .contains("create the dynamic group first")
    );
}

#[test]
fn compartment_names_are_relative_to_the_policy_compartment() {
    // Attached to Prod, `Prod` is not a child of itself; `AppTier:Webb` is a typo.
    let found = lint(
        PROD,
        &[
            "Allow group ProdOps to read instances in compartment Prod",
            "Allow group ProdOps to read instances in compartment AppTier:Webb",
            "Allow group ProdOps to read buckets in compartment AppTier:Web",
        ],
    );
    assert_eq!(
        codes(&found),
        vec![(0, "unknown-compartment"), (1, "unknown-compartment")]
    );
    assert_eq!(
        found[1].diagnostic.message,
        "no compartment `Webb` under `Prod:AppTier` (did you mean `Web`?): names and paths are relative to the compartment the policy is attached to (`Prod`)"
    );
    assert_eq!(found[1].diagnostic.column, 62);
}

#[test]
fn a_child_policy_cannot_grant_outside_its_compartment() {
    let found = lint(
        PROD,
        &[
            "Allow group ProdOps to read buckets in tenancy",
            "Allow group ProdOps to read volumes in compartment id ocid1.compartment.oc1..aaaaaaaadev",
            "Allow group ProdOps to read objects in compartment id ocid1.compartment.oc1..aaaaaaaaweb",
        ],
    );
    assert_eq!(
        codes(&found),
        vec![(0, "location-out-of-reach"), (1, "location-out-of-reach")]
    );
}

#[test]
fn cross_tenancy_statements_belong_in_the_root_with_their_aliases() {
    let child = lint(
        PROD,
        &[
            "Define tenancy Partner as ocid1.tenancy.oc1..aaaaaaaapartner",
            "Endorse group ProdOps to read buckets in tenancy Partner",
            "Admit group Theirs of tenancy Partner to read buckets in compartment AppTier",
        ],
    );
    assert_eq!(
        codes(&child),
        vec![
            (0, "cross-tenancy-outside-root"),
            (1, "cross-tenancy-outside-root"),
            (2, "cross-tenancy-outside-root")
        ]
    );
    let root = lint(
        ROOT,
        &[
            "Endorse group ProdOps to read buckets in tenancy Partner",
            "Admit group Theirs of tenancy Other to read buckets in compartment Prod",
            "Define tenancy Partner as ocid1.tenancy.oc1..aaaaaaaapartner",
        ],
    );
    assert_eq!(codes(&root), vec![(1, "undefined-alias")]);
    assert!(
        root[0]
            .diagnostic
            .message
            .contains("`Other` is not defined in this policy")
    );
}

#[test]
fn full_admin_outside_administrators_is_over_broad() {
    let found = lint(
        ROOT,
        &["Allow group ProdOps to manage all-resources in tenancy"],
    );
    let d = only(&found, "over-broad");
    assert_eq!(d.diagnostic.severity, Severity::Warning);
    assert!(
        lint(
            ROOT,
            &["Allow group Developers to manage all-resources in compartment Dev"]
        )
        .is_empty()
    );
}

#[test]
fn any_user_and_any_group_grants_are_flagged_less_when_conditioned() {
    let found = lint(
        ROOT,
        &[
            "Allow any-user to read buckets in compartment Shared",
            "Allow any-group to read buckets in compartment Dev where request.region = 'IAD'",
            "Deny any-user to manage buckets in compartment Prod",
        ],
    );
    assert_eq!(
        codes(&found),
        vec![(0, "broad-subject"), (1, "broad-subject")]
    );
    assert_eq!(found[0].diagnostic.severity, Severity::Warning);
    assert_eq!(found[1].diagnostic.severity, Severity::Info);
}

#[test]
fn duplicates_within_and_across_policies() {
    let found = lint(
        ROOT,
        &[
            "Allow group Auditors to read buckets in compartment Dev",
            "allow group 'auditors' to READ buckets in compartment dev",
            "Allow group ProdOps to use instance-family in compartment Prod",
        ],
    );
    assert_eq!(codes(&found), vec![(1, "duplicate"), (2, "duplicate")]);
    assert_eq!(
        found[0].diagnostic.message,
        "duplicate of statement 1 in this policy: remove one"
    );
    assert_eq!(
        found[1].diagnostic.message,
        "policy `ProdPolicy` already has this grant (statement 1): remove one"
    );
}

#[test]
fn editing_a_policy_does_not_compare_it_with_its_old_self() {
    let snapshot = fixture::tenancy();
    let prod = &snapshot.policies[1];
    assert_eq!(prod.name, "ProdPolicy");
    let found = lint_policy_edit(&snapshot, &prod.id, &prod.statements);
    assert_eq!(found, vec![]);
}

#[test]
fn a_narrower_grant_under_a_broader_one_is_redundant() {
    let found = lint(
        ROOT,
        &[
            "Allow group ProdOps to read instances in compartment Prod:AppTier",
            "Allow group Auditors to read all-resources in compartment Dev",
            "Allow group Auditors to inspect buckets in compartment Dev:Kubernetes",
            "Allow group Developers to manage all-resources in compartment Dev where request.region = 'IAD'",
            "Allow group Developers to manage buckets in compartment Dev:Kubernetes",
        ],
    );
    assert_eq!(codes(&found), vec![(0, "redundant"), (2, "redundant")]);
    assert_eq!(
        found[0].diagnostic.message,
        "redundant: policy `ProdPolicy` already grants this with `Allow group ProdOps to use instance-family in compartment Prod` (in compartment Prod, inherited by Prod:AppTier): remove this statement"
    );
    assert!(found[1].diagnostic.message.starts_with(
        "redundant: statement 2 (`Allow group Auditors to read all-resources in compartment Dev`)"
    ));
}

#[test]
fn any_group_covers_named_groups_for_redundancy() {
    let found = lint(
        ROOT,
        &[
            "Allow any-group to inspect compartments in tenancy",
            "Allow group Auditors to inspect compartments in compartment Dev",
        ],
    );
    assert_eq!(codes(&found), vec![(0, "broad-subject"), (1, "redundant")]);
}

fn with_policy(mut snapshot: Snapshot, compartment: &str, count: usize) -> Snapshot {
    snapshot.policies.push(Policy {
        id: "ocid1.policy.oc1..aaaaaaaabig".into(),
        compartment_id: compartment.into(),
        name: "Big".into(),
        statements: (0..count)
            .map(|i| format!("Allow group Auditors to read buckets in compartment Dev where request.user.name = 'u{i}'"))
            .collect(),
        description: String::new(),
        time_created: String::new(),
        lifecycle_state: canopy::model::LifecycleState::Active,
        inactive_status: None,
        version_date: None,
        freeform_tags: std::collections::BTreeMap::default(),
        defined_tags: std::collections::BTreeMap::default(),
    });
    snapshot
}

#[test]
fn the_statement_budget_counts_every_level_of_the_path() {
    let usage = budget(&fixture::tenancy());
    let got: Vec<(&str, usize)> = usage
        .iter()
        .map(|u| (u.path.as_str(), u.statements))
        .collect();
    assert_eq!(
        got,
        vec![
            ("Dev:Kubernetes", 9),
            ("Prod:AppTier:Web", 9),
            ("Prod:Network", 9),
            ("Shared", 7)
        ]
    );
    // 7 at the root + 2 in Prod + 488 new in Prod + 2 below = 499: under, but near.
    let snapshot = with_policy(fixture::tenancy(), PROD, 488);
    let found = lint_policy(
        &snapshot,
        "ocid1.compartment.oc1..aaaaaaaaapptier",
        &strings(&[
            "Allow group ProdOps to read buckets in compartment Web",
            "Allow group ProdOps to read objects in compartment Web",
        ]),
    );
    let d = only(&found, "statement-budget");
    assert_eq!(d.diagnostic.severity, Severity::Warning);
    assert_eq!(
        d.diagnostic.message,
        "499 of 500 statements along `Prod:AppTier:Web`: close to the hard limit"
    );
    // 7 + 490 + 4 in Web = 501.
    let over = lint_policy(
        &snapshot,
        "ocid1.compartment.oc1..aaaaaaaaweb",
        &strings(&[
            "Allow group ProdOps to read buckets in tenancy",
            "Allow group ProdOps to read objects in tenancy",
            "Allow group ProdOps to read volumes in tenancy",
            "Allow group ProdOps to read vaults in tenancy",
        ]),
    );
    let d = only(&over, "statement-budget");
    assert_eq!(d.diagnostic.severity, Severity::Error);
    assert_eq!(
        d.diagnostic.message,
        "501 of 500 statements along `Prod:AppTier:Web`: over the hard limit; merge statements or use tag-based conditions"
    );
}

#[test]
fn syntax_errors_and_catalogue_warnings_come_through_lint_too() {
    let found = lint(
        ROOT,
        &[
            "Allow group Auditors read buckets in tenancy",
            "Allow group Auditors to raed buckets in compartment Dev",
        ],
    );
    assert_eq!(codes(&found), vec![(0, "syntax"), (1, "unknown-verb")]);
}
