//! `canopy policy check` (lint statements from a file, for CI) and `canopy audit` (who can do
//! what in a compartment), both headless.

mod access_diff;
mod audit;
mod check;
mod decide;
mod escalation;
mod lint;
mod output;

use std::path::PathBuf;

use clap::{Args, Subcommand};

use crate::config::ConnectionArgs;
use crate::model::Snapshot;

pub use access_diff::AccessDiffArgs;
pub use audit::AuditArgs;
pub use check::CheckArgs;
pub use lint::LintArgs;

#[derive(Debug, Clone, Subcommand)]
pub enum PolicyCommand {
    /// Check policy statements, one per line (blank lines and `#` comments are ignored).
    /// Prints `LINE:COL: error|warning: message`; exits 1 if any error was found.
    Check(CheckArgs),
    /// Lint every policy already in the tenancy (unknown names, duplicates, redundancy,
    /// over-broad grants, statement budget). Exits 1 if any error was found.
    Lint(LintArgs),
}

/// Where the tenancy to check against comes from.
#[derive(Debug, Clone, Args)]
pub struct TenancyArgs {
    /// A `canopy export` JSON file to use instead of a live tenancy (no network needed).
    #[arg(long, value_name = "FILE.json")]
    pub snapshot: Option<PathBuf>,
    #[command(flatten)]
    pub connection: ConnectionArgs,
}

impl TenancyArgs {
    /// Whether the user named a tenancy at all (a snapshot file or connection flags).
    fn named(&self) -> bool {
        let c = &self.connection;
        self.snapshot.is_some()
            || c.demo
            || c.profile.is_some()
            || c.config_file.is_some()
            || c.endpoint.is_some()
    }

    async fn load(&self) -> anyhow::Result<Snapshot> {
        match &self.snapshot {
            Some(path) => Ok(crate::emulator::seed::from_file(path)?),
            // `--demo` too goes through the client, against the embedded emulator, so the demo
            // exercises exactly the path a real tenancy takes.
            None => crate::api::export::load_snapshot(&self.connection).await,
        }
    }
}

/// A mistake in what the user asked for: reported plainly, exit status 2.
#[derive(Debug, thiserror::Error)]
pub enum UsageError {
    #[error(
        "no compartment `{0}` in this tenancy: give a path from the root such as `Prod:AppTier`, `tenancy`, or an OCID"
    )]
    UnknownCompartment(String),
    #[error(
        "no user, group, dynamic group or IdP group `{0}` in this tenancy: check the name, or pass its OCID"
    )]
    UnknownPrincipal(String),
    #[error("--verb and --resource go together, e.g. `--verb manage --resource instances`")]
    VerbWithoutResource,
    #[error(transparent)]
    Want(#[from] crate::policy::decide::WantError),
    #[error("--where takes VAR=VALUE, e.g. `--where request.region=IAD`; got `{0}`")]
    BadWhere(String),
    #[error("--permission and --operation ask about one principal: add --principal NAME")]
    QuestionWithoutPrincipal,
    #[error(transparent)]
    Exclude(#[from] crate::policy::report::ExcludeError),
    #[error("cannot read {path}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
}

pub async fn run(command: PolicyCommand) -> anyhow::Result<i32> {
    match command {
        PolicyCommand::Check(args) => usage_to_exit(check::run(args).await),
        PolicyCommand::Lint(args) => usage_to_exit(lint::run(args).await),
    }
}

pub async fn access_diff(args: AccessDiffArgs) -> anyhow::Result<i32> {
    access_diff::run(args).await
}

pub async fn audit(args: AuditArgs) -> anyhow::Result<i32> {
    usage_to_exit(audit::run(args).await)
}

/// Usage mistakes print their message and exit 2; other failures go up to `main`.
fn usage_to_exit(result: anyhow::Result<i32>) -> anyhow::Result<i32> {
    match result {
        Err(e) if e.downcast_ref::<UsageError>().is_some() => {
            crate::say_err!("canopy: {e}");
            Ok(2)
        }
        other => other,
    }
}
