//! Contract tests for the emulator, over real HTTP on 127.0.0.1 with signed requests: paging
//! and filters, etags, retry tokens, signature rejection, work requests, errors, faults.

#[path = "common/seed.rs"]
mod seed;
#[path = "emulator/support.rs"]
mod support;

#[path = "emulator/auth.rs"]
mod auth;
#[path = "emulator/connections.rs"]
mod connections;
#[path = "emulator/credentials.rs"]
mod credentials;
#[path = "emulator/domains.rs"]
mod domains;
#[path = "emulator/errors.rs"]
mod errors;
#[path = "emulator/etags.rs"]
mod etags;
#[path = "emulator/faults.rs"]
mod faults;
#[path = "emulator/federation.rs"]
mod federation;
#[path = "emulator/paging.rs"]
mod paging;
#[path = "emulator/regions.rs"]
mod regions;
#[path = "emulator/resources.rs"]
mod resources;
// Every domain's directory (Identity Domains, SCIM).
#[path = "emulator/retry_tokens.rs"]
mod retry_tokens;
#[path = "emulator/scim.rs"]
mod scim;
#[path = "emulator/sign_in.rs"]
mod sign_in;
#[path = "emulator/work_requests.rs"]
mod work_requests;
// Tag tools, bulk operations and locks.
#[path = "emulator/bulk.rs"]
mod bulk;
#[path = "emulator/locks.rs"]
mod locks;
#[path = "emulator/tag_defaults.rs"]
mod tag_defaults;
#[path = "emulator/tag_tools.rs"]
mod tag_tools;
