//! Any credential of a user, whatever its kind: what the tenancy-wide credentials view and a
//! user's credential tabs list. Each variant holds the kind's own metadata type, so no
//! secret can be in it.

use serde::Serialize;

use super::lifecycle::LifecycleState;
use super::{
    ApiKey, AuthToken, CustomerSecretKeySummary, DbCredentialSummary, MfaTotpDeviceSummary,
    OAuth2ClientCredentialSummary, SmtpCredentialSummary, SwiftPassword,
};

/// The kinds of credential a user can hold, in the order the tabs list them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub enum CredentialKind {
    #[default]
    ApiKey,
    AuthToken,
    CustomerSecretKey,
    SmtpCredential,
    DbCredential,
    OAuth2ClientCredential,
    SwiftPassword,
    MfaDevice,
}

impl CredentialKind {
    pub const ALL: [CredentialKind; 8] = [
        Self::ApiKey,
        Self::AuthToken,
        Self::CustomerSecretKey,
        Self::SmtpCredential,
        Self::DbCredential,
        Self::OAuth2ClientCredential,
        Self::SwiftPassword,
        Self::MfaDevice,
    ];

    /// The tab's title.
    pub fn title(self) -> &'static str {
        match self {
            Self::ApiKey => "API keys",
            Self::AuthToken => "Auth tokens",
            Self::CustomerSecretKey => "Secret keys",
            Self::SmtpCredential => "SMTP",
            Self::DbCredential => "DB",
            Self::OAuth2ClientCredential => "OAuth 2.0",
            Self::SwiftPassword => "Swift",
            Self::MfaDevice => "MFA",
        }
    }

    /// One of them, in a sentence ("deleted auth token ...").
    pub fn one(self) -> &'static str {
        match self {
            Self::ApiKey => "API key",
            Self::AuthToken => "auth token",
            Self::CustomerSecretKey => "customer secret key",
            Self::SmtpCredential => "SMTP credential",
            Self::DbCredential => "DB credential",
            Self::OAuth2ClientCredential => "OAuth 2.0 client credential",
            Self::SwiftPassword => "Swift password",
            Self::MfaDevice => "MFA device",
        }
    }

    /// The kind in a table cell.
    pub fn short(self) -> &'static str {
        match self {
            Self::ApiKey => "API key",
            Self::AuthToken => "token",
            Self::CustomerSecretKey => "secret key",
            Self::SmtpCredential => "SMTP",
            Self::DbCredential => "DB",
            Self::OAuth2ClientCredential => "OAuth2",
            Self::SwiftPassword => "Swift",
            Self::MfaDevice => "MFA",
        }
    }

    /// How many of the kind OCI allows a user (`None`: no documented limit).
    pub fn limit(self) -> Option<usize> {
        match self {
            Self::ApiKey => Some(3),
            // Swift passwords are auth tokens by their old name: they share the two.
            Self::AuthToken
            | Self::SwiftPassword
            | Self::CustomerSecretKey
            | Self::SmtpCredential => Some(2),
            Self::MfaDevice => Some(1),
            Self::DbCredential | Self::OAuth2ClientCredential => None,
        }
    }

    /// The word the service and the filter use for the kind, e.g. `token`.
    pub fn from_word(word: &str) -> Option<Self> {
        let w = word.to_lowercase();
        Self::ALL.into_iter().find(|k| {
            k.short().to_lowercase().replace(' ', "") == w.replace(' ', "")
                || k.title().to_lowercase().replace(' ', "") == w.replace(' ', "")
        })
    }
}

/// One credential of a user, any kind.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Credential {
    ApiKey(ApiKey),
    AuthToken(AuthToken),
    CustomerSecretKey(CustomerSecretKeySummary),
    SmtpCredential(SmtpCredentialSummary),
    DbCredential(DbCredentialSummary),
    OAuth2ClientCredential(OAuth2ClientCredentialSummary),
    SwiftPassword(SwiftPassword),
    MfaDevice(MfaTotpDeviceSummary),
}

impl Credential {
    pub fn kind(&self) -> CredentialKind {
        match self {
            Self::ApiKey(_) => CredentialKind::ApiKey,
            Self::AuthToken(_) => CredentialKind::AuthToken,
            Self::CustomerSecretKey(_) => CredentialKind::CustomerSecretKey,
            Self::SmtpCredential(_) => CredentialKind::SmtpCredential,
            Self::DbCredential(_) => CredentialKind::DbCredential,
            Self::OAuth2ClientCredential(_) => CredentialKind::OAuth2ClientCredential,
            Self::SwiftPassword(_) => CredentialKind::SwiftPassword,
            Self::MfaDevice(_) => CredentialKind::MfaDevice,
        }
    }

    /// Unique among every credential of the tenancy (an API key's is `tenancy/user/fingerprint`).
    pub fn id(&self) -> &str {
        match self {
            Self::ApiKey(k) => &k.key_id,
            Self::AuthToken(t) => &t.id,
            Self::CustomerSecretKey(k) => &k.id,
            Self::SmtpCredential(s) => &s.id,
            Self::DbCredential(d) => &d.id,
            Self::OAuth2ClientCredential(o) => &o.id,
            Self::SwiftPassword(s) => &s.id,
            Self::MfaDevice(m) => &m.id,
        }
    }

    /// What the service's path names it by: the fingerprint for an API key, else its id.
    pub fn path_id(&self) -> &str {
        match self {
            Self::ApiKey(k) => &k.fingerprint,
            other => other.id(),
        }
    }

    pub fn user_id(&self) -> &str {
        match self {
            Self::ApiKey(k) => &k.user_id,
            Self::AuthToken(t) => &t.user_id,
            Self::CustomerSecretKey(k) => &k.user_id,
            Self::SmtpCredential(s) => &s.user_id,
            Self::DbCredential(d) => &d.user_id,
            Self::OAuth2ClientCredential(o) => &o.user_id,
            Self::SwiftPassword(s) => &s.user_id,
            Self::MfaDevice(m) => &m.user_id,
        }
    }

    /// What the user calls it: the description (a secret key's display name, an OAuth 2.0
    /// credential's name, an API key's fingerprint); an MFA device has none.
    pub fn label(&self) -> &str {
        match self {
            Self::ApiKey(k) => &k.fingerprint,
            Self::AuthToken(t) => &t.description,
            Self::CustomerSecretKey(k) => &k.display_name,
            Self::SmtpCredential(s) => &s.description,
            Self::DbCredential(d) => &d.description,
            Self::OAuth2ClientCredential(o) => &o.name,
            Self::SwiftPassword(s) => &s.description,
            Self::MfaDevice(m) => {
                if m.is_activated {
                    "authenticator app"
                } else {
                    "authenticator app (not activated)"
                }
            }
        }
    }

    pub fn time_created(&self) -> &str {
        match self {
            Self::ApiKey(k) => &k.time_created,
            Self::AuthToken(t) => &t.time_created,
            Self::CustomerSecretKey(k) => &k.time_created,
            Self::SmtpCredential(s) => &s.time_created,
            Self::DbCredential(d) => &d.time_created,
            Self::OAuth2ClientCredential(o) => &o.time_created,
            Self::SwiftPassword(s) => &s.time_created,
            Self::MfaDevice(m) => &m.time_created,
        }
    }

    /// When it stops working, for the kinds that can expire (`None`: never, or not set).
    pub fn expires(&self) -> Option<&str> {
        match self {
            Self::ApiKey(_) => None,
            Self::AuthToken(t) => t.time_expires.as_deref(),
            Self::CustomerSecretKey(k) => k.time_expires.as_deref(),
            Self::SmtpCredential(s) => s.time_expires.as_deref(),
            Self::DbCredential(d) => d.time_expires.as_deref(),
            Self::OAuth2ClientCredential(o) => o.expires_on.as_deref(),
            Self::SwiftPassword(s) => s.expires_on.as_deref(),
            Self::MfaDevice(m) => m.time_expires.as_deref(),
        }
    }

    pub fn lifecycle_state(&self) -> &LifecycleState {
        match self {
            Self::ApiKey(k) => &k.lifecycle_state,
            Self::AuthToken(t) => &t.lifecycle_state,
            Self::CustomerSecretKey(k) => &k.lifecycle_state,
            Self::SmtpCredential(s) => &s.lifecycle_state,
            Self::DbCredential(d) => &d.lifecycle_state,
            Self::OAuth2ClientCredential(o) => &o.lifecycle_state,
            Self::SwiftPassword(s) => &s.lifecycle_state,
            Self::MfaDevice(m) => &m.lifecycle_state,
        }
    }

    /// The state as a table shows it: an MFA device not activated yet says so.
    pub fn state(&self) -> String {
        match self {
            Self::MfaDevice(m) if !m.is_activated => "PENDING".to_string(),
            other => other.lifecycle_state().to_string(),
        }
    }
}
