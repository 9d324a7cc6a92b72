//! The tenancy itself: its record for the header (and its home region, where Identity writes
//! go), the whole of it as a snapshot for the audit view and the editor's tenancy-aware lint,
//! and its regions: subscriptions, availability and fault domains.

use std::sync::Arc;

use crate::app::request::{Failure, Payload};
use crate::app::worker::Work;

/// A snapshot handed to the worker; requests compare by identity (the same snapshot).
#[derive(Clone)]
pub struct SharedSnapshot(pub Arc<crate::model::Snapshot>);

impl std::fmt::Debug for SharedSnapshot {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "SharedSnapshot({} compartments)",
            self.0.compartments.len()
        )
    }
}

impl PartialEq for SharedSnapshot {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl Eq for SharedSnapshot {}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TenancyRequest {
    /// The tenancy, for the header.
    Get,
    /// The whole tenancy (the export's reader), indexed off the UI thread. Answers with
    /// [`Payload::Snapshot`].
    Load,
    /// The whole tenancy read in the background against this snapshot of it (a warm start's
    /// cache, or what the panes hold): what comes back unchanged is shared with it, not held
    /// twice. Answers with [`Payload::Read`], not indexed: the index (a fifth of a large
    /// tenancy's memory) is built when a view asks.
    Reread(SharedSnapshot),
    /// A snapshot already at hand (the warm-start cache), indexed off the UI thread. Answers
    /// with [`Payload::Snapshot`].
    Index(SharedSnapshot),
    /// The regions the tenancy is subscribed to.
    ListRegionSubscriptions,
    /// Every region OCI has.
    ListRegions,
    /// The tenancy's availability domains (in the profile's region).
    ListAvailabilityDomains,
    /// The fault domains of one availability domain, by its name.
    ListFaultDomains { availability_domain: String },
    /// Subscribes the tenancy to a region by its key (`PHX`): answers with the subscription
    /// each time its status changes, until it is READY.
    SubscribeRegion { region_key: String },
}

impl TenancyRequest {
    pub fn is_write(&self) -> bool {
        match self {
            TenancyRequest::Get
            | TenancyRequest::Load
            | TenancyRequest::Reread(_)
            | TenancyRequest::Index(_)
            | TenancyRequest::ListRegionSubscriptions
            | TenancyRequest::ListRegions
            | TenancyRequest::ListAvailabilityDomains
            | TenancyRequest::ListFaultDomains { .. } => false,
            TenancyRequest::SubscribeRegion { .. } => true,
        }
    }

    pub(crate) async fn run(&self, w: &Work<'_>) {
        match self {
            TenancyRequest::Get => {
                let tenancy = w.client.get_tenancy(w.tenancy_id).await;
                // Identity writes go to the home region from now on; the header says so.
                if let Some(home) = tenancy
                    .as_ref()
                    .ok()
                    .and_then(|t| t.home_region_key.as_deref())
                    .and_then(|key| w.client.use_home_region(key))
                {
                    w.send(false, Ok(Payload::item(home)));
                }
                w.finish(tenancy.map(Payload::Tenancy));
            }
            TenancyRequest::ListRegionSubscriptions => {
                w.list(w.client.list_region_subscriptions(w.tenancy_id).await);
            }
            TenancyRequest::ListRegions => w.list(w.client.list_regions().await),
            TenancyRequest::ListAvailabilityDomains => {
                w.list(w.client.list_availability_domains(w.tenancy_id).await);
            }
            TenancyRequest::ListFaultDomains {
                availability_domain,
            } => w.list(
                w.client
                    .list_fault_domains(w.tenancy_id, availability_domain)
                    .await,
            ),
            TenancyRequest::SubscribeRegion { region_key } => {
                subscribe(w, region_key).await;
            }
            TenancyRequest::Load => load(w, None).await,
            TenancyRequest::Reread(SharedSnapshot(before)) => {
                load(w, Some(Arc::clone(before))).await;
            }
            TenancyRequest::Index(SharedSnapshot(snapshot)) => {
                index(w, Arc::clone(snapshot)).await;
            }
        }
    }
}

/// Reads the whole tenancy; indexes it unless it is read against a snapshot before.
async fn load(w: &Work<'_>, before: Option<Arc<crate::model::Snapshot>>) {
    let reread = before.is_some();
    let progress = indicatif::ProgressBar::hidden();
    // The audit, lint, `:find` and the warm-start cache need the structure, not
    // each user's credential metadata (nine calls per user on a large tenancy, at
    // every start): the Credentials pane reads those itself.
    let options = crate::api::export::GatherOptions {
        credentials: false,
        before,
    };
    let gathered =
        crate::api::export::gather_with(w.client, w.tenancy_id, &progress, options).await;
    match gathered {
        Ok(g) if reread => w.finish(Ok(Payload::Read(Arc::new(g.snapshot)))),
        Ok(g) => {
            // Read: say so before indexing, so a snapshot being replaced can be
            // let go first (two indexes of a large tenancy at once were the
            // peak of a warm start).
            w.send(false, Ok(Payload::Done));
            index(w, Arc::new(g.snapshot)).await;
        }
        Err(e) => w.finish(Err(e)),
    }
}

/// Indexes a snapshot and answers with it. Indexing a large tenancy takes a few hundred
/// milliseconds: never in `update`, and off the runtime's other tasks.
async fn index(w: &Work<'_>, snapshot: Arc<crate::model::Snapshot>) {
    let linter = move || crate::policy::TenancyLinter::new(snapshot);
    // On a worker thread of its own runtime, the index is built in the memory the read just
    // gave back (each thread allocates from its own pool, and a blocking-pool thread would
    // take fresh memory for it): some 20 MB of a large tenancy's peak.
    let built = match tokio::runtime::Handle::current().runtime_flavor() {
        tokio::runtime::RuntimeFlavor::MultiThread => Ok(tokio::task::block_in_place(linter)),
        _ => tokio::task::spawn_blocking(linter).await,
    };
    w.send(
        true,
        built
            .map(|linter| Payload::Snapshot(Arc::new(linter)))
            .map_err(|e| Failure::local("IndexFailed", e.to_string())),
    );
}

/// Subscribes to a region and follows the subscription until it is READY, sending it each
/// time its status changes.
async fn subscribe(w: &Work<'_>, region_key: &str) {
    let created = match w
        .client
        .create_region_subscription(w.tenancy_id, region_key)
        .await
    {
        Ok(s) => s,
        Err(e) => return w.finish(Err(e)),
    };
    let mut status = created.status.clone();
    if status == "READY" {
        return w.send(true, Ok(Payload::item(created)));
    }
    w.send(false, Ok(Payload::item(created)));
    for _ in 0..w.options.max_polls {
        tokio::time::sleep(w.options.poll).await;
        let listed = match w.client.list_region_subscriptions(w.tenancy_id).await {
            Ok(list) => list,
            Err(e) => return w.finish(Err(e)),
        };
        let Some(now) = listed
            .into_iter()
            .find(|s| s.region_key.eq_ignore_ascii_case(region_key))
        else {
            continue;
        };
        let ready = now.status == "READY";
        if ready || now.status != status {
            status.clone_from(&now.status);
            w.send(ready, Ok(Payload::item(now)));
        }
        if ready {
            return;
        }
    }
    w.fail(Failure {
        hint: Some("refresh the Regions pane later to see it ready".into()),
        ..Failure::local(
            "StillInProgress",
            format!(
                "the subscription to {region_key} is still {status}; canopy stopped following it"
            ),
        )
    });
}
