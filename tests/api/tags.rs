//! Tag namespaces (retire, reactivate, cascade delete), tags with validators, tag defaults.

use canopy::api::{TagDefaultQuery, TagNamespaceQuery, WorkRequestKind};
use canopy::model::{
    CreateTagDefaultDetails, CreateTagDetails, CreateTagNamespaceDetails, TagValidator,
    UpdateTagDefaultDetails, UpdateTagDetails, UpdateTagNamespaceDetails,
};

use crate::support::{demo, finish, start};

fn namespace(t: &str, name: &str) -> CreateTagNamespaceDetails {
    CreateTagNamespaceDetails {
        compartment_id: t.to_string(),
        name: name.to_string(),
        description: "d".into(),
        freeform_tags: None,
        defined_tags: None,
        locks: None,
    }
}

fn tag(name: &str, validator: Option<TagValidator>) -> CreateTagDetails {
    CreateTagDetails {
        name: name.to_string(),
        description: "d".into(),
        freeform_tags: None,
        defined_tags: None,
        is_cost_tracking: Some(true),
        validator,
    }
}

#[tokio::test]
async fn namespaces_tags_and_defaults() {
    let env = start(demo()).await;
    let c = env.client();
    let t = env.tenancy();
    let ns = c
        .create_tag_namespace(&namespace(t, "ApiTestOps"))
        .await
        .unwrap()
        .value;
    assert_eq!(
        c.get_tag_namespace(&ns.id).await.unwrap().value.name,
        "ApiTestOps"
    );
    let retired = c
        .update_tag_namespace(
            &ns.id,
            &UpdateTagNamespaceDetails {
                is_retired: Some(true),
                ..UpdateTagNamespaceDetails::default()
            },
        )
        .await
        .unwrap();
    assert!(retired.value.is_retired);
    let reactivated = c
        .update_tag_namespace(
            &ns.id,
            &UpdateTagNamespaceDetails {
                is_retired: Some(false),
                ..UpdateTagNamespaceDetails::default()
            },
        )
        .await
        .unwrap();
    assert!(!reactivated.value.is_retired);
    let listed = c
        .list_tag_namespaces(
            t,
            &TagNamespaceQuery {
                include_subcompartments: Some(true),
                lifecycle_state: None,
            },
        )
        .all()
        .await
        .unwrap();
    assert!(listed.iter().any(|n| n.id == ns.id));

    let env_values = TagValidator::Enum {
        values: vec!["dev".into(), "prod".into()],
    };
    let env_tag = c
        .create_tag(&ns.id, &tag("Environment", Some(env_values.clone())))
        .await
        .unwrap();
    c.create_tag(&ns.id, &tag("Owner", None)).await.unwrap();
    let got = c.get_tag(&ns.id, "Environment").await.unwrap();
    assert_eq!(got.value.validator, Some(env_values));
    assert_eq!(got.value.tag_namespace_id.as_deref(), Some(ns.id.as_str()));
    let updated = c
        .update_tag(
            &ns.id,
            "Environment",
            &UpdateTagDetails {
                description: Some("where it runs".into()),
                ..UpdateTagDetails::default()
            },
            got.etag.as_deref(),
        )
        .await
        .unwrap();
    assert_eq!(updated.value.description, "where it runs");
    let tags = c.list_tags(&ns.id, None).all().await.unwrap();
    assert_eq!(tags.len(), 2);

    let default = c
        .create_tag_default(&CreateTagDefaultDetails {
            compartment_id: t.to_string(),
            tag_definition_id: env_tag.value.id.clone(),
            value: "dev".into(),
            is_required: Some(false),
            locks: None,
        })
        .await
        .unwrap();
    let got = c.get_tag_default(&default.value.id).await.unwrap();
    assert_eq!(got.value.value, "dev");
    let changed = c
        .update_tag_default(
            &default.value.id,
            &UpdateTagDefaultDetails {
                value: "prod".into(),
                is_required: Some(true),
            },
            got.etag.as_deref(),
        )
        .await
        .unwrap();
    assert!(changed.value.is_required);
    let defaults = c
        .list_tag_defaults(&TagDefaultQuery {
            tag_definition_id: Some(env_tag.value.id.clone()),
            ..TagDefaultQuery::default()
        })
        .all()
        .await
        .unwrap();
    assert_eq!(defaults.len(), 1);
    c.delete_tag_default(&default.value.id, None).await.unwrap();

    // OCI deletes only a retired tag.
    let refused = c.delete_tag(&ns.id, "Owner", None).await.unwrap_err();
    assert_eq!(refused.status(), Some(409), "{refused}");
    assert!(refused.to_string().contains("retire it first"), "{refused}");
    c.update_tag(&ns.id, "Owner", &retire_tag(), None)
        .await
        .unwrap();
    let deleting = c.delete_tag(&ns.id, "Owner", None).await.unwrap();
    let deleting = finish(&env, WorkRequestKind::Tagging, deleting).await;
    let wr = c.get_tagging_work_request(&deleting).await.unwrap();
    assert!(wr.status.is_finished());
    let errors = c
        .list_tagging_work_request_errors(&deleting)
        .all()
        .await
        .unwrap();
    assert!(errors.is_empty(), "{errors:?}");
    let logs = c
        .list_tagging_work_request_logs(&deleting)
        .all()
        .await
        .unwrap();
    assert!(!logs.is_empty());
    c.list_tagging_work_requests(t, None).all().await.unwrap();

    // A namespace too: retired first, then deleted.
    c.update_tag_namespace(&ns.id, &retire_namespace())
        .await
        .unwrap();
    let cascade = c.cascade_delete_tag_namespace(&ns.id, None).await.unwrap();
    finish(&env, WorkRequestKind::Tagging, cascade).await;

    let empty = c
        .create_tag_namespace(&namespace(t, "ApiTestEmpty"))
        .await
        .unwrap()
        .value;
    let refused = c.delete_tag_namespace(&empty.id, None).await.unwrap_err();
    assert_eq!(refused.status(), Some(409), "{refused}");
    c.update_tag_namespace(&empty.id, &retire_namespace())
        .await
        .unwrap();
    c.delete_tag_namespace(&empty.id, None).await.unwrap();
}

fn retire_tag() -> UpdateTagDetails {
    UpdateTagDetails {
        is_retired: Some(true),
        ..UpdateTagDetails::default()
    }
}

fn retire_namespace() -> UpdateTagNamespaceDetails {
    UpdateTagNamespaceDetails {
        is_retired: Some(true),
        ..UpdateTagNamespaceDetails::default()
    }
}
