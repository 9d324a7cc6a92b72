//! State of the Regions pane: the tenancy's region subscriptions (a new one followed until it
//! is READY), every OCI region with whether the tenancy is subscribed, and the availability
//! domains with the fault domains of the selected one.

pub mod kinds;

use std::collections::BTreeMap;

use crate::model::{AvailabilityDomain, FaultDomain, Region, RegionSubscription};

use super::{Dialogs, KeyContext, Pane, PaneDialog, PaneId, PaneState};
use crate::app::action::Action;
use crate::app::ctx::Ctx;
use crate::app::request::{Payload, RequestId, Response, TenancyRequest};
use crate::app::widgets::form::{Field, FormValues};
use crate::app::widgets::list_view::{ListControl, ListView};
use crate::app::widgets::loadable::Loadable;
use crate::app::widgets::modal::{Modal, ModalOutcome, Tone, ToneLine};

pub use kinds::RegionRow;

const ME: PaneId = PaneId::Regions;

/// Which list the pane shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum RegionsTab {
    #[default]
    Subscriptions,
    AllRegions,
    AvailabilityDomains,
}

impl RegionsTab {
    pub const ALL: [RegionsTab; 3] = [
        Self::Subscriptions,
        Self::AllRegions,
        Self::AvailabilityDomains,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Self::Subscriptions => "Subscriptions",
            Self::AllRegions => "All regions",
            Self::AvailabilityDomains => "Availability domains",
        }
    }
}

/// The dialogs this pane opens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RegionsDialog {
    /// Which region to subscribe to, typed.
    Subscribe,
    /// Subscribe to the region selected in the list of all regions?
    Confirm { key: String, name: String },
}

fn dialog(d: RegionsDialog) -> PaneDialog {
    PaneDialog::Regions(d)
}

#[derive(Debug, Default)]
pub struct RegionsPane {
    pub tab: RegionsTab,
    /// In the availability domains tab: on the fault domains of the selected one.
    pub on_fault_domains: bool,
    pub subscriptions: ListView<RegionSubscription>,
    /// Every region, from `all_regions` and the subscriptions.
    pub regions: ListView<RegionRow>,
    all_regions: Loadable<Vec<Region>>,
    pub availability_domains: ListView<AvailabilityDomain>,
    /// The fault domains of each availability domain asked for, by its name.
    pub fault_domains: BTreeMap<String, ListView<FaultDomain>>,
    /// Subscriptions being followed until READY: `us-sanjose-1: IN_PROGRESS`.
    pub work: BTreeMap<RequestId, String>,
}

impl RegionsPane {
    /// The fault domains of the selected availability domain, once asked for.
    pub fn selected_fault_domains(&self) -> Option<&ListView<FaultDomain>> {
        self.fault_domains
            .get(&self.availability_domains.selected()?.name)
    }

    fn load_subscriptions(&mut self, ctx: &mut Ctx) {
        self.subscriptions
            .start_loading(ctx.send_read(ME, TenancyRequest::ListRegionSubscriptions));
    }

    /// The list of every region with its subscription, after either changed.
    fn rebuild_regions(&mut self, ctx: &Ctx) {
        let Some(all) = self.all_regions.data() else {
            // The list shows the listing's state until it arrives.
            self.regions.items = match &self.all_regions {
                Loadable::Loading { request, .. } => Loadable::loading(*request),
                Loadable::Failed(f) => Loadable::Failed(f.clone()),
                _ => Loadable::NotLoaded,
            };
            return;
        };
        let subs = self.subscriptions.all();
        let rows: Vec<RegionRow> = all
            .iter()
            .map(|r| {
                let sub = subs
                    .iter()
                    .find(|s| s.region_key.eq_ignore_ascii_case(&r.key));
                RegionRow {
                    key: r.key.clone(),
                    name: r.name.clone(),
                    status: sub.map(|s| s.status.clone()),
                    is_home_region: sub.is_some_and(|s| s.is_home_region),
                }
            })
            .collect();
        self.regions.set_items(rows, ctx);
    }

    fn focused(&self) -> &dyn ListControl {
        match self.tab {
            RegionsTab::Subscriptions => &self.subscriptions,
            RegionsTab::AllRegions => &self.regions,
            RegionsTab::AvailabilityDomains => match self.selected_fault_domains() {
                Some(list) if self.on_fault_domains => list,
                _ => &self.availability_domains,
            },
        }
    }

    fn focused_mut(&mut self) -> &mut dyn ListControl {
        match self.tab {
            RegionsTab::Subscriptions => &mut self.subscriptions,
            RegionsTab::AllRegions => &mut self.regions,
            RegionsTab::AvailabilityDomains => {
                let name = self
                    .availability_domains
                    .selected()
                    .map(|a| a.name.clone())
                    .filter(|_| self.on_fault_domains);
                match name.and_then(|n| self.fault_domains.get_mut(&n)) {
                    Some(list) => list,
                    None => &mut self.availability_domains,
                }
            }
        }
    }

    fn step_tab(&mut self, forward: bool) {
        let i = RegionsTab::ALL
            .iter()
            .position(|t| *t == self.tab)
            .unwrap_or(0);
        let n = RegionsTab::ALL.len();
        self.tab = RegionsTab::ALL[if forward { (i + 1) % n } else { (i + n - 1) % n }];
        self.on_fault_domains = false;
    }

    fn subscribe(&mut self, ctx: &mut Ctx) {
        if self.tab == RegionsTab::AllRegions {
            let Some(r) = self.regions.selected() else {
                return;
            };
            if let Some(status) = &r.status {
                ctx.toasts.info(format!(
                    "the tenancy is already subscribed to {} ({status})",
                    r.name
                ));
                return;
            }
            let (key, name) = (r.key.clone(), r.name.clone());
            ctx.open(Modal::choice(
                dialog(RegionsDialog::Confirm {
                    key,
                    name: name.clone(),
                }),
                "Subscribe to region",
                vec![
                    ToneLine::new(Tone::Heading, format!("Subscribe the tenancy to {name}?")),
                    ToneLine::plain("A subscription cannot be undone; the Default domain is"),
                    ToneLine::plain("replicated there once it is READY."),
                ],
                &["Subscribe", "Cancel"],
            ));
            return;
        }
        ctx.open(Modal::form(
            dialog(RegionsDialog::Subscribe),
            "Subscribe to region",
            vec![
                Field::text("region", "Region")
                    .required()
                    .help("its key (PHX) or name (us-phoenix-1); a subscription cannot be undone"),
            ],
        ));
    }

    fn submit_subscribe(&mut self, v: &FormValues, ctx: &mut Ctx) {
        let typed = v.get("region");
        let found = self.all_regions.data().and_then(|all| {
            all.iter()
                .find(|r| r.key.eq_ignore_ascii_case(typed) || r.name.eq_ignore_ascii_case(typed))
                .cloned()
        });
        match found {
            Some(r) if self.subscriptions.find(&r.key).is_some() => ctx.refuse(
                Some("region"),
                format!("the tenancy is already subscribed to {}", r.name),
            ),
            Some(r) => self.send_subscribe(&r.key, &r.name, ctx),
            // The list of regions is not there (yet): let the service judge the key.
            None if self.all_regions.data().is_none() => {
                self.send_subscribe(&typed.to_uppercase(), typed, ctx);
            }
            None => ctx.refuse(
                Some("region"),
                format!("no region {typed} (see the list of all regions)"),
            ),
        }
    }

    fn send_subscribe(&mut self, key: &str, name: &str, ctx: &mut Ctx) {
        let request = TenancyRequest::SubscribeRegion {
            region_key: key.to_string(),
        };
        if let Some(id) = ctx.write(ME, request, format!("subscribed to {name}: READY")) {
            self.work.insert(id, format!("subscribing to {name}: ACCEPTED"));
        }
    }

    fn take_subscription(&mut self, response: &Response, ctx: &mut Ctx) {
        if let Ok(Payload::Item(item)) = &response.result
            && let Some(sub) = item.get::<RegionSubscription>()
        {
            if let Some(line) = self.work.get_mut(&response.id) {
                *line = format!("subscribing to {}: {}", sub.region_name, sub.status);
            }
            self.subscriptions.upsert(sub, ctx);
            self.rebuild_regions(ctx);
        }
        if response.done {
            self.work.remove(&response.id);
        }
    }
}

impl Pane for RegionsPane {
    fn contexts(&self) -> Vec<KeyContext> {
        use KeyContext as K;
        match self.tab {
            RegionsTab::AvailabilityDomains if self.on_fault_domains => vec![K::Tabs, K::List],
            RegionsTab::AvailabilityDomains => vec![K::RegionsAds, K::Tabs, K::List],
            _ => vec![K::Regions, K::Tabs, K::List],
        }
    }

    fn handle(&mut self, action: &Action, ctx: &mut Ctx) -> bool {
        if self.focused_mut().navigate(action) {
            return true;
        }
        match action {
            Action::NextTab | Action::PreviousTab => self.step_tab(*action == Action::NextTab),
            Action::Create if self.tab != RegionsTab::AvailabilityDomains => self.subscribe(ctx),
            Action::Select if self.tab == RegionsTab::AvailabilityDomains => {
                if self.availability_domains.selected().is_some() {
                    self.on_fault_domains = true;
                }
            }
            _ => return false,
        }
        true
    }

    fn take_response(&mut self, mut response: Response, ctx: &mut Ctx) {
        if self.subscriptions.take_response(&mut response, ctx) {
            self.rebuild_regions(ctx);
            return;
        }
        if self.all_regions.awaits(response.id) {
            self.all_regions = Loadable::from_items(&response.result, "the list of regions");
            self.rebuild_regions(ctx);
            return;
        }
        if self.availability_domains.take_response(&mut response, ctx)
            || self
                .fault_domains
                .values_mut()
                .any(|l| l.take_response(&mut response, ctx))
        {
            return;
        }
        if self.work.contains_key(&response.id) {
            self.take_subscription(&response, ctx);
        }
    }

    fn ensure_loaded(&mut self, ctx: &mut Ctx) {
        if matches!(self.subscriptions.items, Loadable::NotLoaded)
            && self.subscriptions.refreshing.is_none()
        {
            self.load_subscriptions(ctx);
        }
        if self.tab == RegionsTab::AllRegions && matches!(self.all_regions, Loadable::NotLoaded) {
            let request = ctx.send_read(ME, TenancyRequest::ListRegions);
            self.all_regions = Loadable::loading(request);
            self.rebuild_regions(ctx);
        }
        if self.tab == RegionsTab::AvailabilityDomains {
            if matches!(self.availability_domains.items, Loadable::NotLoaded) {
                self.availability_domains
                    .start_loading(ctx.send_read(ME, TenancyRequest::ListAvailabilityDomains));
            }
            if let Some(name) = self.availability_domains.selected().map(|a| a.name.clone())
                && !self.fault_domains.contains_key(&name)
            {
                let request = ctx.send_read(
                    ME,
                    TenancyRequest::ListFaultDomains {
                        availability_domain: name.clone(),
                    },
                );
                self.fault_domains
                    .entry(name)
                    .or_default()
                    .start_loading(request);
            }
        }
    }

    fn refresh(&mut self, ctx: &mut Ctx) {
        self.load_subscriptions(ctx);
        self.all_regions = Loadable::NotLoaded;
        self.availability_domains.reset();
        self.fault_domains.clear();
        self.on_fault_domains = false;
        self.ensure_loaded(ctx);
    }

    fn focused_list(&self) -> Option<&dyn ListControl> {
        Some(self.focused())
    }

    fn focused_list_mut(&mut self) -> Option<&mut dyn ListControl> {
        Some(self.focused_mut())
    }

    fn back(&mut self, ctx: &mut Ctx) -> bool {
        if self.clear_filter(ctx) {
            return true;
        }
        if self.on_fault_domains {
            self.on_fault_domains = false;
            return true;
        }
        false
    }
}

impl Dialogs for RegionsPane {
    type Dialog = RegionsDialog;

    fn on_modal(&mut self, dialog: RegionsDialog, outcome: ModalOutcome, ctx: &mut Ctx) {
        match (dialog, outcome) {
            (RegionsDialog::Subscribe, ModalOutcome::Submitted(v)) => {
                self.submit_subscribe(&v, ctx);
            }
            (RegionsDialog::Confirm { key, name }, ModalOutcome::Chose(0)) => {
                self.send_subscribe(&key, &name, ctx);
            }
            _ => {}
        }
    }
}

impl PaneState for RegionsPane {
    fn new(_id: PaneId) -> Self {
        Self::default()
    }
}
