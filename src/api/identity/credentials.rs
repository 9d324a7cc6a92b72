//! A user's credentials besides API keys: auth tokens, Swift passwords, customer secret keys,
//! SMTP credentials, DB credentials and OAuth 2.0 client credentials. A create's answer
//! carries the secret (as [`crate::model::Secret`]); every other answer is metadata only.

use crate::api::client::{Call, Client, seg};
use crate::api::error::ApiError;
use crate::api::etagged::Etagged;
use crate::api::paging::{ListShape, Pager};
use crate::api::query::ListFilter;
use crate::model::{
    AuthToken, CreateAuthTokenDetails, CreateCustomerSecretKeyDetails, CreateDbCredentialDetails,
    CreateOAuth2ClientCredentialDetails, CreateSmtpCredentialDetails, CreateSwiftPasswordDetails,
    CustomerSecretKey, CustomerSecretKeySummary, DbCredential, DbCredentialSummary, LifecycleState,
    NewAuthToken, NewSwiftPassword, OAuth2ClientCredential, OAuth2ClientCredentialSummary,
    SmtpCredential, SmtpCredentialSummary, SwiftPassword, UpdateAuthTokenDetails,
    UpdateCustomerSecretKeyDetails, UpdateOAuth2ClientCredentialDetails,
    UpdateSmtpCredentialDetails, UpdateSwiftPasswordDetails,
};

/// `/users/{user}/{kind}`.
fn kind(user_id: &str, kind: &str) -> String {
    format!("{}/{kind}", super::users::path(user_id))
}

/// `/users/{user}/{kind}/{id}`.
fn one(user_id: &str, what: &str, id: &str) -> String {
    format!("{}/{}", kind(user_id, what), seg(id))
}

impl Client {
    /// Every page of an unpaged credential list (OCI sends them all at once).
    async fn all_of<T>(
        &self,
        operation: &'static str,
        user_id: &str,
        what: &str,
    ) -> Result<Vec<T>, ApiError>
    where
        T: serde::de::DeserializeOwned + Send + 'static,
    {
        let call = Call::get(operation, kind(user_id, what));
        Pager::new(self, call, ListShape::Array).all().await
    }

    pub async fn list_auth_tokens(&self, user_id: &str) -> Result<Vec<AuthToken>, ApiError> {
        self.all_of("ListAuthTokens", user_id, "authTokens").await
    }

    /// A new auth token; its secret (`value.token`) is in this answer only.
    pub async fn create_auth_token(
        &self,
        user_id: &str,
        description: &str,
    ) -> Result<Etagged<NewAuthToken>, ApiError> {
        let body = CreateAuthTokenDetails {
            description: description.to_string(),
        };
        self.create("CreateAuthToken", kind(user_id, "authTokens"), &body)
            .await
    }

    pub async fn update_auth_token(
        &self,
        user_id: &str,
        auth_token_id: &str,
        details: &UpdateAuthTokenDetails,
        if_match: Option<&str>,
    ) -> Result<Etagged<AuthToken>, ApiError> {
        let path = one(user_id, "authTokens", auth_token_id);
        self.update("UpdateAuthToken", path, details, if_match)
            .await
    }

    pub async fn delete_auth_token(
        &self,
        user_id: &str,
        auth_token_id: &str,
        if_match: Option<&str>,
    ) -> Result<(), ApiError> {
        let path = one(user_id, "authTokens", auth_token_id);
        self.delete("DeleteAuthToken", path, if_match)
            .await
            .map(drop)
    }

    /// Deprecated by OCI in favour of auth tokens, with which they share the limit of two.
    pub async fn list_swift_passwords(
        &self,
        user_id: &str,
    ) -> Result<Vec<SwiftPassword>, ApiError> {
        self.all_of("ListSwiftPasswords", user_id, "swiftPasswords")
            .await
    }

    /// A new Swift password; its secret (`value.password`) is in this answer only.
    pub async fn create_swift_password(
        &self,
        user_id: &str,
        description: &str,
    ) -> Result<Etagged<NewSwiftPassword>, ApiError> {
        let body = CreateSwiftPasswordDetails {
            description: description.to_string(),
        };
        let path = kind(user_id, "swiftPasswords");
        self.create("CreateSwiftPassword", path, &body).await
    }

    pub async fn update_swift_password(
        &self,
        user_id: &str,
        swift_password_id: &str,
        details: &UpdateSwiftPasswordDetails,
        if_match: Option<&str>,
    ) -> Result<Etagged<SwiftPassword>, ApiError> {
        let path = one(user_id, "swiftPasswords", swift_password_id);
        self.update("UpdateSwiftPassword", path, details, if_match)
            .await
    }

    pub async fn delete_swift_password(
        &self,
        user_id: &str,
        swift_password_id: &str,
        if_match: Option<&str>,
    ) -> Result<(), ApiError> {
        let path = one(user_id, "swiftPasswords", swift_password_id);
        self.delete("DeleteSwiftPassword", path, if_match)
            .await
            .map(drop)
    }

    pub async fn list_customer_secret_keys(
        &self,
        user_id: &str,
    ) -> Result<Vec<CustomerSecretKeySummary>, ApiError> {
        self.all_of("ListCustomerSecretKeys", user_id, "customerSecretKeys")
            .await
    }

    /// A new secret key; `value.summary.id` is the access key, `value.key` the secret, shown
    /// in this answer only.
    pub async fn create_customer_secret_key(
        &self,
        user_id: &str,
        display_name: &str,
    ) -> Result<Etagged<CustomerSecretKey>, ApiError> {
        let body = CreateCustomerSecretKeyDetails {
            display_name: display_name.to_string(),
        };
        let path = kind(user_id, "customerSecretKeys");
        self.create("CreateCustomerSecretKey", path, &body).await
    }

    pub async fn update_customer_secret_key(
        &self,
        user_id: &str,
        customer_secret_key_id: &str,
        details: &UpdateCustomerSecretKeyDetails,
        if_match: Option<&str>,
    ) -> Result<Etagged<CustomerSecretKeySummary>, ApiError> {
        let path = one(user_id, "customerSecretKeys", customer_secret_key_id);
        self.update("UpdateCustomerSecretKey", path, details, if_match)
            .await
    }

    pub async fn delete_customer_secret_key(
        &self,
        user_id: &str,
        customer_secret_key_id: &str,
        if_match: Option<&str>,
    ) -> Result<(), ApiError> {
        let path = one(user_id, "customerSecretKeys", customer_secret_key_id);
        self.delete("DeleteCustomerSecretKey", path, if_match)
            .await
            .map(drop)
    }

    pub async fn list_smtp_credentials(
        &self,
        user_id: &str,
    ) -> Result<Vec<SmtpCredentialSummary>, ApiError> {
        self.all_of("ListSmtpCredentials", user_id, "smtpCredentials")
            .await
    }

    /// A new SMTP credential; its password (`value.password`) is in this answer only.
    pub async fn create_smtp_credential(
        &self,
        user_id: &str,
        description: &str,
    ) -> Result<Etagged<SmtpCredential>, ApiError> {
        let body = CreateSmtpCredentialDetails {
            description: description.to_string(),
        };
        let path = kind(user_id, "smtpCredentials");
        self.create("CreateSmtpCredential", path, &body).await
    }

    pub async fn update_smtp_credential(
        &self,
        user_id: &str,
        smtp_credential_id: &str,
        details: &UpdateSmtpCredentialDetails,
        if_match: Option<&str>,
    ) -> Result<Etagged<SmtpCredentialSummary>, ApiError> {
        let path = one(user_id, "smtpCredentials", smtp_credential_id);
        self.update("UpdateSmtpCredential", path, details, if_match)
            .await
    }

    pub async fn delete_smtp_credential(
        &self,
        user_id: &str,
        smtp_credential_id: &str,
        if_match: Option<&str>,
    ) -> Result<(), ApiError> {
        let path = one(user_id, "smtpCredentials", smtp_credential_id);
        self.delete("DeleteSmtpCredential", path, if_match)
            .await
            .map(drop)
    }

    /// Paged; `name` filters (and NAME sorts) on the description.
    pub fn list_db_credentials(
        &self,
        user_id: &str,
        filter: &ListFilter,
    ) -> Pager<DbCredentialSummary> {
        let call = Call::get("ListDbCredentials", kind(user_id, "dbCredentials")).filter(filter);
        Pager::new(self, call, ListShape::Array)
    }

    /// Sets an IAM database password (the caller's, so nothing secret comes back).
    pub async fn create_db_credential(
        &self,
        user_id: &str,
        details: &CreateDbCredentialDetails,
    ) -> Result<Etagged<DbCredential>, ApiError> {
        let path = kind(user_id, "dbCredentials");
        self.create("CreateDbCredential", path, details).await
    }

    pub async fn delete_db_credential(
        &self,
        user_id: &str,
        db_credential_id: &str,
        if_match: Option<&str>,
    ) -> Result<(), ApiError> {
        let path = one(user_id, "dbCredentials", db_credential_id);
        self.delete("DeleteDbCredential", path, if_match)
            .await
            .map(drop)
    }

    pub fn list_o_auth_client_credentials(
        &self,
        user_id: &str,
        lifecycle_state: Option<&LifecycleState>,
    ) -> Pager<OAuth2ClientCredentialSummary> {
        let call = Call::get(
            "ListOAuthClientCredentials",
            kind(user_id, "oauth2ClientCredentials"),
        )
        .query_opt("lifecycleState", lifecycle_state);
        Pager::new(self, call, ListShape::Array)
    }

    /// A new OAuth 2.0 client credential; `value.password` (the client secret) is in this
    /// answer only.
    pub async fn create_o_auth_client_credential(
        &self,
        user_id: &str,
        details: &CreateOAuth2ClientCredentialDetails,
    ) -> Result<Etagged<OAuth2ClientCredential>, ApiError> {
        let path = kind(user_id, "oauth2ClientCredentials");
        self.create("CreateOAuthClientCredential", path, details)
            .await
    }

    /// Replaces description and scopes; with `is_reset_password` the answer carries a new
    /// secret, once.
    pub async fn update_o_auth_client_credential(
        &self,
        user_id: &str,
        oauth2_client_credential_id: &str,
        details: &UpdateOAuth2ClientCredentialDetails,
        if_match: Option<&str>,
    ) -> Result<Etagged<OAuth2ClientCredential>, ApiError> {
        let path = one(
            user_id,
            "oauth2ClientCredentials",
            oauth2_client_credential_id,
        );
        self.update("UpdateOAuthClientCredential", path, details, if_match)
            .await
    }

    pub async fn delete_o_auth_client_credential(
        &self,
        user_id: &str,
        oauth2_client_credential_id: &str,
        if_match: Option<&str>,
    ) -> Result<(), ApiError> {
        let path = one(
            user_id,
            "oauth2ClientCredentials",
            oauth2_client_credential_id,
        );
        self.delete("DeleteOAuthClientCredential", path, if_match)
            .await
            .map(drop)
    }
}
