//! A domain's users, groups and dynamic groups in SCIM form: `schemas`, `ocid`, `meta` (its
//! `version` is the etag a change sends back as `if-match`), members both ways.

use std::collections::HashMap;

use crate::emulator::store::etag_of;
use crate::model::scim::{
    SCHEMA_DYNAMIC_GROUP, SCHEMA_GROUP, SCHEMA_GROUP_EXTENSION, SCHEMA_USER, ScimDynamicGroup,
    ScimEmail, ScimGroup, ScimGroupExtension, ScimMeta, ScimRef, ScimUser,
};
use crate::model::{
    DomainDirectory, DynamicGroup, Group, LifecycleState, User, UserGroupMembership,
};

/// Where the resources of one domain are, for `meta.location` and the `*Ocid` fields.
pub struct Place<'a> {
    pub base: &'a str,
    pub domain_id: &'a str,
    pub tenancy_id: &'a str,
}

fn live(state: &LifecycleState) -> bool {
    *state != LifecycleState::Deleted
}

/// Lookups built once per call, so a directory of 20,000 users is not searched per member.
pub struct Index<'a> {
    pub dir: &'a DomainDirectory,
    users: HashMap<&'a str, &'a User>,
    groups: HashMap<&'a str, &'a Group>,
    by_group: HashMap<&'a str, Vec<&'a UserGroupMembership>>,
    by_user: HashMap<&'a str, Vec<&'a UserGroupMembership>>,
}

impl<'a> Index<'a> {
    pub fn new(dir: &'a DomainDirectory) -> Self {
        let mut by_group: HashMap<&str, Vec<&UserGroupMembership>> = HashMap::new();
        let mut by_user: HashMap<&str, Vec<&UserGroupMembership>> = HashMap::new();
        for m in dir.live_memberships() {
            by_group.entry(&m.group_id).or_default().push(m);
            by_user.entry(&m.user_id).or_default().push(m);
        }
        Self {
            dir,
            users: dir
                .users
                .iter()
                .filter(|u| live(&u.lifecycle_state))
                .map(|u| (u.id.as_str(), u))
                .collect(),
            groups: dir
                .groups
                .iter()
                .filter(|g| live(&g.lifecycle_state))
                .map(|g| (g.id.as_str(), g))
                .collect(),
            by_group,
            by_user,
        }
    }
}

/// Stamps `meta` with a version computed from everything else, so it changes exactly when
/// the resource does.
fn meta<T: serde::Serialize>(
    resource: &T,
    kind: &str,
    created: &str,
    location: String,
) -> ScimMeta {
    ScimMeta {
        resource_type: kind.to_string(),
        created: created.to_string(),
        last_modified: created.to_string(),
        version: etag_of(resource),
        location: Some(location),
    }
}

/// One side of a membership as SCIM names it: the other resource, and the membership.
fn membership_ref(id: &str, name: &str, kind: &str, m: &UserGroupMembership) -> ScimRef {
    ScimRef {
        value: id.to_string(),
        ocid: Some(id.to_string()),
        display: Some(name.to_string()),
        kind: Some(kind.to_string()),
        membership_ocid: Some(m.id.clone()),
        date_added: Some(m.time_created.to_string()).filter(|t| !t.is_empty()),
    }
}

pub fn user(ix: &Index, user: &User, at: &Place) -> ScimUser {
    let groups = ix
        .by_user
        .get(user.id.as_str())
        .into_iter()
        .flatten()
        .filter_map(|m| {
            let group = ix.groups.get(m.group_id.as_str())?;
            Some(membership_ref(&group.id, &group.name, "direct", m))
        })
        .collect();
    let mut out = ScimUser {
        schemas: vec![SCHEMA_USER.to_string()],
        id: user.id.to_string(),
        ocid: Some(user.id.to_string()),
        user_name: user.name.clone(),
        display_name: Some(if user.description.is_empty() {
            user.name.clone()
        } else {
            user.description.clone()
        }),
        description: Some(user.description.clone()).filter(|d| !d.is_empty()),
        name: None,
        emails: user
            .email
            .iter()
            .map(|e| ScimEmail {
                value: e.clone(),
                kind: "work".to_string(),
                primary: true,
                verified: user.email_verified,
            })
            .collect(),
        active: Some(user.lifecycle_state == LifecycleState::Active && !user.is_blocked()),
        groups,
        domain_ocid: Some(at.domain_id.to_string()),
        compartment_ocid: Some(at.tenancy_id.to_string()),
        tenancy_ocid: Some(at.tenancy_id.to_string()),
        meta: None,
    };
    out.meta = Some(meta(
        &out,
        "User",
        &user.time_created,
        format!("{}/admin/v1/Users/{}", at.base, user.id),
    ));
    out
}

pub fn group(ix: &Index, group: &Group, at: &Place) -> ScimGroup {
    let members = ix
        .by_group
        .get(group.id.as_str())
        .into_iter()
        .flatten()
        .filter_map(|m| {
            let user = ix.users.get(m.user_id.as_str())?;
            Some(membership_ref(&user.id, &user.name, "User", m))
        })
        .collect();
    let mut out = ScimGroup {
        schemas: vec![SCHEMA_GROUP.to_string(), SCHEMA_GROUP_EXTENSION.to_string()],
        id: group.id.clone(),
        ocid: Some(group.id.clone()),
        display_name: group.name.clone(),
        members: Some(members),
        extension: Some(ScimGroupExtension {
            description: Some(group.description.clone()),
        }),
        domain_ocid: Some(at.domain_id.to_string()),
        compartment_ocid: Some(at.tenancy_id.to_string()),
        tenancy_ocid: Some(at.tenancy_id.to_string()),
        meta: None,
    };
    out.meta = Some(meta(
        &out,
        "Group",
        &group.time_created,
        format!("{}/admin/v1/Groups/{}", at.base, group.id),
    ));
    out
}

pub fn dynamic_group(group: &DynamicGroup, at: &Place) -> ScimDynamicGroup {
    let mut out = ScimDynamicGroup {
        schemas: vec![SCHEMA_DYNAMIC_GROUP.to_string()],
        id: group.id.clone(),
        ocid: Some(group.id.clone()),
        display_name: group.name.clone(),
        description: Some(group.description.clone()),
        matching_rule: group.matching_rule.clone(),
        domain_ocid: Some(at.domain_id.to_string()),
        meta: None,
    };
    out.meta = Some(meta(
        &out,
        "DynamicResourceGroup",
        &group.time_created,
        format!("{}/admin/v1/DynamicResourceGroups/{}", at.base, group.id),
    ));
    out
}

/// The live users of a directory in SCIM form.
pub fn users(ix: &Index, at: &Place) -> Vec<ScimUser> {
    ix.dir
        .users
        .iter()
        .filter(|u| live(&u.lifecycle_state))
        .map(|u| user(ix, u, at))
        .collect()
}

pub fn groups(ix: &Index, at: &Place) -> Vec<ScimGroup> {
    ix.dir
        .groups
        .iter()
        .filter(|g| live(&g.lifecycle_state))
        .map(|g| group(ix, g, at))
        .collect()
}

pub fn dynamic_groups(dir: &DomainDirectory, at: &Place) -> Vec<ScimDynamicGroup> {
    dir.dynamic_groups
        .iter()
        .filter(|g| live(&g.lifecycle_state))
        .map(|g| dynamic_group(g, at))
        .collect()
}
