//! `etag` on the resources that have one, and `if-match` honoured: 412 `NoEtagMatch` when stale.

use serde_json::json;

use super::seed::{FINANCE_NS, TENANCY};
use super::support::emulator;

#[tokio::test]
async fn a_stale_etag_is_412_and_the_current_one_succeeds() {
    let (_emu, c) = emulator().await;
    let path = "/20160918/policies/ocid1.policy.oc1..aaaaaaaap001";
    let got = c.get(path).await;
    let etag = got.header("etag").unwrap().to_string();
    let update = json!({"statements": ["Allow group group-01 to inspect users in tenancy"]});
    let ok = c.put(path, &update, Some(&etag)).await;
    assert_eq!(ok.status, 200, "{:?}", ok.body);
    let new_etag = ok.header("etag").unwrap().to_string();
    assert_ne!(new_etag, etag, "the etag changes with the resource");
    assert_eq!(
        ok.body["statements"][0],
        "Allow group group-01 to inspect users in tenancy"
    );
    let stale = c
        .put(path, &json!({"description": "again"}), Some(&etag))
        .await;
    assert_eq!((stale.status, stale.code()), (412, "NoEtagMatch"));
    let quoted = format!("\"{new_etag}\"");
    assert_eq!(
        c.put(path, &json!({"description": "q"}), Some(&quoted))
            .await
            .status,
        200
    );
    assert_eq!(
        c.put(path, &json!({"description": "any"}), Some("*"))
            .await
            .status,
        200
    );
    let delete_stale = c.delete(path, Some(&etag)).await;
    assert_eq!(delete_stale.status, 412);
    assert_eq!(c.get(path).await.body["lifecycleState"], "ACTIVE");
}

#[tokio::test]
async fn etags_appear_where_oci_sends_them() {
    let (_emu, c) = emulator().await;
    for path in [
        "/20160918/users/ocid1.user.oc1..aaaaaaaaadmin".to_string(),
        "/20160918/groups/ocid1.group.oc1..aaaaaaaaadmins".to_string(),
        format!("/20160918/tagNamespaces/{FINANCE_NS}/tags/CostCenter"),
        "/20230401/senderInvitations/ocid1.senderinvitation.oc1..aaaaaaaai1".to_string(),
    ] {
        let r = c.get(&path).await;
        assert_eq!(r.status, 200, "{path}");
        assert!(r.header("etag").is_some(), "{path} has an etag");
    }
    let ns = c
        .get(&format!("/20160918/tagNamespaces/{FINANCE_NS}"))
        .await;
    assert!(
        ns.header("etag").is_none(),
        "GetTagNamespace returns no etag"
    );
    let t = c.get(&format!("/20160918/tenancies/{TENANCY}")).await;
    assert_eq!(t.body["homeRegionKey"], "IAD");
}
