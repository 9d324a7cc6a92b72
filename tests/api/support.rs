//! Starting an emulator and a client connected to it the way users connect: through a
//! generated config file and `--endpoint`.

use std::time::Duration;

use canopy::api::{ClientOptions, Connection, RetryPolicy, WorkRequestKind, connect_with};
use canopy::config::ConnectionArgs;
use canopy::emulator::{EmulatorOptions, FaultSpec, RunningEmulator};
use canopy::model::Snapshot;

pub struct Env {
    pub conn: Connection,
    pub emulator: RunningEmulator,
    _dir: tempfile::TempDir,
}

impl Env {
    pub fn client(&self) -> &canopy::api::Client {
        &self.conn.client
    }

    pub fn tenancy(&self) -> &str {
        &self.conn.tenancy_id
    }

    /// Faults on, with no Retry-After wait so tests stay quick.
    pub fn faults(&self, spec: &FaultSpec) {
        self.emulator.faults.set(FaultSpec {
            retry_after_secs: 0,
            ..spec.clone()
        });
    }
}

pub fn fast_options() -> ClientOptions {
    ClientOptions {
        retry: RetryPolicy {
            max_attempts: 12,
            ..RetryPolicy::fast()
        },
        request_timeout: Duration::from_secs(20),
        ..ClientOptions::default()
    }
}

pub async fn start(seed: Snapshot) -> Env {
    start_with(
        EmulatorOptions {
            seed,
            work_request_duration: Duration::from_millis(50),
            ..EmulatorOptions::default()
        },
        fast_options(),
    )
    .await
}

pub async fn start_with(mut opts: EmulatorOptions, options: ClientOptions) -> Env {
    let dir = tempfile::tempdir().unwrap();
    opts.config_out = Some(dir.path().to_path_buf());
    let emulator = canopy::emulator::start(opts).await.unwrap();
    let generated = emulator.config.clone().unwrap();
    let conn = connect_with(&args_for(&emulator, &generated.config_path), options)
        .await
        .unwrap();
    Env {
        conn,
        emulator,
        _dir: dir,
    }
}

pub fn args_for(emulator: &RunningEmulator, config: &std::path::Path) -> ConnectionArgs {
    ConnectionArgs {
        config_file: Some(config.to_path_buf()),
        profile: Some("DEFAULT".into()),
        endpoint: Some(emulator.endpoint.clone()),
        ..ConnectionArgs::default()
    }
}

pub fn demo() -> Snapshot {
    canopy::emulator::seed::demo()
}

/// Polls a work request to the end; panics if it does not succeed.
pub async fn finish(env: &Env, kind: WorkRequestKind, work_request_id: Option<String>) -> String {
    let id = work_request_id.expect("an asynchronous operation returns opc-work-request-id");
    env.client()
        .wait_for_work_request(
            kind,
            &id,
            Duration::from_millis(20),
            Duration::from_secs(20),
        )
        .await
        .unwrap();
    id
}
