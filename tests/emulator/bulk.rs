//! Bulk operations over HTTP: defined tags edited on many resources, retired tags deleted
//! together, other services' resources moved and deleted, each through its work request and
//! taking effect only when it finishes.

use serde_json::{Value, json};

use super::seed::{DATA_VOLUME, LOGS_BUCKET, PROD, SHARED, TENANCY, WEB_1, WEB_2};
use super::support::{Client, Resp, emulator};

const EDIT: &str = "/20160918/tags/actions/bulkEdit";

fn users(n: usize) -> Vec<String> {
    // Users 1..=9 of the seed are ACTIVE (every 10th is INACTIVE, every 25th DELETED).
    (1..=n)
        .map(|i| format!("ocid1.user.oc1..aaaaaaaau{i:04}"))
        .collect()
}

#[allow(clippy::needless_pass_by_value)] // callers build both inline with json!
fn edit(compartment: &str, resources: Value, operations: Value) -> Value {
    json!({"compartmentId": compartment, "resources": resources, "bulkEditOperations": operations})
}

fn as_users(ids: &[String]) -> Value {
    Value::Array(
        ids.iter()
            .map(|id| json!({"id": id, "resourceType": "User"}))
            .collect(),
    )
}

async fn run(c: &Client, path: &str, body: &Value, work_api: &str) -> Value {
    let r = c.post(path, body, &[]).await;
    assert_eq!(r.status, 202, "{path}: {:?}", r.body);
    let work = r.header("opc-work-request-id").unwrap().to_string();
    c.wait_for_work(&format!("/20160918/{work_api}/{work}"))
        .await
}

async fn cost_center(c: &Client, user: &str) -> Value {
    c.get(&format!("/20160918/users/{user}")).await.body["definedTags"]["Finance"]["CostCenter"]
        .clone()
}

fn refused(r: &Resp, status: u16, code: &str) {
    assert_eq!((r.status, r.code()), (status, code), "{:?}", r.body);
}

#[tokio::test]
async fn a_bulk_edit_changes_the_tags_when_its_work_request_finishes() {
    let (_emu, c) = emulator().await;
    let types = c.get("/20160918/tags/bulkEditResourceTypes").await;
    let items = types.body["items"].as_array().unwrap();
    assert!(items.contains(&json!({"resourceType": "User", "metadataKeys": []})));
    assert!(items.contains(
        &json!({"resourceType": "Bucket", "metadataKeys": ["namespaceName", "bucketName"]})
    ));

    let three = users(3);
    let body = edit(
        TENANCY,
        as_users(&three),
        json!([{"operationType": "ADD_OR_SET", "definedTags": {"Finance": {"CostCenter": "CC-2"}}}]),
    );
    let r = c
        .post(EDIT, &body, &[("opc-retry-token", "bulk-edit-1")])
        .await;
    assert_eq!(r.status, 202, "{:?}", r.body);
    let work = r.header("opc-work-request-id").unwrap().to_string();
    let replay = c
        .post(EDIT, &body, &[("opc-retry-token", "bulk-edit-1")])
        .await;
    assert_eq!(replay.header("opc-work-request-id"), Some(work.as_str()));
    let path = format!("/20160918/taggingWorkRequests/{work}");
    let first = c.get(&path).await;
    assert_eq!(first.body["operationType"], "BULK_EDIT_OF_TAGS");
    assert_eq!(first.body["resources"].as_array().unwrap().len(), 3);
    assert_eq!(first.body["resources"][0]["entityType"], "User");
    if first.body["status"] != "SUCCEEDED" {
        assert_eq!(
            cost_center(&c, &three[0]).await,
            Value::Null,
            "not before it finishes"
        );
    }
    let done = c.wait_for_work(&path).await;
    assert_eq!(done["status"], "SUCCEEDED");
    assert_eq!(done["resources"][2]["actionType"], "UPDATED");
    for user in &three {
        assert_eq!(cost_center(&c, user).await, "CC-2");
    }

    // ADD_WHERE_ABSENT leaves the three alone and tags the fourth; SET_WHERE_PRESENT the
    // other way round.
    let four = users(4);
    let add = edit(
        TENANCY,
        as_users(&four),
        json!([{"operationType": "ADD_WHERE_ABSENT", "definedTags": {"Finance": {"CostCenter": "CC-1"}}}]),
    );
    run(&c, EDIT, &add, "taggingWorkRequests").await;
    assert_eq!(cost_center(&c, &four[0]).await, "CC-2");
    assert_eq!(cost_center(&c, &four[3]).await, "CC-1");
    let five = users(5);
    let set = edit(
        TENANCY,
        as_users(&five),
        json!([
            {"operationType": "SET_WHERE_PRESENT", "definedTags": {"Finance": {"CostCenter": "CC-1"}}},
            {"operationType": "ADD_OR_SET", "definedTags": {"Finance": {"Owner": "ops"}}}
        ]),
    );
    run(&c, EDIT, &set, "taggingWorkRequests").await;
    assert_eq!(cost_center(&c, &five[0]).await, "CC-1");
    assert_eq!(cost_center(&c, &five[4]).await, Value::Null);
    let remove = edit(
        TENANCY,
        as_users(&five),
        json!([{"operationType": "REMOVE", "definedTags": {"finance": {"costcenter": ""}}}]),
    );
    run(&c, EDIT, &remove, "taggingWorkRequests").await;
    let user = c.get(&format!("/20160918/users/{}", five[0])).await;
    assert_eq!(
        user.body["definedTags"],
        json!({"Finance": {"Owner": "ops"}}),
        "only CostCenter went"
    );

    // Other services' resources take edits too; a bucket names itself by its metadata.
    let resources = json!([
        {"id": WEB_1, "resourceType": "instance"},
        {"id": LOGS_BUCKET, "resourceType": "Bucket",
         "metadata": {"namespaceName": "testns", "bucketName": "logs"}}
    ]);
    let tag =
        json!([{"operationType": "ADD_OR_SET", "definedTags": {"Finance": {"Owner": "web"}}}]);
    let done = run(&c, EDIT, &edit(PROD, resources, tag), "taggingWorkRequests").await;
    assert_eq!(done["resources"][0]["entityType"], "Instance");
}

#[tokio::test]
async fn a_bulk_edit_is_checked_before_it_starts() {
    let (emu, c) = emulator().await;
    let op = json!([{"operationType": "ADD_OR_SET", "definedTags": {"Finance": {"CostCenter": "CC-1"}}}]);
    let one = as_users(&users(1));
    let cases = [
        (
            edit(TENANCY, json!([]), op.clone()),
            400,
            "MissingParameter",
        ),
        (
            edit(TENANCY, one.clone(), json!([])),
            400,
            "MissingParameter",
        ),
        (
            edit(
                TENANCY,
                json!([{"id": WEB_1, "resourceType": "Satellite"}]),
                op.clone(),
            ),
            400,
            "InvalidParameter",
        ),
        (
            edit(
                TENANCY,
                json!([{"id": "ocid1.user.oc1..aaaaaaaanobody", "resourceType": "User"}]),
                op.clone(),
            ),
            400,
            "RelatedResourceNotAuthorizedOrNotFound",
        ),
        (
            edit(
                PROD,
                json!([{"id": LOGS_BUCKET, "resourceType": "Bucket"}]),
                op.clone(),
            ),
            400,
            "MissingParameter",
        ),
        (edit(PROD, one.clone(), op.clone()), 400, "InvalidParameter"),
        (
            edit(
                TENANCY,
                one.clone(),
                json!([{"operationType": "ADD_OR_SET", "definedTags": {"Finance": {"CostCenter": "CC-7"}}}]),
            ),
            400,
            "InvalidParameter",
        ),
        (
            edit(
                TENANCY,
                one.clone(),
                json!([{"operationType": "MERGE", "definedTags": {"Finance": {"CostCenter": "CC-1"}}}]),
            ),
            400,
            "InvalidParameter",
        ),
        (
            edit(
                TENANCY,
                one.clone(),
                json!([
                    {"operationType": "ADD_OR_SET", "definedTags": {"Finance": {"CostCenter": "CC-1"}}},
                    {"operationType": "REMOVE", "definedTags": {"Finance": {"CostCenter": "CC-1"}}}
                ]),
            ),
            400,
            "InvalidParameter",
        ),
        (
            edit(
                "ocid1.compartment.oc1..aaaaaaaanowhere",
                one.clone(),
                op.clone(),
            ),
            404,
            "NotAuthorizedOrNotFound",
        ),
    ];
    for (body, status, code) in cases {
        let r = c.post(EDIT, &body, &[]).await;
        assert_eq!((r.status, r.code()), (status, code), "{body}: {:?}", r.body);
    }
    let work = emu.store.with(|s| s.work.len());
    assert_eq!(work, 0, "nothing refused started a work request");
}

#[tokio::test]
async fn a_bulk_delete_removes_retired_tags_and_their_values() {
    let (_emu, c) = emulator().await;
    let ns = c
        .post(
            "/20160918/tagNamespaces",
            &json!({"compartmentId": TENANCY, "name": "Old", "description": "d"}),
            &[],
        )
        .await;
    let ns = ns.body["id"].as_str().unwrap().to_string();
    let mut ids = Vec::new();
    for name in ["A", "B"] {
        let t = c
            .post(
                &format!("/20160918/tagNamespaces/{ns}/tags"),
                &json!({"name": name, "description": "d"}),
                &[],
            )
            .await;
        ids.push(t.body["id"].as_str().unwrap().to_string());
    }
    let tagged = c
        .post(
            "/20160918/groups",
            &json!({"compartmentId": TENANCY, "name": "tagged", "description": "d",
                    "definedTags": {"Old": {"A": "1"}, "Finance": {"Owner": "me"}}}),
            &[],
        )
        .await;
    let group = tagged.body["id"].as_str().unwrap().to_string();
    let path = "/20160918/tags/actions/bulkDelete";
    let active = c.post(path, &json!({"tagDefinitionIds": ids}), &[]).await;
    refused(&active, 409, "Conflict");
    assert!(
        active.body["message"]
            .as_str()
            .unwrap()
            .contains("retire it first")
    );
    c.put(
        &format!("/20160918/tagNamespaces/{ns}"),
        &json!({"isRetired": true}),
        None,
    )
    .await;
    let mixed = c
        .post(
            path,
            &json!({"tagDefinitionIds": [ids[0], "ocid1.tagdefinition.oc1..aaaaaaaaowner"]}),
            &[],
        )
        .await;
    refused(&mixed, 400, "InvalidParameter");
    refused(
        &c.post(path, &json!({"tagDefinitionIds": []}), &[]).await,
        400,
        "MissingParameter",
    );
    refused(
        &c.post(
            path,
            &json!({"tagDefinitionIds": ["ocid1.tagdefinition.oc1..aaaaaaaanone"]}),
            &[],
        )
        .await,
        404,
        "NotAuthorizedOrNotFound",
    );
    c.post(
        &format!("/20160918/tagNamespaces/{ns}/actions/addLock"),
        &json!({"type": "FULL"}),
        &[],
    )
    .await;
    let locked = c.post(path, &json!({"tagDefinitionIds": ids}), &[]).await;
    refused(&locked, 409, "Conflict");
    let done = run(
        &c,
        &format!("{path}?isLockOverride=true"),
        &json!({"tagDefinitionIds": ids}),
        "taggingWorkRequests",
    )
    .await;
    assert_eq!(done["operationType"], "BULK_DELETE_TAG_DEFINITION");
    assert_eq!(done["resources"].as_array().unwrap().len(), 2);
    assert_eq!(done["resources"][1]["entityType"], "tagDefinition");
    for name in ["A", "B"] {
        let t = c
            .get(&format!("/20160918/tagNamespaces/{ns}/tags/{name}"))
            .await;
        assert_eq!(t.body["lifecycleState"], "DELETED");
    }
    let after = c.get(&format!("/20160918/groups/{group}")).await;
    assert_eq!(
        after.body["definedTags"],
        json!({"Finance": {"Owner": "me"}}),
        "the deleted tag left the resources it was on"
    );
}

#[tokio::test]
async fn resources_are_moved_and_deleted_in_bulk() {
    let (emu, c) = emulator().await;
    let types = c
        .get("/20160918/compartments/bulkActionResourceTypes?bulkActionType=BULK_DELETE_RESOURCES")
        .await;
    assert!(
        types.body["items"]
            .as_array()
            .unwrap()
            .contains(&json!({"name": "Bucket", "metadataKeys": ["namespaceName", "bucketName"]}))
    );
    let bucket = json!({"identifier": LOGS_BUCKET, "entityType": "Bucket",
                        "metadata": {"namespaceName": "testns", "bucketName": "logs"}});
    let move_path = format!("/20160918/compartments/{PROD}/actions/bulkMoveResources");
    let moving = |resources: Value, target: &str| json!({"resources": resources, "targetCompartmentId": target});
    let bad = [
        (moving(json!([]), SHARED), 400, "MissingParameter"),
        (
            moving(
                json!([{"identifier": LOGS_BUCKET, "entityType": "Bucket"}]),
                SHARED,
            ),
            400,
            "MissingParameter",
        ),
        (
            moving(
                json!([{"identifier": LOGS_BUCKET, "entityType": "Bucket",
                        "metadata": {"namespaceName": "testns", "bucketName": "other"}}]),
                SHARED,
            ),
            400,
            "InvalidParameter",
        ),
        (
            moving(
                json!([{"identifier": WEB_1, "entityType": "Volume"}]),
                SHARED,
            ),
            400,
            "RelatedResourceNotAuthorizedOrNotFound",
        ),
        (
            moving(json!([{"identifier": WEB_1, "entityType": "User"}]), SHARED),
            400,
            "InvalidParameter",
        ),
        (
            moving(
                json!([{"identifier": WEB_1, "entityType": "Instance"}]),
                PROD,
            ),
            400,
            "InvalidParameter",
        ),
        (
            moving(
                json!([{"identifier": WEB_1, "entityType": "Instance"}]),
                "ocid1.compartment.oc1..aaaaaaaanowhere",
            ),
            404,
            "NotAuthorizedOrNotFound",
        ),
    ];
    for (body, status, code) in bad {
        let r = c.post(&move_path, &body, &[]).await;
        assert_eq!((r.status, r.code()), (status, code), "{body}: {:?}", r.body);
    }
    let body = moving(
        json!([{"identifier": WEB_1, "entityType": "Instance"}, bucket]),
        SHARED,
    );
    let r = c.post(&move_path, &body, &[]).await;
    assert_eq!(r.status, 202, "{:?}", r.body);
    let work = r.header("opc-work-request-id").unwrap().to_string();
    let wr = c.get(&format!("/20160918/workRequests/{work}")).await;
    assert_eq!(wr.body["operationType"], "BULK_MOVE_RESOURCES");
    assert_eq!(wr.body["compartmentId"], PROD);
    let done = c
        .wait_for_work(&format!("/20160918/workRequests/{work}"))
        .await;
    assert_eq!(done["status"], "SUCCEEDED");
    assert_eq!(done["resources"].as_array().unwrap().len(), 2);
    let moved = emu.store.with(|s| {
        s.compartment_resources
            .get(WEB_1)
            .unwrap()
            .compartment_id
            .clone()
    });
    assert_eq!(moved, SHARED);
    // From Shared now: Prod no longer has it.
    let stale = c
        .post(
            &move_path,
            &moving(
                json!([{"identifier": WEB_1, "entityType": "Instance"}]),
                SHARED,
            ),
            &[],
        )
        .await;
    refused(&stale, 400, "InvalidParameter");

    let delete_path = format!("/20160918/compartments/{PROD}/actions/bulkDeleteResources");
    let body = json!({"resources": [
        {"identifier": WEB_2, "entityType": "Instance"},
        {"identifier": DATA_VOLUME, "entityType": "Volume"}
    ]});
    let r = c.post(&delete_path, &body, &[]).await;
    assert_eq!(r.status, 202, "{:?}", r.body);
    let lifecycle = emu.store.with(|s| {
        s.compartment_resources
            .get(WEB_2)
            .unwrap()
            .lifecycle_state
            .clone()
    });
    assert_eq!(lifecycle.as_str(), "DELETING");
    let again = c.post(&delete_path, &body, &[]).await;
    refused(&again, 400, "RelatedResourceNotAuthorizedOrNotFound");
    let work = r.header("opc-work-request-id").unwrap().to_string();
    let done = c
        .wait_for_work(&format!("/20160918/workRequests/{work}"))
        .await;
    assert_eq!(done["operationType"], "BULK_DELETE_RESOURCES");
    assert_eq!(done["resources"][0]["actionType"], "DELETED");
    let states: Vec<String> = emu.store.with(|s| {
        [WEB_2, DATA_VOLUME]
            .iter()
            .map(|id| {
                s.compartment_resources
                    .get(id)
                    .unwrap()
                    .lifecycle_state
                    .to_string()
            })
            .collect()
    });
    assert_eq!(states, ["TERMINATED", "DELETED"]);
}

#[tokio::test]
async fn a_compartment_holding_resources_is_not_deleted() {
    let (emu, c) = emulator().await;
    let app = "ocid1.compartment.oc1..aaaaaaaaempty";
    emu.store.with(|s| {
        let mut r = s.compartment_resources.get(WEB_1).unwrap().clone();
        r.id = "ocid1.instance.oc1.iad.aaaaaaaainempty".into();
        r.compartment_id = app.into();
        s.compartment_resources.upsert(r);
    });
    let r = c
        .delete(&format!("/20160918/compartments/{app}"), None)
        .await;
    refused(&r, 409, "Conflict");
    assert!(
        r.body["message"]
            .as_str()
            .unwrap()
            .contains("1 resource(s) of other services"),
        "{:?}",
        r.body
    );
}

#[tokio::test]
async fn search_lists_a_compartments_other_resources() {
    let (_emu, c) = emulator().await;
    let search = |body: Value| {
        let c = c.clone();
        async move { c.post("/20180409/resources", &body, &[]).await }
    };
    let all = search(json!({"type": "Structured",
        "query": format!("query all resources where compartmentId = '{PROD}'")}))
    .await;
    assert_eq!(all.status, 200, "{:?}", all.body);
    let items = all.body["items"].as_array().unwrap();
    assert_eq!(items.len(), 4);
    let bucket = items
        .iter()
        .find(|i| i["identifier"] == LOGS_BUCKET)
        .unwrap();
    assert_eq!(bucket["resourceType"], "Bucket");
    assert_eq!(bucket["displayName"], "logs");
    assert_eq!(bucket["additionalDetails"]["bucketName"], "logs");
    let instances = search(json!({"type": "Structured",
        "query": format!("query instance resources where compartmentId = '{PROD}' && lifecycleState = 'ACTIVE'")}))
    .await;
    assert_eq!(instances.body["items"].as_array().unwrap().len(), 2);
    let paged = c
        .post(
            "/20180409/resources?limit=3",
            &json!({"type": "Structured", "query": "query all resources"}),
            &[],
        )
        .await;
    assert_eq!(paged.body["items"].as_array().unwrap().len(), 3);
    assert!(paged.header("opc-next-page").is_some());
    let text = search(json!({"type": "FreeText", "text": "WEB"})).await;
    assert_eq!(text.body["items"].as_array().unwrap().len(), 2);
    let bad =
        search(json!({"type": "Structured", "query": "query all resources where x > 1"})).await;
    refused(&bad, 400, "InvalidParameter");
}
