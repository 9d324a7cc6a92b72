//! Bulk operations: defined tags edited on many resources at once (a tagging work request),
//! and other services' resources of a compartment listed (Resource Search), moved or
//! deleted together (classic work requests), with the resource types each one takes.

use crate::app::worker::{PAGE_LIMIT, Work, WorkService};
use crate::model::{
    BulkActionType, BulkDeleteResourcesDetails, BulkEditTagsDetails, BulkMoveResourcesDetails,
    SearchDetails,
};

#[derive(Debug, Clone, PartialEq)]
pub enum BulkRequest {
    /// The resource types whose tags can be edited in bulk.
    ListEditTagsTypes,
    /// Answers with the work request as it progresses, until it finishes.
    EditTags(BulkEditTagsDetails),
    /// The resource types bulk move (or delete) takes.
    ListActionTypes(BulkActionType),
    /// Every resource of other services directly in a compartment.
    SearchResources { compartment_id: String },
    /// Answers with the work request as it progresses, until it finishes.
    MoveResources {
        compartment_id: String,
        details: BulkMoveResourcesDetails,
    },
    /// Answers with the work request as it progresses, until it finishes.
    DeleteResources {
        compartment_id: String,
        details: BulkDeleteResourcesDetails,
    },
}

impl BulkRequest {
    pub fn is_write(&self) -> bool {
        use BulkRequest as R;
        match self {
            R::ListEditTagsTypes | R::ListActionTypes(_) | R::SearchResources { .. } => false,
            R::EditTags(_) | R::MoveResources { .. } | R::DeleteResources { .. } => true,
        }
    }

    pub(crate) async fn run(&self, w: &Work<'_>) {
        use BulkRequest as R;
        let c = w.client;
        match self {
            R::ListEditTagsTypes => w.list(c.list_bulk_edit_tags_resource_types().all().await),
            R::EditTags(d) => {
                let started = c.bulk_edit_tags(d).await;
                w.follow(WorkService::Tagging, started).await;
            }
            R::ListActionTypes(kind) => {
                w.list(c.list_bulk_action_resource_types(kind).all().await);
            }
            R::SearchResources { compartment_id } => {
                let q = SearchDetails::in_compartment(compartment_id);
                w.list(c.search_resources(&q).limit(PAGE_LIMIT).all().await);
            }
            R::MoveResources {
                compartment_id,
                details,
            } => {
                let started = c.bulk_move_resources(compartment_id, details).await;
                w.follow(WorkService::Identity, started).await;
            }
            R::DeleteResources {
                compartment_id,
                details,
            } => {
                let started = c.bulk_delete_resources(compartment_id, details).await;
                w.follow(WorkService::Identity, started).await;
            }
        }
    }
}
