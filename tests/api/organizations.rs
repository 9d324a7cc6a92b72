//! Sender invitations on the Organizations service (`/20230401`, `{"items"}` lists).

use canopy::api::{SenderInvitationQuery, WorkRequestKind};
use canopy::model::{
    CreateSenderInvitationDetails, InvitationStatus, UpdateSenderInvitationDetails,
};

use crate::support::{demo, finish, start};

#[tokio::test]
async fn sender_invitations_from_create_to_cancel() {
    let env = start(demo()).await;
    let c = env.client();
    let t = env.tenancy();
    let created = c
        .create_sender_invitation(&CreateSenderInvitationDetails {
            compartment_id: t.to_string(),
            recipient_tenancy_id: "ocid1.tenancy.oc1..aaaaaaaapartnerapitest".into(),
            recipient_email_address: Some("ops@partner.example".into()),
            display_name: Some("Partner".into()),
            subjects: Some(vec!["LINK".into()]),
            features: None,
            freeform_tags: None,
            defined_tags: None,
        })
        .await
        .unwrap();
    let id = created.invitation.value.id.clone();
    let got = c.get_sender_invitation(&id).await.unwrap();
    assert_eq!(got.value.display_name, "Partner");
    let renamed = c
        .update_sender_invitation(
            &id,
            &UpdateSenderInvitationDetails {
                display_name: Some("Partner Inc".into()),
                ..UpdateSenderInvitationDetails::default()
            },
            got.etag.as_deref(),
        )
        .await
        .unwrap();
    assert_eq!(renamed.value.display_name, "Partner Inc");
    let listed = c
        .list_sender_invitations(t, &SenderInvitationQuery::default())
        .all()
        .await
        .unwrap();
    assert!(listed.iter().any(|i| i.id == id));

    let cancel = c.cancel_sender_invitation(&id, None).await.unwrap();
    let wr = finish(&env, WorkRequestKind::Organizations, cancel).await;
    assert_eq!(
        c.get_organizations_work_request(&wr)
            .await
            .unwrap()
            .operation_type,
        "CANCEL_SENDER_INVITATION"
    );
    let after = c.get_sender_invitation(&id).await.unwrap().value;
    assert_eq!(after.status, InvitationStatus::Canceled);
}
