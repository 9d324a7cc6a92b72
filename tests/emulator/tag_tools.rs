//! Tag tools over HTTP: literal routes, locks and their override, retire-before-delete,
//! moving a namespace, the cost-tracking limit, standard tags, the effective tag set, defined
//! tags checked on every create and update, and tag defaults applied (or required).

use serde_json::{Value, json};

use super::seed::{ADMIN, COST_CENTER, FINANCE_NS, PROD, SHARED, TENANCY};
use super::support::{Client, emulator};

const NS: &str = "/20160918/tagNamespaces";

async fn create_namespace(c: &Client, name: &str) -> String {
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

async fn create_tag(c: &Client, ns: &str, name: &str, body: Value) -> Value {
    let mut body = body;
    body["name"] = json!(name);
    body["description"] = json!("d");
    let r = c.post(&format!("{NS}/{ns}/tags"), &body, &[]).await;
    assert_eq!(r.status, 200, "{:?}", r.body);
    r.body
}

async fn retire_tag(c: &Client, ns: &str, name: &str) {
    let r = c
        .put(
            &format!("{NS}/{ns}/tags/{name}"),
            &json!({"isRetired": true}),
            None,
        )
        .await;
    assert_eq!(r.status, 200, "{:?}", r.body);
}

fn message(r: &super::support::Resp) -> String {
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
async fn a_full_lock_refuses_changes_until_overridden_or_removed() {
    let (_emu, c) = emulator().await;
    let lock = c
        .post(
            &format!("{NS}/{FINANCE_NS}/actions/addLock"),
            &json!({"type": "FULL", "message": "frozen for the audit"}),
            &[],
        )
        .await;
    assert_eq!(lock.status, 200, "{:?}", lock.body);
    assert_eq!(lock.body["locks"][0]["type"], "FULL");
    assert_eq!(lock.body["locks"][0]["isActive"], true);
    assert!(lock.body["locks"][0]["timeCreated"].is_string());
    let listed = c
        .get(&format!("{NS}?compartmentId={TENANCY}&name=Finance"))
        .await;
    assert_eq!(
        listed.body[0]["locks"][0]["type"], "FULL",
        "lists show locks"
    );

    let update = c
        .put(
            &format!("{NS}/{FINANCE_NS}"),
            &json!({"description": "x"}),
            None,
        )
        .await;
    assert_eq!((update.status, update.code()), (409, "Conflict"));
    assert!(message(&update).contains("FULL lock"), "{:?}", update.body);
    assert!(message(&update).contains("frozen for the audit"));
    assert!(message(&update).contains("isLockOverride=true"));
    let forced = c
        .put(
            &format!("{NS}/{FINANCE_NS}?isLockOverride=true"),
            &json!({"description": "x"}),
            None,
        )
        .await;
    assert_eq!(forced.status, 200, "{:?}", forced.body);
    // The lock covers the namespace's tags too.
    let tag = c
        .post(
            &format!("{NS}/{FINANCE_NS}/tags"),
            &json!({"name": "Region", "description": "d"}),
            &[],
        )
        .await;
    assert_eq!(tag.status, 409, "{:?}", tag.body);
    let retag = c
        .put(
            &format!("{NS}/{FINANCE_NS}/tags/Owner"),
            &json!({"description": "e"}),
            None,
        )
        .await;
    assert_eq!(retag.status, 409);
    let moved = c
        .post(
            &format!("{NS}/{FINANCE_NS}/actions/changeCompartment"),
            &json!({"compartmentId": PROD}),
            &[],
        )
        .await;
    assert_eq!(moved.status, 409);
    assert!(message(&moved).contains("cannot be moved"));
    let bogus = c
        .post(
            &format!("{NS}/{FINANCE_NS}/actions/addLock"),
            &json!({"type": "SOFT"}),
            &[],
        )
        .await;
    assert_eq!((bogus.status, bogus.code()), (400, "InvalidParameter"));
    let stale = c
        .post(
            &format!("{NS}/{FINANCE_NS}/actions/removeLock"),
            &json!({"type": "FULL"}),
            &[("if-match", "stale")],
        )
        .await;
    assert_eq!(stale.status, 412);
    let removed = c
        .post(
            &format!("{NS}/{FINANCE_NS}/actions/removeLock"),
            &json!({"type": "FULL"}),
            &[],
        )
        .await;
    assert_eq!(removed.status, 200, "{:?}", removed.body);
    assert!(removed.body.get("locks").is_none(), "{:?}", removed.body);
    let again = c
        .post(
            &format!("{NS}/{FINANCE_NS}/actions/removeLock"),
            &json!({"type": "FULL"}),
            &[],
        )
        .await;
    assert_eq!(again.status, 409);
    let updated = c
        .put(
            &format!("{NS}/{FINANCE_NS}"),
            &json!({"description": "y"}),
            None,
        )
        .await;
    assert_eq!(updated.status, 200);
}

#[tokio::test]
async fn a_delete_lock_refuses_deletes_only() {
    let (_emu, c) = emulator().await;
    let made = c
        .post(
            NS,
            &json!({"compartmentId": TENANCY, "name": "Kept", "description": "d",
                    "locks": [{"type": "DELETE", "message": "keep"}]}),
            &[],
        )
        .await;
    assert_eq!(made.status, 200, "{:?}", made.body);
    assert_eq!(made.body["locks"][0]["type"], "DELETE");
    let id = made.body["id"].as_str().unwrap().to_string();
    let retired = c
        .put(&format!("{NS}/{id}"), &json!({"isRetired": true}), None)
        .await;
    assert_eq!(retired.status, 200, "updates pass a DELETE lock");
    let moved = c
        .post(
            &format!("{NS}/{id}/actions/changeCompartment"),
            &json!({"compartmentId": PROD}),
            &[],
        )
        .await;
    assert_eq!(
        moved.status, 200,
        "moves pass a DELETE lock: {:?}",
        moved.body
    );
    for r in [
        c.delete(&format!("{NS}/{id}"), None).await,
        c.post(
            &format!("{NS}/{id}/actions/cascadeDelete"),
            &json!(null),
            &[],
        )
        .await,
    ] {
        assert_eq!(r.status, 409, "{:?}", r.body);
        assert!(message(&r).contains("DELETE lock"), "{:?}", r.body);
    }
    let deleted = c
        .delete(&format!("{NS}/{id}?isLockOverride=true"), None)
        .await;
    assert_eq!(deleted.status, 204, "{:?}", deleted.body);
}

#[tokio::test]
async fn a_locked_tag_default_refuses_edits_and_deletes() {
    let (_emu, c) = emulator().await;
    let defaults = c
        .get(&format!("/20160918/tagDefaults?compartmentId={PROD}"))
        .await;
    let id = defaults.body[0]["id"].as_str().unwrap().to_string();
    let path = format!("/20160918/tagDefaults/{id}");
    let locked = c
        .post(
            &format!("{path}/actions/addLock"),
            &json!({"type": "FULL", "relatedResourceId": FINANCE_NS}),
            &[],
        )
        .await;
    assert_eq!(locked.status, 200, "{:?}", locked.body);
    assert!(locked.header("etag").is_some());
    assert_eq!(locked.body["locks"][0]["relatedResourceId"], FINANCE_NS);
    let edit = c.put(&path, &json!({"value": "CC-2"}), None).await;
    assert_eq!(edit.status, 409);
    assert!(message(&edit).contains("tag default for CostCenter has a FULL lock"));
    let gone = c.delete(&path, None).await;
    assert_eq!(gone.status, 409);
    let forced = c
        .put(
            &format!("{path}?isLockOverride=true"),
            &json!({"value": "CC-2"}),
            None,
        )
        .await;
    assert_eq!(forced.status, 200, "{:?}", forced.body);
    assert_eq!(forced.body["value"], "CC-2");
    let unlocked = c
        .post(
            &format!("{path}/actions/removeLock"),
            &json!({"type": "FULL"}),
            &[("if-match", forced.header("etag").unwrap())],
        )
        .await;
    assert_eq!(unlocked.status, 200, "{:?}", unlocked.body);
    assert_eq!(c.delete(&path, None).await.status, 204);
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

#[tokio::test]
async fn the_effective_tag_set_is_inherited_nearest_first() {
    let (_emu, c) = emulator().await;
    let owner = c.get(&format!("{NS}/{FINANCE_NS}/tags/Owner")).await;
    let root_default = c
        .post(
            "/20160918/tagDefaults",
            &json!({"compartmentId": TENANCY, "tagDefinitionId": owner.body["id"],
                    "value": "platform@example.com"}),
            &[],
        )
        .await;
    assert_eq!(root_default.status, 200, "{:?}", root_default.body);
    let child = c
        .post(
            "/20160918/compartments",
            &json!({"compartmentId": PROD, "name": "Child", "description": "d"}),
            &[],
        )
        .await;
    assert_eq!(child.status, 200, "{:?}", child.body);
    let child_id = child.body["id"].as_str().unwrap().to_string();
    let set = |id: String| {
        let c = c.clone();
        async move {
            let r = c
                .get(&format!(
                    "/20160918/tagDefaults/actions/assembleEffectiveTagSet?compartmentId={id}"
                ))
                .await;
            assert_eq!(r.status, 200, "{:?}", r.body);
            r.body.as_array().unwrap().clone()
        }
    };
    let inherited = set(child_id.clone()).await;
    let from = |items: &[Value], tag: &str| {
        items
            .iter()
            .filter(|d| d["tagDefinitionName"] == tag)
            .map(|d| d["compartmentId"].as_str().unwrap().to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(from(&inherited, "CostCenter"), [PROD]);
    assert_eq!(from(&inherited, "Owner"), [TENANCY]);
    let own = c
        .post(
            "/20160918/tagDefaults",
            &json!({"compartmentId": child_id, "tagDefinitionId": COST_CENTER, "value": "CC-2"}),
            &[],
        )
        .await;
    assert_eq!(own.status, 200, "{:?}", own.body);
    let nearest = set(child_id.clone()).await;
    assert_eq!(
        from(&nearest, "CostCenter"),
        std::slice::from_ref(&child_id)
    );
    let filtered = c
        .get(&format!(
            "/20160918/tagDefaults/actions/assembleEffectiveTagSet?compartmentId={child_id}&lifecycleState=ACTIVE"
        ))
        .await;
    assert_eq!(filtered.body.as_array().unwrap().len(), 2);
    let bad = c
        .get(&format!(
            "/20160918/tagDefaults/actions/assembleEffectiveTagSet?compartmentId={child_id}&lifecycleState=GONE"
        ))
        .await;
    assert_eq!(bad.status, 400);
    let nowhere = c
        .get("/20160918/tagDefaults/actions/assembleEffectiveTagSet?compartmentId=ocid1.compartment.oc1..aaaaaaaanone")
        .await;
    assert_eq!(nowhere.status, 404);
}

#[tokio::test]
async fn defined_tags_are_checked_on_creates_and_updates() {
    let (_emu, c) = emulator().await;
    let group = |name: &str, tags: Value| json!({"compartmentId": TENANCY, "name": name, "description": "d", "definedTags": tags});
    let unknown = c
        .post(
            "/20160918/groups",
            &group("g1", json!({"Nope": {"x": "1"}})),
            &[],
        )
        .await;
    assert_eq!((unknown.status, unknown.code()), (400, "InvalidParameter"));
    assert!(
        message(&unknown).contains("tag namespaces / keys are not authorized or not found: 'Nope'"),
        "{:?}",
        unknown.body
    );
    let bad_value = c
        .post(
            "/20160918/groups",
            &group("g1", json!({"Finance": {"CostCenter": "CC-9"}})),
            &[],
        )
        .await;
    assert_eq!(bad_value.status, 400);
    assert!(message(&bad_value).contains("use one of: CC-1, CC-2"));
    let ok = c
        .post(
            "/20160918/groups",
            &group("g1", json!({"finance": {"costcenter": "CC-1"}})),
            &[],
        )
        .await;
    assert_eq!(
        ok.status, 200,
        "names match case-insensitively: {:?}",
        ok.body
    );
    let id = ok.body["id"].as_str().unwrap().to_string();
    let kept = ok.body["definedTags"].clone();
    let update = c
        .put(
            &format!("/20160918/groups/{id}"),
            &json!({"definedTags": {"Finance": {"CostCenter": 7}}}),
            None,
        )
        .await;
    assert_eq!(update.status, 400, "values are strings: {:?}", update.body);
    // A tag retired since it was applied stays on an update that leaves it as it was.
    retire_tag(&c, FINANCE_NS, "CostCenter").await;
    let same = c
        .put(
            &format!("/20160918/groups/{id}"),
            &json!({"description": "e", "definedTags": kept}),
            None,
        )
        .await;
    assert_eq!(same.status, 200, "{:?}", same.body);
    let retired = c
        .post(
            "/20160918/policies",
            &json!({"compartmentId": TENANCY, "name": "p", "description": "d",
                    "statements": ["Allow group g1 to read users in tenancy"],
                    "definedTags": {"Finance": {"CostCenter": "CC-1"}}}),
            &[],
        )
        .await;
    assert_eq!(retired.status, 400);
    assert!(message(&retired).contains("retired"), "{:?}", retired.body);
    for (path, body) in [
        (
            "/20160918/users",
            json!({"compartmentId": TENANCY, "name": "u1", "description": "d",
                   "definedTags": {"Finance": {"Nope": "x"}}}),
        ),
        (
            "/20160918/dynamicGroups",
            json!({"compartmentId": TENANCY, "name": "dg", "description": "d",
                   "matchingRule": format!("ALL {{instance.compartment.id = '{PROD}'}}"),
                   "definedTags": {"Finance": {"Nope": "x"}}}),
        ),
        (
            "/20160918/compartments",
            json!({"compartmentId": TENANCY, "name": "c1", "description": "d",
                   "definedTags": {"Finance": {"Nope": "x"}}}),
        ),
        (
            NS,
            json!({"compartmentId": TENANCY, "name": "n1", "description": "d",
                   "definedTags": {"Finance": {"Nope": "x"}}}),
        ),
    ] {
        let r = c.post(path, &body, &[]).await;
        assert_eq!(r.status, 400, "{path}: {:?}", r.body);
    }
    let invitation = c
        .post(
            "/20230401/senderInvitations",
            &json!({"compartmentId": TENANCY, "recipientTenancyId": "ocid1.tenancy.oc1..aaaaaaaanew",
                    "definedTags": {"Finance": {"Nope": "x"}}}),
            &[],
        )
        .await;
    assert_eq!(invitation.status, 400, "{:?}", invitation.body);
}

#[tokio::test]
async fn tag_defaults_fill_in_or_require_values_on_create() {
    let (_emu, c) = emulator().await;
    let child = |name: &str, tags: Value| json!({"compartmentId": PROD, "name": name, "description": "d", "definedTags": tags});
    let filled = c
        .post("/20160918/compartments", &child("c1", json!({})), &[])
        .await;
    assert_eq!(filled.status, 200, "{:?}", filled.body);
    assert_eq!(filled.body["definedTags"]["Finance"]["CostCenter"], "CC-1");
    let defaults = c
        .get(&format!("/20160918/tagDefaults?compartmentId={PROD}"))
        .await;
    let id = defaults.body[0]["id"].as_str().unwrap().to_string();
    let required = c
        .put(
            &format!("/20160918/tagDefaults/{id}"),
            &json!({"value": "CC-1", "isRequired": true}),
            None,
        )
        .await;
    assert_eq!(required.status, 200, "{:?}", required.body);
    let refused = c
        .post("/20160918/compartments", &child("c2", json!({})), &[])
        .await;
    assert_eq!(refused.status, 400);
    assert!(
        message(&refused).contains("Finance.CostCenter is required in compartment Prod"),
        "{:?}",
        refused.body
    );
    let policy = c
        .post(
            "/20160918/policies",
            &json!({"compartmentId": PROD, "name": "p", "description": "d",
                    "statements": ["Allow group g1 to read users in tenancy"]}),
            &[],
        )
        .await;
    assert_eq!(
        policy.status, 400,
        "a policy in Prod too: {:?}",
        policy.body
    );
    let given = c
        .post(
            "/20160918/compartments",
            &child("c3", json!({"Finance": {"CostCenter": "CC-2"}})),
            &[],
        )
        .await;
    assert_eq!(given.status, 200, "{:?}", given.body);
    assert_eq!(given.body["definedTags"]["Finance"]["CostCenter"], "CC-2");
    // Tag variables are filled in with the caller.
    let owner = c.get(&format!("{NS}/{FINANCE_NS}/tags/Owner")).await;
    c.post(
        "/20160918/tagDefaults",
        &json!({"compartmentId": TENANCY, "tagDefinitionId": owner.body["id"],
                "value": "${iam.principal.name}"}),
        &[],
    )
    .await;
    let group = c
        .post(
            "/20160918/groups",
            &json!({"compartmentId": TENANCY, "name": "g2", "description": "d"}),
            &[],
        )
        .await;
    assert_eq!(group.status, 200, "{:?}", group.body);
    let admin = c.get(&format!("/20160918/users/{ADMIN}")).await;
    assert_eq!(
        group.body["definedTags"]["Finance"]["Owner"],
        admin.body["name"]
    );
}
