//! `canopy emulator`: run the local OCI server from the command line until Ctrl-C (or
//! SIGTERM, SIGHUP, SIGQUIT): each stops it cleanly and removes its temporary directory,
//! which holds a private key and a session token.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use anyhow::Context as _;
use clap::Args;

use super::faults::FaultSpec;
use super::seed::SeedSource;
use super::{EmulatorOptions, start};

#[derive(Debug, Clone, Args)]
pub struct EmulatorArgs {
    /// Loopback address and port to serve on (port 0 picks a free one).
    #[arg(long, default_value = "127.0.0.1:18765", value_name = "ADDR:PORT")]
    pub listen: SocketAddr,
    /// The tenancy to serve: demo, large, large:SCALE, or a snapshot FILE.json.
    #[arg(long, default_value = "demo", value_name = "SEED")]
    pub seed: SeedSource,
    /// Write a config (profiles DEFAULT and SESSION) and key here; default: a temporary
    /// directory removed on exit.
    #[arg(long, value_name = "DIR")]
    pub config_out: Option<PathBuf>,
    /// Added latency per request, in milliseconds.
    #[arg(long, default_value_t = 0, value_name = "N")]
    pub latency_ms: u64,
    /// Injected faults, e.g. 429=0.1,500=0.05,503=0.05,drop=0.02,seed=7,retry-after=1.
    #[arg(long, default_value = "none", value_name = "SPEC")]
    pub faults: FaultSpec,
    /// Items per page when the client sends no limit.
    #[arg(long, default_value_t = 100, value_name = "N")]
    pub page_size: usize,
    /// The largest page served, whatever limit the client asks for.
    #[arg(long, default_value_t = 1000, value_name = "N")]
    pub max_page_size: usize,
    /// How long deletes and moves (work requests) take, in milliseconds.
    #[arg(long, default_value_t = 2000, value_name = "N")]
    pub work_request_ms: u64,
    /// Close a connection that sends no request, or moves no byte, for this many seconds.
    #[arg(long, default_value_t = 30, value_name = "N", value_parser = clap::value_parser!(u64).range(1..))]
    pub idle_timeout_secs: u64,
    /// Serve at most this many connections at once; more wait to be accepted.
    #[arg(long, default_value_t = 256, value_name = "N", value_parser = clap::value_parser!(u64).range(1..=65536))]
    pub max_connections: u64,
    /// Authorize every request of a user outside Administrators with the tenancy's policies
    /// (denied: 404 `NotAuthorizedOrNotFound`; lists keep what the caller may see), as OCI does.
    #[arg(long)]
    pub enforce_policies: bool,
}

/// Runs until a signal; returns the exit status, 128 + the signal's number.
pub async fn run(args: EmulatorArgs) -> anyhow::Result<i32> {
    if !args.listen.ip().is_loopback() {
        anyhow::bail!(
            "refusing to listen on {}: the emulator serves loopback only; use --listen 127.0.0.1:PORT",
            args.listen
        );
    }
    let signals = StopSignals::listen()?;
    let seed = args.seed.load().context("cannot load the seed tenancy")?;
    // Without --config-out the config still has to live somewhere for the run.
    let temp = match &args.config_out {
        Some(_) => None,
        None => Some(tempfile::tempdir().context("cannot create a temporary directory")?),
    };
    let config_dir = args
        .config_out
        .clone()
        .or_else(|| temp.as_ref().map(|t| t.path().to_path_buf()));
    let (compartments, users) = (seed.compartments.len(), seed.users.len());
    let tenancy_name = seed.tenancy.name.clone();
    let emulator = start(EmulatorOptions {
        listen: args.listen,
        seed,
        config_out: config_dir,
        session_profile: true,
        latency: Duration::from_millis(args.latency_ms),
        faults: args.faults.clone(),
        default_page_size: args.page_size,
        max_page_size: args.max_page_size,
        work_request_duration: Duration::from_millis(args.work_request_ms),
        region: None,
        key: None,
        limits: super::ConnectionLimits {
            idle_timeout: Duration::from_secs(args.idle_timeout_secs),
            max_connections: usize::try_from(args.max_connections).unwrap_or(256),
        },
        enforce_policies: args.enforce_policies,
        config_user: None,
    })
    .await?;
    crate::say!(
        "canopy emulator: tenancy '{tenancy_name}' ({compartments} compartments, {users} users) at {}",
        emulator.endpoint
    );
    if let Some(config) = &emulator.config {
        crate::say!(
            "config:   {} (profile DEFAULT: API key; profile SESSION: security token)",
            config.config_path.display()
        );
        crate::say!("try:");
        crate::say!(
            "  oci --config-file {} --endpoint {} iam compartment list --compartment-id {} --compartment-id-in-subtree true --all",
            config.config_path.display(),
            emulator.endpoint,
            config.tenancy_id
        );
    }
    if args.faults != FaultSpec::default() {
        crate::say!("faults:   {}", args.faults);
    }
    crate::say!("Ctrl-C stops it.");
    let signal = signals.wait().await;
    emulator.shutdown().await;
    drop(temp);
    Ok(signal)
}

/// SIGINT, SIGTERM, SIGHUP and SIGQUIT, caught from before the temporary directory exists
/// to the end, so none of them can end the process with the key still on disk.
struct StopSignals([tokio::signal::unix::Signal; 4]);

impl StopSignals {
    fn listen() -> anyhow::Result<Self> {
        use tokio::signal::unix::{SignalKind, signal};
        let listen = |kind: SignalKind| signal(kind).context("cannot listen for signals");
        Ok(Self([
            listen(SignalKind::hangup())?,
            listen(SignalKind::interrupt())?,
            listen(SignalKind::quit())?,
            listen(SignalKind::terminate())?,
        ]))
    }

    /// Waits for the first; returns 128 + its number.
    async fn wait(mut self) -> i32 {
        let [hup, int, quit, term] = &mut self.0;
        let number = tokio::select! {
            _ = hup.recv() => 1,
            _ = int.recv() => 2,
            _ = quit.recv() => 3,
            _ = term.recv() => 15,
        };
        128 + number
    }
}
