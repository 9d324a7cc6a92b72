//! Tag tools over HTTP: literal routes, retire-before-delete, moving a namespace, the
//! cost-tracking limit and standard tags (locks and tag defaults have their own files).

use serde_json::{Value, json};

use super::seed::{FINANCE_NS, PROD, SHARED, TENANCY};
use super::support::{Client, emulator};

pub(super) const NS: &str = "/20160918/tagNamespaces";

pub(super) async fn create_namespace(c: &Client, name: &str) -> String {
    let r = c
        .post(
            NS,
            &json!({"compartmentId": TENANCY, "name": name, "description": "d"}),
            &[],
        )
        .await;
    assert_eq!(r.status, 200, "{:?}", r.body);
    r.body["id"].as_str().unwrap().to_string()
}

pub(super) async fn create_tag(c: &Client, ns: &str, name: &str, body: Value) -> Value {
    let mut body = body;
    body["name"] = json!(name);
    body["description"] = json!("d");
    let r = c.post(&format!("{NS}/{ns}/tags"), &body, &[]).await;
    assert_eq!(r.status, 200, "{:?}", r.body);
    r.body
}

pub(super) async fn retire_tag(c: &Client, ns: &str, name: &str) {
    let r = c
        .put(
            &format!("{NS}/{ns}/tags/{name}"),
            &json!({"isRetired": true}),
            None,
        )
        .await;
    assert_eq!(r.status, 200, "{:?}", r.body);
}

pub(super) fn message(r: &super::support::Resp) -> String {
    r.body["message"].as_str().unwrap_or("").to_string()
}

#[tokio::test]
async fn literal_segments_route_to_their_operations() {
    let (_emu, c) = emulator().await;
    let types = c
        .get("/20160918/compartments/bulkActionResourceTypes?bulkActionType=BULK_MOVE_RESOURCES")
        .await;
    assert_eq!(types.status, 200, "{:?}", types.body);
    let names: Vec<&str> = types.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["name"].as_str().unwrap())
        .collect();
    assert!(
        names.contains(&"Instance") && names.contains(&"Bucket"),
        "{names:?}"
    );
    // Without its required parameter it is still the operation, not a compartment lookup.
    let missing = c
        .get("/20160918/compartments/bulkActionResourceTypes")
        .await;
    assert_eq!((missing.status, missing.code()), (400, "MissingParameter"));
    let bad = c
        .get("/20160918/compartments/bulkActionResourceTypes?bulkActionType=SHRED")
        .await;
    assert_eq!((bad.status, bad.code()), (400, "InvalidParameter"));
    let prod = c.get(&format!("/20160918/compartments/{PROD}")).await;
    assert_eq!(prod.body["id"], PROD);
    for path in [
        format!("/20160918/tagDefaults/actions/assembleEffectiveTagSet?compartmentId={PROD}"),
        format!("{NS}/actions/listCostTrackingTags?compartmentId={TENANCY}"),
        format!("/20160918/tags/standardTagNamespaceTemplates?compartmentId={TENANCY}"),
    ] {
        let r = c.get(&path).await;
        assert_eq!(r.status, 200, "{path}: {:?}", r.body);
        assert!(r.body.is_array(), "{path}: {:?}", r.body);
    }
    let edit = c.get("/20160918/tags/bulkEditResourceTypes?limit=3").await;
    assert_eq!(edit.body["items"].as_array().unwrap().len(), 3);
    assert!(edit.header("opc-next-page").is_some());
}

#[tokio::test]
async fn tags_and_namespaces_are_retired_before_they_are_deleted() {
    let (_emu, c) = emulator().await;
    let ns = create_namespace(&c, "Scratch").await;
    create_tag(&c, &ns, "First", json!({})).await;
    create_tag(&c, &ns, "Second", json!({})).await;
    let active = c.delete(&format!("{NS}/{ns}/tags/First"), None).await;
    assert_eq!((active.status, active.code()), (409, "Conflict"));
    assert!(
        message(&active).contains("retire it first"),
        "{:?}",
        active.body
    );
    for r in [
        c.delete(&format!("{NS}/{ns}"), None).await,
        c.post(
            &format!("{NS}/{ns}/actions/cascadeDelete"),
            &json!(null),
            &[],
        )
        .await,
    ] {
        assert_eq!(r.status, 409);
        assert!(message(&r).contains("retire it first"), "{:?}", r.body);
    }
    retire_tag(&c, &ns, "First").await;
    let deleting = c.delete(&format!("{NS}/{ns}/tags/First"), None).await;
    assert_eq!(deleting.status, 202, "{:?}", deleting.body);
    let work = deleting.header("opc-work-request-id").unwrap().to_string();
    let done = c
        .wait_for_work(&format!("/20160918/taggingWorkRequests/{work}"))
        .await;
    assert_eq!(done["status"], "SUCCEEDED");
    // Retiring the namespace retires its tags; reactivating it leaves them retired.
    c.put(&format!("{NS}/{ns}"), &json!({"isRetired": true}), None)
        .await;
    let second = c.get(&format!("{NS}/{ns}/tags/Second")).await;
    assert_eq!(second.body["lifecycleState"], "INACTIVE");
    let early = c
        .put(
            &format!("{NS}/{ns}/tags/Second"),
            &json!({"isRetired": false}),
            None,
        )
        .await;
    assert_eq!(early.status, 409, "a tag waits for its namespace");
    assert!(message(&early).contains("reactivate the namespace first"));
    c.put(&format!("{NS}/{ns}"), &json!({"isRetired": false}), None)
        .await;
    let still = c.get(&format!("{NS}/{ns}/tags/Second")).await;
    assert_eq!(still.body["isRetired"], true, "{:?}", still.body);
    c.put(&format!("{NS}/{ns}"), &json!({"isRetired": true}), None)
        .await;
    let full = c.delete(&format!("{NS}/{ns}"), None).await;
    assert_eq!(full.status, 409);
    assert!(
        message(&full).contains("still holds 1 tag"),
        "{:?}",
        full.body
    );

    let empty = create_namespace(&c, "Empty").await;
    c.put(&format!("{NS}/{empty}"), &json!({"isRetired": true}), None)
        .await;
    assert_eq!(c.delete(&format!("{NS}/{empty}"), None).await.status, 204);
    let after = c.get(&format!("{NS}/{empty}")).await;
    assert_eq!(after.body["lifecycleState"], "DELETED");
}

#[tokio::test]
async fn a_namespace_moves_with_its_tags() {
    let (_emu, c) = emulator().await;
    let path = format!("{NS}/{FINANCE_NS}/actions/changeCompartment");
    let moved = c.post(&path, &json!({"compartmentId": SHARED}), &[]).await;
    assert_eq!(moved.status, 200, "{:?}", moved.body);
    assert!(moved.body.is_null(), "no body: {:?}", moved.body);
    let ns = c.get(&format!("{NS}/{FINANCE_NS}")).await;
    assert_eq!(ns.body["compartmentId"], SHARED);
    let tag = c.get(&format!("{NS}/{FINANCE_NS}/tags/CostCenter")).await;
    assert_eq!(tag.body["compartmentId"], SHARED);
    let same = c.post(&path, &json!({"compartmentId": SHARED}), &[]).await;
    assert_eq!(same.status, 400);
    let nowhere = c
        .post(
            &path,
            &json!({"compartmentId": "ocid1.compartment.oc1..aaaaaaaanowhere"}),
            &[],
        )
        .await;
    assert_eq!(nowhere.status, 404);
}

#[tokio::test]
async fn cost_tracking_tags_are_listed_and_limited_to_ten() {
    let (_emu, c) = emulator().await;
    let ns = create_namespace(&c, "Costs").await;
    for i in 0..10 {
        create_tag(
            &c,
            &ns,
            &format!("Cost{i}"),
            json!({"isCostTracking": true}),
        )
        .await;
    }
    let eleventh = c
        .post(
            &format!("{NS}/{ns}/tags"),
            &json!({"name": "Cost10", "description": "d", "isCostTracking": true}),
            &[],
        )
        .await;
    assert_eq!((eleventh.status, eleventh.code()), (400, "LimitExceeded"));
    assert!(
        message(&eleventh).contains("turn cost tracking off"),
        "{:?}",
        eleventh.body
    );
    let switched = c
        .put(
            &format!("{NS}/{FINANCE_NS}/tags/Owner"),
            &json!({"isCostTracking": true}),
            None,
        )
        .await;
    assert_eq!(switched.code(), "LimitExceeded");
    // A retired tag still counts; a deleted one frees its place at once.
    retire_tag(&c, &ns, "Cost0").await;
    let still = c
        .put(
            &format!("{NS}/{FINANCE_NS}/tags/Owner"),
            &json!({"isCostTracking": true}),
            None,
        )
        .await;
    assert_eq!(still.code(), "LimitExceeded");
    let listed = c
        .get(&format!(
            "{NS}/actions/listCostTrackingTags?compartmentId={TENANCY}&limit=4"
        ))
        .await;
    assert_eq!(listed.body.as_array().unwrap().len(), 4);
    assert!(listed.header("opc-next-page").is_some());
    assert_eq!(listed.body[0]["tagNamespaceName"], "Costs");
    let (all, _) = c
        .list_all(&format!(
            "{NS}/actions/listCostTrackingTags?compartmentId={TENANCY}"
        ))
        .await;
    assert_eq!(all.len(), 10);
    c.delete(&format!("{NS}/{ns}/tags/Cost0"), None).await;
    let freed = c
        .put(
            &format!("{NS}/{FINANCE_NS}/tags/Owner"),
            &json!({"isCostTracking": true}),
            None,
        )
        .await;
    assert_eq!(freed.status, 200, "{:?}", freed.body);
    let none = c
        .get(&format!(
            "{NS}/actions/listCostTrackingTags?compartmentId={PROD}"
        ))
        .await;
    assert_eq!(
        none.body,
        json!([]),
        "no namespace lives under Prod with cost tags"
    );
}

#[tokio::test]
async fn standard_tags_are_listed_read_and_imported() {
    let (_emu, c) = emulator().await;
    let base = "/20160918/tags/standardTagNamespaceTemplates";
    let list = c.get(&format!("{base}?compartmentId={TENANCY}")).await;
    let names: Vec<&str> = list
        .body
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["standardTagNamespaceName"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        ["Oracle-ApplicationName", "Oracle-Standard", "Oracle-Vendor"]
    );
    assert_eq!(c.get(base).await.status, 400);
    let one = c
        .get(&format!("{base}/Oracle-Standard?compartmentId={TENANCY}"))
        .await;
    let templates = one.body["tagDefinitionTemplates"]
        .as_array()
        .unwrap()
        .clone();
    let environment = templates
        .iter()
        .find(|t| t["tagDefinitionName"] == "Environment")
        .unwrap();
    assert_eq!(environment["type"], "ENUM");
    assert_eq!(environment["enumMutability"], "APPENDABLE");
    assert!(
        environment["possibleValues"]
            .as_array()
            .unwrap()
            .contains(&json!("Dev"))
    );
    let unknown = c
        .get(&format!("{base}/Acme-Standard?compartmentId={TENANCY}"))
        .await;
    assert_eq!(unknown.status, 404);

    let import = "/20160918/tags/actions/importStandardTags";
    let not_root = c
        .post(
            import,
            &json!({"compartmentId": PROD, "standardTagNamespaceName": "Oracle-Standard"}),
            &[],
        )
        .await;
    assert_eq!(not_root.status, 400);
    assert!(message(&not_root).contains("root compartment"));
    let bad = c
        .post(
            import,
            &json!({"compartmentId": TENANCY, "standardTagNamespaceName": "Oracle-Nope"}),
            &[],
        )
        .await;
    assert_eq!(bad.status, 400);
    let body = json!({"compartmentId": TENANCY, "standardTagNamespaceName": "Oracle-Standard"});
    let started = c.post(import, &body, &[]).await;
    assert_eq!(started.status, 202, "{:?}", started.body);
    let work = started.header("opc-work-request-id").unwrap().to_string();
    let twice = c.post(import, &body, &[]).await;
    assert_eq!(twice.status, 409, "one import at a time: {:?}", twice.body);
    let wr = format!("/20160918/taggingWorkRequests/{work}");
    let first = c.get(&wr).await;
    assert_eq!(first.body["operationType"], "IMPORT_STANDARD_TAGS");
    let done = c.wait_for_work(&wr).await;
    assert_eq!(done["status"], "SUCCEEDED");
    assert_eq!(done["resources"][0]["actionType"], "CREATED");
    let ns_id = done["resources"][0]["identifier"]
        .as_str()
        .unwrap()
        .to_string();
    let ns = c.get(&format!("{NS}/{ns_id}")).await;
    assert_eq!(ns.body["name"], "Oracle-Standard");
    let tags = c.get(&format!("{NS}/{ns_id}/tags")).await;
    assert_eq!(tags.body.as_array().unwrap().len(), templates.len());
    let env = c.get(&format!("{NS}/{ns_id}/tags/Environment")).await;
    assert_eq!(env.body["validator"]["validatorType"], "ENUM");
    // Importing again completes the namespace instead of making a second one.
    let again = c.post(import, &body, &[]).await;
    let work = again.header("opc-work-request-id").unwrap().to_string();
    let done = c
        .wait_for_work(&format!("/20160918/taggingWorkRequests/{work}"))
        .await;
    assert_eq!(done["resources"][0]["actionType"], "UPDATED");
    let tags = c.get(&format!("{NS}/{ns_id}/tags")).await;
    assert_eq!(tags.body.as_array().unwrap().len(), templates.len());
}
