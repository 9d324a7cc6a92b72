//! The route table: every Identity and Organizations operation the emulator serves, wrapped in
//! the pipeline (request id, faults, signature, retry tokens); anything else is a 404.

mod compartments;
mod credentials;
mod db_oauth;
mod domain_actions;
mod domains;
mod groups;
mod identity_providers;
mod idp_group_mappings;
mod invitations;
mod mfa;
mod network_sources;
mod policies;
mod policy_names;
mod tag_defaults;
mod tags;
mod tenancy;
mod users;
mod work_requests;
// Tag tools, bulk operations and locks.
mod bulk_resources;
mod bulk_tags;
mod locks;
mod search;
mod standard_tags;
mod tag_namespaces;
mod tag_tools;

use axum::Router;
use axum::http::{Method, Uri};
use axum::middleware;
use axum::response::IntoResponse;
use axum::routing::{delete, get, post, put};

use super::Ctx;
use super::error::ApiError;
use super::pipeline::pipeline;

pub fn router(ctx: Ctx) -> Router {
    let identity = Router::new()
        .route("/tenancies/{tenancyId}", get(tenancy::get))
        .route("/regions", get(tenancy::regions))
        .route("/availabilityDomains", get(tenancy::availability_domains))
        .route(
            "/compartments",
            get(compartments::list).post(compartments::create),
        )
        .route(
            "/compartments/{id}",
            get(compartments::get)
                .put(compartments::update)
                .delete(compartments::delete),
        )
        .route(
            "/compartments/{id}/actions/moveCompartment",
            post(compartments::move_to),
        )
        .route(
            "/compartments/{id}/actions/recoverCompartment",
            post(compartments::recover),
        )
        .route("/users", get(users::list).post(users::create))
        .route(
            "/users/{id}",
            get(users::get).put(users::update).delete(users::delete),
        )
        .route("/users/{id}/state", put(users::update_state))
        .route("/users/{id}/capabilities", put(users::update_capabilities))
        .route(
            "/users/{id}/uiPassword",
            get(mfa::ui_password_information).post(users::ui_password),
        )
        .route(
            "/users/{id}/apiKeys",
            get(users::list_api_keys).post(users::upload_api_key),
        )
        .route(
            "/users/{id}/apiKeys/{fingerprint}",
            delete(users::delete_api_key),
        )
        // Credentials and sign-in security.
        .route(
            "/users/{id}/authTokens",
            get(credentials::list_auth_tokens).post(credentials::create_auth_token),
        )
        .route(
            "/users/{id}/authTokens/{credentialId}",
            put(credentials::update_auth_token).delete(credentials::delete_auth_token),
        )
        .route(
            "/users/{id}/swiftPasswords",
            get(credentials::list_swift_passwords).post(credentials::create_swift_password),
        )
        .route(
            "/users/{id}/swiftPasswords/{credentialId}",
            put(credentials::update_swift_password).delete(credentials::delete_swift_password),
        )
        .route(
            "/users/{id}/customerSecretKeys",
            get(credentials::list_customer_secret_keys)
                .post(credentials::create_customer_secret_key),
        )
        .route(
            "/users/{id}/customerSecretKeys/{credentialId}",
            put(credentials::update_customer_secret_key)
                .delete(credentials::delete_customer_secret_key),
        )
        .route(
            "/users/{id}/smtpCredentials",
            get(credentials::list_smtp_credentials).post(credentials::create_smtp_credential),
        )
        .route(
            "/users/{id}/smtpCredentials/{credentialId}",
            put(credentials::update_smtp_credential).delete(credentials::delete_smtp_credential),
        )
        .route(
            "/users/{id}/dbCredentials",
            get(db_oauth::list_db_credentials).post(db_oauth::create_db_credential),
        )
        .route(
            "/users/{id}/dbCredentials/{credentialId}",
            axum::routing::delete(db_oauth::delete_db_credential),
        )
        .route(
            "/users/{id}/oauth2ClientCredentials",
            get(db_oauth::list_oauth2_credentials).post(db_oauth::create_oauth2_credential),
        )
        .route(
            "/users/{id}/oauth2ClientCredentials/{credentialId}",
            put(db_oauth::update_oauth2_credential).delete(db_oauth::delete_oauth2_credential),
        )
        .route(
            "/users/{id}/mfaTotpDevices",
            get(mfa::list).post(mfa::create),
        )
        .route(
            "/users/{id}/mfaTotpDevices/{deviceId}",
            get(mfa::get).delete(mfa::delete),
        )
        .route(
            "/users/{id}/mfaTotpDevices/{deviceId}/actions/generateSeed",
            post(mfa::generate_seed),
        )
        .route(
            "/users/{id}/mfaTotpDevices/{deviceId}/actions/activate",
            post(mfa::activate),
        )
        .route(
            "/networkSources",
            get(network_sources::list).post(network_sources::create),
        )
        .route(
            "/networkSources/{id}",
            get(network_sources::get)
                .put(network_sources::update)
                .delete(network_sources::delete),
        )
        .route(
            "/authenticationPolicies/{compartmentId}",
            get(network_sources::get_authentication_policy)
                .put(network_sources::update_authentication_policy),
        )
        .route("/groups", get(groups::list).post(groups::create))
        .route(
            "/groups/{id}",
            get(groups::get).put(groups::update).delete(groups::delete),
        )
        .route(
            "/userGroupMemberships",
            get(groups::list_memberships).post(groups::add_member),
        )
        .route(
            "/userGroupMemberships/{id}",
            get(groups::get_membership).delete(groups::remove_member),
        )
        .route(
            "/dynamicGroups",
            get(groups::list_dynamic).post(groups::create_dynamic),
        )
        .route(
            "/dynamicGroups/{id}",
            get(groups::get_dynamic)
                .put(groups::update_dynamic)
                .delete(groups::delete_dynamic),
        )
        .route("/policies", get(policies::list).post(policies::create))
        .route(
            "/policies/{id}",
            get(policies::get)
                .put(policies::update)
                .delete(policies::delete),
        )
        .route(
            "/tagNamespaces",
            get(tag_namespaces::list_namespaces).post(tag_namespaces::create_namespace),
        )
        .route(
            "/tagNamespaces/{id}",
            get(tag_namespaces::get_namespace)
                .put(tag_namespaces::update_namespace)
                .delete(tag_namespaces::delete_namespace),
        )
        .route(
            "/tagNamespaces/{id}/actions/cascadeDelete",
            post(tag_namespaces::cascade_delete_namespace),
        )
        .route(
            "/tagNamespaces/{id}/tags",
            get(tags::list_tags).post(tags::create_tag),
        )
        .route(
            "/tagNamespaces/{id}/tags/{name}",
            get(tags::get_tag)
                .put(tags::update_tag)
                .delete(tags::delete_tag),
        )
        .route(
            "/tagDefaults",
            get(tag_defaults::list).post(tag_defaults::create),
        )
        .route(
            "/tagDefaults/{id}",
            get(tag_defaults::get)
                .put(tag_defaults::update)
                .delete(tag_defaults::delete),
        )
        .route("/workRequests", get(work_requests::list))
        .route("/workRequests/{id}", get(work_requests::get))
        .route("/taggingWorkRequests", get(work_requests::list_tagging))
        .route("/taggingWorkRequests/{id}", get(work_requests::get_tagging))
        .route(
            "/taggingWorkRequests/{id}/errors",
            get(work_requests::tagging_errors),
        )
        .route(
            "/taggingWorkRequests/{id}/logs",
            get(work_requests::tagging_logs),
        );
    let identity = domain_routes(identity);
    let identity = tag_tools::routes(identity);

    let organizations = Router::new()
        .route(
            "/senderInvitations",
            get(invitations::list).post(invitations::create),
        )
        .route(
            "/senderInvitations/{id}",
            get(invitations::get).put(invitations::update),
        )
        .route(
            "/senderInvitations/{id}/actions/cancel",
            post(invitations::cancel),
        )
        .route("/workRequests/{id}", get(work_requests::get));

    Router::new()
        .nest("/20160918", identity)
        .nest("/20230401", organizations)
        // Resource Search, for other services' resources (tag tools).
        .nest("/20180409", search::routes())
        // Every domain's directory (Identity Domains, SCIM) at the domain's URL.
        .merge(super::scim::routes())
        .fallback(no_route)
        .method_not_allowed_fallback(wrong_method)
        .layer(middleware::from_fn_with_state(ctx.clone(), pipeline))
        .with_state(ctx)
}

/// Identity domains, IAM work requests, federation, region subscriptions, fault domains.
fn domain_routes(identity: Router<Ctx>) -> Router<Ctx> {
    identity
        .route("/domains", get(domains::list).post(domains::create))
        .route(
            "/domains/{id}",
            get(domains::get)
                .put(domains::update)
                .delete(domains::delete),
        )
        .route(
            "/domains/{id}/actions/activate",
            post(domain_actions::activate),
        )
        .route(
            "/domains/{id}/actions/deactivate",
            post(domain_actions::deactivate),
        )
        .route(
            "/domains/{id}/actions/changeCompartment",
            post(domain_actions::change_compartment),
        )
        .route(
            "/domains/{id}/actions/changeLicenseType",
            post(domain_actions::change_license_type),
        )
        .route(
            "/domains/{id}/actions/enableReplicationToRegion",
            post(domain_actions::enable_replication),
        )
        .route(
            "/allowedDomainLicenseTypes",
            get(domains::allowed_license_types),
        )
        .route("/iamWorkRequests", get(work_requests::list_iam))
        .route("/iamWorkRequests/{id}", get(work_requests::get_iam))
        .route(
            "/iamWorkRequests/{id}/errors",
            get(work_requests::iam_errors),
        )
        .route("/iamWorkRequests/{id}/logs", get(work_requests::iam_logs))
        .route(
            "/identityProviders",
            get(identity_providers::list).post(identity_providers::create),
        )
        .route(
            "/identityProviders/{id}",
            get(identity_providers::get)
                .put(identity_providers::update)
                .delete(identity_providers::delete),
        )
        .route(
            "/identityProviders/{id}/groups",
            get(identity_providers::list_groups),
        )
        .route(
            "/identityProviders/{id}/actions/resetScimClient",
            post(identity_providers::reset_scim_client),
        )
        .route(
            "/identityProviders/{id}/groupMappings",
            get(idp_group_mappings::list).post(idp_group_mappings::create),
        )
        .route(
            "/identityProviders/{id}/groupMappings/{mappingId}",
            get(idp_group_mappings::get)
                .put(idp_group_mappings::update)
                .delete(idp_group_mappings::delete),
        )
        .route(
            "/tenancies/{tenancyId}/regionSubscriptions",
            get(tenancy::region_subscriptions).post(tenancy::create_region_subscription),
        )
        .route("/faultDomains", get(tenancy::fault_domains))
}

async fn no_route(method: Method, uri: Uri) -> impl IntoResponse {
    ApiError::no_route(method.as_str(), uri.path())
}

async fn wrong_method(method: Method, uri: Uri) -> impl IntoResponse {
    ApiError::method_not_allowed(method.as_str(), uri.path())
}

/// Fails unless `id` is the tenancy or an ACTIVE compartment.
fn require_compartment(store: &super::Store, id: &str) -> Result<(), ApiError> {
    if store.is_compartment(id) {
        Ok(())
    } else {
        Err(ApiError::not_found("compartment", id))
    }
}

/// Fails unless `id` is the tenancy: users, groups and dynamic groups live only there.
fn require_tenancy(store: &super::Store, id: &str, what: &str) -> Result<(), ApiError> {
    if id == store.tenancy_id() {
        Ok(())
    } else {
        Err(ApiError::invalid(format!(
            "{what} live in the tenancy: compartmentId must be the tenancy OCID {}",
            store.tenancy_id()
        )))
    }
}

/// Refuses to change an object that is already gone.
fn require_not_deleted(
    state: &crate::model::LifecycleState,
    what: &str,
    id: &str,
) -> Result<(), ApiError> {
    use crate::model::LifecycleState::{Deleted, Deleting};
    if matches!(state, Deleted | Deleting) {
        Err(ApiError::conflict(format!(
            "{what} {id} is {state} and cannot be changed"
        )))
    } else {
        Ok(())
    }
}

/// Finds the row a change addresses by its `{id}`: 404 when missing, 412 on a stale
/// `if-match`, 409 when it is already deleted.
fn editable<'a, T>(
    table: &'a mut super::store::Table<T>,
    call: &super::call::Call,
    what: &str,
) -> Result<&'a mut T, ApiError>
where
    T: super::store::Keyed + super::listing::Listable + serde::Serialize,
{
    let id = call.param("id");
    let current = table.find(id, what)?;
    call.check_etag(&super::store::etag_of(current))?;
    require_not_deleted(current.state(), what, id)?;
    table.find_mut(id, what)
}

/// Applies an update's free-form and defined tags, each only when the update names it.
trait Taggable {
    fn retag(
        &mut self,
        freeform: Option<crate::model::FreeformTags>,
        defined: Option<crate::model::DefinedTags>,
    );

    fn defined_tags(&self) -> &crate::model::DefinedTags;
}

macro_rules! taggable {
    ($($ty:ty),+) => {
        $(impl Taggable for $ty {
            fn retag(
                &mut self,
                freeform: Option<crate::model::FreeformTags>,
                defined: Option<crate::model::DefinedTags>,
            ) {
                if let Some(tags) = freeform {
                    self.freeform_tags = tags;
                }
                if let Some(tags) = defined {
                    self.defined_tags = tags;
                }
            }

            fn defined_tags(&self) -> &crate::model::DefinedTags {
                &self.defined_tags
            }
        })+
    };
}

taggable!(
    crate::model::Compartment,
    crate::model::User,
    crate::model::Group,
    crate::model::DynamicGroup,
    crate::model::Policy,
    crate::model::TagNamespace,
    crate::model::Tag,
    crate::model::SenderInvitation,
    crate::model::IdentityProvider
);

/// Like [`editable`], for an update that may set defined tags: those it adds or changes are
/// checked against the tenancy's namespaces and tags (400 naming the bad one).
fn editable_tagged<'a, T>(
    store: &'a mut super::Store,
    table: fn(&mut super::Store) -> &mut super::store::Table<T>,
    call: &super::call::Call,
    what: &str,
    defined: Option<&crate::model::DefinedTags>,
) -> Result<&'a mut T, ApiError>
where
    T: super::store::Keyed + super::listing::Listable + serde::Serialize + Taggable,
{
    let current = editable(table(store), call, what)?.defined_tags().clone();
    if let Some(tags) = defined {
        store.check_defined_tags(tags, Some(&current))?;
    }
    table(store).find_mut(call.param("id"), what)
}
