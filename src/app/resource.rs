//! A kind of resource described once: what it is called, its OCID and name, its table columns
//! (with sort keys), its detail fields, its lifecycle and the actions it offers. One generic
//! list ([`super::widgets::list_view::ListView`]) and one table serve every kind.

use std::borrow::Cow;

use super::action::Action;
use super::ctx::Ctx;
use crate::model::LifecycleState;

/// `user` / `users`, for "Loading users", "No users", "deleted user ana".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Noun {
    pub one: &'static str,
    pub many: &'static str,
}

/// How wide a column is; the UI turns it into a layout constraint.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Width {
    /// Exactly this many cells.
    Fixed(u16),
    /// A share of what is left, relative to other `Fill` columns.
    Fill(u16),
    /// A percentage of the table's width.
    Percent(u16),
}

/// A value rows are ordered by.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum SortKey {
    Number(i64),
    /// Compared as given; text keys are lower-cased by [`SortKey::text`].
    Text(String),
}

impl SortKey {
    pub fn text(s: &str) -> Self {
        SortKey::Text(s.to_lowercase())
    }

    /// A count (of members, statements ...).
    pub fn count(n: usize) -> Self {
        SortKey::Number(i64::try_from(n).unwrap_or(i64::MAX))
    }
}

/// One column of a resource's table.
pub struct Column<T> {
    pub title: &'static str,
    pub width: Width,
    /// The cell's text (raw service text: the table sanitizes it).
    pub cell: fn(&T, &Ctx) -> String,
    /// The order by this column; `None` sorts by the cell's text, case-insensitively.
    pub sort: Option<fn(&T, &Ctx) -> SortKey>,
}

impl<T> Column<T> {
    pub const fn new(title: &'static str, width: Width, cell: fn(&T, &Ctx) -> String) -> Self {
        Column {
            title,
            width,
            cell,
            sort: None,
        }
    }

    #[must_use]
    pub const fn sorted_by(mut self, key: fn(&T, &Ctx) -> SortKey) -> Self {
        self.sort = Some(key);
        self
    }

    pub fn sort_key(&self, item: &T, ctx: &Ctx) -> SortKey {
        match self.sort {
            Some(key) => key(item, ctx),
            None => SortKey::text(&(self.cell)(item, ctx)),
        }
    }
}

/// Whether a resource still exists as far as the user is concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Presence {
    Live,
    /// Inactive, blocked, retired, failed: listed dimmed, still editable.
    Dormant,
    /// Deleted or being deleted: marked, never offered for editing.
    Gone,
}

/// A lifecycle state the service moves on from by itself.
pub fn in_transition(state: &LifecycleState) -> bool {
    matches!(
        state,
        LifecycleState::Creating | LifecycleState::Updating | LifecycleState::Deleting
    )
}

impl Presence {
    pub fn of(state: &LifecycleState) -> Self {
        use LifecycleState as S;
        match state {
            S::Deleted | S::Deleting | S::Terminated => Presence::Gone,
            S::Inactive | S::Failed => Presence::Dormant,
            _ => Presence::Live,
        }
    }
}

/// A resource kind as lists, tables and detail panels show it.
pub trait Resource: Clone + std::fmt::Debug + serde::Serialize + Send + Sync + 'static {
    const NOUN: Noun;

    /// Its OCID (or another key unique in its list, e.g. a fingerprint).
    fn id(&self) -> &str;

    /// What the user calls it.
    fn name(&self) -> &str;

    /// The table's columns, the name first.
    fn columns() -> Vec<Column<Self>>;

    /// Label and value pairs of its detail panel (the name is the panel's title).
    fn detail(&self, _ctx: &Ctx) -> Vec<(&'static str, String)> {
        Vec::new()
    }

    fn presence(&self) -> Presence {
        Presence::Live
    }

    /// Its state changes on the service's side by itself (a creating invitation, a running
    /// work request): a list showing one reads itself again until it settles.
    fn settling(&self) -> bool {
        false
    }

    /// The order rows take before the user picks a column: by name.
    fn natural_key(&self, _ctx: &Ctx) -> SortKey {
        SortKey::text(self.name())
    }

    /// What the `/` filter matches: the name unless the kind says more.
    fn search_text(&self, _ctx: &Ctx) -> Cow<'_, str> {
        Cow::Borrowed(self.name())
    }

    /// The compartment it lives in, for lists scoped to one compartment.
    fn compartment_id(&self) -> Option<&str> {
        None
    }

    /// The writes its list offers (an empty list: read-only); hints and help show only these.
    fn actions() -> &'static [Action] {
        &[]
    }
}
