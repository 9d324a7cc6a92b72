//! Identity domains: list (with every filter), get, create, update and delete, each change
//! running as an IAM work request, and the license-type catalogue.

use axum::extract::State;

use super::require_compartment;
use crate::emulator::Ctx;
use crate::emulator::call::{Call, Outcome, Reply};
use crate::emulator::error::ApiError;
use crate::emulator::listing::{Shape, SortNames, filter_sort, page};
use crate::emulator::store::{Store, WorkKind, WorkService, etag_of, new_ocid, now_rfc3339};
use crate::model::{
    AllowedDomainLicenseTypeSummary, CreateDomainDetails, Domain, DomainLifecycleDetails,
    DomainType, LifecycleState, ReplicationState, UpdateDomainDetails, WorkRequestError,
};

/// The license (domain) types OCI offers: identifier, name, description, and the types a
/// domain of this type can be changed to (upgrades only; nothing changes back down).
pub(super) const LICENSE_TYPES: &[(&str, &str, &str, &[&str])] = &[
    (
        "free",
        "Free",
        "IAM for OCI resources: users, groups, federation and MFA, with the lowest object limits",
        &["oracle-apps-premium", "premium"],
    ),
    (
        "oracle-apps",
        "Oracle Apps",
        "Provided with Oracle PaaS and SaaS services to manage access to them",
        &["oracle-apps-premium", "premium"],
    ),
    (
        "oracle-apps-premium",
        "Oracle Apps Premium",
        "Full identity and access management for Oracle applications in the cloud and on premises",
        &["premium"],
    ),
    (
        "premium",
        "Premium",
        "Every identity feature, for Oracle and non-Oracle applications alike",
        &[],
    ),
    (
        "external-user",
        "External User",
        "For people outside the company (customers, partners), with social sign-in and self-registration",
        &["premium"],
    ),
];

/// The catalogue entry for a license type, by identifier or name, ignoring case.
pub(super) fn license_type(
    name: &str,
) -> Result<
    &'static (
        &'static str,
        &'static str,
        &'static str,
        &'static [&'static str],
    ),
    ApiError,
> {
    LICENSE_TYPES
        .iter()
        .find(|(id, display, ..)| {
            id.eq_ignore_ascii_case(name) || display.eq_ignore_ascii_case(name)
        })
        .ok_or_else(|| {
            let known: Vec<&str> = LICENSE_TYPES.iter().map(|(id, ..)| *id).collect();
            ApiError::invalid(format!(
                "'{name}' is not a license type; use one of {}",
                known.join(", ")
            ))
        })
}

/// The domain `{id}` addresses, with `if-match` checked and nothing else running on it.
pub(super) fn changeable<'a>(store: &'a Store, call: &Call) -> Result<&'a Domain, ApiError> {
    let domain = store.domains.find(call.param("id"), "identity domain")?;
    call.check_etag(&etag_of(domain))?;
    require_idle(domain)?;
    Ok(domain)
}

/// Refuses (409) a change that needs the domain in `state`, e.g. only an INACTIVE domain is
/// deleted; `what` completes "only an ... domain can ...".
pub(super) fn require_state(
    domain: &Domain,
    state: &LifecycleState,
    what: &str,
) -> Result<(), ApiError> {
    if domain.lifecycle_state == *state {
        Ok(())
    } else {
        Err(ApiError::conflict(format!(
            "identity domain {} is {}; only an {state} domain can {what}",
            domain.id, domain.lifecycle_state
        )))
    }
}

/// Marks the domain busy with `details` and starts the IAM work request that will finish the
/// change; answers 202 with its id.
pub(super) fn begin(
    store: &mut Store,
    id: &str,
    details: Option<DomainLifecycleDetails>,
    kind: WorkKind,
    compartment: &str,
) -> Reply {
    if let (Some(d), Some(details)) = (store.domains.get_mut(id), details) {
        d.lifecycle_details = Some(details);
    }
    Reply::accepted(store.start_work(kind, WorkService::Iam, compartment))
}

/// A domain being created, deleted, changed or replicated takes no other change meanwhile
/// (409 `IncorrectState`, which the SDK retries).
fn require_idle(domain: &Domain) -> Result<(), ApiError> {
    let replicating = domain
        .replica_regions
        .iter()
        .any(|r| r.state == Some(ReplicationState::EnablingReplication));
    let busy = match (&domain.lifecycle_state, &domain.lifecycle_details) {
        (_, Some(details)) => Some(details.to_string()),
        (LifecycleState::Creating | LifecycleState::Deleting, None) => {
            Some(domain.lifecycle_state.to_string())
        }
        _ if replicating => Some("ENABLING_REPLICATION".to_string()),
        _ => None,
    };
    match busy {
        Some(what) => Err(ApiError::incorrect_state(format!(
            "identity domain {} is {what}; wait for its work request to finish, then retry",
            domain.id
        ))),
        None => Ok(()),
    }
}

/// Display names are unique in the tenancy, ignoring case.
fn check_name_free(store: &Store, name: &str, except: &str) -> Result<(), ApiError> {
    if name.trim().is_empty() {
        return Err(ApiError::invalid(
            "an identity domain needs a non-empty displayName",
        ));
    }
    if store
        .domains
        .iter()
        .any(|d| d.id != except && d.display_name.eq_ignore_ascii_case(name))
    {
        return Err(ApiError::conflict(format!(
            "an identity domain named '{name}' already exists; choose another displayName"
        )));
    }
    Ok(())
}

pub async fn list(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let store = ctx.store.lock();
    let compartment = call.required("compartmentId")?;
    if compartment != store.tenancy_id() && store.compartments.get(compartment).is_none() {
        return Err(ApiError::not_found("compartment", compartment));
    }
    let text = |name: &str| call.query(name).filter(|v| !v.is_empty());
    let (display, url, home_url) = (text("displayName"), text("url"), text("homeRegionUrl"));
    let (kind, license) = (text("type"), text("licenseType"));
    let hidden = call.flag("isHiddenOnLogin")?;
    let candidates = store.domains.iter().filter(|d| {
        d.compartment_id == compartment
            && display.is_none_or(|v| d.display_name == v)
            && url.is_none_or(|v| d.url == v)
            && home_url.is_none_or(|v| d.home_region_url == v)
            && kind.is_none_or(|v| d.domain_type.as_str().eq_ignore_ascii_case(v))
            && license.is_none_or(|v| d.license_type.eq_ignore_ascii_case(v))
            && hidden.is_none_or(|v| d.is_hidden_on_login == v)
    });
    let items = filter_sort(candidates, &call, SortNames::Identity)?;
    page(&items, &call, ctx.limits, Shape::Array)
}

pub async fn get(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let store = ctx.store.lock();
    Reply::tagged(store.domains.find(call.param("id"), "identity domain")?)
}

/// Why creating the domain will fail once its work request runs, if it will: the welcome
/// e-mail to an administrator at a reserved `.invalid` address cannot be delivered.
fn doomed(details: &CreateDomainDetails) -> Option<WorkRequestError> {
    let email = details.admin_email.as_deref()?;
    let undeliverable = email.to_ascii_lowercase().ends_with(".invalid");
    (undeliverable && details.is_notification_bypassed != Some(true)).then(|| WorkRequestError {
        code: "InvalidParameter".into(),
        message: format!(
            "the welcome e-mail to the domain administrator {email} could not be delivered, so \
             the identity domain was not created; use a deliverable adminEmail or set \
             isNotificationBypassed"
        ),
        timestamp: String::new(),
    })
}

fn check_admin(details: &CreateDomainDetails) -> Result<(), ApiError> {
    let admin = [
        &details.admin_first_name,
        &details.admin_last_name,
        &details.admin_user_name,
        &details.admin_email,
    ];
    if admin.iter().all(|v| v.is_none()) {
        return Ok(());
    }
    if details.is_notification_bypassed.is_none() {
        return Err(ApiError::missing(
            "isNotificationBypassed is required when administrator details are given",
        ));
    }
    match &details.admin_email {
        Some(email) if email.contains('@') => {}
        Some(email) => {
            return Err(ApiError::invalid(format!(
                "adminEmail '{email}' is not an e-mail address"
            )));
        }
        None => {
            return Err(ApiError::missing(
                "adminEmail is required when administrator details are given",
            ));
        }
    }
    Ok(())
}

pub async fn create(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let details: CreateDomainDetails = call.json()?;
    let mut store = ctx.store.lock();
    require_compartment(&store, &details.compartment_id)?;
    check_name_free(&store, &details.display_name, "")?;
    if !store.is_ready_region(&details.home_region) {
        return Err(ApiError::invalid(format!(
            "homeRegion '{}' is not a region the tenancy is subscribed to; use one of {}",
            details.home_region,
            store.ready_regions()
        )));
    }
    let (license, ..) = license_type(&details.license_type)?;
    check_admin(&details)?;
    let id = new_ocid("domain");
    let url = store.domain_url(&id);
    let domain = Domain {
        id: id.clone(),
        compartment_id: details.compartment_id.clone(),
        display_name: details.display_name.clone(),
        description: details.description.clone(),
        url: url.clone(),
        home_region_url: url,
        home_region: details.home_region.clone(),
        replica_regions: Vec::new(),
        domain_type: DomainType::Secondary,
        license_type: (*license).to_string(),
        is_hidden_on_login: details.is_hidden_on_login.unwrap_or(false),
        time_created: now_rfc3339(),
        lifecycle_state: LifecycleState::Creating,
        lifecycle_details: Some(DomainLifecycleDetails::Updating),
        freeform_tags: details.freeform_tags.clone().unwrap_or_default(),
        defined_tags: details.defined_tags.clone().unwrap_or_default(),
    };
    store.domains.upsert(domain);
    let work = store.start_doomed_work(
        WorkKind::CreateDomain { id },
        WorkService::Iam,
        &details.compartment_id,
        doomed(&details),
    );
    Ok(Reply::accepted(work))
}

pub async fn update(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let details: UpdateDomainDetails = call.json()?;
    let mut store = ctx.store.lock();
    let domain = changeable(&store, &call)?;
    let (id, compartment) = (domain.id.clone(), domain.compartment_id.clone());
    require_state(domain, &LifecycleState::Active, "be updated")?;
    if details.is_hidden_on_login == Some(true) && domain.is_default() {
        return Err(ApiError::invalid(
            "the Default identity domain is always shown on the sign-in page",
        ));
    }
    if let Some(name) = &details.display_name {
        check_name_free(&store, name, &id)?;
    }
    let kind = WorkKind::UpdateDomain {
        id: id.clone(),
        details,
    };
    let busy = Some(DomainLifecycleDetails::Updating);
    Ok(begin(&mut store, &id, busy, kind, &compartment))
}

pub async fn delete(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let mut store = ctx.store.lock();
    let domain = changeable(&store, &call)?;
    let (id, compartment) = (domain.id.clone(), domain.compartment_id.clone());
    if domain.is_default() {
        return Err(ApiError::conflict(
            "the Default identity domain cannot be deleted; a tenancy always keeps it",
        ));
    }
    require_state(
        domain,
        &LifecycleState::Inactive,
        "be deleted: deactivate it first (DeactivateDomain)",
    )?;
    if let Some(d) = store.domains.get_mut(&id) {
        d.lifecycle_state = LifecycleState::Deleting;
    }
    let kind = WorkKind::DeleteDomain { id: id.clone() };
    Ok(begin(&mut store, &id, None, kind, &compartment))
}

pub async fn allowed_license_types(State(_ctx): State<Ctx>, call: Call) -> Outcome {
    let current = call
        .query("currentLicenseTypeName")
        .filter(|v| !v.is_empty());
    let allowed: Vec<AllowedDomainLicenseTypeSummary> = match current {
        None => LICENSE_TYPES.iter().map(|(id, ..)| summary(id)).collect(),
        Some(name) => license_type(name)?.3.iter().map(|id| summary(id)).collect(),
    };
    Reply::json(&allowed)
}

fn summary(id: &str) -> AllowedDomainLicenseTypeSummary {
    let (license, name, description, _) = LICENSE_TYPES
        .iter()
        .find(|(known, ..)| *known == id)
        .copied()
        .unwrap_or((id, id, "", &[]));
    AllowedDomainLicenseTypeSummary {
        name: name.to_string(),
        license_type: license.to_string(),
        description: description.to_string(),
    }
}
