//! Application state, actions, requests and responses, the worker and the event loop.

use clap::Args;

use crate::config::ConnectionArgs;

/// Flags of the TUI itself (`canopy` with no subcommand).
#[derive(Debug, Clone, Default, Args)]
pub struct TuiArgs {
    #[command(flatten)]
    pub connection: ConnectionArgs,
    /// Make every write unreachable.
    #[arg(long)]
    pub read_only: bool,
}

pub async fn run(_args: TuiArgs) -> anyhow::Result<()> {
    anyhow::bail!("the TUI is not built yet")
}
