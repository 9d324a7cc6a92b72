//! From the command line's connection flags to a signed [`Client`]: resolve the profile as
//! the OCI CLI does, load its key, and for `--demo` start the embedded emulator first and
//! connect to it through the very same path.

use std::sync::Arc;

use reqwest::Method;
use reqwest::header::HeaderMap;
use url::Url;

use super::{ApiError, Client, ClientOptions, Endpoints, SignRequest};
use crate::auth::{KeyError, RequestSigner, TerminalPrompt};
use crate::config::{ConfigError, ConnectionArgs, Environment, RegionRoutes, resolve_profile};
use crate::emulator::{EmulatorError, EmulatorOptions, RunningEmulator};

impl SignRequest for RequestSigner {
    fn sign_request(
        &self,
        method: &Method,
        url: &Url,
        headers: &mut HeaderMap,
        body: &[u8],
    ) -> Result<(), String> {
        self.sign(method.as_str(), url, headers, body)
            .map(drop)
            .map_err(|e| e.to_string())
    }
}

/// Why no client could be made.
#[derive(Debug, thiserror::Error)]
pub enum ConnectError {
    #[error(transparent)]
    Config(#[from] ConfigError),
    #[error(transparent)]
    Key(#[from] KeyError),
    #[error("cannot start the demo tenancy: {0}")]
    Demo(#[from] EmulatorError),
    #[error("cannot make a temporary directory for the demo tenancy's config: {0}")]
    TempDir(std::io::Error),
    #[error(transparent)]
    Api(#[from] ApiError),
}

/// A client for one tenancy, and the demo emulator behind it when `--demo` was given (it
/// stops when the connection is dropped).
#[derive(Debug)]
pub struct Connection {
    pub client: Client,
    pub tenancy_id: String,
    /// The profile used, e.g. `DEFAULT`.
    pub profile: String,
    /// Problems worth telling the user that did not stop the connection (a fingerprint that
    /// differs from the config's, a key file others can read).
    pub warnings: Vec<String>,
    demo: Option<(RunningEmulator, tempfile::TempDir)>,
}

impl Connection {
    /// The demo emulator, when this is a `--demo` connection.
    pub fn demo_emulator(&self) -> Option<&RunningEmulator> {
        self.demo.as_ref().map(|(emulator, _)| emulator)
    }
}

/// Connects as `args` says, with the default client options.
pub async fn connect(args: &ConnectionArgs) -> Result<Connection, ConnectError> {
    connect_with(args, ClientOptions::default()).await
}

/// How many times a mistyped passphrase may be typed again, as `ssh` and `sudo` allow.
const PASSPHRASE_TRIES: usize = 3;

/// The profile's signer; a passphrase typed wrong is asked for again (three tries in all).
/// One from `pass_phrase` in the config is not: typing again would not change it.
fn signer_with_tries(
    profile: &crate::config::ResolvedProfile,
) -> Result<(RequestSigner, Vec<crate::auth::Warning>), KeyError> {
    let mut tries = 1;
    loop {
        match RequestSigner::from_profile(profile, &TerminalPrompt) {
            Err(KeyError::WrongPassphrase { path, origin })
                if profile.pass_phrase.is_none() && tries < PASSPHRASE_TRIES =>
            {
                crate::say_err!(
                    "canopy: that passphrase does not open {} ({origin}); try again ({} of {PASSPHRASE_TRIES})",
                    path.display(),
                    tries + 1
                );
                tries += 1;
            }
            other => return other,
        }
    }
}

/// Connects as `args` says.
pub async fn connect_with(
    args: &ConnectionArgs,
    options: ClientOptions,
) -> Result<Connection, ConnectError> {
    if args.demo {
        return connect_demo(options, args.as_user.clone()).await;
    }
    let env = Environment::from_process();
    let profile = resolve_profile(args, &env)?;
    // May block on a passphrase prompt; nothing else runs yet, so blocking here is harmless.
    let (signer, warnings) = signer_with_tries(&profile)?;
    let endpoints = Endpoints {
        identity: profile.identity_base_url(),
        organizations: profile.organizations_base_url(),
        search: profile.search_base_url(),
    };
    let client = Client::new(endpoints, Arc::new(signer), options)?;
    // Identity writes go to the home region once the tenancy says which it is.
    client.set_region_routes(RegionRoutes::from_profile(&profile, &env));
    Ok(Connection {
        client,
        tenancy_id: profile.tenancy.clone(),
        profile: profile.name.clone(),
        warnings: warnings.iter().map(ToString::to_string).collect(),
        demo: None,
    })
}

async fn connect_demo(
    options: ClientOptions,
    as_user: Option<String>,
) -> Result<Connection, ConnectError> {
    let dir = tempfile::Builder::new()
        .prefix("canopy-demo-")
        .tempdir()
        .map_err(ConnectError::TempDir)?;
    let emulator = crate::emulator::start(EmulatorOptions {
        seed: crate::emulator::seed::demo(),
        config_out: Some(dir.path().to_path_buf()),
        // Someone else's view only means something when their policies apply.
        enforce_policies: as_user.is_some(),
        config_user: as_user,
        ..EmulatorOptions::default()
    })
    .await?;
    let generated = emulator
        .config
        .as_ref()
        .ok_or_else(|| EmulatorError::KeyGeneration("no config was written".into()))?;
    let args = ConnectionArgs {
        config_file: Some(generated.config_path.clone()),
        profile: Some(generated.profile.clone()),
        endpoint: Some(emulator.endpoint.clone()),
        ..ConnectionArgs::default()
    };
    let mut connection = Box::pin(connect_with(&args, options)).await?;
    connection.demo = Some((emulator, dir));
    Ok(connection)
}
