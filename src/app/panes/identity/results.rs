//! What the Identity pane does with the answer to a write: put the new or changed resource in
//! its list, drop what was deleted, or show the one-time password. Toasts and failures are the
//! context's (see `Ctx::write`).

use crate::model::{Credential, DynamicGroup, Group, User, UserGroupMembership};

use super::{IdentityPane, Removal};
use crate::app::ctx::Ctx;
use crate::app::panes::credentials::CredentialRow;
use crate::app::request::{Payload, Response};

impl IdentityPane {
    pub(super) fn take_write(&mut self, response: Response, ctx: &mut Ctx) {
        if !response.done {
            return;
        }
        if self.device_read.take_if(|r| *r == response.id).is_some() {
            if let Ok(Payload::Item(item)) = &response.result
                && let Some(c) = item.get::<Credential>()
            {
                self.upsert_credential(c.clone(), ctx);
                if let Some(row) = self.creds.find(c.id()).cloned() {
                    ctx.open(super::user_credentials::detail_modal(&row, ctx));
                }
            } else if let Err(f) = &response.result {
                ctx.toasts.error(f.summary());
            }
            return;
        }
        let removal = self.removals.remove(&response.id);
        let Ok(payload) = response.result else {
            return;
        };
        match payload {
            Payload::Item(item) => {
                if let Some(u) = item.get::<User>() {
                    // A capability toggle opens the checklist again, on the same line.
                    if let Some((request, line)) = self.capabilities_at.take()
                        && request == response.id
                    {
                        let key = ctx.key(&crate::app::action::Action::Select);
                        ctx.open(super::forms::capabilities_modal(&u, &key, line, Some(self)));
                    }
                    self.users.upsert(u, ctx);
                } else if let Some(g) = item.get::<Group>() {
                    self.groups.upsert(g, ctx);
                } else if let Some(d) = item.get::<DynamicGroup>() {
                    self.dynamic_groups.upsert(d, ctx);
                } else if let Some(m) = item.get::<UserGroupMembership>() {
                    if let Some(list) = ctx.memberships.data_mut() {
                        list.push(m);
                    }
                    self.memberships_changed(ctx);
                } else if let Some(c) = item.get::<Credential>() {
                    self.upsert_credential(c, ctx);
                }
            }
            Payload::Secret {
                owner,
                secret,
                item,
            } => {
                let credential = item.and_then(|i| i.get::<Credential>());
                let user = self.users.find(&owner).cloned();
                match (credential, user) {
                    (Some(c), Some(user)) => {
                        self.upsert_credential(c.clone(), ctx);
                        ctx.open(super::credential_forms::secret_modal(&user, &c, secret));
                    }
                    (_, user) => {
                        let name = user.map_or(owner, |u| u.name);
                        ctx.open(super::forms::password_modal(&name, secret));
                    }
                }
            }
            _ => {
                if let Some(removal) = removal {
                    self.remove(&removal, ctx);
                }
            }
        }
    }

    fn remove(&mut self, removal: &Removal, ctx: &mut Ctx) {
        match removal {
            Removal::User(id) => {
                self.users.remove(id, ctx);
                self.drop_memberships(|m| m.user_id == *id, ctx);
            }
            Removal::Group(id) => {
                self.groups.remove(id, ctx);
                self.drop_memberships(|m| m.group_id == *id, ctx);
            }
            Removal::DynamicGroup(id) => self.dynamic_groups.remove(id, ctx),
            Removal::Membership(id) => self.drop_memberships(|m| m.id == *id, ctx),
            Removal::Credential(id) => {
                let gone = self
                    .user_creds
                    .data()
                    .and_then(|all| all.iter().find(|c| c.id() == id).cloned());
                if let Some(all) = self.user_creds.data_mut() {
                    all.retain(|c| c.id() != id);
                }
                self.creds.remove(id, ctx);
                // Deleting an activated device turns the user's MFA off.
                if let Some(Credential::MfaDevice(d)) = gone
                    && d.is_activated
                {
                    self.set_mfa(&d.user_id, false, ctx);
                }
            }
        }
    }

    /// Puts a new or changed credential of the user shown in their lists.
    fn upsert_credential(&mut self, c: Credential, ctx: &mut Ctx) {
        if self.creds_user.as_deref() != Some(c.user_id()) {
            return;
        }
        if let Credential::MfaDevice(d) = &c
            && d.is_activated
        {
            self.set_mfa(&d.user_id, true, ctx);
        }
        if let Some(all) = self.user_creds.data_mut() {
            match all.iter_mut().find(|x| x.id() == c.id()) {
                Some(existing) => *existing = c.clone(),
                None => all.push(c.clone()),
            }
        }
        if c.kind() == self.creds_kind {
            let user = self.users.find(c.user_id()).cloned();
            self.creds.upsert(CredentialRow::new(c, user.as_ref()), ctx);
        }
    }

    /// The user's MFA flag as the service now has it (activation, or its device deleted).
    fn set_mfa(&mut self, user_id: &str, on: bool, ctx: &Ctx) {
        if let Some(mut user) = self.users.find(user_id).cloned() {
            user.is_mfa_activated = on;
            self.users.replace(user, ctx);
        }
    }

    fn drop_memberships(&mut self, gone: impl Fn(&UserGroupMembership) -> bool, ctx: &mut Ctx) {
        if let Some(list) = ctx.memberships.data_mut() {
            list.retain(|m| !gone(m));
        }
        self.memberships_changed(ctx);
    }

    pub(super) fn memberships_changed(&mut self, ctx: &mut Ctx) {
        ctx.reindex_memberships();
        self.users.column_data_changed(ctx);
        self.groups.column_data_changed(ctx);
        self.sync_members(ctx);
    }
}
