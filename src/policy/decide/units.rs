//! What a question needs, in units a statement can grant: the permissions of an IAM resource
//! type (so `use users` is `USER_INSPECT`, `USER_READ`, `USER_UPDATE`, ...), or, for types canopy
//! has no permission table for, the verb on the resource as one unit.

use crate::policy::ast::Action;
use crate::policy::catalogue;

/// What the user asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Want {
    /// `--verb manage --resource users`
    Verb { verb: String, resource: String },
    /// `--permission USER_UPDATE`
    Permission(String),
    /// `--operation UpdateUser` (or `update_user`)
    Operation(String),
}

impl std::fmt::Display for Want {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Want::Verb { verb, resource } => write!(f, "{verb} {resource}"),
            Want::Permission(p) => write!(f, "use permission {p}"),
            Want::Operation(o) => write!(f, "call {o}"),
        }
    }
}

/// Why a question cannot be asked, with what to do.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WantError {
    #[error("unknown verb `{0}`: use inspect, read, use or manage")]
    Verb(String),
    #[error("unknown resource type `{name}`{}", did_you_mean(.hint.as_ref()))]
    Resource { name: String, hint: Option<String> },
    #[error("unknown permission `{name}`{}", did_you_mean(.hint.as_ref()))]
    Permission { name: String, hint: Option<String> },
    #[error("unknown API operation `{name}`{}; operations are named as in the OCI API, e.g. UpdateUser", did_you_mean(.hint.as_ref()))]
    Operation { name: String, hint: Option<String> },
}

fn did_you_mean(s: Option<&String>) -> String {
    s.map(|s| format!(" (did you mean `{s}`?)"))
        .unwrap_or_default()
}

/// The units a question needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Need {
    /// Every one of these permissions.
    Permissions(Vec<String>),
    /// The verb on the resource, where no permission table is known.
    VerbOn { verb: String, resource: String },
}

impl Need {
    pub fn units(&self) -> Vec<String> {
        match self {
            Need::Permissions(p) => p.clone(),
            Need::VerbOn { verb, resource } => vec![format!("{verb} {resource}")],
        }
    }
}

/// The need of a question, or why it cannot be asked.
pub fn need(want: &Want) -> Result<Need, WantError> {
    match want {
        Want::Verb { verb, resource } => {
            let verb = verb.to_ascii_lowercase();
            if catalogue::verb_rank(&verb).is_none() {
                return Err(WantError::Verb(verb));
            }
            if catalogue::resource(resource).is_none() {
                let hint = catalogue::closest_in(resource, catalogue::resource_names());
                return Err(WantError::Resource {
                    name: resource.clone(),
                    hint: hint.map(str::to_string),
                });
            }
            match catalogue::permissions(&verb, resource) {
                Some(p) if !p.is_empty() => Ok(Need::Permissions(
                    p.iter().map(|s| (*s).to_string()).collect(),
                )),
                _ => Ok(Need::VerbOn {
                    verb,
                    resource: resource.to_ascii_lowercase(),
                }),
            }
        }
        Want::Permission(p) => {
            let p = p.to_ascii_uppercase();
            if catalogue::permission_level(&p).is_some() || !catalogue::is_iam_permission_prefix(&p)
            {
                Ok(Need::Permissions(vec![p]))
            } else {
                let hint = catalogue::closest_in(&p, catalogue::iam_permissions());
                Err(WantError::Permission {
                    name: p,
                    hint: hint.map(str::to_string),
                })
            }
        }
        Want::Operation(op) => match catalogue::operation(op) {
            // No single permission decides these (moves and bulk actions): OCI wants the
            // power to manage everything they touch.
            Some(o) if o.permissions.is_empty() => Ok(Need::VerbOn {
                verb: "manage".into(),
                resource: catalogue::ALL_RESOURCES.into(),
            }),
            Some(o) => Ok(Need::Permissions(
                o.permissions.iter().map(|s| (*s).to_string()).collect(),
            )),
            None => {
                let hint = catalogue::closest_in(op, catalogue::operation_names());
                Err(WantError::Operation {
                    name: op.clone(),
                    hint: hint.map(str::to_string),
                })
            }
        },
    }
}

/// The units of `need` a statement's action grants (or denies).
pub fn covered(action: &Action, need: &Need) -> Vec<String> {
    match (need, action) {
        (Need::Permissions(perms), Action::Verb { verb, resource }) => perms
            .iter()
            .filter(|p| match catalogue::permission_level(p) {
                Some((kind, level)) => {
                    catalogue::resource_covers(&resource.text, kind)
                        && catalogue::verb_rank(&verb.text).is_some_and(|r| r >= level)
                }
                // A permission outside canopy's tables: only everything covers it for sure.
                None => resource.is(catalogue::ALL_RESOURCES) && verb.is("manage"),
            })
            .cloned()
            .collect(),
        (Need::Permissions(perms), Action::Permissions { permissions, .. }) => perms
            .iter()
            .filter(|p| permissions.iter().any(|g| g.is(p)))
            .cloned()
            .collect(),
        (
            Need::VerbOn { verb, resource },
            Action::Verb {
                verb: v,
                resource: r,
            },
        ) => {
            if catalogue::verb_covers(&v.text, verb)
                && catalogue::resource_covers(&r.text, resource)
            {
                need.units()
            } else {
                Vec::new()
            }
        }
        (Need::VerbOn { .. }, Action::Permissions { .. }) => Vec::new(),
    }
}

/// Which part of the action falls short, for a statement that covers nothing of `need`.
pub fn shortfall(action: &Action, need: &Need, want: &Want) -> (super::Part, String) {
    use super::Part;
    match action {
        Action::Verb { verb, resource } => {
            let (wanted_verb, wanted_resource) = match (want, need) {
                (Want::Verb { verb, resource }, _) | (_, Need::VerbOn { verb, resource }) => {
                    (verb.clone(), resource.clone())
                }
                (_, Need::Permissions(p)) => match p
                    .first()
                    .and_then(|p| catalogue::permission_level(p))
                {
                    Some((kind, level)) => (catalogue::VERBS[level].to_string(), kind.to_string()),
                    None => (String::new(), String::new()),
                },
            };
            let resource_ok = catalogue::resource_covers(&resource.text, &wanted_resource);
            if resource_ok {
                (
                    Part::Verb,
                    format!(
                        "grants `{}`, which does not include `{wanted_verb}`",
                        verb.text
                    ),
                )
            } else if catalogue::resource_covers(&wanted_resource, &resource.text) {
                (
                    Part::Resource,
                    format!(
                        "covers only `{}`, a part of `{wanted_resource}`",
                        resource.text
                    ),
                )
            } else {
                (
                    Part::Resource,
                    format!("is about `{}`, not `{wanted_resource}`", resource.text),
                )
            }
        }
        Action::Permissions { permissions, .. } => {
            let listed: Vec<&str> = permissions.iter().map(|p| p.text.as_str()).collect();
            (
                Part::Verb,
                format!(
                    "lists {{{}}}, none of {}",
                    listed.join(", "),
                    need.units().join(", ")
                ),
            )
        }
    }
}
