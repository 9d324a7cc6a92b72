//! How a [`ListView`] orders and filters its rows, and puts the cursor back on the selected
//! resource afterwards (by its id, through a binary search on the rows' ranks).

use super::list_view::ListView;
use crate::app::ctx::Ctx;
use crate::app::resource::{Resource, SortKey};

impl<T: Resource> ListView<T> {
    /// Sorts every item again (the items or the order changed), then filters.
    pub fn resort(&mut self, ctx: &Ctx) {
        let all = self.items.data().map_or(&[][..], Vec::as_slice);
        let columns = T::columns();
        let column = self.sort.column.and_then(|c| columns.get(c));
        let keys: Vec<(SortKey, SortKey)> = all
            .iter()
            .map(|t| {
                let natural = t.natural_key(ctx);
                match column {
                    Some(c) => (c.sort_key(t, ctx), natural),
                    None => (natural, SortKey::Number(0)),
                }
            })
            .collect();
        let mut order: Vec<usize> = (0..all.len()).collect();
        order.sort_by(|&a, &b| keys[a].cmp(&keys[b]).then(a.cmp(&b)));
        if self.sort.descending {
            order.reverse();
        }
        let mut rank = vec![0; order.len()];
        for (position, &i) in order.iter().enumerate() {
            rank[i] = position;
        }
        self.search = all
            .iter()
            .map(|t| t.search_text(ctx).to_lowercase())
            .collect();
        self.by_id = all
            .iter()
            .enumerate()
            .map(|(i, t)| (t.id().to_string(), i))
            .collect();
        self.order = order;
        self.rank = rank;
        self.filtered_by = None;
        self.refilter(ctx);
    }

    /// Recomputes the rows from the order, scope and filter, keeping the selection on the
    /// same item. While the user types forward, only the rows already shown are tested again.
    pub(super) fn refilter(&mut self, _ctx: &Ctx) {
        let all = self.items.data().map_or(&[][..], Vec::as_slice);
        let narrowing = self
            .filtered_by
            .as_ref()
            .is_some_and(|before| self.filter.narrows(before));
        let candidates: &[usize] = if narrowing { &self.rows } else { &self.order };
        let scope = self.scope.as_deref();
        let in_scope = |i: usize| scope.is_none_or(|s| all[i].compartment_id() == Some(s));
        let rows: Vec<usize> = if self.filter.is_active() {
            let mut compiled = self.filter.compile();
            candidates
                .iter()
                .copied()
                .filter(|&i| in_scope(i) && compiled.matches_lower(&self.search[i]))
                .collect()
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
        let gone = !self.by_id.contains_key(&id);
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
        let &i = self.by_id.get(id)?;
        let rank = *self.rank.get(i)?;
        self.rows
            .binary_search_by_key(&rank, |&r| self.rank[r])
            .ok()
            .or_else(|| self.rows.iter().position(|&r| r == i))
    }
}
