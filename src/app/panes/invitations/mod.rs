//! State of the Invitations pane: the tenancy's sender invitations (asking other tenancies
//! to join its organization) with their status, and create, rename and cancel.

mod kind;

use std::collections::BTreeMap;

use crate::model::{
    CreateSenderInvitationDetails, InvitationStatus, SenderInvitation,
    UpdateSenderInvitationDetails,
};

use super::{Dialogs, KeyContext, Pane, PaneDialog, PaneId, PaneState};
use crate::app::action::Action;
use crate::app::ctx::Ctx;
use crate::app::request::{InvitationRequest, RequestId, Response};
use crate::app::tag_fields::{changed, given, read_tags, tag_fields};
use crate::app::validate;
use crate::app::widgets::form::{Field, FormValues};
use crate::app::widgets::list_view::{ListControl, ListView};
use crate::app::widgets::loadable::Loadable;
use crate::app::widgets::modal::{Modal, ModalOutcome, Tone, ToneLine};

const ME: PaneId = PaneId::Invitations;

/// What an invitation can ask of the recipient.
const SUBJECTS: [&str; 3] = ["LINK", "GOVERNANCE", "LINK, GOVERNANCE"];

/// The dialogs this pane opens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InvitationsDialog {
    Create,
    /// The update is conditional on `etag`, from the read that opened the form.
    Edit { id: String, etag: Option<String> },
    Cancel { id: String },
}

fn dialog(d: InvitationsDialog) -> PaneDialog {
    PaneDialog::Invitations(d)
}

#[derive(Debug, Default)]
pub struct InvitationsPane {
    pub invitations: ListView<SenderInvitation>,
    /// Writes waiting for their answer; a cancel reloads the list when it is done.
    pub writes: BTreeMap<RequestId, InvitationsDialog>,
    /// The read whose answer opens the edit form.
    pub edit_read: Option<RequestId>,
}

impl InvitationsPane {
    fn load(&mut self, ctx: &mut Ctx) {
        self.invitations
            .start_loading(ctx.send_read(ME, InvitationRequest::List));
    }

    fn start_write(&mut self, action: &Action, ctx: &mut Ctx) {
        if *action == Action::Create {
            let mut fields = vec![
                    Field::text("recipient", "Recipient tenancy OCID")
                        .required()
                        .check(|v| validate::ocid(v, "tenancy"))
                        .help("ocid1.tenancy.oc1..<id> of the tenancy to invite"),
                    Field::text("name", "Display name")
                        .required()
                        .max_chars(100)
                        .help("how the invitation is listed"),
                    Field::text("email", "Recipient e-mail")
                        .check(validate::email)
                        .help("optional: who is told about it"),
                    Field::choice("subjects", "Subjects", &SUBJECTS, SUBJECTS[0])
                        .help("LINK: join the organization; GOVERNANCE: also be governed by it"),
                    Field::text("features", "Features")
                        .help("optional: feature names, separated by commas (a link each)"),
            ];
            fields.extend(tag_fields(ctx, ME, &BTreeMap::default(), &BTreeMap::default()));
            ctx.open(Modal::form(
                dialog(InvitationsDialog::Create),
                "Invite a tenancy",
                fields,
            ));
            return;
        }
        let Some(inv) = self.invitations.selected() else {
            ctx.toasts.info("no invitation selected");
            return;
        };
        let id = inv.id.clone();
        match action {
            Action::Edit | Action::Rename => {
                // Read fresh: the form shows what the service has, and the update is
                // conditional on it.
                self.edit_read = Some(ctx.send_read(ME, InvitationRequest::Get { id }));
            }
            Action::Delete if inv.status != InvitationStatus::Pending => ctx.toasts.info(format!(
                "only pending invitations can be cancelled (this one is {})",
                inv.status
            )),
            Action::Delete => {
                let name = inv.display_name.clone();
                ctx.open(Modal::typed_confirm(
                    dialog(InvitationsDialog::Cancel { id }),
                    "Cancel invitation",
                    vec![
                        ToneLine::new(Tone::Heading, format!("Cancel the invitation {name}?")),
                        ToneLine::plain(format!("to tenancy {}", inv.recipient_tenancy_id)),
                        ToneLine::plain("The recipient can no longer accept it."),
                        ToneLine::plain(""),
                        ToneLine::new(
                            Tone::Dim,
                            format!("Type its name ({name}) to confirm."),
                        ),
                    ],
                    &name,
                ));
            }
            _ => {}
        }
    }

    fn submit(&mut self, dialog: InvitationsDialog, v: &FormValues, ctx: &mut Ctx) {
        match dialog {
            InvitationsDialog::Create => {
                if v.get("recipient") == ctx.session.tenancy_id {
                    return ctx.refuse(Some("recipient"), "a tenancy cannot invite itself");
                }
                let (free, defined) = match read_tags(v) {
                    Ok(tags) => tags,
                    Err((field, e)) => return ctx.refuse(Some(field), e),
                };
                let features: Vec<String> = crate::app::tag_catalogue::entries(v.get("features"))
                    .into_iter()
                    .map(str::to_string)
                    .collect();
                let details = CreateSenderInvitationDetails {
                    compartment_id: ctx.session.tenancy_id.clone(),
                    recipient_tenancy_id: v.string("recipient"),
                    recipient_email_address: v.optional("email"),
                    display_name: Some(v.string("name")),
                    subjects: Some(
                        v.get("subjects")
                            .split(',')
                            .map(|s| s.trim().to_string())
                            .collect(),
                    ),
                    features: given(features),
                    freeform_tags: given(free),
                    defined_tags: given(defined),
                };
                let done = format!("invited {}", v.get("name"));
                if let Some(id) = ctx.write(ME, InvitationRequest::Create(details), done) {
                    self.writes.insert(id, InvitationsDialog::Create);
                }
            }
            InvitationsDialog::Edit { id, etag } => {
                let Some(old) = self.invitations.find(&id) else {
                    return;
                };
                let (free, defined) = match read_tags(v) {
                    Ok(tags) => tags,
                    Err((field, e)) => return ctx.refuse(Some(field), e),
                };
                let details = UpdateSenderInvitationDetails {
                    display_name: changed(&old.display_name, v.string("name")),
                    freeform_tags: changed(&old.freeform_tags, free),
                    defined_tags: changed(&old.defined_tags, defined),
                };
                if details == UpdateSenderInvitationDetails::default() {
                    ctx.toasts.info("nothing changed");
                    return;
                }
                let done = format!("updated the invitation {}", v.get("name"));
                let kind = InvitationRequest::Update {
                    id: id.clone(),
                    details,
                    if_match: etag.clone(),
                };
                if let Some(req) = ctx.write(ME, kind, done) {
                    self.writes.insert(req, InvitationsDialog::Edit { id, etag });
                }
            }
            InvitationsDialog::Cancel { .. } => {}
        }
    }

    /// The fresh read of an invitation: its edit form, with the etag it carried.
    fn open_edit(&mut self, response: &Response, ctx: &mut Ctx) {
        let item = match &response.result {
            Ok(crate::app::request::Payload::Item(item)) => item,
            Ok(other) => return ctx.toasts.error(format!("unexpected answer: {}", other.describe())),
            Err(f) => return ctx.toasts.error(f.summary()),
        };
        let Some(inv) = item.get::<SenderInvitation>() else {
            return;
        };
        let mut fields = vec![
            Field::text("name", "Display name")
                .value(&inv.display_name)
                .required()
                .max_chars(100),
        ];
        fields.extend(tag_fields(ctx, ME, &inv.freeform_tags, &inv.defined_tags));
        ctx.open(Modal::form(
            dialog(InvitationsDialog::Edit {
                id: inv.id.clone(),
                etag: item.etag.clone(),
            }),
            "Edit invitation",
            fields,
        ));
        self.invitations.replace(inv, ctx);
    }

    fn take_write(&mut self, response: Response, ctx: &mut Ctx) {
        if !response.done {
            return;
        }
        if self.edit_read.take_if(|r| *r == response.id).is_some() {
            return self.open_edit(&response, ctx);
        }
        let Some(write) = self.writes.remove(&response.id) else {
            return;
        };
        let Ok(payload) = response.result else {
            return;
        };
        match (write, payload.as_item::<SenderInvitation>()) {
            (_, Some(inv)) => self.invitations.upsert(inv, ctx),
            // A cancel answers with nothing (or a work request): read the new status.
            (InvitationsDialog::Cancel { .. }, None) => self.load(ctx),
            _ => {}
        }
    }
}

impl Pane for InvitationsPane {
    fn contexts(&self) -> Vec<KeyContext> {
        vec![KeyContext::Invitations, KeyContext::List]
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

    fn take_response(&mut self, mut response: Response, ctx: &mut Ctx) {
        if !self.invitations.take_response(&mut response, ctx) {
            self.take_write(response, ctx);
        }
    }

    fn ensure_loaded(&mut self, ctx: &mut Ctx) {
        if matches!(self.invitations.items, Loadable::NotLoaded) {
            self.load(ctx);
        }
    }

    fn lend(&self, before: &mut crate::model::Snapshot, _ctx: &Ctx) {
        if let Some(invitations) = self.invitations.loaded() {
            before.sender_invitations = invitations.clone();
        }
    }

    fn warm(&mut self, snapshot: &crate::model::Snapshot, ctx: &mut Ctx) -> bool {
        self.invitations
            .set_items(snapshot.sender_invitations.clone(), ctx);
        true
    }

    fn refresh(&mut self, ctx: &mut Ctx) {
        self.load(ctx);
    }

    fn focused_list(&self) -> Option<&dyn ListControl> {
        Some(&self.invitations)
    }

    fn focused_list_mut(&mut self) -> Option<&mut dyn ListControl> {
        Some(&mut self.invitations)
    }
}

impl Dialogs for InvitationsPane {
    type Dialog = InvitationsDialog;

    fn on_modal(&mut self, dialog: InvitationsDialog, outcome: ModalOutcome, ctx: &mut Ctx) {
        match (dialog, outcome) {
            (dialog, ModalOutcome::Submitted(values)) => self.submit(dialog, &values, ctx),
            (InvitationsDialog::Cancel { id }, ModalOutcome::Confirmed) => {
                let name = self
                    .invitations
                    .find(&id)
                    .map(|i| i.display_name.clone())
                    .unwrap_or_default();
                let kind = InvitationRequest::Cancel { id: id.clone() };
                if let Some(req) = ctx.write(ME, kind, format!("cancelled the invitation {name}"))
                {
                    self.writes.insert(req, InvitationsDialog::Cancel { id });
                }
            }
            _ => {}
        }
    }
}

impl PaneState for InvitationsPane {
    fn new(_id: PaneId) -> Self {
        Self::default()
    }
}
