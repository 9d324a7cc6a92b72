//! State of the Tags pane: tag namespaces with the tags of the selected one, and the tag
//! defaults of one compartment. The writes and their dialogs are in `dialogs`.

mod delete;
mod dialogs;
pub mod forms;
pub mod kinds;
mod locks;
mod open;
mod results;
mod standard;

use std::collections::{BTreeMap, BTreeSet};

use crate::model::{
    CreateTagDefaultDetails, StandardTagNamespaceTemplateSummary, Tag, TagDefault, TagNamespace,
    UpdateTagDefaultDetails,
};

use super::{Dialogs, KeyContext, Pane, PaneDialog, PaneId, PaneState};
use crate::app::action::Action;
use crate::app::ctx::Ctx;
use crate::app::request::{RequestId, Response, TagRequest};
use crate::app::widgets::list_view::{ListControl, ListView};
use crate::app::widgets::loadable::Loadable;
use crate::app::widgets::modal::ModalOutcome;

pub(crate) const ME: PaneId = PaneId::Tags;

/// Which list the pane shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TagsTab {
    #[default]
    Namespaces,
    /// The tag defaults of one compartment.
    Defaults,
    /// Oracle's standard tag namespace templates, to view and import.
    Standard,
    /// The tags enabled for cost tracking (at most 10).
    CostTracking,
}

impl TagsTab {
    pub const ALL: [TagsTab; 4] = [
        Self::Namespaces,
        Self::Defaults,
        Self::Standard,
        Self::CostTracking,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Self::Namespaces => "Namespaces",
            Self::Defaults => "Tag defaults",
            Self::Standard => "Standard tags",
            Self::CostTracking => "Cost tracking",
        }
    }
}

/// How many tags OCI lets a tenancy enable for cost tracking.
pub const COST_TRACKING_LIMIT: usize = 10;

/// In the namespaces tab: the cursor is on the namespaces or on the selected one's tags.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TagsFocus {
    #[default]
    Namespaces,
    Tags,
}

/// The dialogs this pane opens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TagsDialog {
    CreateNamespace,
    EditNamespace { id: String },
    RetireNamespace { id: String, retire: bool },
    /// An active namespace: OCI deletes only retired ones, so offer to retire it first.
    RetireThenDelete { id: String },
    /// `retire_first`: retire it, then delete (plain when empty, cascade with its tags).
    DeleteNamespace { id: String, retire_first: bool },
    /// Pick the compartment to move the namespace to.
    MoveNamespace { id: String },
    CreateTag { namespace_id: String },
    EditTag { namespace_id: String, name: String },
    RetireTag { namespace_id: String, name: String, retire: bool },
    RetireThenDeleteTag { namespace_id: String, name: String },
    DeleteTag { namespace_id: String, name: String, retire_first: bool },
    /// Several retired tags of one namespace in one work request.
    BulkDeleteTags { namespace_id: String, ids: Vec<String> },
    CreateDefault { compartment_id: String },
    /// The update is conditional on `etag`, from the read that opened the form.
    EditDefault { id: String, etag: Option<String> },
    DeleteDefault { id: String },
    /// FULL or DELETE, and why; on a namespace, or on a tag default (`default`).
    AddLock { id: String, default: bool },
    RemoveLock { id: String, default: bool },
    /// The service refused because of a lock: go back, or send again through it.
    OverrideLock,
    ImportStandard { name: String },
    Scope,
}

pub(crate) fn dialog(d: TagsDialog) -> PaneDialog {
    PaneDialog::Tags(d)
}

/// What a successful answer changes in the lists.
#[derive(Debug, Clone, PartialEq)]
pub enum TagsChange {
    /// Upsert the answer (namespace, tag or default).
    Upsert,
    RemoveNamespace(String),
    RemoveTag { namespace_id: String, id: String },
    RemoveTags { namespace_id: String, ids: Vec<String> },
    RemoveDefault(String),
    /// Upsert the answer, then send the next write (retire, then delete).
    Then(Box<Write>),
    /// Read the namespaces again (an import made or completed one).
    Reload,
}

/// A write as the pane sends it: the request, the toast, and what its success changes.
#[derive(Debug, Clone, PartialEq)]
pub struct Write {
    pub kind: TagRequest,
    pub done: String,
    pub change: TagsChange,
}

/// A read that a next step waits for (summaries lack a tag's validator).
#[derive(Debug, Clone, PartialEq)]
pub enum TagsStep {
    /// Put the full tag in its list (its allowed values show).
    Refresh { namespace_id: String },
    /// Open the edit form with the validator.
    OpenEditor,
    /// Check the default's value against the validator, then create it.
    CreateDefault(CreateTagDefaultDetails),
    /// The same before an update.
    UpdateDefault {
        id: String,
        details: UpdateTagDefaultDetails,
        etag: Option<String>,
    },
}

/// A read whose answer opens a form or a view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TagsRead {
    /// The namespace's edit form.
    EditNamespace,
    /// The tag default's edit form, with the etag.
    EditDefault,
    /// A standard tag template, shown.
    Template,
}

/// A write refused because of a lock: what to send again with the override, and the form
/// that sent it (to go back to).
#[derive(Debug, Clone, PartialEq)]
pub struct LockRefusal {
    pub write: Write,
    pub form: Option<crate::app::widgets::modal::Modal>,
}

#[derive(Debug, Default)]
pub struct TagsPane {
    pub tab: TagsTab,
    pub focus: TagsFocus,
    pub namespaces: ListView<TagNamespace>,
    /// The tags of each namespace loaded so far, by namespace OCID.
    pub tags: BTreeMap<String, ListView<Tag>>,
    pub defaults: ListView<TagDefault>,
    pub standard: ListView<StandardTagNamespaceTemplateSummary>,
    pub cost: ListView<kinds::CostTag>,
    /// The compartment whose tag defaults are shown; `None` is the tenancy.
    pub scope: Option<String>,
    /// Work requests being followed (cascade deletes), as `what: STATUS 40%` lines.
    pub work: BTreeMap<RequestId, String>,
    pub changes: BTreeMap<RequestId, TagsChange>,
    pub steps: BTreeMap<RequestId, TagsStep>,
    /// Tags whose full read was asked for, so each is read once.
    pub tags_read: BTreeSet<String>,
    pub reads: BTreeMap<RequestId, TagsRead>,
    /// Writes the user may send again through a lock, while their answer is awaited.
    pub lockable: BTreeMap<RequestId, Write>,
    /// The last write a lock refused, while the user decides.
    pub refused: Option<LockRefusal>,
}

impl TagsPane {
    pub fn selected_namespace(&self) -> Option<&TagNamespace> {
        self.namespaces.selected()
    }

    /// The tags of the selected namespace, if asked for.
    pub fn namespace_tags(&self) -> Option<&ListView<Tag>> {
        self.tags.get(&self.selected_namespace()?.id)
    }

    fn namespace_tags_mut(&mut self) -> Option<&mut ListView<Tag>> {
        let id = self.selected_namespace()?.id.clone();
        self.tags.get_mut(&id)
    }

    pub fn selected_tag(&self) -> Option<&Tag> {
        self.namespace_tags()?.selected()
    }

    pub fn scope_id(&self, ctx: &Ctx) -> String {
        self.scope
            .clone()
            .unwrap_or_else(|| ctx.session.tenancy_id.clone())
    }

    /// `Namespace.key` of a tag definition, from the lists loaded.
    pub fn tag_path(&self, namespace_id: &str, key: &str) -> String {
        let ns = self
            .namespaces
            .find(namespace_id)
            .map_or("?", |n| n.name.as_str());
        format!("{ns}.{key}")
    }

    fn load_tags(&mut self, namespace_id: &str, ctx: &mut Ctx) {
        let request = ctx.send_read(
            ME,
            TagRequest::ListTags {
                namespace_id: namespace_id.to_string(),
            },
        );
        self.tags
            .entry(namespace_id.to_string())
            .or_default()
            .start_loading(request);
    }

    /// Reads the selected tag in full once, so its allowed values show.
    fn read_selected_tag(&mut self, ctx: &mut Ctx) {
        let Some(namespace_id) = self.selected_namespace().map(|n| n.id.clone()) else {
            return;
        };
        let Some(tag) = self.selected_tag() else {
            return;
        };
        if tag.validator.is_some() || self.tags_read.contains(&tag.id) {
            return;
        }
        let (id, name) = (tag.id.clone(), tag.name.clone());
        self.tags_read.insert(id);
        let request = ctx.send_read(
            ME,
            TagRequest::GetTag {
                namespace_id: namespace_id.clone(),
                name,
            },
        );
        self.steps.insert(request, TagsStep::Refresh { namespace_id });
    }

    fn load_defaults(&mut self, ctx: &mut Ctx) {
        let compartment_id = self.scope_id(ctx);
        self.defaults
            .start_loading(ctx.send_read(ME, TagRequest::ListDefaults { compartment_id }));
    }

    pub(super) fn load_namespaces(&mut self, ctx: &mut Ctx) {
        self.namespaces
            .start_loading(ctx.send_read(ME, TagRequest::ListNamespaces));
    }

    fn take_listing(&mut self, response: &mut Response, ctx: &mut Ctx) -> bool {
        if self.namespaces.take_response(response, ctx) {
            ctx.learn_names(self.namespaces.all());
            // Defaults show `Namespace.key`: draw them again with the names.
            self.defaults.resort(ctx);
            return true;
        }
        if self.defaults.take_response(response, ctx)
            || self.standard.take_response(response, ctx)
        {
            return true;
        }
        if self.cost.awaits(response.id) {
            self.take_cost(response, ctx);
            return true;
        }
        self.tags
            .values_mut()
            .any(|list| list.take_response(response, ctx))
    }
}

impl Pane for TagsPane {
    fn contexts(&self) -> Vec<KeyContext> {
        use KeyContext as K;
        match (self.tab, self.focus) {
            (TagsTab::Defaults, _) => vec![K::TagsDefaults, K::Tabs, K::List],
            (TagsTab::Standard, _) => vec![K::TagsStandard, K::Tabs, K::List],
            (TagsTab::CostTracking, _) => vec![K::Tabs, K::List],
            (TagsTab::Namespaces, TagsFocus::Tags) => vec![K::TagsKeys, K::Tabs, K::List],
            (TagsTab::Namespaces, TagsFocus::Namespaces) => vec![K::Tags, K::Tabs, K::List],
        }
    }

    fn handle(&mut self, action: &Action, ctx: &mut Ctx) -> bool {
        if self.focused_list_mut().is_some_and(|l| l.navigate(action)) {
            return true;
        }
        match action {
            Action::NextTab | Action::PreviousTab => {
                let n = TagsTab::ALL.len();
                let i = TagsTab::ALL.iter().position(|t| *t == self.tab).unwrap_or(0);
                let next = if *action == Action::NextTab { i + 1 } else { i + n - 1 };
                self.tab = TagsTab::ALL[next % n];
                self.focus = TagsFocus::Namespaces;
            }
            Action::Show(view) => match view.as_str() {
                "standard" => self.tab = TagsTab::Standard,
                "cost_tracking" => self.tab = TagsTab::CostTracking,
                "defaults" => self.tab = TagsTab::Defaults,
                _ => return false,
            },
            Action::Select if self.tab == TagsTab::Standard => self.view_template(ctx),
            Action::Import if self.tab == TagsTab::Standard => self.ask_import(ctx),
            Action::Select if self.tab == TagsTab::Namespaces => {
                if self.selected_namespace().is_some() {
                    self.focus = TagsFocus::Tags;
                }
            }
            Action::Scope if self.tab == TagsTab::Defaults => self.ask_scope(ctx),
            Action::Create
            | Action::Edit
            | Action::Rename
            | Action::Delete
            | Action::Retire
            | Action::Move
            | Action::Lock
            | Action::Unlock => {
                self.start_write(action, ctx);
            }
            _ => return false,
        }
        true
    }

    fn take_response(&mut self, mut response: Response, ctx: &mut Ctx) {
        if self.take_listing(&mut response, ctx) {
            return;
        }
        if let Some(step) = self.steps.remove(&response.id) {
            self.take_step(step, &response, ctx);
            return;
        }
        if let Some(read) = self.reads.remove(&response.id) {
            self.take_read(&read, &response, ctx);
            return;
        }
        self.take_write(response, ctx);
    }

    fn ensure_loaded(&mut self, ctx: &mut Ctx) {
        if matches!(self.namespaces.items, Loadable::NotLoaded) {
            self.load_namespaces(ctx);
        }
        // Tags are listed per namespace: the selected one's in the namespaces tab, every
        // namespace's in the defaults tab (to name defaults and check their values).
        let wanted: Vec<String> = match self.tab {
            TagsTab::Namespaces => self
                .selected_namespace()
                .map(|n| n.id.clone())
                .into_iter()
                .collect(),
            TagsTab::Defaults => self.namespaces.all().iter().map(|n| n.id.clone()).collect(),
            TagsTab::Standard | TagsTab::CostTracking => Vec::new(),
        };
        for ns in wanted {
            if !self.tags.contains_key(&ns) {
                self.load_tags(&ns, ctx);
            }
        }
        if self.tab == TagsTab::Namespaces && self.focus == TagsFocus::Tags {
            self.read_selected_tag(ctx);
        }
        if self.tab == TagsTab::Defaults && matches!(self.defaults.items, Loadable::NotLoaded) {
            self.load_defaults(ctx);
        }
        if self.tab == TagsTab::Standard && matches!(self.standard.items, Loadable::NotLoaded) {
            self.standard
                .start_loading(ctx.send_read(ME, TagRequest::ListStandard));
        }
        if self.tab == TagsTab::CostTracking && matches!(self.cost.items, Loadable::NotLoaded) {
            self.cost
                .start_loading(ctx.send_read(ME, TagRequest::ListCostTracking));
        }
    }

    fn warm(&mut self, snapshot: &crate::model::Snapshot, ctx: &mut Ctx) -> bool {
        self.namespaces
            .set_items(snapshot.tag_namespaces.clone(), ctx);
        true
    }

    fn lend(&self, before: &mut crate::model::Snapshot, _ctx: &Ctx) {
        if let Some(namespaces) = self.namespaces.loaded() {
            before.tag_namespaces = namespaces.clone();
        }
    }

    fn refresh(&mut self, ctx: &mut Ctx) {
        self.load_namespaces(ctx);
        let loaded: Vec<String> = self.tags.keys().cloned().collect();
        for ns in loaded {
            self.load_tags(&ns, ctx);
        }
        self.tags_read.clear();
        if self.tab == TagsTab::Defaults {
            self.load_defaults(ctx);
        } else {
            self.defaults.reset();
        }
        self.standard.reset();
        self.cost.reset();
        self.ensure_loaded(ctx);
    }

    fn focused_list(&self) -> Option<&dyn ListControl> {
        match (self.tab, self.focus) {
            (TagsTab::Defaults, _) => Some(&self.defaults),
            (TagsTab::Standard, _) => Some(&self.standard),
            (TagsTab::CostTracking, _) => Some(&self.cost),
            (TagsTab::Namespaces, TagsFocus::Namespaces) => Some(&self.namespaces),
            (TagsTab::Namespaces, TagsFocus::Tags) => {
                self.namespace_tags().map(|l| l as &dyn ListControl)
            }
        }
    }

    fn focused_list_mut(&mut self) -> Option<&mut dyn ListControl> {
        match (self.tab, self.focus) {
            (TagsTab::Defaults, _) => Some(&mut self.defaults),
            (TagsTab::Standard, _) => Some(&mut self.standard),
            (TagsTab::CostTracking, _) => Some(&mut self.cost),
            (TagsTab::Namespaces, TagsFocus::Namespaces) => Some(&mut self.namespaces),
            (TagsTab::Namespaces, TagsFocus::Tags) => {
                self.namespace_tags_mut().map(|l| l as &mut dyn ListControl)
            }
        }
    }

    fn back(&mut self, ctx: &mut Ctx) -> bool {
        if self.clear_filter(ctx) {
            return true;
        }
        if self.focus == TagsFocus::Tags {
            self.focus = TagsFocus::Namespaces;
            return true;
        }
        false
    }
}

impl Dialogs for TagsPane {
    type Dialog = TagsDialog;

    fn on_modal(&mut self, dialog: TagsDialog, outcome: ModalOutcome, ctx: &mut Ctx) {
        self.finish_dialog(dialog, outcome, ctx);
    }
}

impl PaneState for TagsPane {
    fn new(_id: PaneId) -> Self {
        Self::default()
    }
}
