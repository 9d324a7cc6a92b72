//! The tenancy's region subscriptions: a read-only list pane, all of it from the kind's
//! description below (the worked example in `docs/architecture.md`).

use super::list_pane::Listing;
use crate::app::ctx::Ctx;
use crate::app::request::{RequestKind, TenancyRequest};
use crate::app::resource::{Column, Noun, Resource, Width};
use crate::model::RegionSubscription;

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
            Column::new("Status", Width::Fixed(10), |r, _| r.status.clone()),
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
}

impl Listing for RegionSubscription {
    fn list_request(_ctx: &Ctx) -> Option<RequestKind> {
        Some(TenancyRequest::ListRegionSubscriptions.into())
    }
}
