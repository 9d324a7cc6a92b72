//! Users, groups, dynamic groups and the memberships between users and groups.

use crate::api::{ListFilter, MembershipQuery, UserQuery, try_fan_out};
use crate::app::panes::identity::members::IndexedMemberships;
use crate::app::request::Payload;
use crate::app::worker::{PAGE_LIMIT, Work};
use crate::model::{
    AddUserToGroupDetails, CreateDynamicGroupDetails, CreateGroupDetails, CreateUserDetails,
    UpdateDynamicGroupDetails, UpdateGroupDetails, UpdateUserCapabilitiesDetails,
    UpdateUserDetails,
};

#[derive(Debug, Clone, PartialEq)]
pub enum IdentityRequest {
    ListUsers,
    ListGroups,
    ListDynamicGroups,
    /// The memberships of these groups (the service lists them per user or per group), in one
    /// answer; both directions are drawn from it.
    ListMemberships {
        group_ids: Vec<String>,
    },
    /// One user with its etag (an edit form reads it fresh first).
    GetUser {
        id: String,
    },
    GetGroup {
        id: String,
    },
    GetDynamicGroup {
        id: String,
    },
    /// One membership, read fresh for its detail.
    GetMembership {
        id: String,
    },
    CreateUser(CreateUserDetails),
    /// With `if_match` (the etag the edit form read), a change made since is a 412.
    UpdateUser {
        id: String,
        details: UpdateUserDetails,
        if_match: Option<String>,
    },
    DeleteUser {
        id: String,
    },
    /// Block (true) or unblock (false) a user.
    UpdateUserState {
        id: String,
        blocked: bool,
    },
    UpdateUserCapabilities {
        id: String,
        details: UpdateUserCapabilitiesDetails,
    },
    CreateGroup(CreateGroupDetails),
    UpdateGroup {
        id: String,
        details: UpdateGroupDetails,
        if_match: Option<String>,
    },
    DeleteGroup {
        id: String,
    },
    AddUserToGroup(AddUserToGroupDetails),
    RemoveUserFromGroup {
        membership_id: String,
    },
    CreateDynamicGroup(CreateDynamicGroupDetails),
    UpdateDynamicGroup {
        id: String,
        details: UpdateDynamicGroupDetails,
        if_match: Option<String>,
    },
    DeleteDynamicGroup {
        id: String,
    },
}

impl IdentityRequest {
    pub fn is_write(&self) -> bool {
        use IdentityRequest as R;
        match self {
            R::ListUsers
            | R::ListGroups
            | R::ListDynamicGroups
            | R::ListMemberships { .. }
            | R::GetUser { .. }
            | R::GetGroup { .. }
            | R::GetDynamicGroup { .. }
            | R::GetMembership { .. } => false,
            R::CreateUser(_)
            | R::UpdateUser { .. }
            | R::DeleteUser { .. }
            | R::UpdateUserState { .. }
            | R::UpdateUserCapabilities { .. }
            | R::CreateGroup(_)
            | R::UpdateGroup { .. }
            | R::DeleteGroup { .. }
            | R::AddUserToGroup(_)
            | R::RemoveUserFromGroup { .. }
            | R::CreateDynamicGroup(_)
            | R::UpdateDynamicGroup { .. }
            | R::DeleteDynamicGroup { .. } => true,
        }
    }

    pub(crate) async fn run(&self, w: &Work<'_>) {
        use IdentityRequest as R;
        let (c, tenancy) = (w.client, w.tenancy_id);
        let all = ListFilter::default();
        match self {
            // Pages as they come: the first rows show while the rest load.
            R::ListUsers => {
                let users = c.list_users(tenancy, &UserQuery::default());
                w.pages(users.limit(PAGE_LIMIT).pages()).await;
            }
            R::ListGroups => {
                w.pages(c.list_groups(tenancy, &all).limit(PAGE_LIMIT).pages())
                    .await;
            }
            R::ListDynamicGroups => {
                let groups = c.list_dynamic_groups(tenancy, &all).limit(PAGE_LIMIT);
                w.pages(groups.pages()).await;
            }
            R::ListMemberships { group_ids } => {
                // Each group's memberships go straight into one list as they arrive: a large
                // tenancy's 250,000 are never held twice.
                let all = std::sync::Mutex::new(Vec::new());
                let all_ref = &all;
                let done = try_fan_out(c, group_ids.clone(), |group_id| async move {
                    let q = MembershipQuery::of_group(&group_id);
                    let list = c
                        .list_user_group_memberships(tenancy, &q)
                        .limit(PAGE_LIMIT)
                        .all()
                        .await?;
                    all_ref
                        .lock()
                        .unwrap_or_else(std::sync::PoisonError::into_inner)
                        .extend(list);
                    Ok::<(), crate::api::ApiError>(())
                })
                .await;
                let mut all = all
                    .into_inner()
                    .unwrap_or_else(std::sync::PoisonError::into_inner);
                all.shrink_to_fit();
                // Arrival order varies from run to run; OCID order does not.
                all.sort_unstable_by(|a, b| a.id.cmp(&b.id));
                // Indexed here, on the runtime's threads, not by the UI when it arrives.
                let indexed = IndexedMemberships::new(all);
                w.finish(done.map(|_| Payload::items(vec![indexed])));
            }
            R::GetUser { id } => w.one(c.get_user(id).await),
            R::GetGroup { id } => w.one(c.get_group(id).await),
            R::GetDynamicGroup { id } => w.one(c.get_dynamic_group(id).await),
            R::GetMembership { id } => w.one(c.get_user_group_membership(id).await),
            R::CreateUser(d) => w.one(c.create_user(d).await),
            R::UpdateUser {
                id,
                details,
                if_match,
            } => w.one(c.update_user(id, details, if_match.as_deref()).await),
            R::DeleteUser { id } => w.done(c.delete_user(id, None).await),
            R::UpdateUserState { id, blocked } => {
                w.one(c.update_user_state(id, *blocked, None).await);
            }
            R::UpdateUserCapabilities { id, details } => {
                w.one(c.update_user_capabilities(id, details, None).await);
            }
            R::CreateGroup(d) => w.one(c.create_group(d).await),
            R::UpdateGroup {
                id,
                details,
                if_match,
            } => w.one(c.update_group(id, details, if_match.as_deref()).await),
            R::DeleteGroup { id } => w.done(c.delete_group(id, None).await),
            R::AddUserToGroup(d) => w.one(c.add_user_to_group(&d.user_id, &d.group_id).await),
            R::RemoveUserFromGroup { membership_id } => {
                w.done(c.remove_user_from_group(membership_id, None).await);
            }
            R::CreateDynamicGroup(d) => w.one(c.create_dynamic_group(d).await),
            R::UpdateDynamicGroup {
                id,
                details,
                if_match,
            } => w.one(
                c.update_dynamic_group(id, details, if_match.as_deref())
                    .await,
            ),
            R::DeleteDynamicGroup { id } => w.done(c.delete_dynamic_group(id, None).await),
        }
    }
}
