//! Filters for list operations, as small structs so a call names only what it filters on.

use crate::model::{InvitationStatus, LifecycleState};

crate::wire_enum!(
    /// Sort key of identity lists; TIMECREATED sorts newest first by default, NAME A-Z.
    SortBy {
        TimeCreated => "TIMECREATED",
        Name => "NAME",
    }
);

crate::wire_enum!(
    SortOrder {
        Asc => "ASC",
        Desc => "DESC",
    }
);

crate::wire_enum!(
    /// ANY lists everything without a permission check; ACCESSIBLE only what the caller
    /// may inspect.
    AccessLevel {
        Any => "ANY",
        Accessible => "ACCESSIBLE",
    }
);

crate::wire_enum!(
    /// Sort key of sender invitations (camelCase on this service).
    InvitationSortBy {
        TimeCreated => "timeCreated",
        DisplayName => "displayName",
    }
);

/// Filters shared by the lists of users, groups, dynamic groups and policies.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ListFilter {
    pub name: Option<String>,
    pub sort_by: Option<SortBy>,
    pub sort_order: Option<SortOrder>,
    pub lifecycle_state: Option<LifecycleState>,
}

impl ListFilter {
    /// Only resources in this lifecycle state.
    pub fn state(state: LifecycleState) -> Self {
        Self {
            lifecycle_state: Some(state),
            ..Self::default()
        }
    }
}

/// `ListCompartments`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CompartmentQuery {
    pub compartment_id: String,
    pub access_level: Option<AccessLevel>,
    /// Only with the tenancy as `compartment_id`: the whole tree instead of direct children.
    pub compartment_id_in_subtree: Option<bool>,
    pub filter: ListFilter,
}

impl CompartmentQuery {
    /// The direct children of `compartment_id`.
    pub fn children(compartment_id: &str) -> Self {
        Self {
            compartment_id: compartment_id.to_string(),
            ..Self::default()
        }
    }

    /// Every compartment of the tenancy, in every lifecycle state.
    pub fn subtree(tenancy_id: &str) -> Self {
        Self {
            compartment_id: tenancy_id.to_string(),
            access_level: Some(AccessLevel::Any),
            compartment_id_in_subtree: Some(true),
            filter: ListFilter::default(),
        }
    }
}

/// `ListUsers`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UserQuery {
    pub identity_provider_id: Option<String>,
    pub external_identifier: Option<String>,
    pub filter: ListFilter,
}

/// `ListUserGroupMemberships`: OCI requires `user_id` or `group_id`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MembershipQuery {
    pub user_id: Option<String>,
    pub group_id: Option<String>,
}

impl MembershipQuery {
    pub fn of_group(group_id: &str) -> Self {
        Self {
            group_id: Some(group_id.to_string()),
            user_id: None,
        }
    }

    pub fn of_user(user_id: &str) -> Self {
        Self {
            user_id: Some(user_id.to_string()),
            group_id: None,
        }
    }
}

/// `ListTagNamespaces`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TagNamespaceQuery {
    pub include_subcompartments: Option<bool>,
    pub lifecycle_state: Option<LifecycleState>,
}

/// `ListTagDefaults`: OCI wants at least one of the ids.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TagDefaultQuery {
    pub id: Option<String>,
    pub compartment_id: Option<String>,
    pub tag_definition_id: Option<String>,
    pub lifecycle_state: Option<LifecycleState>,
}

/// `ListSenderInvitations`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SenderInvitationQuery {
    pub recipient_tenancy_id: Option<String>,
    pub lifecycle_state: Option<LifecycleState>,
    pub status: Option<InvitationStatus>,
    pub display_name: Option<String>,
    pub sort_by: Option<InvitationSortBy>,
    pub sort_order: Option<SortOrder>,
}

/// `ListMfaTotpDevices`: only the order can be chosen (a user has at most one device).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MfaTotpDeviceQuery {
    pub sort_by: Option<SortBy>,
    pub sort_order: Option<SortOrder>,
}
