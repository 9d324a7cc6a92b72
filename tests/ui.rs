//! TUI tests without a terminal: pure state tests (state + action -> state + requests) and
//! `TestBackend` renders snapshotted with insta, one per pane per state.

#[path = "ui/audit.rs"]
mod audit;
#[path = "ui/credentials.rs"]
mod credentials;
#[path = "ui/domains.rs"]
mod domains;
// Every domain's directory (Identity Domains, SCIM).
#[path = "ui/domain_directory.rs"]
mod domain_directory;
#[path = "ui/domains_kit.rs"]
mod domains_kit;
#[path = "ui/federation.rs"]
mod federation;
#[path = "ui/find_marks.rs"]
mod find_marks;
#[path = "ui/fresh_reads.rs"]
mod fresh_reads;
#[path = "ui/growth.rs"]
mod growth;
#[path = "ui/harness.rs"]
mod harness;
#[path = "ui/identity.rs"]
mod identity;
#[path = "ui/impact.rs"]
mod impact;
#[path = "ui/invitations.rs"]
mod invitations;
#[path = "ui/keymap.rs"]
mod keymap;
#[path = "ui/messages.rs"]
mod messages;
#[path = "ui/palette.rs"]
mod palette;
#[path = "ui/pane_kit.rs"]
mod pane_kit;
#[path = "ui/regions.rs"]
mod regions;
#[path = "ui/snapshots.rs"]
mod snapshots;
#[path = "ui/state.rs"]
mod state;
#[path = "ui/tag_admin.rs"]
mod tag_admin;
#[path = "ui/tag_bulk.rs"]
mod tag_bulk;
#[path = "ui/tags.rs"]
mod tags;
#[path = "ui/user_credentials.rs"]
mod user_credentials;
#[path = "ui/warm.rs"]
mod warm;
#[path = "ui/work_requests.rs"]
mod work_requests;
