//! The official CLI and Python SDK on tag tools, bulk operations and locks: resource-type
//! lists, standard tags, cost-tracking tags, the effective tag set, locks and
//! `--is-lock-override`, bulk tag edits and deletes, bulk moves and deletes with
//! `--wait-for-state`, and every field the forms send, through the SDK's own models.

use std::process::Command;

use serde_json::json;

use super::seed::{FINANCE_NS, LOGS_BUCKET, PROD, SHARED, TENANCY, WEB_1, WEB_2};
use super::support::{Cli, args, emulator, len, run_all};

fn ok(cli: &Cli, args: &[&str]) -> std::process::Output {
    let out = cli.run(args);
    assert!(
        out.status.success(),
        "oci {} failed:\n{}",
        args.join(" "),
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

fn refused(cli: &Cli, args: &[&str], expect: &[&str]) {
    let out = cli.run(args);
    assert!(!out.status.success(), "oci {} succeeded", args.join(" "));
    let stderr = String::from_utf8_lossy(&out.stderr);
    for text in expect {
        assert!(stderr.contains(text), "{text} not in:\n{stderr}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_oci_cli_reads_tag_tools_and_resource_types() {
    let emu = emulator().await;
    let cli = Cli::new(&emu);
    let calls = [
        args(
            "iam bulk-action-resource-type-collection list --bulk-action-type BULK_MOVE_RESOURCES --all",
        ),
        args("iam tag bulk-edit-tags-resource-type list --all"),
        args(&format!(
            "iam standard-tag-namespace-template list-standard-tag-namespaces --compartment-id {TENANCY} --all"
        )),
        args(&format!(
            "iam standard-tag-namespace-template get-standard-tag-template --compartment-id {TENANCY} --standard-tag-namespace-name Oracle-Standard"
        )),
        args(&format!(
            "iam tag-default assemble-effective-tag-set --compartment-id {PROD}"
        )),
    ];
    let out = run_all(&cli, &calls);
    // `--all` over a collection gathers its items across pages (the test pages are small).
    let names: Vec<&str> = out[0]["data"]["items"]
        .as_array()
        .or(out[0]["data"].as_array())
        .unwrap()
        .iter()
        .map(|t| t["name"].as_str().unwrap())
        .collect();
    assert!(names.contains(&"Instance"), "{names:?}");
    assert!(
        out[1]["data"]["items"]
            .as_array()
            .unwrap()
            .iter()
            .any(|t| t["resource-type"] == "User"),
        "{}",
        out[1]
    );
    assert_eq!(len(&out[2]), 3);
    assert_eq!(
        out[3]["data"]["standard-tag-namespace-name"],
        "Oracle-Standard"
    );
    assert_eq!(out[4]["data"][0]["tag-definition-name"], "CostCenter");
    // An empty list prints nothing at all.
    let none = ok(
        &cli,
        &[
            "iam",
            "tag",
            "list-cost-tracking",
            "--compartment-id",
            TENANCY,
            "--all",
        ],
    );
    assert!(
        none.stdout.is_empty(),
        "{}",
        String::from_utf8_lossy(&none.stdout)
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_oci_cli_locks_edits_and_moves_in_bulk() {
    let emu = emulator().await;
    let cli = Cli::new(&emu);
    let wait = [
        "--wait-for-state",
        "SUCCEEDED",
        "--wait-interval-seconds",
        "1",
    ];
    ok(
        &cli,
        &[
            "iam",
            "tag-namespace",
            "add",
            "--tag-namespace-id",
            FINANCE_NS,
            "--type",
            "FULL",
            "--message",
            "audit freeze",
        ],
    );
    refused(
        &cli,
        &[
            "iam",
            "tag-namespace",
            "update",
            "--tag-namespace-id",
            FINANCE_NS,
            "--description",
            "x",
            "--force",
        ],
        &["409", "audit freeze", "isLockOverride"],
    );
    // The CLI's hand-written `tag-namespace update` drops --is-lock-override (3.95.1), so the
    // override is shown with a generated command that keeps it.
    refused(
        &cli,
        &[
            "iam",
            "tag-namespace",
            "update",
            "--tag-namespace-id",
            FINANCE_NS,
            "--description",
            "x",
            "--force",
            "--is-lock-override",
            "true",
        ],
        &["409"],
    );
    refused(
        &cli,
        &[
            "iam",
            "tag-namespace",
            "change-compartment",
            "--tag-namespace-id",
            FINANCE_NS,
            "--compartment-id",
            SHARED,
        ],
        &["409", "cannot be moved"],
    );
    ok(
        &cli,
        &[
            "iam",
            "tag-namespace",
            "change-compartment",
            "--tag-namespace-id",
            FINANCE_NS,
            "--compartment-id",
            SHARED,
            "--is-lock-override",
            "true",
        ],
    );
    ok(
        &cli,
        &[
            "iam",
            "tag-namespace",
            "remove",
            "--tag-namespace-id",
            FINANCE_NS,
            "--type",
            "FULL",
        ],
    );

    let users = json!([
        {"id": "ocid1.user.oc1..aaaaaaaau0001", "resourceType": "User"},
        {"id": "ocid1.user.oc1..aaaaaaaau0002", "resourceType": "User"},
        {"id": "ocid1.user.oc1..aaaaaaaau0003", "resourceType": "User"}
    ])
    .to_string();
    let ops = json!([{"operationType": "ADD_OR_SET", "definedTags": {"Finance": {"CostCenter": "CC-2"}}}])
        .to_string();
    let mut edit = vec![
        "iam",
        "tag",
        "bulk-edit",
        "--compartment-id",
        TENANCY,
        "--resources",
        &users,
        "--bulk-edit-operations",
        &ops,
    ];
    edit.extend(wait);
    let done = ok(&cli, &edit);
    let done: serde_json::Value = serde_json::from_slice(&done.stdout).unwrap();
    assert_eq!(done["data"]["operation-type"], "BULK_EDIT_OF_TAGS");
    let tagged = emu.store.with(|s| {
        s.users
            .get("ocid1.user.oc1..aaaaaaaau0003")
            .unwrap()
            .defined_tags["Finance"]["CostCenter"]
            .clone()
    });
    assert_eq!(tagged, "CC-2");

    let resources = json!([
        {"identifier": WEB_1, "entityType": "Instance"},
        {"identifier": LOGS_BUCKET, "entityType": "Bucket",
         "metadata": {"namespaceName": "testns", "bucketName": "logs"}}
    ])
    .to_string();
    let mut moving = vec![
        "iam",
        "compartment",
        "bulk-move-resources",
        "--compartment-id",
        PROD,
        "--resources",
        &resources,
        "--target-compartment-id",
        SHARED,
    ];
    moving.extend(wait);
    ok(&cli, &moving);
    let gone = json!([{"identifier": WEB_2, "entityType": "Instance"}]).to_string();
    let mut deleting = vec![
        "iam",
        "compartment",
        "bulk-delete-resources",
        "--compartment-id",
        PROD,
        "--resources",
        &gone,
    ];
    deleting.extend(wait);
    ok(&cli, &deleting);
    let (moved, state) = emu.store.with(|s| {
        (
            s.compartment_resources
                .get(WEB_1)
                .unwrap()
                .compartment_id
                .clone(),
            s.compartment_resources
                .get(WEB_2)
                .unwrap()
                .lifecycle_state
                .to_string(),
        )
    });
    assert_eq!((moved.as_str(), state.as_str()), (SHARED, "TERMINATED"));

    let mut import = vec![
        "iam",
        "tag",
        "import-standard-tags",
        "--compartment-id",
        TENANCY,
        "--standard-tag-namespace-name",
        "Oracle-Vendor",
    ];
    import.extend(wait);
    ok(&cli, &import);
    let vendor = emu
        .store
        .with(|s| s.namespace_named("Oracle-Vendor").map(|n| n.id.clone()))
        .unwrap();
    // Retire, refuse a plain delete while tags remain, delete the tags in bulk, then the
    // namespace.
    ok(
        &cli,
        &[
            "iam",
            "tag-namespace",
            "retire",
            "--tag-namespace-id",
            &vendor,
        ],
    );
    refused(
        &cli,
        &[
            "iam",
            "tag-namespace",
            "delete",
            "--tag-namespace-id",
            &vendor,
            "--force",
        ],
        &["409", "still holds"],
    );
    let ids = emu.store.with(|s| {
        s.tags
            .iter()
            .filter(|t| t.tag_namespace_id.as_deref() == Some(vendor.as_str()))
            .map(|t| t.id.clone())
            .collect::<Vec<_>>()
    });
    let ids = serde_json::to_string(&ids).unwrap();
    let mut bulk_delete = vec!["iam", "tag", "bulk-delete", "--tag-definition-ids", &ids];
    bulk_delete.extend(wait);
    ok(&cli, &bulk_delete);
    ok(
        &cli,
        &[
            "iam",
            "tag-namespace",
            "delete",
            "--tag-namespace-id",
            &vendor,
            "--force",
        ],
    );
}

/// The SDK itself: every new operation with its models and keyword arguments, the fields the
/// forms send, and the service's refusals as `ServiceError`s.
const SDK_SCRIPT: &str = r#"
import sys, oci
from oci.identity import models as m
cfg = oci.config.from_file(sys.argv[1])
endpoint, tenancy, prod, shared, ns, vol = sys.argv[2], cfg["tenancy"], sys.argv[3], sys.argv[4], sys.argv[5], sys.argv[6]
identity = oci.identity.IdentityClient(cfg, service_endpoint=endpoint)
def done(response, getter):
    wr = getter(response.headers["opc-work-request-id"])
    return oci.wait_until(identity, wr, "status", "SUCCEEDED", max_interval_seconds=1, max_wait_seconds=60).data
def refused(call, status, code):
    try:
        call()
    except oci.exceptions.ServiceError as e:
        assert (e.status, e.code) == (status, code), (e.status, e.code, e.message)
        return e.message
    raise SystemExit("not refused")

kinds = oci.pagination.list_call_get_all_results(identity.list_bulk_edit_tags_resource_types).data
assert any(k.resource_type == "User" for k in kinds), kinds
actions = identity.list_bulk_action_resource_types("BULK_DELETE_RESOURCES").data.items
assert any(a.name == "Volume" for a in actions)
wr = done(identity.bulk_delete_resources(prod, m.BulkDeleteResourcesDetails(
    resources=[m.BulkActionResource(identifier=vol, entity_type="Volume")])), identity.get_work_request)
# The SDK's WorkRequest enum predates bulk actions: it reads the type as UNKNOWN_ENUM_VALUE.
assert wr.status == "SUCCEEDED" and wr.resources[0].entity_type == "Volume", wr

locked = identity.add_tag_namespace_lock(ns, m.AddLockDetails(type="DELETE", message="keep")).data
assert locked.locks[0].type == "DELETE" and locked.locks[0].is_active
msg = refused(lambda: identity.cascade_delete_tag_namespace(ns), 409, "Conflict")
assert "DELETE lock" in msg, msg
identity.remove_tag_namespace_lock(ns, m.RemoveLockDetails(type="DELETE"))
msg = refused(lambda: identity.delete_tag(ns, "Owner"), 409, "Conflict")
assert "retire it first" in msg, msg
defaults = identity.list_tag_defaults(compartment_id=prod).data
d = identity.add_tag_default_lock(defaults[0].id, m.AddLockDetails(type="FULL")).data
refused(lambda: identity.update_tag_default(d.id, m.UpdateTagDefaultDetails(value="CC-2")), 409, "Conflict")
assert identity.update_tag_default(d.id, m.UpdateTagDefaultDetails(value="CC-2"), is_lock_override=True).data.value == "CC-2"
identity.delete_tag_default(d.id, is_lock_override=True)

std = identity.list_standard_tag_namespaces(tenancy).data
assert [t.standard_tag_namespace_name for t in std] == ["Oracle-ApplicationName", "Oracle-Standard", "Oracle-Vendor"]
tpl = identity.get_standard_tag_template(tenancy, "Oracle-Standard").data
assert any(t.enum_mutability == "IMMUTABLE" for t in tpl.tag_definition_templates)
done(identity.import_standard_tags(import_standard_tags_details=m.ImportStandardTagsDetails(
    compartment_id=tenancy, standard_tag_namespace_name="Oracle-Standard")), identity.get_tagging_work_request)
made = identity.create_tag_namespace(m.CreateTagNamespaceDetails(compartment_id=tenancy, name="SdkCosts",
    description="d", locks=[m.AddLockDetails(type="FULL")])).data
assert made.locks[0].type == "FULL"
refused(lambda: identity.create_tag(made.id, m.CreateTagDetails(name="A", description="d")), 409, "Conflict")
for i in range(10):
    identity.create_tag(made.id, m.CreateTagDetails(name=f"C{i}", description="d", is_cost_tracking=True), is_lock_override=True)
refused(lambda: identity.create_tag(made.id, m.CreateTagDetails(name="C10", description="d", is_cost_tracking=True),
    is_lock_override=True), 400, "LimitExceeded")
cost = oci.pagination.list_call_get_all_results(identity.list_cost_tracking_tags, tenancy).data
assert len(cost) == 10, len(cost)
identity.change_tag_namespace_compartment(made.id, m.ChangeTagNamespaceCompartmentDetail(compartment_id=shared), is_lock_override=True)
assert identity.get_tag_namespace(made.id).data.compartment_id == shared
identity.update_tag_namespace(made.id, m.UpdateTagNamespaceDetails(is_retired=True), is_lock_override=True)
ids = [t.id for t in identity.list_tags(made.id).data]
done(identity.bulk_delete_tags(m.BulkDeleteTagsDetails(tag_definition_ids=ids), is_lock_override=True), identity.get_tagging_work_request)
identity.delete_tag_namespace(made.id, is_lock_override=True)

effective = identity.assemble_effective_tag_set(prod, lifecycle_state="ACTIVE").data
assert all(isinstance(t, m.TagDefaultSummary) for t in effective)
edit = m.BulkEditTagsDetails(compartment_id=tenancy,
    resources=[m.BulkEditResource(id=cfg["user"], resource_type="User")],
    bulk_edit_operations=[m.BulkEditOperationDetails(operation_type="ADD_OR_SET", defined_tags={"Finance": {"Owner": "sdk"}})])
done(identity.bulk_edit_tags(bulk_edit_tags_details=edit), identity.get_tagging_work_request)
me = identity.get_user(cfg["user"]).data
assert me.defined_tags["Finance"]["Owner"] == "sdk", me.defined_tags

policy = identity.create_policy(m.CreatePolicyDetails(compartment_id=tenancy, name="sdk-fields",
    statements=["Allow group Administrators to read users in tenancy"], description="a",
    version_date="2024-01-15", freeform_tags={"a": "b"}, defined_tags={"Finance": {"Owner": "x"}})).data
assert str(policy.version_date).startswith("2024-01-15"), policy.version_date
changed = identity.update_policy(policy.id, m.UpdatePolicyDetails(description="b", version_date="2025-02-01",
    defined_tags={"Finance": {"CostCenter": "CC-1"}})).data
assert changed.description == "b" and str(changed.version_date).startswith("2025-02-01")
refused(lambda: identity.update_policy(policy.id, m.UpdatePolicyDetails(defined_tags={"Finance": {"CostCenter": "CC-5"}})),
    400, "InvalidParameter")
user = identity.update_user(cfg["user"], m.UpdateUserDetails(db_user_name="SDK_DB", freeform_tags={"k": "v"})).data
assert user.db_user_name == "SDK_DB"
orgs = oci.tenant_manager_control_plane.SenderInvitationClient(cfg, service_endpoint=endpoint)
from oci.tenant_manager_control_plane import models as om
inv = orgs.create_sender_invitation(om.CreateSenderInvitationDetails(compartment_id=tenancy,
    recipient_tenancy_id="ocid1.tenancy.oc1..aaaaaaaasdkrecipient", subjects=["LINK", "GOVERNANCE"],
    features=["SUBSCRIPTION_SHARING"], defined_tags={"Finance": {"Owner": "sdk"}})).data
assert inv.subjects == ["LINK", "GOVERNANCE"] and inv.invitation_features[0].name == "SUBSCRIPTION_SHARING"
search = oci.resource_search.ResourceSearchClient(cfg, service_endpoint=endpoint)
found = oci.pagination.list_call_get_all_results(search.search_resources,
    oci.resource_search.models.StructuredSearchDetails(type="Structured",
        query=f"query all resources where compartmentId = '{prod}'")).data
assert sorted(r.resource_type for r in found) == ["Bucket", "Instance", "Instance", "Volume"], found
print("ok")
"#;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_python_sdk_drives_tag_tools_and_bulk_operations() {
    let emu = emulator().await;
    let cli = Cli::new(&emu);
    let python = cli.binary.with_file_name("python");
    let script = cli.home.path().join("tag_tools.py");
    std::fs::write(&script, SDK_SCRIPT).expect("script written");
    let out = Command::new(python)
        .arg(&script)
        .arg(&cli.config)
        .arg(&emu.endpoint)
        .args([PROD, SHARED, FINANCE_NS, super::seed::DATA_VOLUME])
        .env("HOME", cli.home.path())
        .env("OCI_CLI_SUPPRESS_FILE_PERMISSIONS_WARNING", "True")
        .output()
        .expect("python runs");
    assert!(
        out.status.success(),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}
