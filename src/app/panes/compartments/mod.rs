//! State of the Compartments pane: the tree built from one subtree listing, expansion,
//! filter, the detail of the selection, and the writes (create, rename and describe, move,
//! delete following the work request, recover).

mod edit;
mod resources;
mod writes;

use std::collections::{BTreeMap, BTreeSet};

use crate::model::{BulkActionResourceType, BulkActionType, Compartment, ResourceSummary, TagDefault, Tenancy};

use super::{Dialogs, KeyContext, Pane, PaneId, PaneState};
use crate::app::action::Action;
use crate::app::ctx::{Ctx, Effect};
use crate::app::request::{CompartmentRequest, Payload, RequestId, Response, TenancyRequest};
use crate::app::widgets::cursor::ListCursor;
use crate::app::widgets::filter::ListFilter;
use crate::app::widgets::list_view::ListControl;
use crate::app::widgets::loadable::Loadable;
use crate::app::widgets::modal::ModalOutcome;

pub use writes::CompartmentDialog;

const ME: PaneId = PaneId::Compartments;

/// One visible line of the tree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TreeRow {
    /// The compartment OCID, or the tenancy's for the root.
    pub id: String,
    pub depth: usize,
    pub has_children: bool,
    pub expanded: bool,
}

/// A write waiting for its answer: what to do with it besides the toast.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PendingWrite {
    /// Show the compartment the answer carries (create, update, recover).
    Reveal,
    /// A move or delete: progress until the work request ends, then reload.
    Work,
    /// A bulk tag edit, move or delete: progress until it ends, then read the lists again.
    Bulk,
}

/// Where the cursor is: the tree, or the selected compartment's resources.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CompartmentsFocus {
    #[default]
    Tree,
    Resources,
}

/// A work request being followed to the end.
#[derive(Debug, Clone, PartialEq)]
pub struct WorkProgress {
    pub what: String,
    pub status: String,
    pub percent: Option<f64>,
}

#[derive(Debug, Default)]
pub struct CompartmentsPane {
    pub expanded: BTreeSet<String>,
    pub rows: Vec<TreeRow>,
    pub cursor: ListCursor,
    pub filter: ListFilter,
    /// The compartment being moved while the user picks the target in the tree.
    pub moving: Option<String>,
    pub writes: BTreeMap<RequestId, PendingWrite>,
    /// Work requests in progress, by the request that started them.
    pub work: BTreeMap<RequestId, WorkProgress>,
    /// Something to tell the user about the selection ("... is gone").
    pub note: Option<String>,
    tenancy_request: Option<RequestId>,
    /// Compartments marked for a bulk tag edit, by OCID.
    pub marked: BTreeSet<String>,
    pub focus: CompartmentsFocus,
    /// The resources of other services in `resources_of`.
    pub resources: crate::app::widgets::list_view::ListView<ResourceSummary>,
    pub resources_of: Option<String>,
    /// The types bulk move and bulk delete take, by `BulkActionType`.
    pub action_types: BTreeMap<String, Vec<BulkActionResourceType>>,
    type_reads: BTreeMap<RequestId, BulkActionType>,
    /// Each compartment's effective tag set (the tag defaults that apply there), read as the
    /// cursor reaches it.
    pub effective: BTreeMap<String, Loadable<Vec<TagDefault>>>,
}

impl CompartmentsPane {
    /// The selected row's compartment OCID (the tenancy's for the root).
    pub fn selected_id(&self) -> Option<&str> {
        self.rows.get(self.cursor.selected).map(|r| r.id.as_str())
    }

    /// Rebuilds the visible rows from the shared compartment list, the expansion and the
    /// filter, keeping the selection on the same compartment when it is still visible.
    pub fn rebuild(&mut self, ctx: &Ctx) {
        let keep = self.selected_id().map(str::to_string);
        let root = ctx.session.tenancy_id.clone();
        let Some(all) = ctx.compartments.data() else {
            self.rows.clear();
            return;
        };
        let mut children: BTreeMap<&str, Vec<&Compartment>> = BTreeMap::new();
        for c in all {
            children
                .entry(c.compartment_id.as_str())
                .or_default()
                .push(c);
        }
        for list in children.values_mut() {
            list.sort_by_key(|c| (c.name.to_lowercase(), c.id.clone()));
        }
        // With a filter, a compartment shows when it or a descendant matches, and the path
        // down to every match is open.
        let shown: Option<BTreeSet<String>> = self.filter.is_active().then(|| {
            // A filter with a `/` (or the CLI's `:`) matches paths: `prod/app` finds
            // Prod/AppTier and everything below it.
            let by_path = self.filter.query.contains(['/', ':']);
            let mut filter = self.filter.clone();
            filter.query = filter.query.replace(':', "/");
            let mut compiled = filter.compile();
            let by_id: BTreeMap<&str, &Compartment> =
                all.iter().map(|c| (c.id.as_str(), c)).collect();
            let mut shown = BTreeSet::new();
            let target = |c: &Compartment| {
                if by_path {
                    ctx.compartment_path(&c.id)
                } else {
                    c.name.clone()
                }
            };
            for c in all.iter().filter(|c| compiled.matches(&target(c))) {
                let mut id = c.id.as_str();
                for _ in 0..=all.len() {
                    if !shown.insert(id.to_string()) {
                        break;
                    }
                    match by_id.get(id) {
                        Some(parent) => id = parent.compartment_id.as_str(),
                        None => break,
                    }
                }
            }
            shown
        });
        let mut rows = Vec::new();
        let mut stack = vec![(root.as_str(), 0usize)];
        while let Some((id, depth)) = stack.pop() {
            if rows.len() > all.len() {
                break; // a parent cycle in bad data; stop rather than loop
            }
            let kids = children.get(id).map_or(&[][..], Vec::as_slice);
            let kids: Vec<&&Compartment> = kids
                .iter()
                .filter(|c| shown.as_ref().is_none_or(|s| s.contains(&c.id)))
                .collect();
            let expanded = shown.is_some()
                || depth == 0 && !self.expanded.contains("!root")
                || self.expanded.contains(id);
            rows.push(TreeRow {
                id: id.to_string(),
                depth,
                has_children: !kids.is_empty(),
                expanded: expanded && !kids.is_empty(),
            });
            if expanded {
                for c in kids.iter().rev() {
                    stack.push((c.id.as_str(), depth + 1));
                }
            }
        }
        self.rows = rows;
        if let Some(keep) = keep {
            if let Some(i) = self.rows.iter().position(|r| r.id == keep) {
                self.cursor.selected = i;
            } else {
                self.cursor.clamp(self.rows.len());
                // Hidden by the filter is fine; gone from the tenancy is worth a word.
                if ctx.compartments.is_loaded() && ctx.compartment(&keep).is_none() {
                    let next = self
                        .selected_id()
                        .map(|id| ctx.compartment_path(id))
                        .unwrap_or_default();
                    self.note = Some(format!(
                        "the selected compartment is gone; selected {next} instead"
                    ));
                }
            }
        }
        self.cursor.clamp(self.rows.len());
    }

    /// Opens every compartment on the path to `id` and selects it.
    pub fn reveal(&mut self, id: &str, ctx: &Ctx) {
        let mut current = id.to_string();
        for _ in 0..=ctx.compartments.data().map_or(0, |items| items.len()) {
            let Some(c) = ctx.compartment(&current) else {
                break;
            };
            current.clone_from(&c.compartment_id);
            self.expanded.insert(current.clone());
        }
        self.rebuild(ctx);
        if let Some(i) = self.rows.iter().position(|r| r.id == id) {
            self.cursor.selected = i;
        }
    }

    /// Reads the compartment tree (and the tenancy) if nothing has: every pane names
    /// compartments by path, whichever pane the session starts on.
    pub fn ensure_tree(&mut self, ctx: &mut Ctx) {
        if matches!(ctx.compartments, Loadable::NotLoaded) {
            self.load(ctx);
        }
    }

    pub(super) fn load(&mut self, ctx: &mut Ctx) {
        let id = ctx.send_read(ME, CompartmentRequest::List);
        ctx.compartments = match std::mem::take(&mut ctx.compartments) {
            // The old tree stays on screen (and selectable) until the new one arrives.
            Loadable::Loaded(old) => Loadable::Loading {
                request: id,
                partial: Some(old),
            },
            _ => Loadable::loading(id),
        };
        ctx.reindex_compartments();
        // The tenancy is read once per session, also when the cache showed it: reading it is
        // what tells where Identity writes go (its home region).
        if ctx.tenancy.data().is_none() || ctx.home_region.is_none() {
            self.tenancy_request = Some(ctx.send_read(ME, TenancyRequest::Get));
        }
    }

    pub(super) fn selected_compartment<'a>(&self, ctx: &'a Ctx) -> Option<&'a Compartment> {
        ctx.compartment(self.selected_id()?)
    }

    pub(super) fn is_root(&self, ctx: &Ctx) -> bool {
        self.selected_id() == Some(ctx.session.tenancy_id.as_str())
    }

    fn toggle(&mut self, expand: bool, ctx: &Ctx) {
        let Some(row) = self.rows.get(self.cursor.selected).cloned() else {
            return;
        };
        let key = if row.depth == 0 {
            "!root".to_string()
        } else {
            row.id.clone()
        };
        if row.depth == 0 {
            // The root is open unless "!root" is in the set.
            if expand {
                self.expanded.remove(&key);
            } else {
                self.expanded.insert(key);
            }
        } else if expand && row.has_children {
            self.expanded.insert(key);
        } else if !expand && row.expanded {
            self.expanded.remove(&key);
        } else if !expand {
            // Collapse on a closed node moves to its parent, as file trees do.
            let parent = ctx.compartment(&row.id).map(|c| c.compartment_id.clone());
            if let Some(i) = parent.and_then(|p| self.rows.iter().position(|r| r.id == p)) {
                self.cursor.selected = i;
            }
        }
        self.rebuild(ctx);
    }
}

impl Pane for CompartmentsPane {
    fn contexts(&self) -> Vec<KeyContext> {
        if self.focus == CompartmentsFocus::Resources {
            return vec![KeyContext::CompartmentsResources, KeyContext::List];
        }
        if self.moving.is_some() {
            vec![KeyContext::CompartmentsMove, KeyContext::Tree, KeyContext::List]
        } else {
            vec![KeyContext::Compartments, KeyContext::Tree, KeyContext::List]
        }
    }

    fn handle(&mut self, action: &Action, ctx: &mut Ctx) -> bool {
        if self.focus == CompartmentsFocus::Resources {
            if self.resources.navigate(action) {
                return true;
            }
            match action {
                Action::BulkTags | Action::Move | Action::Delete => {
                    self.resources_action(action, ctx);
                }
                _ => return false,
            }
            return true;
        }
        if self.cursor.navigate(action, self.rows.len()) {
            return true;
        }
        match action {
            Action::Expand => self.toggle(true, ctx),
            Action::Collapse => self.toggle(false, ctx),
            Action::Select if self.moving.is_some() => self.pick_move_target(ctx),
            Action::Select => {
                let id = self.selected_id().map(str::to_string);
                ctx.effects
                    .push(Effect::ShowPolicies { compartment_id: id });
            }
            Action::Cancel => {
                self.moving = None;
                ctx.toasts.info("move cancelled");
            }
            Action::Mark => self.toggle_mark(ctx),
            Action::Resources => self.open_resources(ctx),
            Action::BulkTags => self.start_bulk_tags(ctx),
            Action::Create
            | Action::Rename
            | Action::Edit
            | Action::Move
            | Action::Delete
            | Action::Recover => {
                self.start_write(action, ctx);
            }
            _ => return false,
        }
        true
    }

    fn take_response(&mut self, mut response: Response, ctx: &mut Ctx) {
        if Some(response.id) == self.tenancy_request {
            match response.result {
                Ok(Payload::Tenancy(t)) => {
                    if ctx.session.tenancy_id.is_empty() {
                        ctx.session.tenancy_id.clone_from(&t.id);
                    }
                    ctx.tenancy = Loadable::Loaded(t);
                }
                Ok(other) => {
                    ctx.tenancy = Loadable::Failed(crate::app::request::Failure::unexpected(
                        "the tenancy",
                        &other,
                    ));
                }
                Err(f) => ctx.tenancy = Loadable::Failed(f),
            }
            return;
        }
        if ctx.compartments.awaits(response.id) {
            ctx.compartments = match response.result {
                Ok(Payload::Items(items)) => match items.take::<Compartment>() {
                    Some(list) => Loadable::Loaded(list.into()),
                    None => Loadable::Failed(crate::app::request::Failure::local(
                        "UnexpectedAnswer",
                        "the compartment listing answered with something else",
                    )),
                },
                Ok(other) => Loadable::Failed(crate::app::request::Failure::unexpected(
                    "the compartment listing",
                    &other,
                )),
                Err(f) => Loadable::Failed(f),
            };
            ctx.reindex_compartments();
            self.rebuild(ctx);
            return;
        }
        if self.take_resources(&mut response, ctx) || self.take_effective(&response) {
            return;
        }
        self.finish_write(&response, ctx);
        self.rebuild(ctx);
    }

    fn ensure_loaded(&mut self, ctx: &mut Ctx) {
        if matches!(ctx.compartments, Loadable::NotLoaded) {
            self.load(ctx);
        }
        if self.focus == CompartmentsFocus::Tree && ctx.compartments.is_loaded() {
            self.load_effective(ctx);
        }
    }

    fn lend(&self, before: &mut crate::model::Snapshot, ctx: &Ctx) {
        if let Loadable::Loaded(compartments) = &ctx.compartments {
            before.compartments = compartments.clone();
        }
    }

    fn warm(&mut self, snapshot: &crate::model::Snapshot, ctx: &mut Ctx) -> bool {
        if ctx.tenancy.data().is_none() {
            ctx.tenancy = Loadable::Loaded(snapshot.tenancy.clone());
        }
        ctx.compartments = Loadable::Loaded(snapshot.compartments.clone());
        ctx.reindex_compartments();
        self.rebuild(ctx);
        true
    }

    fn refresh(&mut self, ctx: &mut Ctx) {
        self.load(ctx);
        self.effective.clear();
        if self.focus == CompartmentsFocus::Resources {
            self.load_resources(ctx);
        }
    }

    fn focused_list(&self) -> Option<&dyn ListControl> {
        (self.focus == CompartmentsFocus::Resources).then_some(&self.resources as &dyn ListControl)
    }

    fn focused_list_mut(&mut self) -> Option<&mut dyn ListControl> {
        (self.focus == CompartmentsFocus::Resources)
            .then_some(&mut self.resources as &mut dyn ListControl)
    }

    fn filter(&self) -> Option<&ListFilter> {
        match self.focus {
            CompartmentsFocus::Tree => Some(&self.filter),
            CompartmentsFocus::Resources => Some(self.resources.filter()),
        }
    }

    fn set_filter(&mut self, filter: ListFilter, ctx: &Ctx) {
        if self.focus == CompartmentsFocus::Resources {
            self.resources.set_filter(filter, ctx);
            return;
        }
        self.filter = filter;
        self.rebuild(ctx);
    }

    fn selected_ocid(&self, _ctx: &Ctx) -> Option<String> {
        if self.focus == CompartmentsFocus::Resources {
            return self.resources.selected_id().map(str::to_string);
        }
        self.selected_id().map(str::to_string)
    }

    fn selected_json(&self, ctx: &Ctx) -> Option<serde_json::Value> {
        if self.focus == CompartmentsFocus::Resources {
            return ListControl::selected_json(&self.resources);
        }
        if self.is_root(ctx) {
            return ctx
                .tenancy
                .data()
                .and_then(|t: &Tenancy| serde_json::to_value(t).ok());
        }
        serde_json::to_value(self.selected_compartment(ctx)?).ok()
    }

    fn back(&mut self, ctx: &mut Ctx) -> bool {
        if self.focus == CompartmentsFocus::Resources {
            if self.clear_filter(ctx) {
                return true;
            }
            self.focus = CompartmentsFocus::Tree;
            return true;
        }
        if self.moving.take().is_some() {
            ctx.toasts.info("move cancelled");
            return true;
        }
        self.clear_filter(ctx)
    }
}

impl Dialogs for CompartmentsPane {
    type Dialog = CompartmentDialog;

    fn on_modal(&mut self, dialog: CompartmentDialog, outcome: ModalOutcome, ctx: &mut Ctx) {
        self.apply_modal(dialog, outcome, ctx);
    }
}

impl PaneState for CompartmentsPane {
    fn new(_id: PaneId) -> Self {
        Self::default()
    }
}
