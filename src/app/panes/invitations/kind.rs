//! Sender invitations as a resource kind.

use crate::app::action::Action;
use crate::app::ctx::Ctx;
use crate::app::resource::{Column, Noun, Presence, Resource, Width};
use crate::model::{InvitationStatus, SenderInvitation};

impl Resource for SenderInvitation {
    const NOUN: Noun = Noun {
        one: "invitation",
        many: "invitations",
    };

    fn id(&self) -> &str {
        &self.id
    }

    fn name(&self) -> &str {
        &self.display_name
    }

    fn columns() -> Vec<Column<Self>> {
        vec![
            Column::new("Invitation", Width::Percent(30), |i, _| i.display_name.clone()),
            Column::new("Recipient tenancy", Width::Fill(1), |i, _| {
                i.recipient_tenancy_id.clone()
            }),
            Column::new("Status", Width::Fixed(9), |i, _| i.status.to_string()),
            Column::new("State", Width::Fixed(9), |i, _| i.lifecycle_state.to_string()),
        ]
    }

    fn detail(&self, _ctx: &Ctx) -> Vec<(&'static str, String)> {
        let mut out = vec![
            ("OCID", self.id.clone()),
            ("Recipient", self.recipient_tenancy_id.clone()),
            (
                "E-mail",
                self.recipient_email_address
                    .clone()
                    .unwrap_or_else(|| "-".into()),
            ),
            (
                "Status",
                format!("{} (lifecycle {})", self.status, self.lifecycle_state),
            ),
            ("Created", self.time_created.clone()),
        ];
        if let Some(updated) = &self.time_updated {
            out.push(("Updated", updated.clone()));
        }
        if !self.subjects.is_empty() {
            out.push(("Subjects", self.subjects.join(", ")));
        }
        out
    }

    fn presence(&self) -> Presence {
        match self.status {
            InvitationStatus::Canceled | InvitationStatus::Expired | InvitationStatus::Failed => {
                Presence::Dormant
            }
            _ => Presence::of(&self.lifecycle_state),
        }
    }

    fn settling(&self) -> bool {
        crate::app::resource::in_transition(&self.lifecycle_state)
    }

    fn actions() -> &'static [Action] {
        &[Action::Create, Action::Edit, Action::Delete]
    }
}
