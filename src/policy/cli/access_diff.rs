//! `canopy access-diff OLD NEW`: access gained and lost between two states of a tenancy
//! (`canopy export` files, or `live` for the tenancy the connection flags name). With
//! `--fail-on-new-access`, exit 1 when anything was gained, so a pipeline can gate a change.

use std::path::PathBuf;

use clap::Args;

use super::audit::Format;
use crate::config::ConnectionArgs;
use crate::model::Snapshot;
use crate::policy::access_diff::{AccessDiff, access_diff};

#[derive(Debug, Clone, Args)]
pub struct AccessDiffArgs {
    /// The state before: a `canopy export` file, or `live` for the tenancy named by the
    /// connection flags (--demo, --profile ...).
    #[arg(value_name = "OLD")]
    pub old: String,
    /// The state after, the same way.
    #[arg(value_name = "NEW")]
    pub new: String,
    /// Exit 1 when the new state grants any access the old one did not.
    #[arg(long)]
    pub fail_on_new_access: bool,
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
    #[command(flatten)]
    pub connection: ConnectionArgs,
}

async fn load(which: &str, connection: &ConnectionArgs) -> anyhow::Result<Snapshot> {
    if which == "live" {
        return crate::api::export::load_snapshot(connection).await;
    }
    Ok(crate::emulator::seed::from_file(&PathBuf::from(which))?)
}

pub async fn run(args: AccessDiffArgs) -> anyhow::Result<i32> {
    let old = load(&args.old, &args.connection).await?;
    let new = load(&args.new, &args.connection).await?;
    let diff = access_diff(&old, &new);
    match args.format {
        Format::Json => println!(
            "{}",
            crate::text::escape_json(&serde_json::to_string_pretty(&diff)?)
        ),
        Format::Text => {
            for line in text(&diff) {
                crate::say!("{line}");
            }
        }
    }
    crate::say_err!("{}", diff.verdict());
    Ok(i32::from(
        args.fail_on_new_access && diff.grants_new_access(),
    ))
}

/// The diff as lines: gained, lost, memberships, each with the policy behind it.
pub fn text(diff: &AccessDiff) -> Vec<String> {
    let mut out = Vec::new();
    let mut section = |title: &str, lines: Vec<String>| {
        if !lines.is_empty() {
            out.push(format!("{title} ({}):", lines.len()));
            out.extend(lines);
        }
    };
    section(
        "Access gained",
        diff.gained
            .iter()
            .map(|l| {
                let lifted = if l.effect == "deny" {
                    "no longer: "
                } else {
                    ""
                };
                format!("+ {lifted}{l}  [policy {}]", l.policy)
            })
            .collect(),
    );
    section(
        "Access lost",
        diff.lost
            .iter()
            .map(|l| format!("- {l}  [policy {}]", l.policy))
            .collect(),
    );
    section(
        "Memberships gained",
        diff.joined
            .iter()
            .map(|m| format!("+ {} joins group {}", m.user, m.group))
            .collect(),
    );
    section(
        "Memberships lost",
        diff.left
            .iter()
            .map(|m| format!("- {} leaves group {}", m.user, m.group))
            .collect(),
    );
    if out.is_empty() {
        out.push("No change in access.".to_string());
    }
    out
}
