//! Tag namespaces, tags and tag defaults. Deletes the service runs as tagging work requests
//! are followed to the end.

use crate::api::{ApiError, TagDefaultQuery, TagNamespaceQuery, try_fan_out};
use crate::app::request::Payload;
use crate::app::tag_catalogue::TagCatalogue;
use crate::app::worker::{PAGE_LIMIT, Work, WorkService};
use crate::model::{
    CreateTagDefaultDetails, CreateTagDetails, CreateTagNamespaceDetails, UpdateTagDefaultDetails,
    UpdateTagDetails, UpdateTagNamespaceDetails,
};

#[derive(Debug, Clone, PartialEq)]
pub enum TagRequest {
    /// Every namespace with its tags read in full (allowed values), as a `TagCatalogue`.
    Catalogue,
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
    UpdateDefault {
        id: String,
        details: UpdateTagDefaultDetails,
    },
    DeleteDefault {
        id: String,
    },
}

impl TagRequest {
    pub fn is_write(&self) -> bool {
        use TagRequest as R;
        match self {
            R::Catalogue | R::ListNamespaces | R::ListTags { .. } | R::GetTag { .. } | R::ListDefaults { .. } => {
                false
            }
            R::CreateNamespace(_)
            | R::UpdateNamespace { .. }
            | R::CascadeDeleteNamespace { .. }
            | R::CreateTag { .. }
            | R::UpdateTag { .. }
            | R::DeleteTag { .. }
            | R::CreateDefault(_)
            | R::UpdateDefault { .. }
            | R::DeleteDefault { .. } => true,
        }
    }

    pub(crate) async fn run(&self, w: &Work<'_>) {
        use TagRequest as R;
        let c = w.client;
        match self {
            R::Catalogue => w.finish(catalogue(w).await.map(Payload::item)),
            R::ListNamespaces => {
                let q = TagNamespaceQuery {
                    include_subcompartments: Some(true),
                    ..TagNamespaceQuery::default()
                };
                let pager = c.list_tag_namespaces(w.tenancy_id, &q).limit(PAGE_LIMIT);
                w.list(pager.all().await);
            }
            R::CreateNamespace(d) => w.one(c.create_tag_namespace(d).await),
            R::UpdateNamespace { id, details } => w.one(c.update_tag_namespace(id, details).await),
            R::CascadeDeleteNamespace { id } => {
                let started = c.cascade_delete_tag_namespace(id, None).await;
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
            } => w.one(c.create_tag(namespace_id, details).await),
            R::UpdateTag {
                namespace_id,
                name,
                details,
            } => w.one(c.update_tag(namespace_id, name, details, None).await),
            R::DeleteTag { namespace_id, name } => {
                let started = c.delete_tag(namespace_id, name, None).await;
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
            R::UpdateDefault { id, details } => {
                w.one(c.update_tag_default(id, details, None).await);
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
        Ok::<_, ApiError>(tags.into_iter().map(|t| (ns.clone(), t.name)).collect::<Vec<_>>())
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
