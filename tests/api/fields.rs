//! Every field the forms send: free-form and defined tags on each create and update (defined
//! ones checked by the service), policy description and version date, a user's database user
//! name, invitation subjects and features, and a required tag default.

use std::collections::BTreeMap;

use canopy::model::{
    CreateCompartmentDetails, CreateDynamicGroupDetails, CreateGroupDetails, CreatePolicyDetails,
    CreateSenderInvitationDetails, CreateTagDetails, CreateTagNamespaceDetails, CreateUserDetails,
    DefinedTags, FreeformTags, UpdateCompartmentDetails, UpdateDynamicGroupDetails,
    UpdateGroupDetails, UpdatePolicyDetails, UpdateSenderInvitationDetails, UpdateUserDetails,
};

use crate::support::{demo, start};

#[allow(clippy::unnecessary_wraps)] // every caller fills an optional field
fn freeform(key: &str, value: &str) -> Option<FreeformTags> {
    Some(BTreeMap::from([(key.to_string(), value.to_string())]))
}

#[allow(clippy::unnecessary_wraps)] // every caller fills an optional field
fn defined(namespace: &str, key: &str, value: &str) -> Option<DefinedTags> {
    Some(BTreeMap::from([(
        namespace.to_string(),
        BTreeMap::from([(key.to_string(), serde_json::json!(value))]),
    )]))
}

#[tokio::test]
async fn policies_users_and_groups_take_every_field() {
    let env = start(demo()).await;
    let c = env.client();
    let t = env.tenancy();
    let policy = c
        .create_policy(&CreatePolicyDetails {
            compartment_id: t.to_string(),
            name: "fields-policy".into(),
            statements: vec!["Allow group Developers to read users in tenancy".into()],
            description: "first".into(),
            version_date: Some("2024-01-15".into()),
            freeform_tags: freeform("team", "iam"),
            defined_tags: defined("Operations", "Environment", "dev"),
        })
        .await
        .unwrap();
    assert_eq!(policy.value.version_date.as_deref(), Some("2024-01-15"));
    assert_eq!(
        policy.value.defined_tags["Operations"]["Environment"],
        "dev"
    );
    let updated = c
        .update_policy(
            &policy.value.id,
            &UpdatePolicyDetails {
                description: Some("second".into()),
                version_date: Some(String::new()),
                freeform_tags: freeform("team", "security"),
                defined_tags: defined("Operations", "Environment", "prod"),
                ..UpdatePolicyDetails::default()
            },
            policy.etag.as_deref(),
        )
        .await
        .unwrap()
        .value;
    assert_eq!(updated.description, "second");
    assert_eq!(updated.version_date, None, "an empty date means the latest");
    assert_eq!(updated.freeform_tags["team"], "security");
    let bad = c
        .update_policy(
            &updated.id,
            &UpdatePolicyDetails {
                defined_tags: defined("Operations", "Environment", "moon"),
                ..UpdatePolicyDetails::default()
            },
            None,
        )
        .await
        .unwrap_err();
    assert_eq!(bad.status(), Some(400));
    assert!(
        bad.to_string().contains("prod, staging, dev, sandbox"),
        "{bad}"
    );

    let user = c
        .create_user(&CreateUserDetails {
            compartment_id: t.to_string(),
            name: "fields.user@acme-corp.com".into(),
            description: "d".into(),
            email: None,
            freeform_tags: freeform("kind", "human"),
            defined_tags: defined("Operations", "Owner", "ana.ortiz@acme-corp.com"),
        })
        .await
        .unwrap();
    let user = c
        .update_user(
            &user.value.id,
            &UpdateUserDetails {
                db_user_name: Some("FIELDS_DB".into()),
                defined_tags: defined("Security", "Compliance", "SOX"),
                ..UpdateUserDetails::default()
            },
            user.etag.as_deref(),
        )
        .await
        .unwrap()
        .value;
    assert_eq!(user.db_user_name.as_deref(), Some("FIELDS_DB"));
    assert_eq!(user.defined_tags["Security"]["Compliance"], "SOX");

    let group = c
        .create_group(&CreateGroupDetails {
            compartment_id: t.to_string(),
            name: "FieldsGroup".into(),
            description: "d".into(),
            freeform_tags: freeform("a", "b"),
            defined_tags: defined("Operations", "Role", "api"),
        })
        .await
        .unwrap()
        .value;
    let group = c
        .update_group(
            &group.id,
            &UpdateGroupDetails {
                defined_tags: defined("Operations", "Role", "web"),
                ..UpdateGroupDetails::default()
            },
            None,
        )
        .await
        .unwrap()
        .value;
    assert_eq!(group.defined_tags["Operations"]["Role"], "web");
    let dg = c
        .create_dynamic_group(&CreateDynamicGroupDetails {
            compartment_id: t.to_string(),
            name: "fields-dg".into(),
            matching_rule: format!("ALL {{instance.compartment.id = '{t}'}}"),
            description: "d".into(),
            freeform_tags: freeform("a", "b"),
            defined_tags: defined("Operations", "Role", "batch"),
        })
        .await
        .unwrap()
        .value;
    let dg = c
        .update_dynamic_group(
            &dg.id,
            &UpdateDynamicGroupDetails {
                freeform_tags: freeform("c", "d"),
                ..UpdateDynamicGroupDetails::default()
            },
            None,
        )
        .await
        .unwrap()
        .value;
    assert_eq!(dg.freeform_tags["c"], "d");
    assert_eq!(dg.defined_tags["Operations"]["Role"], "batch");
}

#[tokio::test]
async fn compartments_namespaces_tags_and_invitations_take_tags() {
    let env = start(demo()).await;
    let c = env.client();
    let t = env.tenancy();
    let prod = env.emulator.store.with(|s| {
        s.compartments
            .iter()
            .find(|x| x.name == "Prod")
            .map(|x| x.id.clone())
            .unwrap()
    });
    let details = |tags| CreateCompartmentDetails {
        compartment_id: prod.clone(),
        name: "Fields".into(),
        description: "d".into(),
        freeform_tags: freeform("a", "b"),
        defined_tags: tags,
    };
    // Prod's Environment default is required: a compartment there needs a value for it.
    let refused = c.create_compartment(&details(None)).await.unwrap_err();
    assert!(
        refused.to_string().contains("required in compartment Prod"),
        "{refused}"
    );
    let made = c
        .create_compartment(&details(defined("Operations", "Environment", "prod")))
        .await
        .unwrap()
        .value;
    let changed = c
        .update_compartment(
            &made.id,
            &UpdateCompartmentDetails {
                freeform_tags: freeform("x", "y"),
                ..UpdateCompartmentDetails::default()
            },
            None,
        )
        .await
        .unwrap()
        .value;
    assert_eq!(changed.freeform_tags["x"], "y");

    let ns = c
        .create_tag_namespace(&CreateTagNamespaceDetails {
            compartment_id: t.to_string(),
            name: "Fields".into(),
            description: "d".into(),
            freeform_tags: freeform("a", "b"),
            defined_tags: defined("Security", "DataClassification", "internal"),
            locks: None,
        })
        .await
        .unwrap()
        .value;
    assert_eq!(
        ns.defined_tags["Security"]["DataClassification"],
        "internal"
    );
    let tag = c
        .create_tag(
            &ns.id,
            &CreateTagDetails {
                name: "Field".into(),
                description: "d".into(),
                freeform_tags: freeform("a", "b"),
                defined_tags: defined("Operations", "Owner", "me"),
                is_cost_tracking: None,
                validator: None,
            },
        )
        .await
        .unwrap()
        .value;
    assert_eq!(tag.freeform_tags["a"], "b");

    let invitation = c
        .create_sender_invitation(&CreateSenderInvitationDetails {
            compartment_id: t.to_string(),
            recipient_tenancy_id: "ocid1.tenancy.oc1..aaaaaaaafieldsrecipient".into(),
            recipient_email_address: Some("admin@fields.example".into()),
            display_name: Some("fields".into()),
            subjects: Some(vec!["LINK".into(), "GOVERNANCE".into()]),
            features: Some(vec!["SUBSCRIPTION_SHARING".into()]),
            freeform_tags: freeform("a", "b"),
            defined_tags: defined("Operations", "Owner", "ana.ortiz@acme-corp.com"),
        })
        .await
        .unwrap();
    let sent = invitation.invitation.value;
    assert_eq!(sent.subjects, ["LINK", "GOVERNANCE"]);
    assert_eq!(
        sent.invitation_features.as_ref().unwrap()[0].name,
        "SUBSCRIPTION_SHARING"
    );
    let retagged = c
        .update_sender_invitation(
            &sent.id,
            &UpdateSenderInvitationDetails {
                defined_tags: defined("Operations", "Owner", "someone@acme-corp.com"),
                ..UpdateSenderInvitationDetails::default()
            },
            None,
        )
        .await
        .unwrap()
        .value;
    assert_eq!(
        retagged.defined_tags["Operations"]["Owner"],
        "someone@acme-corp.com"
    );
    let bad = c
        .update_sender_invitation(
            &sent.id,
            &UpdateSenderInvitationDetails {
                defined_tags: defined("Nowhere", "Owner", "x"),
                ..UpdateSenderInvitationDetails::default()
            },
            None,
        )
        .await
        .unwrap_err();
    assert_eq!(bad.status(), Some(400));
}
