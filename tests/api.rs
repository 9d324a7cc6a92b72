//! The API client against the emulator, in-process on 127.0.0.1 port 0: every operation,
//! paging, retries under injected faults, exactly-once creates, conflicts, auth failures,
//! the fan-out under throttling, and `canopy export`.

#[path = "api/support.rs"]
mod support;

#[path = "api/credentials.rs"]
mod credentials;
#[path = "api/domains.rs"]
mod domains;
// Every domain's directory (Identity Domains, SCIM).
#[path = "api/domains_directory.rs"]
mod domains_directory;
#[path = "api/export.rs"]
mod export;
#[path = "api/federation.rs"]
mod federation;
#[path = "api/groups_policies.rs"]
mod groups_policies;
#[path = "api/home_region.rs"]
mod home_region;
#[path = "api/lost_answers.rs"]
mod lost_answers;
#[path = "api/organizations.rs"]
mod organizations;
#[path = "api/resilience.rs"]
mod resilience;
#[path = "api/tags.rs"]
mod tags;
#[path = "api/tenancy_compartments.rs"]
mod tenancy_compartments;
#[path = "api/users.rs"]
mod users;
// Tag tools, bulk operations and locks.
#[path = "api/bulk.rs"]
mod bulk;
#[path = "api/fields.rs"]
mod fields;
#[path = "api/tag_tools.rs"]
mod tag_tools;
