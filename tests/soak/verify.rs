//! After the run: the emulator's tenancy, read directly from its store, against what the
//! writes said. Every resource the soak made (named `soak-...`) that is live must be expected,
//! once, with the expected content; every expected one must be there.

use std::collections::BTreeMap;

use super::{Driver, LifecycleState};

impl Driver {
    pub(super) fn verify(&mut self) {
        let snapshot = self.sandbox.snapshot();
        let live = |s: &LifecycleState| *s == LifecycleState::Active;
        let soak = |name: &str| name.starts_with("soak-");

        let groups: Vec<_> = snapshot
            .groups
            .iter()
            .filter(|g| live(&g.lifecycle_state) && soak(&g.name))
            .map(|g| (g.id.clone(), (g.name.clone(), g.description.clone())))
            .collect();
        self.same("groups", groups, &self.expected.groups.clone());

        let users: Vec<_> = snapshot
            .users
            .iter()
            .filter(|u| live(&u.lifecycle_state) && soak(&u.name))
            .map(|u| (u.id.to_string(), u.name.clone()))
            .collect();
        self.same("users", users, &self.expected.users.clone());

        let soak_users: std::collections::HashSet<&str> = snapshot
            .users
            .iter()
            .filter(|u| soak(&u.name))
            .map(|u| u.id.as_str())
            .collect();
        let members: Vec<_> = snapshot
            .memberships
            .iter()
            .filter(|m| live(&m.lifecycle_state) && soak_users.contains(m.user_id.as_str()))
            .map(|m| {
                (
                    (m.user_id.to_string(), m.group_id.to_string()),
                    m.id.clone(),
                )
            })
            .collect();
        self.same("memberships", members, &self.expected.members.clone());

        let compartments: Vec<_> = snapshot
            .compartments
            .iter()
            .filter(|c| live(&c.lifecycle_state) && soak(&c.name))
            .map(|c| {
                let shape = (
                    c.name.clone(),
                    c.compartment_id.clone(),
                    c.description.clone(),
                );
                (c.id.clone(), shape)
            })
            .collect();
        let expected = self
            .expected
            .compartments
            .iter()
            .map(|(id, c)| {
                let shape = (
                    c.name.clone(),
                    c.compartment_id.clone(),
                    c.description.clone(),
                );
                (id.clone(), shape)
            })
            .collect();
        self.same("compartments", compartments, &expected);

        let policies: Vec<_> = snapshot
            .policies
            .iter()
            .filter(|p| live(&p.lifecycle_state) && soak(&p.name))
            .map(|p| (p.id.clone(), p.statements.clone()))
            .collect();
        let expected = self
            .expected
            .policies
            .iter()
            .map(|(id, (statements, _))| (id.clone(), statements.clone()))
            .collect();
        self.same("policies", policies, &expected);
    }

    /// Found (possibly with an id twice) against expected: each difference is a problem.
    fn same<K: Ord + Clone + std::fmt::Debug, V: PartialEq + std::fmt::Debug>(
        &mut self,
        what: &str,
        found: Vec<(K, V)>,
        expected: &BTreeMap<K, V>,
    ) {
        let mut seen = std::collections::BTreeSet::new();
        for (key, value) in found {
            if !seen.insert(key.clone()) {
                self.problem(format!("{what}: {key:?} twice"));
            }
            match expected.get(&key) {
                None => self.problem(format!("{what}: {key:?} = {value:?} is there, unexpected")),
                Some(want) if *want != value => {
                    self.problem(format!("{what}: {key:?} is {value:?}, expected {want:?}"));
                }
                Some(_) => {}
            }
        }
        for key in expected.keys().filter(|k| !seen.contains(*k)) {
            self.problem(format!("{what}: {key:?} is missing (a lost write)"));
        }
    }
}
