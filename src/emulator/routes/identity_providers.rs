//! SAML2 identity providers: list (the protocol is required), get, create, update, delete,
//! the groups a provider reports, and resetting its SCIM client's credentials.

use axum::extract::State;

use super::{Taggable, editable, require_tenancy};
use crate::emulator::Ctx;
use crate::emulator::call::{Call, Outcome, Reply};
use crate::emulator::error::ApiError;
use crate::emulator::listing::{Shape, SortNames, filter_sort, page};
use crate::emulator::store::{Store, new_ocid, now_rfc3339};
use crate::model::{
    CreateIdentityProviderDetails, IdentityProvider, IdentityProviderGroupSummary, LifecycleState,
    SAML2, UpdateIdentityProviderDetails,
};

const PRODUCT_TYPES: &[&str] = &["IDCS", "ADFS"];

fn require_saml2(protocol: &str) -> Result<(), ApiError> {
    if protocol.eq_ignore_ascii_case(SAML2) {
        Ok(())
    } else {
        Err(ApiError::invalid(format!(
            "protocol must be SAML2, not '{protocol}'"
        )))
    }
}

/// What IAM reads from SAML metadata: the signing certificate and the sign-in URL.
struct Metadata {
    signing_certificate: String,
    redirect_url: String,
}

fn parse_metadata(xml: &str) -> Result<Metadata, ApiError> {
    let bad = |what: &str| {
        ApiError::invalid(format!(
            "the SAML metadata has no {what}; export the metadata document from the identity \
             provider and send it unchanged"
        ))
    };
    if !xml.contains("EntityDescriptor") {
        return Err(bad("EntityDescriptor"));
    }
    let certificate =
        regex::Regex::new(r"(?s)<(?:\w+:)?X509Certificate>\s*([A-Za-z0-9+/=\s]+?)\s*</")
            .map_err(|e| ApiError::internal(e.to_string()))?;
    let location =
        regex::Regex::new(r#"(?s)<(?:\w+:)?SingleSignOnService\b[^>]*\bLocation="([^"]+)""#)
            .map_err(|e| ApiError::internal(e.to_string()))?;
    let signing_certificate: String = certificate
        .captures(xml)
        .and_then(|c| c.get(1))
        .ok_or_else(|| bad("signing certificate (X509Certificate)"))?
        .as_str()
        .split_whitespace()
        .collect();
    let redirect_url = location
        .captures(xml)
        .and_then(|c| c.get(1))
        .ok_or_else(|| bad("SingleSignOnService Location"))?
        .as_str()
        .to_string();
    Ok(Metadata {
        signing_certificate,
        redirect_url,
    })
}

fn check_metadata_url(url: &str) -> Result<(), ApiError> {
    if url.starts_with("https://") || url.starts_with("http://") {
        Ok(())
    } else {
        Err(ApiError::invalid(format!(
            "metadataUrl '{url}' is not an http(s) URL"
        )))
    }
}

/// The identity provider `id`, 404 when missing.
fn find<'a>(store: &'a Store, id: &str) -> Result<&'a IdentityProvider, ApiError> {
    store.identity_providers.find(id, "identity provider")
}

pub async fn list(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let store = ctx.store.lock();
    require_saml2(call.required("protocol")?)?;
    require_tenancy(
        &store,
        call.required("compartmentId")?,
        "identity providers",
    )?;
    let items = filter_sort(store.identity_providers.iter(), &call, SortNames::Identity)?;
    page(&items, &call, ctx.limits, Shape::Array)
}

pub async fn get(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let store = ctx.store.lock();
    Reply::tagged(find(&store, call.param("id"))?)
}

pub async fn create(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let details: CreateIdentityProviderDetails = call.json()?;
    require_saml2(&details.protocol)?;
    let product = PRODUCT_TYPES
        .iter()
        .find(|p| p.eq_ignore_ascii_case(&details.product_type))
        .ok_or_else(|| {
            ApiError::invalid(format!(
                "productType must be IDCS or ADFS, not '{}'",
                details.product_type
            ))
        })?;
    check_metadata_url(&details.metadata_url)?;
    let metadata = parse_metadata(&details.metadata)?;
    let mut store = ctx.store.lock();
    require_tenancy(&store, &details.compartment_id, "identity providers")?;
    if details.name.trim().is_empty() {
        return Err(ApiError::invalid(
            "an identity provider needs a non-empty name",
        ));
    }
    let taken = store.identity_providers.iter().any(|p| {
        p.name.eq_ignore_ascii_case(&details.name) && p.lifecycle_state != LifecycleState::Deleted
    });
    if taken {
        return Err(ApiError::conflict(format!(
            "an identity provider named '{}' already exists; names are unique in the tenancy",
            details.name
        )));
    }
    let provider = IdentityProvider {
        id: new_ocid("saml2idp"),
        compartment_id: details.compartment_id,
        name: details.name,
        description: details.description,
        product_type: (*product).to_string(),
        time_created: now_rfc3339(),
        lifecycle_state: LifecycleState::Active,
        inactive_status: None,
        protocol: SAML2.to_string(),
        freeform_tags: details.freeform_tags.unwrap_or_default(),
        defined_tags: details.defined_tags.unwrap_or_default(),
        metadata_url: details.metadata_url,
        metadata: Some(details.metadata),
        signing_certificate: metadata.signing_certificate,
        redirect_url: metadata.redirect_url,
        freeform_attributes: details.freeform_attributes,
    };
    store.identity_providers.upsert(provider.clone());
    Reply::tagged(&provider)
}

pub async fn update(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let details: UpdateIdentityProviderDetails = call.json()?;
    require_saml2(&details.protocol)?;
    if let Some(url) = &details.metadata_url {
        check_metadata_url(url)?;
    }
    let metadata = details
        .metadata
        .as_deref()
        .map(parse_metadata)
        .transpose()?;
    let mut store = ctx.store.lock();
    let provider = editable(&mut store.identity_providers, &call, "identity provider")?;
    if let Some(v) = details.description {
        provider.description = v;
    }
    if let Some(v) = details.metadata_url {
        provider.metadata_url = v;
    }
    if let Some(parsed) = metadata {
        provider.metadata = details.metadata;
        provider.signing_certificate = parsed.signing_certificate;
        provider.redirect_url = parsed.redirect_url;
    }
    if let Some(v) = details.freeform_attributes {
        provider.freeform_attributes = Some(v);
    }
    provider.retag(details.freeform_tags, details.defined_tags);
    Reply::tagged(&*provider)
}

pub async fn delete(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let mut store = ctx.store.lock();
    let id = editable(&mut store.identity_providers, &call, "identity provider")?
        .id
        .clone();
    let mappings = store
        .idp_group_mappings
        .iter()
        .filter(|m| m.idp_id == id)
        .count();
    if mappings > 0 {
        return Err(ApiError::conflict(format!(
            "identity provider {id} still has {mappings} group mapping(s); delete them first"
        )));
    }
    if let Some(p) = store.identity_providers.get_mut(&id) {
        p.lifecycle_state = LifecycleState::Deleted;
    }
    Ok(Reply::no_content())
}

pub async fn list_groups(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let store = ctx.store.lock();
    let provider = find(&store, call.param("id"))?;
    let name = call.query("name").filter(|v| !v.is_empty());
    // The groups carry no state of their own: they are there while the provider is.
    let state = call.query("lifecycleState").map(LifecycleState::parse);
    let shown = state
        .as_ref()
        .is_none_or(|s| *s == provider.lifecycle_state);
    let items: Vec<&IdentityProviderGroupSummary> = store
        .idp_groups
        .iter()
        .filter(|g| shown && g.identity_provider_id == provider.id)
        .filter(|g| name.is_none_or(|n| g.name == n))
        .collect();
    page(&items, &call, ctx.limits, Shape::Array)
}

pub async fn reset_scim_client(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let mut store = ctx.store.lock();
    let provider = find(&store, call.param("id"))?;
    if provider.lifecycle_state == LifecycleState::Deleted {
        return Err(ApiError::conflict(format!(
            "identity provider {} is DELETED and has no SCIM client",
            provider.id
        )));
    }
    let id = provider.id.clone();
    // Answered once: the store keeps only a digest of the secret.
    Reply::json(&store.reset_scim_client(&id))
}
