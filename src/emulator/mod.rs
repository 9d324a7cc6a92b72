//! The local OCI server: Identity (`/20160918`) and Organizations sender invitations
//! (`/20230401`) over plain HTTP on loopback, verifying every signature. It powers
//! `canopy --demo`, the test suite and the benches, and the official OCI CLI works against it.
//!
//! [`start`] runs it in-process; [`RunningEmulator`] gives the address, the generated config,
//! the store and the fault handle, and shuts the server down when dropped.

mod call;
pub mod cli;
mod config_out;
pub mod enforce;
pub mod error;
pub mod faults;
mod listing;
mod pipeline;
pub mod regions;
mod routes;
/// Every domain's directory over SCIM (Identity Domains).
mod scim;
pub mod seed;
mod serve;
/// Standard tag namespace templates (tag tools).
pub mod standard_tags;
pub mod store;
pub mod totp;
mod verify;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use tokio::sync::oneshot;
use tokio::task::JoinHandle;

pub use config_out::{GeneratedConfig, generate_key};
pub use error::{ApiError, EmulatorError};
pub use faults::{Fault, FaultCounts, FaultHandle, FaultSpec, FaultSpecError};
pub use listing::PageLimits;
pub use serve::{ConnectionGauge, ConnectionLimits};
pub use store::{Store, StoreHandle};
pub use verify::MAX_CLOCK_SKEW;

use crate::model::Snapshot;

/// How to start the emulator.
#[derive(Debug, Clone)]
pub struct EmulatorOptions {
    /// Must be a loopback address; port 0 picks a free port.
    pub listen: SocketAddr,
    /// The tenancy served; the default is the demo tenancy.
    pub seed: Snapshot,
    /// Write a config and key pair here (see [`GeneratedConfig`]).
    pub config_out: Option<PathBuf>,
    /// Also write a SESSION profile with an issued security token (costs a second key).
    pub session_profile: bool,
    /// Added to every request.
    pub latency: Duration,
    pub faults: FaultSpec,
    pub default_page_size: usize,
    pub max_page_size: usize,
    /// How long work requests (deletes, moves) take to reach SUCCEEDED.
    pub work_request_duration: Duration,
    /// The region written to the config; defaults to the tenancy's home region.
    pub region: Option<String>,
    /// The key the generated config signs with; a fresh one when `None`. Tests reuse one to
    /// skip generating a 2048-bit key per emulator.
    pub key: Option<rsa::RsaPrivateKey>,
    /// Idle timeout and connection cap.
    pub limits: ConnectionLimits,
    /// Authorize every request of a non-administrator with the tenancy's policies.
    pub enforce_policies: bool,
    /// The user (name or OCID) the generated config signs as; the administrator when `None`.
    pub config_user: Option<String>,
}

impl Default for EmulatorOptions {
    fn default() -> Self {
        Self {
            listen: SocketAddr::from(([127, 0, 0, 1], 0)),
            seed: seed::demo(),
            config_out: None,
            session_profile: false,
            latency: Duration::ZERO,
            faults: FaultSpec::default(),
            default_page_size: 100,
            max_page_size: 1000,
            work_request_duration: Duration::from_secs(2),
            region: None,
            key: None,
            limits: ConnectionLimits::default(),
            enforce_policies: false,
            config_user: None,
        }
    }
}

/// What every handler can reach.
#[derive(Debug, Clone)]
pub(crate) struct Ctx {
    pub store: StoreHandle,
    pub faults: FaultHandle,
    pub limits: PageLimits,
    /// Authorize non-administrators with the tenancy's policies (`--enforce-policies`).
    pub enforce: bool,
}

/// A started emulator. Dropping it shuts the server down.
#[derive(Debug)]
pub struct RunningEmulator {
    pub addr: SocketAddr,
    /// `http://127.0.0.1:PORT`, no trailing slash (the SDK would double it).
    pub endpoint: String,
    pub config: Option<GeneratedConfig>,
    pub store: StoreHandle,
    pub faults: FaultHandle,
    pub region: String,
    /// How many connections are open.
    pub connections: ConnectionGauge,
    shutdown: Option<oneshot::Sender<()>>,
    task: Option<JoinHandle<()>>,
}

impl RunningEmulator {
    /// Stops accepting, lets in-flight requests finish, and waits (at most 5 s) for the end.
    pub async fn shutdown(mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        if let Some(task) = self.task.take() {
            let _ = tokio::time::timeout(Duration::from_secs(5), task).await;
        }
    }

    /// Resolves when the server has stopped (it runs until shut down).
    pub async fn wait(mut self) {
        if let Some(task) = self.task.take() {
            let _ = task.await;
        }
    }
}

impl Drop for RunningEmulator {
    fn drop(&mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
    }
}

/// Starts the server on `opts.listen` and returns once it accepts connections.
pub async fn start(opts: EmulatorOptions) -> Result<RunningEmulator, EmulatorError> {
    if !opts.listen.ip().is_loopback() {
        return Err(EmulatorError::NotLoopback(opts.listen));
    }
    let region = opts
        .region
        .clone()
        .or_else(|| {
            opts.seed
                .tenancy
                .home_region_key
                .as_deref()
                .and_then(regions::region_name)
                .map(str::to_string)
        })
        .unwrap_or_else(|| "us-ashburn-1".to_string());
    let store = StoreHandle::new(Store::from_snapshot(
        opts.seed,
        &region,
        opts.work_request_duration,
    ));
    let config = match &opts.config_out {
        Some(dir) => {
            let (dir, store, region, session, key, user) = (
                dir.clone(),
                store.clone(),
                region.clone(),
                opts.session_profile,
                opts.key.clone(),
                opts.config_user.clone(),
            );
            // Key generation takes a while; keep it off the async workers.
            let generated = tokio::task::spawn_blocking(move || {
                config_out::write(&dir, &store, &region, session, key, user.as_deref())
            })
            .await
            .map_err(|e| EmulatorError::KeyGeneration(e.to_string()))??;
            Some(generated)
        }
        None => None,
    };
    let listener = tokio::net::TcpListener::bind(opts.listen)
        .await
        .map_err(|source| EmulatorError::Bind {
            addr: opts.listen,
            source,
        })?;
    let addr = listener
        .local_addr()
        .map_err(|source| EmulatorError::Bind {
            addr: opts.listen,
            source,
        })?;
    let endpoint = format!("http://{addr}");
    // Identity domains are served on this listener, so their URLs can only be set now.
    store.with(|s| s.serve_domains_at(&endpoint));
    let faults = FaultHandle::new(opts.faults, opts.latency);
    let ctx = Ctx {
        store: store.clone(),
        faults: faults.clone(),
        limits: PageLimits {
            default: opts.default_page_size.max(1),
            max: opts.max_page_size.max(opts.default_page_size).max(1),
        },
        enforce: opts.enforce_policies,
    };
    let router = routes::router(ctx.clone());
    let (tx, rx) = oneshot::channel::<()>();
    let connections = serve::gauge(opts.limits);
    // Every domain's directory on a listener of its own (SDKs take a domain URL without a
    // path); stopping the emulator stops them too.
    let domain_stops =
        scim::serve_domains(&ctx, addr.ip(), opts.limits, opts.latency, &connections).await?;
    let (main_tx, main_rx) = oneshot::channel::<()>();
    tokio::spawn(async move {
        let _ = rx.await;
        for stop in domain_stops {
            let _ = stop.send(());
        }
        let _ = main_tx.send(());
    });
    let rx = main_rx;
    // A request held by injected latency is not idle.
    let task = tokio::spawn(serve::serve(
        listener,
        router,
        opts.limits,
        opts.latency,
        rx,
        connections.clone(),
    ));
    Ok(RunningEmulator {
        addr,
        endpoint,
        config,
        store,
        faults,
        region,
        connections,
        shutdown: Some(tx),
        task: Some(task),
    })
}
