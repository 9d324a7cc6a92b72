//! Typed work for the background worker and what comes back. A request is tagged with an id
//! and its owning pane; responses carry the same id so superseded ones can be dropped.

use crate::model::{
    Compartment, CreateCompartmentDetails, CreatePolicyDetails, Policy, Tenancy,
    UpdateCompartmentDetails, UpdatePolicyDetails, WorkRequest,
};

use super::pane_id::PaneId;

/// Unique within a session, increasing: a newer request has a larger id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct RequestId(pub u64);

#[derive(Debug, Clone, PartialEq)]
pub struct Request {
    pub id: RequestId,
    /// The pane the response goes back to.
    pub pane: PaneId,
    pub kind: RequestKind,
}

/// One unit of work. Lists that arrive in pages answer with several responses, the last one
/// marked `done`.
#[derive(Debug, Clone, PartialEq)]
pub enum RequestKind {
    /// The tenancy itself, for the header.
    GetTenancy,
    /// Every compartment of the tenancy in one subtree listing, all lifecycle states.
    ListCompartments,
    CreateCompartment(CreateCompartmentDetails),
    UpdateCompartment {
        id: String,
        details: UpdateCompartmentDetails,
    },
    /// Answers with the work request as it progresses, until it finishes.
    MoveCompartment {
        id: String,
        target_id: String,
    },
    /// Answers with the work request as it progresses, until it finishes.
    DeleteCompartment {
        id: String,
    },
    RecoverCompartment {
        id: String,
    },
    /// The policies of these compartments (fan-out), answered page by page.
    ListPolicies {
        compartment_ids: Vec<String>,
    },
    /// One policy with its etag (before editing, and after a conflict).
    GetPolicy {
        id: String,
    },
    CreatePolicy(CreatePolicyDetails),
    /// Sent with `if-match: etag`; a 412 comes back as a conflict failure.
    UpdatePolicy {
        id: String,
        details: UpdatePolicyDetails,
        etag: Option<String>,
    },
    DeletePolicy {
        id: String,
    },
}

impl RequestKind {
    /// True for the requests that change the tenancy (refused in read-only mode, a second
    /// line of defence behind the hidden actions).
    pub fn is_write(&self) -> bool {
        !matches!(
            self,
            RequestKind::GetTenancy
                | RequestKind::ListCompartments
                | RequestKind::ListPolicies { .. }
                | RequestKind::GetPolicy { .. }
        )
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Response {
    pub id: RequestId,
    pub pane: PaneId,
    /// False while more responses for the same request will follow (pages, work requests).
    pub done: bool,
    pub result: Result<Payload, Failure>,
}

/// The data a response carries.
#[derive(Debug, Clone, PartialEq)]
pub enum Payload {
    Tenancy(Tenancy),
    Compartments(Vec<Compartment>),
    Compartment(Compartment),
    /// One page of a policy listing.
    Policies(Vec<Policy>),
    Policy {
        policy: Policy,
        etag: Option<String>,
    },
    /// A work request's latest state.
    WorkRequest(WorkRequest),
    /// A write that returns nothing.
    Done,
}

/// A failed request as the user needs to see it: the OCI code, message and opc-request-id,
/// and what to do about it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Failure {
    /// HTTP status; `None` for transport failures (no answer at all).
    pub status: Option<u16>,
    pub code: String,
    pub message: String,
    pub opc_request_id: Option<String>,
    pub hint: Option<String>,
}

impl Failure {
    /// A failure that never reached the service (connection refused, timeout, bad config).
    pub fn local(code: &str, message: impl Into<String>) -> Self {
        Failure {
            status: None,
            code: code.to_string(),
            message: message.into(),
            opc_request_id: None,
            hint: None,
        }
    }

    /// 412: someone else changed the resource since we read it.
    pub fn is_conflict(&self) -> bool {
        self.status == Some(412)
    }

    /// One line: `412 NoEtagMatch: message (opc-request-id ...)`.
    pub fn summary(&self) -> String {
        let mut s = match self.status {
            Some(status) => format!("{status} {}: {}", self.code, self.message),
            None => format!("{}: {}", self.code, self.message),
        };
        if let Some(id) = &self.opc_request_id {
            s = format!("{s} (opc-request-id {id})");
        }
        s
    }
}

/// One API call as the command log shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CallRecord {
    pub method: String,
    pub path: String,
    /// `None` when no response arrived.
    pub status: Option<u16>,
    pub duration_ms: u64,
}
