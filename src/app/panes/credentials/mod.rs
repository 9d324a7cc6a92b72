//! State of the Credentials pane: every credential of every user in one list (kind, user,
//! description, created, age, state, expiry), sortable and filterable (`age>90d`), revoked
//! from there; and the tenancy's sign-in settings: network sources and the authentication
//! policy. Forms and answers are in `network`, `policy` and `dialogs`.

mod dialogs;
pub mod network;
pub mod policy;
mod row;

use std::collections::BTreeMap;

use crate::model::{AuthenticationPolicy, CredentialKind, NetworkSource, User};

use super::{Dialogs, KeyContext, Pane, PaneDialog, PaneId, PaneState};
use crate::app::action::Action;
use crate::app::ctx::Ctx;
use crate::app::request::{
    CredentialRequest, IdentityRequest, Payload, RequestId, Response, SignInRequest,
};
use crate::app::widgets::filter::ListFilter;
use crate::app::widgets::list_view::{ListControl, ListView};
use crate::app::widgets::loadable::Loadable;
use crate::app::widgets::modal::ModalOutcome;

pub use row::{AgeFilter, CredentialRow, age_days, age_text};

pub(crate) const ME: PaneId = PaneId::Credentials;

/// Which view the pane shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CredentialsTab {
    #[default]
    Credentials,
    NetworkSources,
    /// The authentication policy: password rules and network policy.
    SignInPolicy,
}

impl CredentialsTab {
    pub const ALL: [CredentialsTab; 3] = [Self::Credentials, Self::NetworkSources, Self::SignInPolicy];

    pub fn title(self) -> &'static str {
        match self {
            Self::Credentials => "Credentials",
            Self::NetworkSources => "Network sources",
            Self::SignInPolicy => "Sign-in policy",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CredentialsDialog {
    Revoke {
        user_id: String,
        kind: CredentialKind,
        path_id: String,
        id: String,
    },
    CreateNetworkSource,
    /// Filled from a fresh read; the update is conditional on its etag.
    EditNetworkSource { id: String, etag: Option<String> },
    DeleteNetworkSource { id: String },
    EditPolicy { etag: Option<String> },
}

pub(crate) fn dialog(d: CredentialsDialog) -> PaneDialog {
    PaneDialog::Credentials(d)
}

/// A read a next step waits for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    EditNetworkSource,
    ShowNetworkSource,
    EditPolicy,
}

#[derive(Debug, Default)]
pub struct CredentialsPane {
    pub tab: CredentialsTab,
    /// Every user, for names and blocked marks (listed by this pane).
    pub users: Loadable<Vec<User>>,
    /// Every credential of every live user, before the age filter.
    pub rows: Vec<CredentialRow>,
    /// The credentials shown: `rows` within the age filter, then the text filter.
    pub list: ListView<CredentialRow>,
    /// The whole `/` query of the credentials (the list holds its text part).
    pub query: ListFilter,
    pub age: AgeFilter,
    pub network_sources: ListView<NetworkSource>,
    pub policy: Loadable<AuthenticationPolicy>,
    pub policy_etag: Option<String>,
    users_request: Option<RequestId>,
    /// Other panes' writes when the credentials were last read (see `Ctx::writes_outside`).
    seen_writes: u64,
    /// What a successful delete removes: a credential's or a network source's id.
    removals: BTreeMap<RequestId, String>,
    steps: BTreeMap<RequestId, Step>,
}

impl CredentialsPane {
    fn load_users(&mut self, ctx: &mut Ctx) {
        self.seen_writes = ctx.writes_outside(ME);
        let request = ctx.send_read(ME, IdentityRequest::ListUsers);
        self.users_request = Some(request);
        self.list.start_loading(request);
    }

    /// The users arrived: list every live user's credentials.
    fn take_users(&mut self, response: Response, ctx: &mut Ctx) {
        if !response.done {
            return;
        }
        let users = match response.result {
            Ok(Payload::Items(items)) => items.take::<User>().unwrap_or_default(),
            Ok(_) => Vec::new(),
            Err(f) => {
                self.list.take(response.id, Err(f), true, ctx);
                return;
            }
        };
        let live: Vec<String> = users
            .iter()
            .filter(|u| u.lifecycle_state != crate::model::LifecycleState::Deleted)
            .map(|u| u.id.to_string())
            .collect();
        self.users = Loadable::Loaded(users);
        let request = ctx.send_read(ME, CredentialRequest::ListOfUsers { user_ids: live });
        self.list.start_loading(request);
        // A first load waits on the new request; a reload keeps its rows until it answers.
        if self.list.items.awaits(response.id) {
            self.list.items = Loadable::loading(request);
        }
    }

    /// The credentials arrived: rows with their users' names, within the age filter.
    fn take_credentials(&mut self, response: &Response, ctx: &mut Ctx) -> bool {
        if !self.list.awaits(response.id) {
            return false;
        }
        let result = match &response.result {
            Ok(Payload::Items(items)) => items
                .clone()
                .take::<crate::model::Credential>()
                .ok_or_else(|| {
                    crate::app::request::Failure::unexpected(
                        "the listing of credentials",
                        &Payload::Items(items.clone()),
                    )
                }),
            Ok(other) => Err(crate::app::request::Failure::unexpected(
                "the listing of credentials",
                other,
            )),
            Err(f) => Err(f.clone()),
        };
        let users = self.users.data().map_or(&[][..], Vec::as_slice);
        let rows = result.map(|all| {
            all.into_iter()
                .map(|c| {
                    let user = users.iter().find(|u| u.id == c.user_id());
                    CredentialRow::new(c, user)
                })
                .collect::<Vec<_>>()
        });
        if let Ok(rows) = &rows {
            self.rows.clone_from(rows);
        }
        let shown = rows.map(|r| self.within_age(r, ctx.now));
        self.list.take(response.id, shown, true, ctx);
        true
    }

    fn within_age(&self, rows: Vec<CredentialRow>, now: i64) -> Vec<CredentialRow> {
        rows.into_iter()
            .filter(|r| self.age.keeps(r.age_days(now)))
            .collect()
    }

    fn load_network_sources(&mut self, ctx: &mut Ctx) {
        let request = ctx.send_read(ME, SignInRequest::ListNetworkSources);
        self.network_sources.start_loading(request);
    }

    fn load_policy(&mut self, ctx: &mut Ctx) -> RequestId {
        let request = ctx.send_read(ME, SignInRequest::GetAuthenticationPolicy);
        if !self.policy.is_loaded() {
            self.policy = Loadable::loading(request);
        }
        request
    }

    fn step_tab(&mut self, forward: bool) {
        let all = CredentialsTab::ALL;
        let i = all.iter().position(|t| *t == self.tab).unwrap_or(0);
        let n = all.len();
        self.tab = all[if forward { (i + 1) % n } else { (i + n - 1) % n }];
    }

    /// The network source's name, or its OCID when it is not listed.
    pub fn network_source_name(&self, id: &str) -> String {
        self.network_sources
            .find(id)
            .map_or_else(|| id.to_string(), |n| n.name.clone())
    }
}

impl Pane for CredentialsPane {
    fn contexts(&self) -> Vec<KeyContext> {
        use KeyContext as K;
        match self.tab {
            CredentialsTab::Credentials => vec![K::CredentialsList, K::Tabs, K::List],
            CredentialsTab::NetworkSources => vec![K::NetworkSources, K::Tabs, K::List],
            CredentialsTab::SignInPolicy => vec![K::SignInPolicy, K::Tabs],
        }
    }

    fn handle(&mut self, action: &Action, ctx: &mut Ctx) -> bool {
        if let Action::Show(view) = action {
            self.tab = match view.as_str() {
                "network_sources" => CredentialsTab::NetworkSources,
                "sign_in_policy" => CredentialsTab::SignInPolicy,
                _ => CredentialsTab::Credentials,
            };
            return true;
        }
        if let Action::NextTab | Action::PreviousTab = action {
            self.step_tab(*action == Action::NextTab);
            return true;
        }
        if let Some(list) = self.focused_list_mut()
            && list.navigate(action)
        {
            return true;
        }
        match self.tab {
            CredentialsTab::Credentials => self.handle_credentials(action, ctx),
            CredentialsTab::NetworkSources => self.handle_network_sources(action, ctx),
            CredentialsTab::SignInPolicy => self.handle_policy(action, ctx),
        }
    }

    fn take_response(&mut self, mut response: Response, ctx: &mut Ctx) {
        if self.users_request == Some(response.id) {
            self.users_request = None;
            self.take_users(response, ctx);
            return;
        }
        if self.take_credentials(&response, ctx)
            || self.network_sources.take_response(&mut response, ctx)
        {
            return;
        }
        self.take_answer(response, ctx);
    }

    fn ensure_loaded(&mut self, ctx: &mut Ctx) {
        match self.tab {
            CredentialsTab::Credentials => {
                let idle = self.users_request.is_none() && !self.list.is_loading();
                // Credentials created or revoked in the Identity pane show here too.
                let stale = self.list.items.is_loaded()
                    && ctx.writes_outside(ME) != self.seen_writes;
                if idle && (matches!(self.list.items, Loadable::NotLoaded) || stale) {
                    self.load_users(ctx);
                }
            }
            CredentialsTab::NetworkSources | CredentialsTab::SignInPolicy => {
                if matches!(self.network_sources.items, Loadable::NotLoaded) {
                    self.load_network_sources(ctx);
                }
                if self.tab == CredentialsTab::SignInPolicy
                    && matches!(self.policy, Loadable::NotLoaded)
                {
                    self.load_policy(ctx);
                }
            }
        }
    }

    fn refresh(&mut self, ctx: &mut Ctx) {
        match self.tab {
            CredentialsTab::Credentials => self.load_users(ctx),
            CredentialsTab::NetworkSources => self.load_network_sources(ctx),
            CredentialsTab::SignInPolicy => {
                self.policy = Loadable::NotLoaded;
                self.load_policy(ctx);
                self.load_network_sources(ctx);
            }
        }
    }

    fn focused_list(&self) -> Option<&dyn ListControl> {
        match self.tab {
            CredentialsTab::Credentials => Some(&self.list),
            CredentialsTab::NetworkSources => Some(&self.network_sources),
            CredentialsTab::SignInPolicy => None,
        }
    }

    fn focused_list_mut(&mut self) -> Option<&mut dyn ListControl> {
        match self.tab {
            CredentialsTab::Credentials => Some(&mut self.list),
            CredentialsTab::NetworkSources => Some(&mut self.network_sources),
            CredentialsTab::SignInPolicy => None,
        }
    }

    /// The credentials' filter is the whole query, age terms included.
    fn filter(&self) -> Option<&ListFilter> {
        match self.tab {
            CredentialsTab::Credentials => Some(&self.query),
            _ => self.focused_list().map(ListControl::filter),
        }
    }

    fn filter_hint(&self) -> Option<&'static str> {
        (self.tab == CredentialsTab::Credentials).then_some("age>90d age<2w")
    }

    fn set_filter(&mut self, filter: ListFilter, ctx: &Ctx) {
        if self.tab != CredentialsTab::Credentials {
            if let Some(list) = self.focused_list_mut() {
                list.set_filter(filter, ctx);
            }
            return;
        }
        let (age, text) = AgeFilter::parse(&filter.query);
        if age != self.age {
            self.age = age;
            if self.list.items.is_loaded() {
                let rows = self.within_age(self.rows.clone(), ctx.now);
                self.list.set_items(rows, ctx);
            }
        }
        self.list.set_filter(
            ListFilter {
                query: text,
                mode: filter.mode,
            },
            ctx,
        );
        self.query = filter;
    }
}

impl Dialogs for CredentialsPane {
    type Dialog = CredentialsDialog;

    fn on_modal(&mut self, dialog: CredentialsDialog, outcome: ModalOutcome, ctx: &mut Ctx) {
        self.finish_dialog(dialog, outcome, ctx);
    }
}

impl PaneState for CredentialsPane {
    fn new(_id: PaneId) -> Self {
        Self::default()
    }
}
