//! The routes of tag tools, bulk operations and locks. Literal segments
//! (`bulkActionResourceTypes`, `actions`) sit where other routes have an `{id}`; axum prefers
//! the literal, so these are the operations and never a lookup of a resource by that name.

use axum::Router;
use axum::routing::{get, post};

use super::{bulk_resources, bulk_tags, locks, standard_tags, tag_defaults, tag_namespaces, tags};
use crate::emulator::Ctx;

/// Adds the routes to the Identity router.
pub(super) fn routes(identity: Router<Ctx>) -> Router<Ctx> {
    identity
        .route(
            "/tagNamespaces/actions/listCostTrackingTags",
            get(tags::list_cost_tracking_tags),
        )
        .route(
            "/tagNamespaces/{id}/actions/changeCompartment",
            post(tag_namespaces::change_compartment),
        )
        .route(
            "/tagNamespaces/{id}/actions/addLock",
            post(locks::add_tag_namespace_lock),
        )
        .route(
            "/tagNamespaces/{id}/actions/removeLock",
            post(locks::remove_tag_namespace_lock),
        )
        .route(
            "/tagDefaults/actions/assembleEffectiveTagSet",
            get(tag_defaults::assemble_effective_tag_set),
        )
        .route(
            "/tagDefaults/{id}/actions/addLock",
            post(locks::add_tag_default_lock),
        )
        .route(
            "/tagDefaults/{id}/actions/removeLock",
            post(locks::remove_tag_default_lock),
        )
        .route(
            "/tags/bulkEditResourceTypes",
            get(bulk_tags::list_resource_types),
        )
        .route("/tags/actions/bulkEdit", post(bulk_tags::bulk_edit))
        .route("/tags/actions/bulkDelete", post(bulk_tags::bulk_delete))
        .route(
            "/tags/standardTagNamespaceTemplates",
            get(standard_tags::list),
        )
        .route(
            "/tags/standardTagNamespaceTemplates/{name}",
            get(standard_tags::get),
        )
        .route(
            "/tags/actions/importStandardTags",
            post(standard_tags::import),
        )
        .route(
            "/compartments/bulkActionResourceTypes",
            get(bulk_resources::list_resource_types),
        )
        .route(
            "/compartments/{id}/actions/bulkMoveResources",
            post(bulk_resources::bulk_move),
        )
        .route(
            "/compartments/{id}/actions/bulkDeleteResources",
            post(bulk_resources::bulk_delete),
        )
}
