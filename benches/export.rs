//! `canopy export` against the large generated tenancy with injected latency: prints the wall
//! time, the requests made and what was read; then runs the real binary (`canopy export
//! --no-credentials`) five times against the same emulator and prints each run's wall time,
//! client CPU (user + sys) and peak RSS. Run: `cargo bench --bench export`
//! (arguments: scale, default 1; latency in ms, default 20; fan-out ceiling, default 96).

use std::time::{Duration, Instant};

use canopy::api::export::{ExportFormat, GatherOptions, gather_with, render};
use canopy::api::{ClientOptions, connect_with};
use canopy::config::ConnectionArgs;
use canopy::emulator::EmulatorOptions;
use indicatif::ProgressBar;

fn arg<T: std::str::FromStr>(n: usize, default: T) -> T {
    std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .nth(n)
        .and_then(|a| a.parse().ok())
        .unwrap_or(default)
}

fn main() -> anyhow::Result<()> {
    let scale: f64 = arg(0, 1.0);
    let latency_ms: u64 = arg(1, 20);
    let concurrency: usize = arg(2, ClientOptions::default().max_concurrency);
    let runtime = tokio::runtime::Runtime::new()?;
    runtime.block_on(async move {
        let seed_started = Instant::now();
        let seed = canopy::emulator::seed::large(scale);
        let seed_time = seed_started.elapsed();
        let dir = tempfile::tempdir()?;
        let emulator = canopy::emulator::start(EmulatorOptions {
            seed,
            config_out: Some(dir.path().to_path_buf()),
            latency: Duration::from_millis(latency_ms),
            ..EmulatorOptions::default()
        })
        .await?;
        let config = emulator
            .config
            .clone()
            .ok_or_else(|| anyhow::anyhow!("the emulator wrote no config"))?;
        let args = ConnectionArgs {
            config_file: Some(config.config_path.clone()),
            endpoint: Some(emulator.endpoint.clone()),
            ..ConnectionArgs::default()
        };
        let options = ClientOptions {
            max_concurrency: concurrency,
            ..ClientOptions::default()
        };
        let conn = connect_with(&args, options).await?;
        let started = Instant::now();
        // Without credentials (nine calls per user), as `canopy export --no-credentials`: the
        // figures in docs/api.md measure the tenancy's structure.
        let gathered = gather_with(
            &conn.client,
            &conn.tenancy_id,
            &ProgressBar::hidden(),
            GatherOptions {
                credentials: false,
                ..GatherOptions::default()
            },
        )
        .await?;
        let read = started.elapsed();
        let text = render(&gathered.snapshot, ExportFormat::Json);
        let wall = started.elapsed();
        let s = &gathered.snapshot;
        println!(
            "export large:{scale} latency {latency_ms} ms, fan-out ceiling {concurrency}: \
             {:.2} s wall ({:.2} s reading, the rest rendering), {} requests, {:.1} MB JSON \
             (seed generated in {:.2} s)",
            wall.as_secs_f64(),
            read.as_secs_f64(),
            conn.client.requests_sent(),
            text.len() as f64 / 1e6,
            seed_time.as_secs_f64()
        );
        println!(
            "  read {} compartments, {} users, {} groups, {} memberships, {} dynamic groups, \
             {} policies, {} tag namespaces, {} tags, {} tag defaults, {} sender invitations",
            s.compartments.len(),
            s.users.len(),
            s.groups.len(),
            s.memberships.len(),
            s.dynamic_groups.len(),
            s.policies.len(),
            s.tag_namespaces.len(),
            s.tags.len(),
            s.tag_defaults.len(),
            s.sender_invitations.len()
        );
        drop(gathered);
        for run in 1..=5 {
            println!("  the binary, run {run}: {}", binary_run(&args).await?);
        }
        Ok(())
    })
}

/// One `canopy export --no-credentials` in its own process: wall, CPU and peak RSS as GNU
/// time reports them, or wall and CPU from the shell's `times` where GNU time is missing.
async fn binary_run(args: &ConnectionArgs) -> anyhow::Result<String> {
    let canopy = env!("CARGO_BIN_EXE_canopy");
    let config = args.config_file.clone().unwrap_or_default();
    let endpoint = args.endpoint.clone().unwrap_or_default();
    let export = [
        "export",
        "--no-credentials",
        "--config-file",
        config.to_str().unwrap_or_default(),
        "--endpoint",
        endpoint.as_str(),
    ];
    let gnu_time = std::path::Path::new("/usr/bin/time");
    let output = if gnu_time.exists() {
        tokio::process::Command::new(gnu_time)
            .args([
                "-f",
                "%e s wall, %U s user + %S s sys, peak RSS %M KB",
                "--",
            ])
            .arg(canopy)
            .args(export)
            .stdout(std::process::Stdio::null())
            .output()
            .await?
    } else {
        // `times` prints the shell's own times, then its children's: user and sys.
        tokio::process::Command::new("bash")
            .args(["-c", "\"$0\" \"$@\" >/dev/null; times >&2", canopy])
            .args(export)
            .output()
            .await?
    };
    let stderr = String::from_utf8_lossy(&output.stderr);
    anyhow::ensure!(output.status.success(), "canopy export failed: {stderr}");
    Ok(stderr.lines().last().unwrap_or_default().to_string())
}
