//! Standard tags: namespace templates Oracle defines and a tenancy imports, and the body of
//! moving a tag namespace to another compartment.

use serde::{Deserialize, Serialize};

crate::wire_enum!(
    /// A template tag's value type.
    StandardTagDefinitionType {
        Enum => "ENUM",
        String => "STRING",
    }
);

crate::wire_enum!(
    /// Who may change an ENUM template tag's list: nobody (IMMUTABLE), anybody (MUTABLE), or
    /// only by adding values (APPENDABLE).
    EnumMutability {
        Immutable => "IMMUTABLE",
        Mutable => "MUTABLE",
        Appendable => "APPENDABLE",
    }
);

/// `StandardTagNamespaceTemplateSummary`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct StandardTagNamespaceTemplateSummary {
    pub description: String,
    pub standard_tag_namespace_name: String,
    pub status: String,
}

/// `StandardTagDefinitionTemplate`: one tag of a template.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct StandardTagDefinitionTemplate {
    pub description: String,
    pub tag_definition_name: String,
    #[serde(rename = "type")]
    pub tag_type: StandardTagDefinitionType,
    /// ENUM tags only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub possible_values: Option<Vec<String>>,
    #[serde(default)]
    pub is_cost_tracking: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enum_mutability: Option<EnumMutability>,
}

/// `StandardTagNamespaceTemplate`: a template with its tags.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct StandardTagNamespaceTemplate {
    pub description: String,
    pub standard_tag_namespace_name: String,
    pub tag_definition_templates: Vec<StandardTagDefinitionTemplate>,
    pub status: String,
}

impl StandardTagNamespaceTemplate {
    pub fn summary(&self) -> StandardTagNamespaceTemplateSummary {
        StandardTagNamespaceTemplateSummary {
            description: self.description.clone(),
            standard_tag_namespace_name: self.standard_tag_namespace_name.clone(),
            status: self.status.clone(),
        }
    }
}

/// `ImportStandardTagsDetails`: the body of `importStandardTags`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ImportStandardTagsDetails {
    /// Where the namespace is created (the root compartment).
    pub compartment_id: String,
    pub standard_tag_namespace_name: String,
}

/// `ChangeTagNamespaceCompartmentDetail` (singular, as the API spells it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ChangeTagNamespaceCompartmentDetail {
    pub compartment_id: String,
}
