//! Users and what hangs off them: state, capabilities, console password, API keys (the other
//! credentials are in `credentials`).

use reqwest::Method;

use crate::api::client::{Call, Client, seg};
use crate::api::error::ApiError;
use crate::api::etagged::Etagged;
use crate::api::paging::{ListShape, Pager};
use crate::api::query::UserQuery;
use crate::model::{
    ApiKey, CreateApiKeyDetails, CreateUserDetails, UiPassword, UpdateStateDetails,
    UpdateUserCapabilitiesDetails, UpdateUserDetails, User,
};

pub(super) fn path(id: &str) -> String {
    format!("/users/{}", seg(id))
}

impl Client {
    pub fn list_users(&self, compartment_id: &str, q: &UserQuery) -> Pager<User> {
        let call = Call::get("ListUsers", "/users")
            .query("compartmentId", compartment_id)
            .query_opt("identityProviderId", q.identity_provider_id.as_ref())
            .query_opt("externalIdentifier", q.external_identifier.as_ref())
            .filter(&q.filter);
        Pager::new(self, call, ListShape::Array)
    }

    pub async fn get_user(&self, id: &str) -> Result<Etagged<User>, ApiError> {
        self.get_one("GetUser", path(id)).await
    }

    pub async fn create_user(
        &self,
        details: &CreateUserDetails,
    ) -> Result<Etagged<User>, ApiError> {
        self.create("CreateUser", "/users".into(), details).await
    }

    pub async fn update_user(
        &self,
        id: &str,
        details: &UpdateUserDetails,
        if_match: Option<&str>,
    ) -> Result<Etagged<User>, ApiError> {
        self.update("UpdateUser", path(id), details, if_match).await
    }

    pub async fn delete_user(&self, id: &str, if_match: Option<&str>) -> Result<(), ApiError> {
        self.delete("DeleteUser", path(id), if_match)
            .await
            .map(drop)
    }

    /// Blocks or unblocks the user's console sign-in.
    pub async fn update_user_state(
        &self,
        id: &str,
        blocked: bool,
        if_match: Option<&str>,
    ) -> Result<Etagged<User>, ApiError> {
        let body = UpdateStateDetails { blocked };
        self.update(
            "UpdateUserState",
            format!("{}/state", path(id)),
            &body,
            if_match,
        )
        .await
    }

    pub async fn update_user_capabilities(
        &self,
        id: &str,
        details: &UpdateUserCapabilitiesDetails,
        if_match: Option<&str>,
    ) -> Result<Etagged<User>, ApiError> {
        let path = format!("{}/capabilities", path(id));
        self.update("UpdateUserCapabilities", path, details, if_match)
            .await
    }

    /// A new one-time console password; it is in this answer only.
    pub async fn create_or_reset_ui_password(
        &self,
        id: &str,
    ) -> Result<Etagged<UiPassword>, ApiError> {
        let call = Call::new(
            "CreateOrResetUIPassword",
            Method::POST,
            format!("{}/uiPassword", path(id)),
        )
        .empty_body()
        .retry_token();
        self.fetch(call).await
    }

    pub async fn list_api_keys(&self, user_id: &str) -> Result<Vec<ApiKey>, ApiError> {
        let call = Call::get("ListApiKeys", format!("{}/apiKeys", path(user_id)));
        Pager::new(self, call, ListShape::Array).all().await
    }

    /// Uploads a PEM public key as an API signing key of the user.
    pub async fn upload_api_key(
        &self,
        user_id: &str,
        public_key_pem: &str,
    ) -> Result<Etagged<ApiKey>, ApiError> {
        let body = CreateApiKeyDetails {
            key: public_key_pem.to_string(),
        };
        self.create("UploadApiKey", format!("{}/apiKeys", path(user_id)), &body)
            .await
    }

    pub async fn delete_api_key(
        &self,
        user_id: &str,
        fingerprint: &str,
        if_match: Option<&str>,
    ) -> Result<(), ApiError> {
        let path = format!("{}/apiKeys/{}", path(user_id), seg(fingerprint));
        self.delete("DeleteApiKey", path, if_match).await.map(drop)
    }
}
