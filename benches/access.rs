//! Figures for the access tools on the large generated tenancy (`seed::large(1.0)`): the
//! escalation analysis, and `access-diff` between two snapshots of it (the second with a
//! changed policy and a new membership). Run with `cargo bench --bench access`.

use std::hint::black_box;
use std::time::Instant;

use canopy::emulator::seed;
use canopy::policy::EffectiveIndex;
use canopy::policy::access_diff::access_diff;
use canopy::policy::escalation::analyse;

fn main() {
    let start = Instant::now();
    let old = seed::large(1.0);
    println!(
        "seed::large(1.0): {} compartments, {} groups, {} users, {} memberships, {} policies, {} statements ({:.2?} to generate)",
        old.compartments.len(),
        old.groups.len(),
        old.users.len(),
        old.memberships.len(),
        old.policies.len(),
        old.policies
            .iter()
            .map(|p| p.statements.len())
            .sum::<usize>(),
        start.elapsed()
    );
    let mut new = old.clone();
    if let Some(p) = new.policies.get_mut(10) {
        p.statements.pop();
        let group = old
            .groups
            .get(5)
            .map_or("Administrators", |g| g.name.as_str());
        p.statements
            .push(format!("Allow group {group} to manage groups in tenancy"));
    }
    if let Some(m) = old.memberships.first() {
        let mut m = m.clone();
        m.id = "ocid1.groupmembership.oc1..bench".into();
        if let Some(g) = old.groups.get(7) {
            m.group_id = g.id.as_str().into();
        }
        new.memberships.push(m);
    }

    for run in 1..=3 {
        let start = Instant::now();
        let diff = black_box(access_diff(&old, &new));
        println!(
            "access-diff of two large:1 snapshots (run {run}): {:.2?} ({} gained, {} lost, {} memberships gained; both indexes built inside)",
            start.elapsed(),
            diff.gained.len(),
            diff.lost.len(),
            diff.joined.len()
        );
    }

    let start = Instant::now();
    let index = EffectiveIndex::build(&old);
    let built = start.elapsed();
    for run in 1..=1 {
        let start = Instant::now();
        let paths = black_box(analyse(&index));
        println!(
            "escalation analysis of large:1 (run {run}): {:.2?} ({} paths; index built once in {built:.2?})",
            start.elapsed(),
            paths.len()
        );
    }
}
