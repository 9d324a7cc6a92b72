//! How a [`ListView`] orders and filters its rows, and puts the cursor back on the selected
//! resource afterwards (by its id, through a binary search on the rows' ranks).

use super::list_view::ListView;
use crate::app::ctx::Ctx;
use crate::app::resource::{Resource, SortKey};

/// Rows to test above which a substring filter scans every item's text in one pass.
const WHOLE_SCAN_FROM: usize = 2_000;

impl<T: Resource> ListView<T> {
    /// The sort keys of one item under the list's current order.
    fn keys_of(&self, t: &T, ctx: &Ctx) -> (SortKey, SortKey) {
        let natural = t.natural_key(ctx);
        match self
            .sort
            .column
            .and_then(|c| T::columns().into_iter().nth(c))
        {
            Some(c) => (c.sort_key(t, ctx), natural),
            None => (natural, SortKey::Number(0)),
        }
    }

    /// Sorts every item again (the items or the order changed), then filters.
    pub fn resort(&mut self, ctx: &Ctx) {
        let all = self.items.data().map_or(&[][..], |items| items.as_slice());
        let keys: Vec<(SortKey, SortKey)> = all.iter().map(|t| self.keys_of(t, ctx)).collect();
        let mut order: Vec<usize> = (0..all.len()).collect();
        order.sort_by(|&a, &b| keys[a].cmp(&keys[b]).then(a.cmp(&b)));
        if self.sort.descending {
            order.reverse();
        }
        self.search.clear();
        for t in all {
            self.search.push(&t.search_text(ctx));
        }
        self.by_id.rebuild(|i| all[i].id(), all.len());
        if self.items.is_loaded() {
            self.search.shrink();
            self.by_id.shrink();
        }
        self.keep_keys(keys);
        self.set_order(order);
        self.filtered_by = None;
        self.refilter(ctx);
    }

    /// Keys are kept only while pages of a first load arrive, to merge the next page in; a
    /// whole list lets them go (100,000 users' keys are 11 MB, and the next full sort makes
    /// them again).
    fn keep_keys(&mut self, keys: Vec<(SortKey, SortKey)>) {
        self.keys = if self.items.is_loaded() {
            Vec::new()
        } else {
            keys
        };
    }

    /// The items are the same, but what a column shows may have changed (a user's count of
    /// groups, when memberships arrive): sorts again only when a column orders the rows. The
    /// natural order comes from the items themselves and cannot have moved, and sorting
    /// 100,000 users again for nothing held up keys for a tenth of a second.
    pub fn column_data_changed(&mut self, ctx: &Ctx) {
        if self.sort.column.is_some() {
            self.resort(ctx);
        }
    }

    /// Items were appended from `from` on (a page of a first load): only they are keyed and
    /// sorted, then merged into the order, so a long listing costs O(rows) per page instead
    /// of a full sort of everything so far.
    pub(super) fn extend_order(&mut self, from: usize, ctx: &Ctx) {
        let all = self.items.data().map_or(&[][..], |items| items.as_slice());
        if self.keys.len() != from || self.order.len() != from {
            return self.resort(ctx);
        }
        let fresh = &all[from..];
        let new_keys: Vec<(SortKey, SortKey)> =
            fresh.iter().map(|t| self.keys_of(t, ctx)).collect();
        for t in fresh {
            self.search.push(&t.search_text(ctx));
        }
        self.by_id.extend(|i| all[i].id(), from, all.len());
        if self.items.is_loaded() {
            self.search.shrink();
            self.by_id.shrink();
        }
        self.keys.extend(new_keys);
        let keys = &self.keys;
        let before = |a: usize, b: usize| {
            let ascending = keys[a].cmp(&keys[b]).then(a.cmp(&b));
            if self.sort.descending {
                ascending.reverse()
            } else {
                ascending
            }
        };
        let mut added: Vec<usize> = (from..all.len()).collect();
        added.sort_by(|&a, &b| before(a, b));
        let merged = super::row_index::merge_sorted(&self.order, &added, |a, b| {
            before(a, b) == std::cmp::Ordering::Less
        });
        self.set_order(merged);
        let keys = std::mem::take(&mut self.keys);
        self.keep_keys(keys);
        self.filtered_by = None;
        self.refilter(ctx);
    }

    fn set_order(&mut self, order: Vec<usize>) {
        let mut rank = vec![0; order.len()];
        for (position, &i) in order.iter().enumerate() {
            rank[i] = position;
        }
        self.order = order;
        self.rank = rank;
    }

    /// Recomputes the rows from the order, scope and filter, keeping the selection on the
    /// same item. While the user types forward, only the rows already shown are tested again.
    pub(super) fn refilter(&mut self, _ctx: &Ctx) {
        let all = self.items.data().map_or(&[][..], |items| items.as_slice());
        let narrowing = self
            .filtered_by
            .as_ref()
            .is_some_and(|before| self.filter.narrows(before));
        let candidates: &[usize] = if narrowing { &self.rows } else { &self.order };
        let scope = self.scope.as_deref();
        let in_scope = |i: usize| scope.is_none_or(|s| all[i].compartment_id() == Some(s));
        let rows: Vec<usize> = if self.filter.is_active() {
            let mut compiled = self.filter.compile();
            match compiled.substring() {
                // Many rows to test: one pass over all the texts is faster than a search each.
                Some(needle) if candidates.len() > WHOLE_SCAN_FROM => {
                    let hits = self.search.containing(needle);
                    candidates
                        .iter()
                        .copied()
                        .filter(|&i| hits.get(i) == Some(&true) && in_scope(i))
                        .collect()
                }
                _ => candidates
                    .iter()
                    .copied()
                    .filter(|&i| in_scope(i) && compiled.matches_lower(self.search.get(i)))
                    .collect(),
            }
        } else if scope.is_some() {
            candidates
                .iter()
                .copied()
                .filter(|&i| in_scope(i))
                .collect()
        } else {
            candidates.to_vec()
        };
        self.rows = rows;
        self.filtered_by = Some(self.filter.clone());
        self.follow_selection();
    }

    /// Puts the cursor on the selected item's row; if it is not shown any more, on its nearest
    /// neighbour, with a note when the item itself is gone.
    pub(super) fn follow_selection(&mut self) {
        let Some((id, name)) = self.selected.clone() else {
            self.cursor.clamp(self.rows.len());
            // While pages still arrive, an untouched cursor stays on the top row rather than
            // holding on to whichever row happened to come first.
            if self.items.is_loaded() {
                self.remember_selection();
            }
            return;
        };
        if let Some(pos) = self.position_of(&id) {
            self.cursor.selected = pos;
            return;
        }
        self.cursor.clamp(self.rows.len());
        if !self.items.is_loaded() {
            // Still loading: the item may come with a later page; keep waiting for it.
            return;
        }
        let gone = self.index_of(&id).is_none();
        self.remember_selection();
        if gone {
            self.note = Some(match self.selected() {
                Some(next) => format!(
                    "{} {name} is gone; selected {} instead",
                    T::NOUN.one,
                    next.name()
                ),
                None => format!("{} {name} is gone", T::NOUN.one),
            });
        }
    }

    /// The row showing the item with this id (rows keep the sorted order, so the item's rank
    /// finds it by binary search).
    pub(super) fn position_of(&self, id: &str) -> Option<usize> {
        let i = self.index_of(id)?;
        let rank = *self.rank.get(i)?;
        self.rows
            .binary_search_by_key(&rank, |&r| self.rank[r])
            .ok()
            .or_else(|| self.rows.iter().position(|&r| r == i))
    }
}
