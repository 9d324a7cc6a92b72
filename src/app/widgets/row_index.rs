//! The per-row lookups a [`ListView`](super::list_view::ListView) keeps beside its items,
//! laid out to cost a few bytes a row rather than an allocation a row: at 100,000 users a
//! `String` per row for the id index and another for the filter text came to over 15 MB.

use std::hash::BuildHasher;

use hashbrown::HashTable;
use hashbrown::hash_table::Entry;

/// Every item's filter text (lower-cased) in one buffer, cut at recorded ends.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchTexts {
    text: String,
    /// Where each item's text ends in `text`.
    ends: Vec<u32>,
}

impl SearchTexts {
    pub fn clear(&mut self) {
        self.text.clear();
        self.ends.clear();
    }

    /// Appends the next item's text, lower-casing it on the way in.
    pub fn push(&mut self, text: &str) {
        if text.is_ascii() {
            let from = self.text.len();
            self.text.push_str(text);
            self.text[from..].make_ascii_lowercase();
        } else {
            self.text.push_str(&text.to_lowercase());
        }
        // A list's filter text stays far below 4 GiB; past it, the last end repeats and
        // further rows match as empty text rather than panicking.
        let end = u32::try_from(self.text.len()).unwrap_or(u32::MAX);
        self.ends.push(end);
    }

    /// The lower-cased filter text of item `i` (empty past the end).
    pub fn get(&self, i: usize) -> &str {
        let Some(&end) = self.ends.get(i) else {
            return "";
        };
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        self.text.get(start as usize..end as usize).unwrap_or("")
    }

    /// Which items' texts contain `needle`: one SIMD pass over every text at once, rather
    /// than a search started per item (at 100,000 rows, a keystroke that widens the filter
    /// took 15-30 ms the other way).
    pub fn containing(&self, needle: &[u8]) -> Vec<bool> {
        let mut hits = vec![false; self.ends.len()];
        let finder = memchr::memmem::Finder::new(needle);
        let text = self.text.as_bytes();
        let (mut at, mut item) = (0, 0);
        while let Some(found) = finder.find(&text[at..]) {
            let start = at + found;
            // The item the match starts in: the first whose end lies past it.
            while item < self.ends.len() && self.ends[item] as usize <= start {
                item += 1;
            }
            let Some(&end) = self.ends.get(item) else {
                break;
            };
            if start + needle.len() <= end as usize {
                hits[item] = true;
                // One hit is enough: go on from the next item.
                at = end as usize;
            } else {
                // The match runs into the next item's text: look again from just after
                // where it started.
                at = start + 1;
            }
        }
        hits
    }

    /// Drops spare capacity once a listing is complete.
    pub fn shrink(&mut self) {
        self.text.shrink_to_fit();
        self.ends.shrink_to_fit();
    }
}

/// The items' positions by the hash of their ids: a lookup by OCID, and a page appended,
/// touch only the rows whose hashes match, where a sorted index compared ids row after row
/// (each comparison reading two rows far apart in memory: 7-19 ms a page at 100,000 users).
/// Eight bytes a row (position and hash), so growing the table reads no row at all.
#[derive(Debug, Clone, Default)]
pub struct IdIndex {
    table: HashTable<(u32, u32)>,
}

impl IdIndex {
    pub fn clear(&mut self) {
        self.table.clear();
    }

    /// Indexes every item of `ids` (each item's id, by position).
    pub fn rebuild<'a>(&mut self, ids: impl Fn(usize) -> &'a str, len: usize) {
        self.table.clear();
        self.table.reserve(len, |&(_, h)| spread(h));
        self.extend(ids, 0, len);
    }

    /// Adds the items from `from` to `len` (a page appended). Of duplicates (overlapping
    /// pages), the last is kept.
    pub fn extend<'a>(&mut self, ids: impl Fn(usize) -> &'a str, from: usize, len: usize) {
        for i in from..len {
            let id = ids(i);
            let h = hash32(id);
            let same = |&(j, jh): &(u32, u32)| jh == h && ids(j as usize) == id;
            match self.table.entry(spread(h), same, |&(_, h)| spread(h)) {
                Entry::Occupied(mut e) => e.get_mut().0 = index(i),
                Entry::Vacant(e) => {
                    e.insert((index(i), h));
                }
            }
        }
    }

    /// The position of the item with this id.
    pub fn find<'a>(&self, ids: impl Fn(usize) -> &'a str, id: &str) -> Option<usize> {
        let h = hash32(id);
        self.table
            .find(spread(h), |&(j, jh)| jh == h && ids(j as usize) == id)
            .map(|&(j, _)| j as usize)
    }

    pub fn shrink(&mut self) {
        self.table.shrink_to_fit(|&(_, h)| spread(h));
    }
}

/// The same rows under the same ids, whatever order the table holds them in.
impl PartialEq for IdIndex {
    fn eq(&self, other: &Self) -> bool {
        self.table.len() == other.table.len()
            && self
                .table
                .iter()
                .all(|&row| other.table.find(spread(row.1), |&o| o == row).is_some())
    }
}

impl Eq for IdIndex {}

fn hash32(id: &str) -> u32 {
    let h = rustc_hash::FxBuildHasher.hash_one(id);
    // Both halves, so the high bits of the id's hash count.
    (h ^ (h >> 32)) as u32
}

/// The table picks buckets by the low bits and tags by the high ones: the 32-bit hash fills
/// both.
fn spread(h: u32) -> u64 {
    (u64::from(h) << 32) | u64::from(h)
}

/// Merges `added` (sorted by `before`) into `old` (sorted the same way). Each added position
/// finds its place by binary search from the last one: a page of k rows into n costs
/// O(k log n) comparisons, not n. Comparisons are what cost (each reads two rows' text, far
/// apart in memory); copying the positions between them is a memcpy.
pub(super) fn merge_sorted<T: Copy>(
    old: &[T],
    added: &[T],
    before: impl Fn(T, T) -> bool,
) -> Vec<T> {
    let mut merged = Vec::with_capacity(old.len() + added.len());
    let mut start = 0;
    for &a in added {
        // Old positions not after `a` stay before it (ties keep the old first).
        let place = start + old[start..].partition_point(|&o| !before(a, o));
        merged.extend_from_slice(&old[start..place]);
        merged.push(a);
        start = place;
    }
    merged.extend_from_slice(&old[start..]);
    merged
}

/// Row positions are held in four bytes: lists stay far below 4 billion rows.
fn index(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_merge_by_binary_search_gives_what_sorting_everything_gives() {
        let old = [1, 3, 3, 8, 20, 21, 40];
        for added in [
            vec![],
            vec![0],
            vec![50],
            vec![3, 3, 9],
            vec![0, 2, 8, 41, 41],
        ] {
            let merged = merge_sorted(&old, &added, |a, b| a < b);
            let mut sorted: Vec<i32> = old.iter().chain(&added).copied().collect();
            sorted.sort_unstable();
            assert_eq!(merged, sorted, "{added:?}");
        }
        // Ties: an old position stays before an added one that compares equal.
        let tagged = merge_sorted(&[(3, 'o')], &[(3, 'a')], |a, b| a.0 < b.0);
        assert_eq!(tagged, [(3, 'o'), (3, 'a')]);
    }

    #[test]
    fn search_texts_cut_each_item_out_lower_cased() {
        let mut s = SearchTexts::default();
        s.push("Ana");
        s.push("");
        s.push("ÉLODIE Dupont");
        assert_eq!((s.get(0), s.get(1), s.get(2)), ("ana", "", "élodie dupont"));
        assert_eq!(s.get(3), "");
    }

    #[test]
    fn containing_finds_each_item_once_and_never_across_two() {
        let mut s = SearchTexts::default();
        for t in ["abcab", "ca", "", "b", "xab"] {
            s.push(t);
        }
        assert_eq!(s.containing(b"ab"), [true, false, false, false, true]);
        // "ab|ca" and "ca|b" run across items: no match.
        assert_eq!(s.containing(b"bca"), [true, false, false, false, false]);
        assert_eq!(s.containing(b"cab"), [true, false, false, false, false]);
        assert_eq!(s.containing(b"z"), [false; 5]);
        // The same answers as a search per item, for every needle cut from the texts.
        let all = "abcabcaxab";
        for from in 0..all.len() {
            for to in from + 1..=all.len() {
                let needle = &all[from..to];
                let each: Vec<bool> = ["abcab", "ca", "", "b", "xab"]
                    .iter()
                    .map(|t| t.contains(needle))
                    .collect();
                assert_eq!(s.containing(needle.as_bytes()), each, "{needle}");
            }
        }
    }

    #[test]
    fn the_id_index_finds_items_added_in_pages_and_the_last_of_duplicates() {
        let items = ["m", "c", "x", "a", "q", "c"];
        let ids = |i: usize| items[i];
        let mut index = IdIndex::default();
        index.rebuild(ids, 3);
        index.extend(ids, 3, items.len());
        for (i, id) in items.iter().enumerate().take(5) {
            let found = index.find(ids, id).unwrap();
            assert_eq!(items[found], *id);
            if *id != "c" {
                assert_eq!(found, i);
            }
        }
        assert_eq!(index.find(ids, "c"), Some(5));
        assert_eq!(index.find(ids, "b"), None);
        assert_eq!(index.find(ids, "z"), None);
        let mut whole = IdIndex::default();
        whole.rebuild(ids, items.len());
        assert_eq!(whole.find(ids, "c"), Some(5));
    }
}
