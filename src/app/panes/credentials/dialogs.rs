//! The Credentials pane's keys and writes: revoke a credential (typed confirmation), open a
//! credential's user in the Identity pane, network sources (create, edit from a fresh read,
//! delete) and the authentication policy (edit from a fresh read, conditional on its etag).

use crate::model::{AuthenticationPolicy, NetworkSource};

use super::{CredentialsDialog, CredentialsPane, ME, Step, dialog, network, policy};
use crate::app::action::Action;
use crate::app::ctx::{Ctx, Effect};
use crate::app::request::{CredentialRequest, Payload, Response, SignInRequest};
use crate::app::resource::Resource as _;
use crate::app::widgets::form::FormValues;
use crate::app::widgets::loadable::Loadable;
use crate::app::widgets::modal::{Modal, ModalOutcome, Tone, ToneLine};

impl CredentialsPane {
    pub(super) fn handle_credentials(&mut self, action: &Action, ctx: &mut Ctx) -> bool {
        let Some(row) = self.list.selected().cloned() else {
            if matches!(action, Action::Delete | Action::Select) {
                ctx.toasts.info("no credential selected");
                return true;
            }
            return false;
        };
        match action {
            Action::Delete => ctx.open(crate::app::panes::identity::revoke_modal(
                &row,
                dialog(CredentialsDialog::Revoke {
                    user_id: row.credential.user_id().to_string(),
                    kind: row.kind(),
                    path_id: row.credential.path_id().to_string(),
                    id: row.id().to_string(),
                }),
            )),
            Action::Select => ctx.effects.push(Effect::ShowUserCredentials {
                user_id: row.credential.user_id().to_string(),
                kind: row.kind(),
            }),
            _ => return false,
        }
        true
    }

    pub(super) fn handle_network_sources(&mut self, action: &Action, ctx: &mut Ctx) -> bool {
        if *action == Action::Create {
            ctx.open(Modal::form(
                dialog(CredentialsDialog::CreateNetworkSource),
                "New network source",
                network::fields(None),
            ));
            return true;
        }
        let Some(source) = self.network_sources.selected().cloned() else {
            if matches!(action, Action::Edit | Action::Delete | Action::Select) {
                ctx.toasts.info("no network source selected");
                return true;
            }
            return false;
        };
        match action {
            // Edits and the detail start from a fresh read (the etag, and listings leave
            // fields out).
            Action::Edit | Action::Select => {
                let request = ctx.send_read(ME, SignInRequest::GetNetworkSource { id: source.id });
                let step = if *action == Action::Edit {
                    Step::EditNetworkSource
                } else {
                    Step::ShowNetworkSource
                };
                self.steps.insert(request, step);
            }
            Action::Delete => ctx.open(Modal::typed_confirm(
                dialog(CredentialsDialog::DeleteNetworkSource {
                    id: source.id.clone(),
                }),
                "Delete network source",
                vec![
                    ToneLine::new(Tone::Heading, format!("Delete network source {}?", source.name)),
                    ToneLine::plain(
                        "Policies that name it in a condition stop matching; the service refuses while the sign-in policy names it.",
                    ),
                    ToneLine::plain(""),
                    ToneLine::new(Tone::Dim, format!("Type its name ({}) to confirm.", source.name)),
                ],
                &source.name,
            )),
            _ => return false,
        }
        true
    }

    pub(super) fn handle_policy(&mut self, action: &Action, ctx: &mut Ctx) -> bool {
        if *action != Action::Edit {
            return false;
        }
        let request = self.load_policy(ctx);
        self.steps.insert(request, Step::EditPolicy);
        true
    }

    pub(super) fn finish_dialog(
        &mut self,
        d: CredentialsDialog,
        outcome: ModalOutcome,
        ctx: &mut Ctx,
    ) {
        match (d, outcome) {
            (
                CredentialsDialog::Revoke {
                    user_id,
                    kind,
                    path_id,
                    id,
                },
                ModalOutcome::Confirmed,
            ) => {
                let (label, user) = self
                    .list
                    .find(&id)
                    .map(|r| (r.credential.label().to_string(), r.user_name.clone()))
                    .unwrap_or_default();
                let request = CredentialRequest::Delete {
                    user_id,
                    kind,
                    id: path_id,
                };
                let done = format!("revoked {} '{label}' of {user}", kind.one());
                if let Some(r) = ctx.write(ME, request, done) {
                    self.removals.insert(r, id);
                }
            }
            (CredentialsDialog::DeleteNetworkSource { id }, ModalOutcome::Confirmed) => {
                let name = self.network_source_name(&id);
                let request = SignInRequest::DeleteNetworkSource { id: id.clone() };
                if let Some(r) = ctx.write(ME, request, format!("deleted network source {name}")) {
                    self.removals.insert(r, id);
                }
            }
            (d, ModalOutcome::Submitted(v)) => self.submit(d, &v, ctx),
            _ => {}
        }
    }

    fn submit(&mut self, d: CredentialsDialog, v: &FormValues, ctx: &mut Ctx) {
        match d {
            CredentialsDialog::CreateNetworkSource => {
                match network::create_details(&ctx.session.tenancy_id, v) {
                    Ok(details) => {
                        let done = format!("created network source {}", details.name);
                        ctx.write(ME, SignInRequest::CreateNetworkSource(details), done);
                    }
                    Err((field, e)) => ctx.refuse(Some(field), e),
                }
            }
            CredentialsDialog::EditNetworkSource { id, etag } => {
                let Some(old) = self.network_sources.find(&id).cloned() else {
                    return ctx.refuse(None, "this network source is no longer listed: refresh");
                };
                match network::update_details(&old, v) {
                    Ok(Some(details)) => {
                        let request = SignInRequest::UpdateNetworkSource { id, details, etag };
                        ctx.write(ME, request, format!("updated network source {}", old.name));
                    }
                    Ok(None) => ctx.toasts.info("nothing changed"),
                    Err((field, e)) => ctx.refuse(Some(field), e),
                }
            }
            CredentialsDialog::EditPolicy { etag } => {
                match policy::details(v, self.network_sources.all()) {
                    Ok(details) => {
                        let request = SignInRequest::UpdateAuthenticationPolicy { details, etag };
                        ctx.write(ME, request, "updated the sign-in policy");
                    }
                    Err((field, e)) => ctx.refuse(Some(field), e),
                }
            }
            CredentialsDialog::Revoke { .. } | CredentialsDialog::DeleteNetworkSource { .. } => {}
        }
    }

    /// Answers to reads a next step waits for, and to writes.
    pub(super) fn take_answer(&mut self, response: Response, ctx: &mut Ctx) {
        if !response.done {
            return;
        }
        let step = self.steps.remove(&response.id);
        let removal = self.removals.remove(&response.id);
        if step == Some(Step::EditPolicy) || self.policy.awaits(response.id) {
            self.take_policy(&response, step.is_some(), ctx);
            return;
        }
        let payload = match response.result {
            Ok(p) => p,
            Err(f) => {
                // Writes are settled by the context; a failed read says why here.
                if step.is_some() {
                    ctx.toasts.error(f.summary());
                }
                return;
            }
        };
        match payload {
            Payload::Item(item) => {
                if let Some(source) = item.get::<NetworkSource>() {
                    self.network_sources.upsert(source.clone(), ctx);
                    match step {
                        Some(Step::EditNetworkSource) => ctx.open(Modal::form(
                            dialog(CredentialsDialog::EditNetworkSource {
                                id: source.id.clone(),
                                etag: item.etag.clone(),
                            }),
                            &format!("Edit network source {}", source.name),
                            network::fields(Some(&source)),
                        )),
                        Some(Step::ShowNetworkSource) => ctx.open(source_modal(&source, ctx)),
                        _ => {}
                    }
                } else if let Some(p) = item.get::<AuthenticationPolicy>() {
                    self.policy = Loadable::Loaded(p);
                    self.policy_etag.clone_from(&item.etag);
                }
            }
            Payload::Done => {
                if let Some(id) = removal {
                    self.rows.retain(|r| r.id() != id);
                    self.list.remove(&id, ctx);
                    self.network_sources.remove(&id, ctx);
                }
            }
            _ => {}
        }
    }

    /// The policy read: shown, and when it was read for an edit, the form opens with it.
    fn take_policy(&mut self, response: &Response, edit: bool, ctx: &mut Ctx) {
        match &response.result {
            Ok(Payload::Item(item)) => {
                if let Some(p) = item.get::<AuthenticationPolicy>() {
                    self.policy_etag.clone_from(&item.etag);
                    if edit {
                        let names: Vec<String> = p
                            .network_policy
                            .as_ref()
                            .map(|n| {
                                n.network_source_ids
                                    .iter()
                                    .map(|id| self.network_source_name(id))
                                    .collect()
                            })
                            .unwrap_or_default();
                        ctx.open(Modal::form(
                            dialog(CredentialsDialog::EditPolicy {
                                etag: item.etag.clone(),
                            }),
                            "Edit the sign-in policy",
                            policy::fields(&p, &names),
                        ));
                    }
                    self.policy = Loadable::Loaded(p);
                }
            }
            Ok(other) => {
                self.policy = Loadable::Failed(crate::app::request::Failure::unexpected(
                    "the authentication policy",
                    other,
                ));
            }
            Err(f) if edit => ctx.toasts.error(f.summary()),
            Err(f) => self.policy = Loadable::Failed(f.clone()),
        }
    }
}

/// A network source read in full, as a read-only dialog.
fn source_modal(source: &NetworkSource, ctx: &Ctx) -> Modal {
    let mut lines = vec![ToneLine::new(Tone::Heading, source.name.clone())];
    for (label, value) in source.detail(ctx) {
        lines.push(ToneLine::plain(format!("{label:<12}{value}")));
    }
    Modal::text("Network source", lines)
}
