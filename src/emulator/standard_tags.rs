//! The standard tag namespace templates the emulator offers for import. The three namespaces,
//! their descriptions, the tag types (STRING, and ENUM lists that are IMMUTABLE, APPENDABLE or
//! MUTABLE) and the `Oracle-Standard` keys `Environment` (e.g. `Dev`) and `Criticality` (e.g.
//! `High`, `Extreme`) are from Oracle's "Understanding Standard Tags" and its tagging guides;
//! the other keys and value lists are the emulator's reconstruction, since Oracle publishes
//! the full templates only in the Console.

use std::sync::OnceLock;

use crate::model::{
    EnumMutability, StandardTagDefinitionTemplate, StandardTagDefinitionType,
    StandardTagNamespaceTemplate,
};

/// Every template, in the order the list returns them.
pub fn templates() -> &'static [StandardTagNamespaceTemplate] {
    static TEMPLATES: OnceLock<Vec<StandardTagNamespaceTemplate>> = OnceLock::new();
    TEMPLATES.get_or_init(build)
}

/// The template with this name (exact, as OCI's names are reserved spellings).
pub fn template(name: &str) -> Option<&'static StandardTagNamespaceTemplate> {
    templates()
        .iter()
        .find(|t| t.standard_tag_namespace_name == name)
}

fn string(name: &str, description: &str) -> StandardTagDefinitionTemplate {
    StandardTagDefinitionTemplate {
        description: description.to_string(),
        tag_definition_name: name.to_string(),
        tag_type: StandardTagDefinitionType::String,
        possible_values: None,
        is_cost_tracking: false,
        // The API documents IMMUTABLE as the value string tags carry.
        enum_mutability: Some(EnumMutability::Immutable),
    }
}

fn list(
    name: &str,
    description: &str,
    mutability: EnumMutability,
    values: &[&str],
) -> StandardTagDefinitionTemplate {
    StandardTagDefinitionTemplate {
        description: description.to_string(),
        tag_definition_name: name.to_string(),
        tag_type: StandardTagDefinitionType::Enum,
        possible_values: Some(values.iter().map(|v| (*v).to_string()).collect()),
        is_cost_tracking: false,
        enum_mutability: Some(mutability),
    }
}

fn namespace(
    name: &str,
    description: &str,
    tags: Vec<StandardTagDefinitionTemplate>,
) -> StandardTagNamespaceTemplate {
    StandardTagNamespaceTemplate {
        description: description.to_string(),
        standard_tag_namespace_name: name.to_string(),
        tag_definition_templates: tags,
        status: "ACTIVE".to_string(),
    }
}

fn build() -> Vec<StandardTagNamespaceTemplate> {
    use EnumMutability::{Appendable, Immutable, Mutable};
    vec![
        namespace(
            "Oracle-ApplicationName",
            "This tag mentions the type of Oracle workload the resource is being used for",
            vec![list(
                "ApplicationName",
                "The Oracle application the resource serves",
                Appendable,
                &[
                    "E-Business Suite",
                    "PeopleSoft",
                    "JD Edwards",
                    "Siebel",
                    "Hyperion",
                    "Oracle Analytics",
                    "Other",
                ],
            )],
        ),
        namespace(
            "Oracle-Standard",
            "Tags are recommended by Oracle to have a consistency across your tenancy",
            vec![
                list(
                    "Environment",
                    "The environment the resource belongs to",
                    Appendable,
                    &["Prod", "Pre-Prod", "Test", "Dev", "DR"],
                ),
                list(
                    "Criticality",
                    "How critical the workload is to the business",
                    Immutable,
                    &["Low", "Medium", "High", "Extreme"],
                ),
                string("CostCenter", "The cost center the resource is charged to"),
                string("OwnerEmail", "E-mail address of the resource's owner"),
                list(
                    "DataClassification",
                    "The most sensitive data the resource holds",
                    Mutable,
                    &["Public", "Internal", "Confidential", "Restricted"],
                ),
            ],
        ),
        namespace(
            "Oracle-Vendor",
            "Oracle vendor tags",
            vec![
                string(
                    "VendorName",
                    "The vendor that supplies or runs the resource",
                ),
                string("SupportContact", "Who to contact at the vendor"),
            ],
        ),
    ]
}
