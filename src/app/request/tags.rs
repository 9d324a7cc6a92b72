//! Tag namespaces, tags and tag defaults. Deletes the service runs as tagging work requests
//! are followed to the end.

use crate::api::{ApiError, TagDefaultQuery, TagNamespaceQuery, try_fan_out};
use crate::app::request::Payload;
use crate::app::tag_catalogue::TagCatalogue;
use crate::app::worker::{PAGE_LIMIT, Work, WorkService};
use crate::model::{
    AddLockDetails, BulkDeleteTagsDetails, CreateTagDefaultDetails, CreateTagDetails,
    CreateTagNamespaceDetails, ImportStandardTagsDetails, LifecycleState, LockType,
    RemoveLockDetails, UpdateTagDefaultDetails, UpdateTagDetails, UpdateTagNamespaceDetails,
};

#[derive(Debug, Clone, PartialEq)]
pub enum TagRequest {
    /// Every namespace with its tags read in full (allowed values), as a `TagCatalogue`.
    Catalogue,
    /// The same request with `isLockOverride=true`: the user chose to go through a lock.
    Overriding(Box<TagRequest>),
    /// One namespace, read fresh (before an edit).
    GetNamespace {
        id: String,
    },
    /// One tag default with its etag, read fresh (before an edit).
    GetDefault {
        id: String,
    },
    /// Only a retired, empty namespace.
    DeleteNamespace {
        id: String,
    },
    ChangeNamespaceCompartment {
        id: String,
        compartment_id: String,
    },
    /// Retired tags of one namespace; answers with the work request until it finishes.
    BulkDeleteTags(BulkDeleteTagsDetails),
    /// A lock on a namespace (`default: false`) or a tag default (`default: true`).
    AddLock {
        id: String,
        default: bool,
        details: AddLockDetails,
    },
    RemoveLock {
        id: String,
        default: bool,
        lock_type: LockType,
    },
    ListStandard,
    GetStandardTemplate {
        name: String,
    },
    /// Answers with the work request until it finishes.
    ImportStandard(ImportStandardTagsDetails),
    ListCostTracking,
    /// The tag defaults that apply in a compartment, inherited ones included.
    EffectiveTagSet {
        compartment_id: String,
    },
    /// Every tag namespace of the tenancy, subcompartments included.
    ListNamespaces,
    CreateNamespace(CreateTagNamespaceDetails),
    /// Also retires and reactivates (`is_retired`).
    UpdateNamespace {
        id: String,
        details: UpdateTagNamespaceDetails,
    },
    /// Answers with the work request as it progresses, until it finishes.
    CascadeDeleteNamespace {
        id: String,
    },
    ListTags {
        namespace_id: String,
    },
    /// One tag with its validator (summaries lack it).
    GetTag {
        namespace_id: String,
        name: String,
    },
    CreateTag {
        namespace_id: String,
        details: CreateTagDetails,
    },
    UpdateTag {
        namespace_id: String,
        name: String,
        details: UpdateTagDetails,
    },
    /// Answers with the work request if the service starts one, else `Done`.
    DeleteTag {
        namespace_id: String,
        name: String,
    },
    ListDefaults {
        compartment_id: String,
    },
    CreateDefault(CreateTagDefaultDetails),
    /// Conditional on `if_match` (the etag the edit form's read carried).
    UpdateDefault {
        id: String,
        details: UpdateTagDefaultDetails,
        if_match: Option<String>,
    },
    DeleteDefault {
        id: String,
    },
}

impl TagRequest {
    pub fn is_write(&self) -> bool {
        use TagRequest as R;
        match self {
            R::Catalogue
            | R::ListNamespaces
            | R::ListTags { .. }
            | R::GetTag { .. }
            | R::ListDefaults { .. }
            | R::GetNamespace { .. }
            | R::GetDefault { .. }
            | R::ListStandard
            | R::GetStandardTemplate { .. }
            | R::ListCostTracking
            | R::EffectiveTagSet { .. } => false,
            R::Overriding(inner) => inner.is_write(),
            R::CreateNamespace(_)
            | R::UpdateNamespace { .. }
            | R::CascadeDeleteNamespace { .. }
            | R::CreateTag { .. }
            | R::UpdateTag { .. }
            | R::DeleteTag { .. }
            | R::CreateDefault(_)
            | R::UpdateDefault { .. }
            | R::DeleteDefault { .. }
            | R::DeleteNamespace { .. }
            | R::ChangeNamespaceCompartment { .. }
            | R::BulkDeleteTags(_)
            | R::AddLock { .. }
            | R::RemoveLock { .. }
            | R::ImportStandard(_) => true,
        }
    }

    pub(crate) async fn run(&self, w: &Work<'_>) {
        match self {
            TagRequest::Overriding(inner) => Box::pin(inner.run_lockable(w, true)).await,
            other => other.run_lockable(w, false).await,
        }
    }

    /// Runs the request; the operations a lock stops go with `isLockOverride=true` when
    /// `through_locks`.
    async fn run_lockable(&self, w: &Work<'_>, through_locks: bool) {
        use TagRequest as R;
        let c = w.client;
        let o = c.lock_override();
        match self {
            R::Overriding(inner) => Box::pin(inner.run_lockable(w, true)).await,
            R::Catalogue => w.finish(catalogue(w).await.map(Payload::item)),
            R::GetNamespace { id } => w.one(c.get_tag_namespace(id).await),
            R::GetDefault { id } => w.one(c.get_tag_default(id).await),
            R::DeleteNamespace { id } if through_locks => {
                w.done(o.delete_tag_namespace(id, None).await);
            }
            R::DeleteNamespace { id } => w.done(c.delete_tag_namespace(id, None).await),
            R::ChangeNamespaceCompartment { id, compartment_id } => {
                let moved = if through_locks {
                    o.change_tag_namespace_compartment(id, compartment_id).await
                } else {
                    c.change_tag_namespace_compartment(id, compartment_id).await
                };
                // Answers with the namespace as it is now.
                match moved {
                    Ok(()) => w.one(c.get_tag_namespace(id).await),
                    Err(e) => w.fail(crate::app::worker::failure(&e)),
                }
            }
            R::BulkDeleteTags(d) => {
                let started = if through_locks {
                    o.bulk_delete_tags(d).await
                } else {
                    c.bulk_delete_tags(d).await
                };
                w.follow(WorkService::Tagging, started).await;
            }
            R::AddLock {
                id,
                default: false,
                details,
            } => w.one(c.add_tag_namespace_lock(id, details, None).await),
            R::AddLock { id, details, .. } => {
                w.one(c.add_tag_default_lock(id, details, None).await);
            }
            R::RemoveLock {
                id,
                default: false,
                lock_type,
            } => {
                let d = RemoveLockDetails {
                    lock_type: lock_type.clone(),
                };
                w.one(c.remove_tag_namespace_lock(id, &d, None).await);
            }
            R::RemoveLock { id, lock_type, .. } => {
                let d = RemoveLockDetails {
                    lock_type: lock_type.clone(),
                };
                w.one(c.remove_tag_default_lock(id, &d, None).await);
            }
            R::ListStandard => w.list(
                c.list_standard_tag_namespaces(w.tenancy_id)
                    .limit(PAGE_LIMIT)
                    .all()
                    .await,
            ),
            R::GetStandardTemplate { name } => {
                w.one(c.get_standard_tag_template(w.tenancy_id, name).await);
            }
            R::ImportStandard(d) => {
                let started = c.import_standard_tags(d).await;
                w.follow(WorkService::Tagging, started).await;
            }
            R::ListCostTracking => w.list(
                c.list_cost_tracking_tags(w.tenancy_id)
                    .limit(PAGE_LIMIT)
                    .all()
                    .await,
            ),
            R::EffectiveTagSet { compartment_id } => w.list(
                c.assemble_effective_tag_set(compartment_id, Some(&LifecycleState::Active))
                    .await,
            ),
            R::ListNamespaces => {
                let q = TagNamespaceQuery {
                    include_subcompartments: Some(true),
                    ..TagNamespaceQuery::default()
                };
                let pager = c.list_tag_namespaces(w.tenancy_id, &q).limit(PAGE_LIMIT);
                w.list(pager.all().await);
            }
            R::CreateNamespace(d) => w.one(c.create_tag_namespace(d).await),
            R::UpdateNamespace { id, details } if through_locks => {
                w.one(o.update_tag_namespace(id, details).await);
            }
            R::UpdateNamespace { id, details } => w.one(c.update_tag_namespace(id, details).await),
            R::CascadeDeleteNamespace { id } => {
                let started = if through_locks {
                    o.cascade_delete_tag_namespace(id, None).await
                } else {
                    c.cascade_delete_tag_namespace(id, None).await
                };
                w.follow(WorkService::Tagging, started).await;
            }
            R::ListTags { namespace_id } => {
                w.list(
                    c.list_tags(namespace_id, None)
                        .limit(PAGE_LIMIT)
                        .all()
                        .await,
                );
            }
            R::GetTag { namespace_id, name } => w.one(c.get_tag(namespace_id, name).await),
            R::CreateTag {
                namespace_id,
                details,
            } if through_locks => w.one(o.create_tag(namespace_id, details).await),
            R::CreateTag {
                namespace_id,
                details,
            } => w.one(c.create_tag(namespace_id, details).await),
            R::UpdateTag {
                namespace_id,
                name,
                details,
            } if through_locks => w.one(o.update_tag(namespace_id, name, details, None).await),
            R::UpdateTag {
                namespace_id,
                name,
                details,
            } => w.one(c.update_tag(namespace_id, name, details, None).await),
            R::DeleteTag { namespace_id, name } => {
                let started = if through_locks {
                    o.delete_tag(namespace_id, name, None).await
                } else {
                    c.delete_tag(namespace_id, name, None).await
                };
                w.follow(WorkService::Tagging, started).await;
            }
            R::ListDefaults { compartment_id } => {
                let q = TagDefaultQuery {
                    compartment_id: Some(compartment_id.clone()),
                    ..TagDefaultQuery::default()
                };
                w.list(c.list_tag_defaults(&q).limit(PAGE_LIMIT).all().await);
            }
            R::CreateDefault(d) => w.one(c.create_tag_default(d).await),
            R::UpdateDefault {
                id,
                details,
                if_match,
            } => {
                let etag = if_match.as_deref();
                if through_locks {
                    w.one(o.update_tag_default(id, details, etag).await);
                } else {
                    w.one(c.update_tag_default(id, details, etag).await);
                }
            }
            R::DeleteDefault { id } if through_locks => {
                w.done(o.delete_tag_default(id, None).await);
            }
            R::DeleteDefault { id } => w.done(c.delete_tag_default(id, None).await),
        }
    }
}

/// Every namespace of the tenancy and each of its tags read in full (listings lack the
/// allowed values), through the client's bounded fan-out.
async fn catalogue(w: &Work<'_>) -> Result<TagCatalogue, ApiError> {
    let c = w.client;
    let q = TagNamespaceQuery {
        include_subcompartments: Some(true),
        ..TagNamespaceQuery::default()
    };
    let namespaces = c
        .list_tag_namespaces(w.tenancy_id, &q)
        .limit(PAGE_LIMIT)
        .all()
        .await?;
    let ids: Vec<String> = namespaces.iter().map(|n| n.id.clone()).collect();
    let listed = try_fan_out(c, ids, |ns| async move {
        let tags = c.list_tags(&ns, None).limit(PAGE_LIMIT).all().await?;
        Ok::<_, ApiError>(
            tags.into_iter()
                .map(|t| (ns.clone(), t.name))
                .collect::<Vec<_>>(),
        )
    })
    .await?;
    let pairs: Vec<(String, String)> = listed.into_iter().flatten().collect();
    let tags = try_fan_out(c, pairs, |(ns, name)| async move {
        let mut tag = c.get_tag(&ns, &name).await?.value;
        tag.tag_namespace_id.get_or_insert(ns);
        Ok::<_, ApiError>(tag)
    })
    .await?;
    Ok(TagCatalogue::build(&namespaces, &tags))
}

impl TagRequest {
    /// True for the operations a lock stops and `isLockOverride` lets through.
    pub fn takes_lock_override(&self) -> bool {
        use TagRequest as R;
        matches!(
            self,
            R::UpdateNamespace { .. }
                | R::CascadeDeleteNamespace { .. }
                | R::DeleteNamespace { .. }
                | R::ChangeNamespaceCompartment { .. }
                | R::CreateTag { .. }
                | R::UpdateTag { .. }
                | R::DeleteTag { .. }
                | R::BulkDeleteTags(_)
                | R::UpdateDefault { .. }
                | R::DeleteDefault { .. }
        )
    }
}
