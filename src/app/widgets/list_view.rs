//! The one generic list every resource kind is shown in: the rows after scope and `/` filter,
//! sorted by any column, with the selection kept on the same resource (by its OCID) through
//! refreshes, filters, sorting, reloads and writes. If the selected resource is gone, the
//! nearest neighbour is selected and [`ListView::note`] says so.

use std::collections::BTreeSet;

use super::cursor::ListCursor;
use super::filter::ListFilter;
use super::loadable::Loadable;
use super::row_index::{IdIndex, SearchTexts};
use crate::app::action::Action;
use crate::app::ctx::Ctx;
use crate::app::request::{Failure, Items, Payload, RequestId, Response};
use crate::app::resource::Resource;
use crate::model::Records;

pub use super::list_control::ListControl;

/// Which column rows are ordered by (`None`: the kind's natural order), and which way.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Sort {
    pub column: Option<usize>,
    pub descending: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ListView<T> {
    /// Shared with the snapshot the pane was filled from (see [`Records`]).
    pub items: Loadable<Records<T>>,
    /// A reload on its way while the old items stay on screen.
    pub refreshing: Option<RequestId>,
    /// Pages of a reload gathered until its last one arrives.
    pub(super) incoming: Vec<T>,
    /// Indices into the items shown, in order.
    pub(super) rows: Vec<usize>,
    pub cursor: ListCursor,
    /// The selected resource's id and name: the selection follows it, not the row number.
    pub(super) selected: Option<(String, String)>,
    pub filter: ListFilter,
    pub sort: Sort,
    /// Only resources in this compartment.
    pub scope: Option<String>,
    /// Columns the user hid, by index.
    pub hidden: BTreeSet<usize>,
    /// Resources marked for a bulk action, by id.
    pub marked: BTreeSet<String>,
    /// Something the user should be told about the selection ("ana is gone").
    pub note: Option<String>,
    /// Every item's index in sorted order, kept while only the filter changes.
    pub(super) order: Vec<usize>,
    /// Each item's position in `order`.
    pub(super) rank: Vec<usize>,
    /// The items by id.
    pub(super) by_id: IdIndex,
    /// Each item's filter text, lower-cased once per change of the items.
    pub(super) search: SearchTexts,
    /// Each item's sort keys, kept so a page of a first load merges in without re-keying.
    pub(super) keys: Vec<(crate::app::resource::SortKey, crate::app::resource::SortKey)>,
    /// The query the rows were filtered with, to narrow them while the user types on.
    pub(super) filtered_by: Option<ListFilter>,
}

// Not derived: the derive would ask `T: Default`, which resources are not.
impl<T> Default for ListView<T> {
    fn default() -> Self {
        ListView {
            items: Loadable::NotLoaded,
            refreshing: None,
            incoming: Vec::new(),
            rows: Vec::new(),
            cursor: ListCursor::default(),
            selected: None,
            filter: ListFilter::default(),
            sort: Sort::default(),
            scope: None,
            hidden: BTreeSet::new(),
            marked: BTreeSet::new(),
            note: None,
            order: Vec::new(),
            rank: Vec::new(),
            by_id: IdIndex::default(),
            search: SearchTexts::default(),
            keys: Vec::new(),
            filtered_by: None,
        }
    }
}

impl<T: Resource> ListView<T> {
    /// The selected item, if any row is shown.
    pub fn selected(&self) -> Option<&T> {
        self.row(self.cursor.selected)
    }

    pub fn selected_id(&self) -> Option<&str> {
        self.selected.as_ref().map(|(id, _)| id.as_str())
    }

    /// The item on row `i` of the rows shown.
    pub fn row(&self, i: usize) -> Option<&T> {
        self.items.data()?.get(*self.rows.get(i)?)
    }

    /// How many rows are shown.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// `height` rows from `offset`, with their row numbers: drawing costs the rows drawn, not
    /// the rows loaded.
    pub fn window(&self, offset: usize, height: usize) -> impl Iterator<Item = (usize, &T)> {
        let all = self.all();
        self.rows
            .iter()
            .enumerate()
            .skip(offset)
            .take(height)
            .filter_map(move |(row, &i)| all.get(i).map(|t| (row, t)))
    }

    /// The rows shown, in order (tests and small lists).
    pub fn visible(&self) -> Vec<&T> {
        self.window(0, self.rows.len()).map(|(_, t)| t).collect()
    }

    /// Every item, shown or not.
    pub fn all(&self) -> &[T] {
        self.items.data().map_or(&[][..], |items| items.as_slice())
    }

    pub fn find(&self, id: &str) -> Option<&T> {
        self.all().get(self.index_of(id)?)
    }

    /// The position in the items of the one with this id.
    pub(super) fn index_of(&self, id: &str) -> Option<usize> {
        let all = self.all();
        self.by_id.find(|i| all[i].id(), id)
    }

    /// True when a response to `request` belongs to this list.
    pub fn awaits(&self, request: RequestId) -> bool {
        self.refreshing == Some(request) || self.items.awaits(request)
    }

    /// True while the first load or a reload is on its way.
    /// Every item, once the listing is whole and no reload is on its way.
    pub fn loaded(&self) -> Option<&Records<T>> {
        match &self.items {
            Loadable::Loaded(items) if self.refreshing.is_none() => Some(items),
            _ => None,
        }
    }

    pub fn is_loading(&self) -> bool {
        self.refreshing.is_some() || self.items.is_loading()
    }

    /// Waits for a listing. Items already shown stay (and stay selectable) until it arrives.
    pub fn start_loading(&mut self, request: RequestId) {
        self.incoming.clear();
        if self.items.is_loaded() {
            self.refreshing = Some(request);
        } else {
            self.items = Loadable::loading(request);
            self.rows.clear();
        }
    }

    /// Forgets the items (the scope changed): the next [`ListView::start_loading`] starts
    /// from nothing.
    pub fn reset(&mut self) {
        self.items = Loadable::NotLoaded;
        self.refreshing = None;
        self.incoming.clear();
        self.rows.clear();
        self.order.clear();
        self.rank.clear();
        self.by_id.clear();
        self.search.clear();
        self.keys.clear();
    }

    /// Takes one answer (a page, or the whole listing when `done`); false if it was not
    /// awaited. A first load shows pages as they arrive; a reload swaps in on its last page.
    pub fn take(
        &mut self,
        request: RequestId,
        result: Result<Vec<T>, Failure>,
        done: bool,
        ctx: &Ctx,
    ) -> bool {
        if !self.awaits(request) {
            return false;
        }
        match result {
            Err(failure) => {
                self.refreshing = None;
                self.incoming.clear();
                self.items = Loadable::Failed(failure);
            }
            Ok(page) if self.refreshing.is_some() => {
                self.incoming.extend(page);
                if !done {
                    return true;
                }
                self.refreshing = None;
                self.items = Loadable::Loaded(std::mem::take(&mut self.incoming).into());
            }
            Ok(page) => {
                let mut partial = match std::mem::take(&mut self.items) {
                    Loadable::Loading {
                        partial: Some(p), ..
                    } => p,
                    _ => Records::default(),
                };
                let from = partial.len();
                partial.extend(page);
                // Pages grow the list by doubling; the finished list keeps no slack.
                if done && partial.capacity() > partial.len() + partial.len() / 8 {
                    partial.shrink_to_fit();
                }
                self.items = if done {
                    Loadable::Loaded(partial)
                } else {
                    Loadable::Loading {
                        request,
                        partial: Some(partial),
                    }
                };
                // A page of a first load: merge it in rather than sort everything again.
                self.extend_order(from, ctx);
                return true;
            }
        }
        self.resort(ctx);
        true
    }

    /// Replaces every item (a list derived from other data, e.g. a user's groups); the
    /// selection stays on the same item if it is still there.
    pub fn set_items(&mut self, items: impl Into<Records<T>>, ctx: &Ctx) {
        let items = items.into();
        self.refreshing = None;
        self.incoming.clear();
        // The very list shown already (a tenancy read again that found no change): its rows,
        // order and filter texts stand; building them again for 100,000 rows is work and
        // memory for nothing.
        if matches!(&self.items, Loadable::Loaded(shown) if shown.shares(&items)) {
            return;
        }
        self.items = Loadable::Loaded(items);
        self.resort(ctx);
    }

    /// Takes a response if it answers this list's listing: its items, or its failure. An
    /// answer of another type fails the list with a message instead of leaving it loading.
    /// The items are moved out of the response (left holding an empty list), so a listing
    /// of 100,000 rows is never copied on its way in.
    pub fn take_response(&mut self, response: &mut Response, ctx: &Ctx) -> bool {
        if !self.awaits(response.id) {
            return false;
        }
        let what = || format!("the listing of {}", T::NOUN.many);
        let result = match &mut response.result {
            Ok(Payload::Items(items)) if items.holds::<T>() => {
                let items = std::mem::replace(items, Items::new(Vec::<T>::new()));
                Ok(items.take::<T>().unwrap_or_default())
            }
            Ok(other) => Err(Failure::unexpected(&what(), other)),
            Err(f) => Err(f.clone()),
        };
        let done = response.done || result.is_err();
        self.take(response.id, result, done, ctx)
    }

    /// Replaces the item with the same id, or adds it, and selects it (after a write).
    pub fn upsert(&mut self, item: T, ctx: &Ctx) {
        let id = item.id().to_string();
        let name = item.name().to_string();
        if let Some(list) = self.items.data_mut() {
            match list.iter_mut().find(|t| t.id() == id) {
                Some(existing) => *existing = item,
                None => list.push(item),
            }
        } else {
            self.items = Loadable::Loaded(vec![item].into());
        }
        self.selected = Some((id, name));
        self.resort(ctx);
    }

    /// Replaces the item with the same id (a fuller read of it) without moving the selection.
    pub fn replace(&mut self, item: T, ctx: &Ctx) {
        if let Some(existing) = self
            .items
            .data_mut()
            .and_then(|list| list.iter_mut().find(|t| t.id() == item.id()))
        {
            *existing = item;
            self.resort(ctx);
        }
    }

    /// Drops the item (after a delete); the nearest neighbour takes the selection quietly.
    pub fn remove(&mut self, id: &str, ctx: &Ctx) {
        if let Some(list) = self.items.data_mut() {
            list.retain(|t| t.id() != id);
        }
        self.marked.remove(id);
        if self.selected_id() == Some(id) {
            // The user removed it: no need to tell them it is gone.
            self.selected = None;
        }
        self.resort(ctx);
    }

    /// Selects the item with this id now if it is listed, or as soon as the listing brings it
    /// (a jump to an OCID while the list still loads); a list without it says it is gone.
    pub fn want(&mut self, id: &str) {
        if !self.select(id) {
            self.selected = Some((id.to_string(), id.to_string()));
            self.follow_selection();
        }
    }

    /// Moves the selection to the item with this id, if it is shown.
    pub fn select(&mut self, id: &str) -> bool {
        match self.position_of(id) {
            Some(pos) => {
                self.cursor.selected = pos;
                self.remember_selection();
                true
            }
            None => false,
        }
    }

    pub fn navigate(&mut self, action: &Action) -> bool {
        let moved = self.cursor.navigate(action, self.rows.len());
        if moved {
            self.remember_selection();
        }
        moved
    }

    pub fn set_filter(&mut self, filter: ListFilter, ctx: &Ctx) {
        self.filter = filter;
        self.refilter(ctx);
    }

    /// Shows only the items of one compartment (`None`: all).
    pub fn set_scope(&mut self, scope: Option<String>, ctx: &Ctx) {
        self.scope = scope;
        self.filtered_by = None;
        self.refilter(ctx);
    }

    /// Orders by the next column (after the last, back to the natural order).
    pub fn sort_next(&mut self, ctx: &Ctx) {
        let columns = T::columns().len();
        self.sort.column = match self.sort.column {
            None => Some(0),
            Some(c) if c + 1 < columns => Some(c + 1),
            Some(_) => None,
        };
        self.sort.descending = false;
        self.resort(ctx);
    }

    pub fn sort_reverse(&mut self, ctx: &Ctx) {
        self.sort.descending = !self.sort.descending;
        self.resort(ctx);
    }

    /// `Created ↓` for the title, when the user chose an order.
    pub fn sort_label(&self) -> Option<String> {
        let title = match self.sort.column {
            Some(c) => T::columns().get(c)?.title,
            None if self.sort.descending => "name",
            None => return None,
        };
        Some(format!(
            "{title} {}",
            if self.sort.descending { "↓" } else { "↑" }
        ))
    }

    /// Marks or unmarks the selection; true when it is now marked.
    pub fn toggle_mark(&mut self) -> bool {
        let Some(id) = self.selected_id().map(str::to_string) else {
            return false;
        };
        if self.marked.remove(&id) {
            false
        } else {
            self.marked.insert(id);
            true
        }
    }

    /// The marked items that still exist, in list order.
    pub fn marked_items(&self) -> Vec<&T> {
        self.order
            .iter()
            .filter_map(|&i| self.all().get(i))
            .filter(|t| self.marked.contains(t.id()))
            .collect()
    }

    pub(super) fn remember_selection(&mut self) {
        self.selected = self
            .selected()
            .map(|t| (t.id().to_string(), t.name().to_string()));
    }
}

#[cfg(test)]
#[path = "list_view_tests.rs"]
mod tests;
