//! `canopy emulator`: run the local OCI server from the command line.

use clap::Args;

#[derive(Debug, Clone, Args)]
pub struct EmulatorArgs {}

pub async fn run(_args: EmulatorArgs) -> anyhow::Result<()> {
    anyhow::bail!("the emulator is not built yet")
}
