//! State of the Identity pane: users, groups and dynamic groups (one list at a time), the
//! memberships of the selection in both directions, a user's credentials (a tab per kind),
//! and the writes on them (dialogs in `dialogs`, the lists about the selection in `members`
//! and `user_credentials`).

mod bulk;
mod credential_forms;
mod dialogs;
// Every domain's directory (Identity Domains, SCIM).
pub mod domain;
mod edit;
mod forms;
pub mod kinds;
pub mod members;
mod open;
mod rename;
pub mod public_key;
mod results;
mod user_credentials;

use std::collections::BTreeMap;

use crate::model::{
    Credential, CredentialKind, DynamicGroup, Group, IdentityProvider, IdpGroupMapping,
    UiPasswordInformation, User,
};

use super::{Dialogs, KeyContext, Pane, PaneDialog, PaneId, PaneState};
use crate::app::action::Action;
use crate::app::ctx::Ctx;
use crate::app::request::{FederationRequest, IdentityRequest, RequestId, Response};
use crate::app::widgets::list_view::{ListControl, ListView};
use crate::app::widgets::loadable::Loadable;
use crate::app::widgets::modal::ModalOutcome;

pub use credential_forms::{otpauth_uri, parse_scopes, totp_code};
pub use forms::{CAPABILITIES, capability, capability_kinds};
pub use kinds::{Candidate, MemberRow};
pub(crate) use user_credentials::revoke_modal;
pub use user_credentials::KindCount;

/// The last four bytes of a fingerprint (`12:34:56:78`): enough to type as a confirmation.
pub fn fingerprint_tail(fingerprint: &str) -> String {
    let start = fingerprint.len().saturating_sub(11);
    fingerprint.get(start..).unwrap_or(fingerprint).to_string()
}

pub(crate) const ME: PaneId = PaneId::Identity;

/// Which list the pane shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum IdentityTab {
    #[default]
    Users,
    Groups,
    DynamicGroups,
}

impl IdentityTab {
    pub const ALL: [IdentityTab; 3] = [Self::Users, Self::Groups, Self::DynamicGroups];

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
    /// The selected user's credentials, one kind (tab) at a time.
    Credentials,
    /// Choosing a group (or user) to add a membership with.
    Pick,
}

/// The dialogs this pane opens; the outcome comes back to [`Dialogs::on_modal`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IdentityDialog {
    CreateUser,
    /// `etag` is what the form's fresh read carried: the update is conditional on it.
    EditUser { id: String, etag: Option<String> },
    DeleteUser { id: String },
    Block { id: String, blocked: bool },
    Capabilities { id: String },
    ResetPassword { id: String },
    CreateGroup,
    EditGroup { id: String, etag: Option<String> },
    /// A domain group's new name, confirmed after the statements naming it are shown.
    RenameGroup(Box<rename::GroupRename>),
    DeleteGroup { id: String },
    CreateDynamicGroup,
    EditDynamicGroup { id: String, etag: Option<String> },
    DeleteDynamicGroup { id: String },
    RemoveMembership { membership_id: String },
    /// A new credential of the kind (an API key upload, an MFA enrolment ...).
    CreateCredential { user_id: String, kind: CredentialKind },
    EditCredential { user_id: String, id: String },
    /// `path_id` is what the service's path names (an API key's fingerprint), `id` the row's.
    RevokeCredential {
        user_id: String,
        kind: CredentialKind,
        path_id: String,
        id: String,
    },
    /// The seed just shown: Enter goes on to the activation code.
    MfaSeed { user_id: String, id: String },
    ActivateMfa { user_id: String, id: String },
    /// A defined tag on the marked users, groups or dynamic groups.
    BulkTags {
        targets: Vec<crate::app::bulk_tags::BulkTarget>,
    },
    /// Which identity domain's users and groups to show.
    ChooseDomain,
}

pub(crate) fn dialog(d: IdentityDialog) -> PaneDialog {
    PaneDialog::Identity(d)
}

/// What to drop from the lists once a write that answers with nothing succeeds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Removal {
    User(String),
    Group(String),
    DynamicGroup(String),
    Membership(String),
    /// A credential of the user whose credentials are shown, by row id.
    Credential(String),
}

#[derive(Debug, Default)]
pub struct IdentityPane {
    pub tab: IdentityTab,
    pub focus: IdentityFocus,
    pub users: ListView<User>,
    pub groups: ListView<Group>,
    pub dynamic_groups: ListView<DynamicGroup>,
    /// The selected user's groups or the selected group's members.
    pub members: ListView<MemberRow>,
    /// Whose memberships `members` holds, and from which version of the memberships.
    members_of: Option<(String, usize)>,
    /// The selected user's credentials of the current kind.
    pub creds: ListView<crate::app::panes::credentials::CredentialRow>,
    /// The kind (tab) `creds` shows.
    pub creds_kind: CredentialKind,
    /// Every credential of `creds_user`, all kinds.
    pub user_creds: Loadable<Vec<Credential>>,
    pub creds_user: Option<String>,
    /// Other panes' writes when `user_creds` was listed (see `Ctx::writes_outside`).
    creds_writes: u64,
    /// When each user's console password was set, read as the cursor reaches them.
    pub ui_passwords: BTreeMap<String, Loadable<Option<UiPasswordInformation>>>,
    /// The checklist waits for this listing of the user's credentials (it shows counts).
    pub caps_after: Option<RequestId>,
    /// A device read again (Enter on it): its detail shows when it answers.
    pub device_read: Option<RequestId>,
    /// A user's credentials to show once the users are listed (from the Credentials pane).
    pub show_after_load: Option<(String, CredentialKind)>,
    /// The candidates of a new membership.
    pub pick: ListView<Candidate>,
    /// Writes on their way: what a successful answer that carries nothing removes.
    pub removals: BTreeMap<RequestId, Removal>,
    /// A capability toggle on its way: the checklist opens again on this line after it.
    pub capabilities_at: Option<(RequestId, usize)>,
    /// Reads whose answer opens a form or a detail.
    pub reads: BTreeMap<RequestId, edit::Read>,
    /// A bulk tag edit on its way: the lists are read again when it succeeds.
    pub bulk_edit: Option<RequestId>,
    memberships_request: Option<RequestId>,
    /// The memberships shown came with a snapshot (a warm start, or the tenancy read again):
    /// nothing to list until a refresh. Listing them is a call per group.
    memberships_from_snapshot: bool,
    /// Every identity provider with its group mappings: a group's detail shows which
    /// provider groups map into it.
    pub federated: Loadable<Vec<(IdentityProvider, Vec<IdpGroupMapping>)>>,
    // Every domain's directory (Identity Domains, SCIM).
    /// The domain shown when it is not Default (`None`: the classic API's Default domain).
    pub domain: Option<domain::DomainView>,
    pub domain_choices: domain::DomainChoices,
    /// Writes in another domain: a success reads its directory again (new `meta.version`s).
    domain_writes: std::collections::BTreeSet<RequestId>,
}

impl IdentityPane {
    pub fn selected_user(&self) -> Option<&User> {
        (self.tab == IdentityTab::Users)
            .then(|| self.users.selected())
            .flatten()
    }

    pub fn selected_group(&self) -> Option<&Group> {
        (self.tab == IdentityTab::Groups)
            .then(|| self.groups.selected())
            .flatten()
    }

    /// `(provider, IdP group)` of every mapping into the group.
    pub fn mapped_into(&self, group_id: &str) -> Vec<(String, String)> {
        self.federated
            .data()
            .into_iter()
            .flatten()
            .flat_map(|(idp, mappings)| {
                mappings
                    .iter()
                    .filter(|m| m.group_id == group_id)
                    .map(|m| (idp.name.clone(), m.idp_group_name.clone()))
            })
            .collect()
    }

    /// The OCID selected in the main list, whatever the tab.
    pub fn selected_id(&self) -> Option<String> {
        self.tab_list().selected_id().map(str::to_string)
    }

    /// The main list of the current tab.
    pub fn tab_list(&self) -> &dyn ListControl {
        match self.tab {
            IdentityTab::Users => &self.users,
            IdentityTab::Groups => &self.groups,
            IdentityTab::DynamicGroups => &self.dynamic_groups,
        }
    }

    fn tab_list_mut(&mut self) -> &mut dyn ListControl {
        match self.tab {
            IdentityTab::Users => &mut self.users,
            IdentityTab::Groups => &mut self.groups,
            IdentityTab::DynamicGroups => &mut self.dynamic_groups,
        }
    }

    fn switch_tab(&mut self, tab: IdentityTab) {
        self.tab = tab;
        self.focus = IdentityFocus::List;
    }

    fn step_tab(&mut self, forward: bool) {
        let i = IdentityTab::ALL
            .iter()
            .position(|v| *v == self.tab)
            .unwrap_or(0);
        let n = IdentityTab::ALL.len();
        let next = if forward { (i + 1) % n } else { (i + n - 1) % n };
        self.switch_tab(IdentityTab::ALL[next]);
    }

    /// Memberships are listed per group (the service wants a user or a group), so they wait
    /// for the group list.
    fn load_memberships(&mut self, ctx: &mut Ctx) {
        if !self.groups.items.is_loaded() {
            return;
        }
        let group_ids = self.groups.all().iter().map(|g| g.id.clone()).collect();
        let request = ctx.send_read(ME, IdentityRequest::ListMemberships { group_ids });
        self.memberships_request = Some(request);
        ctx.memberships = match std::mem::take(&mut ctx.memberships) {
            Loadable::Loaded(old) => Loadable::Loading {
                request,
                partial: Some(old),
            },
            _ => Loadable::loading(request),
        };
    }

    fn load_lists(&mut self, ctx: &mut Ctx) {
        self.users
            .start_loading(ctx.send_read(ME, IdentityRequest::ListUsers));
        self.groups
            .start_loading(ctx.send_read(ME, IdentityRequest::ListGroups));
        // Read again once the groups arrive (see `ensure_loaded`).
        self.memberships_request = None;
        self.memberships_from_snapshot = false;
        if self.tab == IdentityTab::DynamicGroups
            || !matches!(self.dynamic_groups.items, Loadable::NotLoaded)
        {
            self.dynamic_groups
                .start_loading(ctx.send_read(ME, IdentityRequest::ListDynamicGroups));
        }
    }
}

impl Pane for IdentityPane {
    fn contexts(&self) -> Vec<KeyContext> {
        use KeyContext as K;
        match (self.focus, self.tab) {
            (IdentityFocus::Members, _) => vec![K::IdentityMembers, K::Tabs, K::List],
            // Activation and new seeds are the MFA tab's alone.
            (IdentityFocus::Credentials, _) if self.creds_kind == CredentialKind::MfaDevice => {
                vec![K::IdentityMfa, K::IdentityCredentials, K::Tabs, K::List]
            }
            (IdentityFocus::Credentials, _) => vec![K::IdentityCredentials, K::Tabs, K::List],
            (IdentityFocus::Pick, _) => vec![K::IdentityPick, K::List],
            (IdentityFocus::List, IdentityTab::Users) => {
                vec![K::Identity, K::IdentityUsers, K::Tabs, K::List]
            }
            (IdentityFocus::List, IdentityTab::Groups) => {
                vec![K::Identity, K::IdentityGroups, K::Tabs, K::List]
            }
            (IdentityFocus::List, IdentityTab::DynamicGroups) => {
                vec![K::Identity, K::Tabs, K::List]
            }
        }
    }

    fn handle(&mut self, action: &Action, ctx: &mut Ctx) -> bool {
        if let Action::Show(view) = action {
            match view.as_str() {
                "users" => self.switch_tab(IdentityTab::Users),
                "groups" => self.switch_tab(IdentityTab::Groups),
                "dynamic_groups" => self.switch_tab(IdentityTab::DynamicGroups),
                _ => return false,
            }
            return true;
        }
        // The lists switch from anywhere but the pick list (which is about one selection)
        // and the credentials (whose tabs are the kinds).
        if matches!(action, Action::NextTab | Action::PreviousTab)
            && !matches!(self.focus, IdentityFocus::Pick | IdentityFocus::Credentials)
        {
            self.step_tab(*action == Action::NextTab);
            return true;
        }
        match self.focus {
            IdentityFocus::Members => return self.handle_members(action, ctx),
            IdentityFocus::Credentials => return self.handle_credentials(action, ctx),
            IdentityFocus::Pick => return self.handle_pick(action, ctx),
            IdentityFocus::List => {}
        }
        if self.tab_list_mut().navigate(action) {
            return true;
        }
        match action {
            Action::ChooseDomain => self.choose_domain(ctx),
            Action::Credentials | Action::BulkTags if self.domain.is_some() => {
                ctx.toasts.info(self.not_in_domain());
            }
            Action::Select => self.open_members(ctx),
            Action::Credentials => self.open_credentials(ctx),
            Action::BulkTags => self.start_bulk_tags(ctx),
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

    fn take_response(&mut self, mut response: Response, ctx: &mut Ctx) {
        if self.take_domain_choices(&response, ctx) || self.take_directory(&mut response, ctx) {
            return;
        }
        if response.done && self.domain_writes.remove(&response.id) {
            let succeeded = response.result.is_ok();
            self.take_write(response, ctx);
            if succeeded {
                self.load_domain(ctx);
            }
            return;
        }
        if let Some(read) = self.reads.remove(&response.id) {
            self.take_read(read, &response, ctx);
            return;
        }
        if self.take_bulk_edit(&response, ctx) {
            return;
        }
        if self.memberships_request == Some(response.id) && ctx.memberships.awaits(response.id)
        {
            self.take_memberships(&mut response, ctx);
            return;
        }
        if self.federated.awaits(response.id) {
            self.federated = Loadable::from_items(&response.result, "the group mappings");
            return;
        }
        if self.users.take_response(&mut response, ctx) {
            if self.users.items.is_loaded()
                && let Some((user, kind)) = self.show_after_load.take()
            {
                self.show_user_credentials(&user, kind, ctx);
            }
            return;
        }
        if self.take_credentials(&response, ctx)
            || self.take_password_info(&response)
            || self.groups.take_response(&mut response, ctx)
            || self.dynamic_groups.take_response(&mut response, ctx)
        {
            return;
        }
        self.take_write(response, ctx);
    }

    fn ensure_loaded(&mut self, ctx: &mut Ctx) {
        if let Some(view) = &self.domain {
            if matches!(view.directory, Loadable::NotLoaded) {
                self.load_domain(ctx);
            }
            self.sync_members(ctx);
            return;
        }
        if matches!(self.users.items, Loadable::NotLoaded) {
            self.users
                .start_loading(ctx.send_read(ME, IdentityRequest::ListUsers));
        }
        if matches!(self.groups.items, Loadable::NotLoaded) {
            self.groups
                .start_loading(ctx.send_read(ME, IdentityRequest::ListGroups));
        }
        if self.memberships_request.is_none() && !self.memberships_from_snapshot {
            self.load_memberships(ctx);
        }
        if self.tab == IdentityTab::DynamicGroups
            && matches!(self.dynamic_groups.items, Loadable::NotLoaded)
        {
            self.dynamic_groups
                .start_loading(ctx.send_read(ME, IdentityRequest::ListDynamicGroups));
        }
        if self.focus == IdentityFocus::Credentials {
            self.load_credentials(ctx);
        }
        if self.tab == IdentityTab::Groups && matches!(self.federated, Loadable::NotLoaded) {
            let request = ctx.send_read(ME, FederationRequest::ListAllMappings);
            self.federated = Loadable::loading(request);
        }
        self.load_password_info(ctx);
        self.sync_members(ctx);
    }

    fn warm(&mut self, snapshot: &crate::model::Snapshot, ctx: &mut Ctx) -> bool {
        self.users.set_items(snapshot.users.clone(), ctx);
        self.groups.set_items(snapshot.groups.clone(), ctx);
        self.dynamic_groups
            .set_items(snapshot.dynamic_groups.clone(), ctx);
        ctx.memberships = Loadable::Loaded(snapshot.memberships.clone());
        ctx.reindex_memberships();
        self.memberships_request = None;
        self.memberships_from_snapshot = true;
        true
    }

    fn lend(&self, before: &mut crate::model::Snapshot, ctx: &Ctx) {
        // Another domain's directory is not what the tenancy read lists.
        if self.domain.is_some() {
            return;
        }
        if let Some(users) = self.users.loaded() {
            before.users = users.clone();
        }
        if let Some(groups) = self.groups.loaded() {
            before.groups = groups.clone();
        }
        if let Some(dynamic_groups) = self.dynamic_groups.loaded() {
            before.dynamic_groups = dynamic_groups.clone();
        }
        if let Loadable::Loaded(memberships) = &ctx.memberships {
            before.memberships = memberships.clone();
        }
    }

    fn refresh(&mut self, ctx: &mut Ctx) {
        if self.domain.is_some() {
            self.load_domain(ctx);
            return;
        }
        self.load_lists(ctx);
        self.federated = Loadable::NotLoaded;
        self.ui_passwords.clear();
        self.forget_credentials();
        if self.focus == IdentityFocus::Credentials {
            self.load_credentials(ctx);
        }
    }

    fn focused_list(&self) -> Option<&dyn ListControl> {
        Some(match self.focus {
            IdentityFocus::List => self.tab_list(),
            IdentityFocus::Members => &self.members,
            IdentityFocus::Credentials => &self.creds,
            IdentityFocus::Pick => &self.pick,
        })
    }

    fn focused_list_mut(&mut self) -> Option<&mut dyn ListControl> {
        Some(match self.focus {
            IdentityFocus::List => self.tab_list_mut(),
            IdentityFocus::Members => &mut self.members,
            IdentityFocus::Credentials => &mut self.creds,
            IdentityFocus::Pick => &mut self.pick,
        })
    }

    fn selected_ocid(&self, _ctx: &Ctx) -> Option<String> {
        match self.focus {
            // The group (or user) on the other side, not the membership.
            IdentityFocus::Members => self.members.selected().map(|m| m.other_id.clone()),
            _ => self.focused_list()?.selected_id().map(str::to_string),
        }
    }

    fn selected_json(&self, ctx: &Ctx) -> Option<serde_json::Value> {
        match self.focus {
            IdentityFocus::Members => {
                let row = self.members.selected()?;
                let m = ctx
                    .memberships
                    .data()?
                    .iter()
                    .find(|m| m.id == row.membership_id)?;
                serde_json::to_value(m).ok()
            }
            _ => self.focused_list()?.selected_json(),
        }
    }

    fn back(&mut self, ctx: &mut Ctx) -> bool {
        if self.clear_filter(ctx) {
            return true;
        }
        match self.focus {
            IdentityFocus::Pick => {
                self.focus = IdentityFocus::Members;
                true
            }
            IdentityFocus::Members | IdentityFocus::Credentials => {
                self.focus = IdentityFocus::List;
                true
            }
            IdentityFocus::List => false,
        }
    }
}

impl Dialogs for IdentityPane {
    type Dialog = IdentityDialog;

    fn on_modal(&mut self, dialog: IdentityDialog, outcome: ModalOutcome, ctx: &mut Ctx) {
        self.finish_dialog(dialog, outcome, ctx);
    }
}

impl PaneState for IdentityPane {
    fn new(_id: PaneId) -> Self {
        Self::default()
    }
}
