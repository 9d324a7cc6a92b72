//! What the generic list keys need of any list, whatever its kind, so filter, copy OCID, raw
//! JSON, sort, columns, marks and Esc are written once for every pane.

use super::filter::ListFilter;
use super::list_view::ListView;
use crate::app::action::Action;
use crate::app::ctx::Ctx;
use crate::app::resource::{Noun, Presence, Resource};

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
    /// A click at a screen cell: `Some(true)` when it hit the selected row, `Some(false)`
    /// when it selected another, `None` when it missed the list.
    fn click(&mut self, column: u16, row: u16) -> Option<bool>;
    /// Something listed is still changing by itself, and no reload is on its way.
    fn settling(&self) -> bool;
}

impl<T: Resource> ListControl for ListView<T> {
    fn noun(&self) -> Noun {
        T::NOUN
    }

    fn navigate(&mut self, action: &Action) -> bool {
        ListView::navigate(self, action)
    }

    fn settling(&self) -> bool {
        !self.is_loading() && self.all().iter().any(Resource::settling)
    }

    fn click(&mut self, column: u16, row: u16) -> Option<bool> {
        let index = self.cursor.row_at(column, row, self.rows.len())?;
        if index == self.cursor.selected {
            return Some(true);
        }
        self.cursor.selected = index;
        self.remember_selection();
        Some(false)
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
