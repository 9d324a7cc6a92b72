//! The shapes most operations share: a value with its etag, and the four verbs (get, create,
//! update, delete) with OCI's header rules, so each operation is one line of intent.

use reqwest::Method;
use serde::Serialize;
use serde::de::DeserializeOwned;

use super::client::{Call, Client};
use super::error::ApiError;
use super::lost_answer::may_be_ours;

/// A resource and the `etag` it came with; pass the etag back as `if_match` to update it only
/// if nobody changed it meanwhile. Some resources (tag namespaces) have none.
#[derive(Debug, Clone, PartialEq)]
pub struct Etagged<T> {
    pub value: T,
    pub etag: Option<String>,
}

impl<T> Etagged<T> {
    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Etagged<U> {
        Etagged {
            value: f(self.value),
            etag: self.etag,
        }
    }
}

impl Client {
    /// Sends a call answered by one resource and its etag.
    pub(crate) async fn fetch<T: DeserializeOwned>(
        &self,
        call: Call,
    ) -> Result<Etagged<T>, ApiError> {
        let (value, reply) = self.send_json(&call).await?;
        Ok(Etagged {
            value,
            etag: reply.etag(),
        })
    }

    pub(crate) async fn get_one<T: DeserializeOwned>(
        &self,
        operation: &'static str,
        path: String,
    ) -> Result<Etagged<T>, ApiError> {
        self.fetch(Call::get(operation, path)).await
    }

    /// POST with a JSON body and a retry token, so a retried create makes one resource.
    pub(crate) async fn create<T: DeserializeOwned>(
        &self,
        operation: &'static str,
        path: String,
        body: &impl Serialize,
    ) -> Result<Etagged<T>, ApiError> {
        self.fetch(
            Call::new(operation, Method::POST, path)
                .json(body)
                .retry_token(),
        )
        .await
    }

    pub(crate) async fn update<T: DeserializeOwned>(
        &self,
        operation: &'static str,
        path: String,
        body: &impl Serialize,
        if_match: Option<&str>,
    ) -> Result<Etagged<T>, ApiError> {
        let call = Call::new(operation, Method::PUT, path.clone())
            .json(body)
            .if_match(if_match);
        match self.fetch(call).await {
            Err(e) if may_be_ours(&e, &[412]) => self.own_update(path, body, e).await,
            result => result,
        }
    }

    /// DELETE; returns the work request id for the deletes OCI runs asynchronously.
    pub(crate) async fn delete(
        &self,
        operation: &'static str,
        path: String,
        if_match: Option<&str>,
    ) -> Result<Option<String>, ApiError> {
        let call = Call::new(operation, Method::DELETE, path.clone()).if_match(if_match);
        match self.send(&call).await {
            Ok(reply) => Ok(reply.work_request_id()),
            Err(e) if may_be_ours(&e, &[404, 409, 412]) => self.own_delete(path, e).await,
            Err(e) => Err(e),
        }
    }

    /// A body-less POST action (`actions/...`); returns the work request id if any.
    pub(crate) async fn action(&self, call: Call) -> Result<Option<String>, ApiError> {
        let reply = self.send(&call.empty_body_if_none()).await?;
        Ok(reply.work_request_id())
    }
}

impl Call {
    fn empty_body_if_none(self) -> Self {
        if self.body.is_some() {
            self
        } else {
            self.empty_body()
        }
    }
}
