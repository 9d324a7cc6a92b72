//! Network sources (tenancy-wide, names unique and fixed) and the tenancy's authentication
//! policy, whose network policy names network sources.

use axum::extract::State;

use super::{editable, require_tenancy};
use crate::emulator::Ctx;
use crate::emulator::call::{Call, Outcome, Reply};
use crate::emulator::error::ApiError;
use crate::emulator::listing::{Shape, SortNames, filter_sort, page_map};
use crate::emulator::store::{Store, etag_of, new_ocid, now_rfc3339};
use crate::model::{
    CreateNetworkSourceDetails, LifecycleState, NetworkSource, UpdateAuthenticationPolicyDetails,
    UpdateNetworkSourceDetails, VirtualSource, check_cidr,
};

/// The password lengths the emulator accepts (OCI accepts at least 8 to 100).
const PASSWORD_LENGTHS: std::ops::RangeInclusive<i64> = 1..=100;

/// Every CIDR of both lists parses, and every VCN entry names a VCN: a 400 naming the entry.
fn check_sources(public: &[String], virtual_sources: &[VirtualSource]) -> Result<(), ApiError> {
    for entry in public {
        check_cidr(entry).map_err(|why| ApiError::invalid(format!("publicSourceList: {why}")))?;
    }
    for source in virtual_sources {
        if !source.vcn_id.starts_with("ocid1.vcn.") {
            return Err(ApiError::invalid(format!(
                "virtualSourceList: '{}' is not a VCN OCID (ocid1.vcn....)",
                source.vcn_id
            )));
        }
        for entry in &source.ip_ranges {
            check_cidr(entry).map_err(|why| {
                ApiError::invalid(format!("virtualSourceList (VCN {}): {why}", source.vcn_id))
            })?;
        }
    }
    Ok(())
}

pub async fn list(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let store = ctx.store.lock();
    require_tenancy(&store, call.required("compartmentId")?, "network sources")?;
    let items = filter_sort(
        store.sign_in.network_sources.iter(),
        &call,
        SortNames::Identity,
    )?;
    // `NetworkSourcesSummary` has no inactiveStatus.
    page_map(&items, &call, ctx.limits, Shape::Array, |s| NetworkSource {
        inactive_status: None,
        ..(*s).clone()
    })
}

pub async fn get(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let store = ctx.store.lock();
    Reply::tagged(
        store
            .sign_in
            .network_sources
            .find(call.param("id"), "network source")?,
    )
}

pub async fn create(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let details: CreateNetworkSourceDetails = call.json()?;
    let public = details.public_source_list.unwrap_or_default();
    let virtual_sources = details.virtual_source_list.unwrap_or_default();
    check_sources(&public, &virtual_sources)?;
    let mut store = ctx.store.lock();
    require_tenancy(&store, &details.compartment_id, "network sources")?;
    if details.name.trim().is_empty() {
        return Err(ApiError::invalid("a network source needs a non-empty name"));
    }
    let taken = store.sign_in.network_sources.iter().any(|s| {
        s.name.eq_ignore_ascii_case(&details.name) && s.lifecycle_state != LifecycleState::Deleted
    });
    if taken {
        return Err(ApiError::conflict(format!(
            "a network source named '{}' already exists; names are unique in the tenancy",
            details.name
        )));
    }
    let source = NetworkSource {
        id: new_ocid("networksource"),
        compartment_id: details.compartment_id,
        name: details.name,
        description: details.description,
        public_source_list: public,
        virtual_source_list: virtual_sources,
        services: details.services.unwrap_or_default(),
        time_created: now_rfc3339(),
        lifecycle_state: LifecycleState::Active,
        inactive_status: None,
        freeform_tags: details.freeform_tags.unwrap_or_default(),
        defined_tags: details.defined_tags.unwrap_or_default(),
    };
    store.sign_in.network_sources.upsert(source.clone());
    Reply::tagged(&source)
}

pub async fn update(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let d: UpdateNetworkSourceDetails = call.json()?;
    check_sources(
        d.public_source_list.as_deref().unwrap_or_default(),
        d.virtual_source_list.as_deref().unwrap_or_default(),
    )?;
    let mut store = ctx.store.lock();
    let source = editable(&mut store.sign_in.network_sources, &call, "network source")?;
    if let Some(v) = d.description {
        source.description = v;
    }
    if let Some(v) = d.public_source_list {
        source.public_source_list = v;
    }
    if let Some(v) = d.virtual_source_list {
        source.virtual_source_list = v;
    }
    if let Some(v) = d.services {
        source.services = v;
    }
    if let Some(v) = d.freeform_tags {
        source.freeform_tags = v;
    }
    if let Some(v) = d.defined_tags {
        source.defined_tags = v;
    }
    Reply::tagged(&*source)
}

pub async fn delete(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let mut store = ctx.store.lock();
    let id = editable(&mut store.sign_in.network_sources, &call, "network source")?
        .id
        .clone();
    let policy = &store.sign_in.authentication_policy;
    if policy
        .network_policy
        .as_ref()
        .is_some_and(|n| n.network_source_ids.contains(&id))
    {
        return Err(ApiError::conflict(format!(
            "network source {id} is in the authentication policy's network policy; remove it \
             there first (UpdateAuthenticationPolicy)"
        )));
    }
    if let Some(source) = store.sign_in.network_sources.get_mut(&id) {
        source.lifecycle_state = LifecycleState::Deleted;
    }
    Ok(Reply::no_content())
}

/// The authentication policy lives on the tenancy only.
fn check_policy_path(store: &Store, call: &Call) -> Result<(), ApiError> {
    require_tenancy(
        store,
        call.param("compartmentId"),
        "authentication policies",
    )
}

pub async fn get_authentication_policy(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let store = ctx.store.lock();
    check_policy_path(&store, &call)?;
    Reply::tagged(&store.sign_in.authentication_policy)
}

pub async fn update_authentication_policy(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let d: UpdateAuthenticationPolicyDetails = call.json()?;
    let mut store = ctx.store.lock();
    check_policy_path(&store, &call)?;
    call.check_etag(&etag_of(&store.sign_in.authentication_policy))?;
    if let Some(length) = d
        .password_policy
        .as_ref()
        .and_then(|p| p.minimum_password_length)
        .filter(|l| !PASSWORD_LENGTHS.contains(l))
    {
        return Err(ApiError::invalid(format!(
            "minimumPasswordLength {length} is out of range: use {} to {}",
            PASSWORD_LENGTHS.start(),
            PASSWORD_LENGTHS.end()
        )));
    }
    if let Some(network) = &d.network_policy {
        for id in &network.network_source_ids {
            let live = store
                .sign_in
                .network_sources
                .get(id)
                .is_some_and(|s| s.lifecycle_state == LifecycleState::Active);
            if !live {
                return Err(ApiError::related_not_found("network source", id));
            }
        }
    }
    let policy = &mut store.sign_in.authentication_policy;
    if let Some(given) = d.password_policy {
        // Rules the update leaves out keep their values.
        let rules = policy.password_policy.get_or_insert_with(Default::default);
        let keep = |new: Option<bool>, old: Option<bool>| new.or(old);
        rules.minimum_password_length = given
            .minimum_password_length
            .or(rules.minimum_password_length);
        rules.is_uppercase_characters_required = keep(
            given.is_uppercase_characters_required,
            rules.is_uppercase_characters_required,
        );
        rules.is_lowercase_characters_required = keep(
            given.is_lowercase_characters_required,
            rules.is_lowercase_characters_required,
        );
        rules.is_numeric_characters_required = keep(
            given.is_numeric_characters_required,
            rules.is_numeric_characters_required,
        );
        rules.is_special_characters_required = keep(
            given.is_special_characters_required,
            rules.is_special_characters_required,
        );
        rules.is_username_containment_allowed = keep(
            given.is_username_containment_allowed,
            rules.is_username_containment_allowed,
        );
    }
    if let Some(network) = d.network_policy {
        policy.network_policy = Some(network);
    }
    Reply::tagged(&*policy)
}
