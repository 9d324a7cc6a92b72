//! Bulk operations: defined tags edited on many resources, retired tag definitions deleted
//! together, and other services' resources moved or deleted in bulk. Each change answers with
//! the work request to follow (tagging for tags, classic for resources).

use reqwest::Method;

use crate::api::client::{Call, Client, seg};
use crate::api::error::ApiError;
use crate::api::paging::{ListShape, Pager};
use crate::model::{
    BulkActionResourceType, BulkActionType, BulkDeleteResourcesDetails, BulkDeleteTagsDetails,
    BulkEditTagsDetails, BulkEditTagsResourceType, BulkMoveResourcesDetails,
};

impl Client {
    /// The resource types whose tags `bulk_edit_tags` can change (a collection: `{"items"}`).
    pub fn list_bulk_edit_tags_resource_types(&self) -> Pager<BulkEditTagsResourceType> {
        let call = Call::get(
            "ListBulkEditTagsResourceTypes",
            "/tags/bulkEditResourceTypes",
        );
        Pager::new(self, call, ListShape::Items)
    }

    /// Adds, sets or removes defined tags on many resources of one compartment; returns the
    /// tagging work request to follow.
    pub async fn bulk_edit_tags(
        &self,
        details: &BulkEditTagsDetails,
    ) -> Result<Option<String>, ApiError> {
        let call = Call::new("BulkEditTags", Method::POST, "/tags/actions/bulkEdit")
            .json(details)
            .retry_token();
        self.action(call).await
    }

    /// Deletes retired tag definitions of one namespace; returns the tagging work request.
    pub async fn bulk_delete_tags(
        &self,
        details: &BulkDeleteTagsDetails,
    ) -> Result<Option<String>, ApiError> {
        self.action(bulk_delete_tags_call(details, false)).await
    }

    /// The resource types bulk move or bulk delete take (a collection: `{"items"}`).
    pub fn list_bulk_action_resource_types(
        &self,
        bulk_action_type: &BulkActionType,
    ) -> Pager<BulkActionResourceType> {
        let call = Call::get(
            "ListBulkActionResourceTypes",
            "/compartments/bulkActionResourceTypes",
        )
        .query("bulkActionType", bulk_action_type);
        Pager::new(self, call, ListShape::Items)
    }

    /// Moves resources of `compartment_id` to another compartment; returns the (classic)
    /// work request.
    pub async fn bulk_move_resources(
        &self,
        compartment_id: &str,
        details: &BulkMoveResourcesDetails,
    ) -> Result<Option<String>, ApiError> {
        let path = format!(
            "/compartments/{}/actions/bulkMoveResources",
            seg(compartment_id)
        );
        let call = Call::new("BulkMoveResources", Method::POST, path)
            .json(details)
            .retry_token();
        self.action(call).await
    }

    /// Deletes resources of `compartment_id`; returns the (classic) work request.
    pub async fn bulk_delete_resources(
        &self,
        compartment_id: &str,
        details: &BulkDeleteResourcesDetails,
    ) -> Result<Option<String>, ApiError> {
        let path = format!(
            "/compartments/{}/actions/bulkDeleteResources",
            seg(compartment_id)
        );
        let call = Call::new("BulkDeleteResources", Method::POST, path)
            .json(details)
            .retry_token();
        self.action(call).await
    }
}

/// `BulkDeleteTags`, with `isLockOverride=true` when `override_locks`.
pub(super) fn bulk_delete_tags_call(details: &BulkDeleteTagsDetails, override_locks: bool) -> Call {
    Call::new("BulkDeleteTags", Method::POST, "/tags/actions/bulkDelete")
        .query_opt("isLockOverride", override_locks.then_some(true))
        .json(details)
        .retry_token()
}
