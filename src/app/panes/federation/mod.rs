//! State of the Federation pane: the tenancy's SAML2 identity providers and, beside the
//! selected one, its group mappings (provider group -> IAM group) or the groups it reports. A
//! mapping is made by picking from lists (`pick`); dialogs are in `dialogs`, answers in
//! `results`.

mod dialogs;
pub mod kinds;
mod pick;
mod results;

use std::collections::BTreeMap;

use crate::model::{Group, IdentityProvider, IdentityProviderGroupSummary, IdpGroupMapping};

use super::{Dialogs, KeyContext, Pane, PaneDialog, PaneId, PaneState};
use crate::app::action::Action;
use crate::app::ctx::Ctx;
use crate::app::request::{FederationRequest, IdentityRequest, RequestId, Response, Secret};
use crate::app::widgets::list_view::{ListControl, ListView};
use crate::app::widgets::loadable::Loadable;
use crate::app::widgets::modal::ModalOutcome;

pub(crate) const ME: PaneId = PaneId::Federation;

/// Where the cursor is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum FederationFocus {
    #[default]
    Providers,
    /// The list beside the providers (mappings or provider groups).
    Side,
    /// Picking the groups of a mapping.
    Pick,
}

/// Which list shows beside the providers (`]` switches).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SideList {
    #[default]
    Mappings,
    Groups,
}

/// The dialogs this pane opens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FederationDialog {
    CreateProvider,
    /// The provider as read (with its etag) just before the form opened.
    EditProvider { id: String, etag: Option<String> },
    DeleteProvider { id: String },
    ResetScim { id: String },
    /// The new SCIM client secret, shown once; copying it opens the dialog again.
    ScimSecret {
        provider: String,
        client_id: String,
        secret: Secret,
    },
    /// The provider reports no groups: the provider group's name is typed.
    IdpGroupName,
    DeleteMapping { idp_id: String, id: String },
    /// Which providers: the service's filters.
    Filter,
}

pub(crate) fn dialog(d: FederationDialog) -> PaneDialog {
    PaneDialog::Federation(d)
}

/// A mapping being made or changed: which provider, the mapping (with its etag) when it is a
/// change, and the provider's group once picked (then the IAM group is picked).
#[derive(Debug, Clone, PartialEq)]
pub struct Pick {
    pub provider_id: String,
    pub mapping: Option<(IdpGroupMapping, Option<String>)>,
    pub idp_group: Option<String>,
}

/// A read that opens the next dialog.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Step {
    EditProvider,
    EditMapping,
}

/// What a successful write changes in the lists.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Change {
    Provider,
    /// Read the providers again (a delete leaves a DELETED one listed).
    ReloadProviders,
    ScimReset { provider: String },
    Mapping { idp_id: String },
    RemoveMapping { idp_id: String, id: String },
}

#[derive(Debug, Default)]
pub struct FederationPane {
    pub focus: FederationFocus,
    pub side: SideList,
    pub providers: ListView<IdentityProvider>,
    /// Each provider's group mappings, by provider OCID.
    pub mappings: BTreeMap<String, ListView<IdpGroupMapping>>,
    /// The groups each provider reports, by provider OCID.
    pub groups: BTreeMap<String, ListView<IdentityProviderGroupSummary>>,
    /// The IAM groups, to name mappings and pick from.
    pub iam_groups: ListView<Group>,
    pub pick: Option<Pick>,
    /// The service's filters of the provider listing (`s`).
    pub filter: crate::api::ListFilter,
    steps: BTreeMap<RequestId, Step>,
    changes: BTreeMap<RequestId, Change>,
}

impl FederationPane {
    pub fn selected_provider(&self) -> Option<&IdentityProvider> {
        self.providers.selected()
    }

    /// The selected provider's mappings, once asked for.
    pub fn provider_mappings(&self) -> Option<&ListView<IdpGroupMapping>> {
        self.mappings.get(&self.selected_provider()?.id)
    }

    /// The groups the selected provider reports, once asked for.
    pub fn provider_groups(&self) -> Option<&ListView<IdentityProviderGroupSummary>> {
        self.groups.get(&self.selected_provider()?.id)
    }

    fn side_list_mut(&mut self) -> Option<&mut dyn ListControl> {
        let id = self.selected_provider()?.id.clone();
        match self.side {
            SideList::Mappings => self.mappings.get_mut(&id).map(|l| l as &mut dyn ListControl),
            SideList::Groups => self.groups.get_mut(&id).map(|l| l as &mut dyn ListControl),
        }
    }

    fn load_providers(&mut self, ctx: &mut Ctx) {
        let request = FederationRequest::ListProviders {
            filter: self.filter.clone(),
        };
        self.providers.start_loading(ctx.send_read(ME, request));
    }

    fn load_mappings(&mut self, idp_id: &str, ctx: &mut Ctx) {
        let request = ctx.send_read(
            ME,
            FederationRequest::ListMappings {
                idp_id: idp_id.to_string(),
            },
        );
        self.mappings
            .entry(idp_id.to_string())
            .or_default()
            .start_loading(request);
    }

    fn load_groups(&mut self, idp_id: &str, ctx: &mut Ctx) {
        let request = ctx.send_read(
            ME,
            FederationRequest::ListProviderGroups {
                id: idp_id.to_string(),
            },
        );
        self.groups
            .entry(idp_id.to_string())
            .or_default()
            .start_loading(request);
    }

    fn take_listing(&mut self, response: &mut Response, ctx: &mut Ctx) -> bool {
        if self.providers.take_response(response, ctx) {
            ctx.learn_names(self.providers.all());
            return true;
        }
        if self.iam_groups.take_response(response, ctx) {
            ctx.learn_names(self.iam_groups.all());
            // Mappings show group names: draw them again with the names.
            for list in self.mappings.values_mut() {
                list.resort(ctx);
            }
            return true;
        }
        self.mappings
            .values_mut()
            .any(|l| l.take_response(response, ctx))
            || self
                .groups
                .values_mut()
                .any(|l| l.take_response(response, ctx))
    }
}

impl Pane for FederationPane {
    fn contexts(&self) -> Vec<KeyContext> {
        use KeyContext as K;
        match (self.focus, self.side) {
            (FederationFocus::Providers, _) => vec![K::Federation, K::Tabs, K::List],
            (FederationFocus::Side, SideList::Mappings) => {
                vec![K::FederationMappings, K::Tabs, K::List]
            }
            (FederationFocus::Side, SideList::Groups) => vec![K::Tabs, K::List],
            (FederationFocus::Pick, _) => vec![K::FederationPick, K::List],
        }
    }

    fn handle(&mut self, action: &Action, ctx: &mut Ctx) -> bool {
        if self.focus == FederationFocus::Pick {
            return self.handle_pick(action, ctx);
        }
        if self.focused_list_mut().is_some_and(|l| l.navigate(action)) {
            return true;
        }
        match (self.focus, action) {
            (_, Action::NextTab | Action::PreviousTab) => {
                self.side = match self.side {
                    SideList::Mappings => SideList::Groups,
                    SideList::Groups => SideList::Mappings,
                };
            }
            (FederationFocus::Providers, Action::Scope) => self.ask_filter(ctx),
            (FederationFocus::Providers, Action::Select) => {
                if self.selected_provider().is_some() {
                    self.focus = FederationFocus::Side;
                }
            }
            (
                FederationFocus::Providers,
                Action::Create
                | Action::Edit
                | Action::Rename
                | Action::Delete
                | Action::ResetScimClient,
            ) => self.provider_write(action, ctx),
            (FederationFocus::Side, Action::Create | Action::Edit | Action::Rename | Action::Delete)
                if self.side == SideList::Mappings =>
            {
                self.mapping_write(action, ctx);
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
            self.take_step(&step, &response, ctx);
            return;
        }
        self.take_write(response, ctx);
    }

    fn ensure_loaded(&mut self, ctx: &mut Ctx) {
        if matches!(self.providers.items, Loadable::NotLoaded) {
            self.load_providers(ctx);
        }
        if matches!(self.iam_groups.items, Loadable::NotLoaded) {
            self.iam_groups
                .start_loading(ctx.send_read(ME, IdentityRequest::ListGroups));
        }
        // The selected provider's mappings and groups (groups are the first pick step).
        if let Some(id) = self.selected_provider().map(|p| p.id.clone()) {
            if !self.mappings.contains_key(&id) {
                self.load_mappings(&id, ctx);
            }
            if !self.groups.contains_key(&id) {
                self.load_groups(&id, ctx);
            }
        }
    }

    fn refresh(&mut self, ctx: &mut Ctx) {
        self.load_providers(ctx);
        self.iam_groups
            .start_loading(ctx.send_read(ME, IdentityRequest::ListGroups));
        let loaded: Vec<String> = self.mappings.keys().cloned().collect();
        for id in loaded {
            self.load_mappings(&id, ctx);
        }
        let loaded: Vec<String> = self.groups.keys().cloned().collect();
        for id in loaded {
            self.load_groups(&id, ctx);
        }
    }

    fn focused_list(&self) -> Option<&dyn ListControl> {
        match self.focus {
            FederationFocus::Providers => Some(&self.providers),
            FederationFocus::Side => match self.side {
                SideList::Mappings => self.provider_mappings().map(|l| l as &dyn ListControl),
                SideList::Groups => self.provider_groups().map(|l| l as &dyn ListControl),
            },
            FederationFocus::Pick => self.pick_list(),
        }
    }

    fn focused_list_mut(&mut self) -> Option<&mut dyn ListControl> {
        match self.focus {
            FederationFocus::Providers => Some(&mut self.providers),
            FederationFocus::Side => self.side_list_mut(),
            FederationFocus::Pick => self.pick_list_mut(),
        }
    }

    fn back(&mut self, ctx: &mut Ctx) -> bool {
        if self.clear_filter(ctx) {
            return true;
        }
        match self.focus {
            FederationFocus::Pick => {
                self.cancel_pick(ctx);
                true
            }
            FederationFocus::Side => {
                self.focus = FederationFocus::Providers;
                true
            }
            FederationFocus::Providers => false,
        }
    }
}

impl Dialogs for FederationPane {
    type Dialog = FederationDialog;

    fn on_modal(&mut self, dialog: FederationDialog, outcome: ModalOutcome, ctx: &mut Ctx) {
        self.finish_dialog(dialog, outcome, ctx);
    }
}

impl PaneState for FederationPane {
    fn new(_id: PaneId) -> Self {
        let mut pane = Self::default();
        // Picking a group needs its name and description; member counts and dates are the
        // Identity pane's (`,` shows them).
        pane.iam_groups.hidden.extend([1, 3]);
        pane
    }
}
