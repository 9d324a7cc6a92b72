//! Tag defaults and defined tags over HTTP: the effective tag set a compartment inherits,
//! defined tags checked on every create and update, and defaults filled in (or required).

use serde_json::{Value, json};

use super::seed::{ADMIN, COST_CENTER, FINANCE_NS, PROD, TENANCY};
use super::support::emulator;
use super::tag_tools::{NS, message, retire_tag};

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
                    "statements": ["Allow group Administrators to read users in tenancy"],
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
                    "statements": ["Allow group Administrators to read users in tenancy"]}),
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
