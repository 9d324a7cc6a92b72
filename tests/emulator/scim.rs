//! The Identity Domains (SCIM) directory of every domain, over signed HTTP: users, groups with
//! members and dynamic groups of the Partners domain and of the Default domain (the classic
//! tables), SCIM paging, filters, sorting, attributes, creates, PATCH of members, if-match on
//! `meta.version`, deletes, unsigned requests refused.

use serde_json::{Value, json};

use super::domains::{demo_emulator, domain_id};
use super::support::{Client, Tamper};

/// The path prefix of a domain's directory on the main listener (each domain's `url` is a
/// listener of its own, which the API and SDK tests use).
async fn admin(c: &Client, tenancy: &str, name: &str) -> String {
    let id = domain_id(c, tenancy, name).await;
    let r = c.get(&format!("/20160918/domains/{id}")).await;
    assert!(
        r.body["url"]
            .as_str()
            .expect("url")
            .starts_with("http://127.0.0.1:"),
        "{:?}",
        r.body["url"]
    );
    format!("/domains/{id}/admin/v1")
}

fn names(list: &Value, field: &str) -> Vec<String> {
    list["Resources"]
        .as_array()
        .expect("Resources")
        .iter()
        .map(|r| r[field].as_str().unwrap_or("").to_string())
        .collect()
}

#[tokio::test]
async fn partners_users_groups_and_dynamic_groups_are_listed_with_scim_paging() {
    let (_emu, c, tenancy) = demo_emulator().await;
    let base = admin(&c, &tenancy, "Partners").await;
    let users = c
        .get(&format!("{base}/Users?sortBy=userName&sortOrder=ASCENDING"))
        .await;
    assert_eq!(users.status, 200, "{:?}", users.body);
    assert_eq!(users.body["totalResults"], 5);
    assert_eq!(users.body["startIndex"], 1);
    assert_eq!(
        users.body["schemas"][0],
        "urn:ietf:params:scim:api:messages:2.0:ListResponse"
    );
    assert_eq!(
        names(&users.body, "userName")[0],
        "julia.santos@partner-sys.com"
    );
    let page = c
        .get(&format!(
            "{base}/Users?sortBy=userName&startIndex=2&count=2"
        ))
        .await;
    assert_eq!(page.body["totalResults"], 5);
    assert_eq!(page.body["itemsPerPage"], 2);
    assert_eq!(page.body["startIndex"], 2);
    assert_eq!(
        names(&page.body, "userName"),
        ["liam.boyd@northbridge.io", "olga.ivanova@partner-sys.com"]
    );
    let groups = c.get(&format!("{base}/Groups?sortBy=displayName")).await;
    assert_eq!(
        names(&groups.body, "displayName"),
        ["Auditors", "Integrators", "ReadOnly"]
    );
    let auditors = &groups.body["Resources"][0];
    assert_eq!(auditors["members"].as_array().expect("members").len(), 2);
    assert!(
        auditors["ocid"]
            .as_str()
            .expect("ocid")
            .starts_with("ocid1.group.")
    );
    assert!(
        auditors["urn:ietf:params:scim:schemas:oracle:idcs:extension:group:Group"]["description"]
            .as_str()
            .expect("description")
            .contains("auditors")
    );
    let dynamic = c.get(&format!("{base}/DynamicResourceGroups")).await;
    assert_eq!(
        names(&dynamic.body, "displayName"),
        ["partner-build-runners"]
    );
    assert!(
        dynamic.body["Resources"][0]["matchingRule"]
            .as_str()
            .expect("rule")
            .contains("instance.compartment.id")
    );
}

#[tokio::test]
async fn filters_attributes_and_membership_both_ways() {
    let (_emu, c, tenancy) = demo_emulator().await;
    let base = admin(&c, &tenancy, "Partners").await;
    let dev = c
        .get(&format!(
            "{base}/Groups?filter=displayName%20eq%20%22integrators%22"
        ))
        .await;
    assert_eq!(dev.body["totalResults"], 1, "{:?}", dev.body);
    let liam = c
        .get(&format!(
            "{base}/Users?filter=userName%20eq%20%22liam.boyd%40northbridge.io%22"
        ))
        .await;
    let liam_id = liam.body["Resources"][0]["id"]
        .as_str()
        .expect("id")
        .to_string();
    let his_groups = c
        .get(&format!(
            "{base}/Groups?filter=members.value%20eq%20%22{liam_id}%22&sortBy=displayName&attributes=displayName"
        ))
        .await;
    assert_eq!(
        names(&his_groups.body, "displayName"),
        ["Auditors", "Integrators"]
    );
    let first = &his_groups.body["Resources"][0];
    assert!(
        first.get("members").is_none(),
        "attributes keeps only what was asked: {first}"
    );
    assert!(first.get("id").is_some() && first.get("meta").is_some());
    let one = c.get(&format!("{base}/Users/{liam_id}")).await;
    assert_eq!(one.status, 200);
    let mut groups: Vec<&str> = one.body["groups"]
        .as_array()
        .expect("groups")
        .iter()
        .map(|g| g["display"].as_str().expect("display"))
        .collect();
    groups.sort_unstable();
    assert_eq!(groups, ["Auditors", "Integrators"]);
    assert_eq!(one.header("etag"), one.body["meta"]["version"].as_str());
    let bad = c
        .get(&format!("{base}/Users?filter=userName%20like%20x"))
        .await;
    assert_eq!(bad.status, 400);
    assert!(
        bad.body["message"]
            .as_str()
            .expect("message")
            .contains("eq")
    );
    let missing = c.get(&format!("{base}/Users/ocid1.user.oc1..nope")).await;
    assert_eq!(missing.status, 404);
}

#[tokio::test]
async fn create_user_add_to_group_with_if_match_then_delete() {
    let (_emu, c, tenancy) = demo_emulator().await;
    let base = admin(&c, &tenancy, "Partners").await;
    let created = c
        .post(
            &format!("{base}/Users"),
            &json!({"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"],
                    "userName": "nina.k@partner-sys.com", "displayName": "Nina K",
                    "emails": [{"value": "nina.k@partner-sys.com", "type": "work", "primary": true}]}),
            &[],
        )
        .await;
    assert_eq!(created.status, 201, "{:?}", created.body);
    let user = created.body["id"].as_str().expect("id").to_string();
    let again = c
        .post(
            &format!("{base}/Users"),
            &json!({"userName": "NINA.K@partner-sys.com"}),
            &[],
        )
        .await;
    assert_eq!(again.status, 409, "user names are unique in a domain");

    let groups = c
        .get(&format!(
            "{base}/Groups?filter=displayName%20eq%20%22ReadOnly%22"
        ))
        .await;
    let group = groups.body["Resources"][0]["id"]
        .as_str()
        .expect("id")
        .to_string();
    let version = groups.body["Resources"][0]["meta"]["version"]
        .as_str()
        .expect("version")
        .to_string();
    let add = json!({"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
        "Operations": [{"op": "add", "path": "members", "value": [{"value": user, "type": "User"}]}]});
    let stale = c
        .patch(
            &format!("{base}/Groups/{group}"),
            &add,
            Some("not-the-version"),
        )
        .await;
    assert_eq!(stale.status, 412, "{:?}", stale.body);
    let patched = c
        .patch(&format!("{base}/Groups/{group}"), &add, Some(&version))
        .await;
    assert_eq!(patched.status, 200, "{:?}", patched.body);
    assert_ne!(
        patched.body["meta"]["version"].as_str(),
        Some(version.as_str())
    );
    let members: Vec<&str> = patched.body["members"]
        .as_array()
        .expect("members")
        .iter()
        .map(|m| m["value"].as_str().expect("value"))
        .collect();
    assert!(members.contains(&user.as_str()));

    let remove =
        json!({"Operations": [{"op": "remove", "path": format!("members[value eq \"{user}\"]")}]});
    let removed = c
        .patch(&format!("{base}/Groups/{group}"), &remove, None)
        .await;
    assert_eq!(removed.status, 200);
    assert!(!removed.body["members"].to_string().contains(&user));

    // PUT replaces the user's attributes, conditional on its meta.version.
    let current = c.get(&format!("{base}/Users/{user}")).await;
    let v = current.body["meta"]["version"]
        .as_str()
        .expect("version")
        .to_string();
    let mut changed = current.body.clone();
    changed["description"] = json!("Nina Kowalski");
    let stale = c
        .put(&format!("{base}/Users/{user}"), &changed, Some("old"))
        .await;
    assert_eq!(stale.status, 412);
    let put = c
        .put(&format!("{base}/Users/{user}"), &changed, Some(&v))
        .await;
    assert_eq!(put.status, 200, "{:?}", put.body);
    assert_eq!(put.body["description"], "Nina Kowalski");
    let renamed = c
        .put(
            &format!("{base}/Groups/{group}"),
            &json!({"displayName": "Viewers",
                    "urn:ietf:params:scim:schemas:oracle:idcs:extension:group:Group":
                        {"description": "renamed"}}),
            None,
        )
        .await;
    assert_eq!(renamed.status, 200, "{:?}", renamed.body);
    assert_eq!(renamed.body["displayName"], "Viewers");
    let v = put.body["meta"]["version"]
        .as_str()
        .expect("version")
        .to_string();
    let gone = c.delete(&format!("{base}/Users/{user}"), Some(&v)).await;
    assert_eq!(gone.status, 204);
    assert_eq!(c.get(&format!("{base}/Users/{user}")).await.status, 404);
}

#[tokio::test]
async fn the_default_domain_directory_is_the_classic_one() {
    let (_emu, c, tenancy) = demo_emulator().await;
    let base = admin(&c, &tenancy, "Default").await;
    let users = c.get(&format!("{base}/Users?count=1000")).await;
    let classic = c
        .get(&format!(
            "/20160918/users?compartmentId={tenancy}&limit=100"
        ))
        .await;
    let live = classic
        .body
        .as_array()
        .expect("users")
        .iter()
        .filter(|u| u["lifecycleState"] != "DELETED")
        .count();
    assert_eq!(users.body["totalResults"], live);
    let created = c
        .post(
            &format!("{base}/Groups"),
            &json!({"displayName": "ScimMade"}),
            &[],
        )
        .await;
    assert_eq!(created.status, 201, "{:?}", created.body);
    let id = created.body["ocid"].as_str().expect("ocid");
    let seen = c.get(&format!("/20160918/groups/{id}")).await;
    assert_eq!(
        seen.status, 200,
        "a SCIM create in Default is a classic group too"
    );
    assert_eq!(seen.body["name"], "ScimMade");
}

#[tokio::test]
async fn dynamic_groups_are_created_with_a_checked_rule_and_deleted() {
    let (_emu, c, tenancy) = demo_emulator().await;
    let base = admin(&c, &tenancy, "Partners").await;
    let bad = c
        .post(
            &format!("{base}/DynamicResourceGroups"),
            &json!({"displayName": "x", "matchingRule": "ALL {nonsense"}),
            &[],
        )
        .await;
    assert_eq!(bad.status, 400);
    let made = c
        .post(
            &format!("{base}/DynamicResourceGroups"),
            &json!({"displayName": "partner-fns", "matchingRule": "ALL {resource.type = 'fnfunc'}"}),
            &[],
        )
        .await;
    assert_eq!(made.status, 201, "{:?}", made.body);
    let id = made.body["id"].as_str().expect("id");
    assert_eq!(
        c.delete(&format!("{base}/DynamicResourceGroups/{id}"), None)
            .await
            .status,
        204
    );
}

#[tokio::test]
async fn scim_requests_are_signed_and_unknown_domains_are_404() {
    let (_emu, c, tenancy) = demo_emulator().await;
    let base = admin(&c, &tenancy, "Partners").await;
    let unsigned = c
        .try_call(
            reqwest::Method::GET,
            &format!("{base}/Users"),
            None,
            &[],
            Tamper::Unsigned,
        )
        .await
        .expect("answer");
    assert_eq!(unsigned.status, 401);
    let nowhere = c
        .get("/domains/ocid1.domain.oc1..nope/admin/v1/Users")
        .await;
    assert_eq!(nowhere.status, 404);
}
