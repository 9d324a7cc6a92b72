//! Groups, user-group memberships and dynamic groups.

use crate::api::client::{Call, Client, seg};
use crate::api::error::ApiError;
use crate::api::etagged::Etagged;
use crate::api::paging::{ListShape, Pager};
use crate::api::query::{ListFilter, MembershipQuery};
use crate::model::{
    AddUserToGroupDetails, CreateDynamicGroupDetails, CreateGroupDetails, DynamicGroup, Group,
    UpdateDynamicGroupDetails, UpdateGroupDetails, UserGroupMembership,
};

fn group(id: &str) -> String {
    format!("/groups/{}", seg(id))
}

fn membership(id: &str) -> String {
    format!("/userGroupMemberships/{}", seg(id))
}

fn dynamic_group(id: &str) -> String {
    format!("/dynamicGroups/{}", seg(id))
}

impl Client {
    pub fn list_groups(&self, compartment_id: &str, filter: &ListFilter) -> Pager<Group> {
        let call = Call::get("ListGroups", "/groups")
            .query("compartmentId", compartment_id)
            .filter(filter);
        Pager::new(self, call, ListShape::Array)
    }

    pub async fn get_group(&self, id: &str) -> Result<Etagged<Group>, ApiError> {
        self.get_one("GetGroup", group(id)).await
    }

    pub async fn create_group(
        &self,
        details: &CreateGroupDetails,
    ) -> Result<Etagged<Group>, ApiError> {
        self.create("CreateGroup", "/groups".into(), details).await
    }

    pub async fn update_group(
        &self,
        id: &str,
        details: &UpdateGroupDetails,
        if_match: Option<&str>,
    ) -> Result<Etagged<Group>, ApiError> {
        self.update("UpdateGroup", group(id), details, if_match)
            .await
    }

    pub async fn delete_group(&self, id: &str, if_match: Option<&str>) -> Result<(), ApiError> {
        self.delete("DeleteGroup", group(id), if_match)
            .await
            .map(drop)
    }

    /// Memberships live in the tenancy; OCI answers 400 unless a user or group is given.
    pub fn list_user_group_memberships(
        &self,
        compartment_id: &str,
        q: &MembershipQuery,
    ) -> Pager<UserGroupMembership> {
        let call = Call::get("ListUserGroupMemberships", "/userGroupMemberships")
            .query("compartmentId", compartment_id)
            .query_opt("userId", q.user_id.as_ref())
            .query_opt("groupId", q.group_id.as_ref());
        Pager::new(self, call, ListShape::Array)
    }

    pub async fn get_user_group_membership(
        &self,
        id: &str,
    ) -> Result<Etagged<UserGroupMembership>, ApiError> {
        self.get_one("GetUserGroupMembership", membership(id)).await
    }

    pub async fn add_user_to_group(
        &self,
        user_id: &str,
        group_id: &str,
    ) -> Result<Etagged<UserGroupMembership>, ApiError> {
        let body = AddUserToGroupDetails {
            user_id: user_id.to_string(),
            group_id: group_id.to_string(),
        };
        self.create("AddUserToGroup", "/userGroupMemberships".into(), &body)
            .await
    }

    pub async fn remove_user_from_group(
        &self,
        membership_id: &str,
        if_match: Option<&str>,
    ) -> Result<(), ApiError> {
        // Through the shared delete, so a lost answer followed by a 404 is our own removal.
        self.delete("RemoveUserFromGroup", membership(membership_id), if_match)
            .await
            .map(drop)
    }

    pub fn list_dynamic_groups(
        &self,
        compartment_id: &str,
        filter: &ListFilter,
    ) -> Pager<DynamicGroup> {
        let call = Call::get("ListDynamicGroups", "/dynamicGroups")
            .query("compartmentId", compartment_id)
            .filter(filter);
        Pager::new(self, call, ListShape::Array)
    }

    pub async fn get_dynamic_group(&self, id: &str) -> Result<Etagged<DynamicGroup>, ApiError> {
        self.get_one("GetDynamicGroup", dynamic_group(id)).await
    }

    pub async fn create_dynamic_group(
        &self,
        details: &CreateDynamicGroupDetails,
    ) -> Result<Etagged<DynamicGroup>, ApiError> {
        self.create("CreateDynamicGroup", "/dynamicGroups".into(), details)
            .await
    }

    pub async fn update_dynamic_group(
        &self,
        id: &str,
        details: &UpdateDynamicGroupDetails,
        if_match: Option<&str>,
    ) -> Result<Etagged<DynamicGroup>, ApiError> {
        self.update("UpdateDynamicGroup", dynamic_group(id), details, if_match)
            .await
    }

    pub async fn delete_dynamic_group(
        &self,
        id: &str,
        if_match: Option<&str>,
    ) -> Result<(), ApiError> {
        self.delete("DeleteDynamicGroup", dynamic_group(id), if_match)
            .await
            .map(drop)
    }
}
