//! SAML2 identity providers and their group mappings over HTTP: the required protocol,
//! metadata checks, unique names, etags, the groups a provider reports, mappings to IAM
//! groups, deleting in the right order, and SCIM client credentials answered once.

use serde_json::{Value, json};

use super::domains::demo_emulator;
use super::support::Client;

const IDPS: &str = "/20160918/identityProviders";

fn metadata(host: &str) -> String {
    format!(
        "<EntityDescriptor xmlns=\"urn:oasis:names:tc:SAML:2.0:metadata\"><IDPSSODescriptor>\
         <KeyDescriptor use=\"signing\"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>\n  \
         MIIBxTCCAW+gAwIBAgIJ\n  AJbK</ds:X509Certificate></ds:X509Data></ds:KeyInfo>\
         </KeyDescriptor><SingleSignOnService Binding=\"urn:oasis:names:tc:SAML:2.0:bindings:\
         HTTP-POST\" Location=\"https://{host}/sso\"/></IDPSSODescriptor></EntityDescriptor>"
    )
}

async fn provider_named(c: &Client, tenancy: &str, name: &str) -> Value {
    let r = c
        .get(&format!(
            "{IDPS}?protocol=SAML2&compartmentId={tenancy}&name={name}"
        ))
        .await;
    assert_eq!(r.status, 200, "{:?}", r.body);
    r.body[0].clone()
}

async fn group_named(c: &Client, tenancy: &str, name: &str) -> String {
    let r = c
        .get(&format!(
            "/20160918/groups?compartmentId={tenancy}&name={name}"
        ))
        .await;
    r.body[0]["id"].as_str().unwrap().to_string()
}

#[tokio::test]
async fn identity_providers_list_only_with_a_protocol_and_validate_what_they_are_given() {
    let (_emu, c, t) = demo_emulator().await;
    let no_protocol = c.get(&format!("{IDPS}?compartmentId={t}")).await;
    assert_eq!(
        (no_protocol.status, no_protocol.code()),
        (400, "MissingParameter")
    );
    let oidc = c
        .get(&format!("{IDPS}?protocol=OIDC&compartmentId={t}"))
        .await;
    assert_eq!(oidc.status, 400);
    let all = c
        .get(&format!("{IDPS}?protocol=SAML2&compartmentId={t}"))
        .await;
    assert_eq!(all.body.as_array().unwrap().len(), 3);
    let active = c
        .get(&format!(
            "{IDPS}?protocol=SAML2&compartmentId={t}&lifecycleState=ACTIVE&sortBy=NAME"
        ))
        .await;
    let names: Vec<&str> = active
        .body
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["OracleIdentityCloudService", "acme-adfs"]);
    let adfs = provider_named(&c, &t, "acme-adfs").await;
    assert_eq!(adfs["protocol"], "SAML2");
    assert_eq!(adfs["productType"], "ADFS");
    assert_eq!(adfs["redirectUrl"], "https://sts.acme-corp.com/adfs/ls/");
    let id = adfs["id"].as_str().unwrap();
    let got = c.get(&format!("{IDPS}/{id}")).await;
    assert!(got.header("etag").is_some());

    let body = |name: &str, product: &str, xml: &str| {
        json!({"compartmentId": t, "name": name, "description": "", "productType": product,
               "protocol": "SAML2", "metadataUrl": "https://login.example/metadata",
               "metadata": xml})
    };
    let no_cert = c
        .post(IDPS, &body("okta", "IDCS", "<EntityDescriptor/>"), &[])
        .await;
    assert_eq!(no_cert.status, 400);
    assert!(
        no_cert.body["message"]
            .as_str()
            .unwrap()
            .contains("X509Certificate")
    );
    let product = c
        .post(IDPS, &body("okta", "OKTA", &metadata("login.example")), &[])
        .await;
    assert_eq!(product.status, 400);
    let taken = c
        .post(
            IDPS,
            &body("ACME-ADFS", "ADFS", &metadata("login.example")),
            &[],
        )
        .await;
    assert_eq!((taken.status, taken.code()), (409, "Conflict"));
    let created = c
        .post(
            IDPS,
            &body("partner-idcs", "IDCS", &metadata("login.example")),
            &[],
        )
        .await;
    assert_eq!(created.status, 200, "{:?}", created.body);
    assert_eq!(
        created.body["signingCertificate"],
        "MIIBxTCCAW+gAwIBAgIJAJbK"
    );
    assert_eq!(created.body["redirectUrl"], "https://login.example/sso");
    assert_eq!(created.body["lifecycleState"], "ACTIVE");
    let new_id = created.body["id"].as_str().unwrap();

    let stale = c
        .put(
            &format!("{IDPS}/{new_id}"),
            &json!({"protocol": "SAML2", "description": "x"}),
            Some("\"old\""),
        )
        .await;
    assert_eq!(stale.status, 412);
    let etag = created.header("etag").unwrap();
    let update = json!({"protocol": "SAML2", "description": "Partner IDCS",
                        "metadata": metadata("sso.partner.example")});
    let updated = c
        .put(&format!("{IDPS}/{new_id}"), &update, Some(etag))
        .await;
    assert_eq!(updated.status, 200, "{:?}", updated.body);
    assert_eq!(updated.body["description"], "Partner IDCS");
    assert_eq!(
        updated.body["redirectUrl"],
        "https://sso.partner.example/sso"
    );
    let deleted = c.delete(&format!("{IDPS}/{new_id}"), None).await;
    assert_eq!(deleted.status, 204);
    assert_eq!(
        c.get(&format!("{IDPS}/{new_id}")).await.body["lifecycleState"],
        "DELETED"
    );
}

#[tokio::test]
async fn providers_report_groups_and_map_them_to_iam_groups() {
    let (_emu, c, t) = demo_emulator().await;
    let adfs = provider_named(&c, &t, "acme-adfs").await;
    let id = adfs["id"].as_str().unwrap().to_string();
    let groups = c.get(&format!("{IDPS}/{id}/groups")).await;
    assert_eq!(groups.body.as_array().unwrap().len(), 8);
    let one = c
        .get(&format!("{IDPS}/{id}/groups?name=OCI-Developers&limit=5"))
        .await;
    assert_eq!(one.body.as_array().unwrap().len(), 1);
    assert!(
        one.body[0]["externalIdentifier"]
            .as_str()
            .unwrap()
            .starts_with("S-1-5-21-")
    );
    let none = c
        .get(&format!("{IDPS}/{id}/groups?lifecycleState=DELETED"))
        .await;
    assert_eq!(none.body, json!([]));

    let mappings = format!("{IDPS}/{id}/groupMappings");
    let (listed, pages) = c.list_all(&format!("{mappings}?limit=3")).await;
    assert_eq!((listed.len(), pages), (7, 3));
    let refused = c.delete(&format!("{IDPS}/{id}"), None).await;
    assert_eq!(refused.status, 409, "mappings first");

    let helpdesk = group_named(&c, &t, "Helpdesk").await;
    let missing = c
        .post(
            &mappings,
            &json!({"idpGroupName": "Domain Users",
                                 "groupId": "ocid1.group.oc1..nosuch"}),
            &[],
        )
        .await;
    assert_eq!(
        (missing.status, missing.code()),
        (400, "RelatedResourceNotAuthorizedOrNotFound")
    );
    let body = json!({"idpGroupName": "Domain Users", "groupId": helpdesk});
    let token = [("opc-retry-token", "map-domain-users-1")];
    let created = c.post(&mappings, &body, &token).await;
    assert_eq!(created.status, 200, "{:?}", created.body);
    let replayed = c.post(&mappings, &body, &token).await;
    assert_eq!(
        replayed.body["id"], created.body["id"],
        "a retried create maps once"
    );
    let duplicate = c.post(&mappings, &body, &[]).await;
    assert_eq!(duplicate.status, 409);
    let mapping = created.body["id"].as_str().unwrap().to_string();
    assert_eq!(created.body["idpId"], id.as_str());
    assert_eq!(created.body["compartmentId"], t.as_str());

    let idcs = provider_named(&c, &t, "OracleIdentityCloudService").await;
    let elsewhere = c
        .get(&format!(
            "{IDPS}/{}/groupMappings/{mapping}",
            idcs["id"].as_str().unwrap()
        ))
        .await;
    assert_eq!(
        elsewhere.status, 404,
        "a mapping is found only under its provider"
    );
    let got = c.get(&format!("{mappings}/{mapping}")).await;
    let read_only = group_named(&c, &t, "ReadOnly").await;
    let stale = c
        .put(
            &format!("{mappings}/{mapping}"),
            &json!({"groupId": read_only}),
            Some("\"x\""),
        )
        .await;
    assert_eq!(stale.status, 412);
    let moved = c
        .put(
            &format!("{mappings}/{mapping}"),
            &json!({"groupId": read_only}),
            got.header("etag"),
        )
        .await;
    assert_eq!(moved.status, 200, "{:?}", moved.body);
    assert_eq!(moved.body["groupId"], read_only.as_str());
    assert_eq!(moved.body["idpGroupName"], "Domain Users");

    let (all, _) = c.list_all(&format!("{mappings}?limit=100")).await;
    for m in &all {
        let r = c
            .delete(&format!("{mappings}/{}", m["id"].as_str().unwrap()), None)
            .await;
        assert_eq!(r.status, 204);
    }
    assert_eq!(c.get(&format!("{mappings}/{mapping}")).await.status, 404);
    let deleted = c.delete(&format!("{IDPS}/{id}"), None).await;
    assert_eq!(deleted.status, 204, "{:?}", deleted.body);
    let closed = c.post(&mappings, &body, &[]).await;
    assert_eq!(
        closed.status, 409,
        "a deleted provider takes no new mappings"
    );
}

#[tokio::test]
async fn scim_client_credentials_are_answered_once_and_kept_only_as_a_digest() {
    let (emu, c, t) = demo_emulator().await;
    let idcs = provider_named(&c, &t, "OracleIdentityCloudService").await;
    let id = idcs["id"].as_str().unwrap().to_string();
    let reset = format!("{IDPS}/{id}/actions/resetScimClient");
    let first = c.post(&reset, &json!(null), &[]).await;
    assert_eq!(first.status, 200, "{:?}", first.body);
    let client_id = first.body["clientId"].as_str().unwrap().to_string();
    let secret = first.body["clientSecret"].as_str().unwrap().to_string();
    assert!(secret.len() >= 32);
    let second = c.post(&reset, &json!(null), &[]).await;
    assert_eq!(
        second.body["clientId"],
        client_id.as_str(),
        "the client stays"
    );
    let newer = second.body["clientSecret"].as_str().unwrap().to_string();
    assert_ne!(newer, secret, "the secret is new");
    emu.store.with(|s| {
        let client = s.scim_client(&id).expect("client kept");
        assert!(client.accepts(&newer) && !client.accepts(&secret));
        assert!(!format!("{client:?}").contains(&newer));
        let snapshot = serde_json::to_string(&s.snapshot()).unwrap();
        assert!(!snapshot.contains(&newer), "never in a snapshot");
    });
    let missing = c
        .post(
            &format!("{IDPS}/ocid1.saml2idp.oc1..nosuch/actions/resetScimClient"),
            &json!(null),
            &[],
        )
        .await;
    assert_eq!(missing.status, 404);
}
