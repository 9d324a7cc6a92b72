//! One random write of each kind, and what the driver then expects.

use super::{
    AddUserToGroupDetails, Compartment, CompartmentRequest, CreateCompartmentDetails,
    CreateGroupDetails, CreatePolicyDetails, CreateUserDetails, Driver, Failure, Group,
    IdentityRequest, Payload, Policy, PolicyRequest, UpdateCompartmentDetails, UpdateGroupDetails,
    UpdatePolicyDetails, User, UserGroupMembership,
};
use rand::Rng as _;

const VERBS: [&str; 4] = ["inspect", "read", "use", "manage"];
const FAMILIES: [&str; 5] = [
    "users",
    "groups",
    "policies",
    "compartments",
    "tag-namespaces",
];

impl Driver {
    fn statement(&mut self) -> String {
        let verb = VERBS[self.rng.gen_range(0..VERBS.len())];
        let family = FAMILIES[self.rng.gen_range(0..FAMILIES.len())];
        format!("Allow group SecurityAuditors to {verb} {family} in tenancy")
    }

    pub(super) fn create_group(&mut self) -> bool {
        let name = self.name("group");
        let answer = self.send(IdentityRequest::CreateGroup(CreateGroupDetails {
            compartment_id: self.tenancy.clone(),
            name: name.clone(),
            description: "made by the soak".into(),
            freeform_tags: None,
            defined_tags: None,
        }));
        let Some((group, _)) = self.expect::<Group>("create group", answer) else {
            return false;
        };
        self.expected
            .groups
            .insert(group.id, (name, "made by the soak".into()));
        true
    }

    pub(super) fn update_group(&mut self) -> bool {
        let all = self.expected.groups.keys().cloned().collect();
        let Some(id) = self.pick(all) else {
            return false;
        };
        let description = format!("changed at step {}", self.next_id + 1);
        let answer = self.send(IdentityRequest::UpdateGroup {
            id: id.clone(),
            details: UpdateGroupDetails {
                description: Some(description.clone()),
                ..UpdateGroupDetails::default()
            },
            if_match: None,
        });
        if self.expect::<Group>("update group", answer).is_none() {
            return false;
        }
        if let Some(group) = self.expected.groups.get_mut(&id) {
            group.1 = description;
        }
        true
    }

    pub(super) fn delete_group(&mut self) -> bool {
        // OCI refuses to delete a group with members.
        let members = &self.expected.members;
        let empty = self
            .expected
            .groups
            .keys()
            .filter(|g| !members.keys().any(|(_, mg)| mg == *g))
            .cloned()
            .collect();
        let Some(id) = self.pick(empty) else {
            return false;
        };
        let answer = self.send(IdentityRequest::DeleteGroup { id: id.clone() });
        if !self.expect_done("delete group", answer) {
            return false;
        }
        self.expected.groups.remove(&id);
        true
    }

    pub(super) fn create_user(&mut self) -> bool {
        let name = self.name("user");
        let answer = self.send(IdentityRequest::CreateUser(CreateUserDetails {
            compartment_id: self.tenancy.clone(),
            name: name.clone(),
            description: "made by the soak".into(),
            email: None,
            freeform_tags: None,
            defined_tags: None,
        }));
        let Some((user, _)) = self.expect::<User>("create user", answer) else {
            return false;
        };
        self.expected.users.insert(user.id.to_string(), name);
        true
    }

    pub(super) fn delete_user(&mut self) -> bool {
        let members = &self.expected.members;
        let free = self
            .expected
            .users
            .keys()
            .filter(|u| !members.keys().any(|(mu, _)| mu == *u))
            .cloned()
            .collect();
        let Some(id) = self.pick(free) else {
            return false;
        };
        let answer = self.send(IdentityRequest::DeleteUser { id: id.clone() });
        if !self.expect_done("delete user", answer) {
            return false;
        }
        self.expected.users.remove(&id);
        true
    }

    pub(super) fn add_member(&mut self) -> bool {
        let pairs: Vec<(String, String)> = self
            .expected
            .users
            .keys()
            .flat_map(|u| {
                self.expected
                    .groups
                    .keys()
                    .map(move |g| (u.clone(), g.clone()))
            })
            .filter(|pair| !self.expected.members.contains_key(pair))
            .collect();
        let Some((user, group)) = self.pick(pairs) else {
            return false;
        };
        let answer = self.send(IdentityRequest::AddUserToGroup(AddUserToGroupDetails {
            user_id: user.clone(),
            group_id: group.clone(),
        }));
        let Some((membership, _)) = self.expect::<UserGroupMembership>("add member", answer) else {
            return false;
        };
        self.expected.members.insert((user, group), membership.id);
        true
    }

    pub(super) fn remove_member(&mut self) -> bool {
        let all = self
            .expected
            .members
            .iter()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        let Some((pair, id)) = self.pick(all) else {
            return false;
        };
        let answer = self.send(IdentityRequest::RemoveUserFromGroup { membership_id: id });
        if !self.expect_done("remove member", answer) {
            return false;
        }
        self.expected.members.remove(&pair);
        true
    }

    pub(super) fn create_compartment(&mut self) -> bool {
        let parents: Vec<String> = std::iter::once(self.tenancy.clone())
            .chain(self.expected.compartments.keys().cloned())
            .collect();
        let Some(parent) = self.pick(parents) else {
            return false;
        };
        let name = self.name("compartment");
        let answer = self.send(CompartmentRequest::Create(CreateCompartmentDetails {
            compartment_id: parent,
            name,
            description: "made by the soak".into(),
            freeform_tags: None,
            defined_tags: None,
        }));
        let Some((made, _)) = self.expect::<Compartment>("create compartment", answer) else {
            return false;
        };
        self.expected.compartments.insert(made.id.clone(), made);
        true
    }

    pub(super) fn update_compartment(&mut self) -> bool {
        let all = self.expected.compartments.values().cloned().collect();
        let Some(seen) = self.pick(all) else {
            return false;
        };
        let description = format!("changed at step {}", self.next_id + 1);
        let answer = self.send(CompartmentRequest::Update {
            id: seen.id.clone(),
            details: UpdateCompartmentDetails {
                description: Some(description),
                ..UpdateCompartmentDetails::default()
            },
            seen: Some(seen),
        });
        let Some((now, _)) = self.expect::<Compartment>("update compartment", answer) else {
            return false;
        };
        self.expected.compartments.insert(now.id.clone(), now);
        true
    }

    /// True when `id` is `ancestor` or below it.
    fn within(&self, id: &str, ancestor: &str) -> bool {
        let mut at = Some(id.to_string());
        while let Some(current) = at {
            if current == ancestor {
                return true;
            }
            at = self
                .expected
                .compartments
                .get(&current)
                .map(|c| c.compartment_id.clone());
        }
        false
    }

    pub(super) fn move_compartment(&mut self) -> bool {
        let all = self.expected.compartments.values().cloned().collect();
        let Some(seen) = self.pick(all) else {
            return false;
        };
        let targets: Vec<String> = std::iter::once(self.tenancy.clone())
            .chain(self.expected.compartments.keys().cloned())
            .filter(|t| *t != seen.compartment_id && !self.within(t, &seen.id))
            .collect();
        let Some(target) = self.pick(targets) else {
            return false;
        };
        let answer = self.send(CompartmentRequest::Move {
            id: seen.id.clone(),
            target_id: target.clone(),
            seen: Some(seen.clone()),
        });
        if !self.expect_done("move compartment", answer) {
            return false;
        }
        if let Some(c) = self.expected.compartments.get_mut(&seen.id) {
            c.compartment_id = target;
        }
        true
    }

    pub(super) fn delete_compartment(&mut self) -> bool {
        // OCI deletes only empty compartments; the soak puts nothing but compartments in them.
        let compartments = &self.expected.compartments;
        let leaves = compartments
            .values()
            .filter(|c| !compartments.values().any(|o| o.compartment_id == c.id))
            .cloned()
            .collect();
        let Some(seen) = self.pick(leaves) else {
            return false;
        };
        let answer = self.send(CompartmentRequest::Delete {
            id: seen.id.clone(),
            seen: Some(seen.clone()),
        });
        if !self.expect_done("delete compartment", answer) {
            return false;
        }
        self.expected.compartments.remove(&seen.id);
        true
    }

    pub(super) fn create_policy(&mut self) -> bool {
        let statements = vec![self.statement()];
        let name = self.name("policy");
        let answer = self.send(PolicyRequest::Create(CreatePolicyDetails {
            compartment_id: self.tenancy.clone(),
            name,
            statements: statements.clone(),
            description: "made by the soak".into(),
            version_date: None,
            freeform_tags: None,
            defined_tags: None,
        }));
        let Some((policy, etag)) = self.expect::<Policy>("create policy", answer) else {
            return false;
        };
        self.expected.policies.insert(policy.id, (statements, etag));
        true
    }

    fn save_policy(
        &mut self,
        id: &str,
        statements: &[String],
        etag: Option<String>,
    ) -> Result<Payload, Failure> {
        self.send(PolicyRequest::Update {
            id: id.to_string(),
            details: UpdatePolicyDetails {
                statements: Some(statements.to_vec()),
                ..UpdatePolicyDetails::default()
            },
            etag,
        })
    }

    pub(super) fn update_policy(&mut self) -> bool {
        let all = self
            .expected
            .policies
            .iter()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        let Some((id, (_, etag))) = self.pick(all) else {
            return false;
        };
        let ours = vec![self.statement(), self.statement()];
        // Now and then someone else saves first: our save must then be refused.
        let theirs = self.rng.gen_bool(0.15).then(|| {
            let statement = format!(
                "Allow group Theirs{} to read users in tenancy",
                self.next_id
            );
            self.sandbox.change(|store| {
                if let Some(p) = store.policies.get_mut(&id) {
                    p.statements = vec![statement.clone()];
                }
            });
            statement
        });
        let answer = self.save_policy(&id, &ours, etag);
        let conflict = matches!(&answer, Err(f) if f.is_conflict());
        match (&theirs, conflict) {
            (Some(_), true) => {
                self.report.real_conflicts += 1;
                // As the user would: reload, then save again on the new version.
                let reloaded = self.send(PolicyRequest::Get { id: id.clone() });
                let Some((_, etag)) = self.expect::<Policy>("reload policy", reloaded) else {
                    return false;
                };
                let again = self.save_policy(&id, &ours, etag);
                self.saved(&id, &ours, again)
            }
            (Some(statement), false) => {
                let got = answer.map_or_else(|f| f.summary(), |p| p.describe());
                self.problem(format!(
                    "policy {id}: not refused over someone else's change ({statement}): {got}"
                ));
                false
            }
            (None, true) => {
                self.problem(format!("policy {id}: a conflict with no other writer"));
                false
            }
            (None, false) => self.saved(&id, &ours, answer),
        }
    }

    fn saved(&mut self, id: &str, statements: &[String], answer: Result<Payload, Failure>) -> bool {
        let Some((_, etag)) = self.expect::<Policy>("update policy", answer) else {
            return false;
        };
        self.expected
            .policies
            .insert(id.to_string(), (statements.to_vec(), etag));
        true
    }

    pub(super) fn delete_policy(&mut self) -> bool {
        let all = self.expected.policies.keys().cloned().collect();
        let Some(id) = self.pick(all) else {
            return false;
        };
        let answer = self.send(PolicyRequest::Delete { id: id.clone() });
        if !self.expect_done("delete policy", answer) {
            return false;
        }
        self.expected.policies.remove(&id);
        true
    }
}
