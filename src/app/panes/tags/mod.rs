//! State of the Tags pane: tag namespaces with the tags of the selected one, and the tag
//! defaults of one compartment. The writes and their dialogs are in `dialogs`.

mod dialogs;
pub mod forms;
pub mod kinds;
mod open;
mod results;

use std::collections::{BTreeMap, BTreeSet};

use crate::model::{CreateTagDefaultDetails, Tag, TagDefault, TagNamespace, UpdateTagDefaultDetails};

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
}

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
    DeleteNamespace { id: String },
    CreateTag { namespace_id: String },
    EditTag { namespace_id: String, name: String },
    RetireTag { namespace_id: String, name: String, retire: bool },
    DeleteTag { namespace_id: String, name: String },
    CreateDefault { compartment_id: String },
    EditDefault { id: String },
    DeleteDefault { id: String },
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
    RemoveDefault(String),
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
    },
}

#[derive(Debug, Default)]
pub struct TagsPane {
    pub tab: TagsTab,
    pub focus: TagsFocus,
    pub namespaces: ListView<TagNamespace>,
    /// The tags of each namespace loaded so far, by namespace OCID.
    pub tags: BTreeMap<String, ListView<Tag>>,
    pub defaults: ListView<TagDefault>,
    /// The compartment whose tag defaults are shown; `None` is the tenancy.
    pub scope: Option<String>,
    /// Work requests being followed (cascade deletes), as `what: STATUS 40%` lines.
    pub work: BTreeMap<RequestId, String>,
    pub changes: BTreeMap<RequestId, TagsChange>,
    pub steps: BTreeMap<RequestId, TagsStep>,
    /// Tags whose full read was asked for, so each is read once.
    pub tags_read: BTreeSet<String>,
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

    fn load_namespaces(&mut self, ctx: &mut Ctx) {
        self.namespaces
            .start_loading(ctx.send_read(ME, TagRequest::ListNamespaces));
    }

    fn take_listing(&mut self, response: &Response, ctx: &mut Ctx) -> bool {
        if self.namespaces.take_response(response, ctx) {
            ctx.learn_names(self.namespaces.all());
            // Defaults show `Namespace.key`: draw them again with the names.
            self.defaults.resort(ctx);
            return true;
        }
        if self.defaults.take_response(response, ctx) {
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
                self.tab = match self.tab {
                    TagsTab::Namespaces => TagsTab::Defaults,
                    TagsTab::Defaults => TagsTab::Namespaces,
                };
                self.focus = TagsFocus::Namespaces;
            }
            Action::Select if self.tab == TagsTab::Namespaces => {
                if self.selected_namespace().is_some() {
                    self.focus = TagsFocus::Tags;
                }
            }
            Action::Scope if self.tab == TagsTab::Defaults => self.ask_scope(ctx),
            Action::Create | Action::Edit | Action::Rename | Action::Delete | Action::Retire => {
                self.start_write(action, ctx);
            }
            _ => return false,
        }
        true
    }

    fn take_response(&mut self, response: Response, ctx: &mut Ctx) {
        if self.take_listing(&response, ctx) {
            return;
        }
        if let Some(step) = self.steps.remove(&response.id) {
            self.take_step(step, &response, ctx);
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
        self.ensure_loaded(ctx);
    }

    fn focused_list(&self) -> Option<&dyn ListControl> {
        match (self.tab, self.focus) {
            (TagsTab::Defaults, _) => Some(&self.defaults),
            (TagsTab::Namespaces, TagsFocus::Namespaces) => Some(&self.namespaces),
            (TagsTab::Namespaces, TagsFocus::Tags) => {
                self.namespace_tags().map(|l| l as &dyn ListControl)
            }
        }
    }

    fn focused_list_mut(&mut self) -> Option<&mut dyn ListControl> {
        match (self.tab, self.focus) {
            (TagsTab::Defaults, _) => Some(&mut self.defaults),
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
