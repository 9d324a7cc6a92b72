//! Policy enforcement (`--enforce-policies`, on for `canopy --demo --as USER`): every request
//! of a user outside Administrators is authorized by the same engine as `canopy audit`, with
//! the IAM permissions the operation needs (`policy::catalogue::iam_tables`), in the
//! compartment it targets. A refusal is OCI's 404 `NotAuthorizedOrNotFound`; a list keeps only
//! the items in compartments where the caller may list them.
//!
//! Operations are named from the route (`GET /policies` is `ListPolicies`, `PUT /users/{id}` is
//! `UpdateUser` ...). Reads canopy cannot name are let through (the tenancy, regions, work
//! requests), writes it cannot name need `manage all-resources` in the tenancy.

use std::collections::HashMap;

use axum::http::{Method, Uri};
use serde_json::Value;

use crate::model::{LifecycleState, Snapshot};
use crate::policy::EffectiveIndex;
use crate::policy::catalogue;
use crate::policy::decide::{Question, RequestValues, Want};
use crate::policy::effective::PrincipalRef;

/// Route segments and the nouns OCI names their operations with.
const NOUNS: [(&str, &str, &str); 6] = [
    ("policies", "Policy", "Policies"),
    ("compartments", "Compartment", "Compartments"),
    ("users", "User", "Users"),
    ("groups", "Group", "Groups"),
    ("dynamicGroups", "DynamicGroup", "DynamicGroups"),
    ("tagNamespaces", "TagNamespace", "TagNamespaces"),
];

/// What a request is, for the engine.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Operation {
    /// OCI's name, e.g. `ListPolicies`.
    pub name: String,
    /// The compartment it targets.
    pub compartment: String,
    /// True for a list: its items are filtered by their own compartment.
    pub list: bool,
}

/// The verdict on one request.
pub enum Verdict {
    Allowed,
    /// Allowed; filter the listed items by compartment with this operation.
    FilterList(String),
    Denied(String),
}

/// Decides a request of `user_id`; the snapshot is the store's current state.
pub fn authorize(
    snapshot: &Snapshot,
    user_id: &str,
    method: &Method,
    uri: &Uri,
    body: &[u8],
) -> Verdict {
    if is_administrator(snapshot, user_id) {
        return Verdict::Allowed;
    }
    let root = snapshot.tenancy.id.clone();
    let want = match operation(snapshot, method, uri, body) {
        Some(op) => op,
        None if method == Method::GET => return Verdict::Allowed,
        None => Operation {
            name: String::new(),
            compartment: root,
            list: false,
        },
    };
    // Compartments are listed as OCI lists accessible ones: never refused as a whole.
    if want.name == "ListCompartments" {
        return Verdict::FilterList(want.name);
    }
    let index = EffectiveIndex::build(snapshot);
    if allowed(&index, user_id, &want) {
        if want.list {
            Verdict::FilterList(want.name)
        } else {
            Verdict::Allowed
        }
    } else {
        Verdict::Denied(if want.name.is_empty() {
            format!("{method} {}", uri.path())
        } else {
            want.name
        })
    }
}

/// Keeps the items of a listed JSON array whose compartment the caller may list in.
pub fn filter_list(
    snapshot: &Snapshot,
    user_id: &str,
    operation: &str,
    body: &[u8],
) -> Option<Vec<u8>> {
    let Ok(Value::Array(items)) = serde_json::from_slice::<Value>(body) else {
        return None;
    };
    let index = EffectiveIndex::build(snapshot);
    let mut verdicts: HashMap<String, bool> = HashMap::new();
    let reachable =
        (operation == "ListCompartments").then(|| reachable_compartments(&index, user_id));
    let kept: Vec<Value> = items
        .into_iter()
        .filter(|item| {
            if let (Some(reachable), Some(id)) =
                (&reachable, item.get("id").and_then(Value::as_str))
            {
                return reachable.contains(id);
            }
            let Some(compartment) = item.get("compartmentId").and_then(Value::as_str) else {
                return true;
            };
            *verdicts.entry(compartment.to_string()).or_insert_with(|| {
                let op = Operation {
                    name: operation.to_string(),
                    compartment: compartment.to_string(),
                    list: true,
                };
                allowed(&index, user_id, &op)
            })
        })
        .collect();
    serde_json::to_vec(&Value::Array(kept)).ok()
}

/// The compartments a user sees in a compartment listing: those whose parent they may list
/// compartments in, and the ancestors of those (the path down to what they can reach).
fn reachable_compartments(
    index: &EffectiveIndex,
    user_id: &str,
) -> std::collections::HashSet<String> {
    let tree = index.tree();
    let mut out = std::collections::HashSet::new();
    for id in tree.ids() {
        let op = Operation {
            name: "ListCompartments".into(),
            compartment: id.to_string(),
            list: true,
        };
        if !allowed(index, user_id, &op) {
            continue;
        }
        for child in tree.children(id) {
            out.insert(child.clone());
        }
        out.extend(tree.self_and_ancestors(id).into_iter().map(str::to_string));
    }
    out
}

fn allowed(index: &EffectiveIndex, user_id: &str, op: &Operation) -> bool {
    let want = if op.name.is_empty() || catalogue::operation(&op.name).is_none() {
        Want::Verb {
            verb: "manage".into(),
            resource: catalogue::ALL_RESOURCES.into(),
        }
    } else {
        Want::Operation(op.name.clone())
    };
    index
        .decide(&Question {
            principal: PrincipalRef::User(user_id.to_string()),
            compartment: op.compartment.clone(),
            want,
            values: RequestValues::default(),
        })
        .is_ok_and(|d| d.allowed)
}

/// Members of the Default domain's Administrators pass without a policy, as in OCI.
fn is_administrator(s: &Snapshot, user_id: &str) -> bool {
    let Some(admins) = s.groups.iter().find(|g| {
        g.name == crate::emulator::seed::ADMINISTRATORS_GROUP
            && g.lifecycle_state != LifecycleState::Deleted
    }) else {
        return false;
    };
    s.memberships.iter().any(|m| {
        m.user_id == user_id
            && m.group_id == admins.id
            && m.lifecycle_state != LifecycleState::Deleted
    })
}

/// Names the operation of a request and finds the compartment it targets.
pub fn operation(s: &Snapshot, method: &Method, uri: &Uri, body: &[u8]) -> Option<Operation> {
    let path = uri
        .path()
        .trim_start_matches("/20160918")
        .trim_start_matches('/');
    let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    let query = |name: &str| {
        uri.query().and_then(|q| {
            url::form_urlencoded::parse(q.as_bytes())
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.into_owned())
        })
    };
    let body_compartment = || {
        serde_json::from_slice::<Value>(body).ok().and_then(|v| {
            v.get("compartmentId")
                .and_then(Value::as_str)
                .map(str::to_string)
        })
    };
    let root = s.tenancy.id.clone();
    let (first, id, rest) = match segments.as_slice() {
        [first] => (*first, None, None),
        [first, id] => (*first, Some(*id), None),
        [first, id, rest] => (*first, Some(*id), Some(*rest)),
        _ => return None,
    };
    if first == "userGroupMemberships" {
        let name = match (method.as_str(), id) {
            ("GET", None) => "ListUserGroupMemberships",
            ("GET", Some(_)) => "GetUserGroupMembership",
            ("POST", None) => "AddUserToGroup",
            ("DELETE", Some(_)) => "RemoveUserFromGroup",
            _ => return None,
        };
        return Some(Operation {
            name: name.into(),
            compartment: root,
            list: id.is_none() && method == Method::GET,
        });
    }
    if let (Some(rest), "users") = (rest, first) {
        let name = match (method.as_str(), rest) {
            ("GET", "apiKeys") => "ListApiKeys",
            ("POST", "apiKeys") => "UploadApiKey",
            ("GET", "authTokens") => "ListAuthTokens",
            ("POST", "authTokens") => "CreateAuthToken",
            ("POST", "uiPassword") => "CreateOrResetUIPassword",
            _ => return None,
        };
        return Some(Operation {
            name: name.into(),
            compartment: root,
            list: false,
        });
    }
    if rest.is_some() {
        return None;
    }
    let (_, one, many) = NOUNS.iter().find(|(segment, _, _)| *segment == first)?;
    let (name, list) = match (method.as_str(), id) {
        ("GET", None) => (format!("List{many}"), true),
        ("GET", Some(_)) => (format!("Get{one}"), false),
        ("POST", None) => (format!("Create{one}"), false),
        ("PUT", Some(_)) => (format!("Update{one}"), false),
        ("DELETE", Some(_)) => (format!("Delete{one}"), false),
        _ => return None,
    };
    // Where it happens: the compartment named by the request, else where the resource lives.
    let compartment = query("compartmentId")
        .or_else(|| (method == Method::POST).then(body_compartment).flatten())
        .or_else(|| id.and_then(|id| home_of(s, first, id)))
        .unwrap_or(root);
    Some(Operation {
        name,
        compartment,
        list,
    })
}

/// The compartment a resource lives in (a compartment's own operations happen in its parent).
fn home_of(s: &Snapshot, kind: &str, id: &str) -> Option<String> {
    match kind {
        "policies" => s
            .policies
            .iter()
            .find(|p| p.id == id)
            .map(|p| p.compartment_id.clone()),
        "compartments" => s
            .compartments
            .iter()
            .find(|c| c.id == id)
            .map(|c| c.compartment_id.clone()),
        "tagNamespaces" => s
            .tag_namespaces
            .iter()
            .find(|t| t.id == id)
            .map(|t| t.compartment_id.clone()),
        _ => None,
    }
}
