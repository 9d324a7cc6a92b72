//! Reading a whole tenancy into a [`Snapshot`]: the independent lists at once, then the
//! per-group, per-compartment and per-tag calls through the throttle-aware fan-out.

use indicatif::ProgressBar;
use serde::de::DeserializeOwned;

use super::identity_domains::gather_domains;
use crate::api::{
    ApiError, Client, CompartmentQuery, ListFilter, MembershipQuery, Pager, SenderInvitationQuery,
    TagDefaultQuery, TagNamespaceQuery, UserQuery, try_fan_out,
};
use crate::model::{LifecycleState, SenderInvitation, Snapshot, Tag, TagNamespace};

/// Items asked for per page. OCI accepts 1000 (the OCI CLI asks for it when listing
/// compartments); a service that allows fewer just sends more pages.
pub(super) const PAGE: u32 = 1000;

/// A snapshot, and what the reader had to leave out and why.
#[derive(Debug, Clone, Default)]
pub struct Gathered {
    pub snapshot: Snapshot,
    pub warnings: Vec<String>,
}

/// What a read of the tenancy includes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GatherOptions {
    /// Users' credential metadata, network sources and the authentication policy: nine
    /// calls per user, which a very large tenancy may want to skip.
    pub credentials: bool,
}

impl Default for GatherOptions {
    fn default() -> Self {
        Self { credentials: true }
    }
}

/// Reads everything canopy shows about the tenancy, credentials included. `progress` counts
/// finished calls.
pub async fn gather(
    client: &Client,
    tenancy_id: &str,
    progress: &ProgressBar,
) -> Result<Gathered, ApiError> {
    gather_with(client, tenancy_id, progress, GatherOptions::default()).await
}

/// [`gather`], choosing what to read.
pub async fn gather_with(
    client: &Client,
    tenancy_id: &str,
    progress: &ProgressBar,
    options: GatherOptions,
) -> Result<Gathered, ApiError> {
    let step = |what: &str| progress.set_message(what.to_string());
    let mut warnings = Vec::new();

    step("tenancy, compartments, users, groups, tag namespaces");
    progress.inc_length(7);
    let namespaces_query = TagNamespaceQuery {
        include_subcompartments: Some(true),
        lifecycle_state: None,
    };
    let (tenancy, compartments, users, groups, dynamic_groups, tag_namespaces, invitations) = tokio::try_join!(
        client.get_tenancy(tenancy_id),
        client
            .list_compartments(&CompartmentQuery::subtree(tenancy_id))
            .limit(PAGE)
            .all(),
        client
            .list_users(tenancy_id, &UserQuery::default())
            .limit(PAGE)
            .all(),
        client
            .list_groups(tenancy_id, &ListFilter::default())
            .limit(PAGE)
            .all(),
        client
            .list_dynamic_groups(tenancy_id, &ListFilter::default())
            .limit(PAGE)
            .all(),
        client
            .list_tag_namespaces(tenancy_id, &namespaces_query)
            .limit(PAGE)
            .all(),
        sender_invitations(client, tenancy_id),
    )?;
    progress.inc(7);
    let sender_invitations = match invitations {
        Ok(list) => list,
        Err(why) => {
            warnings.push(why);
            Vec::new()
        }
    };

    // Deleted groups and compartments keep no live memberships or policies; asking would
    // only cost calls (and some services answer 404).
    let live_groups: Vec<&str> = groups
        .iter()
        .filter(|g| g.lifecycle_state != LifecycleState::Deleted)
        .map(|g| g.id.as_str())
        .collect();
    let mut live_compartments: Vec<&str> = vec![tenancy_id];
    live_compartments.extend(
        compartments
            .iter()
            .filter(|c| c.lifecycle_state != LifecycleState::Deleted)
            .map(|c| c.id.as_str()),
    );

    step("memberships of every group");
    let memberships = list_each(client, live_groups, progress, |group_id| {
        client.list_user_group_memberships(tenancy_id, &MembershipQuery::of_group(group_id))
    })
    .await?
    .concat();

    step("policies of every compartment");
    let policies = list_each(
        client,
        live_compartments.clone(),
        progress,
        |compartment_id| client.list_policies(compartment_id, &ListFilter::default()),
    )
    .await?
    .concat();

    step("tags of every namespace");
    let tags = tags(client, &tag_namespaces, progress).await?;

    step("tag defaults");
    let tag_defaults = tag_defaults(client, &live_compartments, &tags, progress).await?;

    step("identity domains, identity providers, region subscriptions");
    let part = gather_domains(
        client,
        tenancy_id,
        &live_compartments,
        progress,
        &mut warnings,
    )
    .await?;
    // Every domain's directory (Identity Domains, SCIM).
    step("users and groups of every other identity domain");
    let domain_directories = super::domain_directories::gather_directories(
        client,
        tenancy_id,
        &part.domains,
        progress,
        &mut warnings,
    )
    .await;

    let mut snapshot = Snapshot {
        tenancy,
        compartments,
        users,
        groups,
        memberships,
        dynamic_groups,
        policies,
        tag_namespaces,
        tags,
        tag_defaults,
        sender_invitations,
        domains: part.domains,
        identity_providers: part.identity_providers,
        identity_provider_groups: part.identity_provider_groups,
        idp_group_mappings: part.idp_group_mappings,
        region_subscriptions: part.region_subscriptions,
        domain_directories,
        // History, not configuration: an export leaves work requests out. Credentials come
        // next, when asked for. Other services' resources: the Identity API has no call that
        // lists them.
        ..Snapshot::default()
    };
    if options.credentials {
        step("credentials of every user, network sources, authentication policy");
        super::credentials::gather_credentials(client, tenancy_id, &mut snapshot, progress).await?;
    }
    snapshot.sort();
    // Pages can overlap when the tenancy changes while it is read; keep each resource once.
    snapshot.memberships.dedup_by(|a, b| a.id == b.id);
    snapshot.policies.dedup_by(|a, b| a.id == b.id);
    snapshot.tag_defaults.dedup_by(|a, b| a.id == b.id);
    snapshot.domains.dedup_by(|a, b| a.id == b.id);
    snapshot.db_credentials.dedup_by(|a, b| a.id == b.id);
    snapshot.network_sources.dedup_by(|a, b| a.id == b.id);
    Ok(Gathered { snapshot, warnings })
}

/// Sender invitations live in the Organizations service, which a tenancy that is not an
/// organization's parent may not offer (404): that is a warning, not a failed export.
async fn sender_invitations(
    client: &Client,
    tenancy_id: &str,
) -> Result<Result<Vec<SenderInvitation>, String>, ApiError> {
    match client
        .list_sender_invitations(tenancy_id, &SenderInvitationQuery::default())
        .limit(PAGE)
        .all()
        .await
    {
        Ok(list) => Ok(Ok(list)),
        Err(e) if e.status() == Some(404) => Ok(Err(format!(
            "sender invitations left out: the Organizations service answered {e}"
        ))),
        Err(e) => Err(e),
    }
}

/// Full tag definitions: listing gives summaries without the validator, so each tag is then
/// read on its own (two phases, so no fan-out waits inside another).
async fn tags(
    client: &Client,
    namespaces: &[TagNamespace],
    progress: &ProgressBar,
) -> Result<Vec<Tag>, ApiError> {
    let per_namespace = list_each(client, namespaces.iter().collect(), progress, |ns| {
        client.list_tags(&ns.id, None)
    })
    .await?;
    // A tag summary names its namespace only through the URL it was listed under.
    let listed: Vec<(String, String)> = namespaces
        .iter()
        .zip(per_namespace)
        .flat_map(|(ns, tags)| tags.into_iter().map(|t| (ns.id.clone(), t.name)))
        .collect();
    progress.inc_length(listed.len() as u64);
    try_fan_out(client, listed, |(namespace_id, name)| async move {
        let tag = client.get_tag(&namespace_id, &name).await;
        progress.inc(1);
        tag.map(|t| t.value)
    })
    .await
}

/// Tag defaults can only be listed per compartment or per tag definition (OCI wants a
/// filter); whichever needs fewer calls is used.
async fn tag_defaults(
    client: &Client,
    compartments: &[&str],
    tags: &[Tag],
    progress: &ProgressBar,
) -> Result<Vec<crate::model::TagDefault>, ApiError> {
    // A default belongs to a tag definition: no tags, no defaults.
    if tags.is_empty() {
        return Ok(Vec::new());
    }
    let queries: Vec<TagDefaultQuery> = if tags.len() < compartments.len() {
        tags.iter()
            .map(|t| TagDefaultQuery {
                tag_definition_id: Some(t.id.clone()),
                ..TagDefaultQuery::default()
            })
            .collect()
    } else {
        compartments
            .iter()
            .map(|c| TagDefaultQuery {
                compartment_id: Some((*c).to_string()),
                ..TagDefaultQuery::default()
            })
            .collect()
    };
    Ok(
        list_each(client, queries, progress, |q| client.list_tag_defaults(&q))
            .await?
            .concat(),
    )
}

/// The same list for each item through the fan-out, every page of each; one result per item,
/// in the items' order.
pub(super) async fn list_each<I, T>(
    client: &Client,
    items: Vec<I>,
    progress: &ProgressBar,
    list: impl Fn(I) -> Pager<T>,
) -> Result<Vec<Vec<T>>, ApiError>
where
    T: DeserializeOwned + Send + 'static,
{
    progress.inc_length(items.len() as u64);
    let list = &list;
    try_fan_out(client, items, |item| async move {
        let all = list(item).limit(PAGE).all().await;
        progress.inc(1);
        all
    })
    .await
}
