//! `canopy policy lint`: every policy already in the tenancy, checked against the others.

use clap::Args;

use super::TenancyArgs;
use crate::policy::diagnostic::Severity;
use crate::policy::lint::BUDGET;
use crate::policy::{budget, lint_tenancy};

#[derive(Debug, Clone, Args)]
pub struct LintArgs {
    #[command(flatten)]
    pub tenancy: TenancyArgs,
}

pub(super) async fn run(args: LintArgs) -> anyhow::Result<i32> {
    let snapshot = args.tenancy.load().await?;
    let findings = lint_tenancy(&snapshot);
    let mut errors = 0;
    for f in &findings {
        if f.diagnostic.severity == Severity::Error {
            errors += 1;
        }
        crate::say!(
            "{} ({}) statement {}:{}:{}: {}: {}",
            f.policy_name,
            f.attached_to,
            f.index + 1,
            f.diagnostic.line,
            f.diagnostic.column,
            f.diagnostic.severity,
            f.diagnostic.message
        );
    }
    crate::say_err!(
        "{} policies: {} findings, {errors} errors",
        snapshot.policies.len(),
        findings.len()
    );
    if let Some(fullest) = budget(&snapshot).first() {
        crate::say_err!(
            "statement budget: {} of {BUDGET} along {}, the fullest compartment path",
            fullest.statements,
            fullest.path
        );
    }
    Ok(i32::from(errors > 0))
}
