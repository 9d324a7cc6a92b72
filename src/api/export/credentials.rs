//! The credential part of an export: each live user's credential metadata (nine calls per
//! user, through the client's bounded fan-out), the network sources and the authentication
//! policy. Secrets are never read: no list or get returns one.

use indicatif::ProgressBar;

use crate::api::{ApiError, Client, ListFilter, MfaTotpDeviceQuery, try_fan_out};
use crate::model::{LifecycleState, Snapshot, User};

use super::gather::PAGE;

/// One user's credentials, as read.
#[derive(Default)]
struct UserCredentials {
    api_keys: Vec<crate::model::ApiKey>,
    auth_tokens: Vec<crate::model::AuthToken>,
    customer_secret_keys: Vec<crate::model::CustomerSecretKeySummary>,
    smtp_credentials: Vec<crate::model::SmtpCredentialSummary>,
    db_credentials: Vec<crate::model::DbCredentialSummary>,
    oauth2_client_credentials: Vec<crate::model::OAuth2ClientCredentialSummary>,
    swift_passwords: Vec<crate::model::SwiftPassword>,
    mfa_totp_devices: Vec<crate::model::MfaTotpDeviceSummary>,
    ui_password: Option<crate::model::UiPasswordInformation>,
}

/// A user that disappears while it is read (404) simply has nothing to show.
fn absent_if_gone<T: Default>(result: Result<T, ApiError>) -> Result<T, ApiError> {
    match result {
        Err(e) if e.status() == Some(404) => Ok(T::default()),
        other => other,
    }
}

async fn of_user(client: &Client, user_id: &str) -> Result<UserCredentials, ApiError> {
    let (api_keys, auth_tokens, secret_keys, smtp, db, oauth2, swift, mfa, ui_password) = tokio::join!(
        client.list_api_keys(user_id),
        client.list_auth_tokens(user_id),
        client.list_customer_secret_keys(user_id),
        client.list_smtp_credentials(user_id),
        client
            .list_db_credentials(user_id, &ListFilter::default())
            .limit(PAGE)
            .all(),
        client
            .list_o_auth_client_credentials(user_id, None)
            .limit(PAGE)
            .all(),
        client.list_swift_passwords(user_id),
        client
            .list_mfa_totp_devices(user_id, &MfaTotpDeviceQuery::default())
            .limit(PAGE)
            .all(),
        client.get_user_ui_password_information(user_id),
    );
    Ok(UserCredentials {
        api_keys: absent_if_gone(api_keys)?,
        auth_tokens: absent_if_gone(auth_tokens)?,
        customer_secret_keys: absent_if_gone(secret_keys)?,
        smtp_credentials: absent_if_gone(smtp)?,
        db_credentials: absent_if_gone(db)?,
        oauth2_client_credentials: absent_if_gone(oauth2)?,
        swift_passwords: absent_if_gone(swift)?,
        mfa_totp_devices: absent_if_gone(mfa)?,
        // 404 also means "never had a console password".
        ui_password: absent_if_gone(ui_password.map(|p| Some(p.value)))?,
    })
}

/// Reads every live user's credentials and the tenancy's sign-in settings into `snapshot`.
pub(super) async fn gather_credentials(
    client: &Client,
    tenancy_id: &str,
    snapshot: &mut Snapshot,
    progress: &ProgressBar,
) -> Result<(), ApiError> {
    // A deleted user's credentials are gone with it.
    let live: Vec<&User> = snapshot
        .users
        .iter()
        .filter(|u| u.lifecycle_state != LifecycleState::Deleted)
        .collect();
    progress.inc_length(live.len() as u64 + 2);
    let (per_user, network_sources, policy) = tokio::try_join!(
        try_fan_out(client, live, |user| async move {
            // Nine calls in one future: boxed, so the fan-out does not hold them all inline.
            let read = Box::pin(of_user(client, &user.id)).await;
            progress.inc(1);
            read
        }),
        client
            .list_network_sources(tenancy_id, &ListFilter::default())
            .limit(PAGE)
            .all(),
        client.get_authentication_policy(tenancy_id),
    )?;
    progress.inc(2);
    for user in per_user {
        snapshot.api_keys.extend(user.api_keys);
        snapshot.auth_tokens.extend(user.auth_tokens);
        snapshot
            .customer_secret_keys
            .extend(user.customer_secret_keys);
        snapshot.smtp_credentials.extend(user.smtp_credentials);
        snapshot.db_credentials.extend(user.db_credentials);
        snapshot
            .oauth2_client_credentials
            .extend(user.oauth2_client_credentials);
        snapshot.swift_passwords.extend(user.swift_passwords);
        snapshot.mfa_totp_devices.extend(user.mfa_totp_devices);
        snapshot.ui_passwords.extend(user.ui_password);
    }
    snapshot.network_sources = network_sources;
    snapshot.authentication_policy = Some(policy.value);
    Ok(())
}
