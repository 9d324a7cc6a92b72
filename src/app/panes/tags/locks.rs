//! Locks on tag namespaces and tag defaults: add (FULL or DELETE, with why) and remove; and
//! what happens when the service refuses a change because of one: the message, and the
//! override (`isLockOverride`) offered only as an explicit second choice.

use crate::model::{AddLockDetails, LockType, ResourceLock};

use super::{LockRefusal, ME, TagsChange, TagsDialog, TagsPane, Write, dialog};
use crate::app::action::Action;
use crate::app::ctx::Ctx;
use crate::app::request::{Failure, TagRequest};
use crate::app::widgets::form::{Field, FormValues};
use crate::app::widgets::modal::{Modal, Tone, ToneLine};

/// The lock types in the order forms offer them.
const TYPES: [&str; 2] = ["FULL", "DELETE"];

fn lock_type(text: &str) -> LockType {
    if text == "DELETE" {
        LockType::Delete
    } else {
        LockType::Full
    }
}

/// The service refused because of a lock (OCI's 409 that names it).
pub fn is_lock_refusal(f: &Failure) -> bool {
    f.status == Some(409) && f.message.to_lowercase().contains("lock")
}

/// The lock fields of a create form (namespace, tag default): none, FULL or DELETE.
pub fn lock_fields() -> [Field; 2] {
    [
        Field::choice("lock", "Lock", &["none", "FULL", "DELETE"], "none")
            .help("FULL: no change, move or delete; DELETE: no delete"),
        Field::text("lock_message", "Lock message")
            .max_chars(255)
            .help("why it is locked (shown to whoever is refused)"),
    ]
}

/// The locks a create form asks for.
pub fn locks_of(v: &FormValues) -> Option<Vec<AddLockDetails>> {
    (v.get("lock") != "none").then(|| {
        vec![AddLockDetails {
            lock_type: lock_type(v.get("lock")),
            related_resource_id: None,
            message: v.optional("lock_message"),
        }]
    })
}

impl TagsPane {
    /// `L` / `U` on a namespace or a tag default.
    pub(super) fn lock_dialog(
        action: &Action,
        id: &str,
        name: &str,
        default: bool,
        locks: Option<&Vec<ResourceLock>>,
    ) -> Option<Modal> {
        let what = if default { "tag default" } else { "tag namespace" };
        if *action == Action::Lock {
            return Some(Modal::form(
                dialog(TagsDialog::AddLock {
                    id: id.to_string(),
                    default,
                }),
                &format!("Lock {what} {name}"),
                vec![
                    Field::choice("type", "Type", &TYPES, TYPES[0])
                        .help("FULL: no change, move or delete; DELETE: no delete"),
                    Field::text("message", "Message")
                        .max_chars(255)
                        .help("why it is locked (shown to whoever is refused)"),
                ],
            ));
        }
        let held: Vec<String> = TYPES
            .iter()
            .filter(|t| {
                locks.is_some_and(|l| l.iter().any(|x| x.lock_type.to_string() == **t))
            })
            .map(|t| format!("Remove the {t} lock"))
            .collect();
        if held.is_empty() {
            return None;
        }
        let mut options: Vec<&str> = held.iter().map(String::as_str).collect();
        options.push("Cancel");
        Some(Modal::choice(
            dialog(TagsDialog::RemoveLock {
                id: id.to_string(),
                default,
            }),
            &format!("Unlock {what} {name}"),
            vec![ToneLine::new(
                Tone::Heading,
                format!("Which lock of {name} to remove?"),
            )],
            &options,
        ))
    }

    pub(super) fn add_lock(&mut self, id: String, default: bool, v: &FormValues, ctx: &mut Ctx) {
        let details = AddLockDetails {
            lock_type: lock_type(v.get("type")),
            related_resource_id: None,
            message: v.optional("message"),
        };
        let done = format!("locked ({})", v.get("type"));
        let kind = TagRequest::AddLock {
            id,
            default,
            details,
        };
        self.send(kind, done, TagsChange::Upsert, ctx);
    }

    pub(super) fn remove_lock(&mut self, id: String, default: bool, choice: usize, ctx: &mut Ctx) {
        let locks = if default {
            self.defaults.find(&id).and_then(|d| d.locks.clone())
        } else {
            self.namespaces.find(&id).and_then(|n| n.locks.clone())
        };
        let held: Vec<&str> = TYPES
            .iter()
            .copied()
            .filter(|t| {
                locks
                    .as_ref()
                    .is_some_and(|l| l.iter().any(|x| x.lock_type.to_string() == *t))
            })
            .collect();
        let Some(t) = held.get(choice) else {
            return;
        };
        let kind = TagRequest::RemoveLock {
            id,
            default,
            lock_type: lock_type(t),
        };
        self.send(kind, format!("removed the {t} lock"), TagsChange::Upsert, ctx);
    }

    /// A write the service refused because of a lock: say so, and offer (second) to send it
    /// again through the lock. The form that sent it is kept to go back to.
    pub(super) fn refused_by_lock(&mut self, write: Write, failure: &Failure, ctx: &mut Ctx) {
        let form = ctx
            .modal
            .take_if(|m| m.form_state().is_some());
        ctx.open(Modal::choice(
            dialog(TagsDialog::OverrideLock),
            "Locked",
            vec![
                ToneLine::new(Tone::Error, failure.message.clone()),
                ToneLine::new(
                    Tone::Dim,
                    format!(
                        "{} {}{}",
                        failure.status.map_or_else(String::new, |s| s.to_string()),
                        failure.code,
                        failure
                            .opc_request_id
                            .as_deref()
                            .map(|id| format!(" (opc-request-id {id})"))
                            .unwrap_or_default()
                    ),
                ),
                ToneLine::plain(""),
                ToneLine::plain("Nothing was changed. Overriding goes through the lock once"),
                ToneLine::plain("(it needs the permission to manage the lock); the lock stays."),
            ],
            &[
                if form.is_some() {
                    "Back to the form (nothing is sent)"
                } else {
                    "Leave it (nothing is sent)"
                },
                "Override the lock and send again",
            ],
        ));
        self.refused = Some(LockRefusal { write, form });
    }

    /// The choice after a lock refusal.
    pub(super) fn override_chosen(&mut self, choice: usize, ctx: &mut Ctx) {
        let Some(LockRefusal { write, form }) = self.refused.take() else {
            return;
        };
        if choice != 1 {
            if let Some(form) = form {
                ctx.open(form);
            }
            return;
        }
        // The form goes back on screen, waiting for the overriding write's answer.
        ctx.closed_form = form;
        let kind = TagRequest::Overriding(Box::new(write.kind));
        let done = format!("{} (lock overridden)", write.done);
        if let Some(id) = ctx.write(ME, kind, done) {
            self.changes.insert(id, write.change);
        }
    }
}
