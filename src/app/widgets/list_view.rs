//! The one generic list every resource kind is shown in: the rows after scope and `/` filter,
//! sorted by any column, with the selection kept on the same resource (by its OCID) through
//! refreshes, filters, sorting, reloads and writes. If the selected resource is gone, the
//! nearest neighbour is selected and [`ListView::note`] says so.

use std::collections::{BTreeSet, HashMap};

use super::cursor::ListCursor;
use super::filter::ListFilter;
use super::loadable::Loadable;
use crate::app::action::Action;
use crate::app::ctx::Ctx;
use crate::app::request::{Failure, Payload, RequestId, Response};
use crate::app::resource::{Noun, Presence, Resource, SortKey};

/// Which column rows are ordered by (`None`: the kind's natural order), and which way.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Sort {
    pub column: Option<usize>,
    pub descending: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ListView<T> {
    pub items: Loadable<Vec<T>>,
    /// A reload on its way while the old items stay on screen.
    pub refreshing: Option<RequestId>,
    /// Pages of a reload gathered until its last one arrives.
    incoming: Vec<T>,
    /// Indices into the items shown, in order.
    rows: Vec<usize>,
    pub cursor: ListCursor,
    /// The selected resource's id and name: the selection follows it, not the row number.
    selected: Option<(String, String)>,
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
    order: Vec<usize>,
    /// Each item's position in `order`.
    rank: Vec<usize>,
    by_id: HashMap<String, usize>,
    /// Each item's filter text, lower-cased once per change of the items.
    search: Vec<String>,
    /// The query the rows were filtered with, to narrow them while the user types on.
    filtered_by: Option<ListFilter>,
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
            by_id: HashMap::new(),
            search: Vec::new(),
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
        self.items.data().map_or(&[][..], Vec::as_slice)
    }

    pub fn find(&self, id: &str) -> Option<&T> {
        self.all().get(*self.by_id.get(id)?)
    }

    /// True when a response to `request` belongs to this list.
    pub fn awaits(&self, request: RequestId) -> bool {
        self.refreshing == Some(request) || self.items.awaits(request)
    }

    /// True while the first load or a reload is on its way.
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
                self.items = Loadable::Loaded(std::mem::take(&mut self.incoming));
            }
            Ok(page) => {
                let mut partial = match std::mem::take(&mut self.items) {
                    Loadable::Loading {
                        partial: Some(p), ..
                    } => p,
                    _ => Vec::new(),
                };
                partial.extend(page);
                self.items = if done {
                    Loadable::Loaded(partial)
                } else {
                    Loadable::Loading {
                        request,
                        partial: Some(partial),
                    }
                };
            }
        }
        self.resort(ctx);
        true
    }

    /// Replaces every item (a list derived from other data, e.g. a user's groups); the
    /// selection stays on the same item if it is still there.
    pub fn set_items(&mut self, items: Vec<T>, ctx: &Ctx) {
        self.items = Loadable::Loaded(items);
        self.refreshing = None;
        self.incoming.clear();
        self.resort(ctx);
    }

    /// Takes a response if it answers this list's listing: its items, or its failure. An
    /// answer of another type fails the list with a message instead of leaving it loading.
    pub fn take_response(&mut self, response: &Response, ctx: &Ctx) -> bool {
        if !self.awaits(response.id) {
            return false;
        }
        let result = match &response.result {
            Ok(Payload::Items(items)) => items.clone().take::<T>().ok_or_else(|| {
                Failure::unexpected(
                    &format!("the listing of {}", T::NOUN.many),
                    &Payload::Items(items.clone()),
                )
            }),
            Ok(other) => Err(Failure::unexpected(
                &format!("the listing of {}", T::NOUN.many),
                other,
            )),
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
            self.items = Loadable::Loaded(vec![item]);
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
    fn refilter(&mut self, _ctx: &Ctx) {
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
    fn follow_selection(&mut self) {
        let Some((id, name)) = self.selected.clone() else {
            self.cursor.clamp(self.rows.len());
            self.remember_selection();
            return;
        };
        if let Some(pos) = self.position_of(&id) {
            self.cursor.selected = pos;
            return;
        }
        self.cursor.clamp(self.rows.len());
        let gone = self.items.is_loaded() && !self.by_id.contains_key(&id);
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
    fn position_of(&self, id: &str) -> Option<usize> {
        let &i = self.by_id.get(id)?;
        let rank = *self.rank.get(i)?;
        self.rows
            .binary_search_by_key(&rank, |&r| self.rank[r])
            .ok()
            .or_else(|| self.rows.iter().position(|&r| r == i))
    }

    fn remember_selection(&mut self) {
        self.selected = self
            .selected()
            .map(|t| (t.id().to_string(), t.name().to_string()));
    }
}

/// What the generic list keys (filter, sort, columns, marks, copy, raw JSON) need of any
/// list, whatever its kind: panes hand out their focused list as one of these.
pub trait ListControl {
    fn noun(&self) -> Noun;
    fn navigate(&mut self, action: &Action) -> bool;
    fn filter(&self) -> &ListFilter;
    fn set_filter(&mut self, filter: ListFilter, ctx: &Ctx);
    fn selected_id(&self) -> Option<&str>;
    fn selected_name(&self) -> Option<String>;
    fn selected_json(&self) -> Option<serde_json::Value>;
    fn selected_presence(&self) -> Option<Presence>;
    fn sort_next(&mut self, ctx: &Ctx);
    fn sort_reverse(&mut self, ctx: &Ctx);
    /// Every column's title and whether it is shown.
    fn columns(&self) -> Vec<(&'static str, bool)>;
    fn toggle_column(&mut self, column: usize);
    fn toggle_mark(&mut self) -> bool;
    fn marked(&self) -> usize;
    fn take_note(&mut self) -> Option<String>;
    /// The writes this kind offers.
    fn actions(&self) -> &'static [Action];
}

impl<T: Resource> ListControl for ListView<T> {
    fn noun(&self) -> Noun {
        T::NOUN
    }

    fn navigate(&mut self, action: &Action) -> bool {
        ListView::navigate(self, action)
    }

    fn filter(&self) -> &ListFilter {
        &self.filter
    }

    fn set_filter(&mut self, filter: ListFilter, ctx: &Ctx) {
        ListView::set_filter(self, filter, ctx);
    }

    fn selected_id(&self) -> Option<&str> {
        ListView::selected_id(self)
    }

    fn selected_name(&self) -> Option<String> {
        self.selected().map(|t| t.name().to_string())
    }

    fn selected_json(&self) -> Option<serde_json::Value> {
        serde_json::to_value(self.selected()?).ok()
    }

    fn selected_presence(&self) -> Option<Presence> {
        self.selected().map(Resource::presence)
    }

    fn sort_next(&mut self, ctx: &Ctx) {
        ListView::sort_next(self, ctx);
    }

    fn sort_reverse(&mut self, ctx: &Ctx) {
        ListView::sort_reverse(self, ctx);
    }

    fn columns(&self) -> Vec<(&'static str, bool)> {
        T::columns()
            .iter()
            .enumerate()
            .map(|(i, c)| (c.title, !self.hidden.contains(&i)))
            .collect()
    }

    fn toggle_column(&mut self, column: usize) {
        // The first column names the resource: it always stays.
        if column > 0 && !self.hidden.remove(&column) {
            self.hidden.insert(column);
        }
    }

    fn toggle_mark(&mut self) -> bool {
        ListView::toggle_mark(self)
    }

    fn marked(&self) -> usize {
        self.marked.len()
    }

    fn take_note(&mut self) -> Option<String> {
        self.note.take()
    }

    fn actions(&self) -> &'static [Action] {
        T::actions()
    }
}

#[cfg(test)]
#[path = "list_view_tests.rs"]
mod tests;
