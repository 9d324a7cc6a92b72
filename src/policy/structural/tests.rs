use super::{Change, Target, structural_impact};
use crate::model::Snapshot;

fn demo() -> Snapshot {
    crate::emulator::seed::demo()
}

fn compartment(s: &Snapshot, path: &[&str]) -> String {
    let mut parent = s.tenancy.id.clone();
    for name in path {
        parent = s
            .compartments
            .iter()
            .find(|c| c.compartment_id == parent && c.name == *name)
            .unwrap_or_else(|| panic!("no compartment {name}"))
            .id
            .clone();
    }
    parent
}

fn group(s: &Snapshot, name: &str) -> String {
    s.groups
        .iter()
        .chain(s.domain_directories.iter().flat_map(|d| &d.groups))
        .find(|g| g.name == name)
        .unwrap()
        .id
        .clone()
}

#[test]
fn renaming_a_compartment_names_the_statements_whose_path_passes_through_it() {
    let s = demo();
    let network = compartment(&s, &["Shared", "Network"]);
    let impact = structural_impact(&s, Target::Compartment(&network), Change::Rename("Net"));
    let named: Vec<_> = impact
        .naming
        .iter()
        .map(|n| (n.policy.as_str(), n.statement, n.how, n.stops_matching))
        .collect();
    assert!(
        named.contains(&("network-admins", 1, "in its path", true)),
        "{named:?}"
    );
    assert!(
        named.contains(&("network-admins", 3, "in its path", true)),
        "{named:?}"
    );
    assert!(
        !named.iter().any(|n| n.0 == "network-admins" && n.1 == 2),
        "Prod:Network is another compartment"
    );
    let lost: Vec<String> = impact.diff.lost.iter().map(ToString::to_string).collect();
    assert!(
        lost.iter()
            .any(|l| l
                .contains("group NetworkAdmins manage virtual-network-family in Shared:Network")),
        "{lost:?}"
    );
    assert!(impact.diff.gained.is_empty(), "{:?}", impact.diff.gained);
}

#[test]
fn a_rename_does_not_count_relative_paths_inside_it_or_inherited_grants_as_changes() {
    let s = demo();
    let prod = compartment(&s, &["Prod"]);
    let impact = structural_impact(&s, Target::Compartment(&prod), Change::Rename("Production"));
    assert!(
        !impact
            .naming
            .iter()
            .any(|n| n.policy == "prod-app-operators"),
        "statements attached inside Prod name AppTier relative to it"
    );
    assert!(impact.diff.gained.is_empty(), "{:?}", impact.diff.gained);
    let lost: Vec<String> = impact.diff.lost.iter().map(ToString::to_string).collect();
    assert!(!lost.iter().any(|l| l.contains("AppOps")), "{lost:?}");
    assert!(
        lost.iter()
            .any(|l| l.contains("DBAdmins manage database-family in Prod:Data")),
        "{lost:?}"
    );
}

#[test]
fn deleting_a_group_names_every_statement_and_membership_it_takes_away() {
    let s = demo();
    let id = group(&s, "DataEngineers");
    let impact = structural_impact(&s, Target::Group(&id), Change::Delete);
    let policies: Vec<&str> = impact.naming.iter().map(|n| n.policy.as_str()).collect();
    for p in [
        "data-engineering",
        "db-admins",
        "warehouse-access",
        "staging-ops",
    ] {
        assert!(
            policies.contains(&p),
            "{p} names DataEngineers: {policies:?}"
        );
    }
    assert!(
        impact
            .naming
            .iter()
            .all(|n| n.stops_matching && n.how == "by name")
    );
    assert!(!impact.diff.left.is_empty(), "its members leave it");
    assert!(
        impact
            .diff
            .lost
            .iter()
            .all(|l| l.principal.contains("DataEngineers"))
    );
}

#[test]
fn a_condition_naming_a_group_is_found_and_a_rename_breaks_it() {
    let s = demo();
    let id = group(&s, "Administrators");
    let impact = structural_impact(&s, Target::Group(&id), Change::Rename("Admins"));
    let helpdesk = impact
        .naming
        .iter()
        .find(|n| n.policy == "helpdesk")
        .expect("the helpdesk condition names Administrators");
    assert_eq!(
        (helpdesk.statement, helpdesk.how, helpdesk.stops_matching),
        (3, "in its condition", true)
    );
}

#[test]
fn renaming_a_domain_group_finds_the_statements_naming_it_with_its_domain() {
    let s = demo();
    let id = group(&s, "Auditors");
    let impact = structural_impact(&s, Target::Group(&id), Change::Rename("External-Auditors"));
    let n = impact
        .naming
        .iter()
        .find(|n| n.policy == "partners-access")
        .expect("'Partners'/'Auditors' names it");
    assert_eq!((n.statement, n.stops_matching), (2, true));
    assert!(
        impact
            .diff
            .lost
            .iter()
            .any(|l| l.access.contains("audit-events"))
    );
}

#[test]
fn nothing_names_an_unused_compartment() {
    let s = demo();
    let id = compartment(&s, &["Shared", "Tooling"]);
    let impact = structural_impact(&s, Target::Compartment(&id), Change::Rename("Tools"));
    assert!(impact.is_empty(), "{impact:?}");
}
