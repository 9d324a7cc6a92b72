//! The client's tag tools against the demo tenancy: locks and their override, standard tags,
//! cost-tracking tags, moving a namespace and the effective tag set.

use canopy::api::WorkRequestKind;
use canopy::model::{
    AddLockDetails, CreateTagDetails, CreateTagNamespaceDetails, ImportStandardTagsDetails,
    LifecycleState, LockType, RemoveLockDetails, StandardTagDefinitionType,
    UpdateTagDefaultDetails, UpdateTagDetails, UpdateTagNamespaceDetails,
};

use crate::support::{Env, demo, finish, start};

fn namespace_id(env: &Env, name: &str) -> String {
    env.emulator.store.with(|s| {
        s.tag_namespaces
            .iter()
            .find(|n| n.name == name)
            .map(|n| n.id.clone())
            .expect("namespace in the demo")
    })
}

fn compartment_id(env: &Env, name: &str) -> String {
    env.emulator.store.with(|s| {
        s.compartments
            .iter()
            .find(|c| c.name == name)
            .map(|c| c.id.clone())
            .expect("compartment in the demo")
    })
}

fn lock(lock_type: LockType, message: &str) -> AddLockDetails {
    AddLockDetails {
        lock_type,
        related_resource_id: None,
        message: Some(message.into()),
    }
}

#[tokio::test]
async fn locks_refuse_changes_unless_overridden() {
    let env = start(demo()).await;
    let c = env.client();
    let security = c
        .get_tag_namespace(&namespace_id(&env, "Security"))
        .await
        .unwrap()
        .value;
    let locks = security.locks.expect("the demo locks Security");
    assert_eq!(locks[0].lock_type, LockType::Delete);
    assert_eq!(locks[0].is_active, Some(true));

    let ops = namespace_id(&env, "Operations");
    let locked = c
        .add_tag_namespace_lock(&ops, &lock(LockType::Full, "change freeze"), None)
        .await
        .unwrap();
    assert_eq!(locked.value.locks.unwrap()[0].lock_type, LockType::Full);
    let describe = UpdateTagNamespaceDetails {
        description: Some("changed".into()),
        ..UpdateTagNamespaceDetails::default()
    };
    let refused = c.update_tag_namespace(&ops, &describe).await.unwrap_err();
    assert_eq!(refused.status(), Some(409));
    assert!(refused.to_string().contains("change freeze"), "{refused}");
    let forced = c
        .lock_override()
        .update_tag_namespace(&ops, &describe)
        .await
        .unwrap();
    assert_eq!(forced.value.description, "changed");
    let note = UpdateTagDetails {
        description: Some("who pays".into()),
        ..UpdateTagDetails::default()
    };
    assert!(c.update_tag(&ops, "CostCenter", &note, None).await.is_err());
    c.lock_override()
        .update_tag(&ops, "CostCenter", &note, None)
        .await
        .unwrap();
    let extra = CreateTagDetails {
        name: "Team".into(),
        description: "d".into(),
        freeform_tags: None,
        defined_tags: None,
        is_cost_tracking: None,
        validator: None,
    };
    c.lock_override().create_tag(&ops, &extra).await.unwrap();
    let unlocked = c
        .remove_tag_namespace_lock(
            &ops,
            &RemoveLockDetails {
                lock_type: LockType::Full,
            },
            None,
        )
        .await
        .unwrap();
    assert!(unlocked.value.locks.is_none());

    // The demo's DataClassification default on Sensitive has a FULL lock.
    let sensitive = compartment_id(&env, "Sensitive");
    let default = env.emulator.store.with(|s| {
        s.tag_defaults
            .iter()
            .find(|d| d.compartment_id == sensitive)
            .map(|d| d.id.clone())
            .unwrap()
    });
    let value = UpdateTagDefaultDetails {
        value: "confidential".into(),
        is_required: None,
    };
    let refused = c
        .update_tag_default(&default, &value, None)
        .await
        .unwrap_err();
    assert!(refused.to_string().contains("PCI scope"), "{refused}");
    let forced = c
        .lock_override()
        .update_tag_default(&default, &value, None)
        .await
        .unwrap();
    assert_eq!(forced.value.value, "confidential");
    let unlocked = c
        .remove_tag_default_lock(
            &default,
            &RemoveLockDetails {
                lock_type: LockType::Full,
            },
            forced.etag.as_deref(),
        )
        .await
        .unwrap();
    let relocked = c
        .add_tag_default_lock(
            &default,
            &lock(LockType::Delete, "keep"),
            unlocked.etag.as_deref(),
        )
        .await
        .unwrap();
    assert_eq!(relocked.value.locks.unwrap()[0].lock_type, LockType::Delete);
    assert!(c.delete_tag_default(&default, None).await.is_err());
    c.lock_override()
        .delete_tag_default(&default, None)
        .await
        .unwrap();
}

#[tokio::test]
async fn a_locked_namespace_is_moved_retired_and_deleted_with_the_override() {
    let env = start(demo()).await;
    let c = env.client();
    let t = env.tenancy();
    let ns = c
        .create_tag_namespace(&CreateTagNamespaceDetails {
            compartment_id: t.to_string(),
            name: "Frozen".into(),
            description: "d".into(),
            freeform_tags: None,
            defined_tags: None,
            locks: Some(vec![lock(LockType::Full, "frozen")]),
        })
        .await
        .unwrap()
        .value;
    let shared = compartment_id(&env, "Shared");
    assert!(
        c.change_tag_namespace_compartment(&ns.id, &shared)
            .await
            .is_err()
    );
    let o = c.lock_override();
    o.change_tag_namespace_compartment(&ns.id, &shared)
        .await
        .unwrap();
    assert_eq!(
        c.get_tag_namespace(&ns.id)
            .await
            .unwrap()
            .value
            .compartment_id,
        shared
    );
    o.create_tag(
        &ns.id,
        &CreateTagDetails {
            name: "Gone".into(),
            description: "d".into(),
            freeform_tags: None,
            defined_tags: None,
            is_cost_tracking: None,
            validator: None,
        },
    )
    .await
    .unwrap();
    let retire = UpdateTagDetails {
        is_retired: Some(true),
        ..UpdateTagDetails::default()
    };
    o.update_tag(&ns.id, "Gone", &retire, None).await.unwrap();
    let work = o.delete_tag(&ns.id, "Gone", None).await.unwrap();
    finish(&env, WorkRequestKind::Tagging, work).await;
    o.update_tag_namespace(
        &ns.id,
        &UpdateTagNamespaceDetails {
            is_retired: Some(true),
            ..UpdateTagNamespaceDetails::default()
        },
    )
    .await
    .unwrap();
    assert!(c.delete_tag_namespace(&ns.id, None).await.is_err());
    o.delete_tag_namespace(&ns.id, None).await.unwrap();
    assert_eq!(
        c.get_tag_namespace(&ns.id)
            .await
            .unwrap()
            .value
            .lifecycle_state,
        LifecycleState::Deleted
    );
}

#[tokio::test]
async fn standard_tags_cost_tracking_and_the_effective_tag_set() {
    let env = start(demo()).await;
    let c = env.client();
    let t = env.tenancy();
    let templates = c.list_standard_tag_namespaces(t).all().await.unwrap();
    assert_eq!(templates.len(), 3);
    let standard = c
        .get_standard_tag_template(t, "Oracle-Standard")
        .await
        .unwrap()
        .value;
    assert!(
        standard
            .tag_definition_templates
            .iter()
            .any(|d| d.tag_type == StandardTagDefinitionType::Enum)
    );
    let work = c
        .import_standard_tags(&ImportStandardTagsDetails {
            compartment_id: t.to_string(),
            standard_tag_namespace_name: "Oracle-Standard".into(),
        })
        .await
        .unwrap();
    finish(&env, WorkRequestKind::Tagging, work).await;
    let ns = namespace_id(&env, "Oracle-Standard");
    let tags = c.list_tags(&ns, None).all().await.unwrap();
    assert_eq!(tags.len(), standard.tag_definition_templates.len());

    let cost = c.list_cost_tracking_tags(t).all().await.unwrap();
    assert_eq!(cost.len(), 1);
    assert_eq!(cost[0].name, "CostCenter");
    assert_eq!(cost[0].tag_namespace_name.as_deref(), Some("Operations"));

    let web = compartment_id(&env, "Web");
    let set = c
        .assemble_effective_tag_set(&web, Some(&LifecycleState::Active))
        .await
        .unwrap();
    let prod = compartment_id(&env, "Prod");
    assert!(
        set.iter()
            .any(|d| d.tag_definition_name == "Environment" && d.compartment_id == prod),
        "Web inherits Prod's Environment default: {set:?}"
    );
}
