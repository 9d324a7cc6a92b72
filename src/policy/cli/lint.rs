//! `canopy policy lint`: every policy already in the tenancy, checked against the others.

use std::collections::HashMap;

use clap::Args;

use super::TenancyArgs;
use crate::model::LifecycleState;
use crate::policy::lint::BUDGET;
use crate::policy::report::{Checked, Finding, Report};
use crate::policy::{budget, lint_tenancy};

#[derive(Debug, Clone, Args)]
pub struct LintArgs {
    #[command(flatten)]
    pub tenancy: TenancyArgs,
    #[command(flatten)]
    pub output: super::output::OutputArgs,
}

pub(super) async fn run(args: LintArgs) -> anyhow::Result<i32> {
    let snapshot = args.tenancy.load().await?;
    let found = lint_tenancy(&snapshot);
    // One checked item per statement of every active policy (JUnit's test cases).
    let tree = crate::policy::tree::CompartmentTree::build(&snapshot);
    let mut items = Vec::new();
    let mut item_of = HashMap::new();
    for policy in &snapshot.policies {
        if policy.lifecycle_state == LifecycleState::Deleted {
            continue;
        }
        let attached = tree.display(&policy.compartment_id);
        for index in 0..policy.statements.len() {
            item_of.insert((policy.id.clone(), index), items.len());
            items.push(Checked {
                group: format!("policy {} ({attached})", policy.name),
                name: format!("statement {}", index + 1),
            });
        }
    }
    let findings = found
        .into_iter()
        .map(|f| {
            let d = &f.diagnostic;
            let item = if let Some(i) = item_of.get(&(f.policy_id.clone(), f.index)) {
                *i
            } else {
                items.push(Checked {
                    group: format!("policy {} ({})", f.policy_name, f.attached_to),
                    name: format!("statement {}", f.index + 1),
                });
                items.len() - 1
            };
            Finding {
                rule: d.code.to_string(),
                severity: d.severity,
                message: d.message.clone(),
                file: format!("policies/{}/{}", f.attached_to, f.policy_name),
                line: f.index + 1,
                column: d.column,
                policy: Some(f.policy_name.clone()),
                item,
                text: format!(
                    "{} ({}) statement {}:{}:{}: {}: {}",
                    f.policy_name,
                    f.attached_to,
                    f.index + 1,
                    d.line,
                    d.column,
                    d.severity,
                    d.message
                ),
            }
        })
        .collect();
    let report = Report {
        command: "canopy policy lint".into(),
        items,
        findings,
    };
    let policies = snapshot.policies.len();
    let fullest = budget(&snapshot).into_iter().next();
    args.output.print(report, |r| {
        let mut out = vec![format!(
            "{policies} policies: {} findings, {} errors",
            r.findings.len(),
            r.errors()
        )];
        if let Some(fullest) = fullest {
            out.push(format!(
                "statement budget: {} of {BUDGET} along {}, the fullest compartment path",
                fullest.statements, fullest.path
            ));
        }
        out
    })
}
