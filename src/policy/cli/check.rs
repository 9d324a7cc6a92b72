//! `canopy policy check [FILE|-]`: one statement per line, findings as `LINE:COL: ...`.

use std::io::Read;
use std::path::PathBuf;

use clap::Args;

use super::{TenancyArgs, UsageError};
use crate::policy::lint::PolicyLinter;
use crate::policy::report::{Checked, Finding, Report};
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
    #[command(flatten)]
    pub output: super::output::OutputArgs,
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
    let file = match &args.file {
        Some(path) if path.as_os_str() != "-" => path.display().to_string(),
        _ => "stdin".to_string(),
    };
    let items = lines
        .iter()
        .map(|line| Checked {
            group: file.clone(),
            name: format!("line {line}"),
        })
        .collect();
    let findings = findings
        .into_iter()
        .map(|f| {
            let d = f.diagnostic;
            // Statements are single lines here, so the statement's line is the file's line.
            let line = lines[f.index] + d.line - 1;
            Finding {
                rule: d.code.to_string(),
                severity: d.severity,
                text: format!("{line}:{}: {}: {}", d.column, d.severity, d.message),
                message: d.message,
                file: file.clone(),
                line,
                column: d.column,
                policy: None,
                item: f.index,
            }
        })
        .collect();
    let report = Report {
        command: "canopy policy check".into(),
        items,
        findings,
    };
    let count = statements.len();
    args.output.print(report, |r| {
        let (errors, warnings) = (r.errors(), r.warnings());
        vec![format!(
            "{count} statement{}: {errors} error{}, {warnings} warning{}",
            plural(count),
            plural(errors),
            plural(warnings)
        )]
    })
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}
