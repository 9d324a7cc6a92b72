//! State of the Tags pane: tag namespaces with the tags of the selected one, and the tag
//! defaults of one compartment. The writes and their dialogs are in `tags_dialogs`.

use std::collections::{BTreeMap, BTreeSet};

use crate::model::{
    CreateTagDefaultDetails, Tag, TagDefault, TagNamespace, UpdateTagDefaultDetails,
};

use super::action::Action;
use super::ctx::Ctx;
use super::filter::ListFilter;
use super::loadable::Loadable;
use super::modal::{ModalOutcome, ModalPurpose};
use super::pane::Pane;
use super::pane_id::PaneId;
use super::request::{Payload, RequestId, RequestKind, Response};
use super::resource_list::ResourceList;

pub(crate) const ME: PaneId = PaneId::Tags;

/// Which list the pane shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TagsView {
    #[default]
    Namespaces,
    /// The tag defaults of one compartment.
    Defaults,
}

/// In the namespaces view: the cursor is on the namespaces or on the selected one's tags.
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
    EditNamespace {
        id: String,
    },
    RetireNamespace {
        id: String,
        retire: bool,
    },
    DeleteNamespace {
        id: String,
    },
    CreateTag {
        namespace_id: String,
    },
    EditTag {
        namespace_id: String,
        name: String,
    },
    RetireTag {
        namespace_id: String,
        name: String,
        retire: bool,
    },
    DeleteTag {
        namespace_id: String,
        name: String,
    },
    CreateDefault {
        compartment_id: String,
    },
    EditDefault {
        id: String,
    },
    DeleteDefault {
        id: String,
    },
    Scope,
}

/// What a finished write changes in the lists.
#[derive(Debug, Clone, PartialEq)]
pub enum TagsChange {
    Nothing,
    /// Upsert the answer (namespace, tag or default).
    Upsert,
    RemoveNamespace(String),
    RemoveTag {
        namespace_id: String,
        id: String,
    },
    RemoveDefault(String),
    /// The full tag arrived: open the edit form with its validator.
    OpenTagEditor,
    /// The full tag arrived: check the default's value against its validator, then create.
    ThenCreateDefault(CreateTagDefaultDetails),
    /// The same before an update.
    ThenUpdateDefault {
        id: String,
        details: UpdateTagDefaultDetails,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub struct TagsWrite {
    pub done: String,
    pub change: TagsChange,
}

#[derive(Debug, Default)]
pub struct TagsPane {
    pub view: TagsView,
    pub focus: TagsFocus,
    pub namespaces: ResourceList<TagNamespace>,
    /// The tags of each namespace loaded so far, by namespace OCID.
    pub tags: BTreeMap<String, ResourceList<Tag>>,
    pub defaults: ResourceList<TagDefault>,
    /// The compartment whose tag defaults are shown; `None` is the tenancy.
    pub scope: Option<String>,
    /// Work requests being followed (cascade deletes), as `what: STATUS 40%` lines.
    pub work: BTreeMap<RequestId, String>,
    pub writes: BTreeMap<RequestId, TagsWrite>,
    /// Reads of full tags (listings lack the validator), by request, with the namespace.
    pub tag_reads: BTreeMap<RequestId, String>,
    /// Tags whose full read was asked for, so each is read once.
    pub tags_read: BTreeSet<String>,
}

impl TagsPane {
    pub fn selected_namespace(&self) -> Option<&TagNamespace> {
        self.namespaces.selected()
    }

    /// The tags of the selected namespace, if asked for.
    pub fn namespace_tags(&self) -> Option<&ResourceList<Tag>> {
        self.tags.get(&self.selected_namespace()?.id)
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
            RequestKind::ListTags {
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
            RequestKind::GetTag {
                namespace_id: namespace_id.clone(),
                name,
            },
        );
        self.tag_reads.insert(request, namespace_id);
    }

    fn load_defaults(&mut self, ctx: &mut Ctx) {
        let compartment_id = self.scope_id(ctx);
        self.defaults
            .start_loading(ctx.send_read(ME, RequestKind::ListTagDefaults { compartment_id }));
    }

    fn load_namespaces(&mut self, ctx: &mut Ctx) {
        self.namespaces
            .start_loading(ctx.send_read(ME, RequestKind::ListTagNamespaces));
    }
}

impl Pane for TagsPane {
    fn contexts(&self) -> Vec<&'static str> {
        match (self.view, self.focus) {
            (TagsView::Defaults, _) => vec!["tags_defaults", "tabs", "list"],
            (TagsView::Namespaces, TagsFocus::Tags) => vec!["tags_keys", "tabs", "list"],
            (TagsView::Namespaces, TagsFocus::Namespaces) => vec!["tags", "tabs", "list"],
        }
    }

    fn handle(&mut self, action: &Action, ctx: &mut Ctx) -> bool {
        let moved = match (self.view, self.focus) {
            (TagsView::Defaults, _) => self.defaults.navigate(action),
            (TagsView::Namespaces, TagsFocus::Namespaces) => self.namespaces.navigate(action),
            (TagsView::Namespaces, TagsFocus::Tags) => {
                let Some(ns) = self.selected_namespace().map(|n| n.id.clone()) else {
                    return false;
                };
                self.tags
                    .get_mut(&ns)
                    .is_some_and(|list| list.navigate(action))
            }
        };
        if moved {
            return true;
        }
        match action {
            Action::NextTab | Action::PreviousTab => {
                self.view = match self.view {
                    TagsView::Namespaces => TagsView::Defaults,
                    TagsView::Defaults => TagsView::Namespaces,
                };
                self.focus = TagsFocus::Namespaces;
            }
            Action::Select if self.view == TagsView::Namespaces => {
                if self.selected_namespace().is_some() {
                    self.focus = TagsFocus::Tags;
                }
            }
            Action::Scope if self.view == TagsView::Defaults => self.ask_scope(ctx),
            Action::Create | Action::Edit | Action::Rename | Action::Delete | Action::Retire => {
                self.start_write(action, ctx);
            }
            _ => return false,
        }
        true
    }

    fn take_response(&mut self, response: Response, ctx: &mut Ctx) {
        let id = response.id;
        if self.writes.contains_key(&id) {
            self.take_write(id, response, ctx);
            return;
        }
        if let Some(namespace_id) = self.tag_reads.remove(&id) {
            if let Ok(Payload::Tag(mut tag)) = response.result {
                tag.tag_namespace_id.get_or_insert(namespace_id.clone());
                if let Some(list) = self.tags.get_mut(&namespace_id) {
                    list.replace(tag);
                }
            }
            return;
        }
        if self.namespaces.items.awaits(id) {
            self.namespaces
                .take_payload(id, response.result, |p| match p {
                    Payload::TagNamespaces(l) => Some(l),
                    _ => None,
                });
            return;
        }
        if self.defaults.items.awaits(id) {
            self.defaults
                .take_payload(id, response.result, |p| match p {
                    Payload::TagDefaults(l) => Some(l),
                    _ => None,
                });
            return;
        }
        if let Some(list) = self.tags.values_mut().find(|l| l.items.awaits(id)) {
            list.take_payload(id, response.result, |p| match p {
                Payload::Tags(l) => Some(l),
                _ => None,
            });
        }
    }

    fn ensure_loaded(&mut self, ctx: &mut Ctx) {
        if matches!(self.namespaces.items, Loadable::NotLoaded) {
            self.load_namespaces(ctx);
        }
        // Tags are listed per namespace: the selected one's in the namespaces view, every
        // namespace's in the defaults view (to name defaults and check their values).
        let wanted: Vec<String> = match self.view {
            TagsView::Namespaces => self
                .selected_namespace()
                .map(|n| n.id.clone())
                .into_iter()
                .collect(),
            TagsView::Defaults => self.namespaces.all().iter().map(|n| n.id.clone()).collect(),
        };
        for ns in wanted {
            if !self.tags.contains_key(&ns) {
                self.load_tags(&ns, ctx);
            }
        }
        if self.view == TagsView::Namespaces && self.focus == TagsFocus::Tags {
            self.read_selected_tag(ctx);
        }
        if self.view == TagsView::Defaults && matches!(self.defaults.items, Loadable::NotLoaded) {
            self.load_defaults(ctx);
        }
    }

    fn refresh(&mut self, ctx: &mut Ctx) {
        self.load_namespaces(ctx);
        self.tags.clear();
        self.tags_read.clear();
        if self.view == TagsView::Defaults {
            self.load_defaults(ctx);
        } else {
            self.defaults.items = Loadable::NotLoaded;
        }
        self.ensure_loaded(ctx);
    }

    fn on_modal(&mut self, purpose: ModalPurpose, outcome: ModalOutcome, ctx: &mut Ctx) {
        if let ModalPurpose::Tags(dialog) = purpose {
            self.finish_dialog(dialog, outcome, ctx);
        }
    }

    fn filter(&self) -> Option<&ListFilter> {
        match (self.view, self.focus) {
            (TagsView::Defaults, _) => Some(&self.defaults.filter),
            (TagsView::Namespaces, TagsFocus::Namespaces) => Some(&self.namespaces.filter),
            (TagsView::Namespaces, TagsFocus::Tags) => self.namespace_tags().map(|l| &l.filter),
        }
    }

    fn set_filter(&mut self, filter: ListFilter, _ctx: &Ctx) {
        match (self.view, self.focus) {
            (TagsView::Defaults, _) => self.defaults.set_filter(filter),
            (TagsView::Namespaces, TagsFocus::Namespaces) => self.namespaces.set_filter(filter),
            (TagsView::Namespaces, TagsFocus::Tags) => {
                if let Some(ns) = self.selected_namespace().map(|n| n.id.clone())
                    && let Some(list) = self.tags.get_mut(&ns)
                {
                    list.set_filter(filter);
                }
            }
        }
    }

    fn selected_ocid(&self, _ctx: &Ctx) -> Option<String> {
        match (self.view, self.focus) {
            (TagsView::Defaults, _) => self.defaults.selected().map(|d| d.id.clone()),
            (TagsView::Namespaces, TagsFocus::Namespaces) => {
                self.selected_namespace().map(|n| n.id.clone())
            }
            (TagsView::Namespaces, TagsFocus::Tags) => self.selected_tag().map(|t| t.id.clone()),
        }
    }

    fn selected_json(&self, _ctx: &Ctx) -> Option<serde_json::Value> {
        match (self.view, self.focus) {
            (TagsView::Defaults, _) => serde_json::to_value(self.defaults.selected()?).ok(),
            (TagsView::Namespaces, TagsFocus::Namespaces) => {
                serde_json::to_value(self.selected_namespace()?).ok()
            }
            (TagsView::Namespaces, TagsFocus::Tags) => {
                serde_json::to_value(self.selected_tag()?).ok()
            }
        }
    }

    fn back(&mut self, ctx: &mut Ctx) -> bool {
        if let Some(filter) = self.filter().filter(|f| f.is_active()) {
            let mut cleared = filter.clone();
            cleared.query.clear();
            self.set_filter(cleared, ctx);
            return true;
        }
        if self.focus == TagsFocus::Tags {
            self.focus = TagsFocus::Namespaces;
            return true;
        }
        false
    }
}
