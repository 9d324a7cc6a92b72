//! One identity domain's directory as a snapshot keeps it: its users, groups, memberships and
//! dynamic groups in the classic API's shapes (so the audit reads every domain alike), built
//! from what the Identity Domains (SCIM) API lists.

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};

use super::scim::{ScimDynamicGroup, ScimGroup, ScimUser};
use super::{DynamicGroup, Group, LifecycleState, User, UserGroupMembership};

/// The directory of one identity domain other than Default (whose directory is the classic
/// API's users, groups, memberships and dynamic groups). A user's or group's `compartmentId`
/// is the tenancy, as in the Default domain.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DomainDirectory {
    pub domain_id: String,
    #[serde(default)]
    pub users: Vec<User>,
    #[serde(default)]
    pub groups: Vec<Group>,
    #[serde(default)]
    pub memberships: Vec<UserGroupMembership>,
    #[serde(default)]
    pub dynamic_groups: Vec<DynamicGroup>,
    /// The SCIM `id` of a user or group, by OCID, where the two differ (writes address the
    /// SCIM id; the audit and policies use OCIDs).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub scim_ids: BTreeMap<String, String>,
    /// The `meta.version` of each user and group by OCID, as last read: a change sends it as
    /// `if-match`. Not kept in snapshots.
    #[serde(skip)]
    pub versions: BTreeMap<String, String>,
}

/// The same directory, whatever versions were last read.
impl PartialEq for DomainDirectory {
    fn eq(&self, other: &Self) -> bool {
        (
            &self.domain_id,
            &self.users,
            &self.groups,
            &self.memberships,
            &self.dynamic_groups,
            &self.scim_ids,
        ) == (
            &other.domain_id,
            &other.users,
            &other.groups,
            &other.memberships,
            &other.dynamic_groups,
            &other.scim_ids,
        )
    }
}

impl DomainDirectory {
    pub fn sort(&mut self) {
        self.users.sort_by(|a, b| a.id.cmp(&b.id));
        self.groups.sort_by(|a, b| a.id.cmp(&b.id));
        self.memberships.sort_by(|a, b| a.id.cmp(&b.id));
        self.dynamic_groups.sort_by(|a, b| a.id.cmp(&b.id));
    }

    /// The id a SCIM write addresses for this OCID.
    pub fn scim_id<'a>(&'a self, ocid: &'a str) -> &'a str {
        self.scim_ids.get(ocid).map_or(ocid, String::as_str)
    }

    /// A directory as the Identity Domains API lists it, in the classic shapes: each member of
    /// a group becomes a membership (its `membershipOcid`, else group and user ids joined).
    pub fn from_scim(
        domain_id: &str,
        tenancy_id: &str,
        users: Vec<ScimUser>,
        groups: Vec<ScimGroup>,
        dynamic_groups: Vec<ScimDynamicGroup>,
    ) -> Self {
        let mut scim_ids = BTreeMap::new();
        let mut ocid_of: HashMap<String, String> = HashMap::new();
        let mut remember = |id: &str, ocid: Option<&String>| {
            let ocid = ocid.cloned().unwrap_or_else(|| id.to_string());
            if ocid != id {
                scim_ids.insert(ocid.clone(), id.to_string());
            }
            ocid_of.insert(id.to_string(), ocid.clone());
            ocid
        };
        // Every user and group id first, so members can be turned into OCIDs below.
        let user_ids: Vec<String> = users
            .iter()
            .map(|u| remember(&u.id, u.ocid.as_ref()))
            .collect();
        let group_ids: Vec<String> = groups
            .iter()
            .map(|g| remember(&g.id, g.ocid.as_ref()))
            .collect();
        let mut out = Self {
            domain_id: domain_id.to_string(),
            ..Self::default()
        };
        for (u, id) in users.into_iter().zip(user_ids) {
            if let Some(meta) = &u.meta {
                out.versions.insert(id.clone(), meta.version.clone());
            }
            let primary = u
                .emails
                .iter()
                .find(|e| e.primary)
                .or_else(|| u.emails.first());
            let email = primary.map(|e| e.value.clone());
            let email_verified = primary.and_then(|e| e.verified);
            let description = u.description.clone().or(u.display_name.clone());
            out.users.push(User {
                id: id.into(),
                compartment_id: tenancy_id.into(),
                name: u.user_name,
                description: description.unwrap_or_default(),
                email,
                email_verified,
                db_user_name: None,
                identity_provider_id: None,
                external_identifier: None,
                time_created: u.meta.map(|m| m.created.into()).unwrap_or_default(),
                lifecycle_state: if u.active == Some(false) {
                    LifecycleState::Inactive
                } else {
                    LifecycleState::Active
                },
                inactive_status: None,
                freeform_tags: super::FreeformTags::default(),
                defined_tags: super::DefinedTags::default(),
                capabilities: None,
                is_mfa_activated: false,
                last_successful_login_time: None,
                previous_successful_login_time: None,
            });
        }
        for (g, id) in groups.into_iter().zip(group_ids) {
            if let Some(meta) = &g.meta {
                out.versions.insert(id.clone(), meta.version.clone());
            }
            for m in g.members.iter().flatten() {
                if m.kind
                    .as_deref()
                    .is_some_and(|k| !k.eq_ignore_ascii_case("user"))
                {
                    continue; // a nested group or an app: not a user membership
                }
                let user = m
                    .ocid
                    .clone()
                    .or_else(|| ocid_of.get(&m.value).cloned())
                    .unwrap_or_else(|| m.value.clone());
                out.memberships.push(UserGroupMembership {
                    id: m
                        .membership_ocid
                        .clone()
                        .unwrap_or_else(|| format!("{id}/{user}")),
                    compartment_id: tenancy_id.into(),
                    group_id: id.as_str().into(),
                    user_id: user.into(),
                    time_created: m.date_added.as_deref().unwrap_or_default().into(),
                    lifecycle_state: LifecycleState::Active,
                    inactive_status: None,
                });
            }
            out.groups.push(Group {
                id,
                compartment_id: tenancy_id.to_string(),
                name: g.display_name,
                description: g.extension.and_then(|e| e.description).unwrap_or_default(),
                time_created: g.meta.map(|m| m.created).unwrap_or_default(),
                lifecycle_state: LifecycleState::Active,
                inactive_status: None,
                freeform_tags: super::FreeformTags::default(),
                defined_tags: super::DefinedTags::default(),
            });
        }
        for d in dynamic_groups {
            let id = d.ocid.clone().unwrap_or_else(|| d.id.clone());
            out.dynamic_groups.push(DynamicGroup {
                id,
                compartment_id: tenancy_id.to_string(),
                name: d.display_name,
                description: d.description.unwrap_or_default(),
                matching_rule: d.matching_rule,
                time_created: d.meta.map(|m| m.created).unwrap_or_default(),
                lifecycle_state: LifecycleState::Active,
                inactive_status: None,
                freeform_tags: super::FreeformTags::default(),
                defined_tags: super::DefinedTags::default(),
            });
        }
        out.scim_ids = scim_ids;
        out.sort();
        out
    }

    /// Memberships that are not deleted.
    pub fn live_memberships(&self) -> impl Iterator<Item = &UserGroupMembership> {
        self.memberships
            .iter()
            .filter(|m| m.lifecycle_state != LifecycleState::Deleted)
    }
}
