//! The demo tenancy (`assets/demo-tenancy.json`): its deliberate policy problems are exactly
//! what the linter reports, and audit questions get the answers worked out by hand from its
//! policies (docs/seed.md lists them).

use canopy::emulator::seed;
use canopy::policy::effective::{Answer, Coverage, Effect};
use canopy::policy::{EffectiveIndex, budget, lint_tenancy};

fn index() -> EffectiveIndex {
    EffectiveIndex::build(&seed::demo())
}

fn at(index: &EffectiveIndex, path: &str) -> String {
    index
        .compartment(path)
        .unwrap_or_else(|| panic!("no compartment {path}"))
}

/// `policy#n` (1-based statement number), with `!` for a deny.
fn brief(answers: &[Answer]) -> Vec<String> {
    answers
        .iter()
        .map(|a| {
            let deny = if a.effect == Effect::Deny { "!" } else { "" };
            format!("{deny}{}#{}", a.policy, a.statement_index + 1)
        })
        .collect()
}

fn what(index: &EffectiveIndex, who: &str, path: &str) -> Vec<Answer> {
    let principal = index
        .principal(who)
        .unwrap_or_else(|| panic!("no principal {who}"));
    index.what_can(&principal, &at(index, path))
}

fn who(index: &EffectiveIndex, verb: &str, resource: &str, path: &str) -> Vec<Answer> {
    index.who_can(verb, resource, &at(index, path))
}

#[test]
fn lint_reports_exactly_the_planted_problems() {
    let found: Vec<String> = lint_tenancy(&seed::demo())
        .into_iter()
        .map(|f| format!("{}#{} {}", f.policy_name, f.index + 1, f.diagnostic.code))
        .collect();
    assert_eq!(
        found,
        vec![
            "security-auditors#4 redundant",
            // The Partners domain has a ReadOnly group too.
            "read-only#1 default-domain",
            "platform-engineering#1 over-broad",
            "legacy-public-read#1 broad-subject",
            "legacy-public-read#2 broad-subject",
            "contractors#1 syntax",
            "qa-access#1 unknown-group",
            "qa-access#2 unknown-group",
            "data-engineering#1 unknown-compartment",
            "db-admins#3 duplicate",
        ]
    );
}

#[test]
fn the_budget_is_far_from_the_limit_along_every_path() {
    let usage = budget(&seed::demo());
    assert!(usage.iter().all(|u| u.statements < 100));
    // The deepest path carries the root's statements plus those of each level on the way.
    let pci = usage
        .iter()
        .find(|u| u.path == "Prod:Data:Warehouse:Sensitive:PCI")
        .expect("PCI is a leaf");
    let root = seed::demo()
        .policies
        .iter()
        .filter(|p| p.compartment_id == seed::demo().tenancy.id && p.name != "old-vpn-admins")
        .map(|p| p.statements.len())
        .sum::<usize>();
    // prod-app-operators (Prod, 5) + warehouse-access (Prod:Data, 3) + pci-restricted (2).
    assert_eq!(pci.statements, root + 5 + 3 + 2);
}

#[test]
fn everything_that_applies_deep_in_the_tree() {
    let index = index();
    let applied = index.statements_for(&at(&index, "Prod:Data:Warehouse:Sensitive:PCI"));
    assert_eq!(applied.len(), 27);
    let first: Vec<(&str, &str)> = applied
        .iter()
        .take(7)
        .map(|a| (a.entry.policy_name.as_str(), a.coverage.as_str()))
        .collect();
    let pci = "inherited by Prod:Data:Warehouse:Sensitive:PCI";
    assert_eq!(
        first,
        vec![
            (
                "pci-restricted",
                "in compartment Prod:Data:Warehouse:Sensitive:PCI"
            ),
            (
                "pci-restricted",
                "in compartment Prod:Data:Warehouse:Sensitive:PCI"
            ),
            (
                "warehouse-access",
                &*format!("in compartment Prod:Data:Warehouse:Sensitive, {pci}")
            ),
            (
                "warehouse-access",
                &*format!("in compartment Prod:Data:Warehouse, {pci}")
            ),
            (
                "prod-app-instance-principals",
                &*format!("in compartment Prod:Data, {pci}")
            ),
            ("db-admins", &*format!("in compartment Prod:Data, {pci}")),
            ("db-admins", &*format!("in compartment Prod:Data, {pci}")),
        ]
    );
}

#[test]
fn an_administrator_gets_admin_auditor_and_public_grants() {
    let index = index();
    let answers = what(&index, "ana.ortiz@acme-corp.com", "Prod:AppTier:Web");
    assert_eq!(
        brief(&answers),
        vec![
            "Tenant Admin Policy#1",
            "security-auditors#1",
            "security-auditors#2",
            "security-auditors#3",
            "security-auditors#4",
            "legacy-public-read#1"
        ]
    );
    assert_eq!(answers[0].via, "member of group Administrators");
    assert_eq!(answers[5].via, "any-user covers every principal");
}

#[test]
fn an_operator_collects_grants_from_four_levels_and_three_groups() {
    let index = index();
    let answers = what(&index, "marcus.webb@acme-corp.com", "Prod:AppTier:Web");
    assert_eq!(
        brief(&answers),
        vec![
            "prod-app-operators#3",
            "prod-app-operators#1",
            "prod-app-operators#5",
            "network-admins#4",
            "network-admins#5",
            "read-only#1",
            "legacy-public-read#1",
            "tag-usage#2"
        ]
    );
    assert_eq!(answers[1].attached_to, "Prod");
    assert_eq!(
        answers[1].location,
        "in compartment Prod:AppTier, inherited by Prod:AppTier:Web"
    );
    assert_eq!(answers[3].via, "member of group NetworkAdmins");
    assert_eq!(
        answers[5].condition.as_deref(),
        Some("request.permission != 'SECRET_BUNDLE_READ'")
    );
}

#[test]
fn a_group_id_subject_reaches_its_members() {
    let index = index();
    let answers = what(
        &index,
        "tom.okafor@acme-corp.com",
        "Prod:Data:Warehouse:Staging",
    );
    assert_eq!(
        brief(&answers),
        vec![
            "db-admins#2",
            "warehouse-access#1",
            "warehouse-access#2",
            "db-admins#1",
            "db-admins#3",
            "legacy-public-read#1",
            "tag-usage#2"
        ]
    );
    assert_eq!(answers[0].via, "member of group DBAdmins");
    assert!(answers[0].subject.starts_with("group id ocid1.group."));
}

#[test]
fn instance_principals_reach_the_vault_and_inherit_data_grants() {
    let index = index();
    assert_eq!(
        brief(&what(&index, "prod-app-instances", "Security:Vault")),
        vec![
            "prod-app-instance-principals#1",
            "prod-app-instance-principals#2",
            "legacy-public-read#1"
        ]
    );
    let oltp = what(&index, "prod-app-instances", "Prod:Data:OLTP");
    assert_eq!(
        brief(&oltp),
        vec!["prod-app-instance-principals#3", "legacy-public-read#1"]
    );
    assert_eq!(
        oltp[0].condition.as_deref(),
        Some("target.bucket.name = 'app-config'")
    );
}

#[test]
fn function_principals_by_name_and_by_dynamic_group_id() {
    let index = index();
    let web = what(&index, "ci-functions", "Prod:AppTier:Web");
    assert_eq!(brief(&web), vec!["ci-deploy-web#1", "legacy-public-read#1"]);
    assert_eq!(web[0].attached_to, "Prod:AppTier");
    assert_eq!(
        brief(&what(&index, "ci-functions", "Dev:CI")),
        vec![
            "ci-functions#1",
            "ci-functions#2",
            "ci-functions#3",
            "legacy-public-read#1"
        ]
    );
}

#[test]
fn a_deny_on_a_parent_reaches_the_contractors_below() {
    let index = index();
    let answers = what(&index, "Contractors", "Prod:Data:Warehouse:Sensitive:PCI");
    assert_eq!(
        brief(&answers),
        vec!["!warehouse-access#3", "legacy-public-read#1"]
    );
    assert_eq!(answers[0].via, "group Contractors");
}

#[test]
fn a_sandbox_owner_grant_is_conditioned_on_the_user_name() {
    let index = index();
    assert_eq!(
        brief(&what(
            &index,
            "ravi.kumar@partner-sys.com",
            "Dev:Sandbox:jchen-sandbox"
        )),
        vec![
            "sandbox-owners#1",
            "developers-dev#1",
            "contractors#2",
            "legacy-public-read#1",
            "tag-usage#1"
        ]
    );
    let can = index.can(
        &index.principal("james.chen@acme-corp.com").expect("james"),
        "manage",
        "instances",
        &at(&index, "Dev:Sandbox:jchen-sandbox"),
    );
    assert_eq!(brief(&can), vec!["sandbox-owners#1"]);
    assert_eq!(
        can[0].condition.as_deref(),
        Some("request.user.name = 'james.chen@acme-corp.com'")
    );
}

#[test]
fn a_statement_naming_a_missing_group_grants_nobody() {
    let index = index();
    assert_eq!(
        brief(&what(&index, "julia.santos@partner-sys.com", "Staging")),
        vec!["legacy-public-read#1"]
    );
}

#[test]
fn who_can_manage_instances_in_web() {
    let index = index();
    let answers = who(&index, "manage", "instances", "Prod:AppTier:Web");
    assert_eq!(
        brief(&answers),
        vec![
            "prod-app-operators#1",
            "Tenant Admin Policy#1",
            "platform-engineering#1"
        ]
    );
    // AppOps: nine users and the federated IdP group mapped into it.
    assert_eq!(answers[0].members.len(), 10);
    assert_eq!(answers[0].members[0], "IdP group OCI-OnCall of acme-adfs");
    assert_eq!(
        answers[1].members,
        vec![
            "IdP group OCI_Administrators of OracleIdentityCloudService",
            "ana.ortiz@acme-corp.com",
            "breakglass-admin",
            "david.kim@acme-corp.com"
        ]
    );
}

#[test]
fn who_can_read_buckets_includes_any_user_and_a_service() {
    let index = index();
    let answers = who(&index, "read", "buckets", "Shared:Logging");
    assert_eq!(
        brief(&answers),
        vec![
            "Tenant Admin Policy#1",
            "network-admins#5",
            "read-only#1",
            "platform-engineering#1",
            "legacy-public-read#1",
            "service-principals#2"
        ]
    );
    assert_eq!(answers[4].members, vec!["every user and principal"]);
}

#[test]
fn who_can_inspect_and_use_users() {
    let index = index();
    assert_eq!(
        brief(&who(&index, "inspect", "users", "tenancy")),
        vec![
            "Tenant Admin Policy#1",
            "network-admins#5",
            "security-auditors#1",
            "security-auditors#4",
            "read-only#1",
            "platform-engineering#1",
            "helpdesk#1",
            "service-principals#2"
        ]
    );
    let using = who(&index, "use", "users", "tenancy");
    assert_eq!(
        brief(&using),
        vec!["Tenant Admin Policy#1", "platform-engineering#1"]
    );
    // Resetting console passwords and unblocking are `manage users` permissions in Oracle's
    // IAM policy reference: helpdesk holds part of manage, nothing of use.
    let managing = who(&index, "manage", "users", "tenancy");
    let helpdesk = managing
        .iter()
        .find(|a| a.policy == "helpdesk" && a.statement_index == 2)
        .expect("helpdesk's permission list");
    assert_eq!(
        helpdesk.coverage,
        Coverage::Partial,
        "USER_UIPASS_RESET and USER_UNBLOCK only"
    );
}

#[test]
fn who_can_manage_the_pci_databases() {
    let index = index();
    let answers = who(
        &index,
        "manage",
        "autonomous-databases",
        "Prod:Data:Warehouse:Sensitive:PCI",
    );
    assert_eq!(
        brief(&answers),
        vec![
            "pci-restricted#1",
            "!warehouse-access#3",
            "Tenant Admin Policy#1",
            "platform-engineering#1"
        ]
    );
    assert_eq!(
        answers[0].condition.as_deref(),
        Some("request.user.mfaTotpVerified = 'true'")
    );
}

#[test]
fn who_can_read_secret_bundles_in_the_vault() {
    let index = index();
    let answers = who(&index, "read", "secret-bundles", "Security:Vault");
    assert_eq!(
        brief(&answers),
        vec![
            "prod-app-instance-principals#1",
            "Tenant Admin Policy#1",
            "network-admins#5",
            "read-only#1",
            "platform-engineering#1",
            "service-principals#2"
        ]
    );
    assert!(
        answers[0].members[0]
            .starts_with("dynamic group prod-app-instances (ALL {instance.compartment.id")
    );
}

#[test]
fn who_can_use_keys_in_the_vault_includes_services() {
    let index = index();
    let answers = who(&index, "use", "keys", "Security:Vault");
    assert_eq!(
        brief(&answers),
        vec![
            "service-principals#1",
            "prod-app-instance-principals#2",
            "Tenant Admin Policy#1",
            "platform-engineering#1"
        ]
    );
    assert_eq!(
        answers[0].subject,
        "service objectstorage-us-ashburn-1, blockstorage"
    );
}

#[test]
fn network_grants_flow_down_the_shared_network_tree() {
    let index = index();
    let hub = who(&index, "manage", "subnets", "Shared:Network:Hub");
    assert_eq!(
        brief(&hub),
        vec![
            "network-admins#1",
            "Tenant Admin Policy#1",
            "platform-engineering#1"
        ]
    );
    assert_eq!(
        hub[0].location,
        "in compartment Shared:Network, inherited by Shared:Network:Hub"
    );
    assert_eq!(
        brief(&who(&index, "manage", "dns-zones", "Shared:Network:DNS")),
        vec![
            "network-admins#3",
            "Tenant Admin Policy#1",
            "platform-engineering#1"
        ]
    );
    // Prod:Network is a different compartment with the same name.
    assert_eq!(
        brief(&who(&index, "manage", "subnets", "Prod:Network")),
        vec![
            "network-admins#2",
            "Tenant Admin Policy#1",
            "platform-engineering#1"
        ]
    );
}

#[test]
fn who_can_manage_objects_in_the_warehouse_staging_area() {
    let index = index();
    assert_eq!(
        brief(&who(
            &index,
            "manage",
            "objects",
            "Prod:Data:Warehouse:Staging"
        )),
        vec![
            "data-engineering#3",
            "Tenant Admin Policy#1",
            "platform-engineering#1"
        ]
    );
}

#[test]
fn who_can_read_audit_events_includes_the_admitted_partner() {
    let index = index();
    let answers = who(&index, "read", "audit-events", "tenancy");
    assert_eq!(
        brief(&answers),
        vec![
            "Tenant Admin Policy#1",
            "network-admins#5",
            "security-auditors#2",
            "read-only#1",
            "platform-engineering#1",
            "partner-audit#3",
            "service-principals#2",
            "partners-access#2"
        ]
    );
    assert_eq!(answers[5].subject, "group NorthbridgeAuditors");
    // The Partners domain's auditors, with their members named by domain.
    assert_eq!(
        answers[7].members,
        [
            "Partners/liam.boyd@northbridge.io",
            "Partners/priya.nair@partner-sys.com"
        ]
    );
}

#[test]
fn a_statement_with_a_syntax_error_grants_nothing_and_is_reported() {
    let index = index();
    assert_eq!(
        brief(&who(&index, "manage", "instances", "Dev:Sandbox")),
        vec!["Tenant Admin Policy#1", "platform-engineering#1"]
    );
    let skipped: Vec<(&str, usize)> = index
        .unparsed()
        .iter()
        .map(|u| (u.policy_name.as_str(), u.index))
        .collect();
    assert_eq!(skipped, vec![("contractors", 0)]);
}

#[test]
fn repeated_names_resolve_by_their_path() {
    let index = index();
    assert_ne!(at(&index, "Prod:AppTier"), at(&index, "Staging:AppTier"));
    assert_ne!(at(&index, "Shared:Network"), at(&index, "Prod:Network"));
    assert_eq!(
        index.compartment("Archive-2023"),
        None,
        "deleted compartments are gone"
    );
}
