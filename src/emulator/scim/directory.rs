//! Which directory a SCIM call reaches: the Default domain's is the classic API's tables (one
//! store for both APIs), any other domain's is its own `DomainDirectory`.

use crate::emulator::error::ApiError;
use crate::emulator::store::Store;
use crate::model::{Domain, DomainDirectory, LifecycleState};

impl Store {
    /// The domain a SCIM path names: 404 when there is no such domain (or it was deleted).
    pub fn scim_domain(&self, domain_id: &str) -> Result<&Domain, ApiError> {
        self.domains
            .get(domain_id)
            .filter(|d| d.lifecycle_state != LifecycleState::Deleted)
            .ok_or_else(|| ApiError::not_found("identity domain", domain_id))
    }

    /// A copy of the domain's directory. The Default domain's is read from the classic tables.
    pub fn directory(&self, domain_id: &str) -> Result<DomainDirectory, ApiError> {
        if self.scim_domain(domain_id)?.is_default() {
            return Ok(DomainDirectory {
                domain_id: domain_id.to_string(),
                users: self.users.to_vec(),
                groups: self.groups.to_vec(),
                memberships: self.memberships.to_vec(),
                dynamic_groups: self.dynamic_groups.to_vec(),
                ..DomainDirectory::default()
            });
        }
        Ok(self
            .directories
            .iter()
            .find(|d| d.domain_id == domain_id)
            .cloned()
            .unwrap_or_else(|| DomainDirectory {
                domain_id: domain_id.to_string(),
                ..DomainDirectory::default()
            }))
    }

    /// Writes a changed directory back. For the Default domain every row goes back into the
    /// classic tables, so the classic API sees a SCIM change at once (and the other way round).
    /// Rows are never dropped: deletes are DELETED rows, as in the classic API.
    pub fn put_directory(&mut self, directory: DomainDirectory) -> Result<(), ApiError> {
        if self.scim_domain(&directory.domain_id)?.is_default() {
            for row in directory.users {
                if self.users.get(&row.id) != Some(&row) {
                    self.users.upsert(row);
                }
            }
            for row in directory.groups {
                if self.groups.get(&row.id) != Some(&row) {
                    self.groups.upsert(row);
                }
            }
            for row in directory.memberships {
                if self.memberships.get(&row.id) != Some(&row) {
                    self.memberships.upsert(row);
                }
            }
            for row in directory.dynamic_groups {
                if self.dynamic_groups.get(&row.id) != Some(&row) {
                    self.dynamic_groups.upsert(row);
                }
            }
            return Ok(());
        }
        match self
            .directories
            .iter_mut()
            .find(|d| d.domain_id == directory.domain_id)
        {
            Some(slot) => *slot = directory,
            None => self.directories.push(directory),
        }
        Ok(())
    }
}
