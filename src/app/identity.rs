//! State of the Identity pane: users, groups and dynamic groups (one list at a time), the
//! memberships of the selection in both directions, a user's API keys, and the writes on them
//! (dialogs in `identity_dialogs`, the related lists in `identity_related`).

use std::collections::BTreeMap;

use crate::model::{ApiKey, DynamicGroup, Group, User, UserGroupMembership};

use super::action::Action;
use super::ctx::Ctx;
use super::filter::ListFilter;
use super::identity_related::{MembershipIndex, Pick};
use super::list::ListCursor;
use super::loadable::Loadable;
use super::modal::{ModalOutcome, ModalPurpose};
use super::pane::Pane;
use super::pane_id::PaneId;
use super::request::{Payload, RequestId, RequestKind, Response};
use super::resource_list::ResourceList;

pub(crate) const ME: PaneId = PaneId::Identity;

/// Which list the pane shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum IdentityView {
    #[default]
    Users,
    Groups,
    DynamicGroups,
}

impl IdentityView {
    pub const ALL: [IdentityView; 3] = [Self::Users, Self::Groups, Self::DynamicGroups];

    pub fn title(self) -> &'static str {
        match self {
            Self::Users => "Users",
            Self::Groups => "Groups",
            Self::DynamicGroups => "Dynamic groups",
        }
    }
}

/// Where the cursor is: the main list, or a list about its selection.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum IdentityFocus {
    #[default]
    List,
    /// The selected user's groups, or the selected group's members.
    Members,
    /// The selected user's API keys.
    ApiKeys,
    /// Choosing a group (or user) to add a membership with.
    Pick,
}

/// The dialogs this pane opens; the outcome comes back to [`IdentityPane::on_modal`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IdentityDialog {
    CreateUser,
    EditUser {
        id: String,
    },
    DeleteUser {
        id: String,
    },
    Block {
        id: String,
        blocked: bool,
    },
    Capabilities {
        id: String,
    },
    ResetPassword {
        id: String,
    },
    CreateGroup,
    EditGroup {
        id: String,
    },
    DeleteGroup {
        id: String,
    },
    CreateDynamicGroup,
    EditDynamicGroup {
        id: String,
    },
    DeleteDynamicGroup {
        id: String,
    },
    RemoveMembership {
        membership_id: String,
    },
    UploadKey {
        user_id: String,
    },
    DeleteKey {
        user_id: String,
        fingerprint: String,
    },
}

/// What to drop from the lists once a write that answers with nothing succeeds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Removal {
    Nothing,
    User(String),
    Group(String),
    DynamicGroup(String),
    Membership(String),
    ApiKey(String),
}

/// A write waiting for its answer: the toast on success and what it removes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PendingWrite {
    pub done: String,
    pub removal: Removal,
}

#[derive(Debug, Default)]
pub struct IdentityPane {
    pub view: IdentityView,
    pub focus: IdentityFocus,
    pub users: ResourceList<User>,
    pub groups: ResourceList<Group>,
    pub dynamic_groups: ResourceList<DynamicGroup>,
    pub memberships: Loadable<Vec<UserGroupMembership>>,
    /// `memberships` by user and by group; rebuilt whenever they change.
    pub member_index: MembershipIndex,
    /// Cursor of the members list (a user's groups or a group's members).
    pub members_cursor: ListCursor,
    pub api_keys: Loadable<Vec<ApiKey>>,
    /// The user whose keys `api_keys` holds.
    pub keys_user: Option<String>,
    pub keys_cursor: ListCursor,
    pub pick: Option<Pick>,
    pub writes: BTreeMap<RequestId, PendingWrite>,
}

impl IdentityPane {
    pub fn selected_user(&self) -> Option<&User> {
        (self.view == IdentityView::Users)
            .then(|| self.users.selected())
            .flatten()
    }

    pub fn selected_group(&self) -> Option<&Group> {
        (self.view == IdentityView::Groups)
            .then(|| self.groups.selected())
            .flatten()
    }

    pub fn selected_dynamic_group(&self) -> Option<&DynamicGroup> {
        (self.view == IdentityView::DynamicGroups)
            .then(|| self.dynamic_groups.selected())
            .flatten()
    }

    /// The OCID selected in the main list, whatever the view.
    pub fn selected_id(&self) -> Option<String> {
        match self.view {
            IdentityView::Users => self.users.selected().map(|u| u.id.clone()),
            IdentityView::Groups => self.groups.selected().map(|g| g.id.clone()),
            IdentityView::DynamicGroups => self.dynamic_groups.selected().map(|d| d.id.clone()),
        }
    }

    fn list_filter_mut(&mut self) -> &mut ListFilter {
        match self.view {
            IdentityView::Users => &mut self.users.filter,
            IdentityView::Groups => &mut self.groups.filter,
            IdentityView::DynamicGroups => &mut self.dynamic_groups.filter,
        }
    }

    fn navigate_list(&mut self, action: &Action) -> bool {
        let moved = match self.view {
            IdentityView::Users => self.users.navigate(action),
            IdentityView::Groups => self.groups.navigate(action),
            IdentityView::DynamicGroups => self.dynamic_groups.navigate(action),
        };
        if moved {
            self.members_cursor = ListCursor::default();
        }
        moved
    }

    fn switch_view(&mut self, view: IdentityView) {
        self.view = view;
        self.focus = IdentityFocus::List;
        self.pick = None;
        self.members_cursor = ListCursor::default();
    }

    fn step_view(&mut self, forward: bool) {
        let i = IdentityView::ALL
            .iter()
            .position(|v| *v == self.view)
            .unwrap_or(0);
        let n = IdentityView::ALL.len();
        let next = if forward {
            (i + 1) % n
        } else {
            (i + n - 1) % n
        };
        self.switch_view(IdentityView::ALL[next]);
    }

    /// Memberships are listed per group (the service wants a user or a group), so they wait
    /// for the group list.
    fn load_memberships(&mut self, ctx: &mut Ctx) {
        if !self.groups.items.is_loaded() {
            return;
        }
        let group_ids = self.groups.all().iter().map(|g| g.id.clone()).collect();
        let request = ctx.send_read(ME, RequestKind::ListMemberships { group_ids });
        self.memberships = Loadable::loading(request);
    }

    fn load_all(&mut self, ctx: &mut Ctx) {
        self.users
            .start_loading(ctx.send_read(ME, RequestKind::ListUsers));
        self.groups
            .start_loading(ctx.send_read(ME, RequestKind::ListGroups));
        // Read again once the groups arrive (see `ensure_loaded`).
        self.memberships = Loadable::NotLoaded;
        if self.view == IdentityView::DynamicGroups
            || !matches!(self.dynamic_groups.items, Loadable::NotLoaded)
        {
            self.dynamic_groups
                .start_loading(ctx.send_read(ME, RequestKind::ListDynamicGroups));
        }
        if self.focus == IdentityFocus::ApiKeys {
            self.keys_user = None;
        }
    }

    pub(crate) fn index_memberships(&mut self) {
        self.member_index =
            MembershipIndex::build(self.memberships.data().map_or(&[][..], Vec::as_slice));
    }

    /// Loads the selected user's API keys unless they are the ones shown.
    pub(crate) fn load_keys(&mut self, ctx: &mut Ctx) {
        let Some(user_id) = self.selected_user().map(|u| u.id.clone()) else {
            return;
        };
        if self.keys_user.as_deref() == Some(user_id.as_str()) {
            return;
        }
        let request = ctx.send_read(
            ME,
            RequestKind::ListApiKeys {
                user_id: user_id.clone(),
            },
        );
        self.api_keys = Loadable::loading(request);
        self.keys_user = Some(user_id);
        self.keys_cursor = ListCursor::default();
    }
}

impl Pane for IdentityPane {
    fn contexts(&self) -> Vec<&'static str> {
        match (self.focus, self.view) {
            (IdentityFocus::Members, _) => vec!["identity_members", "tabs", "list"],
            (IdentityFocus::ApiKeys, _) => vec!["identity_keys", "tabs", "list"],
            (IdentityFocus::Pick, _) => vec!["identity_pick", "list"],
            (IdentityFocus::List, IdentityView::Users) => {
                vec!["identity", "identity_users", "tabs", "list"]
            }
            (IdentityFocus::List, IdentityView::Groups) => {
                vec!["identity", "identity_groups", "tabs", "list"]
            }
            (IdentityFocus::List, IdentityView::DynamicGroups) => {
                vec!["identity", "tabs", "list"]
            }
        }
    }

    fn handle(&mut self, action: &Action, ctx: &mut Ctx) -> bool {
        if let Action::Show(view) = action {
            match view.as_str() {
                "users" => self.switch_view(IdentityView::Users),
                "groups" => self.switch_view(IdentityView::Groups),
                "dynamic_groups" => self.switch_view(IdentityView::DynamicGroups),
                _ => return false,
            }
            return true;
        }
        // The lists switch from anywhere but the pick list (which is about one selection).
        if matches!(action, Action::NextTab | Action::PreviousTab)
            && self.focus != IdentityFocus::Pick
        {
            self.step_view(*action == Action::NextTab);
            return true;
        }
        match self.focus {
            IdentityFocus::Members => return self.handle_members(action, ctx),
            IdentityFocus::ApiKeys => return self.handle_keys(action, ctx),
            IdentityFocus::Pick => return self.handle_pick(action, ctx),
            IdentityFocus::List => {}
        }
        if self.navigate_list(action) {
            return true;
        }
        match action {
            Action::Select => self.open_members(ctx),
            Action::ApiKeys => {
                if self.selected_user().is_some() {
                    self.focus = IdentityFocus::ApiKeys;
                    self.load_keys(ctx);
                } else {
                    ctx.toasts.info("API keys belong to users: select a user");
                }
            }
            Action::Create
            | Action::Edit
            | Action::Rename
            | Action::Delete
            | Action::Block
            | Action::Capabilities
            | Action::ResetPassword => self.start_write(action, ctx),
            _ => return false,
        }
        true
    }

    fn take_response(&mut self, response: Response, ctx: &mut Ctx) {
        let id = response.id;
        if let Some(write) = self.writes.remove(&id) {
            self.take_write(write, response, ctx);
            return;
        }
        if self.memberships.awaits(id) {
            self.memberships = match response.result {
                Ok(Payload::Memberships(list)) => Loadable::Loaded(list),
                Ok(_) => return,
                Err(f) => Loadable::Failed(f),
            };
            self.index_memberships();
            return;
        }
        if self.api_keys.awaits(id) {
            self.api_keys = match response.result {
                Ok(Payload::ApiKeys(list)) => Loadable::Loaded(list),
                Ok(_) => return,
                Err(f) => Loadable::Failed(f),
            };
            return;
        }
        let result = response.result;
        if self.users.items.awaits(id) {
            self.users.take_payload(id, result, |p| match p {
                Payload::Users(l) => Some(l),
                _ => None,
            });
        } else if self.groups.items.awaits(id) {
            self.groups.take_payload(id, result, |p| match p {
                Payload::Groups(l) => Some(l),
                _ => None,
            });
        } else if self.dynamic_groups.items.awaits(id) {
            self.dynamic_groups.take_payload(id, result, |p| match p {
                Payload::DynamicGroups(l) => Some(l),
                _ => None,
            });
        }
    }

    fn ensure_loaded(&mut self, ctx: &mut Ctx) {
        if matches!(self.users.items, Loadable::NotLoaded) {
            self.users
                .start_loading(ctx.send_read(ME, RequestKind::ListUsers));
        }
        if matches!(self.groups.items, Loadable::NotLoaded) {
            self.groups
                .start_loading(ctx.send_read(ME, RequestKind::ListGroups));
        }
        if matches!(self.memberships, Loadable::NotLoaded) {
            self.load_memberships(ctx);
        }
        if self.view == IdentityView::DynamicGroups
            && matches!(self.dynamic_groups.items, Loadable::NotLoaded)
        {
            self.dynamic_groups
                .start_loading(ctx.send_read(ME, RequestKind::ListDynamicGroups));
        }
        if self.focus == IdentityFocus::ApiKeys {
            self.load_keys(ctx);
        }
    }

    fn refresh(&mut self, ctx: &mut Ctx) {
        self.load_all(ctx);
        if self.focus == IdentityFocus::ApiKeys {
            self.load_keys(ctx);
        }
    }

    fn on_modal(&mut self, purpose: ModalPurpose, outcome: ModalOutcome, ctx: &mut Ctx) {
        if let ModalPurpose::Identity(dialog) = purpose {
            self.finish_dialog(dialog, outcome, ctx);
        }
    }

    fn filter(&self) -> Option<&ListFilter> {
        match (self.focus, self.view) {
            (IdentityFocus::Pick, _) => self.pick.as_ref().map(|p| &p.filter),
            (IdentityFocus::List, IdentityView::Users) => Some(&self.users.filter),
            (IdentityFocus::List, IdentityView::Groups) => Some(&self.groups.filter),
            (IdentityFocus::List, IdentityView::DynamicGroups) => Some(&self.dynamic_groups.filter),
            _ => None,
        }
    }

    fn set_filter(&mut self, filter: ListFilter, _ctx: &Ctx) {
        match self.focus {
            IdentityFocus::Pick => {
                if let Some(pick) = &mut self.pick {
                    pick.set_filter(filter);
                }
            }
            IdentityFocus::List => match self.view {
                IdentityView::Users => self.users.set_filter(filter),
                IdentityView::Groups => self.groups.set_filter(filter),
                IdentityView::DynamicGroups => self.dynamic_groups.set_filter(filter),
            },
            _ => {}
        }
    }

    fn selected_ocid(&self, _ctx: &Ctx) -> Option<String> {
        match self.focus {
            IdentityFocus::List => self.selected_id(),
            IdentityFocus::Members => self
                .member_rows()
                .get(self.members_cursor.selected)
                .map(|r| r.other_id.clone()),
            IdentityFocus::ApiKeys => self.selected_key().map(|k| k.key_id.clone()),
            IdentityFocus::Pick => self.pick.as_ref()?.selected().map(|(id, _)| id.clone()),
        }
    }

    fn selected_json(&self, _ctx: &Ctx) -> Option<serde_json::Value> {
        let value = match self.focus {
            IdentityFocus::ApiKeys => serde_json::to_value(self.selected_key()?),
            IdentityFocus::Members => {
                let row = self
                    .member_rows()
                    .into_iter()
                    .nth(self.members_cursor.selected)?;
                let m = self
                    .memberships
                    .data()?
                    .iter()
                    .find(|m| m.id == row.membership_id)?;
                serde_json::to_value(m)
            }
            _ => match self.view {
                IdentityView::Users => serde_json::to_value(self.users.selected()?),
                IdentityView::Groups => serde_json::to_value(self.groups.selected()?),
                IdentityView::DynamicGroups => {
                    serde_json::to_value(self.dynamic_groups.selected()?)
                }
            },
        };
        value.ok()
    }

    fn back(&mut self, _ctx: &mut Ctx) -> bool {
        match self.focus {
            IdentityFocus::Pick => {
                self.pick = None;
                self.focus = IdentityFocus::Members;
                true
            }
            IdentityFocus::Members | IdentityFocus::ApiKeys => {
                self.focus = IdentityFocus::List;
                true
            }
            IdentityFocus::List => {
                let filter = self.list_filter_mut();
                if filter.is_active() {
                    filter.query.clear();
                    let view = self.view;
                    match view {
                        IdentityView::Users => self.users.rebuild(),
                        IdentityView::Groups => self.groups.rebuild(),
                        IdentityView::DynamicGroups => self.dynamic_groups.rebuild(),
                    }
                    true
                } else {
                    false
                }
            }
        }
    }
}
