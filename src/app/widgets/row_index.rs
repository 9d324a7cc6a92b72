//! The per-row lookups a [`ListView`](super::list_view::ListView) keeps beside its items,
//! laid out to cost a few bytes a row rather than an allocation a row: at 100,000 users a
//! `String` per row for the id index and another for the filter text came to over 15 MB.

use std::cmp::Ordering;

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

/// The items' positions sorted by their ids: a lookup by OCID is a binary search over
/// four bytes a row, with the id read from the item itself.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IdIndex {
    sorted: Vec<u32>,
}

impl IdIndex {
    pub fn clear(&mut self) {
        self.sorted.clear();
    }

    /// Indexes every item of `ids` (each item's id, by position).
    pub fn rebuild<'a>(&mut self, ids: impl Fn(usize) -> &'a str, len: usize) {
        self.sorted = (0..index(len)).collect();
        self.sorted.sort_unstable_by(|&a, &b| by_id(&ids, a, b));
    }

    /// Adds the items from `from` to `len` (a page appended): they are sorted among
    /// themselves and merged in, O(rows) rather than a sort of everything.
    pub fn extend<'a>(&mut self, ids: impl Fn(usize) -> &'a str, from: usize, len: usize) {
        let mut added: Vec<u32> = (index(from)..index(len)).collect();
        added.sort_unstable_by(|&a, &b| by_id(&ids, a, b));
        let old = std::mem::take(&mut self.sorted);
        let mut merged = Vec::with_capacity(old.len() + added.len());
        let (mut i, mut j) = (0, 0);
        while i < old.len() && j < added.len() {
            if by_id(&ids, added[j], old[i]) == Ordering::Less {
                merged.push(added[j]);
                j += 1;
            } else {
                merged.push(old[i]);
                i += 1;
            }
        }
        merged.extend_from_slice(&old[i..]);
        merged.extend_from_slice(&added[j..]);
        self.sorted = merged;
    }

    /// The position of the item with this id; with duplicates (overlapping pages), the last.
    pub fn find<'a>(&self, ids: impl Fn(usize) -> &'a str, id: &str) -> Option<usize> {
        let after = self.sorted.partition_point(|&i| ids(i as usize) <= id);
        let &i = self.sorted.get(after.checked_sub(1)?)?;
        (ids(i as usize) == id).then_some(i as usize)
    }

    pub fn shrink(&mut self) {
        self.sorted.shrink_to_fit();
    }
}

/// By id, then by position: of duplicates, the last comes last.
fn by_id<'a>(ids: &impl Fn(usize) -> &'a str, a: u32, b: u32) -> Ordering {
    ids(a as usize).cmp(ids(b as usize)).then(a.cmp(&b))
}

/// Row positions are held in four bytes: lists stay far below 4 billion rows.
fn index(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

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
