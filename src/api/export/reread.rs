//! Reading a tenancy again while the last read of it is in use (a warm start revalidating
//! the cached snapshot the panes show). A record that comes back the same as before is not
//! held a second time: only its place in the list before is noted. A list that comes back
//! unchanged is the list before, shared (see [`Records`]), so a warm start holds one tenancy
//! and not two while it reads, and the panes that show it keep the same rows.

use std::hash::BuildHasher;

use hashbrown::HashTable;
use rustc_hash::FxBuildHasher;

use crate::model::Records;
use crate::model::records::Identified;

/// One list read again, page by page.
pub(super) struct Reread<'a, T> {
    before: Option<&'a Records<T>>,
    /// Where each record of `before` is, by the hash of its OCID (4 bytes a record: a map
    /// from OCID to place was 10 MB for 250,000 memberships); `None` when `before` is in
    /// OCID order (a snapshot's own order), where a binary search finds it.
    places: Option<HashTable<u32>>,
    /// Places in `before` of the records read again unchanged.
    same: Vec<u32>,
    /// Records that are new or changed.
    fresh: Vec<T>,
}

impl<'a, T: Identified + PartialEq + Clone> Reread<'a, T> {
    pub fn new(before: Option<&'a Records<T>>) -> Self {
        // A list a pane read is in the service's order, not the snapshot's.
        let places = before
            .filter(|b| !b.is_sorted_by(|x, y| x.id() < y.id()))
            .map(|b| {
                let mut places = HashTable::with_capacity(b.len());
                for (at, record) in b.iter().enumerate() {
                    places
                        .insert_unique(hash(record.id()), at as u32, |&i| hash(b[i as usize].id()));
                }
                places
            });
        Reread {
            before,
            places,
            same: Vec::new(),
            fresh: Vec::new(),
        }
    }

    /// Where the record with this OCID is in the list before.
    fn place(&self, id: &str) -> Option<usize> {
        let before = self.before?;
        match &self.places {
            Some(places) => places
                .find(hash(id), |&at| before[at as usize].id() == id)
                .map(|&at| at as usize),
            None => before.binary_search_by(|b| b.id().cmp(id)).ok(),
        }
    }

    /// Takes one page: each record is either the one before or kept.
    pub fn take(&mut self, page: Vec<T>) {
        for record in page {
            match (self.before, self.place(record.id())) {
                (Some(before), Some(at)) if before[at] == record => self.same.push(at as u32),
                _ => self.fresh.push(record),
            }
        }
    }

    /// The list read: the list before itself when nothing changed, else the records kept
    /// and copies of the unchanged ones (not in order: the snapshot sorts its lists).
    pub fn finish(mut self) -> Records<T> {
        self.same.sort_unstable();
        self.same.dedup();
        let Some(before) = self.before else {
            return self.fresh.into();
        };
        if self.fresh.is_empty() && self.same.len() == before.len() {
            return before.clone();
        }
        let mut list = Vec::with_capacity(self.same.len() + self.fresh.len());
        list.extend(self.same.iter().map(|&at| before[at as usize].clone()));
        list.append(&mut self.fresh);
        list.into()
    }
}

fn hash(id: &str) -> u64 {
    FxBuildHasher.hash_one(id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Group;

    fn group(id: &str, name: &str) -> Group {
        serde_json::from_value(serde_json::json!({"id": id, "compartmentId": "t", "name": name}))
            .unwrap()
    }

    #[test]
    fn a_list_read_again_unchanged_is_the_list_before() {
        let before: Records<Group> = vec![group("a", "ana"), group("b", "bo")].into();
        let mut again = Reread::new(Some(&before));
        again.take(vec![group("b", "bo")]);
        again.take(vec![group("a", "ana"), group("b", "bo")]);
        let read = again.finish();
        assert!(
            read.shares(&before),
            "pages that overlap still count each record once"
        );
    }

    #[test]
    fn a_changed_added_or_removed_record_makes_a_new_list_with_what_the_service_said() {
        let before: Records<Group> =
            vec![group("a", "ana"), group("b", "bo"), group("c", "cy")].into();
        let mut again = Reread::new(Some(&before));
        again.take(vec![group("a", "ana"), group("b", "bob"), group("d", "di")]);
        let mut read = again.finish().into_vec();
        read.sort_by(|x, y| x.id.cmp(&y.id));
        let names: Vec<&str> = read.iter().map(|g| g.name.as_str()).collect();
        assert_eq!(
            names,
            ["ana", "bob", "di"],
            "c is gone, b changed, d is new"
        );
        assert_eq!(before.len(), 3, "the list before is left as it was");
    }

    #[test]
    fn without_a_list_before_every_record_is_kept() {
        let mut first = Reread::new(None);
        first.take(vec![group("a", "ana")]);
        assert_eq!(first.finish().len(), 1);
    }

    #[test]
    fn a_list_before_in_the_services_order_is_found_by_ocid_too() {
        let unsorted: Records<Group> = vec![group("b", "bo"), group("a", "ana")].into();
        let mut again = Reread::new(Some(&unsorted));
        again.take(vec![group("a", "ana"), group("b", "bo")]);
        assert!(again.finish().shares(&unsorted));
        let mut changed = Reread::new(Some(&unsorted));
        changed.take(vec![group("a", "ann"), group("b", "bo")]);
        let read = changed.finish();
        assert!(!read.shares(&unsorted));
        assert!(read.iter().any(|g| g.name == "ann"));
    }
}
