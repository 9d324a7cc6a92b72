//! The dialogs the Identity pane opens for its writes (forms with their fields and checks,
//! typed confirmations, choices); what they send is in `dialogs`.

use std::collections::BTreeMap;
use super::edit::{description_field, email_field, rule_field};
use super::forms::{capabilities_modal, confirm_delete_showing};
use crate::app::impact::{self, ImpactQuery, Kind, Structural};
use super::{IdentityDialog, IdentityPane, IdentityTab, ME, dialog};
use crate::app::tag_fields::tag_fields;
use crate::app::action::Action;
use crate::app::ctx::Ctx;
use crate::app::request::IdentityRequest;
use crate::app::resource::Presence;
use crate::app::widgets::form::Field;
use crate::app::widgets::modal::{Modal, Tone, ToneLine};

fn name_field() -> Field {
    Field::text("name", "Name")
        .required()
        .max_chars(100)
        .help("unique in the tenancy; cannot be changed later")
}

impl IdentityPane {
    pub(super) fn start_write(&mut self, action: &Action, ctx: &mut Ctx) {
        if *action == Action::Create {
            let (title, mut fields) = match self.tab {
                IdentityTab::Users => (
                    "New user",
                    vec![name_field(), description_field(""), email_field("")],
                ),
                IdentityTab::Groups => ("New group", vec![name_field(), description_field("")]),
                IdentityTab::DynamicGroups => (
                    "New dynamic group",
                    vec![name_field(), description_field(""), rule_field("")],
                ),
            };
            fields.extend(tag_fields(ctx, ME, &BTreeMap::default(), &BTreeMap::default()));
            let d = match self.tab {
                IdentityTab::Users => IdentityDialog::CreateUser,
                IdentityTab::Groups => IdentityDialog::CreateGroup,
                IdentityTab::DynamicGroups => IdentityDialog::CreateDynamicGroup,
            };
            ctx.open(Modal::form(dialog(d), title, fields));
            return;
        }
        let Some(name) = self.tab_list().selected_name() else {
            ctx.toasts.info("nothing selected");
            return;
        };
        if self.tab_list().selected_presence() == Some(Presence::Gone) {
            let noun = self.tab_list().noun().one;
            ctx.toasts.info(format!("{noun} {name} is deleted: it cannot be changed"));
            return;
        }
        match action {
            Action::Edit | Action::Rename => self.start_edit(ctx),
            Action::Delete => self.start_delete(ctx),
            _ if self.tab == IdentityTab::Users => self.start_user_action(action, ctx),
            _ => ctx.toasts.info("select a user for this"),
        }
    }

    /// A typed confirmation that first lists the statements naming what goes and the access
    /// its deletion takes away.
    fn start_delete(&mut self, ctx: &mut Ctx) {
        let Some((what, name, id, consequence, kind, d)) = (match self.tab {
            IdentityTab::Users => self.users.selected().map(|u| {
                (
                    "user",
                    u.name.clone(),
                    u.id.to_string(),
                    "Their group memberships, API keys and passwords go with them.",
                    Kind::User,
                    IdentityDialog::DeleteUser { id: u.id.to_string() },
                )
            }),
            IdentityTab::Groups => self.groups.selected().map(|g| {
                (
                    "group",
                    g.name.clone(),
                    g.id.clone(),
                    "The service refuses while the group has members.",
                    Kind::Group,
                    IdentityDialog::DeleteGroup { id: g.id.clone() },
                )
            }),
            IdentityTab::DynamicGroups => self.dynamic_groups.selected().map(|d| {
                (
                    "dynamic group",
                    d.name.clone(),
                    d.id.clone(),
                    "Instances matched by its rule lose what its policies grant.",
                    Kind::DynamicGroup,
                    IdentityDialog::DeleteDynamicGroup { id: d.id.clone() },
                )
            }),
        }) else {
            return;
        };
        let query = ImpactQuery::new(kind, &id, Structural::Delete);
        let (found, waiting) = impact::lines(ctx, ME, &query);
        let modal = confirm_delete_showing(what, &name, consequence, found, d);
        ctx.open(modal.with_impact(waiting.then_some(query)));
    }

    fn start_user_action(&mut self, action: &Action, ctx: &mut Ctx) {
        let Some(user) = self.users.selected().cloned() else {
            ctx.toasts.info("no user selected");
            return;
        };
        match action {
            Action::Block if user.is_blocked() => {
                let kind = IdentityRequest::UpdateUserState {
                    id: user.id.to_string(),
                    blocked: false,
                };
                self.send(kind, format!("unblocked {}", user.name), None, ctx);
            }
            Action::Block => ctx.open(Modal::choice(
                dialog(IdentityDialog::Block {
                    id: user.id.to_string(),
                    blocked: true,
                }),
                "Block user",
                vec![
                    ToneLine::new(Tone::Heading, format!("Block {}?", user.name)),
                    ToneLine::plain("They cannot sign in to the console until unblocked."),
                ],
                &["Block", "Cancel"],
            )),
            Action::Capabilities => {
                // The checklist shows what each capability governs: the user's credentials
                // are listed first if they are not held yet.
                if let Some(request) = self.load_credentials(ctx) {
                    self.caps_after = Some(request);
                } else if self.user_creds.is_loading() {
                    self.caps_after = self.user_creds_request();
                } else {
                    let key = ctx.key(&Action::Select);
                    ctx.open(capabilities_modal(&user, &key, 0, Some(self)));
                }
            }
            Action::ResetPassword => ctx.open(Modal::choice(
                dialog(IdentityDialog::ResetPassword {
                    id: user.id.to_string(),
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

}
