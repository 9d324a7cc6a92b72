//! The client's bulk operations against the demo tenancy: a defined tag added to three users,
//! retired tags deleted together, and other services' resources moved and deleted.

use std::collections::BTreeMap;

use canopy::api::{UserQuery, WorkRequestKind};
use canopy::model::{
    BulkActionResource, BulkActionType, BulkDeleteResourcesDetails, BulkDeleteTagsDetails,
    BulkEditOperationDetails, BulkEditOperationType, BulkEditResource, BulkEditTagsDetails,
    BulkMoveResourcesDetails, CreateTagDetails, CreateTagNamespaceDetails, DefinedTags,
    LifecycleState, SearchDetails, UpdateTagNamespaceDetails,
};

use crate::support::{Env, demo, finish, start};

fn defined(namespace: &str, key: &str, value: &str) -> DefinedTags {
    BTreeMap::from([(
        namespace.to_string(),
        BTreeMap::from([(key.to_string(), serde_json::json!(value))]),
    )])
}

fn resource(env: &Env, name: &str) -> BulkActionResource {
    env.emulator.store.with(|s| {
        let r = s
            .compartment_resources
            .iter()
            .find(|r| r.display_name == name)
            .expect("resource in the demo");
        BulkActionResource {
            identifier: r.id.clone(),
            entity_type: r.resource_type.clone(),
            metadata: (!r.metadata.is_empty()).then(|| r.metadata.clone()),
        }
    })
}

fn compartment_id(env: &Env, name: &str) -> String {
    env.emulator.store.with(|s| {
        s.compartments
            .iter()
            .find(|c| c.name == name)
            .map(|c| c.id.clone())
            .unwrap()
    })
}

#[tokio::test]
async fn a_defined_tag_is_added_to_three_users() {
    let env = start(demo()).await;
    let c = env.client();
    let t = env.tenancy();
    let types = c.list_bulk_edit_tags_resource_types().all().await.unwrap();
    assert!(types.iter().any(|r| r.resource_type == "User"));
    let users: Vec<String> = c
        .list_users(t, &UserQuery::default())
        .all()
        .await
        .unwrap()
        .into_iter()
        .filter(|u| u.lifecycle_state == LifecycleState::Active)
        .take(3)
        .map(|u| u.id.to_string())
        .collect();
    let work = c
        .bulk_edit_tags(&BulkEditTagsDetails {
            compartment_id: t.to_string(),
            resources: users
                .iter()
                .map(|id| BulkEditResource {
                    id: id.clone(),
                    resource_type: "User".into(),
                    metadata: None,
                })
                .collect(),
            bulk_edit_operations: vec![BulkEditOperationDetails {
                operation_type: BulkEditOperationType::AddOrSet,
                defined_tags: defined("Operations", "CostCenter", "CC-7700"),
            }],
        })
        .await
        .unwrap();
    let id = finish(&env, WorkRequestKind::Tagging, work).await;
    let wr = c.get_tagging_work_request(&id).await.unwrap();
    assert_eq!(wr.operation_type, "BULK_EDIT_OF_TAGS");
    assert_eq!(wr.resources.len(), 3);
    for user in &users {
        let u = c.get_user(user).await.unwrap().value;
        assert_eq!(u.defined_tags["Operations"]["CostCenter"], "CC-7700");
    }
}

#[tokio::test]
async fn retired_tags_are_deleted_in_bulk() {
    let env = start(demo()).await;
    let c = env.client();
    let t = env.tenancy();
    let ns = c
        .create_tag_namespace(&CreateTagNamespaceDetails {
            compartment_id: t.to_string(),
            name: "Sunset".into(),
            description: "d".into(),
            freeform_tags: None,
            defined_tags: None,
            locks: None,
        })
        .await
        .unwrap()
        .value;
    let mut ids = Vec::new();
    for name in ["One", "Two"] {
        let tag = c
            .create_tag(
                &ns.id,
                &CreateTagDetails {
                    name: name.into(),
                    description: "d".into(),
                    freeform_tags: None,
                    defined_tags: None,
                    is_cost_tracking: None,
                    validator: None,
                },
            )
            .await
            .unwrap();
        ids.push(tag.value.id);
    }
    let details = BulkDeleteTagsDetails {
        tag_definition_ids: ids.clone(),
    };
    let refused = c.bulk_delete_tags(&details).await.unwrap_err();
    assert!(refused.to_string().contains("retire it first"), "{refused}");
    c.update_tag_namespace(
        &ns.id,
        &UpdateTagNamespaceDetails {
            is_retired: Some(true),
            ..UpdateTagNamespaceDetails::default()
        },
    )
    .await
    .unwrap();
    let work = c.bulk_delete_tags(&details).await.unwrap();
    finish(&env, WorkRequestKind::Tagging, work).await;
    let gone = c
        .list_tags(&ns.id, Some(&LifecycleState::Deleted))
        .all()
        .await
        .unwrap();
    assert_eq!(gone.len(), 2);
    // The namespace is empty now, so the plain delete takes it.
    c.delete_tag_namespace(&ns.id, None).await.unwrap();
}

#[tokio::test]
async fn resources_are_moved_and_deleted_in_bulk() {
    let env = start(demo()).await;
    let c = env.client();
    for action in [
        BulkActionType::BulkMoveResources,
        BulkActionType::BulkDeleteResources,
    ] {
        let types = c
            .list_bulk_action_resource_types(&action)
            .all()
            .await
            .unwrap();
        assert!(types.iter().any(|r| r.name == "Instance"));
    }
    let jchen = compartment_id(&env, "jchen-sandbox");
    let mpatel = compartment_id(&env, "mpatel-sandbox");
    // What is there, as Resource Search sees it (the preview of a bulk action).
    let found = c
        .search_resources(&SearchDetails::in_compartment(&jchen))
        .all()
        .await
        .unwrap();
    let mut names: Vec<String> = found
        .iter()
        .filter_map(|r| r.display_name.clone())
        .collect();
    names.sort();
    assert_eq!(names, ["jchen-notebooks", "jchen-scratch", "jchen-test-vm"]);
    let bucket = found.iter().find(|r| r.resource_type == "Bucket").unwrap();
    assert_eq!(
        bucket.additional_details.as_ref().unwrap()["namespaceName"],
        "acmecorp"
    );
    let work = c
        .bulk_move_resources(
            &jchen,
            &BulkMoveResourcesDetails {
                resources: vec![
                    resource(&env, "jchen-test-vm"),
                    resource(&env, "jchen-notebooks"),
                ],
                target_compartment_id: mpatel.clone(),
            },
        )
        .await
        .unwrap();
    let id = finish(&env, WorkRequestKind::Identity, work).await;
    let wr = c.get_work_request(&id).await.unwrap();
    assert_eq!(wr.operation_type, "BULK_MOVE_RESOURCES");
    let moved = env.emulator.store.with(|s| {
        s.compartment_resources
            .iter()
            .filter(|r| r.compartment_id == mpatel)
            .count()
    });
    assert_eq!(moved, 3, "mpatel's own VM and the two moved in");
    let work = c
        .bulk_delete_resources(
            &jchen,
            &BulkDeleteResourcesDetails {
                resources: vec![resource(&env, "jchen-scratch")],
            },
        )
        .await
        .unwrap();
    finish(&env, WorkRequestKind::Identity, work).await;
    let state = env.emulator.store.with(|s| {
        s.compartment_resources
            .iter()
            .find(|r| r.display_name == "jchen-scratch")
            .map(|r| r.lifecycle_state.clone())
            .unwrap()
    });
    assert_eq!(state, LifecycleState::Deleted);
    // Emptied of other services' resources, the compartment can go.
    let deleting = c.delete_compartment(&jchen, None).await.unwrap();
    finish(&env, WorkRequestKind::Identity, deleting).await;
}
