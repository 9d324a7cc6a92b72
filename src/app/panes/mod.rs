//! Every pane, declared once. An entry gives the pane's id, module and state type, its tab
//! title, its `:` commands and its own key contexts; [`declare::declare_panes`] derives the
//! rest (see `docs/architecture.md`, "Adding a pane"). The order is the tab order.

mod declare;
pub mod list_pane;

use declare::declare_panes;

use super::action::Action;
use super::ctx::Ctx;
use super::request::Response;
use super::widgets::filter::ListFilter;
use super::widgets::list_view::ListControl;
use super::widgets::modal::ModalOutcome;

declare_panes! {
    core_contexts: [
        Global = "global",
        List = "list",
        Tree = "tree",
        Tabs = "tabs",
        Input = "input",
        Dialog = "dialog",
        Viewer = "viewer",
        Secret = "secret",
        Help = "help",
        Audit = "audit",
    ],
    panes: [
        /// The compartment tree.
        Compartments(compartments: compartments::CompartmentsPane) {
            title: "Compartments",
            commands: [("cmp compartments compartment", "", "compartments")],
            contexts: [
                Compartments = "compartments",
                CompartmentsMove = "compartments_move",
                CompartmentsResources = "compartments_resources",
            ],
        },
        /// Users, groups and dynamic groups, with memberships and API keys.
        Identity(identity: identity::IdentityPane) {
            title: "Identity",
            commands: [
                ("usr users user", "users", "users"),
                ("grp groups group", "groups", "groups"),
                ("dg dynamic-groups dynamicgroups", "dynamic_groups", "dynamic groups"),
            ],
            contexts: [
                Identity = "identity",
                IdentityUsers = "identity_users",
                IdentityGroups = "identity_groups",
                IdentityMembers = "identity_members",
                IdentityPick = "identity_pick",
                IdentityCredentials = "identity_credentials",
                IdentityMfa = "identity_mfa",
            ],
        },
        /// Every policy of the tenancy, and the statement editor.
        Policies(policies: policies::PoliciesPane) {
            title: "Policies",
            commands: [("pol policies policy", "", "policies")],
            contexts: [Policies = "policies", Editor = "editor"],
        },
        /// Tag namespaces, tags and tag defaults.
        Tags(tags: tags::TagsPane) {
            title: "Tags",
            commands: [
                ("tag tags", "", "tags"),
                ("std standard-tags", "standard", "standard tag templates"),
                ("cost cost-tracking", "cost_tracking", "cost-tracking tags (n/10)"),
            ],
            contexts: [
                Tags = "tags",
                TagsKeys = "tags_keys",
                TagsDefaults = "tags_defaults",
                TagsStandard = "tags_standard",
            ],
        },
        /// Organizations sender invitations.
        Invitations(invitations: invitations::InvitationsPane) {
            title: "Invitations",
            commands: [("inv invitations invitation", "", "invitations")],
            contexts: [Invitations = "invitations"],
        },
        /// Identity domains and their lifecycle changes (IAM work requests).
        Domains(domains: domains::DomainsPane) {
            title: "Domains",
            commands: [("dom domains domain", "", "identity domains")],
            contexts: [Domains = "domains"],
        },
        /// SAML identity providers and their group mappings.
        Federation(federation: federation::FederationPane) {
            title: "Federation",
            commands: [("fed federation idp", "", "identity providers")],
            contexts: [
                Federation = "federation",
                FederationMappings = "federation_mappings",
                FederationPick = "federation_pick",
            ],
        },
        /// Region subscriptions, every region, availability and fault domains.
        Regions(regions: regions::RegionsPane) {
            title: "Regions",
            commands: [("reg regions region", "", "regions and subscriptions")],
            contexts: [Regions = "regions", RegionsAds = "regions_ads"],
        },
        /// The work requests of a compartment: Identity, IAM and tagging.
        WorkRequests(work_requests: work_requests::WorkRequestsPane) {
            title: "Work requests",
            commands: [("wr work-requests workrequests", "", "work requests")],
            contexts: [WorkRequests = "work_requests"],
        },
        /// Every API call of the session.
        Log(log: log::LogPane) {
            title: "Log",
            commands: [("log", "", "command log")],
            contexts: [Log = "log"],
        },
        /// Every credential of every user; network sources and the sign-in policy.
        Credentials(credentials: credentials::CredentialsPane) {
            title: "Credentials",
            commands: [
                ("cred credentials credential", "credentials", "every user's credentials"),
                ("ns network-sources", "network_sources", "network sources"),
                ("signin sign-in auth-policy", "sign_in_policy", "the sign-in policy"),
            ],
            contexts: [
                CredentialsList = "credentials",
                NetworkSources = "network_sources",
                SignInPolicy = "sign_in_policy",
            ],
        },
    ]
}

impl PaneId {
    pub fn index(self) -> usize {
        Self::ALL.iter().position(|p| *p == self).unwrap_or(0)
    }

    /// The pane after this one in tab order, wrapping round.
    #[must_use]
    pub fn next(self) -> PaneId {
        Self::ALL[(self.index() + 1) % Self::ALL.len()]
    }

    /// The pane before this one in tab order, wrapping round.
    #[must_use]
    pub fn previous(self) -> PaneId {
        Self::ALL[(self.index() + Self::ALL.len() - 1) % Self::ALL.len()]
    }
}

/// The contract every pane's state keeps. Generic list behaviour (filter, copy, raw JSON,
/// sort, columns, marks, clearing the filter on Esc) comes from [`Pane::focused_list`]; a
/// pane overrides the rest only where it differs.
pub trait Pane {
    /// Keymap contexts for the pane's current mode, innermost first; `global` is added after
    /// them unless [`Pane::takes_text`].
    fn contexts(&self) -> Vec<KeyContext>;

    /// True while an editor in the pane takes every key its contexts do not bind.
    fn takes_text(&self) -> bool {
        false
    }

    /// Handles an action the global layer did not; false if it meant nothing here.
    fn handle(&mut self, action: &Action, ctx: &mut Ctx) -> bool;

    /// Takes a response to one of this pane's requests (stale ones are for the pane to drop).
    fn take_response(&mut self, response: Response, ctx: &mut Ctx);

    /// Sends the requests for data the pane shows and does not have yet. Called after every
    /// update for the focused pane, so it must be cheap when nothing is missing.
    fn ensure_loaded(&mut self, _ctx: &mut Ctx) {}

    /// Loads what the pane shows again (`r`).
    fn refresh(&mut self, ctx: &mut Ctx);

    /// Shows what a snapshot holds of its data (the warm-start cache, or the tenancy read
    /// again for the panes not visited); true if it took any.
    fn warm(&mut self, _snapshot: &crate::model::Snapshot, _ctx: &mut Ctx) -> bool {
        false
    }

    /// Puts the tenancy-wide lists it holds in full into `before`, the snapshot a first
    /// start reads the tenancy against: what comes back the same is then held once, by the
    /// pane and the snapshot together (see [`crate::model::Records`]).
    fn lend(&self, _before: &mut crate::model::Snapshot, _ctx: &Ctx) {}

    /// What it shows is still changing on the service's side by itself (and no reload is
    /// on its way): read it again every few seconds until it settles.
    fn settling(&self) -> bool {
        self.focused_list().is_some_and(ListControl::settling)
    }

    /// The list the cursor is in, if it is one.
    fn focused_list(&self) -> Option<&dyn ListControl> {
        None
    }

    fn focused_list_mut(&mut self) -> Option<&mut dyn ListControl> {
        None
    }

    /// The filter of the focused list or tree, if there is one.
    fn filter(&self) -> Option<&ListFilter> {
        self.focused_list().map(ListControl::filter)
    }

    /// What the `/` prompt says the focused list's filter takes beyond text (`age>90d`).
    fn filter_hint(&self) -> Option<&'static str> {
        None
    }

    /// Replaces the filter (live, while the user types in the `/` prompt).
    fn set_filter(&mut self, filter: ListFilter, ctx: &Ctx) {
        if let Some(list) = self.focused_list_mut() {
            list.set_filter(filter, ctx);
        }
    }

    /// The OCID of the selected resource (`y`).
    fn selected_ocid(&self, _ctx: &Ctx) -> Option<String> {
        self.focused_list()?.selected_id().map(str::to_string)
    }

    /// The selected resource as the service sent it (`v`).
    fn selected_json(&self, _ctx: &Ctx) -> Option<serde_json::Value> {
        self.focused_list()?.selected_json()
    }

    /// Esc inside the pane (clear a filter, leave a mode); false to let Esc go back along the
    /// breadcrumbs.
    fn back(&mut self, ctx: &mut Ctx) -> bool {
        self.clear_filter(ctx)
    }

    /// Clears the focused list's filter; false when there was none.
    fn clear_filter(&mut self, ctx: &mut Ctx) -> bool {
        match self.filter() {
            Some(filter) if filter.is_active() => {
                let mut cleared = filter.clone();
                cleared.query.clear();
                self.set_filter(cleared, ctx);
                true
            }
            _ => false,
        }
    }
}

/// The dialogs a pane opens and what it does with their outcome. Kept apart from [`Pane`] so
/// `Pane` stays usable as `dyn Pane`; the declaration routes each outcome to its pane.
pub trait Dialogs {
    type Dialog: std::fmt::Debug + Clone + PartialEq;

    fn on_modal(&mut self, dialog: Self::Dialog, outcome: ModalOutcome, ctx: &mut Ctx);
}

/// How the declaration builds a pane: knowing its own id lets a generic pane (one list of a
/// resource kind) address its requests.
pub trait PaneState: Pane + Dialogs {
    fn new(id: PaneId) -> Self;
}
