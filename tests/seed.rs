//! The emulator's seeds: the hand-curated demo tenancy, the generated large tenancy, and
//! `--seed` parsing and snapshot-file loading.

#[path = "seed/credentials.rs"]
mod credentials;
#[path = "seed/demo.rs"]
mod demo;
#[path = "seed/domains.rs"]
mod domains;
#[path = "seed/integrity.rs"]
mod integrity;
#[path = "seed/large.rs"]
mod large;
#[path = "seed/source.rs"]
mod source;
// Tag tools, bulk operations and locks.
#[path = "seed/tag_tools.rs"]
mod tag_tools;
