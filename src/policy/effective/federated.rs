//! Federated users: people who sign in through a SAML identity provider are not IAM users.
//! They reach IAM groups through the provider's group mappings, so the audit treats each
//! mapped identity-provider group as a principal of its own (`IdP group X of provider Z`),
//! a member of every group it is mapped to. Answers then say how: `member of IdP group X
//! mapped to group Y via provider Z`.

use std::collections::HashMap;

use super::live;
use crate::model::Snapshot;

/// The prefix of a federated principal's key, so it can never collide with an OCID.
const KEY: &str = "idp-group:";

/// One identity-provider group as the audit knows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdpGroup {
    /// The group's name at the provider (e.g. an Active Directory group).
    pub name: String,
    /// The identity provider's name.
    pub provider: String,
}

impl IdpGroup {
    /// How a person reads it: `IdP group OCI-Auditors of acme-adfs`.
    pub fn label(&self) -> String {
        format!("IdP group {} of {}", self.name, self.provider)
    }
}

/// Every mapped identity-provider group, by key, and the IAM groups each is mapped to.
pub(super) struct Mapped {
    pub groups: HashMap<String, IdpGroup>,
    pub member_of: HashMap<String, Vec<String>>,
}

/// The key of an identity-provider group: provider OCID and group name.
fn key(provider_id: &str, name: &str) -> String {
    format!("{KEY}{provider_id}:{name}")
}

/// The live mappings of live providers to live groups.
pub(super) fn mapped(snapshot: &Snapshot) -> Mapped {
    let providers: HashMap<&str, &str> = snapshot
        .identity_providers
        .iter()
        .filter(|p| live(&p.lifecycle_state))
        .map(|p| (p.id.as_str(), p.name.as_str()))
        .collect();
    let mut out = Mapped {
        groups: HashMap::new(),
        member_of: HashMap::new(),
    };
    for m in snapshot
        .idp_group_mappings
        .iter()
        .filter(|m| live(&m.lifecycle_state))
    {
        let Some(provider) = providers.get(m.idp_id.as_str()) else {
            continue;
        };
        let k = key(&m.idp_id, &m.idp_group_name);
        out.groups.entry(k.clone()).or_insert_with(|| IdpGroup {
            name: m.idp_group_name.clone(),
            provider: (*provider).to_string(),
        });
        let groups = out.member_of.entry(k).or_default();
        if !groups.contains(&m.group_id) {
            groups.push(m.group_id.clone());
        }
    }
    out
}

/// Whether `id` names a federated principal rather than an IAM user.
pub fn is_federated(id: &str) -> bool {
    id.starts_with(KEY)
}
