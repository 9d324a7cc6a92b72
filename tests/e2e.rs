//! End-to-end: the real `canopy` binary in a pseudo-terminal against the emulator, keys in,
//! screen text out. Every wait is bounded (the screen is polled with a timeout).

#[path = "e2e/arenas.rs"]
mod arenas;
#[path = "e2e/audit.rs"]
mod audit;
#[path = "e2e/cache.rs"]
mod cache;
#[path = "e2e/clipboard.rs"]
mod clipboard;
#[path = "e2e/credentials.rs"]
mod credentials;
#[path = "e2e/decide.rs"]
mod decide;
#[path = "e2e/demo_as.rs"]
mod demo_as;
#[path = "e2e/domains.rs"]
mod domains;
#[path = "e2e/harness.rs"]
mod harness;
#[path = "e2e/identity.rs"]
mod identity;
#[path = "e2e/invitations.rs"]
mod invitations;
#[path = "e2e/messages.rs"]
mod messages;
#[path = "e2e/policies.rs"]
mod policies;
#[path = "e2e/safety.rs"]
mod safety;
#[path = "e2e/tags.rs"]
mod tags;
#[path = "e2e/tree.rs"]
mod tree;

/// A runtime serving the emulator while the test thread drives the terminal.
pub fn setup(seed: canopy::model::Snapshot) -> (tokio::runtime::Runtime, harness::World) {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("runtime");
    let world = rt.block_on(harness::World::new(seed));
    (rt, world)
}
