//! Operation behaviour beyond paging: user state, capabilities, passwords, keys, groups and
//! memberships, tags with validators, tag defaults, tenancy and regions.

use rsa::RsaPublicKey;
use rsa::pkcs8::{EncodePublicKey, LineEnding};
use serde_json::json;

use super::seed::{COST_CENTER, FINANCE_NS, PROD, TENANCY};
use super::support::{emulator, other_key};

#[tokio::test]
async fn user_lifecycle_capabilities_password_and_keys() {
    let (_emu, c) = emulator().await;
    let created = c
        .post("/20160918/users", &json!({"compartmentId": TENANCY, "name": "newbie", "description": "d", "email": "n@example.com"}), &[])
        .await;
    assert_eq!(created.status, 200);
    let id = created.body["id"].as_str().unwrap().to_string();
    let caps = c
        .put(
            &format!("/20160918/users/{id}/capabilities"),
            &json!({"canUseDBCredentials": false}),
            None,
        )
        .await;
    assert_eq!(
        caps.body["capabilities"]["canUseDbCredentials"], false,
        "{:?}",
        caps.body
    );
    let pw = c
        .post(
            &format!("/20160918/users/{id}/uiPassword"),
            &json!(null),
            &[],
        )
        .await;
    assert_eq!(pw.body["password"].as_str().unwrap().len(), 16);
    let pem = RsaPublicKey::from(other_key())
        .to_public_key_pem(LineEnding::LF)
        .unwrap();
    let key = c
        .post(
            &format!("/20160918/users/{id}/apiKeys"),
            &json!({"key": pem}),
            &[],
        )
        .await;
    assert_eq!(key.status, 200, "{:?}", key.body);
    let fp = key.body["fingerprint"].as_str().unwrap().to_string();
    assert_eq!(key.body["keyId"], format!("{TENANCY}/{id}/{fp}"));
    let keys = c.get(&format!("/20160918/users/{id}/apiKeys")).await;
    assert_eq!(keys.body.as_array().unwrap().len(), 1);
    let bad = c
        .post(
            &format!("/20160918/users/{id}/apiKeys"),
            &json!({"key": "nope"}),
            &[],
        )
        .await;
    assert_eq!(bad.status, 400);
    assert_eq!(
        c.delete(&format!("/20160918/users/{id}/apiKeys/{fp}"), None)
            .await
            .status,
        204
    );
    let token = c
        .post(
            &format!("/20160918/users/{id}/authTokens"),
            &json!({"description": "smtp"}),
            &[],
        )
        .await;
    assert!(token.body["token"].is_string());
    let tokens = c.get(&format!("/20160918/users/{id}/authTokens")).await;
    assert!(
        tokens.body[0].get("token").is_none(),
        "the secret is shown once"
    );

    let group = "ocid1.group.oc1..aaaaaaaag05";
    let m = c
        .post(
            "/20160918/userGroupMemberships",
            &json!({"userId": id, "groupId": group}),
            &[],
        )
        .await;
    assert_eq!(m.status, 200);
    let dup = c
        .post(
            "/20160918/userGroupMemberships",
            &json!({"userId": id, "groupId": group}),
            &[],
        )
        .await;
    assert_eq!(dup.status, 409);
    let in_group = c.delete(&format!("/20160918/users/{id}"), None).await;
    assert_eq!(in_group.status, 409, "a user in a group is not deleted");
    let full_group = c.delete(&format!("/20160918/groups/{group}"), None).await;
    assert_eq!(
        full_group.status, 409,
        "a group with members is not deleted"
    );
    let mid = m.body["id"].as_str().unwrap();
    assert_eq!(
        c.get(&format!("/20160918/userGroupMemberships/{mid}"))
            .await
            .status,
        200
    );
    assert_eq!(
        c.delete(&format!("/20160918/userGroupMemberships/{mid}"), None)
            .await
            .status,
        204
    );
    assert_eq!(
        c.delete(&format!("/20160918/users/{id}"), None)
            .await
            .status,
        204
    );
    assert_eq!(
        c.get(&format!("/20160918/users/{id}")).await.body["lifecycleState"],
        "DELETED"
    );
    assert_eq!(
        c.delete(&format!("/20160918/groups/{group}"), None)
            .await
            .status,
        204
    );
}

#[tokio::test]
async fn tags_validate_values_and_cost_tracking() {
    let (_emu, c) = emulator().await;
    let full = c
        .get(&format!(
            "/20160918/tagNamespaces/{FINANCE_NS}/tags/CostCenter"
        ))
        .await;
    assert_eq!(full.body["validator"]["validatorType"], "ENUM");
    assert_eq!(full.body["tagNamespaceName"], "Finance");
    let empty_enum = c
        .post(&format!("/20160918/tagNamespaces/{FINANCE_NS}/tags"),
              &json!({"name": "Tier", "description": "d", "validator": {"validatorType": "ENUM", "values": []}}), &[])
        .await;
    assert_eq!(empty_enum.status, 400);
    let tier = c
        .post(&format!("/20160918/tagNamespaces/{FINANCE_NS}/tags"),
              &json!({"name": "Tier", "description": "d", "isCostTracking": true, "validator": {"validatorType": "ENUM", "values": ["gold"]}}), &[])
        .await;
    assert_eq!(tier.status, 200, "{:?}", tier.body);
    assert_eq!(tier.body["isCostTracking"], true);
    let bad_default = c
        .post(
            "/20160918/tagDefaults",
            &json!({"compartmentId": TENANCY, "tagDefinitionId": COST_CENTER, "value": "CC-9"}),
            &[],
        )
        .await;
    assert_eq!(bad_default.status, 400, "not one of the ENUM values");
    let default = c
        .post("/20160918/tagDefaults", &json!({"compartmentId": TENANCY, "tagDefinitionId": COST_CENTER, "value": "CC-2", "isRequired": true}), &[])
        .await;
    assert_eq!(default.status, 200, "{:?}", default.body);
    let did = default.body["id"].as_str().unwrap();
    let again = c
        .post(
            "/20160918/tagDefaults",
            &json!({"compartmentId": PROD, "tagDefinitionId": COST_CENTER, "value": "CC-2"}),
            &[],
        )
        .await;
    assert_eq!(again.status, 409, "one default per tag per compartment");
    let etag = default.header("etag").unwrap();
    let updated = c
        .put(
            &format!("/20160918/tagDefaults/{did}"),
            &json!({"value": "CC-1"}),
            Some(etag),
        )
        .await;
    assert_eq!(updated.body["value"], "CC-1");
    assert_eq!(
        c.delete(&format!("/20160918/tagDefaults/{did}"), None)
            .await
            .status,
        204
    );
    assert_eq!(
        c.get(&format!("/20160918/tagDefaults/{did}")).await.status,
        404
    );
}

#[tokio::test]
async fn retiring_a_namespace_retires_its_tags_and_reactivating_leaves_them_retired() {
    let (_emu, c) = emulator().await;
    let path = format!("/20160918/tagNamespaces/{FINANCE_NS}");
    let retired = c.put(&path, &json!({"isRetired": true}), None).await;
    assert_eq!(
        (
            retired.body["isRetired"].as_bool(),
            retired.body["lifecycleState"].as_str()
        ),
        (Some(true), Some("INACTIVE"))
    );
    let tag = c.get(&format!("{path}/tags/Owner")).await;
    assert_eq!(tag.body["isRetired"], true);
    let add = c
        .post(
            &format!("{path}/tags"),
            &json!({"name": "Late", "description": "d"}),
            &[],
        )
        .await;
    assert_eq!(add.status, 409, "no new tags in a retired namespace");
    let back = c.put(&path, &json!({"isRetired": false}), None).await;
    assert_eq!(back.body["lifecycleState"], "ACTIVE");
    // As OCI documents: each tag is reactivated on its own, after its namespace.
    assert_eq!(
        c.get(&format!("{path}/tags/Owner")).await.body["isRetired"],
        true
    );
}

#[tokio::test]
async fn tenancy_regions_subscriptions_and_availability_domains() {
    let (_emu, c) = emulator().await;
    let regions = c.get("/20160918/regions").await;
    assert!(
        regions
            .body
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["key"] == "IAD" && r["name"] == "us-ashburn-1")
    );
    let subs = c
        .get(&format!(
            "/20160918/tenancies/{TENANCY}/regionSubscriptions"
        ))
        .await;
    assert_eq!(subs.body[0]["isHomeRegion"], true);
    assert_eq!(subs.body[0]["regionName"], "us-ashburn-1");
    let ads = c
        .get(&format!(
            "/20160918/availabilityDomains?compartmentId={TENANCY}"
        ))
        .await;
    assert_eq!(ads.body.as_array().unwrap().len(), 3);
    assert!(
        ads.body[0]["name"]
            .as_str()
            .unwrap()
            .ends_with("US-ASHBURN-AD-1")
    );
    assert_eq!(
        c.get("/20160918/tenancies/ocid1.tenancy.oc1..other")
            .await
            .status,
        404
    );
}
