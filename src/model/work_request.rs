//! Work requests: how the service reports progress of asynchronous deletes and moves.

use serde::{Deserialize, Serialize};

crate::wire_enum!(
    /// Where a work request stands.
    WorkRequestStatus {
        Accepted => "ACCEPTED",
        InProgress => "IN_PROGRESS",
        Failed => "FAILED",
        Succeeded => "SUCCEEDED",
        Canceling => "CANCELING",
        Canceled => "CANCELED",
    }
);

impl WorkRequestStatus {
    /// True once the work request will not change any more.
    pub fn is_finished(&self) -> bool {
        matches!(self, Self::Failed | Self::Succeeded | Self::Canceled)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct WorkRequestResource {
    pub identifier: String,
    pub entity_type: String,
    pub action_type: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entity_uri: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct WorkRequestError {
    pub code: String,
    pub message: String,
    #[serde(default)]
    pub timestamp: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct WorkRequestLogEntry {
    pub message: String,
    #[serde(default)]
    pub timestamp: String,
}

/// Serves as both `WorkRequest` and `WorkRequestSummary` (which lacks `logs`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct WorkRequest {
    pub id: String,
    pub operation_type: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub compartment_id: Option<String>,
    pub status: WorkRequestStatus,
    #[serde(default)]
    pub resources: Vec<WorkRequestResource>,
    #[serde(default)]
    pub errors: Vec<WorkRequestError>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub logs: Option<Vec<WorkRequestLogEntry>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_accepted: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_started: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_finished: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub percent_complete: Option<f64>,
}
