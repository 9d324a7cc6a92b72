//! A list of records held once however many hold it. The TUI keeps a tenancy's users,
//! groups, memberships and policies in the panes that show them and in the snapshot the
//! audit, lint and cache use: as separate lists that was the same tenancy twice (three times
//! while a warm start read it again). Cloning a `Records` shares the list; changing one
//! copies it first only while it is shared (copy on write), so a pane that edits a row never
//! changes the snapshot under the audit. It reads and writes JSON exactly as a list does.

use std::fmt;
use std::ops::{Deref, DerefMut};
use std::sync::Arc;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

pub struct Records<T>(Arc<Vec<T>>);

impl<T> Records<T> {
    pub fn new(items: Vec<T>) -> Self {
        Records(Arc::new(items))
    }

    /// Whether anything else holds this list.
    pub fn is_shared(&self) -> bool {
        Arc::strong_count(&self.0) > 1
    }

    /// Whether both hold the very same list (not merely equal ones).
    pub fn shares(&self, other: &Records<T>) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }

    /// Sorts the list unless it is in order already: a shared list in order stays shared.
    pub fn sort_unstable_by(&mut self, mut order: impl FnMut(&T, &T) -> std::cmp::Ordering)
    where
        T: Clone,
    {
        if !self.0.is_sorted_by(|a, b| order(a, b).is_le()) {
            Arc::make_mut(&mut self.0).sort_unstable_by(order);
        }
    }

    /// Drops neighbours that are the same record, copying a shared list only if there are any.
    pub fn dedup_by(&mut self, same: impl Fn(&T, &T) -> bool)
    where
        T: Clone,
    {
        if self.0.windows(2).any(|w| same(&w[0], &w[1])) {
            Arc::make_mut(&mut self.0).dedup_by(|a, b| same(a, b));
        }
    }

    /// Gives back the room the list grew into, unless it is shared (a copy would save nothing:
    /// the others keep the list as it is).
    pub fn shrink_to_fit(&mut self) {
        if let Some(list) = Arc::get_mut(&mut self.0) {
            list.shrink_to_fit();
        }
    }

    /// The list itself: moved out when nothing else holds it, copied when shared.
    pub fn into_vec(self) -> Vec<T>
    where
        T: Clone,
    {
        Arc::unwrap_or_clone(self.0)
    }
}

impl<T> Clone for Records<T> {
    fn clone(&self) -> Self {
        Records(Arc::clone(&self.0))
    }
}

impl<T> Default for Records<T> {
    fn default() -> Self {
        Records(Arc::new(Vec::new()))
    }
}

impl<T: PartialEq> PartialEq for Records<T> {
    fn eq(&self, other: &Self) -> bool {
        self.shares(other) || *self.0 == *other.0
    }
}

impl<T> Deref for Records<T> {
    type Target = Vec<T>;
    fn deref(&self) -> &Vec<T> {
        &self.0
    }
}

/// Changing a shared list copies it first: the others keep what they had.
impl<T: Clone> DerefMut for Records<T> {
    fn deref_mut(&mut self) -> &mut Vec<T> {
        Arc::make_mut(&mut self.0)
    }
}

impl<T> From<Vec<T>> for Records<T> {
    fn from(items: Vec<T>) -> Self {
        Records::new(items)
    }
}

impl<T> FromIterator<T> for Records<T> {
    fn from_iter<I: IntoIterator<Item = T>>(iter: I) -> Self {
        Records::new(iter.into_iter().collect())
    }
}

impl<'a, T> IntoIterator for &'a Records<T> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

impl<'a, T: Clone> IntoIterator for &'a mut Records<T> {
    type Item = &'a mut T;
    type IntoIter = std::slice::IterMut<'a, T>;
    fn into_iter(self) -> Self::IntoIter {
        self.iter_mut()
    }
}

impl<T: Clone> IntoIterator for Records<T> {
    type Item = T;
    type IntoIter = std::vec::IntoIter<T>;
    fn into_iter(self) -> Self::IntoIter {
        self.into_vec().into_iter()
    }
}

impl<T: fmt::Debug> fmt::Debug for Records<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.0, f)
    }
}

impl<T: Serialize> Serialize for Records<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Records<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Vec::deserialize(deserializer).map(Records::new)
    }
}

/// A record a list is kept in order of, and that a list read again finds by.
pub trait Identified {
    fn id(&self) -> &str;
}

macro_rules! identified {
    ($($kind:ty),*) => {
        $(impl Identified for $kind {
            fn id(&self) -> &str {
                &self.id
            }
        })*
    };
}

identified!(
    super::Compartment,
    super::User,
    super::Group,
    super::UserGroupMembership,
    super::DynamicGroup,
    super::Policy,
    super::TagNamespace,
    super::SenderInvitation
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_clone_shares_the_list_until_one_of_them_changes() {
        let mut pane: Records<String> = vec!["ana".to_string(), "bo".to_string()].into();
        let snapshot = pane.clone();
        assert!(pane.shares(&snapshot));
        pane.push("cy".to_string());
        assert!(!pane.shares(&snapshot), "the change copied the list first");
        assert_eq!(snapshot.len(), 2, "the other holder keeps what it had");
        assert_eq!(pane.len(), 3);
        // Not shared any more: a change happens in place.
        let before = pane.as_ptr();
        pane[0] = "ann".to_string();
        assert_eq!(pane.as_ptr(), before);
    }

    #[test]
    fn sorting_dedup_and_shrinking_leave_a_shared_list_shared_when_there_is_nothing_to_do() {
        let mut list: Records<u8> = vec![1, 2, 3].into();
        let other = list.clone();
        list.sort_unstable_by(Ord::cmp);
        list.dedup_by(|a, b| a == b);
        list.shrink_to_fit();
        assert!(list.shares(&other));
        list.sort_unstable_by(|a, b| b.cmp(a));
        assert_eq!(*list, vec![3, 2, 1]);
        assert_eq!(*other, vec![1, 2, 3]);
        let mut twice: Records<u8> = vec![1, 1, 2].into();
        twice.dedup_by(|a, b| a == b);
        assert_eq!(*twice, vec![1, 2]);
    }

    #[test]
    fn it_reads_and_writes_json_as_a_list_does() {
        let records: Records<u32> = serde_json::from_str("[3,1,2]").unwrap();
        assert_eq!(*records, vec![3, 1, 2]);
        assert_eq!(serde_json::to_string(&records).unwrap(), "[3,1,2]");
        assert_eq!(records, Records::from(vec![3, 1, 2]));
    }

    #[test]
    fn taking_the_list_out_moves_it_when_alone_and_copies_it_when_shared() {
        let alone: Records<u8> = vec![1, 2].into();
        let pointer = alone.as_ptr();
        let moved = alone.into_vec();
        assert_eq!(moved.as_ptr(), pointer);
        let shared: Records<u8> = vec![1, 2].into();
        let other = shared.clone();
        let copied = shared.into_vec();
        assert_ne!(copied.as_ptr(), other.as_ptr());
    }
}
