//! OCI resolves the names in a policy's statements when the policy is saved, and refuses one
//! that names a group, dynamic group, identity domain or compartment that does not exist
//! (400 `InvalidParameter`, naming the statement). Cross-tenancy statements (Define, Endorse,
//! Admit) name another tenancy's things and are not checked here.

use crate::emulator::error::ApiError;
use crate::emulator::store::Store;
use crate::model::LifecycleState;
use crate::policy::ast::{GrantKind, Location, Principal, PrincipalKind, Subject};

const DEFAULT_DOMAIN: &str = crate::policy::effective::DEFAULT_DOMAIN;

/// Checks every statement of a policy attached to `attached_to`.
pub fn check(store: &Store, attached_to: &str, statements: &[String]) -> Result<(), ApiError> {
    for (i, text) in statements.iter().enumerate() {
        let Ok(statement) = crate::policy::parse_syntax(text) else {
            continue; // refused earlier, with the parser's own message
        };
        let Some(grant) = statement.grant() else {
            continue;
        };
        if grant.kind != GrantKind::Allow {
            continue;
        }
        let refuse = |what: String| {
            ApiError::invalid(format!(
                "statement {} names {what}, which does not exist in this tenancy: {}",
                i + 1,
                text.trim()
            ))
        };
        if let Subject::Principals { items, .. } = &grant.subject {
            for item in items {
                principal(store, item.kind, &item.principal).map_err(&refuse)?;
            }
        }
        for location in &grant.locations {
            compartment(store, attached_to, location).map_err(&refuse)?;
        }
    }
    Ok(())
}

fn live(state: &LifecycleState) -> bool {
    *state != LifecycleState::Deleted
}

fn principal(store: &Store, kind: PrincipalKind, p: &Principal) -> Result<(), String> {
    let what = kind.keyword();
    match p {
        Principal::Name {
            domain: Some(domain),
            name,
        } if !domain.is(DEFAULT_DOMAIN) => {
            let Some(found) = store
                .domains
                .iter()
                .find(|d| live(&d.lifecycle_state) && domain.is(&d.display_name))
            else {
                return Err(format!("identity domain '{}'", domain.text));
            };
            // The group must be in that domain's own directory (served over SCIM).
            let directory = store.directory(&found.id).unwrap_or_default();
            let exists = match kind {
                PrincipalKind::Group => directory
                    .groups
                    .iter()
                    .any(|g| live(&g.lifecycle_state) && name.is(&g.name)),
                PrincipalKind::DynamicGroup => directory
                    .dynamic_groups
                    .iter()
                    .any(|g| live(&g.lifecycle_state) && name.is(&g.name)),
                PrincipalKind::Service => true,
            };
            if exists {
                Ok(())
            } else {
                Err(format!("{what} '{}'/'{}'", domain.text, name.text))
            }
        }
        Principal::Name { name, .. } => {
            let found = match kind {
                PrincipalKind::Group => store
                    .groups
                    .iter()
                    .any(|g| live(&g.lifecycle_state) && name.is(&g.name)),
                PrincipalKind::DynamicGroup => store
                    .dynamic_groups
                    .iter()
                    .any(|g| live(&g.lifecycle_state) && name.is(&g.name)),
                PrincipalKind::Service => true,
            };
            if found {
                Ok(())
            } else {
                Err(format!("{what} '{}'", name.text))
            }
        }
        Principal::Id { ocid } => {
            let found = match kind {
                PrincipalKind::Group => store
                    .groups
                    .get(&ocid.text)
                    .is_some_and(|g| live(&g.lifecycle_state)),
                PrincipalKind::DynamicGroup => store
                    .dynamic_groups
                    .get(&ocid.text)
                    .is_some_and(|g| live(&g.lifecycle_state)),
                PrincipalKind::Service => true,
            };
            if found {
                Ok(())
            } else {
                Err(format!("{what} {}", ocid.text))
            }
        }
    }
}

/// A location names a compartment at or below where the policy is attached.
fn compartment(store: &Store, attached_to: &str, location: &Location) -> Result<(), String> {
    match location {
        Location::Compartment {
            path,
            of_tenancy: None,
            ..
        } => {
            let mut at = attached_to.to_string();
            for name in path {
                let child = store.compartments.iter().find(|c| {
                    c.compartment_id == at && live(&c.lifecycle_state) && name.is(&c.name)
                });
                let Some(c) = child else {
                    let written: Vec<&str> = path.iter().map(|n| n.text.as_str()).collect();
                    return Err(format!("compartment '{}'", written.join(":")));
                };
                at.clone_from(&c.id);
            }
            Ok(())
        }
        Location::CompartmentId { ocid, .. } => {
            let found = ocid.text == store.tenancy_id()
                || store
                    .compartments
                    .get(&ocid.text)
                    .is_some_and(|c| live(&c.lifecycle_state));
            if found {
                Ok(())
            } else {
                Err(format!("compartment {}", ocid.text))
            }
        }
        _ => Ok(()),
    }
}
