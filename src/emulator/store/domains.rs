//! Identity domains and federation in the store: where the emulator serves each domain, what
//! each domain work request does when it succeeds or fails, and identity providers' SCIM
//! clients.

use sha2::{Digest, Sha256};

use super::{Store, WorkKind};
use crate::model::{LifecycleState, ReplicationState, ScimClientCredentials};

/// Where domains are served before the emulator has bound its port (unit tests).
const UNBOUND: &str = "http://127.0.0.1";

/// An identity provider's SCIM client. Only a digest of the secret is kept, so neither the
/// store, a snapshot nor a `Debug` print can reveal it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScimClient {
    pub client_id: String,
    pub secret_sha256: [u8; 32],
}

impl ScimClient {
    /// True when `secret` is this client's current secret.
    pub fn accepts(&self, secret: &str) -> bool {
        Sha256::digest(secret.as_bytes()).as_slice() == self.secret_sha256
    }
}

impl Store {
    /// The URL the emulator serves a domain's directory at: a path on its own listener, which
    /// stands in for every region (so it is the home-region and replica URL as well).
    pub fn domain_url(&self, id: &str) -> String {
        format!(
            "{}/domains/{id}",
            self.endpoint.as_deref().unwrap_or(UNBOUND)
        )
    }

    /// Points every domain, and every replica of it, at this emulator's listener.
    pub fn serve_domains_at(&mut self, endpoint: &str) {
        self.endpoint = Some(endpoint.trim_end_matches('/').to_string());
        let ids: Vec<String> = self.domains.iter().map(|d| d.id.clone()).collect();
        for id in ids {
            let url = self.domain_url(&id);
            if let Some(domain) = self.domains.get_mut(&id) {
                domain.url.clone_from(&url);
                domain.home_region_url.clone_from(&url);
                for replica in &mut domain.replica_regions {
                    replica.url = Some(url.clone());
                    replica.regional_url = Some(url.clone());
                }
            }
        }
    }

    /// Points one domain, and every replica of it, at `url` (its own listener).
    pub fn serve_domain_at(&mut self, id: &str, url: &str) {
        if let Some(domain) = self.domains.get_mut(id) {
            domain.url = url.to_string();
            domain.home_region_url = url.to_string();
            for replica in &mut domain.replica_regions {
                replica.url = Some(url.to_string());
                replica.regional_url = Some(url.to_string());
            }
        }
    }

    /// New credentials for an identity provider's SCIM client: the client id stays, the
    /// secret is new and is answered only this once.
    pub fn reset_scim_client(&mut self, idp_id: &str) -> ScimClientCredentials {
        let client_id = self.scim_clients.get(idp_id).map_or_else(
            || uuid::Uuid::new_v4().simple().to_string(),
            |c| c.client_id.clone(),
        );
        let secret = format!(
            "{}-{}",
            uuid::Uuid::new_v4().simple(),
            uuid::Uuid::new_v4().simple()
        );
        self.scim_clients.insert(
            idp_id.to_string(),
            ScimClient {
                client_id: client_id.clone(),
                secret_sha256: Sha256::digest(secret.as_bytes()).into(),
            },
        );
        ScimClientCredentials {
            client_id,
            client_secret: secret,
        }
    }

    /// The SCIM client of an identity provider, if its credentials were ever reset.
    pub fn scim_client(&self, idp_id: &str) -> Option<&ScimClient> {
        self.scim_clients.get(idp_id)
    }

    /// Applies a domain work request that succeeded.
    pub(super) fn finish_domain(&mut self, kind: &WorkKind) {
        let id = match kind {
            WorkKind::DeleteDomain { id } => {
                // OCI has no DELETED domains: a deleted domain is gone.
                self.domains.remove(id);
                return;
            }
            WorkKind::CreateDomain { id }
            | WorkKind::UpdateDomain { id, .. }
            | WorkKind::ActivateDomain { id }
            | WorkKind::DeactivateDomain { id }
            | WorkKind::ChangeDomainCompartment { id, .. }
            | WorkKind::ChangeDomainLicenseType { id, .. }
            | WorkKind::ReplicateDomain { id, .. } => id,
            _ => return,
        };
        let Some(domain) = self.domains.get_mut(id) else {
            return;
        };
        domain.lifecycle_details = None;
        match kind {
            WorkKind::CreateDomain { .. } | WorkKind::ActivateDomain { .. } => {
                domain.lifecycle_state = LifecycleState::Active;
            }
            WorkKind::DeactivateDomain { .. } => {
                domain.lifecycle_state = LifecycleState::Inactive;
            }
            WorkKind::UpdateDomain { details, .. } => {
                let details = details.clone();
                if let Some(v) = details.display_name {
                    domain.display_name = v;
                }
                if let Some(v) = details.description {
                    domain.description = v;
                }
                if let Some(v) = details.is_hidden_on_login {
                    domain.is_hidden_on_login = v;
                }
                if let Some(v) = details.freeform_tags {
                    domain.freeform_tags = v;
                }
                if let Some(v) = details.defined_tags {
                    domain.defined_tags = v;
                }
            }
            WorkKind::ChangeDomainCompartment { target, .. } => {
                domain.compartment_id.clone_from(target);
            }
            WorkKind::ChangeDomainLicenseType { license_type, .. } => {
                domain.license_type.clone_from(license_type);
            }
            WorkKind::ReplicateDomain { region, .. } => {
                for replica in &mut domain.replica_regions {
                    if replica.region == *region {
                        replica.state = Some(ReplicationState::ReplicationEnabled);
                    }
                }
            }
            _ => {}
        }
    }

    /// Undoes what a domain work request started when it fails: the domain is as before.
    pub(super) fn undo_domain(&mut self, kind: &WorkKind) {
        match kind {
            WorkKind::CreateDomain { id } => {
                self.domains.remove(id);
            }
            WorkKind::DeleteDomain { id } => {
                if let Some(d) = self.domains.get_mut(id) {
                    d.lifecycle_state = LifecycleState::Inactive;
                }
            }
            WorkKind::ReplicateDomain { id, region } => {
                if let Some(d) = self.domains.get_mut(id) {
                    d.replica_regions.retain(|r| r.region != *region);
                }
            }
            WorkKind::UpdateDomain { id, .. }
            | WorkKind::ActivateDomain { id }
            | WorkKind::DeactivateDomain { id }
            | WorkKind::ChangeDomainCompartment { id, .. }
            | WorkKind::ChangeDomainLicenseType { id, .. } => {
                if let Some(d) = self.domains.get_mut(id) {
                    d.lifecycle_details = None;
                }
            }
            _ => {}
        }
    }
}
