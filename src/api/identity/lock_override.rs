//! The tag operations OCI lets through a resource lock when asked to: the same calls with
//! `isLockOverride=true`, reached through [`Client::lock_override`]. The caller still needs
//! the permission to manage locks; a lock only stops what it stops without the flag.

use reqwest::Method;
use serde::Serialize;

use super::bulk::bulk_delete_tags_call;
use super::tag_tools::change_compartment_call;
use super::tags::{namespace, tag, tag_default};
use crate::api::client::{Call, Client};
use crate::api::error::ApiError;
use crate::api::etagged::Etagged;
use crate::model::{
    BulkDeleteTagsDetails, CreateTagDetails, Tag, TagDefault, TagNamespace,
    UpdateTagDefaultDetails, UpdateTagDetails, UpdateTagNamespaceDetails,
};

/// Lockable tag operations that override locks (`client.lock_override().delete_tag(...)`).
#[derive(Debug, Clone, Copy)]
pub struct LockOverride<'a> {
    client: &'a Client,
}

impl Client {
    /// The lockable tag operations, sent with `isLockOverride=true`.
    pub fn lock_override(&self) -> LockOverride<'_> {
        LockOverride { client: self }
    }
}

fn overriding(operation: &'static str, method: Method, path: String) -> Call {
    Call::new(operation, method, path).query("isLockOverride", true)
}

fn put(
    operation: &'static str,
    path: String,
    body: &impl Serialize,
    if_match: Option<&str>,
) -> Call {
    overriding(operation, Method::PUT, path)
        .json(body)
        .if_match(if_match)
}

impl LockOverride<'_> {
    pub async fn update_tag_namespace(
        &self,
        tag_namespace_id: &str,
        details: &UpdateTagNamespaceDetails,
    ) -> Result<Etagged<TagNamespace>, ApiError> {
        let call = put(
            "UpdateTagNamespace",
            namespace(tag_namespace_id),
            details,
            None,
        );
        self.client.fetch(call).await
    }

    pub async fn delete_tag_namespace(
        &self,
        tag_namespace_id: &str,
        if_match: Option<&str>,
    ) -> Result<(), ApiError> {
        let call = overriding(
            "DeleteTagNamespace",
            Method::DELETE,
            namespace(tag_namespace_id),
        )
        .if_match(if_match);
        self.client.send(&call).await.map(drop)
    }

    pub async fn cascade_delete_tag_namespace(
        &self,
        tag_namespace_id: &str,
        if_match: Option<&str>,
    ) -> Result<Option<String>, ApiError> {
        let path = format!("{}/actions/cascadeDelete", namespace(tag_namespace_id));
        let call = overriding("CascadeDeleteTagNamespace", Method::POST, path)
            .if_match(if_match)
            .retry_token();
        self.client.action(call).await
    }

    pub async fn change_tag_namespace_compartment(
        &self,
        tag_namespace_id: &str,
        compartment_id: &str,
    ) -> Result<(), ApiError> {
        let call = change_compartment_call(tag_namespace_id, compartment_id, true);
        self.client.send(&call).await.map(drop)
    }

    pub async fn create_tag(
        &self,
        tag_namespace_id: &str,
        details: &CreateTagDetails,
    ) -> Result<Etagged<Tag>, ApiError> {
        let path = format!("{}/tags", namespace(tag_namespace_id));
        let call = overriding("CreateTag", Method::POST, path)
            .json(details)
            .retry_token();
        self.client.fetch(call).await
    }

    pub async fn update_tag(
        &self,
        tag_namespace_id: &str,
        tag_name: &str,
        details: &UpdateTagDetails,
        if_match: Option<&str>,
    ) -> Result<Etagged<Tag>, ApiError> {
        let call = put(
            "UpdateTag",
            tag(tag_namespace_id, tag_name),
            details,
            if_match,
        );
        self.client.fetch(call).await
    }

    /// Asynchronous: returns the tagging work request.
    pub async fn delete_tag(
        &self,
        tag_namespace_id: &str,
        tag_name: &str,
        if_match: Option<&str>,
    ) -> Result<Option<String>, ApiError> {
        let call = overriding("DeleteTag", Method::DELETE, tag(tag_namespace_id, tag_name))
            .if_match(if_match);
        Ok(self.client.send(&call).await?.work_request_id())
    }

    pub async fn bulk_delete_tags(
        &self,
        details: &BulkDeleteTagsDetails,
    ) -> Result<Option<String>, ApiError> {
        self.client
            .action(bulk_delete_tags_call(details, true))
            .await
    }

    pub async fn update_tag_default(
        &self,
        tag_default_id: &str,
        details: &UpdateTagDefaultDetails,
        if_match: Option<&str>,
    ) -> Result<Etagged<TagDefault>, ApiError> {
        let call = put(
            "UpdateTagDefault",
            tag_default(tag_default_id),
            details,
            if_match,
        );
        self.client.fetch(call).await
    }

    pub async fn delete_tag_default(
        &self,
        tag_default_id: &str,
        if_match: Option<&str>,
    ) -> Result<(), ApiError> {
        let call = overriding(
            "DeleteTagDefault",
            Method::DELETE,
            tag_default(tag_default_id),
        )
        .if_match(if_match);
        self.client.send(&call).await.map(drop)
    }
}
