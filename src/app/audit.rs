//! The audit view of a compartment: every policy statement that applies there (attached to it
//! or inherited from an ancestor), from the policy engine's effective index.

use crate::model::{Policy, Snapshot, Tenancy};
use crate::policy::EffectiveIndex;

use super::ctx::Ctx;
use super::modal::{Modal, Tone, ToneLine};
use super::pane_id::PaneId;

/// The audit dialog for `compartment_id`, or why it cannot be shown yet.
pub fn audit_modal(
    ctx: &Ctx,
    policies: Option<&Vec<Policy>>,
    compartment_id: &str,
) -> Result<Modal, String> {
    let (Some(compartments), Some(policies)) = (ctx.compartments.data(), policies) else {
        return Err("the audit needs the compartments and policies; they are still loading".into());
    };
    let snapshot = Snapshot {
        tenancy: ctx.tenancy.data().cloned().unwrap_or_else(|| Tenancy {
            id: ctx.session.tenancy_id.clone(),
            ..Tenancy::default()
        }),
        compartments: compartments.clone(),
        policies: policies.clone(),
        ..Snapshot::default()
    };
    let index = EffectiveIndex::build(&snapshot);
    let applied = index.statements_for(compartment_id);
    let path = ctx.compartment_path(compartment_id);
    let mut lines = vec![ToneLine::new(
        Tone::Heading,
        format!(
            "{} statement(s) apply to {path}, nearest first:",
            applied.len()
        ),
    )];
    for a in &applied {
        lines.push(ToneLine::new(Tone::Statement, a.entry.text.clone()));
        lines.push(ToneLine::new(
            Tone::Dim,
            format!("    {} · {}", a.entry.policy_name, a.coverage),
        ));
    }
    if !index.unparsed().is_empty() {
        lines.push(ToneLine::new(
            Tone::Warning,
            format!(
                "{} statement(s) in the tenancy do not parse and are left out",
                index.unparsed().len()
            ),
        ));
    }
    Ok(Modal::text(
        PaneId::Compartments,
        &format!("Audit: {path}"),
        lines,
    ))
}
