//! Organizations sender invitations. A cancel is followed as the Organizations work request
//! the service starts for it.

use crate::api::SenderInvitationQuery;
use crate::app::worker::{Work, WorkService};
use crate::model::{CreateSenderInvitationDetails, UpdateSenderInvitationDetails};

#[derive(Debug, Clone, PartialEq)]
pub enum InvitationRequest {
    List,
    Create(CreateSenderInvitationDetails),
    Update {
        id: String,
        details: UpdateSenderInvitationDetails,
    },
    /// Answers with the work request if the service starts one, else `Done`.
    Cancel {
        id: String,
    },
}

impl InvitationRequest {
    pub fn is_write(&self) -> bool {
        match self {
            InvitationRequest::List => false,
            InvitationRequest::Create(_)
            | InvitationRequest::Update { .. }
            | InvitationRequest::Cancel { .. } => true,
        }
    }

    pub(crate) async fn run(&self, w: &Work<'_>) {
        let c = w.client;
        match self {
            InvitationRequest::List => w.list(
                c.list_sender_invitations(w.tenancy_id, &SenderInvitationQuery::default())
                    .all()
                    .await,
            ),
            // The invitation exists at once; its work request only sends it on.
            InvitationRequest::Create(d) => {
                w.one(c.create_sender_invitation(d).await.map(|c| c.invitation));
            }
            InvitationRequest::Update { id, details } => {
                w.one(c.update_sender_invitation(id, details, None).await);
            }
            InvitationRequest::Cancel { id } => {
                let started = c.cancel_sender_invitation(id, None).await;
                w.follow(WorkService::Organizations, started).await;
            }
        }
    }
}
