//! The `canopy` command line: parse flags, start the runtime, hand over to a layer.

use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[derive(Debug, Parser)]
#[command(
    name = "canopy",
    version,
    about = "Browse, audit and edit an OCI tenancy's identity and access"
)]
struct Cli {
    #[command(flatten)]
    tui: canopy::app::TuiArgs,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Run the local OCI emulator (Identity and Organizations) on loopback.
    Emulator(canopy::emulator::cli::EmulatorArgs),
    /// Write the whole tenancy as one JSON document.
    Export(canopy::api::export::ExportArgs),
    /// Policy statement tools.
    #[command(subcommand)]
    Policy(canopy::policy::cli::PolicyCommand),
    /// Answer who-can-do-what questions for a compartment.
    Audit(canopy::policy::cli::AuditArgs),
    /// Access gained and lost between two snapshots (`canopy export` files, or `live`).
    AccessDiff(canopy::policy::cli::AccessDiffArgs),
    /// The warm-start cache of tenancy snapshots.
    #[command(subcommand)]
    Cache(canopy::app::cache::CacheCommand),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    // An export drives all its calls from one task, and signs them on the client's signing
    // threads. On a current-thread runtime the HTTP connections live on that same thread;
    // on worker threads every answer crossed threads twice more (0.2 s of an export's 2.9 s
    // of CPU went to those wake-ups, with the same wall time).
    let runtime = if matches!(cli.command, Some(Command::Export(_))) {
        tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
    } else {
        if cli.command.is_none() {
            // The terminal UI: two malloc arenas (see `arenas`), keys and frames first,
            // background work in the time left.
            canopy::arenas::limit_arenas();
            canopy::priority::lower_background_threads();
        }
        tokio::runtime::Builder::new_multi_thread()
            .enable_all()
            .on_thread_start(canopy::priority::on_background_thread_start)
            .build()
    };
    let runtime = match runtime {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("canopy: cannot start the async runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    let result = runtime.block_on(async move {
        match cli.command {
            None => canopy::app::run(cli.tui, canopy::ui::draw).await,
            Some(Command::Emulator(args)) => canopy::emulator::cli::run(args).await,
            Some(Command::Export(args)) => canopy::api::export::run(args).await.map(|()| 0),
            Some(Command::Policy(cmd)) => canopy::policy::cli::run(cmd).await,
            Some(Command::Audit(args)) => canopy::policy::cli::audit(args).await,
            Some(Command::Cache(cmd)) => canopy::app::cache::run(&cmd),
            Some(Command::AccessDiff(args)) => {
                Box::pin(canopy::policy::cli::access_diff(args)).await
            }
        }
    });
    match result {
        Ok(0) => ExitCode::SUCCESS,
        Ok(code) => ExitCode::from(u8::try_from(code).unwrap_or(1)),
        Err(e) => {
            canopy::say_err!("canopy: {}", canopy::text::error_chain(e.as_ref()));
            ExitCode::FAILURE
        }
    }
}
