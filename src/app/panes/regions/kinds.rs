//! Regions as resource kinds: the tenancy's subscriptions, every region (with whether the
//! tenancy is subscribed), availability domains and fault domains.

use serde::Serialize;

use crate::app::action::Action;
use crate::app::ctx::Ctx;
use crate::app::resource::{Column, Noun, Presence, Resource, Width};
use crate::model::{AvailabilityDomain, FaultDomain, RegionSubscription};

impl Resource for RegionSubscription {
    const NOUN: Noun = Noun {
        one: "region subscription",
        many: "region subscriptions",
    };

    fn id(&self) -> &str {
        &self.region_key
    }

    fn name(&self) -> &str {
        &self.region_name
    }

    fn columns() -> Vec<Column<Self>> {
        vec![
            Column::new("Region", Width::Fill(1), |r, _| r.region_name.clone()),
            Column::new("Key", Width::Fixed(5), |r, _| r.region_key.clone()),
            Column::new("Status", Width::Fixed(11), |r, _| r.status.clone()),
            Column::new("Home", Width::Fixed(4), |r, _| {
                if r.is_home_region { "yes" } else { "" }.to_string()
            }),
        ]
    }

    fn detail(&self, _ctx: &Ctx) -> Vec<(&'static str, String)> {
        vec![
            ("Key", self.region_key.clone()),
            ("Status", self.status.clone()),
            (
                "Home region",
                if self.is_home_region { "yes" } else { "no" }.into(),
            ),
        ]
    }

    fn presence(&self) -> Presence {
        if self.status == "READY" {
            Presence::Live
        } else {
            Presence::Dormant
        }
    }

    fn actions() -> &'static [Action] {
        &[Action::Create]
    }
}

/// One of OCI's regions, with the tenancy's subscription to it if there is one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RegionRow {
    pub key: String,
    pub name: String,
    /// `READY`, `IN_PROGRESS`, or `None` when not subscribed.
    pub status: Option<String>,
    pub is_home_region: bool,
}

impl Resource for RegionRow {
    const NOUN: Noun = Noun {
        one: "region",
        many: "regions",
    };

    fn id(&self) -> &str {
        &self.key
    }

    fn name(&self) -> &str {
        &self.name
    }

    fn columns() -> Vec<Column<Self>> {
        vec![
            Column::new("Region", Width::Fill(1), |r, _| r.name.clone()),
            Column::new("Key", Width::Fixed(5), |r, _| r.key.clone()),
            Column::new("Subscribed", Width::Fixed(16), |r, _| subscribed(r)),
        ]
    }

    fn detail(&self, _ctx: &Ctx) -> Vec<(&'static str, String)> {
        vec![("Key", self.key.clone()), ("Subscribed", subscribed(self))]
    }

    fn presence(&self) -> Presence {
        if self.status.is_some() {
            Presence::Live
        } else {
            Presence::Dormant
        }
    }

    fn search_text(&self, _ctx: &Ctx) -> std::borrow::Cow<'_, str> {
        std::borrow::Cow::Owned(format!("{} {}", self.name, self.key))
    }

    fn actions() -> &'static [Action] {
        &[Action::Create]
    }
}

/// `READY (home)`, `IN_PROGRESS`, `no`.
fn subscribed(r: &RegionRow) -> String {
    match (&r.status, r.is_home_region) {
        (Some(s), true) => format!("{s} (home)"),
        (Some(s), false) => s.clone(),
        (None, _) => "no".into(),
    }
}

impl Resource for AvailabilityDomain {
    const NOUN: Noun = Noun {
        one: "availability domain",
        many: "availability domains",
    };

    fn id(&self) -> &str {
        self.id.as_deref().unwrap_or(&self.name)
    }

    fn name(&self) -> &str {
        &self.name
    }

    fn columns() -> Vec<Column<Self>> {
        vec![Column::new("Availability domain", Width::Fill(1), |a, _| {
            a.name.clone()
        })]
    }

    fn detail(&self, _ctx: &Ctx) -> Vec<(&'static str, String)> {
        vec![("OCID", self.id.clone().unwrap_or_default())]
    }
}

impl Resource for FaultDomain {
    const NOUN: Noun = Noun {
        one: "fault domain",
        many: "fault domains",
    };

    fn id(&self) -> &str {
        self.id.as_deref().unwrap_or(&self.name)
    }

    fn name(&self) -> &str {
        &self.name
    }

    fn columns() -> Vec<Column<Self>> {
        vec![Column::new("Fault domain", Width::Fill(1), |f, _| f.name.clone())]
    }

    fn detail(&self, _ctx: &Ctx) -> Vec<(&'static str, String)> {
        vec![
            ("OCID", self.id.clone().unwrap_or_default()),
            (
                "Availability domain",
                self.availability_domain.clone().unwrap_or_default(),
            ),
        ]
    }
}
