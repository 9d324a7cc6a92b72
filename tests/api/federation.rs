//! The client's identity-provider, provider-group, group-mapping and SCIM-client operations
//! against the emulator's demo tenancy.

use canopy::api::{ApiError, ListFilter};
use canopy::model::{
    CreateIdentityProviderDetails, CreateIdpGroupMappingDetails, LifecycleState, SAML2,
    UpdateIdentityProviderDetails, UpdateIdpGroupMappingDetails,
};

use crate::support::{demo, start};

const METADATA: &str = "<md:EntityDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\">\
    <md:IDPSSODescriptor><md:KeyDescriptor use=\"signing\"><ds:KeyInfo><ds:X509Data>\
    <ds:X509Certificate>MIIBaTCCAQ+gAwIBAgIUQk</ds:X509Certificate></ds:X509Data></ds:KeyInfo>\
    </md:KeyDescriptor><md:SingleSignOnService Binding=\"urn:oasis:names:tc:SAML:2.0:bindings:\
    HTTP-Redirect\" Location=\"https://sso.partner.example/saml\"/></md:IDPSSODescriptor>\
    </md:EntityDescriptor>";

#[tokio::test]
async fn identity_providers_and_their_group_mappings() {
    let env = start(demo()).await;
    let (c, t) = (env.client(), env.tenancy());
    let providers = c
        .list_identity_providers(SAML2, t, &ListFilter::state(LifecycleState::Active))
        .all()
        .await
        .unwrap();
    assert_eq!(providers.len(), 2);
    let adfs = providers.iter().find(|p| p.name == "acme-adfs").unwrap();
    let groups = c
        .list_identity_provider_groups(&adfs.id, Some("OCI-DBAdmins"), None)
        .all()
        .await
        .unwrap();
    assert_eq!(groups.len(), 1);
    assert_eq!(groups[0].identity_provider_id, adfs.id);
    let mappings = c
        .list_idp_group_mappings(&adfs.id)
        .limit(2)
        .all()
        .await
        .unwrap();
    assert_eq!(mappings.len(), 7);

    let created = c
        .create_identity_provider(&CreateIdentityProviderDetails {
            compartment_id: t.to_string(),
            name: "partner-sso".into(),
            description: "Partner SSO".into(),
            product_type: "IDCS".into(),
            protocol: SAML2.into(),
            metadata_url: "https://sso.partner.example/metadata".into(),
            metadata: METADATA.into(),
            freeform_attributes: None,
            freeform_tags: None,
            defined_tags: None,
        })
        .await
        .unwrap();
    let idp = created.value.id.clone();
    assert_eq!(
        created.value.redirect_url,
        "https://sso.partner.example/saml"
    );
    let got = c.get_identity_provider(&idp).await.unwrap();
    let updated = c
        .update_identity_provider(
            &idp,
            &UpdateIdentityProviderDetails {
                description: Some("Partner single sign-on".into()),
                ..UpdateIdentityProviderDetails::default()
            },
            got.etag.as_deref(),
        )
        .await
        .unwrap();
    assert_eq!(updated.value.description, "Partner single sign-on");

    let groups = c
        .list_groups(t, &ListFilter::default())
        .all()
        .await
        .unwrap();
    let contractors = groups.iter().find(|g| g.name == "Contractors").unwrap();
    let developers = groups.iter().find(|g| g.name == "Developers").unwrap();
    let mapping = c
        .create_idp_group_mapping(
            &idp,
            &CreateIdpGroupMappingDetails {
                idp_group_name: "partner-staff".into(),
                group_id: contractors.id.clone(),
            },
        )
        .await
        .unwrap();
    let read = c
        .get_idp_group_mapping(&idp, &mapping.value.id)
        .await
        .unwrap();
    assert_eq!(read.value.group_id, contractors.id);
    let changed = c
        .update_idp_group_mapping(
            &idp,
            &mapping.value.id,
            &UpdateIdpGroupMappingDetails {
                group_id: Some(developers.id.clone()),
                ..UpdateIdpGroupMappingDetails::default()
            },
            read.etag.as_deref(),
        )
        .await
        .unwrap();
    assert_eq!(changed.value.group_id, developers.id);
    let refused = c.delete_identity_provider(&idp, None).await;
    assert!(matches!(refused, Err(ApiError::Service(e)) if e.status == 409));
    c.delete_idp_group_mapping(&idp, &mapping.value.id, None)
        .await
        .unwrap();
    c.delete_identity_provider(&idp, None).await.unwrap();
    let deleted = c.get_identity_provider(&idp).await.unwrap();
    assert_eq!(deleted.value.lifecycle_state, LifecycleState::Deleted);
}

#[tokio::test]
async fn a_scim_client_secret_is_answered_once_and_not_printed_by_debug() {
    let env = start(demo()).await;
    let (c, t) = (env.client(), env.tenancy());
    let idcs = c
        .list_identity_providers(
            SAML2,
            t,
            &ListFilter {
                name: Some("OracleIdentityCloudService".into()),
                ..ListFilter::default()
            },
        )
        .all()
        .await
        .unwrap()
        .remove(0);
    let creds = c.reset_idp_scim_client(&idcs.id).await.unwrap();
    assert!(!creds.client_id.is_empty());
    assert!(!creds.client_secret.is_empty());
    let shown = format!("{creds:?}");
    assert!(!shown.contains(&creds.client_secret), "{shown}");
    assert!(shown.contains("redacted"));
}
