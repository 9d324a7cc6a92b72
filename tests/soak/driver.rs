//! The soak: a random sequence of creates, updates, memberships, moves and deletes sent the
//! way the TUI sends them (the real worker and client) to the emulator while it injects 429s,
//! 500s, 503s and dropped answers. The driver keeps the tenancy it expects from what each
//! write said it did; afterwards the emulator must hold exactly that (nothing lost, nothing
//! twice), and every conflict shown must have been a real one (someone else's change, which
//! the driver makes now and then behind the worker's back).
//!
//! Shared by `tests/soak.rs` (small, in CI) and `benches/soak.rs` (long).

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use canopy::app::request::{CompartmentRequest, IdentityRequest, PolicyRequest};
use canopy::app::worker::Sandbox;
use canopy::app::{Failure, PaneId, Payload, Request, RequestId, RequestKind};
use canopy::emulator::{FaultCounts, FaultSpec};
use canopy::model::{
    AddUserToGroupDetails, Compartment, CreateCompartmentDetails, CreateGroupDetails,
    CreatePolicyDetails, CreateUserDetails, Group, LifecycleState, Policy,
    UpdateCompartmentDetails, UpdateGroupDetails, UpdatePolicyDetails, User, UserGroupMembership,
    WorkRequestStatus,
};
use rand::rngs::StdRng;
use rand::{Rng as _, SeedableRng as _};

/// The faults the issue names.
pub const FAULTS: &str = "429=0.2,500=0.1,503=0.05,drop=0.05,retry-after=0";

/// What one run does.
pub struct Soak {
    pub operations: usize,
    pub seed: u64,
    pub faults: FaultSpec,
}

/// What one run saw.
#[derive(Debug, Default)]
pub struct Report {
    pub operations: usize,
    pub by_kind: BTreeMap<&'static str, usize>,
    /// HTTP attempts the client made, retries included.
    pub attempts: u64,
    pub faults: FaultCounts,
    /// Conflicts shown after someone else's change (each must be one of these).
    pub real_conflicts: usize,
    /// Writes lost, doubled or refused wrongly; empty when the run passes.
    pub problems: Vec<String>,
    pub elapsed: Duration,
}

/// The tenancy as the writes said they left it (only what the soak made).
#[derive(Default)]
struct Expected {
    groups: BTreeMap<String, (String, String)>,
    users: BTreeMap<String, String>,
    /// (user, group) to the membership's id.
    members: BTreeMap<(String, String), String>,
    /// Live compartments as last seen.
    compartments: BTreeMap<String, Compartment>,
    /// Statements and the etag to save with.
    policies: BTreeMap<String, (Vec<String>, Option<String>)>,
}

struct Driver {
    sandbox: Sandbox,
    rng: StdRng,
    expected: Expected,
    report: Report,
    next_id: u64,
    tenancy: String,
}

impl Soak {
    pub fn run(&self) -> Report {
        // Enough attempts that a call running out of them is not a plausible outcome.
        let retry = canopy::api::RetryPolicy {
            max_attempts: 24,
            ..canopy::api::RetryPolicy::fast()
        };
        let sandbox = Sandbox::with_retry(canopy::emulator::seed::demo(), Duration::ZERO, retry);
        sandbox.emulator.faults.set(self.faults.clone());
        let tenancy = sandbox.tenancy_id.clone();
        let mut driver = Driver {
            sandbox,
            rng: StdRng::seed_from_u64(self.seed),
            expected: Expected::default(),
            report: Report::default(),
            next_id: 0,
            tenancy,
        };
        let started = Instant::now();
        for _ in 0..self.operations {
            driver.step();
        }
        driver.sandbox.emulator.faults.clear();
        driver.verify();
        let mut report = driver.report;
        report.operations = self.operations;
        report.attempts = driver.sandbox.client.requests_sent();
        report.faults = driver.sandbox.emulator.faults.injected();
        report.elapsed = started.elapsed();
        report
    }
}

impl Driver {
    fn send(&mut self, kind: impl Into<RequestKind>) -> Result<Payload, Failure> {
        self.next_id += 1;
        let request = Request {
            id: RequestId(self.next_id),
            pane: PaneId::Log,
            kind: kind.into(),
        };
        let responses = self.sandbox.answer(&request);
        match responses.last() {
            Some(last) if last.done => last.result.clone(),
            _ => Err(Failure::local("Unfinished", "no final answer")),
        }
    }

    fn problem(&mut self, what: String) {
        self.report.problems.push(what);
    }

    fn name(&mut self, prefix: &str) -> String {
        format!("soak-{prefix}-{}", self.next_id + 1)
    }

    fn pick<T>(&mut self, mut all: Vec<T>) -> Option<T> {
        (!all.is_empty()).then(|| all.swap_remove(self.rng.gen_range(0..all.len())))
    }

    fn step(&mut self) {
        const KINDS: [(&str, u32); 14] = [
            ("create group", 10),
            ("update group", 8),
            ("delete group", 4),
            ("create user", 8),
            ("delete user", 3),
            ("add member", 12),
            ("remove member", 8),
            ("create compartment", 8),
            ("update compartment", 6),
            ("move compartment", 6),
            ("delete compartment", 3),
            ("create policy", 6),
            ("update policy", 12),
            ("delete policy", 3),
        ];
        let total: u32 = KINDS.iter().map(|k| k.1).sum();
        let mut roll = self.rng.gen_range(0..total);
        let kind = KINDS
            .iter()
            .find(|k| {
                let hit = roll < k.1;
                roll = roll.saturating_sub(k.1);
                hit
            })
            .map_or("create group", |k| k.0);
        let done = match kind {
            "create group" => self.create_group(),
            "update group" => self.update_group(),
            "delete group" => self.delete_group(),
            "create user" => self.create_user(),
            "delete user" => self.delete_user(),
            "add member" => self.add_member(),
            "remove member" => self.remove_member(),
            "create compartment" => self.create_compartment(),
            "update compartment" => self.update_compartment(),
            "move compartment" => self.move_compartment(),
            "delete compartment" => self.delete_compartment(),
            "create policy" => self.create_policy(),
            "update policy" => self.update_policy(),
            _ => self.delete_policy(),
        };
        if done {
            *self.report.by_kind.entry(kind).or_default() += 1;
        }
    }

    /// The answer of a write that must succeed, as `T`; a problem otherwise.
    fn expect<T: Clone + Send + Sync + 'static>(
        &mut self,
        what: &str,
        answer: Result<Payload, Failure>,
    ) -> Option<(T, Option<String>)> {
        match answer {
            Ok(Payload::Item(item)) => {
                let value = item.get::<T>();
                if value.is_none() {
                    self.problem(format!("{what}: answered with {item:?}"));
                }
                value.map(|v| (v, item.etag.clone()))
            }
            Ok(other) => {
                self.problem(format!("{what}: answered with {}", other.describe()));
                None
            }
            Err(f) => {
                self.problem(format!("{what}: {}", f.summary()));
                None
            }
        }
    }

    /// A write answered with nothing or a finished work request.
    fn expect_done(&mut self, what: &str, answer: Result<Payload, Failure>) -> bool {
        match answer {
            Ok(Payload::Done) => true,
            Ok(Payload::WorkRequest(wr)) if wr.status == WorkRequestStatus::Succeeded => true,
            Ok(other) => {
                self.problem(format!("{what}: answered with {}", other.describe()));
                false
            }
            Err(f) => {
                self.problem(format!("{what}: {}", f.summary()));
                false
            }
        }
    }
}

#[path = "steps.rs"]
mod steps;
#[path = "verify.rs"]
mod verify;
