//! Identity domains. Every change runs as an IAM work request, followed here to the end. Like
//! compartment writes, changes are conditional: the worker reads the domain first (its etag
//! goes as `if-match`) and refuses, as a 412, when it changed since the user saw it.

use crate::api::{DomainQuery, try_fan_out};
use crate::app::request::Failure;
use crate::app::worker::{PAGE_LIMIT, Work, WorkService, failure};
use crate::model::{
    ChangeDomainCompartmentDetails, ChangeDomainLicenseTypeDetails, CreateDomainDetails, Domain,
    EnableReplicationToRegionDetails, UpdateDomainDetails,
};

#[derive(Debug, Clone, PartialEq)]
pub enum DomainRequest {
    /// The domains of these compartments (the service lists one at a time), with the API's
    /// filters.
    List {
        compartment_ids: Vec<String>,
        query: DomainQuery,
    },
    Get {
        id: String,
    },
    /// The license types a domain of `current` can change to; every type when `None`.
    LicenseTypes {
        current: Option<String>,
    },
    /// Answers with the IAM work request as it progresses (so do all the changes below).
    Create(CreateDomainDetails),
    /// A change to an existing domain. `seen` is the domain as the user saw it: if it changed
    /// since, nothing is sent and the answer is a 412 conflict.
    Change {
        id: String,
        change: DomainChange,
        seen: Option<Box<Domain>>,
    },
}

/// What a change does to a domain; each is its own operation (and IAM work request).
#[derive(Debug, Clone, PartialEq)]
pub enum DomainChange {
    Update(UpdateDomainDetails),
    Activate,
    Deactivate,
    /// To another compartment.
    Move {
        compartment_id: String,
    },
    LicenseType(String),
    /// Replicate to a region (its id, e.g. `us-phoenix-1`).
    Replicate(String),
    Delete,
}

impl DomainRequest {
    pub fn is_write(&self) -> bool {
        use DomainRequest as R;
        match self {
            R::List { .. } | R::Get { .. } | R::LicenseTypes { .. } => false,
            R::Create(_) | R::Change { .. } => true,
        }
    }

    pub(crate) async fn run(&self, w: &Work<'_>) {
        use DomainRequest as R;
        let c = w.client;
        match self {
            R::List {
                compartment_ids,
                query,
            } => {
                let each = try_fan_out(c, compartment_ids.clone(), |compartment| async move {
                    c.list_domains(&compartment, query)
                        .limit(PAGE_LIMIT)
                        .all()
                        .await
                })
                .await;
                w.list(each.map(|lists| lists.concat()));
            }
            R::Get { id } => w.one(c.get_domain(id).await),
            R::LicenseTypes { current } => {
                w.list(
                    c.list_allowed_domain_license_types(current.as_deref())
                        .await,
                );
            }
            R::Create(details) => {
                let started = c.create_domain(details).await;
                w.follow(WorkService::Iam, started).await;
            }
            R::Change { id, change, seen } => match etag(w, id, seen.as_deref()).await {
                Ok(etag) => {
                    let started = change.send(w, id, etag.as_deref()).await;
                    w.follow(WorkService::Iam, started).await;
                }
                Err(conflict) => w.fail(conflict),
            },
        }
    }
}

impl DomainChange {
    /// Sends the change; the id of the work request that carries it out.
    async fn send(
        &self,
        w: &Work<'_>,
        id: &str,
        etag: Option<&str>,
    ) -> Result<Option<String>, crate::api::ApiError> {
        let c = w.client;
        match self {
            DomainChange::Update(details) => c.update_domain(id, details, etag).await,
            DomainChange::Activate => c.activate_domain(id, etag).await,
            DomainChange::Deactivate => c.deactivate_domain(id, etag).await,
            DomainChange::Move { compartment_id } => {
                let details = ChangeDomainCompartmentDetails {
                    compartment_id: compartment_id.clone(),
                };
                c.change_domain_compartment(id, &details, etag).await
            }
            DomainChange::LicenseType(license_type) => {
                let details = ChangeDomainLicenseTypeDetails {
                    license_type: Some(license_type.clone()),
                };
                c.change_domain_license_type(id, &details, etag).await
            }
            DomainChange::Replicate(region) => {
                let details = EnableReplicationToRegionDetails {
                    replica_region: Some(region.clone()),
                };
                c.enable_replication_to_region(id, &details, etag).await
            }
            DomainChange::Delete => c.delete_domain(id, etag).await,
        }
    }
}

/// The domain's current etag, for `if-match`; a change since the user saw it (`seen`) is
/// refused as a 412 before anything is sent.
async fn etag(w: &Work<'_>, id: &str, seen: Option<&Domain>) -> Result<Option<String>, Failure> {
    let current = w.client.get_domain(id).await.map_err(|e| failure(&e))?;
    let d = &current.value;
    if let Some(seen) = seen
        && (seen.display_name != d.display_name
            || seen.description != d.description
            || seen.compartment_id != d.compartment_id
            || seen.license_type != d.license_type
            || seen.lifecycle_state != d.lifecycle_state
            || seen.is_hidden_on_login != d.is_hidden_on_login)
    {
        return Err(Failure {
            status: Some(412),
            code: "ChangedSinceRead".into(),
            message: format!(
                "domain {} changed since it was listed (now named {}, {}, {})",
                seen.display_name, d.display_name, d.lifecycle_state, d.license_type
            ),
            opc_request_id: None,
            hint: Some("reload, check the change and try again".into()),
        });
    }
    Ok(current.etag)
}
