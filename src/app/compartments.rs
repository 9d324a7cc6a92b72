//! State of the Compartments pane: the tree built from one subtree listing, expansion,
//! filter, the detail of the selection, and the writes (create, rename and describe, move,
//! delete following the work request, recover).

use std::collections::{BTreeMap, BTreeSet};

use crate::model::Compartment;

use super::action::Action;
use super::ctx::{Ctx, Effect};
use super::filter::ListFilter;
use super::list::ListCursor;
use super::loadable::Loadable;
use super::modal::{ModalOutcome, ModalPurpose};
use super::pane::Pane;
use super::pane_id::PaneId;
use super::request::{Payload, RequestId, RequestKind, Response};

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

/// A write waiting for its answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PendingWrite {
    Create { name: String },
    Update { name: String },
    Move { name: String },
    Delete { name: String },
    Recover { name: String },
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
    tenancy_request: Option<RequestId>,
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
            let mut compiled = self.filter.compile();
            let by_id: BTreeMap<&str, &Compartment> =
                all.iter().map(|c| (c.id.as_str(), c)).collect();
            let mut shown = BTreeSet::new();
            for c in all.iter().filter(|c| compiled.matches(&c.name)) {
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
        if let Some(i) = keep.and_then(|keep| self.rows.iter().position(|r| r.id == keep)) {
            self.cursor.selected = i;
        }
        self.cursor.clamp(self.rows.len());
    }

    /// Opens every compartment on the path to `id` and selects it.
    pub fn reveal(&mut self, id: &str, ctx: &Ctx) {
        let mut current = id.to_string();
        for _ in 0..=ctx.compartments.data().map_or(0, Vec::len) {
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

    pub(super) fn load(&mut self, ctx: &mut Ctx) {
        let id = ctx.send_read(ME, RequestKind::ListCompartments);
        ctx.compartments = Loadable::loading(id);
        ctx.reindex_compartments();
        if ctx.tenancy.data().is_none() {
            self.tenancy_request = Some(ctx.send_read(ME, RequestKind::GetTenancy));
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
    fn contexts(&self) -> Vec<&'static str> {
        if self.moving.is_some() {
            vec!["compartments_move", "tree", "list"]
        } else {
            vec!["compartments", "tree", "list"]
        }
    }

    fn handle(&mut self, action: &Action, ctx: &mut Ctx) -> bool {
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

    fn take_response(&mut self, response: Response, ctx: &mut Ctx) {
        if Some(response.id) == self.tenancy_request {
            match response.result {
                Ok(Payload::Tenancy(t)) => {
                    if ctx.session.tenancy_id.is_empty() {
                        ctx.session.tenancy_id.clone_from(&t.id);
                    }
                    ctx.tenancy = Loadable::Loaded(t);
                }
                Ok(_) => {}
                Err(f) => ctx.tenancy = Loadable::Failed(f),
            }
            return;
        }
        if ctx.compartments.awaits(response.id) {
            match response.result {
                Ok(Payload::Compartments(list)) => ctx.compartments = Loadable::Loaded(list),
                Ok(_) => {}
                Err(f) => ctx.compartments = Loadable::Failed(f),
            }
            ctx.reindex_compartments();
            self.rebuild(ctx);
            return;
        }
        self.finish_write(response.id, &response, ctx);
        self.rebuild(ctx);
    }

    fn ensure_loaded(&mut self, ctx: &mut Ctx) {
        if matches!(ctx.compartments, Loadable::NotLoaded) {
            self.load(ctx);
        }
    }

    fn refresh(&mut self, ctx: &mut Ctx) {
        self.load(ctx);
    }

    fn on_modal(&mut self, purpose: ModalPurpose, outcome: ModalOutcome, ctx: &mut Ctx) {
        self.apply_modal(purpose, outcome, ctx);
    }

    fn filter(&self) -> Option<&ListFilter> {
        Some(&self.filter)
    }

    fn set_filter(&mut self, filter: ListFilter, ctx: &Ctx) {
        self.filter = filter;
        self.rebuild(ctx);
    }

    fn selected_ocid(&self, _ctx: &Ctx) -> Option<String> {
        self.selected_id().map(str::to_string)
    }

    fn selected_json(&self, ctx: &Ctx) -> Option<serde_json::Value> {
        if self.is_root(ctx) {
            return ctx
                .tenancy
                .data()
                .and_then(|t| serde_json::to_value(t).ok());
        }
        serde_json::to_value(self.selected_compartment(ctx)?).ok()
    }

    fn back(&mut self, ctx: &mut Ctx) -> bool {
        if self.moving.take().is_some() {
            ctx.toasts.info("move cancelled");
            return true;
        }
        if self.filter.is_active() {
            self.filter.query.clear();
            self.rebuild(ctx);
            return true;
        }
        false
    }
}
