//! `canopy export`: the whole tenancy as one JSON document.

use clap::Args;

use crate::config::ConnectionArgs;
use crate::model::Snapshot;

#[derive(Debug, Clone, Args)]
pub struct ExportArgs {
    #[command(flatten)]
    pub connection: ConnectionArgs,
}

/// Reads the whole tenancy the connection points at.
pub async fn load_snapshot(_connection: &ConnectionArgs) -> anyhow::Result<Snapshot> {
    anyhow::bail!("export is not built yet")
}

pub async fn run(_args: ExportArgs) -> anyhow::Result<()> {
    anyhow::bail!("export is not built yet")
}
