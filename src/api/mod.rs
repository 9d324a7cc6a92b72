//! The signed HTTP client for Identity and Organizations, and `canopy export`.
//!
//! - [`Client`]: one reqwest client per tenancy; signs every request through [`SignRequest`],
//!   retries what is safe to retry ([`RetryPolicy`]), and counts what it sent.
//! - One typed async function per OCI operation (`identity/`, `organizations.rs`), named after
//!   the operation in `snake_case`; gets return [`Etagged`] values, lists a [`Pager`].
//! - [`try_fan_out`]: the same call for many things, throttle-aware.
//! - [`connect`]: a client from the command line's connection flags, or the demo emulator.
//! - [`export`]: the whole tenancy as a [`Snapshot`](crate::model::Snapshot).

mod call;
mod client;
mod congestion;
mod connect;
/// Every domain's directory (Identity Domains, SCIM).
mod domains_directory;
mod error;
mod etagged;
mod fanout;
mod identity;
mod lost_answer;
mod organizations;
mod paging;
mod query;
mod retry;
/// Resource Search (tag tools).
mod search;
mod sign_pool;
mod signer;

pub mod export;

#[cfg(test)]
mod http_tests;

pub use client::{
    CallObserver, CallRecord, Client, ClientOptions, Endpoints, IDENTITY_PATH, ORGANIZATIONS_PATH,
    Service,
};
pub use congestion::Congestion;
pub use connect::{ConnectError, Connection, connect, connect_with};
pub use error::{ApiError, ErrorKind, ServiceError};
pub use etagged::Etagged;
pub use fanout::try_fan_out;
pub use identity::{DomainQuery, LockOverride, WorkRequestKind, WorkRequestWaitError};
pub use organizations::CreatedInvitation;
pub use paging::{Page, Pager};
pub use query::MfaTotpDeviceQuery;
pub use query::{
    AccessLevel, CompartmentQuery, InvitationSortBy, ListFilter, MembershipQuery,
    SenderInvitationQuery, SortBy, SortOrder, TagDefaultQuery, TagNamespaceQuery, UserQuery,
};
pub use retry::{Jitter, RetryPolicy};
pub use signer::SignRequest;
