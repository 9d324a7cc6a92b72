//! What is known of a request before the user says anything: who makes it (user, groups),
//! where (the target compartment), what (the permission, the operation), and which target
//! variables an operation does not carry (they make a condition false, not unknown).

use super::Question;
use super::condition::RequestValues;
use super::units::{Need, Want};
use crate::policy::effective::{EffectiveIndex, Entry, PrincipalRef};

/// The Default domain's administrators group, exempt from deny.
const ADMINISTRATORS: &str = "Administrators";

/// The request values a question implies, then the user's own (which win).
pub fn values(index: &EffectiveIndex, q: &Question) -> RequestValues {
    let mut v = RequestValues::default();
    match &q.principal {
        PrincipalRef::User(id) => {
            v.add("request.user.id", id);
            v.add("request.principal.id", id);
            v.add("request.principal.type", "user");
            if let Some(name) = index.users.get(id.as_str()) {
                v.add("request.user.name", name);
            }
            let groups = index.groups_of(id);
            v.set("request.groups.id", groups);
        }
        PrincipalRef::Group(id) => v.add("request.groups.id", id),
        PrincipalRef::DynamicGroup(_) => {}
    }
    v.add("target.compartment.id", &q.compartment);
    let name = if q.compartment == index.tree.root() {
        index.tree.display(&q.compartment)
    } else {
        index
            .tree
            .display(&q.compartment)
            .rsplit(':')
            .next()
            .unwrap_or_default()
            .to_string()
    };
    v.add("target.compartment.name", &name);
    if let Want::Operation(op) = &q.want
        && let Some(o) = crate::policy::catalogue::operation(op)
    {
        v.add("request.operation", o.api);
        for variable in not_carried(o.api) {
            v.not_applicable(variable);
        }
    }
    for (variable, values) in q.values.iter() {
        v.set(variable, values.clone());
    }
    v
}

/// `base` with `request.permission` set to the unit, when the unit is a permission (OCI
/// checks each permission of an operation on its own).
pub fn for_unit(base: &RequestValues, unit: &str, need: &Need) -> RequestValues {
    let mut v = base.clone();
    if matches!(need, Need::Permissions(_)) && v.get("request.permission").is_none() {
        v.add("request.permission", unit);
    }
    v
}

/// Target variables an operation does not carry (policy reference 5.4).
fn not_carried(api: &str) -> &'static [&'static str] {
    match api {
        "ListUsers" => &["target.user.id", "target.user.name"],
        "CreateUser" => &["target.user.id"],
        "ListGroups" => &[
            "target.group.id",
            "target.group.name",
            "target.group.member",
        ],
        "CreateGroup" => &["target.group.id"],
        "ListDynamicGroups" | "CreateDynamicGroup" => {
            &["target.dynamic-group.id", "target.dynamic-group.name"]
        }
        "ListPolicies" => &[
            "target.policy.id",
            "target.policy.name",
            "target.policy.autoupdate",
            "target.policy.type",
        ],
        "CreatePolicy" => &["target.policy.id"],
        "GetPolicy" => &["target.policy.type"],
        _ => &[],
    }
}

/// Why the principal is exempt from deny, if it is: the Default domain's Administrators.
pub fn exempt_from_deny(index: &EffectiveIndex, p: &PrincipalRef) -> Option<String> {
    let is_admins = |group: &str| {
        index
            .groups
            .get(group)
            .is_some_and(|n| n.eq_ignore_ascii_case(ADMINISTRATORS))
    };
    match p {
        PrincipalRef::User(id) => index
            .member_of
            .get(id.as_str())
            .is_some_and(|gs| gs.iter().any(|g| is_admins(g)))
            .then(|| {
                "exempt from deny: a member of the Default domain's Administrators group".into()
            }),
        PrincipalRef::Group(id) if is_admins(id) => {
            Some("exempt from deny: the Default domain's Administrators group".into())
        }
        _ => None,
    }
}

/// A deny whose condition names `target.dynamicgroup.*`: OCI does not enforce it (known
/// issue of deny policies), so it blocks nothing.
pub fn unenforced_deny(entry: &Entry) -> bool {
    entry
        .grant()
        .and_then(|g| g.condition.as_ref())
        .is_some_and(|c| {
            let text = c.to_string().to_ascii_lowercase();
            text.contains("target.dynamicgroup.") || text.contains("target.dynamic-group.")
        })
}

/// What the permission tables cannot say about an operation.
pub fn operation_notes(want: &Want) -> Vec<String> {
    let Want::Operation(op) = want else {
        return Vec::new();
    };
    let Some(o) = crate::policy::catalogue::operation(op) else {
        return Vec::new();
    };
    let mut notes = Vec::new();
    if o.permissions.is_empty() {
        notes.push(format!(
            "{} needs the power to manage everything it touches (for a move, manage all-resources in the lowest compartment above both places); asked here as manage all-resources",
            o.api
        ));
    }
    if matches!(
        o.api,
        "CreateOrResetUIPassword" | "UploadApiKey" | "DeleteApiKey"
    ) {
        notes.push(format!(
            "every user may {} for themselves without any policy",
            match o.api {
                "CreateOrResetUIPassword" => "reset their own console password",
                "UploadApiKey" => "upload their own API keys",
                _ => "delete their own API keys",
            }
        ));
    }
    notes
}
