//! The users, groups and dynamic groups of identity domains other than Default, which the
//! snapshot holds as each domain's directory: named `Domain/name`, as policies name them, so
//! an answer says "member of group Partners/Auditors" and the lint knows every domain's names.

use super::{Directory, EffectiveIndex, Snapshot, live};
use crate::model::SharedId;

/// The directories of live domains other than Default, with the domain's display name.
pub(crate) fn other_directories(
    snapshot: &Snapshot,
) -> Vec<(&str, &crate::model::DomainDirectory)> {
    snapshot
        .domain_directories
        .iter()
        .filter_map(|dir| {
            let domain = snapshot
                .domains
                .iter()
                .find(|d| d.id == dir.domain_id && live(&d.lifecycle_state))?;
            (!domain.is_default()).then_some((domain.display_name.as_str(), dir))
        })
        .collect()
}

impl<'a> Directory<'a> {
    /// Adds the groups and dynamic groups of every other domain the snapshot read.
    pub(super) fn with_other_domains(mut self, snapshot: &'a Snapshot) -> Self {
        for (domain, directory) in other_directories(snapshot) {
            self.read_domains.push(domain.to_lowercase());
            for g in directory.groups.iter().filter(|g| live(&g.lifecycle_state)) {
                let key = g.name.to_lowercase();
                self.other_domain_groups
                    .entry(key.clone())
                    .or_default()
                    .push(domain);
                self.qualified_groups
                    .insert(format!("{}/{key}", domain.to_lowercase()), g.id.as_str());
                self.other_ids
                    .insert(g.id.as_str(), format!("{domain}/{}", g.name));
            }
            for g in directory
                .dynamic_groups
                .iter()
                .filter(|g| live(&g.lifecycle_state))
            {
                let key = g.name.to_lowercase();
                self.other_domain_dynamic
                    .entry(key.clone())
                    .or_default()
                    .push(domain);
                self.qualified_dynamic
                    .insert(format!("{}/{key}", domain.to_lowercase()), g.id.as_str());
                self.other_ids
                    .insert(g.id.as_str(), format!("{domain}/{}", g.name));
            }
        }
        self
    }
}

impl EffectiveIndex {
    /// Names the users, groups and dynamic groups of other domains `Domain/name`, as a
    /// policy names them.
    pub(super) fn add_other_domains(&mut self, snapshot: &Snapshot) {
        for (domain, directory) in other_directories(snapshot) {
            for u in directory.users.iter().filter(|x| live(&x.lifecycle_state)) {
                self.users
                    .insert(SharedId::new(&u.id), format!("{domain}/{}", u.name));
            }
            for g in directory.groups.iter().filter(|x| live(&x.lifecycle_state)) {
                self.groups
                    .insert(g.id.clone(), format!("{domain}/{}", g.name));
            }
            for g in directory
                .dynamic_groups
                .iter()
                .filter(|x| live(&x.lifecycle_state))
            {
                self.dynamic_groups.insert(
                    g.id.clone(),
                    (format!("{domain}/{}", g.name), g.matching_rule.clone()),
                );
            }
        }
    }
}
