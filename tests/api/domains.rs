//! The client's identity-domain, IAM work-request, region and work-request-history
//! operations against the emulator's demo tenancy.

use canopy::api::{ApiError, DomainQuery, SortOrder, WorkRequestKind, WorkRequestWaitError};
use canopy::model::{
    ChangeDomainCompartmentDetails, ChangeDomainLicenseTypeDetails, CreateDomainDetails,
    DomainLifecycleDetails, DomainType, EnableReplicationToRegionDetails, LifecycleState,
    ReplicationState, UpdateDomainDetails, WorkRequestStatus,
};

use crate::support::{Env, demo, finish, start};

fn details(tenancy: &str, name: &str) -> CreateDomainDetails {
    CreateDomainDetails {
        compartment_id: tenancy.to_string(),
        display_name: name.to_string(),
        description: format!("{name} users"),
        home_region: "us-ashburn-1".into(),
        license_type: "free".into(),
        is_hidden_on_login: None,
        admin_first_name: None,
        admin_last_name: None,
        admin_user_name: None,
        admin_email: None,
        is_notification_bypassed: None,
        is_primary_email_required: None,
        freeform_tags: None,
        defined_tags: None,
    }
}

/// Waits for an IAM work request and returns the domain it is about.
async fn finished_domain(env: &Env, work: Option<String>) -> String {
    let id = finish(env, WorkRequestKind::Iam, work).await;
    let wr = env.client().get_iam_work_request(&id).await.unwrap();
    assert_eq!(wr.status, WorkRequestStatus::Succeeded);
    wr.resources[0].identifier.clone()
}

#[tokio::test]
async fn domains_are_created_changed_and_deleted_through_iam_work_requests() {
    let env = start(demo()).await;
    let (c, t) = (env.client(), env.tenancy());
    let listed = c
        .list_domains(t, &DomainQuery::default())
        .all()
        .await
        .unwrap();
    assert_eq!(listed.len(), 2);
    let default = c
        .list_domains(
            t,
            &DomainQuery {
                domain_type: Some(DomainType::Default),
                ..DomainQuery::default()
            },
        )
        .all()
        .await
        .unwrap();
    assert_eq!(default.len(), 1);
    assert!(default[0].is_default());
    // A listener of its own on the emulator's address.
    assert!(default[0].url.starts_with("http://127.0.0.1:"));

    let started = c.create_domain(&details(t, "Vendors")).await.unwrap();
    let id = finished_domain(&env, started).await;
    let domain = c.get_domain(&id).await.unwrap();
    assert_eq!(domain.value.lifecycle_state, LifecycleState::Active);
    assert_eq!(domain.value.domain_type, DomainType::Secondary);
    let update = UpdateDomainDetails {
        description: Some("Vendor staff".into()),
        ..UpdateDomainDetails::default()
    };
    let stale = c.update_domain(&id, &update, Some("\"stale\"")).await;
    assert!(matches!(stale, Err(ApiError::Service(e)) if e.status == 412));
    let work = c
        .update_domain(&id, &update, domain.etag.as_deref())
        .await
        .unwrap();
    finished_domain(&env, work).await;
    assert_eq!(
        c.get_domain(&id).await.unwrap().value.description,
        "Vendor staff"
    );

    let allowed = c
        .list_allowed_domain_license_types(Some("free"))
        .await
        .unwrap();
    assert_eq!(allowed.len(), 2);
    assert_eq!(
        c.list_allowed_domain_license_types(None)
            .await
            .unwrap()
            .len(),
        5
    );
    let license = ChangeDomainLicenseTypeDetails {
        license_type: Some(allowed[1].license_type.clone()),
    };
    let work = c
        .change_domain_license_type(&id, &license, None)
        .await
        .unwrap();
    finished_domain(&env, work).await;
    assert_eq!(
        c.get_domain(&id).await.unwrap().value.license_type,
        "premium"
    );

    let replica = EnableReplicationToRegionDetails {
        replica_region: Some("us-phoenix-1".into()),
    };
    let work = c
        .enable_replication_to_region(&id, &replica, None)
        .await
        .unwrap();
    finished_domain(&env, work).await;
    let replicated = c.get_domain(&id).await.unwrap().value;
    assert_eq!(
        replicated.replica_regions[0].state,
        Some(ReplicationState::ReplicationEnabled)
    );

    let security = c
        .list_compartments(&canopy::api::CompartmentQuery::children(t))
        .all()
        .await
        .unwrap()
        .into_iter()
        .find(|x| x.name == "Security")
        .unwrap();
    let moved = ChangeDomainCompartmentDetails {
        compartment_id: security.id.clone(),
    };
    let work = c
        .change_domain_compartment(&id, &moved, None)
        .await
        .unwrap();
    finished_domain(&env, work).await;
    let in_security = c
        .list_domains(&security.id, &DomainQuery::default())
        .all()
        .await
        .unwrap();
    assert_eq!(in_security.len(), 1);

    let work = c.deactivate_domain(&id, None).await.unwrap();
    finished_domain(&env, work).await;
    let work = c.activate_domain(&id, None).await.unwrap();
    finished_domain(&env, work).await;
    let work = c.deactivate_domain(&id, None).await.unwrap();
    finished_domain(&env, work).await;
    let deleting = c.delete_domain(&id, None).await.unwrap();
    let deleted = finish(&env, WorkRequestKind::Iam, deleting).await;
    let gone = c.get_domain(&id).await;
    assert!(matches!(gone, Err(ApiError::Service(e)) if e.status == 404));

    let history = c
        .list_iam_work_requests(&security.id, Some(&id))
        .all()
        .await
        .unwrap();
    assert!(history.iter().any(|w| w.id == deleted), "{history:?}");
    let logs = c
        .list_iam_work_request_logs(&deleted, Some(SortOrder::Desc))
        .all()
        .await
        .unwrap();
    assert_eq!(logs[0].message, "finished");
    let errors = c
        .list_iam_work_request_errors(&deleted, None)
        .all()
        .await
        .unwrap();
    assert!(errors.is_empty());
}

#[tokio::test]
async fn a_failed_domain_work_request_says_why() {
    let env = start(demo()).await;
    let (c, t) = (env.client(), env.tenancy());
    let doomed = CreateDomainDetails {
        admin_email: Some("root@example.invalid".into()),
        admin_user_name: Some("root".into()),
        is_notification_bypassed: Some(false),
        ..details(t, "Doomed")
    };
    let work = c.create_domain(&doomed).await.unwrap().unwrap();
    let waited = c
        .wait_for_work_request(
            WorkRequestKind::Iam,
            &work,
            std::time::Duration::from_millis(20),
            std::time::Duration::from_secs(20),
        )
        .await;
    let Err(WorkRequestWaitError::Failed { errors, .. }) = waited else {
        panic!("the work request fails: {waited:?}");
    };
    assert!(errors.contains("root@example.invalid"), "{errors}");

    let default = c
        .list_domains(t, &DomainQuery::default())
        .all()
        .await
        .unwrap()
        .into_iter()
        .find(canopy::model::Domain::is_default)
        .unwrap();
    let refused = c.deactivate_domain(&default.id, None).await;
    assert!(matches!(refused, Err(ApiError::Service(e)) if e.status == 409));
    let busy = c.create_domain(&details(t, "Busy")).await.unwrap();
    let id = c
        .get_iam_work_request(busy.as_deref().unwrap())
        .await
        .unwrap()
        .resources[0]
        .identifier
        .clone();
    // Work requests here take 50 ms, so it may already be done; either way it is consistent.
    let creating = c.get_domain(&id).await.unwrap().value;
    let consistent = match creating.lifecycle_state {
        LifecycleState::Creating => {
            creating.lifecycle_details == Some(DomainLifecycleDetails::Updating)
        }
        LifecycleState::Active => creating.lifecycle_details.is_none(),
        _ => false,
    };
    assert!(consistent, "{creating:?}");
    finished_domain(&env, busy).await;
}

#[tokio::test]
async fn regions_fault_domains_the_root_compartment_and_work_request_history() {
    let env = start(demo()).await;
    let (c, t) = (env.client(), env.tenancy());
    let subscribed = c.create_region_subscription(t, "LHR").await.unwrap();
    assert_eq!(subscribed.region_name, "uk-london-1");
    assert_eq!(subscribed.status, "IN_PROGRESS");
    assert_eq!(c.list_region_subscriptions(t).await.unwrap().len(), 3);
    let again = c.create_region_subscription(t, "LHR").await;
    assert!(matches!(again, Err(ApiError::Service(e)) if e.status == 409));

    let ads = c.list_availability_domains(t).await.unwrap();
    let faults = c.list_fault_domains(t, &ads[0].name).await.unwrap();
    assert_eq!(faults.len(), 3);
    assert_eq!(faults[2].name, "FAULT-DOMAIN-3");

    let root = c.get_compartment(t).await.unwrap();
    assert_eq!(root.value.id, t);
    assert_eq!(root.value.compartment_id, t);

    let classic = c.list_work_requests(t, None).all().await.unwrap();
    assert_eq!(classic.len(), 1);
    let whole = c.get_work_request(&classic[0].id).await.unwrap();
    assert!(!whole.logs.unwrap_or_default().is_empty());
    let tagging = c.list_tagging_work_requests(t, None).all().await.unwrap();
    let failed = tagging
        .iter()
        .find(|w| w.status == WorkRequestStatus::Failed)
        .unwrap();
    let got = c.get_tagging_work_request(&failed.id).await.unwrap();
    assert!(got.errors.is_empty(), "tagging lists its errors apart");
    let errors = c
        .list_tagging_work_request_errors(&failed.id)
        .all()
        .await
        .unwrap();
    assert_eq!(errors.len(), 1);
    let logs = c
        .list_tagging_work_request_logs(&failed.id)
        .all()
        .await
        .unwrap();
    assert!(logs.len() >= 3);
    let iam = c.list_iam_work_requests(t, None).all().await.unwrap();
    let failed = iam
        .iter()
        .find(|w| w.status == WorkRequestStatus::Failed)
        .unwrap();
    let errors = c
        .list_iam_work_request_errors(&failed.id, None)
        .all()
        .await
        .unwrap();
    assert_eq!(errors[0].code, "InternalServerError");
}
