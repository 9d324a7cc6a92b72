//! `canopy audit --principal P` with `--verb V --resource R`, `--permission` or `--operation`:
//! one question, a yes or a no with the deciding statements, and for a no why not. Exit
//! status 0 for yes, 1 for no (or an answer that depends on values not given).

use super::UsageError;
use super::audit::{AuditArgs, Format};
use crate::policy::decide::{Question, RequestValues, Want};
use crate::policy::effective::EffectiveIndex;

/// The one question `args` asks, if it asks one (a principal and an action).
pub(super) fn question(
    index: &EffectiveIndex,
    args: &AuditArgs,
) -> anyhow::Result<Option<Question>> {
    let want = match (
        &args.verb,
        &args.resource,
        &args.permission,
        &args.operation,
    ) {
        (Some(verb), Some(resource), None, None) => Want::Verb {
            verb: verb.to_lowercase(),
            resource: resource.clone(),
        },
        (None, None, Some(p), None) => Want::Permission(p.clone()),
        (None, None, None, Some(o)) => Want::Operation(o.clone()),
        _ => return Ok(None),
    };
    // A bad verb, resource, permission or operation is a usage error whoever asks.
    crate::policy::decide::need(&want).map_err(UsageError::from)?;
    let Some(name) = &args.principal else {
        if matches!(want, Want::Verb { .. }) {
            return Ok(None);
        }
        return Err(UsageError::QuestionWithoutPrincipal.into());
    };
    let compartment = args.compartment(index)?;
    let principal = index
        .principal(name)
        .ok_or_else(|| UsageError::UnknownPrincipal(name.clone()))?;
    let mut values = RequestValues::default();
    let mut given: Vec<(String, Vec<String>)> = Vec::new();
    for pair in &args.values {
        let (var, value) = pair
            .split_once('=')
            .filter(|(v, _)| !v.trim().is_empty())
            .ok_or_else(|| UsageError::BadWhere(pair.clone()))?;
        let var = var.trim().to_string();
        let value = value.trim().trim_matches('\'').to_string();
        match given.iter_mut().find(|(v, _)| *v == var) {
            Some((_, vs)) => vs.push(value),
            None => given.push((var, vec![value])),
        }
    }
    for (var, vs) in given {
        values.set(&var, vs);
    }
    Ok(Some(Question {
        principal,
        compartment,
        want,
        values,
    }))
}

pub(super) fn answer(index: &EffectiveIndex, q: &Question, format: Format) -> anyhow::Result<i32> {
    let decision = index.decide(q).map_err(UsageError::from)?;
    match format {
        Format::Json => println!(
            "{}",
            crate::text::escape_json(&serde_json::to_string_pretty(&decision)?)
        ),
        Format::Text => crate::say!("{}", crate::policy::decide::render(&decision)),
    }
    Ok(i32::from(!decision.allowed))
}
