//! Identity (`/20160918`): one typed async function per OCI operation, named after it in
//! `snake_case`, grouped by resource.

mod compartments;
mod domains;
mod federation;
mod groups;
mod iam_work_requests;
mod policies;
mod tags;
mod tenancy;
mod users;
mod work_requests;
// Credentials and sign-in security.
mod credentials;
mod sign_in;
// Tag tools, bulk operations and locks.
mod bulk;
mod lock_override;
mod tag_tools;

use super::client::Call;
use super::query::ListFilter;

pub use domains::DomainQuery;
pub use work_requests::{WorkRequestKind, WorkRequestWaitError};
// Tag tools, bulk operations and locks.
pub use lock_override::LockOverride;

impl Call {
    /// Adds the shared name/sort/state filters in the SDK's parameter order.
    pub(crate) fn filter(self, f: &ListFilter) -> Self {
        self.query_opt("name", f.name.as_ref())
            .query_opt("sortBy", f.sort_by.as_ref())
            .query_opt("sortOrder", f.sort_order.as_ref())
            .query_opt("lifecycleState", f.lifecycle_state.as_ref())
    }
}
