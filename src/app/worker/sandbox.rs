//! The worker against an in-process emulator on 127.0.0.1, answering requests synchronously:
//! what state tests and benches drive the app with, so every request runs the real worker,
//! client, signing and emulator (no fake service to keep in step with 150 operations).

use std::sync::{Mutex, OnceLock};
use std::time::Duration;

use crate::api::{Client, ClientOptions, connect_with};
use crate::config::ConnectionArgs;
use crate::emulator::{EmulatorOptions, RunningEmulator, Store};
use crate::model::Snapshot;

use super::{WorkerOptions, execute};
use crate::app::request::{Request, Response};

/// One signing key for every sandbox of a process: generating a 2048-bit key costs more
/// than a test.
fn shared_key() -> rsa::RsaPrivateKey {
    static KEY: OnceLock<rsa::RsaPrivateKey> = OnceLock::new();
    KEY.get_or_init(|| crate::emulator::generate_key().expect("a key"))
        .clone()
}

pub struct Sandbox {
    runtime: tokio::runtime::Runtime,
    pub emulator: RunningEmulator,
    pub client: Client,
    pub tenancy_id: String,
    options: WorkerOptions,
    _dir: tempfile::TempDir,
}

impl Sandbox {
    /// An emulator serving `seed`, whose work requests finish at once.
    pub fn new(seed: Snapshot) -> Self {
        Self::with(seed, Duration::ZERO)
    }

    /// An emulator serving `seed`, whose work requests take `work` to finish.
    pub fn with(seed: Snapshot, work: Duration) -> Self {
        Self::with_retry(seed, work, crate::api::RetryPolicy::fast())
    }

    /// As [`Sandbox::with`], the client retrying as `retry` says (the soak under faults).
    pub fn with_retry(seed: Snapshot, work: Duration, retry: crate::api::RetryPolicy) -> Self {
        Self::build(seed, work, retry, None)
    }

    /// An emulator whose config puts the profile in `region` (the tenancy's home region may
    /// be another one), work requests taking `work`.
    pub fn in_region(seed: Snapshot, region: &str, work: Duration) -> Self {
        Self::build(seed, work, crate::api::RetryPolicy::fast(), Some(region))
    }

    fn build(
        seed: Snapshot,
        work: Duration,
        retry: crate::api::RetryPolicy,
        region: Option<&str>,
    ) -> Self {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("a runtime");
        let dir = tempfile::tempdir().expect("a temp dir");
        let (emulator, connection) = runtime.block_on(async {
            let emulator = crate::emulator::start(EmulatorOptions {
                seed,
                config_out: Some(dir.path().join("oci")),
                work_request_duration: work,
                key: Some(shared_key()),
                region: region.map(str::to_string),
                ..EmulatorOptions::default()
            })
            .await
            .expect("the emulator starts");
            let config = emulator
                .config
                .as_ref()
                .expect("a config")
                .config_path
                .clone();
            let args = ConnectionArgs {
                config_file: Some(config),
                endpoint: Some(emulator.endpoint.clone()),
                ..ConnectionArgs::default()
            };
            let options = ClientOptions {
                retry,
                ..ClientOptions::default()
            };
            let connection = connect_with(&args, options).await.expect("connects");
            (emulator, connection)
        });
        Sandbox {
            runtime,
            client: connection.client,
            tenancy_id: connection.tenancy_id,
            emulator,
            options: WorkerOptions {
                poll: Duration::from_millis(5),
                max_polls: 2000,
            },
            _dir: dir,
        }
    }

    /// Every response the worker sends for `request`, the last one `done`.
    pub fn answer(&self, request: &Request) -> Vec<Response> {
        let out = Mutex::new(Vec::new());
        let send = |r: Response| {
            out.lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
                .push(r);
        };
        self.runtime.block_on(execute(
            &self.client,
            &self.tenancy_id,
            self.options,
            request,
            &send,
        ));
        out.into_inner()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// The tenancy as the emulator holds it now.
    pub fn snapshot(&self) -> Snapshot {
        self.emulator.store.snapshot()
    }

    /// Changes the emulator's tenancy directly, as someone else's write would.
    pub fn change<R>(&self, f: impl FnOnce(&mut Store) -> R) -> R {
        self.emulator.store.with(f)
    }

    /// Runs a future on the sandbox's runtime (client calls in tests).
    pub fn block_on<F: std::future::Future>(&self, future: F) -> F::Output {
        self.runtime.block_on(future)
    }
}
