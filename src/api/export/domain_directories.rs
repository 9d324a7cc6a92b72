//! Reading every identity domain's directory (users, groups with members, dynamic groups) over
//! the Identity Domains API for an export and the audit. The Default domain's directory is the
//! classic API's, read elsewhere. A domain whose URL cannot be read is a warning, not a failed
//! export: the audit then says less about that domain, and the warning says so.

use indicatif::ProgressBar;

use crate::api::Client;
use crate::model::{Domain, DomainDirectory, LifecycleState};

pub(super) async fn gather_directories(
    client: &Client,
    tenancy_id: &str,
    domains: &[Domain],
    progress: &ProgressBar,
    warnings: &mut Vec<String>,
) -> Vec<DomainDirectory> {
    let others: Vec<&Domain> = domains
        .iter()
        .filter(|d| !d.is_default() && d.lifecycle_state != LifecycleState::Deleted)
        .filter(|d| !d.url.is_empty())
        .collect();
    progress.inc_length(others.len() as u64);
    let reads = others
        .iter()
        .map(|d| client.read_domain_directory(d, tenancy_id));
    let results = futures::future::join_all(reads).await;
    progress.inc(others.len() as u64);
    let mut out = Vec::new();
    for (domain, result) in others.into_iter().zip(results) {
        match result {
            Ok(directory) => out.push(directory),
            Err(e) => warnings.push(format!(
                "the users and groups of identity domain {} left out: {e}",
                domain.display_name
            )),
        }
    }
    out
}
