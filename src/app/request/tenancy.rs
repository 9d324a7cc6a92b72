//! The tenancy itself: its record for the header, and the whole of it as a snapshot for the
//! audit view and the editor's tenancy-aware lint.

use std::sync::Arc;

use crate::app::request::{Failure, Payload};
use crate::app::worker::Work;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TenancyRequest {
    /// The tenancy, for the header.
    Get,
    /// The whole tenancy (the export's reader), indexed off the UI thread. Answers with
    /// [`Payload::Snapshot`].
    Load,
    /// The regions the tenancy is subscribed to.
    ListRegionSubscriptions,
}

impl TenancyRequest {
    pub fn is_write(&self) -> bool {
        match self {
            TenancyRequest::Get
            | TenancyRequest::Load
            | TenancyRequest::ListRegionSubscriptions => false,
        }
    }

    pub(crate) async fn run(&self, w: &Work<'_>) {
        match self {
            TenancyRequest::Get => {
                w.finish(
                    w.client
                        .get_tenancy(w.tenancy_id)
                        .await
                        .map(Payload::Tenancy),
                );
            }
            TenancyRequest::ListRegionSubscriptions => {
                w.list(w.client.list_region_subscriptions(w.tenancy_id).await);
            }
            TenancyRequest::Load => {
                let progress = indicatif::ProgressBar::hidden();
                let gathered = crate::api::export::gather(w.client, w.tenancy_id, &progress).await;
                let snapshot = match gathered {
                    Ok(g) => Arc::new(g.snapshot),
                    Err(e) => return w.finish(Err(e)),
                };
                // Indexing a large tenancy takes a few hundred milliseconds: not on the
                // runtime's threads, and never in `update`.
                let built = tokio::task::spawn_blocking(move || {
                    crate::policy::TenancyLinter::new(snapshot)
                })
                .await;
                w.send(
                    true,
                    built
                        .map(|linter| Payload::Snapshot(Arc::new(linter)))
                        .map_err(|e| Failure::local("IndexFailed", e.to_string())),
                );
            }
        }
    }
}
