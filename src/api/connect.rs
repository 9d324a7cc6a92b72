//! From the command line's connection flags to a signed [`Client`]: resolve the profile as
//! the OCI CLI does, load its key, and for `--demo` start the embedded emulator first and
//! connect to it through the very same path.

use std::sync::Arc;

use reqwest::Method;
use reqwest::header::HeaderMap;
use url::Url;

use super::{ApiError, Client, ClientOptions, Endpoints, SignRequest};
use crate::auth::{KeyError, RequestSigner, TerminalPrompt};
use crate::config::{ConfigError, ConnectionArgs, Environment, resolve_profile};

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
    #[error("--demo is not available in this build yet")]
    DemoUnavailable,
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
}

/// Connects as `args` says, with the default client options.
pub async fn connect(args: &ConnectionArgs) -> Result<Connection, ConnectError> {
    connect_with(args, ClientOptions::default()).await
}

/// Connects as `args` says.
pub async fn connect_with(
    args: &ConnectionArgs,
    options: ClientOptions,
) -> Result<Connection, ConnectError> {
    if args.demo {
        return connect_demo(options).await;
    }
    let profile = resolve_profile(args, &Environment::from_process())?;
    // May block on a passphrase prompt; nothing else runs yet, so blocking here is harmless.
    let (signer, warnings) = RequestSigner::from_profile(&profile, &TerminalPrompt)?;
    let endpoints = Endpoints {
        identity: profile.identity_base_url(),
        organizations: profile.organizations_base_url(),
    };
    let client = Client::new(endpoints, Arc::new(signer), options)?;
    Ok(Connection {
        client,
        tenancy_id: profile.tenancy.clone(),
        profile: profile.name.clone(),
        warnings: warnings.iter().map(ToString::to_string).collect(),
    })
}

// TEMPORARY until the emulator lands in main: --demo needs `crate::emulator::start`.
async fn connect_demo(_options: ClientOptions) -> Result<Connection, ConnectError> {
    Err(ConnectError::DemoUnavailable)
}
