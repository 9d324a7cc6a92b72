//! Organizations sender invitations. A cancel is followed as the Organizations work request
//! the service starts for it.

use crate::api::SenderInvitationQuery;
use crate::app::worker::{Work, WorkService};
use crate::model::{CreateSenderInvitationDetails, UpdateSenderInvitationDetails};

#[derive(Debug, Clone, PartialEq)]
pub enum InvitationRequest {
    List,
    /// One invitation with its etag (the edit form reads it fresh first).
    Get {
        id: String,
    },
    Create(CreateSenderInvitationDetails),
    /// Conditional on `if_match` (the etag the edit form read).
    Update {
        id: String,
        details: UpdateSenderInvitationDetails,
        if_match: Option<String>,
    },
    /// Answers with the work request if the service starts one, else `Done`.
    Cancel {
        id: String,
    },
}

impl InvitationRequest {
    pub fn is_write(&self) -> bool {
        match self {
            InvitationRequest::List | InvitationRequest::Get { .. } => false,
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
            InvitationRequest::Get { id } => w.one(c.get_sender_invitation(id).await),
            InvitationRequest::Update {
                id,
                details,
                if_match,
            } => w.one(
                c.update_sender_invitation(id, details, if_match.as_deref())
                    .await,
            ),
            InvitationRequest::Cancel { id } => {
                let started = c.cancel_sender_invitation(id, None).await;
                w.follow(WorkService::Organizations, started).await;
            }
        }
    }
}
