//! Resource Search (`/20180409`): what a search asks for and the resources it finds. canopy
//! uses it to list other services' resources in a compartment, which Identity cannot.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::tags::{DefinedTags, FreeformTags};

/// `SearchDetails`, polymorphic on `type`: a structured query (`query all resources where
/// compartmentId = '...'`) or free text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type")]
pub enum SearchDetails {
    /// `StructuredSearchDetails`.
    #[serde(rename = "Structured", rename_all = "camelCase")]
    Structured {
        query: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        matching_context_type: Option<String>,
    },
    /// `FreeTextSearchDetails`.
    #[serde(rename = "FreeText", rename_all = "camelCase")]
    FreeText {
        text: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        matching_context_type: Option<String>,
    },
}

impl SearchDetails {
    /// Every resource directly in one compartment.
    pub fn in_compartment(compartment_id: &str) -> Self {
        Self::Structured {
            query: format!("query all resources where compartmentId = '{compartment_id}'"),
            matching_context_type: None,
        }
    }
}

/// `ResourceSummary`: one resource a search found.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ResourceSummary {
    /// `Instance`, `Bucket`, `Volume` ... (the names bulk operations take).
    pub resource_type: String,
    /// The resource's OCID.
    pub identifier: String,
    pub compartment_id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_created: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub availability_domain: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lifecycle_state: Option<String>,
    #[serde(default)]
    pub freeform_tags: FreeformTags,
    #[serde(default)]
    pub defined_tags: DefinedTags,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub system_tags: Option<DefinedTags>,
    /// Type-specific details; the emulator puts here the metadata a bulk operation needs to
    /// name the resource (a bucket's `namespaceName` and `bucketName`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub additional_details: Option<BTreeMap<String, serde_json::Value>>,
}

/// `ResourceSummaryCollection`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ResourceSummaryCollection {
    pub items: Vec<ResourceSummary>,
}
