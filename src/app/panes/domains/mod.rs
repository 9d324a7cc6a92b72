//! State of the Domains pane: the identity domains of a compartment (filtered as the API
//! can), and their changes, each an IAM work request followed live under the list. Dialogs
//! are in `dialogs`, what they send and what comes back in `writes`.

mod dialogs;
pub mod kind;
mod writes;

use std::collections::BTreeMap;

use crate::api::DomainQuery;
use crate::model::{AllowedDomainLicenseTypeSummary, Domain, RegionSubscription};

use super::{Dialogs, KeyContext, Pane, PaneDialog, PaneId, PaneState};
use crate::app::action::Action;
use crate::app::ctx::Ctx;
use crate::app::request::{DomainRequest, Payload, RequestId, Response, TenancyRequest};
use crate::app::widgets::list_view::{ListControl, ListView};
use crate::app::widgets::loadable::Loadable;
use crate::app::widgets::modal::{Modal, ModalOutcome, Tone, ToneLine};

pub(crate) const ME: PaneId = PaneId::Domains;

/// The dialogs this pane opens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DomainsDialog {
    /// Which domains: the compartment and the API's filters.
    Scope,
    Create,
    Edit { id: String },
    Activate { id: String, activate: bool },
    Move { id: String },
    /// The license types the domain can change to, in the choice's order.
    License { id: String, types: Vec<String> },
    /// The regions it can be replicated to, in the choice's order.
    Replicate { id: String, regions: Vec<String> },
    Delete { id: String },
}

pub(crate) fn dialog(d: DomainsDialog) -> PaneDialog {
    PaneDialog::Domains(d)
}

/// A change on its way: the line shown under the list while its work request runs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Following {
    /// The domain it changes (`None` for a create: the work request names it).
    pub domain_id: Option<String>,
    /// `deactivating domain Partners`.
    pub what: String,
    /// `ACCEPTED`, `IN_PROGRESS 40%` ...
    pub progress: String,
    /// A delete: the domain leaves the list when it succeeds.
    pub removes: bool,
}

#[derive(Debug, Default)]
pub struct DomainsPane {
    pub domains: ListView<Domain>,
    /// The compartment listed; `None` is the tenancy.
    pub compartment_id: Option<String>,
    /// Only that compartment, not the ones below it too.
    pub only_compartment: bool,
    /// The API's filters besides the compartment.
    pub query: DomainQuery,
    /// Every license type, for the forms and the filter.
    pub license_types: Loadable<Vec<AllowedDomainLicenseTypeSummary>>,
    /// The tenancy's region subscriptions: where a domain can live or be replicated.
    pub subscriptions: Loadable<Vec<RegionSubscription>>,
    /// Changes being followed, by request.
    pub work: BTreeMap<RequestId, Following>,
    /// Reads of one domain (after a change), by request: its id.
    reads: BTreeMap<RequestId, String>,
    /// The read of the license types the selected domain can change to.
    license_step: Option<(RequestId, String)>,
    /// The read of the domain whose full detail opens when it arrives.
    detail_step: Option<RequestId>,
}

impl DomainsPane {
    pub fn compartment(&self, ctx: &Ctx) -> String {
        self.compartment_id
            .clone()
            .unwrap_or_else(|| ctx.session.tenancy_id.clone())
    }

    fn load(&mut self, ctx: &mut Ctx) {
        let root = self.compartment(ctx);
        let compartment_ids = if self.only_compartment {
            vec![root]
        } else {
            subtree(ctx, &root)
        };
        let request = DomainRequest::List {
            compartment_ids,
            query: self.query.clone(),
        };
        self.domains.start_loading(ctx.send_read(ME, request));
    }

    /// Reads one domain again (its state after a change).
    fn read(&mut self, id: &str, ctx: &mut Ctx) {
        let request = ctx.send_read(ME, DomainRequest::Get { id: id.to_string() });
        self.reads.insert(request, id.to_string());
    }

    /// The READY regions of the tenancy, home first.
    pub fn ready_regions(&self) -> Vec<String> {
        let mut subs: Vec<&RegionSubscription> = self
            .subscriptions
            .data()
            .map(|s| s.iter().filter(|s| s.status == "READY").collect())
            .unwrap_or_default();
        subs.sort_by_key(|s| (!s.is_home_region, s.region_name.clone()));
        subs.into_iter().map(|s| s.region_name.clone()).collect()
    }

    /// What the list is filtered on besides the compartment, for its title.
    pub fn filter_summary(&self) -> Vec<String> {
        let q = &self.query;
        let mut out = Vec::new();
        let mut add = |label: &str, value: Option<String>| {
            if let Some(v) = value {
                out.push(format!("{label} {v}"));
            }
        };
        add("named", q.display_name.clone());
        add("name", q.filter.name.clone());
        add("type", q.domain_type.as_ref().map(ToString::to_string));
        add("license", q.license_type.clone());
        add(
            "sign-in",
            q.is_hidden_on_login
                .map(|h| if h { "hidden" } else { "shown" }.to_string()),
        );
        add("state", q.filter.lifecycle_state.as_ref().map(ToString::to_string));
        add("url", q.url.clone());
        add("home url", q.home_region_url.clone());
        add("by", q.filter.sort_by.as_ref().map(ToString::to_string));
        add("order", q.filter.sort_order.as_ref().map(ToString::to_string));
        out
    }

    fn take_lists(&mut self, response: &mut Response, ctx: &mut Ctx) -> bool {
        if self.domains.take_response(response, ctx) {
            ctx.learn_names(self.domains.all());
            return true;
        }
        if self.license_types.awaits(response.id) {
            self.license_types = Loadable::from_items(&response.result, "the license types");
            return true;
        }
        if self.subscriptions.awaits(response.id) {
            self.subscriptions = Loadable::from_items(&response.result, "the region subscriptions");
            return true;
        }
        false
    }
}

impl Pane for DomainsPane {
    fn contexts(&self) -> Vec<KeyContext> {
        vec![KeyContext::Domains, KeyContext::List]
    }

    fn handle(&mut self, action: &Action, ctx: &mut Ctx) -> bool {
        if self.domains.navigate(action) {
            return true;
        }
        match action {
            Action::Scope => self.ask_scope(ctx),
            Action::Select => {
                // Read afresh: the dialog shows the domain as it is now, all of it.
                if let Some(id) = self.domains.selected().map(|d| d.id.clone()) {
                    let request = ctx.send_read(ME, DomainRequest::Get { id });
                    self.detail_step = Some(request);
                }
            }
            Action::Create
            | Action::Edit
            | Action::Rename
            | Action::Activate
            | Action::Move
            | Action::ChangeLicense
            | Action::Replicate
            | Action::Delete => self.start_write(action, ctx),
            _ => return false,
        }
        true
    }

    fn take_response(&mut self, mut response: Response, ctx: &mut Ctx) {
        if self.take_lists(&mut response, ctx) {
            return;
        }
        if self.detail_step == Some(response.id) {
            self.detail_step = None;
            match response.result.as_ref().map(Payload::as_item::<Domain>) {
                Ok(Some(d)) => {
                    ctx.open(detail_modal(&d, ctx));
                    self.domains.replace(d, ctx);
                }
                Ok(None) => {}
                Err(f) => ctx.toasts.error(f.summary()),
            }
            return;
        }
        if let Some(id) = self.reads.remove(&response.id) {
            match &response.result {
                Ok(payload) => {
                    if let Some(d) = payload.as_item::<Domain>() {
                        self.domains.replace(d, ctx);
                    }
                }
                // Gone (deleted meanwhile): out of the list.
                Err(f) if f.status == Some(404) => self.domains.remove(&id, ctx),
                Err(_) => {}
            }
            return;
        }
        if self.license_step.as_ref().is_some_and(|(r, _)| *r == response.id) {
            if let Some((_, id)) = self.license_step.take() {
                self.offer_license_types(&id, &response, ctx);
            }
            return;
        }
        if matches!(&response.result, Ok(Payload::WorkRequest(_)) | Err(_)) {
            self.take_progress(&response, ctx);
        }
    }

    fn ensure_loaded(&mut self, ctx: &mut Ctx) {
        // Domains live in any compartment: the listing waits for the compartment tree.
        let tree_ready = self.only_compartment || !ctx.compartments.is_loading();
        if matches!(self.domains.items, Loadable::NotLoaded)
            && self.domains.refreshing.is_none()
            && tree_ready
        {
            self.load(ctx);
        }
        if matches!(self.license_types, Loadable::NotLoaded) {
            let request = ctx.send_read(ME, DomainRequest::LicenseTypes { current: None });
            self.license_types = Loadable::loading(request);
        }
        if matches!(self.subscriptions, Loadable::NotLoaded) {
            let request = ctx.send_read(ME, TenancyRequest::ListRegionSubscriptions);
            self.subscriptions = Loadable::loading(request);
        }
    }

    fn refresh(&mut self, ctx: &mut Ctx) {
        self.load(ctx);
        self.subscriptions = Loadable::NotLoaded;
        self.license_types = Loadable::NotLoaded;
        self.ensure_loaded(ctx);
    }

    fn focused_list(&self) -> Option<&dyn ListControl> {
        Some(&self.domains)
    }

    fn focused_list_mut(&mut self) -> Option<&mut dyn ListControl> {
        Some(&mut self.domains)
    }
}

impl Dialogs for DomainsPane {
    type Dialog = DomainsDialog;

    fn on_modal(&mut self, dialog: DomainsDialog, outcome: ModalOutcome, ctx: &mut Ctx) {
        self.finish_dialog(dialog, outcome, ctx);
    }
}

impl PaneState for DomainsPane {
    fn new(_id: PaneId) -> Self {
        Self::default()
    }
}

/// A domain's every field, in a dialog that scrolls.
fn detail_modal(d: &Domain, ctx: &Ctx) -> Modal {
    let mut lines = vec![ToneLine::new(Tone::Heading, d.display_name.clone())];
    for (label, value) in crate::app::resource::Resource::detail(d, ctx) {
        lines.push(ToneLine::plain(format!("{label:<12}{value}")));
    }
    Modal::text(&format!("Domain {}", d.display_name), lines)
}

/// `root` and every live compartment below it (just `root` while the tree is not loaded).
pub(crate) fn subtree(ctx: &Ctx, root: &str) -> Vec<String> {
    let all = ctx.compartments.data().map_or(&[][..], |items| items.as_slice());
    let mut out = vec![root.to_string()];
    let mut seen: std::collections::HashSet<&str> = std::collections::HashSet::from([root]);
    let mut i = 0;
    // Breadth first; `seen` keeps a corrupt parent cycle from looping.
    while i < out.len() {
        let parent = out[i].clone();
        for c in all {
            if c.compartment_id == parent && !c.lifecycle_state.is_dim() && seen.insert(&c.id) {
                out.push(c.id.clone());
            }
        }
        i += 1;
    }
    out
}
