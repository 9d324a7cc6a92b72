//! What the service would answer to the Identity, Tags and Invitations panes' requests, from
//! the snapshot (writes change it). API keys are not part of a snapshot, so they live in a
//! per-test (per-thread) store.

use std::cell::RefCell;
use std::collections::BTreeMap;

use canopy::app::{ApiKeySource, Payload, Request, RequestKind, Response, Secret};
use canopy::model::{
    ApiKey, DynamicGroup, Group, InvitationStatus, LifecycleState, SenderInvitation, Snapshot, Tag,
    TagDefault, TagNamespace, User, UserCapabilities, UserGroupMembership, WorkRequest,
    WorkRequestStatus,
};

use super::harness::fail;

/// The console password the harness hands out, so tests can look for it on screen.
pub const PASSWORD: &str = "Xq7!shown-once-pw";

thread_local! {
    static KEYS: RefCell<Vec<ApiKey>> = const { RefCell::new(Vec::new()) };
}

/// Puts an API key on a user, as if uploaded earlier.
pub fn seed_key(user_id: &str, fingerprint: &str) {
    KEYS.with(|k| {
        k.borrow_mut().push(ApiKey {
            key_id: format!("tenancy/{user_id}/{fingerprint}"),
            key_value: "-----BEGIN PUBLIC KEY-----".into(),
            fingerprint: fingerprint.into(),
            user_id: user_id.into(),
            time_created: "2026-01-02T03:04:05.000Z".into(),
            lifecycle_state: LifecycleState::Active,
            inactive_status: None,
        });
    });
}

fn new_id(kind: &str, n: usize) -> String {
    format!("ocid1.{kind}.oc1..new{n:04}")
}

const NOW: &str = "2026-11-21T10:00:00.000Z";

#[allow(clippy::too_many_lines)] // one arm per request kind
pub fn answer(s: &mut Snapshot, request: &Request) -> Vec<Response> {
    let ok = |payload| Response {
        id: request.id,
        pane: request.pane,
        done: true,
        result: Ok(payload),
    };
    let missing = || vec![fail(request, 404, "NotAuthorizedOrNotFound")];
    let tenancy = s.tenancy.id.clone();
    match &request.kind {
        RequestKind::ListUsers => vec![ok(Payload::Users(s.users.clone()))],
        RequestKind::ListGroups => vec![ok(Payload::Groups(s.groups.clone()))],
        RequestKind::ListDynamicGroups => {
            vec![ok(Payload::DynamicGroups(s.dynamic_groups.clone()))]
        }
        RequestKind::ListMemberships { group_ids } => {
            let list = s
                .memberships
                .iter()
                .filter(|m| group_ids.contains(&m.group_id))
                .cloned()
                .collect();
            vec![ok(Payload::Memberships(list))]
        }
        RequestKind::CreateUser(d) => {
            let user = User {
                id: new_id("user", s.users.len()),
                compartment_id: d.compartment_id.clone(),
                name: d.name.clone(),
                description: d.description.clone(),
                email: d.email.clone(),
                email_verified: None,
                db_user_name: None,
                identity_provider_id: None,
                external_identifier: None,
                time_created: NOW.into(),
                lifecycle_state: LifecycleState::Active,
                inactive_status: None,
                freeform_tags: BTreeMap::default(),
                defined_tags: BTreeMap::default(),
                capabilities: Some(UserCapabilities::default()),
                is_mfa_activated: false,
                last_successful_login_time: None,
                previous_successful_login_time: None,
            };
            s.users.push(user.clone());
            vec![ok(Payload::User(user))]
        }
        RequestKind::UpdateUser { id, details } => {
            let Some(u) = s.users.iter_mut().find(|u| u.id == *id) else {
                return missing();
            };
            if let Some(d) = &details.description {
                u.description.clone_from(d);
            }
            if let Some(e) = &details.email {
                u.email = Some(e.clone());
            }
            vec![ok(Payload::User(u.clone()))]
        }
        RequestKind::UpdateUserState { id, blocked } => {
            let Some(u) = s.users.iter_mut().find(|u| u.id == *id) else {
                return missing();
            };
            u.inactive_status = blocked.then_some(4);
            vec![ok(Payload::User(u.clone()))]
        }
        RequestKind::UpdateUserCapabilities { id, details } => {
            let Some(u) = s.users.iter_mut().find(|u| u.id == *id) else {
                return missing();
            };
            let mut caps = u.capabilities.clone().unwrap_or_default();
            if let Some(v) = details.can_use_console_password {
                caps.can_use_console_password = v;
            }
            if let Some(v) = details.can_use_api_keys {
                caps.can_use_api_keys = v;
            }
            if let Some(v) = details.can_use_db_credentials {
                caps.can_use_db_credentials = v;
            }
            u.capabilities = Some(caps);
            vec![ok(Payload::User(u.clone()))]
        }
        RequestKind::DeleteUser { id } => {
            s.users.retain(|u| u.id != *id);
            s.memberships.retain(|m| m.user_id != *id);
            vec![ok(Payload::Done)]
        }
        RequestKind::ResetUiPassword { user_id } => vec![ok(Payload::UiPassword {
            user_id: user_id.clone(),
            password: Secret::new(PASSWORD),
        })],
        RequestKind::ListApiKeys { user_id } => {
            let keys = KEYS.with(|k| {
                k.borrow()
                    .iter()
                    .filter(|k| k.user_id == *user_id)
                    .cloned()
                    .collect()
            });
            vec![ok(Payload::ApiKeys(keys))]
        }
        RequestKind::UploadApiKey { user_id, key } => {
            let pem = match key {
                ApiKeySource::Pem(pem) => pem.clone(),
                ApiKeySource::File(path) => match std::fs::read_to_string(path) {
                    Ok(text) => text,
                    Err(_) => return vec![fail(request, 400, "InvalidParameter")],
                },
            };
            let fingerprint = format!(
                "aa:bb:cc:dd:ee:ff:00:11:22:33:44:55:66:77:88:{:02x}",
                pem.len() % 256
            );
            seed_key(user_id, &fingerprint);
            let key = KEYS
                .with(|k| k.borrow().last().cloned())
                .expect("just added");
            vec![ok(Payload::ApiKey(key))]
        }
        RequestKind::DeleteApiKey {
            user_id,
            fingerprint,
        } => {
            KEYS.with(|k| {
                k.borrow_mut()
                    .retain(|k| !(k.user_id == *user_id && k.fingerprint == *fingerprint));
            });
            vec![ok(Payload::Done)]
        }
        RequestKind::CreateGroup(d) => {
            let group = Group {
                id: new_id("group", s.groups.len()),
                compartment_id: d.compartment_id.clone(),
                name: d.name.clone(),
                description: d.description.clone(),
                time_created: NOW.into(),
                lifecycle_state: LifecycleState::Active,
                inactive_status: None,
                freeform_tags: BTreeMap::default(),
                defined_tags: BTreeMap::default(),
            };
            s.groups.push(group.clone());
            vec![ok(Payload::Group(group))]
        }
        RequestKind::UpdateGroup { id, details } => {
            let Some(g) = s.groups.iter_mut().find(|g| g.id == *id) else {
                return missing();
            };
            if let Some(d) = &details.description {
                g.description.clone_from(d);
            }
            vec![ok(Payload::Group(g.clone()))]
        }
        RequestKind::DeleteGroup { id } => {
            if s.memberships.iter().any(|m| m.group_id == *id) {
                return vec![fail(request, 409, "Conflict")];
            }
            s.groups.retain(|g| g.id != *id);
            vec![ok(Payload::Done)]
        }
        RequestKind::AddUserToGroup(d) => {
            let m = UserGroupMembership {
                id: new_id("groupmembership", s.memberships.len()),
                compartment_id: tenancy,
                group_id: d.group_id.clone(),
                user_id: d.user_id.clone(),
                time_created: NOW.into(),
                lifecycle_state: LifecycleState::Active,
                inactive_status: None,
            };
            s.memberships.push(m.clone());
            vec![ok(Payload::Membership(m))]
        }
        RequestKind::RemoveUserFromGroup { membership_id } => {
            s.memberships.retain(|m| m.id != *membership_id);
            vec![ok(Payload::Done)]
        }
        RequestKind::CreateDynamicGroup(d) => {
            let dg = DynamicGroup {
                id: new_id("dynamicgroup", s.dynamic_groups.len()),
                compartment_id: d.compartment_id.clone(),
                name: d.name.clone(),
                description: d.description.clone(),
                matching_rule: d.matching_rule.clone(),
                time_created: NOW.into(),
                lifecycle_state: LifecycleState::Active,
                inactive_status: None,
                freeform_tags: BTreeMap::default(),
                defined_tags: BTreeMap::default(),
            };
            s.dynamic_groups.push(dg.clone());
            vec![ok(Payload::DynamicGroup(dg))]
        }
        RequestKind::UpdateDynamicGroup { id, details } => {
            let Some(d) = s.dynamic_groups.iter_mut().find(|d| d.id == *id) else {
                return missing();
            };
            if let Some(r) = &details.matching_rule {
                d.matching_rule.clone_from(r);
            }
            if let Some(x) = &details.description {
                d.description.clone_from(x);
            }
            vec![ok(Payload::DynamicGroup(d.clone()))]
        }
        RequestKind::DeleteDynamicGroup { id } => {
            s.dynamic_groups.retain(|d| d.id != *id);
            vec![ok(Payload::Done)]
        }
        other => tags_and_invitations(s, request, other),
    }
}

#[allow(clippy::too_many_lines)] // one arm per request kind
fn tags_and_invitations(s: &mut Snapshot, request: &Request, kind: &RequestKind) -> Vec<Response> {
    let ok = |payload| Response {
        id: request.id,
        pane: request.pane,
        done: true,
        result: Ok(payload),
    };
    let missing = || vec![fail(request, 404, "NotAuthorizedOrNotFound")];
    match kind {
        RequestKind::ListTagNamespaces => {
            vec![ok(Payload::TagNamespaces(s.tag_namespaces.clone()))]
        }
        RequestKind::CreateTagNamespace(d) => {
            let ns = TagNamespace {
                id: new_id("tagnamespace", s.tag_namespaces.len()),
                compartment_id: d.compartment_id.clone(),
                name: d.name.clone(),
                description: d.description.clone(),
                freeform_tags: BTreeMap::default(),
                defined_tags: BTreeMap::default(),
                is_retired: false,
                lifecycle_state: LifecycleState::Active,
                time_created: NOW.into(),
                locks: None,
            };
            s.tag_namespaces.push(ns.clone());
            vec![ok(Payload::TagNamespace(ns))]
        }
        RequestKind::UpdateTagNamespace { id, details } => {
            let Some(ns) = s.tag_namespaces.iter_mut().find(|n| n.id == *id) else {
                return missing();
            };
            if let Some(r) = details.is_retired {
                ns.is_retired = r;
            }
            if let Some(d) = &details.description {
                ns.description.clone_from(d);
            }
            vec![ok(Payload::TagNamespace(ns.clone()))]
        }
        RequestKind::CascadeDeleteTagNamespace { id } => {
            let work = |status, percent| WorkRequest {
                id: "ocid1.taggingworkrequest.oc1..w1".into(),
                operation_type: "DELETE_TAG_NAMESPACE".into(),
                compartment_id: None,
                status,
                resources: Vec::new(),
                errors: Vec::new(),
                logs: None,
                time_accepted: None,
                time_started: None,
                time_finished: None,
                percent_complete: Some(percent),
            };
            s.tag_namespaces.retain(|n| n.id != *id);
            s.tags
                .retain(|t| t.tag_namespace_id.as_deref() != Some(id.as_str()));
            vec![
                Response {
                    done: false,
                    ..ok(Payload::WorkRequest(work(
                        WorkRequestStatus::InProgress,
                        40.0,
                    )))
                },
                ok(Payload::WorkRequest(work(
                    WorkRequestStatus::Succeeded,
                    100.0,
                ))),
            ]
        }
        RequestKind::ListTags { namespace_id } => {
            // Summaries: no validator, no namespace id, as the service lists them.
            let tags = s
                .tags
                .iter()
                .filter(|t| t.tag_namespace_id.as_deref() == Some(namespace_id.as_str()))
                .cloned()
                .map(|t| Tag {
                    validator: None,
                    tag_namespace_id: None,
                    ..t
                })
                .collect();
            vec![ok(Payload::Tags(tags))]
        }
        RequestKind::GetTag { namespace_id, name } => {
            match s.tags.iter().find(|t| {
                t.tag_namespace_id.as_deref() == Some(namespace_id.as_str()) && t.name == *name
            }) {
                Some(t) => vec![ok(Payload::Tag(t.clone()))],
                None => missing(),
            }
        }
        RequestKind::CreateTag {
            namespace_id,
            details,
        } => {
            let tag = Tag {
                compartment_id: s.tenancy.id.clone(),
                tag_namespace_id: Some(namespace_id.clone()),
                tag_namespace_name: None,
                id: new_id("tagdefinition", s.tags.len()),
                name: details.name.clone(),
                description: details.description.clone(),
                freeform_tags: BTreeMap::default(),
                defined_tags: BTreeMap::default(),
                is_retired: false,
                lifecycle_state: LifecycleState::Active,
                time_created: NOW.into(),
                is_cost_tracking: details.is_cost_tracking.unwrap_or(false),
                validator: details.validator.clone(),
            };
            s.tags.push(tag.clone());
            vec![ok(Payload::Tag(tag))]
        }
        RequestKind::UpdateTag {
            namespace_id,
            name,
            details,
        } => {
            let Some(t) = s.tags.iter_mut().find(|t| {
                t.tag_namespace_id.as_deref() == Some(namespace_id.as_str()) && t.name == *name
            }) else {
                return missing();
            };
            if let Some(d) = &details.description {
                t.description.clone_from(d);
            }
            if let Some(r) = details.is_retired {
                t.is_retired = r;
            }
            if let Some(c) = details.is_cost_tracking {
                t.is_cost_tracking = c;
            }
            if let Some(v) = &details.validator {
                t.validator = Some(v.clone());
            }
            vec![ok(Payload::Tag(t.clone()))]
        }
        RequestKind::DeleteTag { namespace_id, name } => {
            s.tags.retain(|t| {
                !(t.tag_namespace_id.as_deref() == Some(namespace_id.as_str()) && t.name == *name)
            });
            vec![ok(Payload::Done)]
        }
        RequestKind::ListTagDefaults { compartment_id } => {
            let list = s
                .tag_defaults
                .iter()
                .filter(|d| d.compartment_id == *compartment_id)
                .cloned()
                .collect();
            vec![ok(Payload::TagDefaults(list))]
        }
        RequestKind::CreateTagDefault(d) => {
            let Some(tag) = s.tags.iter().find(|t| t.id == d.tag_definition_id) else {
                return missing();
            };
            let default = TagDefault {
                id: new_id("tagdefault", s.tag_defaults.len()),
                compartment_id: d.compartment_id.clone(),
                tag_namespace_id: tag.tag_namespace_id.clone().unwrap_or_default(),
                tag_definition_id: tag.id.clone(),
                tag_definition_name: tag.name.clone(),
                value: d.value.clone(),
                time_created: NOW.into(),
                lifecycle_state: LifecycleState::Active,
                is_required: d.is_required.unwrap_or(false),
                locks: None,
            };
            s.tag_defaults.push(default.clone());
            vec![ok(Payload::TagDefault(default))]
        }
        RequestKind::UpdateTagDefault { id, details } => {
            let Some(d) = s.tag_defaults.iter_mut().find(|d| d.id == *id) else {
                return missing();
            };
            d.value.clone_from(&details.value);
            if let Some(r) = details.is_required {
                d.is_required = r;
            }
            vec![ok(Payload::TagDefault(d.clone()))]
        }
        RequestKind::DeleteTagDefault { id } => {
            s.tag_defaults.retain(|d| d.id != *id);
            vec![ok(Payload::Done)]
        }
        RequestKind::ListSenderInvitations => {
            vec![ok(Payload::SenderInvitations(s.sender_invitations.clone()))]
        }
        RequestKind::CreateSenderInvitation(d) => {
            let inv = SenderInvitation {
                id: new_id("senderinvitation", s.sender_invitations.len()),
                compartment_id: d.compartment_id.clone(),
                subjects: vec!["LINK".into()],
                recipient_invitation_id: None,
                recipient_tenancy_id: d.recipient_tenancy_id.clone(),
                lifecycle_state: LifecycleState::Active,
                status: InvitationStatus::Pending,
                display_name: d.display_name.clone().unwrap_or_default(),
                time_created: NOW.into(),
                time_updated: None,
                recipient_email_address: d.recipient_email_address.clone(),
                invitation_features: None,
                freeform_tags: BTreeMap::default(),
                defined_tags: BTreeMap::default(),
                system_tags: None,
            };
            s.sender_invitations.push(inv.clone());
            vec![ok(Payload::SenderInvitation(inv))]
        }
        RequestKind::UpdateSenderInvitation { id, details } => {
            let Some(i) = s.sender_invitations.iter_mut().find(|i| i.id == *id) else {
                return missing();
            };
            if let Some(n) = &details.display_name {
                i.display_name.clone_from(n);
            }
            vec![ok(Payload::SenderInvitation(i.clone()))]
        }
        RequestKind::CancelSenderInvitation { id } => {
            let Some(i) = s.sender_invitations.iter_mut().find(|i| i.id == *id) else {
                return missing();
            };
            i.status = InvitationStatus::Canceled;
            vec![ok(Payload::Done)]
        }
        other => panic!("the harness does not answer {other:?}"),
    }
}
