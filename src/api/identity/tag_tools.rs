//! Tag tools: locks on tag namespaces and tag defaults, standard tag templates and their
//! import, cost-tracking tags, moving a namespace, and the effective tag set of a compartment.

use reqwest::Method;

use crate::api::client::{Call, Client, seg};
use crate::api::error::ApiError;
use crate::api::etagged::Etagged;
use crate::api::paging::{ListShape, Pager};
use crate::model::{
    AddLockDetails, ChangeTagNamespaceCompartmentDetail, ImportStandardTagsDetails, LifecycleState,
    RemoveLockDetails, StandardTagNamespaceTemplate, StandardTagNamespaceTemplateSummary, Tag,
    TagDefault, TagNamespace,
};

fn lock_call(
    operation: &'static str,
    path: String,
    body: &impl serde::Serialize,
    if_match: Option<&str>,
) -> Call {
    Call::new(operation, Method::POST, path)
        .json(body)
        .if_match(if_match)
        .retry_token()
}

/// `ChangeTagNamespaceCompartment`, with `isLockOverride=true` when `override_locks`.
pub(super) fn change_compartment_call(
    id: &str,
    compartment_id: &str,
    override_locks: bool,
) -> Call {
    let body = ChangeTagNamespaceCompartmentDetail {
        compartment_id: compartment_id.to_string(),
    };
    let path = format!("/tagNamespaces/{}/actions/changeCompartment", seg(id));
    Call::new("ChangeTagNamespaceCompartment", Method::POST, path)
        .query_opt("isLockOverride", override_locks.then_some(true))
        .json(&body)
        .retry_token()
}

impl Client {
    /// Locks a tag namespace (FULL: no change, move or delete; DELETE: no delete).
    pub async fn add_tag_namespace_lock(
        &self,
        tag_namespace_id: &str,
        details: &AddLockDetails,
        if_match: Option<&str>,
    ) -> Result<Etagged<TagNamespace>, ApiError> {
        let path = format!("/tagNamespaces/{}/actions/addLock", seg(tag_namespace_id));
        let call = lock_call("AddTagNamespaceLock", path, details, if_match);
        self.fetch(call).await
    }

    /// Removes the namespace's locks of the given type.
    pub async fn remove_tag_namespace_lock(
        &self,
        tag_namespace_id: &str,
        details: &RemoveLockDetails,
        if_match: Option<&str>,
    ) -> Result<Etagged<TagNamespace>, ApiError> {
        let path = format!(
            "/tagNamespaces/{}/actions/removeLock",
            seg(tag_namespace_id)
        );
        let call = lock_call("RemoveTagNamespaceLock", path, details, if_match);
        self.fetch(call).await
    }

    pub async fn add_tag_default_lock(
        &self,
        tag_default_id: &str,
        details: &AddLockDetails,
        if_match: Option<&str>,
    ) -> Result<Etagged<TagDefault>, ApiError> {
        let path = format!("/tagDefaults/{}/actions/addLock", seg(tag_default_id));
        let call = lock_call("AddTagDefaultLock", path, details, if_match);
        self.fetch(call).await
    }

    pub async fn remove_tag_default_lock(
        &self,
        tag_default_id: &str,
        details: &RemoveLockDetails,
        if_match: Option<&str>,
    ) -> Result<Etagged<TagDefault>, ApiError> {
        let path = format!("/tagDefaults/{}/actions/removeLock", seg(tag_default_id));
        let call = lock_call("RemoveTagDefaultLock", path, details, if_match);
        self.fetch(call).await
    }

    /// The standard tag namespace templates a tenancy can import.
    pub fn list_standard_tag_namespaces(
        &self,
        compartment_id: &str,
    ) -> Pager<StandardTagNamespaceTemplateSummary> {
        let call = Call::get(
            "ListStandardTagNamespaces",
            "/tags/standardTagNamespaceTemplates",
        )
        .query("compartmentId", compartment_id);
        Pager::new(self, call, ListShape::Array)
    }

    /// One template with its tag definitions. OCI sends no etag for it.
    pub async fn get_standard_tag_template(
        &self,
        compartment_id: &str,
        standard_tag_namespace_name: &str,
    ) -> Result<Etagged<StandardTagNamespaceTemplate>, ApiError> {
        let path = format!(
            "/tags/standardTagNamespaceTemplates/{}",
            seg(standard_tag_namespace_name)
        );
        let call = Call::get("GetStandardTagTemplate", path).query("compartmentId", compartment_id);
        self.fetch(call).await
    }

    /// Creates (or completes) a standard tag namespace; returns the tagging work request.
    pub async fn import_standard_tags(
        &self,
        details: &ImportStandardTagsDetails,
    ) -> Result<Option<String>, ApiError> {
        let call = Call::new(
            "ImportStandardTags",
            Method::POST,
            "/tags/actions/importStandardTags",
        )
        .json(details)
        .retry_token();
        self.action(call).await
    }

    /// Cost-tracking tags (full, with namespace and validator); at most 10 in a tenancy.
    pub fn list_cost_tracking_tags(&self, compartment_id: &str) -> Pager<Tag> {
        let call = Call::get(
            "ListCostTrackingTags",
            "/tagNamespaces/actions/listCostTrackingTags",
        )
        .query("compartmentId", compartment_id);
        Pager::new(self, call, ListShape::Array)
    }

    /// Moves a tag namespace and its tag definitions to another compartment (synchronous).
    pub async fn change_tag_namespace_compartment(
        &self,
        tag_namespace_id: &str,
        compartment_id: &str,
    ) -> Result<(), ApiError> {
        let call = change_compartment_call(tag_namespace_id, compartment_id, false);
        self.send(&call).await.map(drop)
    }

    /// The tag defaults that apply in a compartment, inherited ones included (their
    /// `compartment_id` is the ancestor's); for a tag defaulted at several levels the nearest
    /// wins. Not paged.
    pub async fn assemble_effective_tag_set(
        &self,
        compartment_id: &str,
        lifecycle_state: Option<&LifecycleState>,
    ) -> Result<Vec<TagDefault>, ApiError> {
        let call = Call::get(
            "AssembleEffectiveTagSet",
            "/tagDefaults/actions/assembleEffectiveTagSet",
        )
        .query("compartmentId", compartment_id)
        .query_opt("lifecycleState", lifecycle_state);
        Ok(self.send_json(&call).await?.0)
    }
}
