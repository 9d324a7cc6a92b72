//! Work-request-backed operations progress over time to SUCCEEDED and then take effect:
//! compartment delete and move, tag delete, namespace cascade delete, invitation cancel.

use serde_json::json;

use super::seed::{FINANCE_NS, PROD, SHARED, TENANCY};
use super::support::emulator;

#[tokio::test]
async fn deleting_a_compartment_goes_through_a_work_request() {
    let (_emu, c) = emulator().await;
    let refused = c
        .delete(&format!("/20160918/compartments/{PROD}"), None)
        .await;
    assert_eq!(
        (refused.status, refused.code()),
        (409, "Conflict"),
        "non-empty: {:?}",
        refused.body
    );
    let empty = "ocid1.compartment.oc1..aaaaaaaaempty";
    let r = c
        .delete(&format!("/20160918/compartments/{empty}"), None)
        .await;
    assert_eq!(r.status, 202, "{:?}", r.body);
    let work = r.header("opc-work-request-id").unwrap().to_string();
    let now = c.get(&format!("/20160918/compartments/{empty}")).await;
    assert_eq!(now.body["lifecycleState"], "DELETING");
    let first = c.get(&format!("/20160918/workRequests/{work}")).await;
    assert_eq!(first.body["operationType"], "DELETE_COMPARTMENT");
    assert!(matches!(
        first.body["status"].as_str(),
        Some("ACCEPTED" | "IN_PROGRESS")
    ));
    let done = c
        .wait_for_work(&format!("/20160918/workRequests/{work}"))
        .await;
    assert_eq!(done["status"], "SUCCEEDED");
    assert_eq!(done["percentComplete"], 100.0);
    assert!(!done["logs"].as_array().unwrap().is_empty());
    let after = c.get(&format!("/20160918/compartments/{empty}")).await;
    assert_eq!(after.body["lifecycleState"], "DELETED");
    let deleted = c
        .get(&format!(
            "/20160918/compartments?compartmentId={PROD}&lifecycleState=DELETED"
        ))
        .await;
    assert_eq!(
        deleted.body.as_array().unwrap().len(),
        1,
        "DELETED stays listable by state"
    );
    let listed = c
        .get(&format!(
            "/20160918/workRequests?compartmentId={PROD}&resourceIdentifier={empty}"
        ))
        .await;
    assert_eq!(listed.body.as_array().unwrap().len(), 1);
    assert!(
        listed.body[0].get("logs").is_none(),
        "summaries carry no logs"
    );
    // The Identity API defines no /workRequests/{id}/logs: the logs are in the work request.
    let logs = c.get(&format!("/20160918/workRequests/{work}/logs")).await;
    assert_eq!((logs.status, logs.code()), (404, "NotFound"));
    let recovered = c
        .post(
            &format!("/20160918/compartments/{empty}/actions/recoverCompartment"),
            &json!(null),
            &[],
        )
        .await;
    assert_eq!(recovered.status, 200, "{:?}", recovered.body);
    assert_eq!(recovered.body["lifecycleState"], "ACTIVE");
}

#[tokio::test]
async fn moving_a_compartment_takes_effect_when_the_work_finishes() {
    let (_emu, c) = emulator().await;
    let app = "ocid1.compartment.oc1..aaaaaaaaapp";
    let into_self = c
        .post(
            &format!("/20160918/compartments/{PROD}/actions/moveCompartment"),
            &json!({"targetCompartmentId": app}),
            &[],
        )
        .await;
    assert_eq!(into_self.status, 400);
    let r = c
        .post(
            &format!("/20160918/compartments/{app}/actions/moveCompartment"),
            &json!({"targetCompartmentId": SHARED}),
            &[],
        )
        .await;
    assert_eq!(r.status, 202, "{:?}", r.body);
    let work = r.header("opc-work-request-id").unwrap().to_string();
    c.wait_for_work(&format!("/20160918/workRequests/{work}"))
        .await;
    assert_eq!(
        c.get(&format!("/20160918/compartments/{app}")).await.body["compartmentId"],
        SHARED
    );
}

#[tokio::test]
async fn tag_delete_and_namespace_cascade_delete() {
    let (_emu, c) = emulator().await;
    let refused = c
        .delete(&format!("/20160918/tagNamespaces/{FINANCE_NS}"), None)
        .await;
    assert_eq!(
        refused.status, 409,
        "a namespace with tags is not deleted directly"
    );
    // OCI deletes a tag only once it is retired.
    let retired = c
        .put(
            &format!("/20160918/tagNamespaces/{FINANCE_NS}/tags/Owner"),
            &json!({"isRetired": true}),
            None,
        )
        .await;
    assert_eq!(retired.status, 200, "{:?}", retired.body);
    let r = c
        .delete(
            &format!("/20160918/tagNamespaces/{FINANCE_NS}/tags/Owner"),
            None,
        )
        .await;
    assert_eq!(r.status, 202);
    let work = r.header("opc-work-request-id").unwrap().to_string();
    let done = c
        .wait_for_work(&format!("/20160918/taggingWorkRequests/{work}"))
        .await;
    assert_eq!(done["operationType"], "DELETE_TAG_DEFINITION");
    let owner = c
        .get(&format!("/20160918/tagNamespaces/{FINANCE_NS}/tags/Owner"))
        .await;
    assert_eq!(owner.body["lifecycleState"], "DELETED");

    // And a namespace once it is retired.
    c.put(
        &format!("/20160918/tagNamespaces/{FINANCE_NS}"),
        &json!({"isRetired": true}),
        None,
    )
    .await;
    let r = c
        .post(
            &format!("/20160918/tagNamespaces/{FINANCE_NS}/actions/cascadeDelete"),
            &json!(null),
            &[],
        )
        .await;
    assert_eq!(r.status, 202, "{:?}", r.body);
    let work = r.header("opc-work-request-id").unwrap().to_string();
    assert_eq!(
        c.get(&format!("/20160918/tagNamespaces/{FINANCE_NS}"))
            .await
            .body["lifecycleState"],
        "DELETING"
    );
    c.wait_for_work(&format!("/20160918/workRequests/{work}"))
        .await;
    let ns = c
        .get(&format!("/20160918/tagNamespaces/{FINANCE_NS}"))
        .await;
    assert_eq!(ns.body["lifecycleState"], "DELETED");
    let (tags, _) = c
        .list_all(&format!(
            "/20160918/tagNamespaces/{FINANCE_NS}/tags?lifecycleState=DELETED"
        ))
        .await;
    assert_eq!(tags.len(), 2);
    let errors = c
        .get(&format!("/20160918/taggingWorkRequests/{work}/errors"))
        .await;
    assert_eq!(errors.body, json!([]));
    let listed = c
        .get(&format!(
            "/20160918/taggingWorkRequests?compartmentId={TENANCY}"
        ))
        .await;
    assert_eq!(listed.body.as_array().unwrap().len(), 2);
}

#[tokio::test]
async fn sender_invitations_create_and_cancel_through_work_requests() {
    let (_emu, c) = emulator().await;
    let body = json!({"compartmentId": TENANCY, "recipientTenancyId": "ocid1.tenancy.oc1..aaaaaaaanewpartner",
                      "displayName": "new partner", "recipientEmailAddress": "ops@new.example"});
    let created = c.post("/20230401/senderInvitations", &body, &[]).await;
    assert_eq!(created.status, 200, "{:?}", created.body);
    assert_eq!(created.body["status"], "PENDING");
    assert_eq!(created.body["lifecycleState"], "CREATING");
    let work = created.header("opc-work-request-id").unwrap().to_string();
    c.wait_for_work(&format!("/20230401/workRequests/{work}"))
        .await;
    let id = created.body["id"].as_str().unwrap();
    let got = c.get(&format!("/20230401/senderInvitations/{id}")).await;
    assert_eq!(got.body["lifecycleState"], "ACTIVE");
    let again = c.post("/20230401/senderInvitations", &body, &[]).await;
    assert_eq!(again.status, 409, "one pending invitation per recipient");
    let cancel = c
        .post(
            &format!("/20230401/senderInvitations/{id}/actions/cancel"),
            &json!(null),
            &[],
        )
        .await;
    assert_eq!(cancel.status, 202);
    let work = cancel.header("opc-work-request-id").unwrap().to_string();
    c.wait_for_work(&format!("/20230401/workRequests/{work}"))
        .await;
    let got = c.get(&format!("/20230401/senderInvitations/{id}")).await;
    assert_eq!(got.body["status"], "CANCELED");
    let twice = c
        .post(
            &format!("/20230401/senderInvitations/{id}/actions/cancel"),
            &json!(null),
            &[],
        )
        .await;
    assert_eq!(twice.status, 409);
}
