//! The Identity Domains (SCIM) directory of every domain the emulator holds, at the domain's
//! URL on the same listener (`/domains/{domainId}/admin/v1/...`): Users, Groups with their
//! members, DynamicResourceGroups. Signed and verified like every other route; the Default
//! domain's directory is the classic API's own tables.

mod directory;
mod dynamic_groups;
mod groups;
mod listeners;
mod query;
mod users;
mod wire;

use axum::Router;
use axum::routing::get;

pub(crate) use listeners::serve_domains;
use serde_json::Value;

use super::Ctx;
use super::call::Call;
use super::error::ApiError;
use super::store::Store;
use crate::model::DomainDirectory;

/// The SCIM routes on the main listener, under each domain's path (`/domains/{id}`), merged
/// beside the versioned APIs.
pub fn routes() -> Router<Ctx> {
    directory_routes("/domains/{domainId}/admin/v1")
}

/// The directory's routes below `prefix`.
fn directory_routes(prefix: &str) -> Router<Ctx> {
    Router::new()
        .route(
            &format!("{prefix}/Users"),
            get(users::list).post(users::create),
        )
        .route(
            &format!("{prefix}/Users/{{id}}"),
            get(users::get).put(users::replace).delete(users::delete),
        )
        .route(
            &format!("{prefix}/Groups"),
            get(groups::list).post(groups::create),
        )
        .route(
            &format!("{prefix}/Groups/{{id}}"),
            get(groups::get)
                .put(groups::replace)
                .patch(groups::patch)
                .delete(groups::delete),
        )
        .route(
            &format!("{prefix}/DynamicResourceGroups"),
            get(dynamic_groups::list).post(dynamic_groups::create),
        )
        .route(
            &format!("{prefix}/DynamicResourceGroups/{{id}}"),
            get(dynamic_groups::get).delete(dynamic_groups::delete),
        )
}

/// Where this domain's resources are served (its `url`), for `meta.location`.
fn base_of(store: &Store, call: &Call) -> String {
    let id = call.param("domainId");
    store
        .domains
        .get(id)
        .map(|d| d.url.clone())
        .filter(|u| !u.is_empty())
        .unwrap_or_else(|| store.domain_url(id))
}

/// The domain's directory and the lookups to answer with it.
fn directory(store: &Store, call: &Call) -> Result<DomainDirectory, ApiError> {
    store.directory(call.param("domainId"))
}

/// Where this domain's resources say they live.
fn place<'a>(store: &'a Store, call: &'a Call, base: &'a str) -> wire::Place<'a> {
    wire::Place {
        base,
        domain_id: call.param("domainId"),
        tenancy_id: store.tenancy_id(),
    }
}

fn to_value<T: serde::Serialize>(value: &T) -> Result<Value, ApiError> {
    serde_json::to_value(value)
        .map_err(|e| ApiError::internal(format!("cannot encode the reply: {e}")))
}

/// Honours `if-match` against a SCIM resource's `meta.version`.
fn check_version(call: &Call, meta: Option<&crate::model::scim::ScimMeta>) -> Result<(), ApiError> {
    call.check_etag(meta.map_or("", |m| m.version.as_str()))
}
