//! Region subscriptions (a new one goes from `IN_PROGRESS` to READY and the Default domain is
//! replicated there), fault domains, the tenancy as the root compartment, and the seeded
//! work-request history of each API with its errors and logs.

use serde_json::json;

use super::domains::{demo_emulator, domain_id};

#[tokio::test]
async fn a_new_region_subscription_becomes_ready_and_carries_the_default_domain() {
    let (_emu, c, t) = demo_emulator().await;
    let path = format!("/20160918/tenancies/{t}/regionSubscriptions");
    let before = c.get(&path).await;
    let keys: Vec<&str> = before
        .body
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["regionKey"].as_str().unwrap())
        .collect();
    assert_eq!(keys, ["IAD", "PHX"]);
    let bogus = c.post(&path, &json!({"regionKey": "XYZ"}), &[]).await;
    assert_eq!(bogus.status, 400);
    let twice = c.post(&path, &json!({"regionKey": "PHX"}), &[]).await;
    assert_eq!((twice.status, twice.code()), (409, "Conflict"));
    let other = c
        .post(
            "/20160918/tenancies/ocid1.tenancy.oc1..other/regionSubscriptions",
            &json!({"regionKey": "FRA"}),
            &[],
        )
        .await;
    assert_eq!(other.status, 404);
    let created = c.post(&path, &json!({"regionKey": "fra"}), &[]).await;
    assert_eq!(created.status, 200, "{:?}", created.body);
    assert_eq!(created.body["regionName"], "eu-frankfurt-1");
    assert_eq!(created.body["status"], "IN_PROGRESS");
    assert_eq!(created.body["isHomeRegion"], false);

    // Not READY yet: no domain can be created there.
    let domain = json!({"compartmentId": t, "displayName": "EU", "description": "",
                        "homeRegion": "eu-frankfurt-1", "licenseType": "free"});
    let early = c.post("/20160918/domains", &domain, &[]).await;
    assert_eq!(early.status, 400);

    let mut ready = false;
    for _ in 0..100 {
        let now = c.get(&path).await;
        if now.body[2]["status"] == "READY" {
            ready = true;
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    assert!(ready, "the subscription became READY");
    let default = domain_id(&c, &t, "Default").await;
    let got = c.get(&format!("/20160918/domains/{default}")).await;
    let regions: Vec<&str> = got.body["replicaRegions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["region"].as_str().unwrap())
        .collect();
    assert_eq!(regions, ["us-phoenix-1", "eu-frankfurt-1"]);
    assert_eq!(c.post("/20160918/domains", &domain, &[]).await.status, 202);
}

#[tokio::test]
async fn fault_domains_belong_to_an_availability_domain() {
    let (_emu, c, t) = demo_emulator().await;
    let ads = c
        .get(&format!("/20160918/availabilityDomains?compartmentId={t}"))
        .await;
    let ad = ads.body[1]["name"].as_str().unwrap().to_string();
    let faults = c
        .get(&format!(
            "/20160918/faultDomains?compartmentId={t}&availabilityDomain={ad}"
        ))
        .await;
    assert_eq!(faults.status, 200, "{:?}", faults.body);
    let names: Vec<&str> = faults
        .body
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        ["FAULT-DOMAIN-1", "FAULT-DOMAIN-2", "FAULT-DOMAIN-3"]
    );
    assert_eq!(faults.body[0]["availabilityDomain"], ad.as_str());
    assert_eq!(faults.body[0]["compartmentId"], t.as_str());
    let no_ad = c
        .get(&format!("/20160918/faultDomains?compartmentId={t}"))
        .await;
    assert_eq!((no_ad.status, no_ad.code()), (400, "MissingParameter"));
    let bogus = c
        .get(&format!(
            "/20160918/faultDomains?compartmentId={t}&availabilityDomain=Nope:AD-9"
        ))
        .await;
    assert_eq!(bogus.status, 400);
}

#[tokio::test]
async fn the_tenancy_is_the_root_compartment() {
    let (_emu, c, t) = demo_emulator().await;
    let root = c.get(&format!("/20160918/compartments/{t}")).await;
    assert_eq!(root.status, 200, "{:?}", root.body);
    assert_eq!(root.body["id"], t.as_str());
    assert_eq!(root.body["compartmentId"], t.as_str());
    assert_eq!(root.body["name"], "acme-corp");
    assert_eq!(root.body["description"], "ACME Corporation");
    assert_eq!(root.body["lifecycleState"], "ACTIVE");
    assert!(root.header("etag").is_some());
}

#[tokio::test]
async fn seeded_work_requests_show_their_errors_and_logs() {
    let (_emu, c, t) = demo_emulator().await;
    let classic = c
        .get(&format!("/20160918/workRequests?compartmentId={t}"))
        .await;
    assert_eq!(classic.body.as_array().unwrap().len(), 1);
    assert_eq!(classic.body[0]["status"], "SUCCEEDED");
    let shared = super::domains::compartment_of(&c, &t, "Shared").await;
    let failed = c
        .get(&format!("/20160918/workRequests?compartmentId={shared}"))
        .await;
    assert_eq!(failed.body[0]["status"], "FAILED");
    assert!(
        failed.body[0].get("logs").is_none(),
        "summaries carry no logs"
    );
    let id = failed.body[0]["id"].as_str().unwrap();
    let whole = c.get(&format!("/20160918/workRequests/{id}")).await;
    assert_eq!(whole.body["errors"][0]["code"], "Conflict");
    assert!(whole.body["logs"].as_array().unwrap().len() >= 3);
    let no_route = c.get(&format!("/20160918/workRequests/{id}/errors")).await;
    assert_eq!((no_route.status, no_route.code()), (404, "NotFound"));

    let tagging = c
        .get(&format!("/20160918/taggingWorkRequests?compartmentId={t}"))
        .await;
    let failed = tagging
        .body
        .as_array()
        .unwrap()
        .iter()
        .find(|w| w["status"] == "FAILED")
        .expect("a failed tagging work request");
    assert!(failed.get("errors").is_none(), "tagging lists errors apart");
    let id = failed["id"].as_str().unwrap();
    let errors = c
        .get(&format!("/20160918/taggingWorkRequests/{id}/errors"))
        .await;
    assert_eq!(errors.body[0]["code"], "IncorrectState");
    let logs = c
        .get(&format!("/20160918/taggingWorkRequests/{id}/logs"))
        .await;
    assert!(logs.body.as_array().unwrap().len() >= 3);

    let iam = c
        .get(&format!("/20160918/iamWorkRequests?compartmentId={t}"))
        .await;
    let statuses: Vec<&str> = iam
        .body
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["status"].as_str().unwrap())
        .collect();
    assert_eq!(statuses, ["SUCCEEDED", "FAILED"]);
    let id = iam.body[1]["id"].as_str().unwrap();
    let errors = c
        .get(&format!("/20160918/iamWorkRequests/{id}/errors"))
        .await;
    assert!(
        errors.body[0]["message"]
            .as_str()
            .unwrap()
            .contains("us-phoenix-1")
    );
    let as_tagging = c.get(&format!("/20160918/taggingWorkRequests/{id}")).await;
    assert_eq!(
        as_tagging.status, 404,
        "each API serves its own work requests"
    );
}
