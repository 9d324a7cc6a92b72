//! MFA TOTP devices (one per user) and the console password's information. A device's seed
//! is issued by the create and by `generateSeed`, kept only to check codes, and shown in
//! those two answers alone; activating with a right code turns the user's MFA on.

use axum::extract::State;

use super::credentials::{check_limit, count_of, issued, owned};
use crate::emulator::Ctx;
use crate::emulator::call::{Call, Outcome, Reply};
use crate::emulator::error::ApiError;
use crate::emulator::listing::{Shape, SortNames, filter_sort, page};
use crate::emulator::store::{Store, etag_of, new_ocid, now_rfc3339};
use crate::emulator::totp;
use crate::model::{LifecycleState, MfaTotpDevice, MfaTotpDeviceSummary, MfaTotpToken};

/// "A user can have one MFA TOTP device."
const MAX_MFA_DEVICES: usize = 1;

/// The path parameter naming the device.
const DEVICE: &str = "deviceId";

pub async fn list(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let store = ctx.store.lock();
    let user = store.users.find(call.param("id"), "user")?;
    let mine = store
        .sign_in
        .mfa_devices
        .iter()
        .filter(|d| d.user_id == user.id);
    let items = filter_sort(mine, &call, SortNames::Identity)?;
    page(&items, &call, ctx.limits, Shape::Array)
}

pub async fn get(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let store = ctx.store.lock();
    store.users.find(call.param("id"), "user")?;
    Reply::tagged(owned(
        &store.sign_in.mfa_devices,
        &call,
        DEVICE,
        "MFA TOTP device",
    )?)
}

pub async fn create(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let mut store = ctx.store.lock();
    let user = store.users.find(call.param("id"), "user")?;
    super::require_not_deleted(&user.lifecycle_state, "user", &user.id)?;
    let user_id = user.id.to_string();
    let count = count_of(&store.sign_in.mfa_devices, &user_id);
    check_limit(count, MAX_MFA_DEVICES, "MFA TOTP device", &user_id)?;
    let device = MfaTotpDeviceSummary {
        id: new_ocid("mfatotpdevice"),
        user_id,
        time_created: now_rfc3339(),
        time_expires: None,
        lifecycle_state: LifecycleState::Active,
        inactive_status: None,
        is_activated: false,
    };
    store.sign_in.mfa_devices.upsert(device.clone());
    let seed = totp::new_seed();
    store
        .sign_in
        .mfa_seeds
        .insert(device.id.clone(), seed.clone());
    issued(
        &MfaTotpDevice {
            summary: device.clone(),
            seed,
        },
        &device,
    )
}

/// The device `{deviceId}` of user `{id}` after the `if-match` check, for changing.
fn device_to_change<'a>(
    store: &'a mut Store,
    call: &Call,
) -> Result<&'a mut MfaTotpDeviceSummary, ApiError> {
    store.users.find(call.param("id"), "user")?;
    let current = owned(&store.sign_in.mfa_devices, call, DEVICE, "MFA TOTP device")?;
    call.check_etag(&etag_of(current))?;
    let id = current.id.clone();
    store.sign_in.mfa_devices.find_mut(&id, "MFA TOTP device")
}

pub async fn generate_seed(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let mut store = ctx.store.lock();
    let device = device_to_change(&mut store, &call)?;
    if device.is_activated {
        return Err(ApiError::conflict(format!(
            "MFA TOTP device {} is already activated; to enrol another authenticator, delete \
             this device and create a new one",
            device.id
        )));
    }
    let summary = device.clone();
    // A new seed replaces the old one: codes from the old seed stop working.
    let seed = totp::new_seed();
    store
        .sign_in
        .mfa_seeds
        .insert(summary.id.clone(), seed.clone());
    issued(
        &MfaTotpDevice {
            summary: summary.clone(),
            seed,
        },
        &summary,
    )
}

pub async fn activate(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let token: MfaTotpToken = call.json()?;
    let code = token.totp_token.trim();
    if code.len() != totp::DIGITS as usize || !code.bytes().all(|b| b.is_ascii_digit()) {
        return Err(ApiError::invalid(format!(
            "totpToken must be the {}-digit code the authenticator app shows",
            totp::DIGITS
        )));
    }
    let mut store = ctx.store.lock();
    let device = device_to_change(&mut store, &call)?.clone();
    if device.is_activated {
        return Err(ApiError::conflict(format!(
            "MFA TOTP device {} is already activated",
            device.id
        )));
    }
    let Some(seed) = store.sign_in.mfa_seeds.get(&device.id) else {
        return Err(ApiError::conflict(format!(
            "MFA TOTP device {} has no seed yet; generate one (GenerateTotpSeed), add it to the \
             authenticator app, then activate with the app's code",
            device.id
        )));
    };
    let now = time::OffsetDateTime::now_utc().unix_timestamp();
    if !totp::verify(seed.expose(), code, now) {
        return Err(ApiError::invalid(
            "the TOTP code is not valid for this device: enter the code the authenticator app \
             shows now, and check the device's clock is right",
        ));
    }
    store.sign_in.mfa_seeds.remove(&device.id);
    let activated = MfaTotpDeviceSummary {
        is_activated: true,
        ..device
    };
    store.sign_in.mfa_devices.upsert(activated.clone());
    if let Some(user) = store.users.get_mut(&activated.user_id) {
        user.is_mfa_activated = true;
    }
    Reply::tagged(&activated)
}

pub async fn delete(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let mut store = ctx.store.lock();
    let device = device_to_change(&mut store, &call)?.clone();
    store.sign_in.mfa_devices.remove(&device.id);
    store.sign_in.mfa_seeds.remove(&device.id);
    // Without an activated device the user signs in with a password alone again.
    if device.is_activated
        && let Some(user) = store.users.get_mut(&device.user_id)
    {
        user.is_mfa_activated = false;
    }
    Ok(Reply::no_content())
}

/// `GetUserUIPasswordInformation`: when the password was last set; 404 when it never was.
pub async fn ui_password_information(State(ctx): State<Ctx>, call: Call) -> Outcome {
    let store = ctx.store.lock();
    let user = store.users.find(call.param("id"), "user")?;
    // A user who never had a console password has no information to show.
    let info = store
        .sign_in
        .ui_passwords
        .get(&user.id)
        .ok_or_else(|| ApiError::not_found("console password of user", &user.id))?;
    Reply::tagged(info)
}
