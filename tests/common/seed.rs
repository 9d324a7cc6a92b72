//! A test tenancy built in code, big enough to page through and with something in every
//! state, so the contract tests do not depend on the demo data.

use std::collections::BTreeMap;

use canopy::model::{
    Compartment, CompartmentResource, DynamicGroup, Group, InvitationStatus, LifecycleState,
    Policy, SenderInvitation, Snapshot, Tag, TagDefault, TagNamespace, TagValidator, Tenancy, User,
    UserCapabilities, UserGroupMembership,
};

pub const TENANCY: &str = "ocid1.tenancy.oc1..aaaaaaaatesttenancy";
pub const ADMIN: &str = "ocid1.user.oc1..aaaaaaaaadmin";
pub const ADMINS_GROUP: &str = "ocid1.group.oc1..aaaaaaaaadmins";
pub const PROD: &str = "ocid1.compartment.oc1..aaaaaaaaprod";
pub const SHARED: &str = "ocid1.compartment.oc1..aaaaaaaashared";
pub const FINANCE_NS: &str = "ocid1.tagnamespace.oc1..aaaaaaaafinance";
pub const COST_CENTER: &str = "ocid1.tagdefinition.oc1..aaaaaaaacostcenter";
/// Other services' resources, all in Prod.
pub const WEB_1: &str = "ocid1.instance.oc1.iad.aaaaaaaaweb1";
pub const WEB_2: &str = "ocid1.instance.oc1.iad.aaaaaaaaweb2";
pub const DATA_VOLUME: &str = "ocid1.volume.oc1.iad.aaaaaaaadata";
pub const LOGS_BUCKET: &str = "ocid1.bucket.oc1.iad.aaaaaaaalogs";
/// Users in the seed besides the administrator; every 10th is INACTIVE, every 25th DELETED.
pub const USERS: usize = 250;
/// Compartments under Shared.
pub const TEAMS: usize = 40;

fn at(minute: usize) -> String {
    format!(
        "2024-01-{:02}T{:02}:{:02}:00.000Z",
        1 + minute / 1440,
        (minute / 60) % 24,
        minute % 60
    )
}

fn state(i: usize) -> LifecycleState {
    if i.is_multiple_of(25) {
        LifecycleState::Deleted
    } else if i.is_multiple_of(10) {
        LifecycleState::Inactive
    } else {
        LifecycleState::Active
    }
}

fn compartment(id: &str, parent: &str, name: &str, minute: usize) -> Compartment {
    Compartment {
        id: id.into(),
        compartment_id: parent.into(),
        name: name.into(),
        description: format!("{name} compartment"),
        time_created: at(minute),
        lifecycle_state: LifecycleState::Active,
        inactive_status: None,
        is_accessible: None,
        freeform_tags: BTreeMap::new(),
        defined_tags: BTreeMap::new(),
    }
}

fn user(id: String, name: String, minute: usize, lifecycle_state: LifecycleState) -> User {
    User {
        id: id.into(),
        compartment_id: TENANCY.into(),
        description: format!("{name} account"),
        email: Some(format!("{name}@example.com")),
        name,
        email_verified: Some(true),
        db_user_name: None,
        identity_provider_id: None,
        external_identifier: None,
        time_created: at(minute).into(),
        lifecycle_state,
        inactive_status: None,
        freeform_tags: BTreeMap::new(),
        defined_tags: BTreeMap::new(),
        capabilities: Some(UserCapabilities::default()),
        is_mfa_activated: false,
        last_successful_login_time: None,
        previous_successful_login_time: None,
    }
}

fn group(id: String, name: String, minute: usize) -> Group {
    Group {
        id,
        compartment_id: TENANCY.into(),
        description: format!("{name} group"),
        name,
        time_created: at(minute),
        lifecycle_state: LifecycleState::Active,
        inactive_status: None,
        freeform_tags: BTreeMap::new(),
        defined_tags: BTreeMap::new(),
    }
}

fn membership(i: usize, user_id: &str, group_id: &str) -> UserGroupMembership {
    UserGroupMembership {
        id: format!("ocid1.groupmembership.oc1..aaaaaaaam{i:04}"),
        compartment_id: TENANCY.into(),
        group_id: group_id.into(),
        user_id: user_id.into(),
        time_created: at(i).into(),
        lifecycle_state: LifecycleState::Active,
        inactive_status: None,
    }
}

fn policy(i: usize, compartment_id: &str) -> Policy {
    Policy {
        id: format!("ocid1.policy.oc1..aaaaaaaap{i:03}"),
        compartment_id: compartment_id.into(),
        name: format!("policy-{i:02}"),
        statements: vec![format!("Allow group group-{i:02} to read users in tenancy")],
        description: "test policy".into(),
        time_created: at(i),
        lifecycle_state: state(i + 1),
        inactive_status: None,
        version_date: None,
        freeform_tags: BTreeMap::new(),
        defined_tags: BTreeMap::new(),
    }
}

fn tag(id: &str, ns: &str, name: &str, validator: Option<TagValidator>) -> Tag {
    Tag {
        compartment_id: TENANCY.into(),
        tag_namespace_id: Some(ns.into()),
        tag_namespace_name: None,
        id: id.into(),
        name: name.into(),
        description: format!("{name} tag"),
        freeform_tags: BTreeMap::new(),
        defined_tags: BTreeMap::new(),
        is_retired: false,
        lifecycle_state: LifecycleState::Active,
        time_created: at(1),
        is_cost_tracking: false,
        validator,
    }
}

fn namespace(id: &str, compartment: &str, name: &str) -> TagNamespace {
    TagNamespace {
        id: id.into(),
        compartment_id: compartment.into(),
        name: name.into(),
        description: format!("{name} tags"),
        freeform_tags: BTreeMap::new(),
        defined_tags: BTreeMap::new(),
        is_retired: false,
        lifecycle_state: LifecycleState::Active,
        time_created: at(2),
        locks: None,
    }
}

fn resource(id: &str, kind: &str, name: &str) -> CompartmentResource {
    let metadata = if kind == "Bucket" {
        BTreeMap::from([
            ("namespaceName".to_string(), "testns".to_string()),
            ("bucketName".to_string(), name.to_string()),
        ])
    } else {
        BTreeMap::new()
    };
    CompartmentResource {
        id: id.into(),
        compartment_id: PROD.into(),
        resource_type: kind.into(),
        display_name: name.into(),
        metadata,
        lifecycle_state: LifecycleState::Active,
        time_created: at(7),
        freeform_tags: BTreeMap::new(),
        defined_tags: BTreeMap::new(),
    }
}

fn invitation(i: usize, status: InvitationStatus) -> SenderInvitation {
    SenderInvitation {
        id: format!("ocid1.senderinvitation.oc1..aaaaaaaai{i}"),
        compartment_id: TENANCY.into(),
        subjects: vec!["LINK".into()],
        recipient_invitation_id: None,
        recipient_tenancy_id: format!("ocid1.tenancy.oc1..aaaaaaaapartner{i}"),
        lifecycle_state: LifecycleState::Active,
        status,
        display_name: format!("invite-{i}"),
        time_created: at(i),
        time_updated: None,
        recipient_email_address: Some(format!("admin{i}@partner.example")),
        invitation_features: None,
        freeform_tags: BTreeMap::new(),
        defined_tags: BTreeMap::new(),
        system_tags: None,
    }
}

pub fn seed() -> Snapshot {
    let mut compartments = vec![
        compartment(PROD, TENANCY, "Prod", 1),
        compartment("ocid1.compartment.oc1..aaaaaaaadev", TENANCY, "Dev", 2),
        compartment(SHARED, TENANCY, "Shared", 3),
        compartment("ocid1.compartment.oc1..aaaaaaaaapp", PROD, "App", 4),
        compartment("ocid1.compartment.oc1..aaaaaaaaempty", PROD, "Empty", 5),
    ];
    for i in 0..TEAMS {
        let id = format!("ocid1.compartment.oc1..aaaaaaaateam{i:02}");
        compartments.push(compartment(&id, SHARED, &format!("team-{i:02}"), 10 + i));
    }
    let mut users = vec![user(
        ADMIN.into(),
        "admin".into(),
        0,
        LifecycleState::Active,
    )];
    for i in 1..=USERS {
        let id = format!("ocid1.user.oc1..aaaaaaaau{i:04}");
        users.push(user(id, format!("user-{i:03}"), i, state(i)));
    }
    let mut groups = vec![group(ADMINS_GROUP.into(), "Administrators".into(), 0)];
    for i in 0..30 {
        groups.push(group(
            format!("ocid1.group.oc1..aaaaaaaag{i:02}"),
            format!("group-{i:02}"),
            i + 1,
        ));
    }
    let mut memberships = vec![membership(0, ADMIN, ADMINS_GROUP)];
    for i in 1..=60 {
        let user_id = format!("ocid1.user.oc1..aaaaaaaau{i:04}");
        memberships.push(membership(
            i,
            &user_id,
            &format!("ocid1.group.oc1..aaaaaaaag{:02}", i % 3),
        ));
    }
    let dynamic_groups: Vec<DynamicGroup> = (0..12)
        .map(|i| DynamicGroup {
            id: format!("ocid1.dynamicgroup.oc1..aaaaaaaad{i:02}"),
            compartment_id: TENANCY.into(),
            name: format!("dg-{i:02}"),
            description: "instances".into(),
            matching_rule: format!("ALL {{instance.compartment.id = '{PROD}'}} /* {i} */"),
            time_created: at(i),
            lifecycle_state: LifecycleState::Active,
            inactive_status: None,
            freeform_tags: BTreeMap::new(),
            defined_tags: BTreeMap::new(),
        })
        .collect();
    let mut policies: Vec<Policy> = (0..60).map(|i| policy(i, TENANCY)).collect();
    policies.push(policy(60, PROD));
    let tags = vec![
        tag(
            COST_CENTER,
            FINANCE_NS,
            "CostCenter",
            Some(TagValidator::Enum {
                values: vec!["CC-1".into(), "CC-2".into()],
            }),
        ),
        tag(
            "ocid1.tagdefinition.oc1..aaaaaaaaowner",
            FINANCE_NS,
            "Owner",
            Some(TagValidator::Default),
        ),
        tag(
            "ocid1.tagdefinition.oc1..aaaaaaaaenv",
            "ocid1.tagnamespace.oc1..aaaaaaaaops",
            "Env",
            None,
        ),
    ];
    let tag_defaults = vec![TagDefault {
        id: "ocid1.tagdefault.oc1..aaaaaaaadefault1".into(),
        compartment_id: PROD.into(),
        tag_namespace_id: FINANCE_NS.into(),
        tag_definition_id: COST_CENTER.into(),
        tag_definition_name: "CostCenter".into(),
        value: "CC-1".into(),
        time_created: at(3),
        lifecycle_state: LifecycleState::Active,
        is_required: false,
        locks: None,
    }];
    Snapshot {
        tenancy: Tenancy {
            id: TENANCY.into(),
            name: "testco".into(),
            home_region_key: Some("IAD".into()),
            ..Default::default()
        },
        compartments: compartments.into(),
        users: users.into(),
        groups: groups.into(),
        memberships: memberships.into(),
        dynamic_groups: dynamic_groups.into(),
        policies: policies.into(),
        tag_namespaces: vec![
            namespace(FINANCE_NS, TENANCY, "Finance"),
            namespace("ocid1.tagnamespace.oc1..aaaaaaaaops", PROD, "Ops"),
        ]
        .into(),
        tags,
        tag_defaults,
        sender_invitations: vec![
            invitation(1, InvitationStatus::Pending),
            invitation(2, InvitationStatus::Accepted),
            invitation(3, InvitationStatus::Canceled),
            invitation(4, InvitationStatus::Expired),
            invitation(5, InvitationStatus::Pending),
        ]
        .into(),
        compartment_resources: vec![
            resource(WEB_1, "Instance", "web-1"),
            resource(WEB_2, "Instance", "web-2"),
            resource(DATA_VOLUME, "Volume", "data"),
            resource(LOGS_BUCKET, "Bucket", "logs"),
        ],
        ..Snapshot::default()
    }
}
