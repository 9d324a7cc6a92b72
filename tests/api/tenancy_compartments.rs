//! Tenancy, regions, availability domains, and the whole compartment life cycle.

use canopy::api::{CompartmentQuery, ListFilter, WorkRequestKind};
use canopy::model::{CreateCompartmentDetails, LifecycleState, UpdateCompartmentDetails};

use crate::support::{demo, finish, start};

#[tokio::test]
async fn tenancy_regions_and_availability_domains() {
    let env = start(demo()).await;
    let c = env.client();
    let tenancy = c.get_tenancy(env.tenancy()).await.unwrap();
    assert_eq!(tenancy.id, env.tenancy());
    let regions = c.list_regions().await.unwrap();
    assert!(regions.iter().any(|r| r.name == "us-ashburn-1"));
    let subscriptions = c.list_region_subscriptions(env.tenancy()).await.unwrap();
    assert!(subscriptions.iter().any(|s| s.is_home_region));
    let ads = c.list_availability_domains(env.tenancy()).await.unwrap();
    assert!(!ads.is_empty());
}

#[tokio::test]
async fn compartments_from_create_to_recover() {
    let env = start(demo()).await;
    let c = env.client();
    let t = env.tenancy();
    let create = |name: &str, parent: &str| CreateCompartmentDetails {
        compartment_id: parent.to_string(),
        name: name.to_string(),
        description: format!("{name} for tests"),
        freeform_tags: None,
        defined_tags: None,
    };
    let a = c.create_compartment(&create("ApiTestA", t)).await.unwrap();
    let b = c.create_compartment(&create("ApiTestB", t)).await.unwrap();
    assert!(a.etag.is_some());

    let got = c.get_compartment(&a.value.id).await.unwrap();
    assert_eq!(got.value.name, "ApiTestA");
    let update = UpdateCompartmentDetails {
        description: Some("changed".into()),
        ..UpdateCompartmentDetails::default()
    };
    let updated = c
        .update_compartment(&a.value.id, &update, got.etag.as_deref())
        .await
        .unwrap();
    assert_eq!(updated.value.description, "changed");

    // Children only, then the whole subtree.
    let children = c
        .list_compartments(&CompartmentQuery::children(t))
        .all()
        .await
        .unwrap();
    assert!(children.iter().all(|x| x.compartment_id == t));
    assert!(children.iter().any(|x| x.id == a.value.id));
    let named = c
        .list_compartments(&CompartmentQuery {
            filter: ListFilter {
                name: Some("ApiTestB".into()),
                ..ListFilter::default()
            },
            ..CompartmentQuery::children(t)
        })
        .all()
        .await
        .unwrap();
    assert_eq!(named.len(), 1);

    let moved = c
        .move_compartment(&a.value.id, &b.value.id, None)
        .await
        .unwrap();
    finish(&env, WorkRequestKind::Identity, moved).await;
    let subtree = c
        .list_compartments(&CompartmentQuery::subtree(t))
        .all()
        .await
        .unwrap();
    let a_now = subtree.iter().find(|x| x.id == a.value.id).unwrap();
    assert_eq!(a_now.compartment_id, b.value.id);

    let deleted = c.delete_compartment(&a.value.id, None).await.unwrap();
    let deleted = finish(&env, WorkRequestKind::Identity, deleted).await;
    let gone = c.get_compartment(&a.value.id).await.unwrap().value;
    assert_eq!(gone.lifecycle_state, LifecycleState::Deleted);

    let recovered = c.recover_compartment(&a.value.id, None).await.unwrap();
    assert_eq!(recovered.value.id, a.value.id);
    assert_ne!(recovered.value.lifecycle_state, LifecycleState::Deleted);

    let wr = c.get_work_request(&deleted).await.unwrap();
    assert_eq!(wr.operation_type, "DELETE_COMPARTMENT");
    let compartment = wr.compartment_id.clone().unwrap();
    let work = c
        .list_work_requests(&compartment, Some(&a.value.id))
        .all()
        .await
        .unwrap();
    assert!(work.iter().any(|w| w.id == deleted), "{work:?}");
    // A classic work request carries its errors and logs itself (no /errors or /logs).
    assert!(wr.errors.is_empty(), "{:?}", wr.errors);
    assert!(!wr.logs.clone().unwrap_or_default().is_empty());
}

/// A rename, move or delete sent with the etag of an older version is refused with 412 and
/// changes nothing: the TUI shows the conflict instead of overwriting someone's change.
#[tokio::test]
async fn compartment_writes_with_a_stale_etag_are_conflicts() {
    let env = start(demo()).await;
    let c = env.client();
    let t = env.tenancy();
    let created = c
        .create_compartment(&CreateCompartmentDetails {
            compartment_id: t.to_string(),
            name: "EtagTest".into(),
            description: "etag test".into(),
            freeform_tags: None,
            defined_tags: None,
        })
        .await
        .unwrap();
    let id = created.value.id.clone();
    let stale = c.get_compartment(&id).await.unwrap().etag;
    assert!(stale.is_some());
    // Someone else changes it: the etag we hold is now stale.
    let theirs = UpdateCompartmentDetails {
        description: Some("their change".into()),
        ..UpdateCompartmentDetails::default()
    };
    c.update_compartment(&id, &theirs, None).await.unwrap();

    let rename = UpdateCompartmentDetails {
        name: Some("EtagTestRenamed".into()),
        ..UpdateCompartmentDetails::default()
    };
    let status = |e: canopy::api::ApiError| match e {
        canopy::api::ApiError::Service(s) => s.status,
        other => panic!("expected a service error, got {other}"),
    };
    let refused = c
        .update_compartment(&id, &rename, stale.as_deref())
        .await
        .unwrap_err();
    assert_eq!(status(refused), 412);
    let moved = c
        .move_compartment(&id, t, stale.as_deref())
        .await
        .unwrap_err();
    assert_eq!(status(moved), 412);
    let deleted = c
        .delete_compartment(&id, stale.as_deref())
        .await
        .unwrap_err();
    assert_eq!(status(deleted), 412);
    let now = c.get_compartment(&id).await.unwrap();
    assert_eq!(now.value.name, "EtagTest");
    assert_eq!(now.value.description, "their change");
    assert_eq!(now.value.lifecycle_state, LifecycleState::Active);
    // With the current etag the rename goes through.
    let renamed = c
        .update_compartment(&id, &rename, now.etag.as_deref())
        .await
        .unwrap();
    assert_eq!(renamed.value.name, "EtagTestRenamed");
}
