//! Tag namespaces, tag definitions (keys), their validators, and tag defaults.

use serde::{Deserialize, Serialize};

use super::lifecycle::LifecycleState;
use super::lock::{AddLockDetails, ResourceLock};
use super::tags::{DefinedTags, FreeformTags};

/// Serves as both `TagNamespace` and `TagNamespaceSummary`: the fields are the same.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TagNamespace {
    pub id: String,
    pub compartment_id: String,
    pub name: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub freeform_tags: FreeformTags,
    #[serde(default)]
    pub defined_tags: DefinedTags,
    #[serde(default)]
    pub is_retired: bool,
    #[serde(default)]
    pub lifecycle_state: LifecycleState,
    #[serde(default)]
    pub time_created: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locks: Option<Vec<ResourceLock>>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CreateTagNamespaceDetails {
    pub compartment_id: String,
    pub name: String,
    pub description: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub freeform_tags: Option<FreeformTags>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub defined_tags: Option<DefinedTags>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locks: Option<Vec<AddLockDetails>>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UpdateTagNamespaceDetails {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_retired: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub freeform_tags: Option<FreeformTags>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub defined_tags: Option<DefinedTags>,
}

/// What values a tag accepts; polymorphic on `validatorType` on the wire.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "validatorType")]
pub enum TagValidator {
    /// Free-form: any value.
    #[serde(rename = "DEFAULT")]
    Default,
    /// One of a fixed list of values.
    #[serde(rename = "ENUM")]
    Enum { values: Vec<String> },
}

/// Serves as both `Tag` and `TagSummary`; the summary lacks the namespace and validator.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Tag {
    pub compartment_id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tag_namespace_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tag_namespace_name: Option<String>,
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub freeform_tags: FreeformTags,
    #[serde(default)]
    pub defined_tags: DefinedTags,
    #[serde(default)]
    pub is_retired: bool,
    #[serde(default)]
    pub lifecycle_state: LifecycleState,
    #[serde(default)]
    pub time_created: String,
    #[serde(default)]
    pub is_cost_tracking: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub validator: Option<TagValidator>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CreateTagDetails {
    pub name: String,
    pub description: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub freeform_tags: Option<FreeformTags>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub defined_tags: Option<DefinedTags>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_cost_tracking: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub validator: Option<TagValidator>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UpdateTagDetails {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_retired: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub freeform_tags: Option<FreeformTags>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub defined_tags: Option<DefinedTags>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_cost_tracking: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub validator: Option<TagValidator>,
}

/// Serves as both `TagDefault` and `TagDefaultSummary`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TagDefault {
    pub id: String,
    pub compartment_id: String,
    pub tag_namespace_id: String,
    pub tag_definition_id: String,
    pub tag_definition_name: String,
    pub value: String,
    #[serde(default)]
    pub time_created: String,
    #[serde(default)]
    pub lifecycle_state: LifecycleState,
    #[serde(default)]
    pub is_required: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locks: Option<Vec<ResourceLock>>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CreateTagDefaultDetails {
    pub compartment_id: String,
    pub tag_definition_id: String,
    pub value: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_required: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locks: Option<Vec<AddLockDetails>>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UpdateTagDefaultDetails {
    pub value: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_required: Option<bool>,
}
