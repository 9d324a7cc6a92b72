//! How users sign in: MFA TOTP devices, console password information, the tenancy's
//! authentication policy and the network sources it can name.

use reqwest::Method;

use crate::api::client::{Call, Client, seg};
use crate::api::error::ApiError;
use crate::api::etagged::Etagged;
use crate::api::paging::{ListShape, Pager};
use crate::api::query::{ListFilter, MfaTotpDeviceQuery};
use crate::model::{
    AuthenticationPolicy, CreateNetworkSourceDetails, MfaTotpDevice, MfaTotpDeviceSummary,
    MfaTotpToken, NetworkSource, UiPasswordInformation, UpdateAuthenticationPolicyDetails,
    UpdateNetworkSourceDetails,
};

fn devices(user_id: &str) -> String {
    format!("{}/mfaTotpDevices", super::users::path(user_id))
}

fn device(user_id: &str, device_id: &str) -> String {
    format!("{}/{}", devices(user_id), seg(device_id))
}

fn network_source(id: &str) -> String {
    format!("/networkSources/{}", seg(id))
}

fn authentication_policy(compartment_id: &str) -> String {
    format!("/authenticationPolicies/{}", seg(compartment_id))
}

impl Client {
    /// A user's devices (at most one), without seeds.
    pub fn list_mfa_totp_devices(
        &self,
        user_id: &str,
        q: &MfaTotpDeviceQuery,
    ) -> Pager<MfaTotpDeviceSummary> {
        let call = Call::get("ListMfaTotpDevices", devices(user_id))
            .query_opt("sortBy", q.sort_by.as_ref())
            .query_opt("sortOrder", q.sort_order.as_ref());
        Pager::new(self, call, ListShape::Array)
    }

    pub async fn get_mfa_totp_device(
        &self,
        user_id: &str,
        mfa_totp_device_id: &str,
    ) -> Result<Etagged<MfaTotpDeviceSummary>, ApiError> {
        self.get_one("GetMfaTotpDevice", device(user_id, mfa_totp_device_id))
            .await
    }

    /// A new, not yet activated device; the answer carries its seed (`value.seed`), once.
    pub async fn create_mfa_totp_device(
        &self,
        user_id: &str,
    ) -> Result<Etagged<MfaTotpDevice>, ApiError> {
        let call = Call::new("CreateMfaTotpDevice", Method::POST, devices(user_id))
            .empty_body()
            .retry_token();
        self.fetch(call).await
    }

    /// A new seed for a device not yet activated (the old one stops working); shown once.
    pub async fn generate_totp_seed(
        &self,
        user_id: &str,
        mfa_totp_device_id: &str,
        if_match: Option<&str>,
    ) -> Result<Etagged<MfaTotpDevice>, ApiError> {
        let path = format!(
            "{}/actions/generateSeed",
            device(user_id, mfa_totp_device_id)
        );
        let call = Call::new("GenerateTotpSeed", Method::POST, path)
            .empty_body()
            .if_match(if_match);
        self.fetch(call).await
    }

    /// Activates the device with the code its authenticator app shows now; the user's
    /// `isMfaActivated` turns on.
    pub async fn activate_mfa_totp_device(
        &self,
        user_id: &str,
        mfa_totp_device_id: &str,
        totp_token: &str,
        if_match: Option<&str>,
    ) -> Result<Etagged<MfaTotpDeviceSummary>, ApiError> {
        let path = format!("{}/actions/activate", device(user_id, mfa_totp_device_id));
        let body = MfaTotpToken {
            totp_token: totp_token.to_string(),
        };
        let call = Call::new("ActivateMfaTotpDevice", Method::POST, path)
            .json(&body)
            .if_match(if_match)
            .retry_token();
        self.fetch(call).await
    }

    pub async fn delete_mfa_totp_device(
        &self,
        user_id: &str,
        mfa_totp_device_id: &str,
        if_match: Option<&str>,
    ) -> Result<(), ApiError> {
        let path = device(user_id, mfa_totp_device_id);
        self.delete("DeleteMfaTotpDevice", path, if_match)
            .await
            .map(drop)
    }

    /// When the console password was last set (`value.time_created`); never the password.
    pub async fn get_user_ui_password_information(
        &self,
        user_id: &str,
    ) -> Result<Etagged<UiPasswordInformation>, ApiError> {
        let path = format!("{}/uiPassword", super::users::path(user_id));
        self.get_one("GetUserUIPasswordInformation", path).await
    }

    /// The tenancy's policy; `compartment_id` must be the tenancy.
    pub async fn get_authentication_policy(
        &self,
        compartment_id: &str,
    ) -> Result<Etagged<AuthenticationPolicy>, ApiError> {
        self.get_one(
            "GetAuthenticationPolicy",
            authentication_policy(compartment_id),
        )
        .await
    }

    /// Changes the rules the update names; the others keep their values.
    pub async fn update_authentication_policy(
        &self,
        compartment_id: &str,
        details: &UpdateAuthenticationPolicyDetails,
        if_match: Option<&str>,
    ) -> Result<Etagged<AuthenticationPolicy>, ApiError> {
        let path = authentication_policy(compartment_id);
        self.update("UpdateAuthenticationPolicy", path, details, if_match)
            .await
    }

    pub fn list_network_sources(
        &self,
        compartment_id: &str,
        filter: &ListFilter,
    ) -> Pager<NetworkSource> {
        let call = Call::get("ListNetworkSources", "/networkSources")
            .query("compartmentId", compartment_id)
            .filter(filter);
        Pager::new(self, call, ListShape::Array)
    }

    pub async fn get_network_source(&self, id: &str) -> Result<Etagged<NetworkSource>, ApiError> {
        self.get_one("GetNetworkSource", network_source(id)).await
    }

    pub async fn create_network_source(
        &self,
        details: &CreateNetworkSourceDetails,
    ) -> Result<Etagged<NetworkSource>, ApiError> {
        self.create("CreateNetworkSource", "/networkSources".into(), details)
            .await
    }

    pub async fn update_network_source(
        &self,
        id: &str,
        details: &UpdateNetworkSourceDetails,
        if_match: Option<&str>,
    ) -> Result<Etagged<NetworkSource>, ApiError> {
        self.update("UpdateNetworkSource", network_source(id), details, if_match)
            .await
    }

    pub async fn delete_network_source(
        &self,
        id: &str,
        if_match: Option<&str>,
    ) -> Result<(), ApiError> {
        self.delete("DeleteNetworkSource", network_source(id), if_match)
            .await
            .map(drop)
    }
}
