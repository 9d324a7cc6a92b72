//! Federation: SAML2 identity providers, the groups they report, their group mappings and the
//! SCIM client reset (whose new secret travels as [`Payload::Secret`], never logged). A
//! provider's SAML metadata may come from a file, read here so `update` stays free of I/O.

use std::path::PathBuf;

use crate::api::ListFilter;
use crate::app::request::{Failure, Payload, Secret};
use crate::app::worker::{PAGE_LIMIT, Work, failure};
use crate::model::{
    CreateIdentityProviderDetails, CreateIdpGroupMappingDetails, IdentityProvider, IdpGroupMapping,
    LifecycleState, SAML2, UpdateIdentityProviderDetails, UpdateIdpGroupMappingDetails,
};

/// The largest metadata file canopy reads (real ones are a few kilobytes).
const MAX_METADATA_BYTES: u64 = 1024 * 1024;

/// Where a provider's SAML metadata XML comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MetadataSource {
    /// Pasted into the form.
    Xml(String),
    /// A file the worker reads.
    File(PathBuf),
}

#[derive(Debug, Clone, PartialEq)]
pub enum FederationRequest {
    /// The tenancy's SAML2 providers, filtered as the API can (deleted ones included unless
    /// the filter says a state).
    ListProviders {
        filter: ListFilter,
    },
    GetProvider {
        id: String,
    },
    /// `details.metadata` is filled from `metadata` by the worker.
    CreateProvider {
        details: CreateIdentityProviderDetails,
        metadata: MetadataSource,
    },
    /// `metadata`, when given, replaces the provider's metadata. Sent with `if-match`.
    UpdateProvider {
        id: String,
        details: UpdateIdentityProviderDetails,
        metadata: Option<MetadataSource>,
        etag: Option<String>,
    },
    DeleteProvider {
        id: String,
    },
    /// The groups the provider reports.
    ListProviderGroups {
        id: String,
    },
    /// Answers with [`Payload::Secret`] whose owner is the SCIM client id: shown once.
    ResetScimClient {
        id: String,
    },
    ListMappings {
        idp_id: String,
    },
    /// Every live provider with its mappings: which provider groups map into which group.
    /// Answers with items of `(IdentityProvider, Vec<IdpGroupMapping>)`.
    ListAllMappings,
    GetMapping {
        idp_id: String,
        id: String,
    },
    CreateMapping {
        idp_id: String,
        details: CreateIdpGroupMappingDetails,
    },
    /// Sent with `if-match`.
    UpdateMapping {
        idp_id: String,
        id: String,
        details: UpdateIdpGroupMappingDetails,
        etag: Option<String>,
    },
    DeleteMapping {
        idp_id: String,
        id: String,
    },
}

impl FederationRequest {
    pub fn is_write(&self) -> bool {
        use FederationRequest as R;
        match self {
            R::ListProviders { .. }
            | R::GetProvider { .. }
            | R::ListProviderGroups { .. }
            | R::ListMappings { .. }
            | R::ListAllMappings
            | R::GetMapping { .. } => false,
            R::CreateProvider { .. }
            | R::UpdateProvider { .. }
            | R::DeleteProvider { .. }
            | R::ResetScimClient { .. }
            | R::CreateMapping { .. }
            | R::UpdateMapping { .. }
            | R::DeleteMapping { .. } => true,
        }
    }

    pub(crate) async fn run(&self, w: &Work<'_>) {
        use FederationRequest as R;
        let c = w.client;
        match self {
            R::ListProviders { filter } => w.list(providers(w, filter).await),
            R::GetProvider { id } => w.one(c.get_identity_provider(id).await),
            R::CreateProvider { details, metadata } => match read_metadata(metadata).await {
                Ok(xml) => {
                    let details = CreateIdentityProviderDetails {
                        metadata: xml,
                        ..details.clone()
                    };
                    w.one(c.create_identity_provider(&details).await);
                }
                Err(f) => w.fail(f),
            },
            R::UpdateProvider {
                id,
                details,
                metadata,
                etag,
            } => {
                let mut details = details.clone();
                if let Some(source) = metadata {
                    match read_metadata(source).await {
                        Ok(xml) => details.metadata = Some(xml),
                        Err(f) => return w.fail(f),
                    }
                }
                w.one(
                    c.update_identity_provider(id, &details, etag.as_deref())
                        .await,
                );
            }
            R::DeleteProvider { id } => w.done(c.delete_identity_provider(id, None).await),
            R::ListProviderGroups { id } => w.list(
                c.list_identity_provider_groups(id, None, None)
                    .limit(PAGE_LIMIT)
                    .all()
                    .await,
            ),
            R::ResetScimClient { id } => {
                let answer = c
                    .reset_idp_scim_client(id)
                    .await
                    .map_err(|e| failure(&e))
                    .map(|creds| Payload::Secret {
                        owner: creds.client_id.clone(),
                        secret: Secret::new(creds.client_secret.clone()),
                        item: None,
                    });
                w.send(true, answer);
            }
            R::ListMappings { idp_id } => w.list(mappings(w, idp_id).await),
            R::ListAllMappings => w.list(all_mappings(w).await),
            R::GetMapping { idp_id, id } => w.one(c.get_idp_group_mapping(idp_id, id).await),
            R::CreateMapping { idp_id, details } => {
                w.one(c.create_idp_group_mapping(idp_id, details).await);
            }
            R::UpdateMapping {
                idp_id,
                id,
                details,
                etag,
            } => w.one(
                c.update_idp_group_mapping(idp_id, id, details, etag.as_deref())
                    .await,
            ),
            R::DeleteMapping { idp_id, id } => {
                w.done(c.delete_idp_group_mapping(idp_id, id, None).await);
            }
        }
    }
}

async fn providers(
    w: &Work<'_>,
    filter: &ListFilter,
) -> Result<Vec<IdentityProvider>, crate::api::ApiError> {
    w.client
        .list_identity_providers(SAML2, w.tenancy_id, filter)
        .limit(PAGE_LIMIT)
        .all()
        .await
}

async fn mappings(
    w: &Work<'_>,
    idp_id: &str,
) -> Result<Vec<IdpGroupMapping>, crate::api::ApiError> {
    w.client
        .list_idp_group_mappings(idp_id)
        .limit(PAGE_LIMIT)
        .all()
        .await
}

/// Each provider that is not deleted, with its group mappings.
async fn all_mappings(
    w: &Work<'_>,
) -> Result<Vec<(IdentityProvider, Vec<IdpGroupMapping>)>, crate::api::ApiError> {
    let mut out = Vec::new();
    for idp in providers(w, &ListFilter::default()).await? {
        if idp.lifecycle_state == LifecycleState::Deleted {
            continue;
        }
        let list = mappings(w, &idp.id).await?;
        out.push((idp, list));
    }
    Ok(out)
}

/// The metadata XML: as pasted, or read from the file (bounded, and it must look like XML).
async fn read_metadata(source: &MetadataSource) -> Result<String, Failure> {
    let path = match source {
        MetadataSource::Xml(xml) => return Ok(xml.clone()),
        MetadataSource::File(path) => super::credentials::expand_home(path),
    };
    let cannot = |e: &dyn std::fmt::Display| {
        Failure::local(
            "CannotReadMetadata",
            format!("cannot read {}: {e}", path.display()),
        )
    };
    let size = tokio::fs::metadata(&path)
        .await
        .map_err(|e| cannot(&e))?
        .len();
    if size > MAX_METADATA_BYTES {
        return Err(cannot(&format!(
            "it is {size} bytes; SAML metadata is a few kilobytes"
        )));
    }
    let text = tokio::fs::read_to_string(&path)
        .await
        .map_err(|e| cannot(&e))?;
    if !text.trim_start().starts_with('<') {
        return Err(cannot(&"it is not XML (SAML metadata starts with '<')"));
    }
    Ok(text)
}
