//! Each identity domain's directory as the Identity Domains (SCIM) API carries it at the
//! domain's URL: users, groups with their members, dynamic groups, lists and PATCH operations
//! (the snapshot keeps them as a `DomainDirectory`).

use serde::{Deserialize, Serialize};

pub const SCHEMA_USER: &str = "urn:ietf:params:scim:schemas:core:2.0:User";
pub const SCHEMA_GROUP: &str = "urn:ietf:params:scim:schemas:core:2.0:Group";
pub const SCHEMA_GROUP_EXTENSION: &str =
    "urn:ietf:params:scim:schemas:oracle:idcs:extension:group:Group";
pub const SCHEMA_DYNAMIC_GROUP: &str =
    "urn:ietf:params:scim:schemas:oracle:idcs:DynamicResourceGroup";
pub const SCHEMA_LIST: &str = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
pub const SCHEMA_PATCH: &str = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

/// `meta`: when a resource was made and changed, and its version (the SCIM etag, sent back
/// as `if-match`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ScimMeta {
    #[serde(default)]
    pub resource_type: String,
    #[serde(default)]
    pub created: String,
    #[serde(default)]
    pub last_modified: String,
    #[serde(default)]
    pub version: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ScimEmail {
    pub value: String,
    #[serde(default, rename = "type")]
    pub kind: String,
    #[serde(default)]
    pub primary: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub verified: Option<bool>,
}

/// A reference to a user or group: a group's `members` and a user's `groups`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ScimRef {
    pub value: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ocid: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display: Option<String>,
    #[serde(default, rename = "type", skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub membership_ocid: Option<String>,
    /// When the member was added.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_added: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ScimName {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub given_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub family_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub formatted: Option<String>,
}

/// A user of a domain. In the emulator the SCIM `id` is the user's OCID.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ScimUser {
    #[serde(default)]
    pub schemas: Vec<String>,
    #[serde(default)]
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ocid: Option<String>,
    #[serde(default)]
    pub user_name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<ScimName>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub emails: Vec<ScimEmail>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub active: Option<bool>,
    /// Read-only: the groups the user is a direct member of.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub groups: Vec<ScimRef>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub domain_ocid: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub compartment_ocid: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenancy_ocid: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meta: Option<ScimMeta>,
}

/// `urn:ietf:params:scim:schemas:oracle:idcs:extension:group:Group`: where a group's
/// description lives.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ScimGroupExtension {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

/// A group of a domain with its members. In the emulator the SCIM `id` is the group's OCID.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ScimGroup {
    #[serde(default)]
    pub schemas: Vec<String>,
    #[serde(default)]
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ocid: Option<String>,
    #[serde(default)]
    pub display_name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub members: Option<Vec<ScimRef>>,
    #[serde(
        default,
        rename = "urn:ietf:params:scim:schemas:oracle:idcs:extension:group:Group",
        skip_serializing_if = "Option::is_none"
    )]
    pub extension: Option<ScimGroupExtension>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub domain_ocid: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub compartment_ocid: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenancy_ocid: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meta: Option<ScimMeta>,
}

/// A dynamic group of a domain (`/DynamicResourceGroups`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ScimDynamicGroup {
    #[serde(default)]
    pub schemas: Vec<String>,
    #[serde(default)]
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ocid: Option<String>,
    #[serde(default)]
    pub display_name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default)]
    pub matching_rule: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub domain_ocid: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meta: Option<ScimMeta>,
}

/// A SCIM list answer: 1-based `startIndex`, `itemsPerPage`, `totalResults`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ScimList<T> {
    #[serde(default)]
    pub schemas: Vec<String>,
    #[serde(default)]
    pub total_results: usize,
    #[serde(default = "Vec::new", rename = "Resources")]
    pub resources: Vec<T>,
    #[serde(default)]
    pub start_index: usize,
    #[serde(default)]
    pub items_per_page: usize,
}

/// One operation of a SCIM PATCH (`add`, `remove`, `replace`), e.g. adding a group member.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScimPatchOperation {
    pub op: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<serde_json::Value>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ScimPatch {
    #[serde(rename = "schemas", default)]
    pub schemas: Vec<String>,
    pub operations: Vec<ScimPatchOperation>,
}

impl ScimPatch {
    /// Replaces a group's description (in the Oracle group extension).
    pub fn description(text: &str) -> Self {
        Self {
            schemas: vec![SCHEMA_PATCH.to_string()],
            operations: vec![ScimPatchOperation {
                op: "replace".to_string(),
                path: Some(format!("{SCHEMA_GROUP_EXTENSION}:description")),
                value: Some(serde_json::Value::String(text.to_string())),
            }],
        }
    }

    /// One more `replace` of `path` with `value` in the same request.
    pub fn replace(&mut self, path: &str, value: serde_json::Value) {
        self.operations.push(ScimPatchOperation {
            op: "replace".to_string(),
            path: Some(path.to_string()),
            value: Some(value),
        });
    }

    /// Adds (or removes) one user to (from) a group.
    pub fn member(add: bool, user_id: &str) -> Self {
        let (op, path, value) = if add {
            (
                "add",
                "members".to_string(),
                Some(serde_json::json!([{ "value": user_id, "type": "User" }])),
            )
        } else {
            ("remove", format!("members[value eq \"{user_id}\"]"), None)
        };
        Self {
            schemas: vec![SCHEMA_PATCH.to_string()],
            operations: vec![ScimPatchOperation {
                op: op.to_string(),
                path: Some(path),
                value,
            }],
        }
    }
}
