//! Compartments: list (children or whole subtree), get, create, update, move, delete, recover.

use reqwest::Method;

use crate::api::client::{Call, Client, seg};
use crate::api::error::ApiError;
use crate::api::etagged::Etagged;
use crate::api::paging::{ListShape, Pager};
use crate::api::query::CompartmentQuery;
use crate::model::{
    Compartment, CreateCompartmentDetails, MoveCompartmentDetails, UpdateCompartmentDetails,
};

fn path(id: &str) -> String {
    format!("/compartments/{}", seg(id))
}

impl Client {
    /// The tenancy itself is never in the list.
    pub fn list_compartments(&self, q: &CompartmentQuery) -> Pager<Compartment> {
        let call = Call::get("ListCompartments", "/compartments")
            .query("compartmentId", &q.compartment_id)
            .query_opt("accessLevel", q.access_level.as_ref())
            .query_opt("compartmentIdInSubtree", q.compartment_id_in_subtree)
            .filter(&q.filter);
        Pager::new(self, call, ListShape::Array)
    }

    pub async fn get_compartment(&self, id: &str) -> Result<Etagged<Compartment>, ApiError> {
        self.get_one("GetCompartment", path(id)).await
    }

    pub async fn create_compartment(
        &self,
        details: &CreateCompartmentDetails,
    ) -> Result<Etagged<Compartment>, ApiError> {
        self.create("CreateCompartment", "/compartments".into(), details)
            .await
    }

    pub async fn update_compartment(
        &self,
        id: &str,
        details: &UpdateCompartmentDetails,
        if_match: Option<&str>,
    ) -> Result<Etagged<Compartment>, ApiError> {
        self.update("UpdateCompartment", path(id), details, if_match)
            .await
    }

    /// Asynchronous: returns the work request to poll. Refused while the compartment holds
    /// anything.
    pub async fn delete_compartment(
        &self,
        id: &str,
        if_match: Option<&str>,
    ) -> Result<Option<String>, ApiError> {
        self.delete("DeleteCompartment", path(id), if_match).await
    }

    /// Asynchronous: returns the work request to poll.
    pub async fn move_compartment(
        &self,
        id: &str,
        target_compartment_id: &str,
        if_match: Option<&str>,
    ) -> Result<Option<String>, ApiError> {
        let body = MoveCompartmentDetails {
            target_compartment_id: target_compartment_id.to_string(),
        };
        let call = Call::new(
            "MoveCompartment",
            Method::POST,
            format!("{}/actions/moveCompartment", path(id)),
        )
        .json(&body)
        .if_match(if_match)
        .retry_token();
        self.action(call).await
    }

    /// Brings a deleted compartment back. OCI declares no retry token for it, so it is never
    /// retried.
    pub async fn recover_compartment(
        &self,
        id: &str,
        if_match: Option<&str>,
    ) -> Result<Etagged<Compartment>, ApiError> {
        let call = Call::new(
            "RecoverCompartment",
            Method::POST,
            format!("{}/actions/recoverCompartment", path(id)),
        )
        .empty_body()
        .if_match(if_match);
        self.fetch(call).await
    }
}
