//! The Identity pane's writes: the dialog each one opens and the request sent when it is
//! confirmed. Dialog pieces and checks are in `identity_forms`, the answers in
//! `identity_results`.

use crate::model::{
    CreateDynamicGroupDetails, CreateGroupDetails, CreateUserDetails, UpdateDynamicGroupDetails,
    UpdateGroupDetails, UpdateUserDetails,
};

use super::action::Action;
use super::ctx::Ctx;
use super::identity::{IdentityDialog, IdentityPane, IdentityView, ME, PendingWrite, Removal};
use super::identity_forms::{
    CAPABILITIES, capabilities_modal, capability, capability_update, confirm_delete, dialog,
    key_source, matching_rule,
};
use super::modal::{FormField, Modal, ModalOutcome, Tone, ToneLine};
use super::request::RequestKind;
use super::validate;

impl IdentityPane {
    pub(crate) fn send_write(
        &mut self,
        kind: RequestKind,
        done: String,
        removal: Removal,
        ctx: &mut Ctx,
    ) {
        if let Some(id) = ctx.send(ME, kind) {
            self.writes.insert(id, PendingWrite { done, removal });
        }
    }

    pub(crate) fn start_write(&mut self, action: &Action, ctx: &mut Ctx) {
        match (self.view, action) {
            (IdentityView::Users, Action::Create) => ctx.open(Modal::form(
                ME,
                dialog(IdentityDialog::CreateUser),
                "New user",
                vec![
                    FormField::new("Name", "", "unique in the tenancy; cannot be changed later"),
                    FormField::new("Description", "", "required"),
                    FormField::new("E-mail", "", "optional"),
                ],
            )),
            (IdentityView::Groups, Action::Create) => ctx.open(Modal::form(
                ME,
                dialog(IdentityDialog::CreateGroup),
                "New group",
                vec![
                    FormField::new("Name", "", "unique in the tenancy; cannot be changed later"),
                    FormField::new("Description", "", "required"),
                ],
            )),
            (IdentityView::DynamicGroups, Action::Create) => ctx.open(Modal::form(
                ME,
                dialog(IdentityDialog::CreateDynamicGroup),
                "New dynamic group",
                vec![
                    FormField::new("Name", "", "unique in the tenancy"),
                    FormField::new("Description", "", "required"),
                    FormField::new(
                        "Matching rule",
                        "",
                        "e.g. ALL {instance.compartment.id = 'ocid1.compartment.oc1..x'}",
                    ),
                ],
            )),
            (_, Action::Edit | Action::Rename) => self.start_edit(ctx),
            (_, Action::Delete) => self.start_delete(ctx),
            (IdentityView::Users, _) => self.start_user_action(action, ctx),
            _ => ctx.toasts.info("select a user for this"),
        }
    }

    fn start_edit(&mut self, ctx: &mut Ctx) {
        let modal = match self.view {
            IdentityView::Users => self.users.selected().map(|u| {
                Modal::form(
                    ME,
                    dialog(IdentityDialog::EditUser { id: u.id.clone() }),
                    &format!("Edit user {}", u.name),
                    vec![
                        FormField::new("Description", &u.description, ""),
                        FormField::new("E-mail", u.email.as_deref().unwrap_or(""), ""),
                    ],
                )
            }),
            IdentityView::Groups => self.groups.selected().map(|g| {
                Modal::form(
                    ME,
                    dialog(IdentityDialog::EditGroup { id: g.id.clone() }),
                    &format!("Edit group {}", g.name),
                    vec![FormField::new(
                        "Description",
                        &g.description,
                        "a group's name cannot be changed",
                    )],
                )
            }),
            IdentityView::DynamicGroups => self.dynamic_groups.selected().map(|d| {
                Modal::form(
                    ME,
                    dialog(IdentityDialog::EditDynamicGroup { id: d.id.clone() }),
                    &format!("Edit dynamic group {}", d.name),
                    vec![
                        FormField::new("Description", &d.description, ""),
                        FormField::new("Matching rule", &d.matching_rule, ""),
                    ],
                )
            }),
        };
        match modal {
            Some(m) => ctx.open(m),
            None => ctx.toasts.info("nothing selected"),
        }
    }

    fn start_delete(&mut self, ctx: &mut Ctx) {
        let modal = match self.view {
            IdentityView::Users => self.users.selected().map(|u| {
                confirm_delete(
                    "user",
                    &u.name,
                    "Their group memberships, API keys and passwords go with them.",
                    IdentityDialog::DeleteUser { id: u.id.clone() },
                )
            }),
            IdentityView::Groups => self.groups.selected().map(|g| {
                confirm_delete(
                    "group",
                    &g.name,
                    "The service refuses while the group has members.",
                    IdentityDialog::DeleteGroup { id: g.id.clone() },
                )
            }),
            IdentityView::DynamicGroups => self.dynamic_groups.selected().map(|d| {
                confirm_delete(
                    "dynamic group",
                    &d.name,
                    "Instances matched by its rule lose what its policies grant.",
                    IdentityDialog::DeleteDynamicGroup { id: d.id.clone() },
                )
            }),
        };
        match modal {
            Some(m) => ctx.open(m),
            None => ctx.toasts.info("nothing selected"),
        }
    }

    fn start_user_action(&mut self, action: &Action, ctx: &mut Ctx) {
        let Some(user) = self.users.selected().cloned() else {
            ctx.toasts.info("no user selected");
            return;
        };
        match action {
            Action::Block if user.is_blocked() => {
                self.send_write(
                    RequestKind::UpdateUserState {
                        id: user.id.clone(),
                        blocked: false,
                    },
                    format!("unblocked {}", user.name),
                    Removal::Nothing,
                    ctx,
                );
            }
            Action::Block => ctx.open(Modal::choice(
                ME,
                dialog(IdentityDialog::Block {
                    id: user.id.clone(),
                    blocked: true,
                }),
                "Block user",
                vec![
                    ToneLine::new(Tone::Heading, format!("Block {}?", user.name)),
                    ToneLine::plain("They cannot sign in to the console until unblocked."),
                ],
                &["Block", "Cancel"],
            )),
            Action::Capabilities => ctx.open(capabilities_modal(&user)),
            Action::ResetPassword => ctx.open(Modal::choice(
                ME,
                dialog(IdentityDialog::ResetPassword {
                    id: user.id.clone(),
                }),
                "Reset console password",
                vec![
                    ToneLine::new(
                        Tone::Heading,
                        format!("Create a new console password for {}?", user.name),
                    ),
                    ToneLine::plain("Their current password stops working at once."),
                    ToneLine::plain("The new one is shown once, here, and never stored."),
                ],
                &["Reset password", "Cancel"],
            )),
            _ => {}
        }
    }

    pub(crate) fn finish_dialog(
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

    fn submit(&mut self, dialog: IdentityDialog, v: &[String], ctx: &mut Ctx) {
        let field = |i: usize| v.get(i).cloned().unwrap_or_default();
        let tenancy = ctx.session.tenancy_id.clone();
        let checked = match &dialog {
            IdentityDialog::CreateUser => validate::name(&field(0), "the name", 100)
                .and(validate::description(&field(1)))
                .and(validate::email(&field(2))),
            IdentityDialog::EditUser { .. } => {
                validate::description(&field(0)).and(validate::email(&field(1)))
            }
            IdentityDialog::CreateGroup => {
                validate::name(&field(0), "the name", 100).and(validate::description(&field(1)))
            }
            IdentityDialog::EditGroup { .. } => validate::description(&field(0)),
            IdentityDialog::CreateDynamicGroup => validate::name(&field(0), "the name", 100)
                .and(validate::description(&field(1)))
                .and(matching_rule(&field(2))),
            IdentityDialog::EditDynamicGroup { .. } => {
                validate::description(&field(0)).and(matching_rule(&field(1)))
            }
            IdentityDialog::UploadKey { .. } => Ok(()),
            _ => return,
        };
        if let Err(e) = checked {
            ctx.reopen_with_error(e);
            return;
        }
        let (kind, done) = match dialog {
            IdentityDialog::CreateUser => (
                RequestKind::CreateUser(CreateUserDetails {
                    compartment_id: tenancy,
                    name: field(0),
                    description: field(1),
                    email: Some(field(2)).filter(|e| !e.is_empty()),
                    freeform_tags: None,
                    defined_tags: None,
                }),
                format!("created user {}", field(0)),
            ),
            IdentityDialog::EditUser { id } => {
                let Some(u) = self.users.find(&id) else {
                    return;
                };
                let details = UpdateUserDetails {
                    description: (u.description != field(0)).then(|| field(0)),
                    email: (u.email.as_deref().unwrap_or("") != field(1)).then(|| field(1)),
                    ..UpdateUserDetails::default()
                };
                if details == UpdateUserDetails::default() {
                    ctx.toasts.info("nothing changed");
                    return;
                }
                let done = format!("updated user {}", u.name);
                (RequestKind::UpdateUser { id, details }, done)
            }
            IdentityDialog::CreateGroup => (
                RequestKind::CreateGroup(CreateGroupDetails {
                    compartment_id: tenancy,
                    name: field(0),
                    description: field(1),
                    freeform_tags: None,
                    defined_tags: None,
                }),
                format!("created group {}", field(0)),
            ),
            IdentityDialog::EditGroup { id } => {
                let Some(g) = self.groups.find(&id) else {
                    return;
                };
                if g.description == field(0) {
                    ctx.toasts.info("nothing changed");
                    return;
                }
                let done = format!("updated group {}", g.name);
                let details = UpdateGroupDetails {
                    description: Some(field(0)),
                    ..UpdateGroupDetails::default()
                };
                (RequestKind::UpdateGroup { id, details }, done)
            }
            IdentityDialog::CreateDynamicGroup => (
                RequestKind::CreateDynamicGroup(CreateDynamicGroupDetails {
                    compartment_id: tenancy,
                    name: field(0),
                    description: field(1),
                    matching_rule: field(2),
                    freeform_tags: None,
                    defined_tags: None,
                }),
                format!("created dynamic group {}", field(0)),
            ),
            IdentityDialog::EditDynamicGroup { id } => {
                let Some(d) = self.dynamic_groups.find(&id) else {
                    return;
                };
                let details = UpdateDynamicGroupDetails {
                    description: (d.description != field(0)).then(|| field(0)),
                    matching_rule: (d.matching_rule != field(1)).then(|| field(1)),
                    ..UpdateDynamicGroupDetails::default()
                };
                if details == UpdateDynamicGroupDetails::default() {
                    ctx.toasts.info("nothing changed");
                    return;
                }
                let done = format!("updated dynamic group {}", d.name);
                (RequestKind::UpdateDynamicGroup { id, details }, done)
            }
            IdentityDialog::UploadKey { user_id } => {
                let Some(key) = key_source(&field(0), ctx) else {
                    return;
                };
                let name = self
                    .users
                    .find(&user_id)
                    .map_or_else(String::new, |u| u.name.clone());
                (
                    RequestKind::UploadApiKey { user_id, key },
                    format!("uploaded an API key for {name}"),
                )
            }
            _ => return,
        };
        self.send_write(kind, done, Removal::Nothing, ctx);
    }

    fn confirmed(&mut self, dialog: IdentityDialog, ctx: &mut Ctx) {
        let name_of = |list: Option<String>| list.unwrap_or_default();
        let (kind, done, removal) = match dialog {
            IdentityDialog::DeleteUser { id } => (
                RequestKind::DeleteUser { id: id.clone() },
                format!(
                    "deleted user {}",
                    name_of(self.users.find(&id).map(|u| u.name.clone()))
                ),
                Removal::User(id),
            ),
            IdentityDialog::DeleteGroup { id } => (
                RequestKind::DeleteGroup { id: id.clone() },
                format!(
                    "deleted group {}",
                    name_of(self.groups.find(&id).map(|g| g.name.clone()))
                ),
                Removal::Group(id),
            ),
            IdentityDialog::DeleteDynamicGroup { id } => (
                RequestKind::DeleteDynamicGroup { id: id.clone() },
                format!(
                    "deleted dynamic group {}",
                    name_of(self.dynamic_groups.find(&id).map(|d| d.name.clone()))
                ),
                Removal::DynamicGroup(id),
            ),
            IdentityDialog::RemoveMembership { membership_id } => (
                RequestKind::RemoveUserFromGroup {
                    membership_id: membership_id.clone(),
                },
                "removed from the group".to_string(),
                Removal::Membership(membership_id),
            ),
            IdentityDialog::DeleteKey {
                user_id,
                fingerprint,
            } => (
                RequestKind::DeleteApiKey {
                    user_id,
                    fingerprint: fingerprint.clone(),
                },
                format!("deleted API key {fingerprint}"),
                Removal::ApiKey(fingerprint),
            ),
            _ => return,
        };
        self.send_write(kind, done, removal, ctx);
    }

    fn chose(&mut self, dialog: IdentityDialog, choice: usize, ctx: &mut Ctx) {
        match dialog {
            IdentityDialog::Block { id, blocked } if choice == 0 => {
                let name = self
                    .users
                    .find(&id)
                    .map(|u| u.name.clone())
                    .unwrap_or_default();
                let verb = if blocked { "blocked" } else { "unblocked" };
                self.send_write(
                    RequestKind::UpdateUserState { id, blocked },
                    format!("{verb} {name}"),
                    Removal::Nothing,
                    ctx,
                );
            }
            IdentityDialog::ResetPassword { id } if choice == 0 => {
                let name = self
                    .users
                    .find(&id)
                    .map(|u| u.name.clone())
                    .unwrap_or_default();
                self.send_write(
                    RequestKind::ResetUiPassword { user_id: id },
                    format!("new console password for {name}"),
                    Removal::Nothing,
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
                self.send_write(
                    RequestKind::UpdateUserCapabilities {
                        id,
                        details: capability_update(choice, !now),
                    },
                    format!("{verb} {} for {name}", CAPABILITIES[choice]),
                    Removal::Nothing,
                    ctx,
                );
            }
            _ => {}
        }
    }
}
