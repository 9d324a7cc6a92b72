//! A whole tenancy in one value: what `canopy export` writes, what the emulator seeds from,
//! and what the policy engine lints and explains against.

use serde::{Deserialize, Serialize};

use super::{
    Compartment, DynamicGroup, Group, Policy, SenderInvitation, Tag, TagDefault, TagNamespace,
    Tenancy, User, UserGroupMembership,
};

/// Lists are kept in a stable order (see [`Snapshot::sort`]) so two exports of the same
/// tenancy are byte-identical.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Snapshot {
    pub tenancy: Tenancy,
    #[serde(default)]
    pub compartments: Vec<Compartment>,
    #[serde(default)]
    pub users: Vec<User>,
    #[serde(default)]
    pub groups: Vec<Group>,
    #[serde(default)]
    pub memberships: Vec<UserGroupMembership>,
    #[serde(default)]
    pub dynamic_groups: Vec<DynamicGroup>,
    #[serde(default)]
    pub policies: Vec<Policy>,
    #[serde(default)]
    pub tag_namespaces: Vec<TagNamespace>,
    /// Full tag definitions (with namespace id and validator).
    #[serde(default)]
    pub tags: Vec<Tag>,
    #[serde(default)]
    pub tag_defaults: Vec<TagDefault>,
    #[serde(default)]
    pub sender_invitations: Vec<SenderInvitation>,
}

impl Snapshot {
    /// Puts every list in OCID order (tags by namespace, then name), the export's stable order.
    pub fn sort(&mut self) {
        self.compartments.sort_by(|a, b| a.id.cmp(&b.id));
        self.users.sort_by(|a, b| a.id.cmp(&b.id));
        self.groups.sort_by(|a, b| a.id.cmp(&b.id));
        self.memberships.sort_by(|a, b| a.id.cmp(&b.id));
        self.dynamic_groups.sort_by(|a, b| a.id.cmp(&b.id));
        self.policies.sort_by(|a, b| a.id.cmp(&b.id));
        self.tag_namespaces.sort_by(|a, b| a.id.cmp(&b.id));
        self.tags
            .sort_by(|a, b| (&a.tag_namespace_id, &a.name).cmp(&(&b.tag_namespace_id, &b.name)));
        self.tag_defaults.sort_by(|a, b| a.id.cmp(&b.id));
        self.sender_invitations.sort_by(|a, b| a.id.cmp(&b.id));
    }

    /// The compartment with this OCID, or `None` (the tenancy is not a compartment here).
    pub fn compartment(&self, id: &str) -> Option<&Compartment> {
        self.compartments.iter().find(|c| c.id == id)
    }

    /// Names from the root down to `id`, e.g. `["Prod", "AppTier"]`; empty for the tenancy.
    pub fn compartment_path(&self, id: &str) -> Vec<String> {
        let mut path = Vec::new();
        let mut current = id;
        // Bounded by the number of compartments, so a corrupt cycle cannot loop forever.
        for _ in 0..=self.compartments.len() {
            if current == self.tenancy.id {
                break;
            }
            let Some(c) = self.compartment(current) else {
                break;
            };
            path.push(c.name.clone());
            current = &c.compartment_id;
        }
        path.reverse();
        path
    }
}
