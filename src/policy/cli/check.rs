//! `canopy policy check [FILE|-]`: one statement per line, findings as `LINE:COL: ...`.

use std::io::Read;
use std::path::PathBuf;

use clap::Args;

use super::{TenancyArgs, UsageError};
use crate::policy::diagnostic::Severity;
use crate::policy::lint::PolicyLinter;
use crate::policy::{StatementDiagnostic, parse_statement};

#[derive(Debug, Clone, Args)]
pub struct CheckArgs {
    /// File of statements, one per line; `-` or nothing reads standard input.
    #[arg(value_name = "FILE|-")]
    pub file: Option<PathBuf>,
    /// Compartment the statements would be attached to, when linting against a tenancy
    /// (path from the root such as `Prod:AppTier`, or an OCID; default: the root).
    #[arg(long, value_name = "PATH")]
    pub compartment: Option<String>,
    #[command(flatten)]
    pub tenancy: TenancyArgs,
}

/// Reads the input: statements and the 1-based line each came from.
fn read_statements(file: Option<&PathBuf>) -> anyhow::Result<(Vec<String>, Vec<usize>)> {
    let text = match file {
        Some(path) if path.as_os_str() != "-" => {
            std::fs::read_to_string(path).map_err(|source| UsageError::Read {
                path: path.clone(),
                source,
            })?
        }
        _ => {
            let mut text = String::new();
            std::io::stdin()
                .read_to_string(&mut text)
                .map_err(|source| UsageError::Read {
                    path: "standard input".into(),
                    source,
                })?;
            text
        }
    };
    let mut statements = Vec::new();
    let mut lines = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        statements.push(line.trim_end_matches('\r').to_string());
        lines.push(i + 1);
    }
    Ok((statements, lines))
}

pub(super) async fn run(args: CheckArgs) -> anyhow::Result<i32> {
    let (statements, lines) = read_statements(args.file.as_ref())?;
    let findings: Vec<StatementDiagnostic> = if args.tenancy.named() {
        let snapshot = args.tenancy.load().await?;
        let linter = PolicyLinter::new(&snapshot);
        let compartment = match &args.compartment {
            None => snapshot.tenancy.id.clone(),
            Some(path) => linter
                .index()
                .compartment(path)
                .ok_or_else(|| UsageError::UnknownCompartment(path.clone()))?,
        };
        linter.lint(&compartment, &statements, None)
    } else {
        statements
            .iter()
            .enumerate()
            .flat_map(|(index, s)| {
                parse_statement(s)
                    .1
                    .into_iter()
                    .map(move |diagnostic| StatementDiagnostic { index, diagnostic })
            })
            .collect()
    };
    let mut errors = 0;
    let mut warnings = 0;
    for f in &findings {
        let d = &f.diagnostic;
        match d.severity {
            Severity::Error => errors += 1,
            Severity::Warning => warnings += 1,
            Severity::Info => {}
        }
        // Statements are single lines here, so the statement's line is the file's line.
        crate::say!(
            "{}:{}: {}: {}",
            lines[f.index] + d.line - 1,
            d.column,
            d.severity,
            d.message
        );
    }
    crate::say_err!(
        "{} statement{}: {errors} error{}, {warnings} warning{}",
        statements.len(),
        plural(statements.len()),
        plural(errors),
        plural(warnings)
    );
    Ok(i32::from(errors > 0))
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}
