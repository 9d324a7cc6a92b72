//! Typed work for the background worker and what comes back. Requests come in one sub-enum
//! per API family, each in its own file with the exhaustive `match` that runs it; a request is
//! tagged with an id and its owning pane, and responses carry the same id so superseded ones
//! can be dropped.

mod bulk;
mod compartments;
mod credentials;
/// Every domain's directory (Identity Domains, SCIM).
mod directory;
mod domains;
mod federation;
mod identity;
mod invitations;
mod payload;
mod policies;
mod sign_in;
mod tags;
mod tenancy;
mod work_requests;

pub use bulk::BulkRequest;
pub use compartments::CompartmentRequest;
pub use credentials::{ApiKeySource, CredentialChange, CredentialRequest, NewCredential};
pub use directory::DirectoryRequest;
pub use domains::{DomainChange, DomainRequest};
pub use federation::{FederationRequest, MetadataSource};
pub use identity::IdentityRequest;
pub use invitations::InvitationRequest;
pub use payload::{Item, Items, Payload, Secret};
pub use policies::{PolicyRequest, RefusedCompartments};
pub use sign_in::SignInRequest;
pub use tags::TagRequest;
pub use tenancy::{SharedSnapshot, TenancyRequest};
pub use work_requests::{WorkRequestApi, WorkRequestRequest};

use super::panes::PaneId;
use super::worker::Work;

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

/// One unit of work, by API family. Lists that arrive in pages and work requests answer with
/// several responses, the last one marked `done`.
#[derive(Debug, Clone, PartialEq)]
pub enum RequestKind {
    Tenancy(TenancyRequest),
    Compartments(CompartmentRequest),
    Policies(PolicyRequest),
    Identity(IdentityRequest),
    Credentials(CredentialRequest),
    SignIn(SignInRequest),
    Tags(TagRequest),
    Invitations(InvitationRequest),
    Domains(DomainRequest),
    Federation(FederationRequest),
    WorkRequests(WorkRequestRequest),
    Bulk(BulkRequest),
    // Every domain's directory (Identity Domains, SCIM).
    Directory(DirectoryRequest),
}

impl RequestKind {
    /// True for the requests that change the tenancy (refused in read-only mode, a second
    /// line of defence behind the hidden actions).
    pub fn is_write(&self) -> bool {
        match self {
            RequestKind::Tenancy(r) => r.is_write(),
            RequestKind::Compartments(r) => r.is_write(),
            RequestKind::Policies(r) => r.is_write(),
            RequestKind::Identity(r) => r.is_write(),
            RequestKind::Credentials(r) => r.is_write(),
            RequestKind::SignIn(r) => r.is_write(),
            RequestKind::Tags(r) => r.is_write(),
            RequestKind::Invitations(r) => r.is_write(),
            RequestKind::Domains(r) => r.is_write(),
            RequestKind::Federation(r) => r.is_write(),
            RequestKind::WorkRequests(r) => r.is_write(),
            RequestKind::Bulk(r) => r.is_write(),
            RequestKind::Directory(r) => r.is_write(),
        }
    }

    /// Runs the request: each family's file holds its complete `match`.
    pub(crate) async fn run(&self, work: &Work<'_>) {
        match self {
            RequestKind::Tenancy(r) => r.run(work).await,
            RequestKind::Compartments(r) => r.run(work).await,
            RequestKind::Policies(r) => r.run(work).await,
            RequestKind::Identity(r) => r.run(work).await,
            RequestKind::Credentials(r) => r.run(work).await,
            RequestKind::SignIn(r) => r.run(work).await,
            RequestKind::Tags(r) => r.run(work).await,
            RequestKind::Invitations(r) => r.run(work).await,
            RequestKind::Domains(r) => r.run(work).await,
            RequestKind::Federation(r) => r.run(work).await,
            RequestKind::WorkRequests(r) => r.run(work).await,
            RequestKind::Bulk(r) => r.run(work).await,
            RequestKind::Directory(r) => r.run(work).await,
        }
    }
}

macro_rules! family {
    ($($family:ident => $variant:ident),+ $(,)?) => {
        $(impl From<$family> for RequestKind {
            fn from(r: $family) -> Self {
                RequestKind::$variant(r)
            }
        })+
    };
}

family!(
    TenancyRequest => Tenancy,
    CompartmentRequest => Compartments,
    PolicyRequest => Policies,
    IdentityRequest => Identity,
    CredentialRequest => Credentials,
    SignInRequest => SignIn,
    TagRequest => Tags,
    InvitationRequest => Invitations,
    DomainRequest => Domains,
    FederationRequest => Federation,
    WorkRequestRequest => WorkRequests,
    BulkRequest => Bulk,
    DirectoryRequest => Directory,
);

#[derive(Debug, Clone, PartialEq)]
pub struct Response {
    pub id: RequestId,
    pub pane: PaneId,
    /// False while more responses for the same request will follow (pages, work requests).
    pub done: bool,
    pub result: Result<Payload, Failure>,
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

    /// An answer of the wrong shape (a bug, or a service that changed): shown, never hung on.
    pub fn unexpected(what: &str, got: &Payload) -> Self {
        Self::local(
            "UnexpectedAnswer",
            format!("{what} answered with {}", got.describe()),
        )
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
