//! `canopy export`: the whole tenancy as one JSON document in a stable order, so two exports
//! of an unchanged tenancy are byte-identical.

mod credentials;
/// Every domain's directory (Identity Domains, SCIM).
mod domain_directories;
mod gather;
mod identity_domains;
mod reread;

use std::io::{IsTerminal as _, Write as _};
use std::path::{Path, PathBuf};
use std::time::Duration;

use clap::{Args, ValueEnum};
use indicatif::{ProgressBar, ProgressStyle};

use super::connect::{ConnectError, Connection, connect};
use super::{ApiError, Client};
use crate::config::ConnectionArgs;
use crate::model::Snapshot;

pub use gather::{GatherOptions, Gathered, gather, gather_with};

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// One pretty-printed JSON document (the snapshot format `--seed FILE` reads back).
    #[default]
    Json,
}

#[derive(Debug, Clone, Args)]
pub struct ExportArgs {
    #[command(flatten)]
    pub connection: ConnectionArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ExportFormat::Json)]
    pub format: ExportFormat,
    /// Write to this file instead of standard output (`-`): created owner-only, or an
    /// existing regular file replaced atomically; a device, FIFO or link is refused.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Leave out users' credential metadata (API keys, tokens, MFA devices ...), network
    /// sources and the authentication policy: nine fewer calls per user on large tenancies.
    #[arg(long)]
    pub no_credentials: bool,
}

/// Why an export failed.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error(transparent)]
    Connect(#[from] ConnectError),
    #[error("reading the tenancy failed: {0}")]
    Api(#[from] ApiError),
    #[error("cannot write {path}: {source}; check the directory exists and is writable")]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error(transparent)]
    File(#[from] crate::files::FileError),
}

/// Reads the whole tenancy the connection flags point at (`--demo` included). Returns
/// `anyhow` because command entry points of other layers (`policy check`, `audit`) call it;
/// the error inside is an [`ExportError`].
pub async fn load_snapshot(connection: &ConnectionArgs) -> anyhow::Result<Snapshot> {
    Ok(read_snapshot(connection).await?)
}

/// As [`load_snapshot`], with the typed error.
pub async fn read_snapshot(connection: &ConnectionArgs) -> Result<Snapshot, ExportError> {
    let connection = connect(connection).await?;
    let gathered = gather(
        &connection.client,
        &connection.tenancy_id,
        &ProgressBar::hidden(),
    )
    .await?;
    Ok(gathered.snapshot)
}

/// The document `canopy export` writes for a snapshot.
pub fn render(snapshot: &Snapshot, format: ExportFormat) -> String {
    match format {
        ExportFormat::Json => {
            // Our own types always serialise (string keys only). C1 controls and invisible
            // characters are escaped too, so `cat` of an export cannot drive a terminal.
            let text = serde_json::to_string_pretty(snapshot).unwrap_or_default();
            let mut text = crate::text::escape_json(&text).into_owned();
            text.push('\n');
            text
        }
    }
}

/// Reads the tenancy through `client` and writes the export to `output` (stdout if `None`).
/// Returns the gathered snapshot and warnings.
pub async fn export_to(
    client: &Client,
    tenancy_id: &str,
    format: ExportFormat,
    output: Option<&Path>,
    progress: &ProgressBar,
    options: GatherOptions,
) -> Result<Gathered, ExportError> {
    let gathered = gather_with(client, tenancy_id, progress, options).await?;
    // Streamed: tens of megabytes of JSON are never held whole (byte for byte what `render`
    // makes).
    let snapshot = &gathered.snapshot;
    if let Some(path) = output.filter(|p| p.as_os_str() != "-") {
        crate::files::write_private_with(path, |out| stream(snapshot, format, out))?;
    } else {
        let mut out = std::io::BufWriter::new(std::io::stdout().lock());
        stream(snapshot, format, &mut out)
            .and_then(|()| out.flush())
            .map_err(|source| ExportError::Write {
                path: PathBuf::from("<stdout>"),
                source,
            })?;
    }
    Ok(gathered)
}

/// Writes the document `render` makes, as it is made.
fn stream(
    snapshot: &Snapshot,
    format: ExportFormat,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    match format {
        ExportFormat::Json => {
            // serde_json writes token by token: the buffer hands the escaper large chunks.
            let mut escaped =
                std::io::BufWriter::with_capacity(1 << 16, crate::text::EscapeJson::new(out));
            serde_json::to_writer_pretty(&mut escaped, snapshot)?;
            let out = escaped
                .into_inner()
                .map_err(std::io::IntoInnerError::into_error)?
                .into_inner()?;
            out.write_all(b"\n")
        }
    }
}

fn progress_bar() -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(0);
    bar.set_style(
        ProgressStyle::with_template("{spinner} {msg} [{pos}/{len} calls] {elapsed}")
            .unwrap_or_else(|_| ProgressStyle::default_spinner()),
    );
    bar.enable_steady_tick(Duration::from_millis(120));
    bar
}

/// `canopy export`.
pub async fn run(args: ExportArgs) -> anyhow::Result<()> {
    // Refuse a bad target before reading a whole tenancy for it.
    if let Some(path) = args.output.as_deref().filter(|p| p.as_os_str() != "-") {
        crate::files::check_target(path)?;
    }
    let connection: Connection = connect(&args.connection).await?;
    for warning in &connection.warnings {
        eprintln!("canopy: warning: {}", crate::text::for_terminal(warning));
    }
    let progress = progress_bar();
    let result = export_to(
        &connection.client,
        &connection.tenancy_id,
        args.format,
        args.output.as_deref(),
        &progress,
        GatherOptions {
            credentials: !args.no_credentials,
            ..GatherOptions::default()
        },
    )
    .await;
    progress.finish_and_clear();
    let gathered = result?;
    for warning in &gathered.warnings {
        eprintln!("canopy: warning: {}", crate::text::for_terminal(warning));
    }
    Ok(())
}

#[cfg(test)]
mod stream_tests {
    #[test]
    fn the_streamed_export_is_byte_for_byte_the_rendered_one() {
        let mut demo = crate::emulator::seed::demo();
        // Characters the escaping rewrites, so the test covers it.
        demo.users[0].description = "x\u{85}\u{202e}y \u{200b}é".into();
        let mut out = Vec::new();
        super::stream(&demo, super::ExportFormat::Json, &mut out).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            super::render(&demo, super::ExportFormat::Json)
        );
    }
}
