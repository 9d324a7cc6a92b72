//! Reading identity domains, SAML identity providers (with the groups they report and their
//! group mappings) and region subscriptions for an export. A tenancy that predates identity
//! domains, or a service that does not offer federation, answers 404: that is a warning,
//! not a failed export.

use indicatif::ProgressBar;

use super::gather::{PAGE, list_all};
use crate::api::{ApiError, Client, DomainQuery, ListFilter};
use crate::model::{
    Domain, IdentityProvider, IdentityProviderGroupSummary, IdpGroupMapping, LifecycleState,
    RegionSubscription, SAML2,
};

/// What this part of an export read.
#[derive(Debug, Default)]
pub(super) struct DomainsPart {
    pub domains: Vec<Domain>,
    pub identity_providers: Vec<IdentityProvider>,
    pub identity_provider_groups: Vec<IdentityProviderGroupSummary>,
    pub idp_group_mappings: Vec<IdpGroupMapping>,
    pub region_subscriptions: Vec<RegionSubscription>,
}

/// 404 becomes a warning naming what was left out; other errors fail the export.
fn optional<T: Default>(
    result: Result<T, ApiError>,
    what: &str,
    warnings: &mut Vec<String>,
) -> Result<T, ApiError> {
    match result {
        Ok(value) => Ok(value),
        Err(e) if e.status() == Some(404) => {
            warnings.push(format!("{what} left out: the service answered {e}"));
            Ok(T::default())
        }
        Err(e) => Err(e),
    }
}

pub(super) async fn gather_domains(
    client: &Client,
    tenancy_id: &str,
    live_compartments: &[&str],
    progress: &ProgressBar,
    warnings: &mut Vec<String>,
) -> Result<DomainsPart, ApiError> {
    // Domains can live in any compartment; ListDomains answers for one at a time. They are
    // read beside the federation chain (providers, then their groups and mappings).
    let domains = list_all(
        client,
        live_compartments.to_vec(),
        progress,
        |compartment| client.list_domains(compartment, &DomainQuery::default()),
    );
    let federation = async {
        progress.inc_length(2);
        let (subscriptions, providers) = tokio::join!(
            client.list_region_subscriptions(tenancy_id),
            client
                .list_identity_providers(SAML2, tenancy_id, &ListFilter::default())
                .limit(PAGE)
                .all(),
        );
        progress.inc(2);
        let providers = match providers {
            Err(e) if e.status() == Some(404) => Err(e),
            other => Ok(other?),
        };
        let live: Vec<String> = providers
            .iter()
            .flatten()
            .filter(|p| p.lifecycle_state != LifecycleState::Deleted)
            .map(|p| p.id.clone())
            .collect();
        let (groups, mappings) = tokio::try_join!(
            list_all(client, live.clone(), progress, |idp| {
                client.list_identity_provider_groups(&idp, None, None)
            }),
            list_all(client, live, progress, |idp| client
                .list_idp_group_mappings(&idp)),
        )?;
        Ok::<_, ApiError>((subscriptions, providers, groups, mappings))
    };
    let (domains, federation) = tokio::join!(domains, federation);
    let (subscriptions, providers, groups, mappings) = federation?;
    let region_subscriptions = optional(subscriptions, "region subscriptions", warnings)?;
    let identity_providers = optional(providers, "identity providers", warnings)?;
    let domains = optional(domains, "identity domains", warnings)?;
    Ok(DomainsPart {
        domains,
        identity_providers,
        identity_provider_groups: groups,
        idp_group_mappings: mappings,
        region_subscriptions,
    })
}
