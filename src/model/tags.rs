//! Free-form and defined tags as they appear on every taggable resource.

use std::collections::BTreeMap;

/// `{"key": "value"}`.
pub type FreeformTags = BTreeMap<String, String>;
/// `{"Namespace": {"key": <any JSON value>}}`.
pub type DefinedTags = BTreeMap<String, BTreeMap<String, serde_json::Value>>;
