//! What the Identity pane does with the answer to a write: put the new or changed resource in
//! its list, drop what was deleted, or show the one-time password.

use crate::model::UserGroupMembership;

use super::ctx::Ctx;
use super::identity::{IdentityPane, PendingWrite, Removal};
use super::request::{Payload, Response};

impl IdentityPane {
    pub(crate) fn take_write(&mut self, write: PendingWrite, response: Response, ctx: &mut Ctx) {
        let payload = match response.result {
            Ok(payload) => payload,
            Err(failure) => {
                ctx.toasts.error(failure.summary());
                return;
            }
        };
        match payload {
            Payload::User(u) => self.users.upsert(u),
            Payload::Group(g) => self.groups.upsert(g),
            Payload::DynamicGroup(d) => self.dynamic_groups.upsert(d),
            Payload::Membership(m) => {
                if let Some(list) = self.memberships.data_mut() {
                    list.push(m);
                }
                self.index_memberships();
            }
            Payload::ApiKey(k) => {
                if self.keys_user.as_deref() == Some(k.user_id.as_str())
                    && let Some(list) = self.api_keys.data_mut()
                {
                    list.push(k);
                }
            }
            Payload::UiPassword { user_id, password } => {
                let name = self
                    .users
                    .find(&user_id)
                    .map_or(user_id.clone(), |u| u.name.clone());
                ctx.open(super::identity_forms::password_modal(
                    &name,
                    password.expose(),
                ));
            }
            _ => self.remove(&write.removal),
        }
        ctx.toasts.success(write.done);
    }

    fn remove(&mut self, removal: &Removal) {
        match removal {
            Removal::Nothing => {}
            Removal::User(id) => {
                self.users.remove(id);
                self.drop_memberships(|m| m.user_id == *id);
            }
            Removal::Group(id) => {
                self.groups.remove(id);
                self.drop_memberships(|m| m.group_id == *id);
            }
            Removal::DynamicGroup(id) => self.dynamic_groups.remove(id),
            Removal::Membership(id) => self.drop_memberships(|m| m.id == *id),
            Removal::ApiKey(fingerprint) => {
                if let Some(list) = self.api_keys.data_mut() {
                    list.retain(|k| k.fingerprint != *fingerprint);
                }
                self.keys_cursor
                    .clamp(self.api_keys.data().map_or(0, Vec::len));
            }
        }
    }

    fn drop_memberships(&mut self, gone: impl Fn(&UserGroupMembership) -> bool) {
        if let Some(list) = self.memberships.data_mut() {
            list.retain(|m| !gone(m));
        }
        self.index_memberships();
        let len = self.member_rows().len();
        self.members_cursor.clamp(len);
    }
}
