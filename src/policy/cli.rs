//! `canopy policy check` and `canopy audit`.

use clap::{Args, Subcommand};

#[derive(Debug, Clone, Subcommand)]
pub enum PolicyCommand {
    /// Check policy statements, one per line.
    Check(CheckArgs),
}

#[derive(Debug, Clone, Args)]
pub struct CheckArgs {}

#[derive(Debug, Clone, Args)]
pub struct AuditArgs {}

pub async fn run(_command: PolicyCommand) -> anyhow::Result<i32> {
    anyhow::bail!("policy check is not built yet")
}

pub async fn audit(_args: AuditArgs) -> anyhow::Result<i32> {
    anyhow::bail!("audit is not built yet")
}
