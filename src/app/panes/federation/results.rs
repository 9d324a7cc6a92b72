//! What the Federation pane does with answers: open the edit form or the pick after a read,
//! put a created or changed provider or mapping in its list, drop a deleted mapping, and
//! show a new SCIM client secret once. Toasts and failures of writes are the context's.

use crate::model::{IdentityProvider, IdpGroupMapping};

use super::dialogs::{edit_form, secret_modal};
use super::{Change, FederationPane, Step};
use crate::app::ctx::Ctx;
use crate::app::request::{Payload, Response};

impl FederationPane {
    pub(super) fn take_step(&mut self, step: &Step, response: &Response, ctx: &mut Ctx) {
        let item = match &response.result {
            Ok(Payload::Item(item)) => item,
            Ok(_) => return,
            Err(f) => return ctx.toasts.error(f.summary()),
        };
        match step {
            Step::EditProvider => {
                if let Some(p) = item.get::<IdentityProvider>() {
                    ctx.open(edit_form(&p, item.etag.clone()));
                    self.providers.replace(p, ctx);
                }
            }
            Step::EditMapping => {
                if let Some(m) = item.get::<IdpGroupMapping>() {
                    let provider = m.idp_id.clone();
                    self.start_pick(&provider, Some((m, item.etag.clone())), ctx);
                }
            }
        }
    }

    pub(super) fn take_write(&mut self, response: Response, ctx: &mut Ctx) {
        if !response.done {
            return;
        }
        let Some(change) = self.changes.remove(&response.id) else {
            return;
        };
        let Ok(payload) = response.result else {
            return;
        };
        match (change, payload) {
            (Change::Provider, Payload::Item(item)) => {
                if let Some(p) = item.get::<IdentityProvider>() {
                    ctx.learn_names(std::slice::from_ref(&p));
                    self.providers.upsert(p, ctx);
                }
            }
            (Change::ReloadProviders, _) => self.load_providers(ctx),
            (Change::ScimReset { provider }, Payload::Secret { owner, secret, .. }) => {
                ctx.open(secret_modal(&provider, &owner, secret, 0));
            }
            (Change::Mapping { idp_id }, Payload::Item(item)) => {
                if let Some(m) = item.get::<IdpGroupMapping>() {
                    self.mappings.entry(idp_id).or_default().upsert(m, ctx);
                }
            }
            (Change::RemoveMapping { idp_id, id }, _) => {
                if let Some(list) = self.mappings.get_mut(&idp_id) {
                    list.remove(&id, ctx);
                }
            }
            _ => {}
        }
    }
}
