//! MFA TOTP devices: the authenticator app a user enrols for console sign-in. The seed is
//! shared with the app once (create, or a regenerated seed); listings never carry it.

use serde::{Deserialize, Serialize};

use super::lifecycle::LifecycleState;
use super::secret::Secret;

/// A device without its seed (`ListMfaTotpDevices`, `GetMfaTotpDevice`, snapshots).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MfaTotpDeviceSummary {
    pub id: String,
    pub user_id: String,
    #[serde(default)]
    pub time_created: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_expires: Option<String>,
    #[serde(default)]
    pub lifecycle_state: LifecycleState,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inactive_status: Option<i64>,
    /// True once a code from the app was accepted (`ActivateMfaTotpDevice`).
    #[serde(default)]
    pub is_activated: bool,
}

/// A device with its seed (base32), the answer to a create and to `GenerateTotpSeed`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MfaTotpDevice {
    #[serde(flatten)]
    pub summary: MfaTotpDeviceSummary,
    pub seed: Secret,
}

/// `ActivateMfaTotpDevice`'s body: the code the app shows now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MfaTotpToken {
    pub totp_token: String,
}
