//! Every identity domain's directory through the Identity Domains (SCIM) API at the domain's
//! URL: the Identity pane reads a non-default domain's users, groups and memberships here, and
//! writes them. Answers come in the classic shapes (`User`, `Group`, `UserGroupMembership`),
//! so the pane's lists take them as they take the classic API's; a change is conditional on
//! the `meta.version` the pane read (`if-match`), a change made since is a 412.

use crate::api::{ApiError, Etagged};
use crate::app::worker::Work;
use crate::model::scim::{
    SCHEMA_GROUP, SCHEMA_USER, ScimEmail, ScimGroup, ScimGroupExtension, ScimPatch, ScimUser,
};
use crate::model::{Domain, DomainDirectory, Group, User, UserGroupMembership};

#[derive(Debug, Clone, PartialEq)]
pub enum DirectoryRequest {
    /// The domain's whole directory, as one `DomainDirectory`.
    Read {
        domain: Box<Domain>,
    },
    /// One user or group, fresh, with its `meta.version` as the etag (for the edit form).
    GetUser {
        url: String,
        id: String,
    },
    GetGroup {
        url: String,
        id: String,
    },
    CreateUser {
        url: String,
        user_name: String,
        description: String,
        email: Option<String>,
    },
    UpdateUser {
        url: String,
        id: String,
        description: String,
        email: Option<String>,
        if_match: Option<String>,
    },
    DeleteUser {
        url: String,
        id: String,
        if_match: Option<String>,
    },
    CreateGroup {
        url: String,
        name: String,
        description: String,
    },
    UpdateGroup {
        url: String,
        id: String,
        description: String,
        /// A new display name: a rename (domain groups can be renamed; classic ones cannot).
        name: Option<String>,
        if_match: Option<String>,
    },
    DeleteGroup {
        url: String,
        id: String,
        if_match: Option<String>,
    },
    /// Adds (or removes) a member: a PATCH of the group.
    Membership {
        url: String,
        group_id: String,
        user_id: String,
        add: bool,
        if_match: Option<String>,
    },
}

/// A resource as the pane's lists hold it, with its `meta.version` as the etag.
fn classic_user(tenancy: &str, u: ScimUser) -> Option<Etagged<User>> {
    let etag = u.meta.as_ref().map(|m| m.version.clone());
    let dir = DomainDirectory::from_scim("", tenancy, vec![u], Vec::new(), Vec::new());
    Some(Etagged {
        value: dir.users.into_iter().next()?,
        etag,
    })
}

fn classic_group(
    tenancy: &str,
    g: ScimGroup,
) -> Option<(Etagged<Group>, Vec<UserGroupMembership>)> {
    let etag = g.meta.as_ref().map(|m| m.version.clone());
    let dir = DomainDirectory::from_scim("", tenancy, Vec::new(), vec![g], Vec::new());
    Some((
        Etagged {
            value: dir.groups.into_iter().next()?,
            etag,
        },
        dir.memberships,
    ))
}

fn unexpected(what: &str) -> ApiError {
    ApiError::Decode {
        operation: "IdentityDomains",
        message: format!("the answer held no {what}"),
        request_id: String::new(),
    }
}

impl DirectoryRequest {
    pub fn is_write(&self) -> bool {
        !matches!(
            self,
            Self::Read { .. } | Self::GetUser { .. } | Self::GetGroup { .. }
        )
    }

    pub(crate) async fn run(&self, w: &Work<'_>) {
        use DirectoryRequest as R;
        let c = w.client;
        let t = w.tenancy_id;
        let user_of = |r: Result<ScimUser, ApiError>| {
            r.and_then(|u| classic_user(t, u).ok_or_else(|| unexpected("user")))
        };
        let group_of = |r: Result<ScimGroup, ApiError>| {
            r.and_then(|g| {
                classic_group(t, g)
                    .map(|(g, _)| g)
                    .ok_or_else(|| unexpected("group"))
            })
        };
        match self {
            R::Read { domain } => {
                w.list(c.read_domain_directory(domain, t).await.map(|d| vec![d]));
            }
            R::GetUser { url, id } => w.one(user_of(c.get_domain_user(url, id).await)),
            R::GetGroup { url, id } => w.one(group_of(c.get_domain_group(url, id).await)),
            R::CreateUser {
                url,
                user_name,
                description,
                email,
            } => {
                let user = ScimUser {
                    schemas: vec![SCHEMA_USER.to_string()],
                    user_name: user_name.clone(),
                    display_name: Some(description.clone()),
                    description: Some(description.clone()),
                    emails: emails(email.as_ref()),
                    ..ScimUser::default()
                };
                w.one(user_of(c.create_domain_user(url, &user).await));
            }
            R::UpdateUser {
                url,
                id,
                description,
                email,
                if_match,
            } => {
                // PUT replaces: start from the user as it is now, change what the form edits.
                let result = match c.get_domain_user(url, id).await {
                    Ok(mut user) => {
                        user.description = Some(description.clone());
                        user.display_name = Some(description.clone());
                        user.emails = emails(email.as_ref());
                        user.groups.clear();
                        user.meta = None;
                        c.replace_domain_user(url, &user, if_match.as_deref()).await
                    }
                    Err(e) => Err(e),
                };
                w.one(user_of(result));
            }
            R::DeleteUser { url, id, if_match } => {
                w.done(c.delete_domain_user(url, id, if_match.as_deref()).await);
            }
            R::CreateGroup {
                url,
                name,
                description,
            } => {
                let group = ScimGroup {
                    schemas: vec![SCHEMA_GROUP.to_string()],
                    display_name: name.clone(),
                    extension: Some(ScimGroupExtension {
                        description: Some(description.clone()),
                    }),
                    ..ScimGroup::default()
                };
                w.one(group_of(c.create_domain_group(url, &group).await));
            }
            R::UpdateGroup {
                url,
                id,
                description,
                name,
                if_match,
            } => {
                let mut patch = ScimPatch::description(description);
                if let Some(name) = name {
                    patch.replace("displayName", serde_json::Value::String(name.clone()));
                }
                w.one(group_of(
                    c.patch_domain_group(url, id, &patch, if_match.as_deref())
                        .await,
                ));
            }
            R::DeleteGroup { url, id, if_match } => {
                w.done(c.delete_domain_group(url, id, if_match.as_deref()).await);
            }
            R::Membership {
                url,
                group_id,
                user_id,
                add,
                if_match,
            } => {
                let patch = ScimPatch::member(*add, user_id);
                let result = c
                    .patch_domain_group(url, group_id, &patch, if_match.as_deref())
                    .await;
                if !*add {
                    return w.done(result.map(|_| ()));
                }
                // The new membership, as the pane's member lists hold memberships; where the
                // SCIM id is not the OCID it is not found here, and the pane's re-read shows it.
                match result.and_then(|g| classic_group(t, g).ok_or_else(|| unexpected("group"))) {
                    Ok((_, memberships)) => {
                        match memberships.into_iter().find(|m| m.user_id == *user_id) {
                            Some(value) => w.one(Ok(Etagged { value, etag: None })),
                            None => w.done(Ok(())),
                        }
                    }
                    Err(e) => w.done(Err(e)),
                }
            }
        }
    }
}

fn emails(email: Option<&String>) -> Vec<ScimEmail> {
    email
        .filter(|e| !e.is_empty())
        .map(|e| ScimEmail {
            value: e.clone(),
            kind: "work".to_string(),
            primary: true,
            verified: None,
        })
        .into_iter()
        .collect()
}
