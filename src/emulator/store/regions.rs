//! Region subscriptions: the home region and the others the tenancy subscribed to. A new
//! subscription is `IN_PROGRESS` for one work-request duration, then READY; the Default
//! identity domain is then replicated there, as OCI does by itself.

use std::time::Instant;

use super::Store;
use crate::emulator::regions::{region_key, region_name};
use crate::model::{RegionSubscription, ReplicatedRegionDetails, ReplicationState};

pub const READY: &str = "READY";
pub const IN_PROGRESS: &str = "IN_PROGRESS";

/// The snapshot's subscriptions; for a snapshot that names none, the home region plus one
/// more, as a typical paid tenancy has.
pub(super) fn or_home(listed: Vec<RegionSubscription>, home: &str) -> Vec<RegionSubscription> {
    if !listed.is_empty() {
        return listed;
    }
    let second = if home == "us-phoenix-1" {
        "us-ashburn-1"
    } else {
        "us-phoenix-1"
    };
    [(home, true), (second, false)]
        .into_iter()
        .map(|(name, is_home_region)| RegionSubscription {
            region_key: region_key(name).unwrap_or("IAD").to_string(),
            region_name: name.to_string(),
            status: READY.into(),
            is_home_region,
        })
        .collect()
}

impl Store {
    /// The subscription to a region, by key (`PHX`) or id (`us-phoenix-1`).
    pub fn subscription(&self, key_or_name: &str) -> Option<&RegionSubscription> {
        let name = region_name(key_or_name).unwrap_or(key_or_name);
        self.region_subscriptions
            .iter()
            .find(|s| s.region_name == name || s.region_key.eq_ignore_ascii_case(key_or_name))
    }

    /// True when the tenancy is subscribed to the region and the subscription is READY.
    pub fn is_ready_region(&self, name: &str) -> bool {
        self.subscription(name).is_some_and(|s| s.status == READY)
    }

    /// The tenancy's home region id.
    pub fn home_region(&self) -> &str {
        self.region_subscriptions
            .iter()
            .find(|s| s.is_home_region)
            .map_or(self.region.as_str(), |s| s.region_name.as_str())
    }

    /// The READY regions, for messages that say what to choose from.
    pub fn ready_regions(&self) -> String {
        self.region_subscriptions
            .iter()
            .filter(|s| s.status == READY)
            .map(|s| s.region_name.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// Subscribes to a region (the caller checked it is known and not yet subscribed).
    pub fn subscribe_region(&mut self, key: &str, name: &str) -> RegionSubscription {
        let subscription = RegionSubscription {
            region_key: key.to_string(),
            region_name: name.to_string(),
            status: IN_PROGRESS.into(),
            is_home_region: false,
        };
        self.region_subscriptions.push(subscription.clone());
        self.pending_regions.push((key.to_string(), Instant::now()));
        subscription
    }

    /// Makes due subscriptions READY and replicates the Default domain to them.
    pub(super) fn advance_regions(&mut self) {
        if self.pending_regions.is_empty() {
            return;
        }
        let duration = self.work_duration;
        let (due, waiting): (Vec<_>, Vec<_>) = std::mem::take(&mut self.pending_regions)
            .into_iter()
            .partition(|(_, since)| since.elapsed() >= duration);
        self.pending_regions = waiting;
        for (key, _) in due {
            let Some(subscription) = self
                .region_subscriptions
                .iter_mut()
                .find(|s| s.region_key == key)
            else {
                continue;
            };
            subscription.status = READY.into();
            let region = subscription.region_name.clone();
            for domain in &mut self.domains {
                let replicated = domain.replica_regions.iter().any(|r| r.region == region);
                if domain.is_default() && !replicated && domain.home_region != region {
                    domain.replica_regions.push(ReplicatedRegionDetails {
                        region: region.clone(),
                        url: Some(domain.url.clone()),
                        regional_url: Some(domain.url.clone()),
                        state: Some(ReplicationState::ReplicationEnabled),
                    });
                }
            }
        }
    }
}
