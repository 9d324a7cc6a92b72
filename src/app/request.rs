//! Typed work for the background worker and what comes back. A request is tagged with an id
//! and its owning pane; responses carry the same id so superseded ones can be dropped.

use crate::model::{
    AddUserToGroupDetails, ApiKey, Compartment, CreateCompartmentDetails,
    CreateDynamicGroupDetails, CreateGroupDetails, CreatePolicyDetails,
    CreateSenderInvitationDetails, CreateTagDefaultDetails, CreateTagDetails,
    CreateTagNamespaceDetails, CreateUserDetails, DynamicGroup, Group, Policy, SenderInvitation,
    Tag, TagDefault, TagNamespace, Tenancy, UpdateCompartmentDetails, UpdateDynamicGroupDetails,
    UpdateGroupDetails, UpdatePolicyDetails, UpdateSenderInvitationDetails,
    UpdateTagDefaultDetails, UpdateTagDetails, UpdateTagNamespaceDetails,
    UpdateUserCapabilitiesDetails, UpdateUserDetails, User, UserGroupMembership, WorkRequest,
};

use super::pane_id::PaneId;

/// Unique within a session, increasing: a newer request has a larger id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct RequestId(pub u64);

#[derive(Debug, Clone, PartialEq)]
pub struct Request {
    pub id: RequestId,
    /// The pane the response goes back to.
    pub pane: PaneId,
    pub kind: RequestKind,
}

/// One unit of work. Lists that arrive in pages answer with several responses, the last one
/// marked `done`.
#[derive(Debug, Clone, PartialEq)]
pub enum RequestKind {
    /// The tenancy itself, for the header.
    GetTenancy,
    /// The whole tenancy as a snapshot (the export's reader), for the audit view and the
    /// editor's tenancy-aware lint. Answers with [`Payload::Snapshot`].
    LoadTenancy,
    /// Every compartment of the tenancy in one subtree listing, all lifecycle states.
    ListCompartments,
    CreateCompartment(CreateCompartmentDetails),
    /// The worker reads the compartment first and sends its etag as `if-match`. `seen` is
    /// the compartment as the user saw it: if it changed since (name, description, parent or
    /// state), nothing is sent and the answer is a 412 conflict.
    UpdateCompartment {
        id: String,
        details: UpdateCompartmentDetails,
        seen: Option<Compartment>,
    },
    /// Answers with the work request as it progresses, until it finishes. Conditional like
    /// `UpdateCompartment`.
    MoveCompartment {
        id: String,
        target_id: String,
        seen: Option<Compartment>,
    },
    /// Answers with the work request as it progresses, until it finishes. Conditional like
    /// `UpdateCompartment`.
    DeleteCompartment {
        id: String,
        seen: Option<Compartment>,
    },
    RecoverCompartment {
        id: String,
    },
    /// The policies of these compartments (fan-out), answered page by page.
    ListPolicies {
        compartment_ids: Vec<String>,
    },
    /// One policy with its etag (before editing, and after a conflict).
    GetPolicy {
        id: String,
    },
    CreatePolicy(CreatePolicyDetails),
    /// Sent with `if-match: etag`; a 412 comes back as a conflict failure.
    UpdatePolicy {
        id: String,
        details: UpdatePolicyDetails,
        etag: Option<String>,
    },
    DeletePolicy {
        id: String,
    },

    // --- Identity pane ---
    ListUsers,
    ListGroups,
    ListDynamicGroups,
    /// The memberships of these groups (the service lists them per user or per group), in one
    /// answer; both directions are drawn from it.
    ListMemberships {
        group_ids: Vec<String>,
    },
    CreateUser(CreateUserDetails),
    UpdateUser {
        id: String,
        details: UpdateUserDetails,
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
    /// Answers with [`Payload::UiPassword`]; the password is shown once and never kept.
    ResetUiPassword {
        user_id: String,
    },
    ListApiKeys {
        user_id: String,
    },
    UploadApiKey {
        user_id: String,
        key: ApiKeySource,
    },
    DeleteApiKey {
        user_id: String,
        fingerprint: String,
    },
    CreateGroup(CreateGroupDetails),
    UpdateGroup {
        id: String,
        details: UpdateGroupDetails,
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
    },
    DeleteDynamicGroup {
        id: String,
    },

    // --- Tags pane ---
    /// Every tag namespace of the tenancy, subcompartments included.
    ListTagNamespaces,
    CreateTagNamespace(CreateTagNamespaceDetails),
    /// Also retires and reactivates (`is_retired`).
    UpdateTagNamespace {
        id: String,
        details: UpdateTagNamespaceDetails,
    },
    /// Answers with the work request as it progresses, until it finishes.
    CascadeDeleteTagNamespace {
        id: String,
    },
    ListTags {
        namespace_id: String,
    },
    /// One tag with its validator (summaries lack it), before editing.
    GetTag {
        namespace_id: String,
        name: String,
    },
    CreateTag {
        namespace_id: String,
        details: CreateTagDetails,
    },
    UpdateTag {
        namespace_id: String,
        name: String,
        details: UpdateTagDetails,
    },
    /// Answers with the work request if the service starts one, else `Done`.
    DeleteTag {
        namespace_id: String,
        name: String,
    },
    ListTagDefaults {
        compartment_id: String,
    },
    CreateTagDefault(CreateTagDefaultDetails),
    UpdateTagDefault {
        id: String,
        details: UpdateTagDefaultDetails,
    },
    DeleteTagDefault {
        id: String,
    },

    // --- Invitations pane ---
    ListSenderInvitations,
    CreateSenderInvitation(CreateSenderInvitationDetails),
    UpdateSenderInvitation {
        id: String,
        details: UpdateSenderInvitationDetails,
    },
    /// Answers with the work request if the service starts one, else `Done`.
    CancelSenderInvitation {
        id: String,
    },
}

/// Where the public key of an API key upload comes from. A file is read by the worker, so
/// `update` stays free of I/O.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ApiKeySource {
    /// A PEM public key, already checked and normalized.
    Pem(String),
    /// A path to a PEM public key file.
    File(std::path::PathBuf),
}

/// A value shown once and never logged: `Debug` prints a placeholder.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    pub fn new(value: impl Into<String>) -> Self {
        Secret(value.into())
    }

    /// The value, for the one place that shows it.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Secret(..)")
    }
}

impl RequestKind {
    /// True for the requests that change the tenancy (refused in read-only mode, a second
    /// line of defence behind the hidden actions).
    pub fn is_write(&self) -> bool {
        !matches!(
            self,
            RequestKind::GetTenancy
                | RequestKind::LoadTenancy
                | RequestKind::ListCompartments
                | RequestKind::ListPolicies { .. }
                | RequestKind::GetPolicy { .. }
                | RequestKind::ListUsers
                | RequestKind::ListGroups
                | RequestKind::ListDynamicGroups
                | RequestKind::ListMemberships { .. }
                | RequestKind::ListApiKeys { .. }
                | RequestKind::ListTagNamespaces
                | RequestKind::ListTags { .. }
                | RequestKind::GetTag { .. }
                | RequestKind::ListTagDefaults { .. }
                | RequestKind::ListSenderInvitations
        )
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Response {
    pub id: RequestId,
    pub pane: PaneId,
    /// False while more responses for the same request will follow (pages, work requests).
    pub done: bool,
    pub result: Result<Payload, Failure>,
}

/// The data a response carries.
#[derive(Debug, Clone, PartialEq)]
pub enum Payload {
    Tenancy(Tenancy),
    /// The whole tenancy with its effective-permission index, built by the worker (off the
    /// UI thread); shared, so the audit and the lint read it without copying.
    Snapshot(std::sync::Arc<crate::policy::TenancyLinter>),
    Compartments(Vec<Compartment>),
    Compartment(Compartment),
    /// One page of a policy listing.
    Policies(Vec<Policy>),
    Policy {
        policy: Policy,
        etag: Option<String>,
    },
    /// A work request's latest state.
    WorkRequest(WorkRequest),
    Users(Vec<User>),
    User(User),
    Groups(Vec<Group>),
    Group(Group),
    DynamicGroups(Vec<DynamicGroup>),
    DynamicGroup(DynamicGroup),
    Memberships(Vec<UserGroupMembership>),
    Membership(UserGroupMembership),
    /// A console password, shown once in a modal and then dropped.
    UiPassword {
        user_id: String,
        password: Secret,
    },
    ApiKeys(Vec<ApiKey>),
    ApiKey(ApiKey),
    TagNamespaces(Vec<TagNamespace>),
    TagNamespace(TagNamespace),
    Tags(Vec<Tag>),
    Tag(Tag),
    TagDefaults(Vec<TagDefault>),
    TagDefault(TagDefault),
    SenderInvitations(Vec<SenderInvitation>),
    SenderInvitation(SenderInvitation),
    /// A write that returns nothing.
    Done,
}

/// A failed request as the user needs to see it: the OCI code, message and opc-request-id,
/// and what to do about it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Failure {
    /// HTTP status; `None` for transport failures (no answer at all).
    pub status: Option<u16>,
    pub code: String,
    pub message: String,
    pub opc_request_id: Option<String>,
    pub hint: Option<String>,
}

impl Failure {
    /// A failure that never reached the service (connection refused, timeout, bad config).
    pub fn local(code: &str, message: impl Into<String>) -> Self {
        Failure {
            status: None,
            code: code.to_string(),
            message: message.into(),
            opc_request_id: None,
            hint: None,
        }
    }

    /// 412: someone else changed the resource since we read it.
    pub fn is_conflict(&self) -> bool {
        self.status == Some(412)
    }

    /// One line: `412 NoEtagMatch: message (opc-request-id ...)`.
    pub fn summary(&self) -> String {
        let mut s = match self.status {
            Some(status) => format!("{status} {}: {}", self.code, self.message),
            None => format!("{}: {}", self.code, self.message),
        };
        if let Some(id) = &self.opc_request_id {
            s = format!("{s} (opc-request-id {id})");
        }
        s
    }
}

/// One API call as the command log shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CallRecord {
    pub method: String,
    pub path: String,
    /// `None` when no response arrived.
    pub status: Option<u16>,
    pub duration_ms: u64,
}
