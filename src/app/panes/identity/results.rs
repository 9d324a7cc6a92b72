//! What the Identity pane does with the answer to a write: put the new or changed resource in
//! its list, drop what was deleted, or show the one-time password. Toasts and failures are the
//! context's (see `Ctx::write`).

use crate::model::{ApiKey, DynamicGroup, Group, User, UserGroupMembership};

use super::{IdentityPane, Removal};
use crate::app::ctx::Ctx;
use crate::app::request::{Payload, Response};

impl IdentityPane {
    pub(super) fn take_write(&mut self, response: Response, ctx: &mut Ctx) {
        if !response.done {
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
                        ctx.open(super::forms::capabilities_modal(&u, &key, line));
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
                } else if let Some(k) = item.get::<ApiKey>()
                    && self.keys_user.as_deref() == Some(k.user_id.as_str())
                {
                    self.api_keys.upsert(k, ctx);
                }
            }
            Payload::Secret { owner, secret } => {
                let name = self.users.find(&owner).map_or(owner.clone(), |u| u.name.clone());
                ctx.open(super::forms::password_modal(&name, secret.expose()));
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
            Removal::ApiKey(fingerprint) => {
                if let Some(key) = self
                    .api_keys
                    .all()
                    .iter()
                    .find(|k| k.fingerprint == *fingerprint)
                {
                    let id = key.key_id.clone();
                    self.api_keys.remove(&id, ctx);
                }
            }
        }
    }

    fn drop_memberships(&mut self, gone: impl Fn(&UserGroupMembership) -> bool, ctx: &mut Ctx) {
        if let Some(list) = ctx.memberships.data_mut() {
            list.retain(|m| !gone(m));
        }
        self.memberships_changed(ctx);
    }

    fn memberships_changed(&mut self, ctx: &mut Ctx) {
        ctx.reindex_memberships();
        self.users.resort(ctx);
        self.groups.resort(ctx);
        self.sync_members(ctx);
    }
}
