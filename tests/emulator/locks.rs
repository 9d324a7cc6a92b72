//! Locks over HTTP: FULL and DELETE locks on tag namespaces and tag defaults, what each
//! refuses, `isLockOverride=true`, and adding and removing them.

use serde_json::json;

use super::seed::{FINANCE_NS, PROD, TENANCY};
use super::support::emulator;
use super::tag_tools::{NS, message};

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
