//! Bulk operations: editing defined tags on many resources at once, deleting many tag
//! definitions, and moving or deleting many resources of a compartment.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::tags::DefinedTags;

/// `BulkEditTagsResourceType`: a resource type whose tags can be edited in bulk.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BulkEditTagsResourceType {
    pub resource_type: String,
    /// What besides the OCID identifies such a resource (a bucket: `namespaceName`,
    /// `bucketName`).
    #[serde(default)]
    pub metadata_keys: Vec<String>,
}

/// `BulkEditTagsResourceTypeCollection`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BulkEditTagsResourceTypeCollection {
    pub items: Vec<BulkEditTagsResourceType>,
}

crate::wire_enum!(
    /// What a bulk edit does with each defined tag it names: `ADD_WHERE_ABSENT` adds it where
    /// the resource lacks it, `SET_WHERE_PRESENT` changes its value where it has it,
    /// `ADD_OR_SET` does both, `REMOVE` removes it whatever its value.
    BulkEditOperationType {
        AddWhereAbsent => "ADD_WHERE_ABSENT",
        SetWherePresent => "SET_WHERE_PRESENT",
        AddOrSet => "ADD_OR_SET",
        Remove => "REMOVE",
    }
);

/// `BulkEditOperationDetails`: one operation and the defined tags it applies.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BulkEditOperationDetails {
    pub operation_type: BulkEditOperationType,
    pub defined_tags: DefinedTags,
}

/// `BulkEditResource`: a resource a bulk tag edit applies to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BulkEditResource {
    pub id: String,
    /// One of the types `listBulkEditTagsResourceTypes` returns.
    pub resource_type: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata: Option<BTreeMap<String, String>>,
}

/// `BulkEditTagsDetails`: the body of `bulkEdit`. No two operations may name the same tag.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BulkEditTagsDetails {
    /// The compartment the resources are in.
    pub compartment_id: String,
    pub resources: Vec<BulkEditResource>,
    pub bulk_edit_operations: Vec<BulkEditOperationDetails>,
}

/// `BulkDeleteTagsDetails`: retired tag definitions of one namespace to delete.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BulkDeleteTagsDetails {
    pub tag_definition_ids: Vec<String>,
}

crate::wire_enum!(
    /// The `bulkActionType` of `listBulkActionResourceTypes`.
    BulkActionType {
        BulkMoveResources => "BULK_MOVE_RESOURCES",
        BulkDeleteResources => "BULK_DELETE_RESOURCES",
    }
);

/// `BulkActionResourceType`: a resource type bulk move or delete supports.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BulkActionResourceType {
    pub name: String,
    #[serde(default)]
    pub metadata_keys: Vec<String>,
}

/// `BulkActionResourceTypeCollection`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BulkActionResourceTypeCollection {
    pub items: Vec<BulkActionResourceType>,
}

/// `BulkActionResource`: a resource to move or delete.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BulkActionResource {
    /// The resource's OCID.
    pub identifier: String,
    /// One of the names `listBulkActionResourceTypes` returns.
    pub entity_type: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata: Option<BTreeMap<String, String>>,
}

/// `BulkMoveResourcesDetails`: the body of `bulkMoveResources`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BulkMoveResourcesDetails {
    pub resources: Vec<BulkActionResource>,
    pub target_compartment_id: String,
}

/// `BulkDeleteResourcesDetails`: the body of `bulkDeleteResources`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BulkDeleteResourcesDetails {
    pub resources: Vec<BulkActionResource>,
}
