//! Domain types: the resources of an OCI tenancy as they travel on the wire (serde, camelCase),
//! shared by the client, the emulator, the policy engine and the UI. No I/O here.

mod wire_enum;

pub mod compartment;
pub mod domain;
pub mod federation;
pub mod group;
pub mod invitation;
pub mod lifecycle;
pub mod policy;
pub mod snapshot;
pub mod tag;
pub mod tags;
pub mod tenancy;
pub mod user;
pub mod work_request;
// Credentials and sign-in security.
pub mod authentication_policy;
pub mod credential_kind;
pub mod credentials;
pub mod mfa;
pub mod network_source;
pub mod oauth2;
pub mod secret;
// Tag tools, bulk operations and locks.
pub mod bulk;
pub mod compartment_resource;
pub mod lock;
pub mod search;
pub mod standard_tags;
// Every domain's directory (Identity Domains, SCIM).
pub mod domain_directory;
pub mod records;
pub mod scim;
pub mod shared_id;

/// A time as the API writes it (`2024-10-26T03:36:28.518Z`): up to 24 bytes are held inline,
/// so the 350,000 users and memberships of a large tenancy carry no allocation each for it.
pub type Timestamp = compact_str::CompactString;

pub use compartment::*;
pub use domain::*;
pub use federation::*;
pub use group::*;
pub use invitation::*;
pub use lifecycle::LifecycleState;
pub use policy::*;
pub use records::Records;
pub use shared_id::SharedId;
pub use snapshot::{Snapshot, WorkRequestHistory};
pub use tag::*;
pub use tags::{DefinedTags, FreeformTags};
pub use tenancy::*;
pub use user::*;
pub use work_request::*;
// Credentials and sign-in security.
pub use authentication_policy::*;
pub use credential_kind::{Credential, CredentialKind};
pub use credentials::*;
pub use mfa::*;
pub use network_source::*;
pub use oauth2::*;
pub use secret::Secret;
// Tag tools, bulk operations and locks.
pub use bulk::*;
pub use compartment_resource::CompartmentResource;
pub use lock::{AddLockDetails, LockType, RemoveLockDetails, ResourceLock};
pub use search::{ResourceSummary, ResourceSummaryCollection, SearchDetails};
pub use standard_tags::*;
// Every domain's directory (Identity Domains, SCIM).
pub use domain_directory::DomainDirectory;

/// An OCI error body: `{"code": "...", "message": "..."}`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ErrorBody {
    pub code: String,
    pub message: String,
}
