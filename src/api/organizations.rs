//! Organizations (`/20230401`): sender invitations, whose lists come wrapped in `{"items"}`.

use reqwest::Method;

use super::client::{Call, Client, seg};
use super::error::ApiError;
use super::etagged::Etagged;
use super::paging::{ListShape, Pager};
use super::query::SenderInvitationQuery;
use crate::model::{
    CreateSenderInvitationDetails, SenderInvitation, UpdateSenderInvitationDetails, WorkRequest,
};

fn path(id: &str) -> String {
    format!("/senderInvitations/{}", seg(id))
}

/// A created invitation, and the work request that sends it.
#[derive(Debug, Clone, PartialEq)]
pub struct CreatedInvitation {
    pub invitation: Etagged<SenderInvitation>,
    pub work_request_id: Option<String>,
}

impl Client {
    pub fn list_sender_invitations(
        &self,
        compartment_id: &str,
        q: &SenderInvitationQuery,
    ) -> Pager<SenderInvitation> {
        let call = Call::get("ListSenderInvitations", "/senderInvitations")
            .organizations()
            .query("compartmentId", compartment_id)
            .query_opt("recipientTenancyId", q.recipient_tenancy_id.as_ref())
            .query_opt("lifecycleState", q.lifecycle_state.as_ref())
            .query_opt("status", q.status.as_ref())
            .query_opt("displayName", q.display_name.as_ref())
            .query_opt("sortBy", q.sort_by.as_ref())
            .query_opt("sortOrder", q.sort_order.as_ref());
        Pager::new(self, call, ListShape::Items)
    }

    pub async fn get_sender_invitation(
        &self,
        id: &str,
    ) -> Result<Etagged<SenderInvitation>, ApiError> {
        self.fetch(Call::get("GetSenderInvitation", path(id)).organizations())
            .await
    }

    pub async fn create_sender_invitation(
        &self,
        details: &CreateSenderInvitationDetails,
    ) -> Result<CreatedInvitation, ApiError> {
        let call = Call::new("CreateSenderInvitation", Method::POST, "/senderInvitations")
            .organizations()
            .json(details)
            .retry_token();
        let (value, reply) = self.send_json(&call).await?;
        Ok(CreatedInvitation {
            invitation: Etagged {
                value,
                etag: reply.etag(),
            },
            work_request_id: reply.work_request_id(),
        })
    }

    pub async fn update_sender_invitation(
        &self,
        id: &str,
        details: &UpdateSenderInvitationDetails,
        if_match: Option<&str>,
    ) -> Result<Etagged<SenderInvitation>, ApiError> {
        let call = Call::new("UpdateSenderInvitation", Method::PUT, path(id))
            .organizations()
            .json(details)
            .if_match(if_match);
        self.fetch(call).await
    }

    /// Asynchronous: returns the work request id.
    pub async fn cancel_sender_invitation(
        &self,
        id: &str,
        if_match: Option<&str>,
    ) -> Result<Option<String>, ApiError> {
        let call = Call::new(
            "CancelSenderInvitation",
            Method::POST,
            format!("{}/actions/cancel", path(id)),
        )
        .organizations()
        .if_match(if_match)
        .retry_token();
        self.action(call).await
    }

    /// An Organizations work request (creating or cancelling an invitation).
    pub async fn get_organizations_work_request(&self, id: &str) -> Result<WorkRequest, ApiError> {
        let call =
            Call::get("GetWorkRequest", format!("/workRequests/{}", seg(id))).organizations();
        Ok(self.send_json(&call).await?.0)
    }
}
