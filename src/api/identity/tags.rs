//! Tag namespaces (incl. retire, reactivate, cascade delete), tag definitions addressed by
//! name, and tag defaults.

use reqwest::Method;

use crate::api::client::{Call, Client, seg};
use crate::api::error::ApiError;
use crate::api::etagged::Etagged;
use crate::api::paging::{ListShape, Pager};
use crate::api::query::{TagDefaultQuery, TagNamespaceQuery};
use crate::model::{
    CreateTagDefaultDetails, CreateTagDetails, CreateTagNamespaceDetails, LifecycleState, Tag,
    TagDefault, TagNamespace, UpdateTagDefaultDetails, UpdateTagDetails, UpdateTagNamespaceDetails,
};

pub(super) fn namespace(id: &str) -> String {
    format!("/tagNamespaces/{}", seg(id))
}

pub(super) fn tag(namespace_id: &str, name: &str) -> String {
    format!("{}/tags/{}", namespace(namespace_id), seg(name))
}

pub(super) fn tag_default(id: &str) -> String {
    format!("/tagDefaults/{}", seg(id))
}

impl Client {
    pub fn list_tag_namespaces(
        &self,
        compartment_id: &str,
        q: &TagNamespaceQuery,
    ) -> Pager<TagNamespace> {
        let call = Call::get("ListTagNamespaces", "/tagNamespaces")
            .query("compartmentId", compartment_id)
            .query_opt("includeSubcompartments", q.include_subcompartments)
            .query_opt("lifecycleState", q.lifecycle_state.as_ref());
        Pager::new(self, call, ListShape::Array)
    }

    /// OCI sends no etag for tag namespaces, so `etag` is normally `None`.
    pub async fn get_tag_namespace(&self, id: &str) -> Result<Etagged<TagNamespace>, ApiError> {
        self.get_one("GetTagNamespace", namespace(id)).await
    }

    pub async fn create_tag_namespace(
        &self,
        details: &CreateTagNamespaceDetails,
    ) -> Result<Etagged<TagNamespace>, ApiError> {
        self.create("CreateTagNamespace", "/tagNamespaces".into(), details)
            .await
    }

    /// Also how a namespace is retired or reactivated (`is_retired`). OCI takes no if-match.
    pub async fn update_tag_namespace(
        &self,
        id: &str,
        details: &UpdateTagNamespaceDetails,
    ) -> Result<Etagged<TagNamespace>, ApiError> {
        self.update("UpdateTagNamespace", namespace(id), details, None)
            .await
    }

    /// Only an empty namespace; see [`Client::cascade_delete_tag_namespace`].
    pub async fn delete_tag_namespace(
        &self,
        id: &str,
        if_match: Option<&str>,
    ) -> Result<(), ApiError> {
        self.delete("DeleteTagNamespace", namespace(id), if_match)
            .await
            .map(drop)
    }

    /// Deletes the namespace and all its tags; returns the work request to poll.
    pub async fn cascade_delete_tag_namespace(
        &self,
        id: &str,
        if_match: Option<&str>,
    ) -> Result<Option<String>, ApiError> {
        let call = Call::new(
            "CascadeDeleteTagNamespace",
            Method::POST,
            format!("{}/actions/cascadeDelete", namespace(id)),
        )
        .if_match(if_match)
        .retry_token();
        self.action(call).await
    }

    /// Tag summaries: no namespace id, namespace name or validator (get the tag for those).
    pub fn list_tags(&self, namespace_id: &str, state: Option<&LifecycleState>) -> Pager<Tag> {
        let call = Call::get("ListTags", format!("{}/tags", namespace(namespace_id)))
            .query_opt("lifecycleState", state);
        Pager::new(self, call, ListShape::Array)
    }

    pub async fn get_tag(&self, namespace_id: &str, name: &str) -> Result<Etagged<Tag>, ApiError> {
        self.get_one("GetTag", tag(namespace_id, name)).await
    }

    pub async fn create_tag(
        &self,
        namespace_id: &str,
        details: &CreateTagDetails,
    ) -> Result<Etagged<Tag>, ApiError> {
        let path = format!("{}/tags", namespace(namespace_id));
        self.create("CreateTag", path, details).await
    }

    pub async fn update_tag(
        &self,
        namespace_id: &str,
        name: &str,
        details: &UpdateTagDetails,
        if_match: Option<&str>,
    ) -> Result<Etagged<Tag>, ApiError> {
        self.update("UpdateTag", tag(namespace_id, name), details, if_match)
            .await
    }

    /// Asynchronous: returns the work request to poll.
    pub async fn delete_tag(
        &self,
        namespace_id: &str,
        name: &str,
        if_match: Option<&str>,
    ) -> Result<Option<String>, ApiError> {
        self.delete("DeleteTag", tag(namespace_id, name), if_match)
            .await
    }

    pub fn list_tag_defaults(&self, q: &TagDefaultQuery) -> Pager<TagDefault> {
        let call = Call::get("ListTagDefaults", "/tagDefaults")
            .query_opt("id", q.id.as_ref())
            .query_opt("compartmentId", q.compartment_id.as_ref())
            .query_opt("tagDefinitionId", q.tag_definition_id.as_ref())
            .query_opt("lifecycleState", q.lifecycle_state.as_ref());
        Pager::new(self, call, ListShape::Array)
    }

    pub async fn get_tag_default(&self, id: &str) -> Result<Etagged<TagDefault>, ApiError> {
        self.get_one("GetTagDefault", tag_default(id)).await
    }

    pub async fn create_tag_default(
        &self,
        details: &CreateTagDefaultDetails,
    ) -> Result<Etagged<TagDefault>, ApiError> {
        self.create("CreateTagDefault", "/tagDefaults".into(), details)
            .await
    }

    pub async fn update_tag_default(
        &self,
        id: &str,
        details: &UpdateTagDefaultDetails,
        if_match: Option<&str>,
    ) -> Result<Etagged<TagDefault>, ApiError> {
        self.update("UpdateTagDefault", tag_default(id), details, if_match)
            .await
    }

    pub async fn delete_tag_default(
        &self,
        id: &str,
        if_match: Option<&str>,
    ) -> Result<(), ApiError> {
        self.delete("DeleteTagDefault", tag_default(id), if_match)
            .await
            .map(drop)
    }
}
