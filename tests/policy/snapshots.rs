//! Snapshot tests (insta, files in `tests/snapshots/`): a full parse tree with spans, the
//! diagnostics of a multi-line statement, highlighting roles and an edit's impact.

use canopy::policy::{highlight, impact, parse_statement};

use super::fixture::strings;

macro_rules! snapshot {
    ($name:expr, $value:expr) => {
        insta::with_settings!({ snapshot_path => "../snapshots", prepend_module_to_snapshot => false }, {
            insta::assert_json_snapshot!($name, $value);
        })
    };
}

#[test]
fn parse_tree_with_spans() {
    let (tree, diagnostics) = parse_statement(
        "Allow group 'Default'/'Net Ops', id ocid1.group.oc1..aaaa to manage virtual-network-family in compartment Prod:Network where any {request.region = 'IAD', all {target.resource.tag.Env.Tier in ('prod', 'dr'), not target.resource.tag.Env.Locked}}",
    );
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
    snapshot!("policy_parse_tree", tree);
}

#[test]
fn cross_tenancy_trees() {
    let trees: Vec<_> = [
        "Define tenancy Partner as id ocid1.tenancy.oc1..aaaapartner",
        "Endorse group Ops {OBJECT_READ} in compartment Shared:Data of tenancy Partner, any-tenancy",
        "deny admit any-group of any-tenancy to associate all-resources in tenancy where request.time before '2027-01-01Z'",
    ]
    .iter()
    .map(|s| parse_statement(s).0.map(|t| t.without_spans()))
    .collect();
    snapshot!("policy_cross_tenancy_trees", trees);
}

#[test]
fn diagnostics_on_the_second_line_of_a_statement() {
    let (_, diagnostics) = parse_statement(
        "Allow group Ops to manage instances\n  in compartment Dev where request.user.name = 'a' AND request.ad = 'b'",
    );
    snapshot!("policy_multiline_diagnostics", diagnostics);
}

#[test]
fn highlight_roles() {
    let source = "Deny group id ocid1.group.oc1..x to {USER_READ} in tenancy where target.user.name = /svc-*/";
    let roles: Vec<(String, _)> = highlight(source)
        .into_iter()
        .map(|(range, kind)| (source[range].to_string(), kind))
        .collect();
    snapshot!("policy_highlight_roles", roles);
}

#[test]
fn impact_of_an_edit() {
    let before = strings(&[
        "Allow group Ops, Devs to manage instance-family in compartment Prod",
        "Allow group Auditors to read all-resources in tenancy",
        "Allow group Ops to {INSTANCE_READ, INSTANCE_UPDATE} in compartment Dev",
    ]);
    let after = strings(&[
        "allow group Ops to MANAGE instance-family in compartment Prod",
        "Allow group Auditors to inspect all-resources in tenancy",
        "Allow group Ops to {INSTANCE_UPDATE, INSTANCE_READ, INSTANCE_INSPECT} in compartment Dev",
        "Allow group Devs to use instance-family in compartment Prod where request.region = 'IAD'",
        "Allow group Devs manage buckets in tenancy",
    ]);
    snapshot!("policy_impact", impact(&before, &after));
}
