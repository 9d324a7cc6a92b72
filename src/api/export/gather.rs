//! Reading a whole tenancy into a [`Snapshot`]: the independent lists at once, then the
//! per-group, per-compartment and per-tag calls through the throttle-aware fan-out.

use indicatif::ProgressBar;
use serde::de::DeserializeOwned;

use super::identity_domains::gather_domains;
use super::reread::Reread;
use crate::api::{
    ApiError, Client, CompartmentQuery, ListFilter, MembershipQuery, Pager, SenderInvitationQuery,
    TagDefaultQuery, TagNamespaceQuery, UserQuery, try_fan_out,
};
use std::sync::Arc;

use crate::model::records::Identified;
use crate::model::{LifecycleState, Records, SenderInvitation, Snapshot, Tag, TagNamespace};

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
#[derive(Debug, Clone, PartialEq)]
pub struct GatherOptions {
    /// Users' credential metadata, network sources and the authentication policy: nine
    /// calls per user, which a very large tenancy may want to skip.
    pub credentials: bool,
    /// The last read of the same tenancy, still in use: what comes back unchanged is shared
    /// with it rather than held twice (see [`Reread`]).
    pub before: Option<Arc<Snapshot>>,
}

impl Default for GatherOptions {
    fn default() -> Self {
        Self {
            credentials: true,
            before: None,
        }
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
    progress.set_message("compartments, users, groups, policies, tags, domains");
    progress.inc_length(7);
    let counted = |n: u64| progress.inc(n);
    // Users are the longest chain of pages (twenty on a tenancy of 20,000) and nothing else
    // waits for them: they start first and run beside everything else.
    let before = options.before.as_deref();
    let users = async {
        let users = reread_all(
            client.list_users(tenancy_id, &UserQuery::default()),
            before.map(|b| &b.users),
        )
        .await;
        counted(1);
        users
    };
    let loose_ends = async {
        let all = tokio::try_join!(
            client.get_tenancy(tenancy_id),
            reread_all(
                client.list_dynamic_groups(tenancy_id, &ListFilter::default()),
                before.map(|b| &b.dynamic_groups),
            ),
            sender_invitations(client, tenancy_id, before.map(|b| &b.sender_invitations)),
        );
        counted(3);
        all
    };
    // Everything else hangs off the compartments, groups and tag namespaces; each part below
    // starts as soon as what it needs has arrived, not when the slowest part before it ends.
    let structure = async {
        let namespaces_query = TagNamespaceQuery {
            include_subcompartments: Some(true),
            lifecycle_state: None,
        };
        let (compartments, groups, tag_namespaces) = tokio::try_join!(
            reread_all(
                client.list_compartments(&CompartmentQuery::subtree(tenancy_id)),
                before.map(|b| &b.compartments),
            ),
            reread_all(
                client.list_groups(tenancy_id, &ListFilter::default()),
                before.map(|b| &b.groups),
            ),
            reread_all(
                client.list_tag_namespaces(tenancy_id, &namespaces_query),
                before.map(|b| &b.tag_namespaces),
            ),
        )?;
        counted(3);
        // Boxed: four fan-outs joined make a large future, which callers would carry inline.
        let parts = Box::pin(dependent_parts(
            client,
            tenancy_id,
            &compartments,
            &groups,
            &tag_namespaces,
            progress,
            before,
        ))
        .await?;
        Ok::<_, ApiError>((compartments, groups, tag_namespaces, parts))
    };
    let (users, (tenancy, dynamic_groups, invitations), structure) =
        tokio::try_join!(users, loose_ends, structure)?;
    let (compartments, groups, tag_namespaces, parts) = structure;
    let DependentParts {
        memberships,
        policies,
        tags,
        tag_defaults,
        domains: part,
        domain_directories,
        warnings: mut part_warnings,
    } = parts;
    let mut warnings = Vec::new();
    let sender_invitations = match invitations {
        Ok(list) => list,
        Err(why) => {
            warnings.push(why);
            Records::default()
        }
    };
    warnings.append(&mut part_warnings);

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
        progress.set_message("credentials of every user, network sources, authentication policy");
        super::credentials::gather_credentials(client, tenancy_id, &mut snapshot, progress).await?;
    }
    if options.before.is_some() {
        snapshot.sort_unshared();
    } else {
        snapshot.sort();
    }
    // Pages can overlap when the tenancy changes while it is read; keep each resource once.
    snapshot.memberships.dedup_by(|a, b| a.id == b.id);
    snapshot.policies.dedup_by(|a, b| a.id == b.id);
    snapshot.tag_defaults.dedup_by(|a, b| a.id == b.id);
    snapshot.domains.dedup_by(|a, b| a.id == b.id);
    snapshot.db_credentials.dedup_by(|a, b| a.id == b.id);
    snapshot.network_sources.dedup_by(|a, b| a.id == b.id);
    snapshot.shrink_to_fit();
    Ok(Gathered { snapshot, warnings })
}

/// What is read once the compartments, groups and tag namespaces are known.
struct DependentParts {
    memberships: Records<crate::model::UserGroupMembership>,
    policies: Records<crate::model::Policy>,
    tags: Vec<Tag>,
    tag_defaults: Vec<crate::model::TagDefault>,
    domains: super::identity_domains::DomainsPart,
    domain_directories: Vec<crate::model::DomainDirectory>,
    warnings: Vec<String>,
}

/// Memberships of every group, policies of every compartment, tags and tag defaults, and the
/// identity domains with their directories: four independent chains, run at once through the
/// client's shared limit on requests in flight.
async fn dependent_parts(
    client: &Client,
    tenancy_id: &str,
    compartments: &[crate::model::Compartment],
    groups: &[crate::model::Group],
    tag_namespaces: &[TagNamespace],
    progress: &ProgressBar,
    before: Option<&Snapshot>,
) -> Result<DependentParts, ApiError> {
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
    let live_compartments = &live_compartments;
    let memberships = reread_each(
        client,
        live_groups,
        progress,
        before.map(|b| &b.memberships),
        |group_id| {
            client.list_user_group_memberships(tenancy_id, &MembershipQuery::of_group(group_id))
        },
    );
    let policies = reread_each(
        client,
        live_compartments.clone(),
        progress,
        before.map(|b| &b.policies),
        |compartment_id| client.list_policies(compartment_id, &ListFilter::default()),
    );
    let tags = tags_and_defaults(client, tag_namespaces, live_compartments, progress);
    let domains = async {
        let mut warnings = Vec::new();
        let part = gather_domains(
            client,
            tenancy_id,
            live_compartments,
            progress,
            &mut warnings,
        )
        .await?;
        // Every domain's directory (Identity Domains, SCIM).
        let directories = super::domain_directories::gather_directories(
            client,
            tenancy_id,
            &part.domains,
            progress,
            &mut warnings,
        )
        .await;
        Ok::<_, ApiError>((part, directories, warnings))
    };
    let (memberships, policies, (tags, tag_defaults), (domains, domain_directories, warnings)) =
        tokio::try_join!(memberships, policies, tags, domains)?;
    Ok(DependentParts {
        memberships,
        policies,
        tags,
        tag_defaults,
        domains,
        domain_directories,
        warnings,
    })
}

/// Sender invitations live in the Organizations service, which a tenancy that is not an
/// organization's parent may not offer (404): that is a warning, not a failed export.
async fn sender_invitations(
    client: &Client,
    tenancy_id: &str,
    before: Option<&Records<SenderInvitation>>,
) -> Result<Result<Records<SenderInvitation>, String>, ApiError> {
    let pager = client.list_sender_invitations(tenancy_id, &SenderInvitationQuery::default());
    match reread_all(pager, before).await {
        Ok(list) => Ok(Ok(list)),
        Err(e) if e.status() == Some(404) => Ok(Err(format!(
            "sender invitations left out: the Organizations service answered {e}"
        ))),
        Err(e) => Err(e),
    }
}

/// Full tag definitions and the tag defaults. Listing gives summaries without the validator,
/// so each tag is then read on its own; the defaults need only the tags' ids, so they are read
/// beside those reads rather than after them.
async fn tags_and_defaults(
    client: &Client,
    namespaces: &[TagNamespace],
    compartments: &[&str],
    progress: &ProgressBar,
) -> Result<(Vec<Tag>, Vec<crate::model::TagDefault>), ApiError> {
    let per_namespace = list_each(client, namespaces.iter().collect(), progress, |ns| {
        client.list_tags(&ns.id, None)
    })
    .await?;
    // A tag summary names its namespace only through the URL it was listed under.
    let listed: Vec<(String, String, String)> = namespaces
        .iter()
        .zip(per_namespace)
        .flat_map(|(ns, tags)| tags.into_iter().map(|t| (ns.id.clone(), t.name, t.id)))
        .collect();
    let tag_ids: Vec<&str> = listed.iter().map(|(_, _, id)| id.as_str()).collect();
    progress.inc_length(listed.len() as u64);
    let full = try_fan_out(
        client,
        listed.iter().collect(),
        |(namespace_id, name, _)| async move {
            let tag = client.get_tag(namespace_id, name).await;
            progress.inc(1);
            tag.map(|t| t.value)
        },
    );
    let defaults = tag_defaults(client, compartments, &tag_ids, progress);
    tokio::try_join!(full, defaults)
}

/// Tag defaults can only be listed per compartment or per tag definition (OCI wants a
/// filter); whichever needs fewer calls is used.
async fn tag_defaults(
    client: &Client,
    compartments: &[&str],
    tags: &[&str],
    progress: &ProgressBar,
) -> Result<Vec<crate::model::TagDefault>, ApiError> {
    // A default belongs to a tag definition: no tags, no defaults.
    if tags.is_empty() {
        return Ok(Vec::new());
    }
    let queries: Vec<TagDefaultQuery> = if tags.len() < compartments.len() {
        tags.iter()
            .map(|t| TagDefaultQuery {
                tag_definition_id: Some((*t).to_string()),
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
    list_all(client, queries, progress, |q| client.list_tag_defaults(&q)).await
}

/// [`list_each`] where the order does not matter (the snapshot is sorted afterwards): each
/// item's pages go straight into one list as they arrive, so a large listing is never held
/// twice (`concat` would clone every string of 50,000 memberships).
pub(super) async fn list_all<I, T>(
    client: &Client,
    items: Vec<I>,
    progress: &ProgressBar,
    list: impl Fn(I) -> Pager<T>,
) -> Result<Vec<T>, ApiError>
where
    T: DeserializeOwned + Send + 'static,
{
    progress.inc_length(items.len() as u64);
    let (list, out) = (&list, &std::sync::Mutex::new(Vec::new()));
    try_fan_out(client, items, |item| async move {
        let all = list(item).limit(PAGE).all().await?;
        out.lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .extend(all);
        progress.inc(1);
        Ok::<(), ApiError>(())
    })
    .await?;
    let mut out = std::mem::take(
        &mut *out
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner),
    );
    out.shrink_to_fit();
    Ok(out)
}

/// Every page of one list, each compared with the list before as it arrives (see
/// [`Reread`]).
async fn reread_all<T>(pager: Pager<T>, before: Option<&Records<T>>) -> Result<Records<T>, ApiError>
where
    T: DeserializeOwned + Identified + PartialEq + Clone + Send + 'static,
{
    let pager = pager.limit(PAGE);
    let mut read = Reread::new(before);
    let mut token: Option<String> = None;
    loop {
        let page = pager.page(token.as_deref()).await?;
        read.take(page.items);
        match page.next_page {
            Some(next) => token = Some(next),
            None => return Ok(read.finish()),
        }
    }
}

/// [`list_all`], each item's listing compared with the list before (see [`Reread`]).
async fn reread_each<I, T>(
    client: &Client,
    items: Vec<I>,
    progress: &ProgressBar,
    before: Option<&Records<T>>,
    list: impl Fn(I) -> Pager<T>,
) -> Result<Records<T>, ApiError>
where
    T: DeserializeOwned + Identified + PartialEq + Clone + Send + 'static,
{
    progress.inc_length(items.len() as u64);
    let (list, read) = (&list, &std::sync::Mutex::new(Reread::new(before)));
    try_fan_out(client, items, |item| async move {
        let all = list(item).limit(PAGE).all().await?;
        read.lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .take(all);
        progress.inc(1);
        Ok::<(), ApiError>(())
    })
    .await?;
    let read = std::mem::replace(
        &mut *read
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner),
        Reread::new(None),
    );
    Ok(read.finish())
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
