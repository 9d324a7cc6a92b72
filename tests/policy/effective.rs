//! Effective-permission answers on the test tenancy (`fixture.json`), each checked against
//! an expectation worked out by hand from the policies listed there.

use canopy::policy::effective::{Answer, Coverage, Effect};
use canopy::policy::{EffectiveIndex, PrincipalRef};

use super::fixture;

fn index() -> EffectiveIndex {
    EffectiveIndex::build(&fixture::tenancy())
}

fn at(index: &EffectiveIndex, path: &str) -> String {
    index
        .compartment(path)
        .unwrap_or_else(|| panic!("no compartment {path}"))
}

fn principal(index: &EffectiveIndex, name: &str) -> PrincipalRef {
    index
        .principal(name)
        .unwrap_or_else(|| panic!("no principal {name}"))
}

/// (policy, statement as written) pairs, for compact comparisons.
fn sources(answers: &[Answer]) -> Vec<(String, String)> {
    answers
        .iter()
        .map(|a| (a.policy.clone(), a.statement.clone()))
        .collect()
}

fn what(index: &EffectiveIndex, who: &str, path: &str) -> Vec<Answer> {
    index.what_can(&principal(index, who), &at(index, path))
}

fn who(index: &EffectiveIndex, verb: &str, resource: &str, path: &str) -> Vec<Answer> {
    index.who_can(verb, resource, &at(index, path))
}

#[test]
fn compartments_resolve_by_path_name_and_ocid() {
    let index = index();
    assert_eq!(
        at(&index, "Prod:AppTier"),
        "ocid1.compartment.oc1..aaaaaaaaapptier"
    );
    assert_eq!(
        at(&index, "prod:apptier:WEB"),
        "ocid1.compartment.oc1..aaaaaaaaweb"
    );
    assert_eq!(
        at(&index, "acme:Prod"),
        "ocid1.compartment.oc1..aaaaaaaaprod"
    );
    assert_eq!(at(&index, "tenancy"), "ocid1.tenancy.oc1..aaaaaaaaroot");
    assert_eq!(
        at(&index, "ocid1.compartment.oc1..aaaaaaaak8s"),
        "ocid1.compartment.oc1..aaaaaaaak8s"
    );
    assert_eq!(index.compartment("Prod:Nope"), None);
    assert_eq!(
        index.compartment("AppTier"),
        None,
        "paths start at the root"
    );
}

#[test]
fn principals_resolve_by_name_or_ocid() {
    let index = index();
    assert_eq!(
        principal(&index, "bob"),
        PrincipalRef::User("ocid1.user.oc1..aaaaaaaabob".into())
    );
    assert_eq!(
        principal(&index, "developers"),
        PrincipalRef::Group("ocid1.group.oc1..aaaaaaaadevelopers".into())
    );
    assert_eq!(
        principal(&index, "AppServers"),
        PrincipalRef::DynamicGroup("ocid1.dynamicgroup.oc1..aaaaaaaaappservers".into())
    );
    assert_eq!(
        principal(&index, "ocid1.user.oc1..aaaaaaaacarol"),
        PrincipalRef::User("ocid1.user.oc1..aaaaaaaacarol".into())
    );
    assert_eq!(index.principal("nobody"), None);
}

#[test]
fn statements_for_a_deep_compartment_come_from_every_level_nearest_first() {
    let index = index();
    let applied = index.statements_for(&at(&index, "Prod:AppTier:Web"));
    let got: Vec<(&str, usize, &str)> = applied
        .iter()
        .map(|a| {
            (
                a.entry.policy_name.as_str(),
                a.entry.index,
                a.coverage.as_str(),
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            ("ProdPolicy", 2, "in compartment Prod:AppTier:Web"),
            ("AppTierPolicy", 1, "in compartment Prod:AppTier:Web"),
            (
                "AppTierPolicy",
                0,
                "in compartment Prod:AppTier, inherited by Prod:AppTier:Web"
            ),
            (
                "ProdPolicy",
                0,
                "in compartment Prod, inherited by Prod:AppTier:Web"
            ),
            (
                "ProdPolicy",
                3,
                "in compartment Prod, inherited by Prod:AppTier:Web"
            ),
            (
                "Tenant Admin Policy",
                0,
                "in tenancy, inherited by Prod:AppTier:Web"
            ),
            (
                "Tenant Admin Policy",
                1,
                "in tenancy, inherited by Prod:AppTier:Web"
            ),
            (
                "Tenant Admin Policy",
                2,
                "in tenancy, inherited by Prod:AppTier:Web"
            ),
        ]
    );
}

#[test]
fn a_top_level_compartment_gets_only_tenancy_statements() {
    let index = index();
    assert_eq!(index.statements_for(&at(&index, "Shared")).len(), 3);
    assert_eq!(index.statements_for(&at(&index, "tenancy")).len(), 3);
}

#[test]
fn a_user_gets_rights_through_each_group_and_any_user() {
    let index = index();
    let answers = what(&index, "bob", "Prod:AppTier");
    let via: Vec<&str> = answers.iter().map(|a| a.via.as_str()).collect();
    assert_eq!(
        via,
        vec![
            "member of group ProdOps",
            "member of group ProdOps",
            "any-user covers every principal"
        ]
    );
    assert_eq!(answers[0].grants, "use instance-family");
    assert_eq!(
        answers[0].location,
        "in compartment Prod, inherited by Prod:AppTier"
    );
    assert_eq!(answers[0].attached_to, "tenancy");
    assert_eq!(answers[1].grants, "{INSTANCE_READ, USER_INSPECT}");
    assert_eq!(
        answers[2].condition.as_deref(),
        Some("request.principal.type = 'instance'"),
        "conditions are shown, not assumed"
    );
}

#[test]
fn deeper_down_a_deny_and_a_conditioned_grant_appear_for_the_same_user() {
    let index = index();
    let answers = what(&index, "bob", "Prod:AppTier:Web");
    assert_eq!(answers.len(), 5);
    let deny = &answers[0];
    assert_eq!(deny.effect, Effect::Deny);
    assert_eq!(deny.via, "member of group Developers");
    assert_eq!(deny.grants, "manage all-resources");
    let conditioned = &answers[1];
    assert_eq!(conditioned.effect, Effect::Allow);
    assert_eq!(
        conditioned.condition.as_deref(),
        Some("request.region = 'IAD'")
    );
    assert_eq!(
        conditioned.attached_to, "Prod",
        "AppTierPolicy is attached to Prod"
    );
    assert_eq!(conditioned.location, "in compartment Prod:AppTier:Web");
}

#[test]
fn administrators_inherit_everything_from_the_tenancy() {
    let index = index();
    let answers = what(&index, "alice", "Dev:Kubernetes");
    assert_eq!(
        sources(&answers),
        vec![
            (
                "Tenant Admin Policy".to_string(),
                "ALLOW GROUP Administrators to manage all-resources IN TENANCY".to_string()
            ),
            (
                "Tenant Admin Policy".to_string(),
                "Allow any-user to inspect compartments in tenancy where request.principal.type = 'instance'".to_string()
            ),
        ]
    );
    assert_eq!(
        answers[0].location,
        "in tenancy, inherited by Dev:Kubernetes"
    );
}

#[test]
fn a_user_in_no_group_only_gets_any_user_grants() {
    let index = index();
    let answers = what(&index, "dave", "Prod");
    assert_eq!(answers.len(), 1);
    assert_eq!(answers[0].subject, "any-user");
}

#[test]
fn a_group_named_by_ocid_is_matched_where_its_location_applies() {
    let index = index();
    let answers = what(&index, "NetworkAdmins", "Prod:Network");
    assert_eq!(answers.len(), 2);
    assert_eq!(answers[0].via, "group NetworkAdmins");
    assert_eq!(
        answers[0].subject,
        "group id ocid1.group.oc1..aaaaaaaanetworkadmins"
    );
    assert_eq!(answers[0].grants, "manage virtual-network-family");
    // A sibling compartment does not inherit it.
    assert_eq!(what(&index, "NetworkAdmins", "Prod:AppTier").len(), 1);
}

#[test]
fn dynamic_groups_get_inherited_grants_but_nothing_flows_up() {
    let index = index();
    let web = what(&index, "AppServers", "Prod:AppTier:Web");
    assert_eq!(web.len(), 2);
    assert_eq!(web[0].via, "dynamic group AppServers");
    assert_eq!(
        web[0].location,
        "in compartment Prod:AppTier, inherited by Prod:AppTier:Web"
    );
    assert_eq!(
        what(&index, "AppServers", "Prod").len(),
        1,
        "only any-user above AppTier"
    );
}

#[test]
fn a_location_by_compartment_ocid_applies_there() {
    let index = index();
    let k8s = what(&index, "Functions", "Dev:Kubernetes");
    assert_eq!(k8s.len(), 2);
    assert_eq!(k8s[0].grants, "use secret-family");
    assert_eq!(k8s[0].attached_to, "Dev");
    assert_eq!(what(&index, "Functions", "Dev").len(), 1);
}

#[test]
fn who_can_manage_subnets_counts_families_and_all_resources() {
    let index = index();
    let network = who(&index, "manage", "subnets", "Prod:Network");
    let subjects: Vec<&str> = network.iter().map(|a| a.subject.as_str()).collect();
    assert_eq!(
        subjects,
        vec![
            "group id ocid1.group.oc1..aaaaaaaanetworkadmins",
            "group Administrators"
        ]
    );
    assert_eq!(network[0].members, vec!["erin"]);
    assert_eq!(network[1].members, vec!["alice"]);
    assert_eq!(who(&index, "manage", "subnets", "Prod").len(), 1);
}

#[test]
fn who_can_inspect_instances_follows_the_verb_order() {
    let index = index();
    let answers = who(&index, "inspect", "instances", "Prod:AppTier");
    let subjects: Vec<&str> = answers.iter().map(|a| a.subject.as_str()).collect();
    assert_eq!(
        subjects,
        vec!["group ProdOps", "group Administrators", "group Auditors"]
    );
    assert!(answers.iter().all(|a| a.coverage == Coverage::Full));
}

#[test]
fn permission_lists_count_fully_or_partly_for_iam_types() {
    let index = index();
    let inspect = who(&index, "inspect", "users", "Prod");
    assert_eq!(inspect.len(), 3);
    assert_eq!(inspect[0].grants, "{INSTANCE_READ, USER_INSPECT}");
    assert_eq!(inspect[0].coverage, Coverage::Full);
    let read = who(&index, "read", "users", "Prod");
    assert_eq!(read.len(), 2);
    assert_eq!(read[0].coverage, Coverage::Partial);
    assert_eq!(read[1].subject, "group Administrators");
}

#[test]
fn who_can_read_instances_deep_down_includes_the_deny() {
    let index = index();
    let answers = who(&index, "read", "instances", "Prod:AppTier:Web");
    let effects: Vec<(Effect, &str)> = answers
        .iter()
        .map(|a| (a.effect, a.subject.as_str()))
        .collect();
    assert_eq!(
        effects,
        vec![
            (Effect::Deny, "group Developers"),
            (Effect::Allow, "group Developers"),
            (Effect::Allow, "group ProdOps"),
            (Effect::Allow, "group Administrators"),
        ]
    );
    assert_eq!(answers[2].members, vec!["bob"]);
}

#[test]
fn who_can_inspect_compartments_includes_the_conditioned_any_user() {
    let index = index();
    let answers = who(&index, "inspect", "compartments", "Shared");
    assert_eq!(answers.len(), 3);
    assert_eq!(answers[2].subject, "any-user");
    assert_eq!(answers[2].members, vec!["every user and principal"]);
    assert!(answers[2].condition.is_some());
}

#[test]
fn who_can_use_secrets_names_the_dynamic_group_rule() {
    let index = index();
    let answers = who(&index, "read", "secrets", "Dev:Kubernetes");
    assert_eq!(answers.len(), 2);
    assert!(answers[0].members[0].starts_with("dynamic group Functions (ALL {resource.type"));
}

#[test]
fn who_can_manage_a_family_ignores_weaker_verbs() {
    let index = index();
    assert_eq!(who(&index, "manage", "instance-family", "Prod").len(), 1);
    assert_eq!(who(&index, "use", "instances", "Prod:AppTier").len(), 2);
    assert_eq!(
        who(&index, "manage", "cluster-family", "Dev:Kubernetes").len(),
        2
    );
}

#[test]
fn asking_for_a_family_counts_a_member_type_grant_as_partial() {
    let index = index();
    let answers = who(&index, "read", "object-family", "Prod:AppTier");
    let got: Vec<(&str, Coverage)> = answers
        .iter()
        .map(|a| (a.subject.as_str(), a.coverage))
        .collect();
    assert_eq!(
        got,
        vec![
            ("dynamic-group AppServers", Coverage::Partial),
            ("group Administrators", Coverage::Full)
        ]
    );
}

#[test]
fn can_combines_principal_and_action() {
    let index = index();
    let web = at(&index, "Prod:AppTier:Web");
    let bob = principal(&index, "bob");
    let manage = index.can(&bob, "manage", "instances", &web);
    assert_eq!(manage.len(), 1);
    assert_eq!(manage[0].effect, Effect::Deny);
    let use_ = index.can(&bob, "use", "instances", &web);
    assert_eq!(
        use_.len(),
        2,
        "the deny and use instance-family; read instances is weaker"
    );
    let carol = principal(&index, "carol");
    assert!(index.can(&carol, "read", "instances", &web).is_empty());
}

#[test]
fn unparsable_statements_are_reported_not_silently_dropped() {
    let mut snapshot = fixture::tenancy();
    snapshot.policies[0]
        .statements
        .push("Allow group Auditors read all-resources in tenancy".into());
    let index = EffectiveIndex::build(&snapshot);
    assert_eq!(index.unparsed().len(), 1);
    assert_eq!(index.unparsed()[0].index, 3);
    assert!(
        index.unparsed()[0]
            .diagnostic
            .message
            .contains("expected `to`")
    );
}

#[test]
fn deleted_groups_and_users_are_neither_named_nor_reached() {
    let mut snapshot = fixture::tenancy();
    for g in &mut snapshot.groups {
        if g.name == "Auditors" {
            g.lifecycle_state = canopy::model::LifecycleState::Deleted;
        }
    }
    let index = EffectiveIndex::build(&snapshot);
    assert_eq!(index.principal("Auditors"), None);
    let inspect = index.who_can("inspect", "buckets", &at(&index, "Shared"));
    assert_eq!(
        inspect.len(),
        2,
        "Administrators and the Auditors statement, unresolved"
    );
    assert!(inspect[1].members.is_empty());
    let found = canopy::policy::lint_policy(
        &snapshot,
        &snapshot.tenancy.id,
        &fixture::strings(&["Allow group Auditors to read buckets in tenancy"]),
    );
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].diagnostic.code, "unknown-group");
}

#[test]
fn any_group_reaches_users_in_some_group_only() {
    let mut snapshot = fixture::tenancy();
    snapshot.policies[0]
        .statements
        .push("Allow any-group to read buckets in compartment Shared".into());
    let index = EffectiveIndex::build(&snapshot);
    let shared = at(&index, "Shared");
    let dave = index.what_can(&principal(&index, "dave"), &shared);
    assert_eq!(dave.len(), 1, "dave is in no group: any-user only");
    let carol = index.what_can(&principal(&index, "carol"), &shared);
    let via: Vec<&str> = carol.iter().map(|a| a.via.as_str()).collect();
    assert_eq!(
        via,
        vec![
            "any-group covers every user in a group",
            "member of group Auditors",
            "any-user covers every principal"
        ],
        "the statement at Shared comes before the tenancy's"
    );
}
