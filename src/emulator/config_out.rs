//! `--config-out DIR`: a throwaway key pair registered to the administrator, written as an
//! OCI config the CLI and SDK use unchanged (profile DEFAULT, and SESSION with a token).

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use rsa::pkcs8::{EncodePrivateKey, LineEnding};
use rsa::{RsaPrivateKey, RsaPublicKey};

use super::error::EmulatorError;
use super::store::StoreHandle;

/// The config written for the emulator, and the key behind it (handy for tests and benches).
#[derive(Debug, Clone)]
pub struct GeneratedConfig {
    pub dir: PathBuf,
    pub config_path: PathBuf,
    pub key_path: PathBuf,
    /// Always `DEFAULT`.
    pub profile: String,
    /// `SESSION`, when a security-token profile was written.
    pub session_profile: Option<String>,
    pub tenancy_id: String,
    pub user_id: String,
    pub fingerprint: String,
    pub region: String,
    pub private_key: RsaPrivateKey,
}

/// How long issued session tokens live.
const SESSION_TTL_SECS: i64 = 12 * 3600;

pub fn generate_key() -> Result<RsaPrivateKey, EmulatorError> {
    RsaPrivateKey::new(&mut rand::thread_rng(), 2048)
        .map_err(|e| EmulatorError::KeyGeneration(e.to_string()))
}

/// Writes `DIR/config` and `DIR/key.pem` (and the session files when `with_session`).
pub fn write(
    dir: &Path,
    store: &StoreHandle,
    region: &str,
    with_session: bool,
    key: Option<RsaPrivateKey>,
    user: Option<&str>,
) -> Result<GeneratedConfig, EmulatorError> {
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| EmulatorError::WriteConfig { path, source }
    };
    // Owner-only, like every directory canopy creates: it will hold private keys.
    crate::files::private_dir(dir).map_err(|e| io(dir)(std::io::Error::other(e.to_string())))?;
    // key_file must be absolute: the CLI resolves a relative one against its own cwd.
    let dir = &std::fs::canonicalize(dir).map_err(io(dir))?;
    let key = match key {
        Some(key) => key,
        None => generate_key()?,
    };
    let public = RsaPublicKey::from(&key);
    let (tenancy_id, user_id, api_key) = store.with(|s| {
        let user_id = match user {
            // `--as USER`: a key for that user, found by name or OCID.
            Some(wanted) => s
                .snapshot()
                .users
                .iter()
                .find(|u| {
                    u.lifecycle_state != crate::model::LifecycleState::Deleted
                        && (u.id == wanted || u.name.eq_ignore_ascii_case(wanted))
                })
                .map(|u| u.id.to_string())
                .ok_or_else(|| EmulatorError::NoSuchUser(wanted.to_string()))?,
            None => s
                .administrator()
                .map(|u| u.id.to_string())
                .ok_or(EmulatorError::NoAdministrator)?,
        };
        let api_key = s
            .register_api_key(&user_id, &public)
            .map_err(|e| EmulatorError::KeyGeneration(e.message))?;
        Ok::<_, EmulatorError>((s.tenancy_id().to_string(), user_id, api_key))
    })?;
    let key_path = dir.join("key.pem");
    write_private_key(&key_path, &key)?;

    let mut config = profile_text(
        "DEFAULT",
        &user_id,
        &api_key.fingerprint,
        &key_path,
        &tenancy_id,
        region,
    );
    let mut session_profile = None;
    if with_session {
        let session_key = generate_key()?;
        let session_public = RsaPublicKey::from(&session_key);
        let token = store.with(|s| s.issue_session(&user_id, &session_public, SESSION_TTL_SECS));
        let session_key_path = dir.join("session_key.pem");
        write_private_key(&session_key_path, &session_key)?;
        let token_path = dir.join("security_token");
        write_private(&token_path, token.as_bytes())?;
        config.push('\n');
        config.push_str(&profile_text(
            "SESSION",
            &user_id,
            &crate::auth::signature::fingerprint(&session_public),
            &session_key_path,
            &tenancy_id,
            region,
        ));
        let _ = writeln!(config, "security_token_file={}", token_path.display());
        session_profile = Some("SESSION".to_string());
    }
    let config_path = dir.join("config");
    write_private(&config_path, config.as_bytes())?;
    Ok(GeneratedConfig {
        dir: dir.clone(),
        config_path,
        key_path,
        profile: "DEFAULT".into(),
        session_profile,
        tenancy_id,
        user_id,
        fingerprint: api_key.fingerprint,
        region: region.to_string(),
        private_key: key,
    })
}

/// One profile, keys in the order `oci setup config` writes them.
fn profile_text(
    name: &str,
    user: &str,
    fingerprint: &str,
    key_file: &Path,
    tenancy: &str,
    region: &str,
) -> String {
    format!(
        "[{name}]\nuser={user}\nfingerprint={fingerprint}\nkey_file={}\ntenancy={tenancy}\nregion={region}\n",
        key_file.display()
    )
}

/// PKCS#8 PEM plus the `OCI_API_KEY` label line the CLI asks for (else it warns).
fn write_private_key(path: &Path, key: &RsaPrivateKey) -> Result<(), EmulatorError> {
    let pem = key
        .to_pkcs8_pem(LineEnding::LF)
        .map_err(|e| EmulatorError::KeyGeneration(e.to_string()))?;
    let mut text = pem.to_string();
    if !text.ends_with('\n') {
        text.push('\n');
    }
    text.push_str("OCI_API_KEY\n");
    write_private(path, text.as_bytes())
}

/// Writes a file readable by its owner only (mode 0600), as the CLI expects of keys, the
/// way canopy writes every file (`crate::files`).
fn write_private(path: &Path, bytes: &[u8]) -> Result<(), EmulatorError> {
    crate::files::write_private(path, bytes).map_err(|e| EmulatorError::WriteConfig {
        path: path.to_path_buf(),
        source: std::io::Error::other(e.to_string()),
    })
}
