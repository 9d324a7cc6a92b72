//! The generated large tenancy (`--seed large:SCALE`): a realistic company-sized tenancy for
//! benchmarks and scale tests, the same for the same scale on every run.
//!
//! At scale 1 it has about 2,000 compartments (depth up to 6), 20,000 users, 1,500 groups,
//! 50,000 memberships, 4,000 policies, 200 tag namespaces and 100 dynamic groups; every count
//! scales linearly. Names are unique where OCI requires it and every reference resolves.

mod identity;
mod name_book;
#[rustfmt::skip] // word lists read better packed than one word per line
mod names;
mod ocid;
mod policies;
mod rng;
mod tags;
mod tree;

use crate::model::{Snapshot, Tenancy};

pub use identity::ADMIN_USER as LARGE_ADMIN_USER;

use ocid::Ocids;
use rng::Rng;
use tree::Tree;

/// How many of each resource a scale asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Targets {
    pub compartments: usize,
    pub users: usize,
    pub groups: usize,
    pub memberships: usize,
    pub dynamic_groups: usize,
    pub policies: usize,
    pub tag_namespaces: usize,
    pub tag_defaults: usize,
    pub sender_invitations: usize,
}

impl Targets {
    /// The scale-1 figures.
    pub const SCALE_ONE: Self = Self {
        compartments: 2_000,
        users: 20_000,
        groups: 1_500,
        memberships: 50_000,
        dynamic_groups: 100,
        policies: 4_000,
        tag_namespaces: 200,
        tag_defaults: 300,
        sender_invitations: 20,
    };

    /// The figures for `scale`, each at least 1 (2 for groups: Administrators plus one team).
    pub fn at(scale: f64) -> Self {
        let n = |base: usize| ((base as f64 * scale).round() as usize).max(1);
        let one = Self::SCALE_ONE;
        Self {
            compartments: n(one.compartments),
            users: n(one.users),
            groups: n(one.groups).max(2),
            memberships: n(one.memberships),
            dynamic_groups: n(one.dynamic_groups),
            policies: n(one.policies),
            tag_namespaces: n(one.tag_namespaces),
            tag_defaults: n(one.tag_defaults),
            sender_invitations: n(one.sender_invitations),
        }
    }
}

/// The fixed seed: change it and every large tenancy changes.
const SEED: u64 = 0x00C0_FFEE_CA70_0001;

/// Shared state while generating: the random stream, id counters, the snapshot so far and the
/// compartment tree the later steps hang things on.
struct Builder {
    rng: Rng,
    ocids: Ocids,
    snapshot: Snapshot,
    tree: Tree,
}

/// Builds the large tenancy for `scale` (0 < scale ≤ 20, checked by `SeedSource`).
pub fn generate(scale: f64) -> Snapshot {
    let targets = Targets::at(scale);
    let mut ocids = Ocids::default();
    let tenancy_id = ocids.next("tenancy");
    let mut b = Builder {
        rng: Rng::new(SEED),
        ocids,
        snapshot: Snapshot {
            tenancy: Tenancy {
                id: tenancy_id,
                name: "globex".into(),
                description: Some("Globex Corporation (generated large tenancy)".into()),
                home_region_key: Some("IAD".into()),
                ..Tenancy::default()
            },
            ..Snapshot::default()
        },
        tree: Tree::default(),
    };
    tree::build(&mut b, targets.compartments);
    identity::build(&mut b, &targets);
    tags::build(&mut b, &targets);
    policies::build(&mut b, targets.policies);
    b.snapshot
}

/// The mail domain of the generated company.
const DOMAIN: &str = "globex.example";

/// 2021-01-01T00:00:00Z, the earliest creation time generated.
const EPOCH_START: i64 = 1_609_459_200;
/// 2026-11-01T00:00:00Z, the latest creation time generated.
const EPOCH_END: i64 = 1_793_491_200;
/// 2026-11-20T00:00:00Z, "now" for last-login times.
const NOW: i64 = 1_795_132_800;

/// An RFC 3339 creation time with milliseconds, as OCI writes them, in 2021 to 2026.
fn timestamp(rng: &mut Rng) -> String {
    timestamp_between(rng, EPOCH_START, EPOCH_END)
}

/// An RFC 3339 time with milliseconds in `start..end` (Unix seconds).
fn timestamp_between(rng: &mut Rng, start: i64, end: i64) -> String {
    let offset = rng.next_u64() % (end - start).unsigned_abs();
    let secs = start + i64::try_from(offset).unwrap_or_default();
    let millis = rng.below(1000);
    match time::OffsetDateTime::from_unix_timestamp(secs) {
        Ok(t) => format!(
            "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{millis:03}Z",
            t.year(),
            u8::from(t.month()),
            t.day(),
            t.hour(),
            t.minute(),
            t.second()
        ),
        // Unreachable for the fixed ranges used here; a fixed date keeps the output valid.
        Err(_) => "2024-01-01T00:00:00.000Z".into(),
    }
}
