//! State of the Invitations pane: the tenancy's sender invitations (asking other tenancies
//! to join its organization) with their status, and create, rename and cancel.

use std::collections::BTreeMap;

use crate::model::{
    CreateSenderInvitationDetails, InvitationStatus, SenderInvitation,
    UpdateSenderInvitationDetails, WorkRequestStatus,
};

use super::action::Action;
use super::ctx::Ctx;
use super::filter::ListFilter;
use super::loadable::Loadable;
use super::modal::{FormField, Modal, ModalOutcome, ModalPurpose, Tone, ToneLine};
use super::pane::Pane;
use super::pane_id::PaneId;
use super::request::{Payload, RequestId, RequestKind, Response};
use super::resource_list::ResourceList;
use super::validate;

const ME: PaneId = PaneId::Invitations;

/// The dialogs this pane opens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InvitationsDialog {
    Create,
    Edit { id: String },
    Cancel { id: String },
}

#[derive(Debug, Default)]
pub struct InvitationsPane {
    pub invitations: ResourceList<SenderInvitation>,
    /// Writes waiting for their answer, with the toast to show on success.
    pub writes: BTreeMap<RequestId, String>,
}

impl InvitationsPane {
    fn load(&mut self, ctx: &mut Ctx) {
        self.invitations
            .start_loading(ctx.send_read(ME, RequestKind::ListSenderInvitations));
    }

    fn send_write(&mut self, kind: RequestKind, done: String, ctx: &mut Ctx) {
        if let Some(id) = ctx.send(ME, kind) {
            self.writes.insert(id, done);
        }
    }

    fn start_write(&mut self, action: &Action, ctx: &mut Ctx) {
        if *action == Action::Create {
            ctx.open(Modal::form(
                ME,
                ModalPurpose::Invitations(InvitationsDialog::Create),
                "Invite a tenancy",
                vec![
                    FormField::new(
                        "Recipient tenancy OCID",
                        "",
                        "ocid1.tenancy.oc1..<id> of the tenancy to invite",
                    ),
                    FormField::new("Display name", "", "how the invitation is listed"),
                    FormField::new("Recipient e-mail", "", "optional: who is told about it"),
                ],
            ));
            return;
        }
        let Some(inv) = self.invitations.selected() else {
            ctx.toasts.info("no invitation selected");
            return;
        };
        let id = inv.id.clone();
        match action {
            Action::Edit | Action::Rename => ctx.open(Modal::form(
                ME,
                ModalPurpose::Invitations(InvitationsDialog::Edit { id }),
                "Rename invitation",
                vec![FormField::new("Display name", &inv.display_name, "")],
            )),
            Action::Delete if inv.status != InvitationStatus::Pending => ctx.toasts.info(format!(
                "only pending invitations can be cancelled (this one is {})",
                inv.status
            )),
            Action::Delete => {
                let name = inv.display_name.clone();
                ctx.open(Modal::typed_confirm(
                    ME,
                    ModalPurpose::Invitations(InvitationsDialog::Cancel { id }),
                    "Cancel invitation",
                    vec![
                        ToneLine::new(Tone::Heading, format!("Cancel the invitation {name}?")),
                        ToneLine::plain(format!("to tenancy {}", inv.recipient_tenancy_id)),
                        ToneLine::plain("The recipient can no longer accept it."),
                        ToneLine::plain(""),
                        ToneLine::new(
                            Tone::Dim,
                            format!("Type its name ({name}) and press Enter."),
                        ),
                    ],
                    &name,
                ));
            }
            _ => {}
        }
    }

    fn submit(
        &mut self,
        dialog: InvitationsDialog,
        v: &[String],
        ctx: &mut Ctx,
    ) -> Result<(), String> {
        let field = |i: usize| v.get(i).cloned().unwrap_or_default();
        match dialog {
            InvitationsDialog::Create => {
                validate::ocid(&field(0), "tenancy")?;
                if field(0) == ctx.session.tenancy_id {
                    return Err("a tenancy cannot invite itself".into());
                }
                validate::name(&field(1), "the display name", 100)?;
                validate::email(&field(2))?;
                let details = CreateSenderInvitationDetails {
                    compartment_id: ctx.session.tenancy_id.clone(),
                    recipient_tenancy_id: field(0),
                    recipient_email_address: Some(field(2)).filter(|e| !e.is_empty()),
                    display_name: Some(field(1)),
                    subjects: None,
                    features: None,
                    freeform_tags: None,
                    defined_tags: None,
                };
                let done = format!("invited {}", field(1));
                self.send_write(RequestKind::CreateSenderInvitation(details), done, ctx);
            }
            InvitationsDialog::Edit { id } => {
                validate::name(&field(0), "the display name", 100)?;
                if self
                    .invitations
                    .find(&id)
                    .is_some_and(|i| i.display_name == field(0))
                {
                    ctx.toasts.info("nothing changed");
                    return Ok(());
                }
                let details = UpdateSenderInvitationDetails {
                    display_name: Some(field(0)),
                    ..UpdateSenderInvitationDetails::default()
                };
                let done = format!("renamed the invitation to {}", field(0));
                self.send_write(
                    RequestKind::UpdateSenderInvitation { id, details },
                    done,
                    ctx,
                );
            }
            InvitationsDialog::Cancel { .. } => {}
        }
        Ok(())
    }

    fn take_write(&mut self, done: String, response: Response, ctx: &mut Ctx) {
        match response.result {
            Err(failure) => ctx.toasts.error(failure.summary()),
            Ok(Payload::WorkRequest(wr)) if wr.status != WorkRequestStatus::Succeeded => {
                let why = wr
                    .errors
                    .first()
                    .map(|e| format!(": {} {}", e.code, e.message))
                    .unwrap_or_default();
                ctx.toasts.error(format!("{done}: {}{why}", wr.status));
            }
            Ok(Payload::SenderInvitation(inv)) => {
                self.invitations.upsert(inv);
                ctx.toasts.success(done);
            }
            Ok(_) => {
                ctx.toasts.success(done);
                // A cancel answers with nothing (or a work request): read the new status.
                self.load(ctx);
            }
        }
    }
}

impl Pane for InvitationsPane {
    fn contexts(&self) -> Vec<&'static str> {
        vec!["invitations", "list"]
    }

    fn handle(&mut self, action: &Action, ctx: &mut Ctx) -> bool {
        if self.invitations.navigate(action) {
            return true;
        }
        match action {
            Action::Create | Action::Edit | Action::Rename | Action::Delete => {
                self.start_write(action, ctx);
                true
            }
            _ => false,
        }
    }

    fn take_response(&mut self, response: Response, ctx: &mut Ctx) {
        let id = response.id;
        if let Some(done) = self.writes.get(&id).cloned() {
            // Work requests answer several times; only the last one settles the write.
            if response.done {
                self.writes.remove(&id);
                self.take_write(done, response, ctx);
            }
            return;
        }
        self.invitations
            .take_payload(id, response.result, |p| match p {
                Payload::SenderInvitations(list) => Some(list),
                _ => None,
            });
    }

    fn ensure_loaded(&mut self, ctx: &mut Ctx) {
        if matches!(self.invitations.items, Loadable::NotLoaded) {
            self.load(ctx);
        }
    }

    fn refresh(&mut self, ctx: &mut Ctx) {
        self.load(ctx);
    }

    fn on_modal(&mut self, purpose: ModalPurpose, outcome: ModalOutcome, ctx: &mut Ctx) {
        let ModalPurpose::Invitations(dialog) = purpose else {
            return;
        };
        match (dialog, outcome) {
            (dialog, ModalOutcome::Submitted(values)) => {
                if let Err(e) = self.submit(dialog, &values, ctx) {
                    ctx.reopen_with_error(e);
                }
            }
            (InvitationsDialog::Cancel { id }, ModalOutcome::Confirmed) => {
                let name = self
                    .invitations
                    .find(&id)
                    .map(|i| i.display_name.clone())
                    .unwrap_or_default();
                self.send_write(
                    RequestKind::CancelSenderInvitation { id },
                    format!("cancelled the invitation {name}"),
                    ctx,
                );
            }
            _ => {}
        }
    }

    fn filter(&self) -> Option<&ListFilter> {
        Some(&self.invitations.filter)
    }

    fn set_filter(&mut self, filter: ListFilter, _ctx: &Ctx) {
        self.invitations.set_filter(filter);
    }

    fn selected_ocid(&self, _ctx: &Ctx) -> Option<String> {
        self.invitations.selected().map(|i| i.id.clone())
    }

    fn selected_json(&self, _ctx: &Ctx) -> Option<serde_json::Value> {
        serde_json::to_value(self.invitations.selected()?).ok()
    }

    fn back(&mut self, _ctx: &mut Ctx) -> bool {
        if self.invitations.filter.is_active() {
            let mut cleared = self.invitations.filter.clone();
            cleared.query.clear();
            self.invitations.set_filter(cleared);
            return true;
        }
        false
    }
}
