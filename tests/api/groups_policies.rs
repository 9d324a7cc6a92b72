//! Groups, memberships, dynamic groups and policies.

use canopy::api::{ListFilter, MembershipQuery};
use canopy::model::{
    CreateDynamicGroupDetails, CreateGroupDetails, CreatePolicyDetails, UpdateDynamicGroupDetails,
    UpdateGroupDetails, UpdatePolicyDetails,
};

use crate::support::{demo, start};

#[tokio::test]
async fn groups_and_memberships() {
    let env = start(demo()).await;
    let c = env.client();
    let t = env.tenancy();
    let group = c
        .create_group(&CreateGroupDetails {
            compartment_id: t.to_string(),
            name: "ApiTestGroup".into(),
            description: "d".into(),
            freeform_tags: None,
            defined_tags: None,
        })
        .await
        .unwrap();
    let gid = group.value.id.clone();
    let got = c.get_group(&gid).await.unwrap();
    let updated = c
        .update_group(
            &gid,
            &UpdateGroupDetails {
                description: Some("changed".into()),
                ..UpdateGroupDetails::default()
            },
            got.etag.as_deref(),
        )
        .await
        .unwrap();
    assert_eq!(updated.value.description, "changed");
    let groups = c
        .list_groups(t, &ListFilter::default())
        .all()
        .await
        .unwrap();
    assert!(groups.iter().any(|g| g.id == gid));

    let user = c
        .list_users(t, &canopy::api::UserQuery::default())
        .all()
        .await
        .unwrap()[0]
        .clone();
    let m = c.add_user_to_group(&user.id, &gid).await.unwrap();
    let got = c.get_user_group_membership(&m.value.id).await.unwrap();
    assert_eq!(got.value.group_id, gid);
    let of_group = c
        .list_user_group_memberships(t, &MembershipQuery::of_group(&gid))
        .all()
        .await
        .unwrap();
    assert_eq!(of_group.len(), 1);
    let of_user = c
        .list_user_group_memberships(t, &MembershipQuery::of_user(&user.id))
        .all()
        .await
        .unwrap();
    assert!(of_user.iter().any(|x| x.id == m.value.id));
    // OCI refuses to list memberships of nobody in particular.
    let unfiltered = c
        .list_user_group_memberships(t, &MembershipQuery::default())
        .all()
        .await
        .unwrap_err();
    assert_eq!(unfiltered.status(), Some(400));

    c.remove_user_from_group(&m.value.id, None).await.unwrap();
    let of_group = c
        .list_user_group_memberships(t, &MembershipQuery::of_group(&gid))
        .all()
        .await
        .unwrap();
    assert!(
        of_group
            .iter()
            .all(|x| x.lifecycle_state != canopy::model::LifecycleState::Active)
    );
    c.delete_group(&gid, None).await.unwrap();
}

#[tokio::test]
async fn dynamic_groups() {
    let env = start(demo()).await;
    let c = env.client();
    let t = env.tenancy();
    let dg = c
        .create_dynamic_group(&CreateDynamicGroupDetails {
            compartment_id: t.to_string(),
            name: "ApiTestFunctions".into(),
            matching_rule: "ALL {resource.type = 'fnfunc'}".into(),
            description: "d".into(),
            freeform_tags: None,
            defined_tags: None,
        })
        .await
        .unwrap();
    let got = c.get_dynamic_group(&dg.value.id).await.unwrap();
    assert_eq!(got.value.matching_rule, "ALL {resource.type = 'fnfunc'}");
    let updated = c
        .update_dynamic_group(
            &dg.value.id,
            &UpdateDynamicGroupDetails {
                matching_rule: Some("ANY {resource.type = 'instance'}".into()),
                ..UpdateDynamicGroupDetails::default()
            },
            got.etag.as_deref(),
        )
        .await
        .unwrap();
    assert_eq!(
        updated.value.matching_rule,
        "ANY {resource.type = 'instance'}"
    );
    let all = c
        .list_dynamic_groups(t, &ListFilter::default())
        .all()
        .await
        .unwrap();
    assert!(all.iter().any(|d| d.id == dg.value.id));
    c.delete_dynamic_group(&dg.value.id, None).await.unwrap();
}

#[tokio::test]
async fn policies_with_etags_and_a_stale_update_is_a_conflict() {
    let env = start(demo()).await;
    let c = env.client();
    let t = env.tenancy();
    let statements =
        vec!["Allow group Administrators to manage all-resources in tenancy".to_string()];
    let created = c
        .create_policy(&CreatePolicyDetails {
            compartment_id: t.to_string(),
            name: "ApiTestPolicy".into(),
            statements: statements.clone(),
            description: "d".into(),
            version_date: None,
            freeform_tags: None,
            defined_tags: None,
        })
        .await
        .unwrap();
    let id = created.value.id.clone();
    let first = c.get_policy(&id).await.unwrap();
    assert_eq!(first.value.statements, statements);
    let stale = first.etag.clone().unwrap();

    let edit = |s: &str| UpdatePolicyDetails {
        statements: Some(vec![s.to_string()]),
        ..UpdatePolicyDetails::default()
    };
    let second = c
        .update_policy(
            &id,
            &edit("Allow group AppOps to read users in tenancy"),
            Some(&stale),
        )
        .await
        .unwrap();
    assert_ne!(second.etag.as_deref(), Some(stale.as_str()));

    let conflict = c
        .update_policy(
            &id,
            &edit("Allow group AppOps to manage users in tenancy"),
            Some(&stale),
        )
        .await
        .unwrap_err();
    assert!(conflict.is_conflict(), "{conflict}");
    assert!(!conflict.is_auth());
    assert_eq!(conflict.service().unwrap().code, "NoEtagMatch");
    assert!(conflict.to_string().contains("someone else changed it"));
    assert_eq!(
        conflict.service().unwrap().attempts,
        1,
        "412 is never retried"
    );

    let listed = c
        .list_policies(t, &ListFilter::default())
        .all()
        .await
        .unwrap();
    assert!(listed.iter().any(|p| p.id == id));
    c.delete_policy(&id, second.etag.as_deref()).await.unwrap();
}
