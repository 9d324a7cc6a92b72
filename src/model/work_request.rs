//! Work requests: how the service reports progress of asynchronous deletes and moves
//! (classic `WorkRequest`), of tag deletes (`TaggingWorkRequest`) and of identity-domain
//! operations (`IamWorkRequest`).

use serde::{Deserialize, Serialize};

crate::wire_enum!(
    /// Where a work request stands (`PARTIALLY_SUCCEEDED`: tagging bulk operations only).
    WorkRequestStatus {
        Accepted => "ACCEPTED",
        InProgress => "IN_PROGRESS",
        Failed => "FAILED",
        Succeeded => "SUCCEEDED",
        PartiallySucceeded => "PARTIALLY_SUCCEEDED",
        Canceling => "CANCELING",
        Canceled => "CANCELED",
    }
);

impl WorkRequestStatus {
    /// True once the work request will not change any more.
    pub fn is_finished(&self) -> bool {
        matches!(
            self,
            Self::Failed | Self::Succeeded | Self::PartiallySucceeded | Self::Canceled
        )
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

/// `IamWorkRequestErrorSummary` has the fields of a classic work request's error.
pub type IamWorkRequestErrorSummary = WorkRequestError;
/// `IamWorkRequestLogSummary` has the fields of a classic work request's log entry.
pub type IamWorkRequestLogSummary = WorkRequestLogEntry;

/// `IamWorkRequest` and `IamWorkRequestSummary`: identity-domain operations. Unlike the
/// classic [`WorkRequest`] it carries no errors or logs; those are listed separately.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct IamWorkRequest {
    pub id: String,
    /// e.g. `CREATE_DOMAIN`, `DEACTIVATE_DOMAIN`, `REPLICATE_DOMAIN_TO_REGION`.
    pub operation_type: String,
    pub status: WorkRequestStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub compartment_id: Option<String>,
    #[serde(default)]
    pub resources: Vec<WorkRequestResource>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub percent_complete: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_accepted: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_started: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_finished: Option<String>,
}

/// `TaggingWorkRequest` (and its summary) has exactly the fields of an [`IamWorkRequest`].
pub type TaggingWorkRequest = IamWorkRequest;

/// One shape for every kind, so a single poller can follow them all; errors and logs stay
/// empty until listed.
impl From<IamWorkRequest> for WorkRequest {
    fn from(w: IamWorkRequest) -> Self {
        Self {
            id: w.id,
            operation_type: w.operation_type,
            compartment_id: w.compartment_id,
            status: w.status,
            resources: w.resources,
            errors: Vec::new(),
            logs: None,
            time_accepted: w.time_accepted,
            time_started: w.time_started,
            time_finished: w.time_finished,
            percent_complete: w.percent_complete,
        }
    }
}
