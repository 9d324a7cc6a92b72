//! The worker's half for the Identity, Tags and Invitations panes: each of their request kinds
//! as API client calls, answers sent through a callback. The worker calls [`execute`] for the
//! kinds it does not run itself.

use std::future::Future;
use std::time::Duration;

use crate::api::{
    ApiError, Client, ListFilter, MembershipQuery, SenderInvitationQuery, TagDefaultQuery,
    TagNamespaceQuery, UserQuery, try_fan_out,
};
use crate::model::WorkRequest;

use super::request::{ApiKeySource, Failure, Payload, RequestKind, Secret};

/// How often a work request is polled, and how many times before giving up on following it.
const POLL: Duration = Duration::from_millis(500);
const MAX_POLLS: usize = 1200;

/// Delivers one response: `done` false while more follow (work request progress).
pub type Send<'a> = &'a (dyn Fn(bool, Result<Payload, Failure>) + Sync);

/// Runs `kind` if it belongs to these panes and returns true; false leaves it to the caller.
/// `failure` turns a client error into what the UI shows (the worker's own conversion).
#[allow(clippy::too_many_lines)] // one arm per request kind
pub async fn execute(
    client: &Client,
    tenancy_id: &str,
    kind: &RequestKind,
    failure: fn(&ApiError) -> Failure,
    send: Send<'_>,
) -> bool {
    let finish = |result: Result<Payload, ApiError>| send(true, result.map_err(|e| failure(&e)));
    let done = |result: Result<(), ApiError>| finish(result.map(|()| Payload::Done));
    match kind {
        RequestKind::ListUsers => finish(
            client
                .list_users(tenancy_id, &UserQuery::default())
                .all()
                .await
                .map(Payload::Users),
        ),
        RequestKind::ListGroups => finish(
            client
                .list_groups(tenancy_id, &ListFilter::default())
                .all()
                .await
                .map(Payload::Groups),
        ),
        RequestKind::ListDynamicGroups => finish(
            client
                .list_dynamic_groups(tenancy_id, &ListFilter::default())
                .all()
                .await
                .map(Payload::DynamicGroups),
        ),
        RequestKind::ListMemberships { group_ids } => {
            let lists = try_fan_out(client, group_ids.clone(), |group_id| async move {
                client
                    .list_user_group_memberships(tenancy_id, &MembershipQuery::of_group(&group_id))
                    .all()
                    .await
            })
            .await;
            finish(lists.map(|l| Payload::Memberships(l.into_iter().flatten().collect())));
        }
        RequestKind::CreateUser(d) => {
            finish(client.create_user(d).await.map(|u| Payload::User(u.value)));
        }
        RequestKind::UpdateUser { id, details } => finish(
            client
                .update_user(id, details, None)
                .await
                .map(|u| Payload::User(u.value)),
        ),
        RequestKind::DeleteUser { id } => done(client.delete_user(id, None).await),
        RequestKind::UpdateUserState { id, blocked } => finish(
            client
                .update_user_state(id, *blocked, None)
                .await
                .map(|u| Payload::User(u.value)),
        ),
        RequestKind::UpdateUserCapabilities { id, details } => finish(
            client
                .update_user_capabilities(id, details, None)
                .await
                .map(|u| Payload::User(u.value)),
        ),
        RequestKind::ResetUiPassword { user_id } => {
            let result = client.create_or_reset_ui_password(user_id).await;
            send(
                true,
                match result {
                    Ok(p) => match p.value.password {
                        Some(password) => Ok(Payload::UiPassword {
                            user_id: user_id.clone(),
                            password: Secret::new(password),
                        }),
                        None => Err(Failure::local(
                            "NoPassword",
                            "the service reset the password but sent none back; reset it again",
                        )),
                    },
                    Err(e) => Err(failure(&e)),
                },
            );
        }
        RequestKind::ListApiKeys { user_id } => {
            finish(client.list_api_keys(user_id).await.map(Payload::ApiKeys));
        }
        RequestKind::UploadApiKey { user_id, key } => match public_key(key).await {
            Ok(pem) => finish(
                client
                    .upload_api_key(user_id, &pem)
                    .await
                    .map(|k| Payload::ApiKey(k.value)),
            ),
            Err(f) => send(true, Err(f)),
        },
        RequestKind::DeleteApiKey {
            user_id,
            fingerprint,
        } => done(client.delete_api_key(user_id, fingerprint, None).await),
        RequestKind::CreateGroup(d) => {
            finish(
                client
                    .create_group(d)
                    .await
                    .map(|g| Payload::Group(g.value)),
            );
        }
        RequestKind::UpdateGroup { id, details } => finish(
            client
                .update_group(id, details, None)
                .await
                .map(|g| Payload::Group(g.value)),
        ),
        RequestKind::DeleteGroup { id } => done(client.delete_group(id, None).await),
        RequestKind::AddUserToGroup(d) => finish(
            client
                .add_user_to_group(&d.user_id, &d.group_id)
                .await
                .map(|m| Payload::Membership(m.value)),
        ),
        RequestKind::RemoveUserFromGroup { membership_id } => {
            done(client.remove_user_from_group(membership_id, None).await);
        }
        RequestKind::CreateDynamicGroup(d) => finish(
            client
                .create_dynamic_group(d)
                .await
                .map(|g| Payload::DynamicGroup(g.value)),
        ),
        RequestKind::UpdateDynamicGroup { id, details } => finish(
            client
                .update_dynamic_group(id, details, None)
                .await
                .map(|g| Payload::DynamicGroup(g.value)),
        ),
        RequestKind::DeleteDynamicGroup { id } => {
            done(client.delete_dynamic_group(id, None).await);
        }
        other => return tags_and_invitations(client, tenancy_id, other, failure, send).await,
    }
    true
}

#[allow(clippy::too_many_lines)] // one arm per request kind
async fn tags_and_invitations(
    client: &Client,
    tenancy_id: &str,
    kind: &RequestKind,
    failure: fn(&ApiError) -> Failure,
    send: Send<'_>,
) -> bool {
    let finish = |result: Result<Payload, ApiError>| send(true, result.map_err(|e| failure(&e)));
    let tagging = |id: String| async move { client.get_tagging_work_request(&id).await };
    let organizations =
        |id: String| async move { client.get_organizations_work_request(&id).await };
    match kind {
        RequestKind::ListTagNamespaces => {
            let q = TagNamespaceQuery {
                include_subcompartments: Some(true),
                ..TagNamespaceQuery::default()
            };
            finish(
                client
                    .list_tag_namespaces(tenancy_id, &q)
                    .all()
                    .await
                    .map(Payload::TagNamespaces),
            );
        }
        RequestKind::CreateTagNamespace(d) => finish(
            client
                .create_tag_namespace(d)
                .await
                .map(|n| Payload::TagNamespace(n.value)),
        ),
        RequestKind::UpdateTagNamespace { id, details } => finish(
            client
                .update_tag_namespace(id, details)
                .await
                .map(|n| Payload::TagNamespace(n.value)),
        ),
        RequestKind::CascadeDeleteTagNamespace { id } => {
            let started = client.cascade_delete_tag_namespace(id, None).await;
            follow(started, tagging, failure, send).await;
        }
        RequestKind::ListTags { namespace_id } => {
            finish(
                client
                    .list_tags(namespace_id, None)
                    .all()
                    .await
                    .map(Payload::Tags),
            );
        }
        RequestKind::GetTag { namespace_id, name } => finish(
            client
                .get_tag(namespace_id, name)
                .await
                .map(|t| Payload::Tag(t.value)),
        ),
        RequestKind::CreateTag {
            namespace_id,
            details,
        } => finish(
            client
                .create_tag(namespace_id, details)
                .await
                .map(|t| Payload::Tag(t.value)),
        ),
        RequestKind::UpdateTag {
            namespace_id,
            name,
            details,
        } => finish(
            client
                .update_tag(namespace_id, name, details, None)
                .await
                .map(|t| Payload::Tag(t.value)),
        ),
        RequestKind::DeleteTag { namespace_id, name } => {
            let started = client.delete_tag(namespace_id, name, None).await;
            follow(started, tagging, failure, send).await;
        }
        RequestKind::ListTagDefaults { compartment_id } => {
            let q = TagDefaultQuery {
                compartment_id: Some(compartment_id.clone()),
                ..TagDefaultQuery::default()
            };
            finish(
                client
                    .list_tag_defaults(&q)
                    .all()
                    .await
                    .map(Payload::TagDefaults),
            );
        }
        RequestKind::CreateTagDefault(d) => finish(
            client
                .create_tag_default(d)
                .await
                .map(|t| Payload::TagDefault(t.value)),
        ),
        RequestKind::UpdateTagDefault { id, details } => finish(
            client
                .update_tag_default(id, details, None)
                .await
                .map(|t| Payload::TagDefault(t.value)),
        ),
        RequestKind::DeleteTagDefault { id } => {
            finish(
                client
                    .delete_tag_default(id, None)
                    .await
                    .map(|()| Payload::Done),
            );
        }
        RequestKind::ListSenderInvitations => finish(
            client
                .list_sender_invitations(tenancy_id, &SenderInvitationQuery::default())
                .all()
                .await
                .map(Payload::SenderInvitations),
        ),
        // The invitation exists at once; its work request only sends it on.
        RequestKind::CreateSenderInvitation(d) => finish(
            client
                .create_sender_invitation(d)
                .await
                .map(|c| Payload::SenderInvitation(c.invitation.value)),
        ),
        RequestKind::UpdateSenderInvitation { id, details } => finish(
            client
                .update_sender_invitation(id, details, None)
                .await
                .map(|i| Payload::SenderInvitation(i.value)),
        ),
        RequestKind::CancelSenderInvitation { id } => {
            let started = client.cancel_sender_invitation(id, None).await;
            follow(started, organizations, failure, send).await;
        }
        _ => return false,
    }
    true
}

/// The PEM to upload: checked already when pasted; read and checked here for a file.
async fn public_key(source: &ApiKeySource) -> Result<String, Failure> {
    match source {
        ApiKeySource::Pem(pem) => Ok(pem.clone()),
        ApiKeySource::File(path) => {
            let path = &expand_home(path);
            let text = tokio::fs::read_to_string(path).await.map_err(|e| {
                Failure::local(
                    "CannotReadKey",
                    format!("cannot read {}: {e}", path.display()),
                )
            })?;
            super::public_key::normalize(&text)
                .map_err(|e| Failure::local("NotAPublicKey", format!("{}: {e}", path.display())))
        }
    }
}

/// `~/x` as the shell would read it; other paths as they are.
fn expand_home(path: &std::path::Path) -> std::path::PathBuf {
    match (path.strip_prefix("~"), directories::BaseDirs::new()) {
        (Ok(rest), Some(dirs)) => dirs.home_dir().join(rest),
        _ => path.to_path_buf(),
    }
}

/// Sends a work request's state each time it changes until it finishes (`Done` when the
/// service started none).
async fn follow<F, Fut>(
    started: Result<Option<String>, ApiError>,
    get: F,
    failure: fn(&ApiError) -> Failure,
    send: Send<'_>,
) where
    F: Fn(String) -> Fut,
    Fut: Future<Output = Result<WorkRequest, ApiError>>,
{
    let id = match started {
        Ok(Some(id)) => id,
        Ok(None) => return send(true, Ok(Payload::Done)),
        Err(e) => return send(true, Err(failure(&e))),
    };
    let mut last = None;
    for _ in 0..MAX_POLLS {
        match get(id.clone()).await {
            Ok(wr) => {
                let finished = wr.status.is_finished();
                #[allow(clippy::cast_possible_truncation)] // a percentage, for change detection
                let seen = (wr.status.clone(), wr.percent_complete.map(|p| p as i64));
                if finished || last.as_ref() != Some(&seen) {
                    last = Some(seen);
                    send(finished, Ok(Payload::WorkRequest(wr)));
                }
                if finished {
                    return;
                }
            }
            Err(e) => return send(true, Err(failure(&e))),
        }
        tokio::time::sleep(POLL).await;
    }
    send(
        true,
        Err(Failure::local(
            "StillRunning",
            format!("work request {id} is still running; press r later to see the result"),
        )),
    );
}

#[cfg(test)]
#[test]
fn a_tilde_is_the_home_directory() {
    let home = directories::BaseDirs::new()
        .expect("a home")
        .home_dir()
        .to_path_buf();
    assert_eq!(expand_home("~/k.pem".as_ref()), home.join("k.pem"));
    assert_eq!(
        expand_home("/tmp/k.pem".as_ref()),
        std::path::PathBuf::from("/tmp/k.pem")
    );
}

#[cfg(test)]
#[path = "worker_panes_tests.rs"]
mod tests;
