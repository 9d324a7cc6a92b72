//! Identity domains over HTTP: listing with every filter, the lifecycle through IAM work
//! requests (create, update, deactivate, activate, delete), the Default domain's rules,
//! license types, replication, and a create that fails with errors and logs to show.

use canopy::emulator::{EmulatorOptions, RunningEmulator, start};
use rsa::RsaPublicKey;
use serde_json::{Value, json};

use super::support::{Client, key, options};

/// The demo tenancy (three domains, identity providers, work-request history), signed as its
/// administrator.
pub async fn demo_emulator() -> (RunningEmulator, Client, String) {
    let seed = canopy::emulator::seed::demo();
    let admin = canopy::emulator::seed::administrator(&seed)
        .expect("the demo has an administrator")
        .id
        .clone();
    let tenancy = seed.tenancy.id.clone();
    let emulator = start(EmulatorOptions { seed, ..options() })
        .await
        .expect("emulator starts");
    let api_key = emulator
        .store
        .with(|s| s.register_api_key(&admin, &RsaPublicKey::from(key())))
        .expect("key registers");
    let client = Client::new(&emulator, api_key.key_id, key().clone());
    (emulator, client, tenancy)
}

/// The id of the domain with this display name (searching the whole demo).
pub async fn domain_id(c: &Client, compartment: &str, name: &str) -> String {
    let r = c
        .get(&format!(
            "/20160918/domains?compartmentId={compartment}&displayName={name}"
        ))
        .await;
    assert_eq!(r.status, 200, "{:?}", r.body);
    r.body[0]["id"].as_str().expect("domain found").to_string()
}

/// Waits for the IAM work request a reply names and returns its final state.
async fn finished(c: &Client, r: &super::support::Resp) -> Value {
    assert_eq!(r.status, 202, "{:?}", r.body);
    let work = r.header("opc-work-request-id").expect("work request id");
    assert!(work.starts_with("ocid1.iamworkrequest."), "{work}");
    c.wait_for_work(&format!("/20160918/iamWorkRequests/{work}"))
        .await
}

fn names(body: &Value) -> Vec<&str> {
    body.as_array()
        .unwrap()
        .iter()
        .map(|d| d["displayName"].as_str().unwrap())
        .collect()
}

#[tokio::test]
async fn domains_are_listed_with_every_filter_and_served_on_the_emulator() {
    let (emu, c, t) = demo_emulator().await;
    let all = c.get(&format!("/20160918/domains?compartmentId={t}")).await;
    assert_eq!(names(&all.body), ["Default", "Partners"]);
    let q = |query: &str| format!("/20160918/domains?compartmentId={t}&{query}");
    let default = c.get(&q("type=DEFAULT")).await;
    assert_eq!(names(&default.body), ["Default"]);
    assert_eq!(default.body[0]["licenseType"], "free");
    assert_eq!(
        names(&c.get(&q("licenseType=external-user")).await.body),
        ["Partners"]
    );
    assert_eq!(names(&c.get(&q("name=Partners")).await.body), ["Partners"]);
    assert_eq!(
        names(&c.get(&q("sortBy=NAME&sortOrder=DESC")).await.body),
        ["Partners", "Default"]
    );
    let url = default.body[0]["url"].as_str().unwrap().to_string();
    let id = default.body[0]["id"].as_str().unwrap().to_string();
    // Each domain has a listener of its own (SDKs refuse a domain URL with a path); the main
    // listener serves it under /domains/{id} too.
    assert!(
        url.starts_with("http://127.0.0.1:") && url != emu.endpoint,
        "{url}"
    );
    assert_eq!(default.body[0]["homeRegionUrl"], url.as_str());
    assert_eq!(
        default.body[0]["replicaRegions"][0]["region"],
        "us-phoenix-1"
    );
    assert_eq!(
        names(&c.get(&q(&format!("url={url}"))).await.body),
        ["Default"]
    );
    let paged = c.get(&q("limit=1")).await;
    assert_eq!(paged.body.as_array().unwrap().len(), 1);
    assert!(paged.header("opc-next-page").is_some());

    let legacy = c
        .get(&format!(
            "/20160918/domains?compartmentId={}&isHiddenOnLogin=true&lifecycleState=inactive",
            compartment_of(&c, &t, "Shared").await
        ))
        .await;
    assert_eq!(names(&legacy.body), ["Legacy-Apps"]);
    let missing = c.get("/20160918/domains").await;
    assert_eq!((missing.status, missing.code()), (400, "MissingParameter"));
    let nowhere = c
        .get("/20160918/domains?compartmentId=ocid1.compartment.oc1..nowhere")
        .await;
    assert_eq!(nowhere.status, 404);

    let got = c.get(&format!("/20160918/domains/{id}")).await;
    assert_eq!(got.status, 200);
    assert!(got.header("etag").is_some());
    assert_eq!(got.body["type"], "DEFAULT");
    let gone = c.get("/20160918/domains/ocid1.domain.oc1..nosuch").await;
    assert_eq!((gone.status, gone.code()), (404, "NotAuthorizedOrNotFound"));
}

/// The OCID of a top-level compartment by name.
pub async fn compartment_of(c: &Client, tenancy: &str, name: &str) -> String {
    let r = c
        .get(&format!(
            "/20160918/compartments?compartmentId={tenancy}&name={name}"
        ))
        .await;
    r.body[0]["id"].as_str().expect("compartment").to_string()
}

#[tokio::test]
async fn a_domain_lives_and_dies_through_iam_work_requests() {
    let (_emu, c, t) = demo_emulator().await;
    let body = json!({"compartmentId": t, "displayName": "Suppliers", "description": "",
                      "homeRegion": "us-ashburn-1", "licenseType": "premium"});
    let created = c.post("/20160918/domains", &body, &[]).await;
    assert_eq!(created.status, 202, "{:?}", created.body);
    assert_eq!(created.body, Value::Null, "no body, only the work request");
    let work = created.header("opc-work-request-id").unwrap().to_string();
    let wr = c.get(&format!("/20160918/iamWorkRequests/{work}")).await;
    assert_eq!(wr.body["operationType"], "CREATE_DOMAIN");
    assert!(
        wr.body.get("errors").is_none(),
        "IAM work requests list errors apart"
    );
    assert!(wr.header("retry-after").is_some());
    let id = wr.body["resources"][0]["identifier"]
        .as_str()
        .unwrap()
        .to_string();
    let creating = c.get(&format!("/20160918/domains/{id}")).await;
    assert_eq!(creating.body["lifecycleState"], "CREATING");
    assert_eq!(creating.body["lifecycleDetails"], "UPDATING");
    assert_eq!(creating.body["type"], "SECONDARY");
    let busy = c
        .put(
            &format!("/20160918/domains/{id}"),
            &json!({"description": "x"}),
            None,
        )
        .await;
    assert_eq!((busy.status, busy.code()), (409, "IncorrectState"));
    let again = c.post("/20160918/domains", &body, &[]).await;
    assert_eq!(again.status, 409, "display names are unique");
    let done = finished(&c, &created).await;
    assert_eq!(done["status"], "SUCCEEDED");
    assert_eq!(done["resources"][0]["actionType"], "CREATED");
    let active = c.get(&format!("/20160918/domains/{id}")).await;
    assert_eq!(active.body["lifecycleState"], "ACTIVE");
    assert!(active.body.get("lifecycleDetails").is_none());

    let stale = c
        .put(
            &format!("/20160918/domains/{id}"),
            &json!({"description": "x"}),
            Some("\"stale\""),
        )
        .await;
    assert_eq!(stale.status, 412);
    let etag = active.header("etag").unwrap();
    let update = json!({"displayName": "Suppliers-EU", "isHiddenOnLogin": true});
    let updated = c
        .put(&format!("/20160918/domains/{id}"), &update, Some(etag))
        .await;
    finished(&c, &updated).await;
    let now = c.get(&format!("/20160918/domains/{id}")).await;
    assert_eq!(now.body["displayName"], "Suppliers-EU");
    assert_eq!(now.body["isHiddenOnLogin"], true);

    let refused = c.delete(&format!("/20160918/domains/{id}"), None).await;
    assert_eq!(refused.status, 409, "an ACTIVE domain is deactivated first");
    let action = |name: &str| format!("/20160918/domains/{id}/actions/{name}");
    let activate = c.post(&action("activate"), &json!(null), &[]).await;
    assert_eq!(activate.status, 409, "it is already active");
    let deactivated = c.post(&action("deactivate"), &json!(null), &[]).await;
    finished(&c, &deactivated).await;
    let inactive = c.get(&format!("/20160918/domains/{id}")).await;
    assert_eq!(inactive.body["lifecycleState"], "INACTIVE");
    let reactivated = c.post(&action("activate"), &json!(null), &[]).await;
    finished(&c, &reactivated).await;
    let deactivated = c.post(&action("deactivate"), &json!(null), &[]).await;
    finished(&c, &deactivated).await;
    let deleting = c.delete(&format!("/20160918/domains/{id}"), None).await;
    let work = deleting.header("opc-work-request-id").unwrap().to_string();
    assert_eq!(
        c.get(&format!("/20160918/domains/{id}")).await.body["lifecycleState"],
        "DELETING"
    );
    finished(&c, &deleting).await;
    assert_eq!(c.get(&format!("/20160918/domains/{id}")).await.status, 404);

    let history = c
        .get(&format!(
            "/20160918/iamWorkRequests?compartmentId={t}&resourceIdentifier={id}"
        ))
        .await;
    let ops: Vec<&str> = history
        .body
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["operationType"].as_str().unwrap())
        .collect();
    assert_eq!(
        ops,
        [
            "CREATE_DOMAIN",
            "UPDATE_DOMAIN",
            "DEACTIVATE_DOMAIN",
            "ACTIVATE_DOMAIN",
            "DEACTIVATE_DOMAIN",
            "DELETE_DOMAIN"
        ]
    );
    let logs = c
        .get(&format!("/20160918/iamWorkRequests/{work}/logs"))
        .await;
    assert!(logs.body.as_array().unwrap().len() >= 3, "{:?}", logs.body);
    let newest = c
        .get(&format!(
            "/20160918/iamWorkRequests/{work}/logs?sortOrder=DESC"
        ))
        .await;
    assert_eq!(newest.body[0]["message"], "finished");
    let errors = c
        .get(&format!("/20160918/iamWorkRequests/{work}/errors"))
        .await;
    assert_eq!(errors.body, json!([]));
    let classic = c.get(&format!("/20160918/workRequests/{work}")).await;
    assert_eq!(
        classic.status, 404,
        "IAM work requests are not classic ones"
    );
}

#[tokio::test]
async fn the_default_domain_cannot_be_deactivated_deleted_hidden_or_replicated() {
    let (_emu, c, t) = demo_emulator().await;
    let id = domain_id(&c, &t, "Default").await;
    let deactivate = c
        .post(
            &format!("/20160918/domains/{id}/actions/deactivate"),
            &json!(null),
            &[],
        )
        .await;
    assert_eq!((deactivate.status, deactivate.code()), (409, "Conflict"));
    let delete = c.delete(&format!("/20160918/domains/{id}"), None).await;
    assert_eq!(delete.status, 409);
    assert!(delete.body["message"].as_str().unwrap().contains("Default"));
    let hide = c
        .put(
            &format!("/20160918/domains/{id}"),
            &json!({"isHiddenOnLogin": true}),
            None,
        )
        .await;
    assert_eq!(hide.status, 400);
    let replicate = c
        .post(
            &format!("/20160918/domains/{id}/actions/enableReplicationToRegion"),
            &json!({"replicaRegion": "us-phoenix-1"}),
            &[],
        )
        .await;
    assert_eq!(replicate.status, 400);
}

#[tokio::test]
async fn license_types_change_only_upwards() {
    let (_emu, c, t) = demo_emulator().await;
    let all = c.get("/20160918/allowedDomainLicenseTypes").await;
    assert_eq!(all.body.as_array().unwrap().len(), 5);
    let from_free = c
        .get("/20160918/allowedDomainLicenseTypes?currentLicenseTypeName=free")
        .await;
    let targets: Vec<&str> = from_free
        .body
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["licenseType"].as_str().unwrap())
        .collect();
    assert_eq!(targets, ["oracle-apps-premium", "premium"]);
    assert_eq!(from_free.body[1]["name"], "Premium");
    let bogus = c
        .get("/20160918/allowedDomainLicenseTypes?currentLicenseTypeName=gold")
        .await;
    assert_eq!(bogus.status, 400);

    let partners = domain_id(&c, &t, "Partners").await;
    let change = |license: Value| {
        let c = c.clone();
        let path = format!("/20160918/domains/{partners}/actions/changeLicenseType");
        async move { c.post(&path, &license, &[]).await }
    };
    let down = change(json!({"licenseType": "free"})).await;
    assert_eq!(down.status, 400);
    assert!(down.body["message"].as_str().unwrap().contains("premium"));
    let missing = change(json!({})).await;
    assert_eq!((missing.status, missing.code()), (400, "MissingParameter"));
    let up = change(json!({"licenseType": "premium"})).await;
    let done = finished(&c, &up).await;
    assert_eq!(done["operationType"], "CHANGE_LICENSE_TYPE_FOR_DOMAIN");
    let now = c.get(&format!("/20160918/domains/{partners}")).await;
    assert_eq!(now.body["licenseType"], "premium");
}

#[tokio::test]
async fn a_domain_moves_and_replicates_through_work_requests() {
    let (_emu, c, t) = demo_emulator().await;
    let partners = domain_id(&c, &t, "Partners").await;
    let security = compartment_of(&c, &t, "Security").await;
    let action = |name: &str| format!("/20160918/domains/{partners}/actions/{name}");
    let moved = c
        .post(
            &action("changeCompartment"),
            &json!({"compartmentId": security}),
            &[],
        )
        .await;
    finished(&c, &moved).await;
    let now = c.get(&format!("/20160918/domains/{partners}")).await;
    assert_eq!(now.body["compartmentId"], security.as_str());

    let home = c
        .post(
            &action("enableReplicationToRegion"),
            &json!({"replicaRegion": "us-ashburn-1"}),
            &[],
        )
        .await;
    assert_eq!(home.status, 400, "not to its own home region");
    let unsubscribed = c
        .post(
            &action("enableReplicationToRegion"),
            &json!({"replicaRegion": "eu-frankfurt-1"}),
            &[],
        )
        .await;
    assert_eq!(unsubscribed.status, 400);
    let replicating = c
        .post(
            &action("enableReplicationToRegion"),
            &json!({"replicaRegion": "us-phoenix-1"}),
            &[],
        )
        .await;
    assert_eq!(replicating.status, 202);
    let during = c.get(&format!("/20160918/domains/{partners}")).await;
    assert_eq!(
        during.body["replicaRegions"][0]["state"],
        "ENABLING_REPLICATION"
    );
    finished(&c, &replicating).await;
    let after = c.get(&format!("/20160918/domains/{partners}")).await;
    assert_eq!(
        after.body["replicaRegions"][0]["state"],
        "REPLICATION_ENABLED"
    );
    let twice = c
        .post(
            &action("enableReplicationToRegion"),
            &json!({"replicaRegion": "us-phoenix-1"}),
            &[],
        )
        .await;
    assert_eq!(twice.status, 409);
}

#[tokio::test]
async fn a_create_whose_administrator_cannot_be_mailed_fails_with_errors_and_logs() {
    let (_emu, c, t) = demo_emulator().await;
    let body = json!({"compartmentId": t, "displayName": "Doomed", "description": "d",
                      "homeRegion": "us-ashburn-1", "licenseType": "free",
                      "adminFirstName": "Ana", "adminLastName": "Ortiz", "adminUserName": "ana",
                      "adminEmail": "ana@acme.invalid", "isNotificationBypassed": false});
    let no_flag = json!({"compartmentId": t, "displayName": "Doomed", "description": "d",
                         "homeRegion": "us-ashburn-1", "licenseType": "free",
                         "adminEmail": "ana@acme.invalid"});
    let refused = c.post("/20160918/domains", &no_flag, &[]).await;
    assert_eq!((refused.status, refused.code()), (400, "MissingParameter"));
    let bad_region = json!({"compartmentId": t, "displayName": "X", "description": "",
                            "homeRegion": "eu-frankfurt-1", "licenseType": "free"});
    assert_eq!(
        c.post("/20160918/domains", &bad_region, &[]).await.status,
        400
    );
    let created = c.post("/20160918/domains", &body, &[]).await;
    let work = created.header("opc-work-request-id").unwrap().to_string();
    let done = finished(&c, &created).await;
    assert_eq!(done["status"], "FAILED");
    let id = done["resources"][0]["identifier"].as_str().unwrap();
    assert_eq!(done["resources"][0]["actionType"], "RELATED");
    assert_eq!(c.get(&format!("/20160918/domains/{id}")).await.status, 404);
    let errors = c
        .get(&format!("/20160918/iamWorkRequests/{work}/errors"))
        .await;
    assert_eq!(errors.body.as_array().unwrap().len(), 1);
    assert!(
        errors.body[0]["message"]
            .as_str()
            .unwrap()
            .contains("ana@acme.invalid")
    );
    assert!(!errors.body[0]["timestamp"].as_str().unwrap().is_empty());
    let logs = c
        .get(&format!("/20160918/iamWorkRequests/{work}/logs"))
        .await;
    let last = logs.body.as_array().unwrap().last().unwrap().clone();
    assert!(last["message"].as_str().unwrap().starts_with("failed"));
}
