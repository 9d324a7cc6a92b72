//! Users' credentials besides API keys, and the tenancy's sign-in settings: what the
//! credential, MFA and network-source routes keep. Only metadata lives in the tables; MFA
//! seeds are kept apart (to check codes) and never reach a snapshot.

use std::collections::HashMap;

use super::table::{Keyed, Table};
use crate::model::{
    AuthToken, AuthenticationPolicy, CustomerSecretKeySummary, DbCredentialSummary,
    MfaTotpDeviceSummary, NetworkSource, OAuth2ClientCredentialSummary, Secret,
    SmtpCredentialSummary, Snapshot, SwiftPassword, UiPasswordInformation,
};

/// A credential that belongs to one user.
pub trait Owned: Keyed {
    fn owner(&self) -> &str;
}

macro_rules! owned {
    ($($ty:ty),+) => {
        $(impl Owned for $ty {
            fn owner(&self) -> &str {
                &self.user_id
            }
        })+
    };
}

owned!(
    AuthToken,
    SwiftPassword,
    CustomerSecretKeySummary,
    SmtpCredentialSummary,
    DbCredentialSummary,
    OAuth2ClientCredentialSummary,
    MfaTotpDeviceSummary
);

#[derive(Debug)]
pub struct SignInSecurity {
    pub auth_tokens: Table<AuthToken>,
    pub swift_passwords: Table<SwiftPassword>,
    pub customer_secret_keys: Table<CustomerSecretKeySummary>,
    pub smtp_credentials: Table<SmtpCredentialSummary>,
    pub db_credentials: Table<DbCredentialSummary>,
    pub oauth2_credentials: Table<OAuth2ClientCredentialSummary>,
    pub mfa_devices: Table<MfaTotpDeviceSummary>,
    /// The seed of each device whose seed was issued by this emulator, by device OCID.
    pub mfa_seeds: HashMap<String, Secret>,
    /// When each user's console password was last set, by user OCID.
    pub ui_passwords: Table<UiPasswordInformation>,
    pub network_sources: Table<NetworkSource>,
    pub authentication_policy: AuthenticationPolicy,
}

impl SignInSecurity {
    /// Takes the credential lists out of `snapshot`; a snapshot without an authentication
    /// policy gets OCI's defaults.
    pub fn take_from(snapshot: &mut Snapshot) -> Self {
        use std::mem::take;
        Self {
            auth_tokens: Table::from_rows(take(&mut snapshot.auth_tokens)),
            swift_passwords: Table::from_rows(take(&mut snapshot.swift_passwords)),
            customer_secret_keys: Table::from_rows(take(&mut snapshot.customer_secret_keys)),
            smtp_credentials: Table::from_rows(take(&mut snapshot.smtp_credentials)),
            db_credentials: Table::from_rows(take(&mut snapshot.db_credentials)),
            oauth2_credentials: Table::from_rows(take(&mut snapshot.oauth2_client_credentials)),
            mfa_devices: Table::from_rows(take(&mut snapshot.mfa_totp_devices)),
            mfa_seeds: HashMap::new(),
            ui_passwords: Table::from_rows(take(&mut snapshot.ui_passwords)),
            network_sources: Table::from_rows(take(&mut snapshot.network_sources)),
            authentication_policy: snapshot
                .authentication_policy
                .take()
                .unwrap_or_else(|| AuthenticationPolicy::oci_default(&snapshot.tenancy.id)),
        }
    }

    /// Writes the metadata back into `snapshot` (seeds stay behind).
    pub fn write_into(&self, snapshot: &mut Snapshot) {
        snapshot.auth_tokens = self.auth_tokens.to_vec();
        snapshot.swift_passwords = self.swift_passwords.to_vec();
        snapshot.customer_secret_keys = self.customer_secret_keys.to_vec();
        snapshot.smtp_credentials = self.smtp_credentials.to_vec();
        snapshot.db_credentials = self.db_credentials.to_vec();
        snapshot.oauth2_client_credentials = self.oauth2_credentials.to_vec();
        snapshot.mfa_totp_devices = self.mfa_devices.to_vec();
        snapshot.ui_passwords = self.ui_passwords.to_vec();
        snapshot.network_sources = self.network_sources.to_vec();
        snapshot.authentication_policy = Some(self.authentication_policy.clone());
    }

    /// Drops every credential of a deleted user, as OCI does.
    pub fn forget_user(&mut self, user_id: &str) {
        fn purge<T: Owned>(table: &mut Table<T>, user_id: &str) {
            let ids: Vec<String> = table
                .iter()
                .filter(|c| c.owner() == user_id)
                .map(|c| c.key().to_string())
                .collect();
            for id in ids {
                table.remove(&id);
            }
        }
        purge(&mut self.auth_tokens, user_id);
        purge(&mut self.swift_passwords, user_id);
        purge(&mut self.customer_secret_keys, user_id);
        purge(&mut self.smtp_credentials, user_id);
        purge(&mut self.db_credentials, user_id);
        purge(&mut self.oauth2_credentials, user_id);
        let devices: Vec<String> = self
            .mfa_devices
            .iter()
            .filter(|d| d.user_id == user_id)
            .map(|d| d.id.clone())
            .collect();
        for id in devices {
            self.mfa_devices.remove(&id);
            self.mfa_seeds.remove(&id);
        }
        self.ui_passwords.remove(user_id);
    }
}
