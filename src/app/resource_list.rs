//! A loaded list of one kind of resource with what every list pane needs on top of it: the
//! rows after the `/` filter (sorted by name), the cursor, and in-place updates after writes.

use std::collections::HashMap;

use super::action::Action;
use super::filter::ListFilter;
use super::list::ListCursor;
use super::loadable::Loadable;
use super::request::{Failure, Payload, RequestId};

/// A resource as a list shows it: its OCID and the name rows are sorted and filtered by.
pub trait Listed {
    fn id(&self) -> &str;
    fn label(&self) -> &str;
}

#[derive(Debug, Clone, PartialEq)]
pub struct ResourceList<T> {
    pub items: Loadable<Vec<T>>,
    /// Indices into the items shown, after the filter, sorted by label.
    pub rows: Vec<usize>,
    pub cursor: ListCursor,
    pub filter: ListFilter,
    /// Every item's index sorted by label, kept while only the filter changes (a keystroke
    /// re-filters without sorting again).
    order: Vec<usize>,
    /// Each item's position in `order`, so filtered rows sort by a number.
    rank: Vec<usize>,
    /// Index of each item by OCID, rebuilt with `order`.
    by_id: HashMap<String, usize>,
}

// Not derived: the derive would ask `T: Default`, which resources are not.
impl<T> Default for ResourceList<T> {
    fn default() -> Self {
        ResourceList {
            items: Loadable::NotLoaded,
            rows: Vec::new(),
            cursor: ListCursor::default(),
            filter: ListFilter::default(),
            order: Vec::new(),
            rank: Vec::new(),
            by_id: HashMap::new(),
        }
    }
}

impl<T: Listed> ResourceList<T> {
    /// The selected item, if any row is shown.
    pub fn selected(&self) -> Option<&T> {
        let i = *self.rows.get(self.cursor.selected)?;
        self.items.data()?.get(i)
    }

    /// The rows shown, in order.
    pub fn visible(&self) -> Vec<&T> {
        let Some(all) = self.items.data() else {
            return Vec::new();
        };
        self.rows.iter().filter_map(|&i| all.get(i)).collect()
    }

    /// Every item, shown or not.
    pub fn all(&self) -> &[T] {
        self.items.data().map_or(&[][..], Vec::as_slice)
    }

    pub fn find(&self, id: &str) -> Option<&T> {
        self.all().get(*self.by_id.get(id)?)
    }

    /// Waits for a new listing (the old rows stay until it arrives, then are replaced).
    pub fn start_loading(&mut self, request: RequestId) {
        self.items = Loadable::loading(request);
        self.resort();
    }

    /// Takes the answer to a listing; false if it was not the one awaited (stale).
    pub fn take(&mut self, request: RequestId, result: Result<Vec<T>, Failure>) -> bool {
        if !self.items.awaits(request) {
            return false;
        }
        self.items = match result {
            Ok(list) => Loadable::Loaded(list),
            Err(f) => Loadable::Failed(f),
        };
        self.resort();
        true
    }

    /// Takes a listing response whose payload `unwrap` turns into the items; false if it was
    /// stale or carried something else.
    pub fn take_payload(
        &mut self,
        request: RequestId,
        result: Result<Payload, Failure>,
        unwrap: impl FnOnce(Payload) -> Option<Vec<T>>,
    ) -> bool {
        let result = match result {
            Ok(payload) => match unwrap(payload) {
                Some(items) => Ok(items),
                None => return false,
            },
            Err(f) => Err(f),
        };
        self.take(request, result)
    }

    /// Replaces the item with the same OCID, or adds it, and selects it.
    pub fn upsert(&mut self, item: T) {
        let id = item.id().to_string();
        if let Some(list) = self.items.data_mut() {
            match list.iter_mut().find(|t| t.id() == id) {
                Some(existing) => *existing = item,
                None => list.push(item),
            }
        }
        self.resort();
        self.select(&id);
    }

    /// Replaces the item with the same OCID (a fuller read of it) without moving the cursor.
    pub fn replace(&mut self, item: T) {
        if let Some(existing) = self
            .items
            .data_mut()
            .and_then(|list| list.iter_mut().find(|t| t.id() == item.id()))
        {
            *existing = item;
            self.resort();
        }
    }

    pub fn remove(&mut self, id: &str) {
        if let Some(list) = self.items.data_mut() {
            list.retain(|t| t.id() != id);
        }
        self.resort();
    }

    /// Moves the selection to the item with this OCID if it is shown.
    pub fn select(&mut self, id: &str) {
        let all = self.all();
        if let Some(pos) = self.rows.iter().position(|&i| all[i].id() == id) {
            self.cursor.selected = pos;
        }
    }

    pub fn navigate(&mut self, action: &Action) -> bool {
        self.cursor.navigate(action, self.rows.len())
    }

    pub fn set_filter(&mut self, filter: ListFilter) {
        self.filter = filter;
        self.rebuild();
    }

    /// Sorts every item by label again (the items changed), then recomputes the rows.
    fn resort(&mut self) {
        let all = self.items.data().map_or(&[][..], Vec::as_slice);
        let mut order: Vec<usize> = (0..all.len()).collect();
        order.sort_by_cached_key(|&i| (all[i].label().to_lowercase(), i));
        let mut rank = vec![0; order.len()];
        for (position, &i) in order.iter().enumerate() {
            rank[i] = position;
        }
        self.order = order;
        self.rank = rank;
        self.by_id = all
            .iter()
            .enumerate()
            .map(|(i, t)| (t.id().to_string(), i))
            .collect();
        self.rebuild();
    }

    /// Recomputes the rows from the sorted order and the filter, keeping the selection on the
    /// same item when it is still shown.
    pub fn rebuild(&mut self) {
        let keep = self.selected().map(|t| t.id().to_string());
        let Some(all) = self.items.data() else {
            self.rows.clear();
            self.cursor.clamp(0);
            return;
        };
        if self.filter.is_active() {
            // Items in memory order (cache-friendly), then the few matches sorted by rank.
            let mut compiled = self.filter.compile();
            let mut rows: Vec<usize> = all
                .iter()
                .enumerate()
                .filter(|(_, t)| compiled.matches(t.label()))
                .map(|(i, _)| i)
                .collect();
            rows.sort_unstable_by_key(|&i| self.rank.get(i).copied().unwrap_or(usize::MAX));
            self.rows = rows;
        } else {
            self.rows.clone_from(&self.order);
        }
        if let Some(id) = keep {
            self.select(&id);
        }
        self.cursor.clamp(self.rows.len());
    }
}

macro_rules! listed_by_name {
    ($($t:ty),+) => {
        $(impl Listed for $t {
            fn id(&self) -> &str {
                &self.id
            }
            fn label(&self) -> &str {
                &self.name
            }
        })+
    };
}

listed_by_name!(
    crate::model::User,
    crate::model::Group,
    crate::model::DynamicGroup,
    crate::model::TagNamespace,
    crate::model::Tag
);

impl Listed for crate::model::TagDefault {
    fn id(&self) -> &str {
        &self.id
    }
    fn label(&self) -> &str {
        &self.tag_definition_name
    }
}

impl Listed for crate::model::SenderInvitation {
    fn id(&self) -> &str {
        &self.id
    }
    fn label(&self) -> &str {
        &self.display_name
    }
}

#[cfg(test)]
mod tests {
    use super::{Listed, ResourceList};
    use crate::app::action::Action;
    use crate::app::filter::{FilterMode, ListFilter};
    use crate::app::request::RequestId;

    #[derive(Debug, Clone, PartialEq)]
    struct Item(String, String);

    impl Listed for Item {
        fn id(&self) -> &str {
            &self.0
        }
        fn label(&self) -> &str {
            &self.1
        }
    }

    fn list(names: &[&str]) -> ResourceList<Item> {
        let mut list = ResourceList::default();
        list.start_loading(RequestId(1));
        let items = names
            .iter()
            .enumerate()
            .map(|(i, n)| Item(format!("id{i}"), (*n).to_string()))
            .collect();
        assert!(list.take(RequestId(1), Ok(items)));
        list
    }

    fn shown(list: &ResourceList<Item>) -> Vec<&str> {
        list.visible().iter().map(|i| i.1.as_str()).collect()
    }

    #[test]
    fn rows_sort_case_insensitively_and_filter_keeps_the_selection() {
        let mut l = list(&["beta", "Alpha", "gamma", "alphabet"]);
        assert_eq!(shown(&l), ["Alpha", "alphabet", "beta", "gamma"]);
        l.navigate(&Action::Down);
        assert_eq!(l.selected().unwrap().1, "alphabet");
        l.set_filter(ListFilter {
            query: "alp".into(),
            mode: FilterMode::Substring,
        });
        assert_eq!(shown(&l), ["Alpha", "alphabet"]);
        assert_eq!(
            l.selected().unwrap().1,
            "alphabet",
            "the selection stays put"
        );
        assert!(
            !l.take(RequestId(9), Ok(Vec::new())),
            "a stale listing is dropped"
        );
    }

    #[test]
    fn writes_update_the_rows_and_the_index() {
        let mut l = list(&["b", "c"]);
        l.upsert(Item("new".into(), "a".into()));
        assert_eq!(shown(&l), ["a", "b", "c"]);
        assert_eq!(l.selected().unwrap().0, "new", "an upsert selects its item");
        l.navigate(&Action::Bottom);
        l.replace(Item("id0".into(), "z".into()));
        assert_eq!(shown(&l), ["a", "c", "z"]);
        assert_eq!(
            l.selected().unwrap().1,
            "c",
            "a replace does not move the cursor"
        );
        l.remove("new");
        assert_eq!(shown(&l), ["c", "z"]);
        assert_eq!(l.find("id0").unwrap().1, "z");
        assert!(l.find("new").is_none());
    }
}
