//! The Identity pane's writes: the dialog each one opens and the request sent when it is
//! confirmed. Dialog pieces and checks are in `forms`, the answers in `results`.

use crate::model::{CreateDynamicGroupDetails, CreateGroupDetails, CreateUserDetails, User};

use super::forms::{CAPABILITIES, capability, capability_update};
use super::{IdentityDialog, IdentityPane, ME, Removal};
use crate::app::ctx::Ctx;
use crate::app::request::{CredentialRequest, IdentityRequest, RequestKind};
use crate::app::resource::Resource;
use crate::app::tag_fields::{given, read_tags};
use crate::app::widgets::form::FormValues;
use crate::app::widgets::modal::ModalOutcome;

impl IdentityPane {
    /// Sends a write; what a success removes is kept until the answer.
    pub(super) fn send(
        &mut self,
        kind: impl Into<RequestKind>,
        done: String,
        removal: Option<Removal>,
        ctx: &mut Ctx,
    ) {
        let kind = match self.for_domain(kind.into()) {
            Ok(kind) => kind,
            Err(why) => return ctx.toasts.info(why),
        };
        let Some(id) = ctx.write(ME, kind, done) else {
            return;
        };
        if self.domain.is_some() {
            self.domain_writes.insert(id);
        }
        if let Some(removal) = removal {
            self.removals.insert(id, removal);
        }
    }

    pub(super) fn finish_dialog(
        &mut self,
        dialog: IdentityDialog,
        outcome: ModalOutcome,
        ctx: &mut Ctx,
    ) {
        match outcome {
            ModalOutcome::Submitted(values) => self.submit(dialog, &values, ctx),
            ModalOutcome::Confirmed => self.confirmed(dialog, ctx),
            ModalOutcome::Chose(i) => self.chose(dialog, i, ctx),
            ModalOutcome::Cancelled => {}
        }
    }

    fn submit(&mut self, dialog: IdentityDialog, v: &FormValues, ctx: &mut Ctx) {
        let tenancy = ctx.session.tenancy_id.clone();
        let (kind, done): (RequestKind, String) = match dialog {
            IdentityDialog::CreateUser
            | IdentityDialog::CreateGroup
            | IdentityDialog::CreateDynamicGroup => {
                let (free, defined) = match read_tags(v) {
                    Ok(tags) => tags,
                    Err((field, e)) => return ctx.refuse(Some(field), e),
                };
                let (freeform_tags, defined_tags) = (given(free), given(defined));
                let (name, description) = (v.string("name"), v.string("description"));
                match dialog {
                    IdentityDialog::CreateUser => (
                        IdentityRequest::CreateUser(CreateUserDetails {
                            compartment_id: tenancy,
                            name,
                            description,
                            email: v.optional("email"),
                            freeform_tags,
                            defined_tags,
                        })
                        .into(),
                        format!("created user {}", v.get("name")),
                    ),
                    IdentityDialog::CreateGroup => (
                        IdentityRequest::CreateGroup(CreateGroupDetails {
                            compartment_id: tenancy,
                            name,
                            description,
                            freeform_tags,
                            defined_tags,
                        })
                        .into(),
                        format!("created group {}", v.get("name")),
                    ),
                    _ => (
                        IdentityRequest::CreateDynamicGroup(CreateDynamicGroupDetails {
                            compartment_id: tenancy,
                            name,
                            description,
                            matching_rule: v.string("matching_rule"),
                            freeform_tags,
                            defined_tags,
                        })
                        .into(),
                        format!("created dynamic group {}", v.get("name")),
                    ),
                }
            }
            IdentityDialog::BulkTags { targets } => {
                return self.send_bulk_tags(&targets, v, ctx);
            }
            IdentityDialog::EditUser { .. }
            | IdentityDialog::EditGroup { .. }
            | IdentityDialog::EditDynamicGroup { .. } => {
                match self.edit_request(&dialog, v, ctx) {
                    Some(request) => request,
                    None => return,
                }
            }
            IdentityDialog::CreateCredential { user_id, kind } => {
                let request = match Self::create_request(&user_id, kind, v) {
                    Ok(request) => request,
                    Err((field, e)) => return ctx.refuse(field, e),
                };
                let name = self.user_name(&user_id);
                (request, format!("created {} for {name}", kind.one()))
            }
            IdentityDialog::EditCredential { user_id, id } => {
                let request = match self.update_request(&user_id, &id, v) {
                    Ok(Some(request)) => request,
                    Ok(None) => {
                        ctx.toasts.info("nothing changed");
                        return;
                    }
                    Err((field, e)) => return ctx.refuse(field, e),
                };
                let name = self.user_name(&user_id);
                (request, format!("updated the credential of {name}"))
            }
            IdentityDialog::ActivateMfa { user_id, id } => {
                let name = self.user_name(&user_id);
                (
                    CredentialRequest::ActivateMfaDevice {
                        user_id,
                        id,
                        code: v.string("code"),
                    }
                    .into(),
                    format!("MFA is active for {name}"),
                )
            }
            _ => return,
        };
        self.send(kind, done, None, ctx);
    }

    pub(super) fn user_name(&self, id: &str) -> String {
        self.users.find(id).map_or_else(|| id.to_string(), |u| u.name.clone())
    }

    fn confirmed(&mut self, dialog: IdentityDialog, ctx: &mut Ctx) {
        if let IdentityDialog::MfaSeed { user_id, id } = &dialog {
            // Enter on the seed: on to the code.
            if let Some(user) = self.users.find(user_id) {
                ctx.open(super::credential_forms::activate_form(user, id));
            }
            return;
        }
        let name_of = |name: Option<&str>| name.unwrap_or_default().to_string();
        let (kind, done, removal): (RequestKind, String, Removal) = match dialog {
            IdentityDialog::DeleteUser { id } => (
                IdentityRequest::DeleteUser { id: id.clone() }.into(),
                format!("deleted user {}", name_of(self.users.find(&id).map(User::name))),
                Removal::User(id),
            ),
            IdentityDialog::DeleteGroup { id } => (
                IdentityRequest::DeleteGroup { id: id.clone() }.into(),
                format!(
                    "deleted group {}",
                    name_of(self.groups.find(&id).map(Resource::name))
                ),
                Removal::Group(id),
            ),
            IdentityDialog::DeleteDynamicGroup { id } => (
                IdentityRequest::DeleteDynamicGroup { id: id.clone() }.into(),
                format!(
                    "deleted dynamic group {}",
                    name_of(self.dynamic_groups.find(&id).map(Resource::name))
                ),
                Removal::DynamicGroup(id),
            ),
            IdentityDialog::RemoveMembership { membership_id } => {
                let (user, group) = self
                    .members
                    .find(&membership_id)
                    .cloned()
                    .map(|row| self.pair_names(&row))
                    .unwrap_or_default();
                (
                    IdentityRequest::RemoveUserFromGroup {
                        membership_id: membership_id.clone(),
                    }
                    .into(),
                    format!("removed {user} from {group}"),
                    Removal::Membership(membership_id),
                )
            }
            IdentityDialog::RevokeCredential {
                user_id,
                kind,
                path_id,
                id,
            } => {
                let label = self
                    .creds
                    .find(&id)
                    .map(|r| r.credential.label().to_string())
                    .unwrap_or_default();
                let name = self.user_name(&user_id);
                (
                    CredentialRequest::Delete {
                        user_id,
                        kind,
                        id: path_id,
                    }
                    .into(),
                    format!("revoked {} '{label}' of {name}", kind.one()),
                    Removal::Credential(id),
                )
            }
            _ => return,
        };
        self.send(kind, done, Some(removal), ctx);
    }

    fn chose(&mut self, dialog: IdentityDialog, choice: usize, ctx: &mut Ctx) {
        match dialog {
            IdentityDialog::ChooseDomain => self.chose_domain(choice, ctx),
            IdentityDialog::RenameGroup(rename) if choice == 0 => self.rename_group(*rename, ctx),
            IdentityDialog::Block { id, blocked } if choice == 0 => {
                let name = self.user_name(&id);
                let verb = if blocked { "blocked" } else { "unblocked" };
                self.send(
                    IdentityRequest::UpdateUserState { id, blocked },
                    format!("{verb} {name}"),
                    None,
                    ctx,
                );
            }
            IdentityDialog::CreateCredential { user_id, kind } if choice == 0 => {
                let name = self.user_name(&user_id);
                let new = crate::app::request::NewCredential::MfaDevice;
                self.send(
                    CredentialRequest::Create { user_id, new },
                    format!("created {} for {name}", kind.one()),
                    None,
                    ctx,
                );
            }
            IdentityDialog::ResetPassword { id } if choice == 0 => {
                let name = self.user_name(&id);
                self.send(
                    CredentialRequest::ResetUiPassword { user_id: id },
                    format!("new console password for {name}"),
                    None,
                    ctx,
                );
            }
            IdentityDialog::Capabilities { id } if choice < CAPABILITIES.len() => {
                let Some(user) = self.users.find(&id) else {
                    return;
                };
                let now = capability(&user.capabilities.clone().unwrap_or_default(), choice);
                let name = user.name.clone();
                let verb = if now { "denied" } else { "allowed" };
                let kind = IdentityRequest::UpdateUserCapabilities {
                    id,
                    details: capability_update(choice, !now),
                };
                if let Some(request) =
                    ctx.write(ME, kind, format!("{verb} {} for {name}", CAPABILITIES[choice]))
                {
                    self.capabilities_at = Some((request, choice));
                }
            }
            _ => {}
        }
    }
}
