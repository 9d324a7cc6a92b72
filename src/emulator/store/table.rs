//! An insertion-ordered table of resources indexed by OCID. OCI deletes softly (the object
//! stays listable as DELETED), so rows are only ever appended or updated in place.

use std::collections::HashMap;

use super::lookup::{Lookups, Positions};
use crate::emulator::error::ApiError;

/// A resource the table can index.
pub trait Keyed {
    fn key(&self) -> &str;
}

#[derive(Debug, Clone)]
pub struct Table<T> {
    rows: Vec<T>,
    index: HashMap<String, usize>,
    /// Counts the ways the rows may have changed (every `&mut` access), so lookups know
    /// when to rebuild.
    generation: u64,
    lookups: Lookups,
}

impl<T> Default for Table<T> {
    fn default() -> Self {
        Self {
            rows: Vec::new(),
            index: HashMap::new(),
            generation: 0,
            lookups: Lookups::default(),
        }
    }
}

impl<T: Keyed> Table<T> {
    pub fn from_rows(rows: impl IntoIterator<Item = T>) -> Self {
        let mut table = Self::default();
        for row in rows {
            table.upsert(row);
        }
        table
    }

    /// Inserts a new row, or replaces the row with the same key.
    pub fn upsert(&mut self, row: T) {
        self.generation += 1;
        if let Some(&at) = self.index.get(row.key()) {
            self.rows[at] = row;
        } else {
            self.index.insert(row.key().to_string(), self.rows.len());
            self.rows.push(row);
        }
    }

    pub fn get(&self, key: &str) -> Option<&T> {
        self.index.get(key).map(|&at| &self.rows[at])
    }

    pub fn get_mut(&mut self, key: &str) -> Option<&mut T> {
        self.generation += 1;
        self.index.get(key).map(|&at| &mut self.rows[at])
    }

    /// The row, or OCI's 404 naming `what` (e.g. "policy") and the id.
    pub fn find(&self, key: &str, what: &str) -> Result<&T, ApiError> {
        self.get(key).ok_or_else(|| ApiError::not_found(what, key))
    }

    pub fn find_mut(&mut self, key: &str, what: &str) -> Result<&mut T, ApiError> {
        self.get_mut(key)
            .ok_or_else(|| ApiError::not_found(what, key))
    }

    /// Removes a row for good (API keys, which OCI really deletes).
    pub fn remove(&mut self, key: &str) -> Option<T> {
        self.generation += 1;
        let at = self.index.remove(key)?;
        let row = self.rows.remove(at);
        for slot in self.index.values_mut() {
            if *slot > at {
                *slot -= 1;
            }
        }
        Some(row)
    }

    pub fn iter(&self) -> std::slice::Iter<'_, T> {
        self.rows.iter()
    }

    pub fn iter_mut(&mut self) -> std::slice::IterMut<'_, T> {
        self.generation += 1;
        self.rows.iter_mut()
    }

    /// The rows whose `field` (read by `value_of`) is `value`, in insertion order, through a
    /// lookup kept until the table changes.
    pub fn rows_where(
        &self,
        field: &'static str,
        value_of: fn(&T) -> &str,
        value: &str,
    ) -> Vec<&T> {
        let positions: Positions = self.lookups.get(field, self.generation, || {
            let mut by: HashMap<String, Vec<usize>> = HashMap::new();
            for (at, row) in self.rows.iter().enumerate() {
                by.entry(value_of(row).to_string()).or_default().push(at);
            }
            std::sync::Arc::new(by)
        });
        positions
            .get(value)
            .map(|at| at.iter().filter_map(|&i| self.rows.get(i)).collect())
            .unwrap_or_default()
    }

    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    pub fn to_vec(&self) -> Vec<T>
    where
        T: Clone,
    {
        self.rows.clone()
    }
}

impl<'a, T> IntoIterator for &'a Table<T> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;
    fn into_iter(self) -> Self::IntoIter {
        self.rows.iter()
    }
}

impl<'a, T> IntoIterator for &'a mut Table<T> {
    type Item = &'a mut T;
    type IntoIter = std::slice::IterMut<'a, T>;
    fn into_iter(self) -> Self::IntoIter {
        self.rows.iter_mut()
    }
}

macro_rules! keyed_by_id {
    ($($ty:ty),+) => {
        $(impl Keyed for $ty {
            fn key(&self) -> &str {
                &self.id
            }
        })+
    };
}

keyed_by_id!(
    crate::model::Compartment,
    crate::model::User,
    crate::model::Group,
    crate::model::UserGroupMembership,
    crate::model::DynamicGroup,
    crate::model::Policy,
    crate::model::TagNamespace,
    crate::model::Tag,
    crate::model::TagDefault,
    crate::model::SenderInvitation,
    crate::model::AuthToken,
    // Credentials and sign-in security.
    crate::model::SwiftPassword,
    crate::model::CustomerSecretKeySummary,
    crate::model::SmtpCredentialSummary,
    crate::model::DbCredentialSummary,
    crate::model::OAuth2ClientCredentialSummary,
    crate::model::MfaTotpDeviceSummary,
    crate::model::NetworkSource
);

keyed_by_id!(
    crate::model::Domain,
    crate::model::IdentityProvider,
    crate::model::IdentityProviderGroupSummary,
    crate::model::IdpGroupMapping
);
/// One per user: keyed by the user's OCID.
impl Keyed for crate::model::UiPasswordInformation {
    fn key(&self) -> &str {
        &self.user_id
    }
}

// Tag tools, bulk operations and locks.
keyed_by_id!(crate::model::CompartmentResource);

impl Keyed for crate::model::ApiKey {
    fn key(&self) -> &str {
        &self.key_id
    }
}
