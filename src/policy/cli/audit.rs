//! `canopy audit`: the statements that apply to a compartment, what a principal can do
//! there, or who can do something there, as text or JSON.

use clap::{Args, ValueEnum};
use serde::Serialize;

use super::{TenancyArgs, UsageError};
use crate::policy::effective::{Answer, EffectiveIndex};

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, ValueEnum)]
pub enum Format {
    #[default]
    Text,
    Json,
}

#[derive(Debug, Clone, Args)]
pub struct AuditArgs {
    /// Compartment to audit: a path from the root such as `Prod:AppTier`, `tenancy`, or an OCID.
    #[arg(long, value_name = "PATH", required_unless_present = "escalation")]
    pub compartment: Option<String>,
    /// List escalation paths instead: principals that can make themselves (or anyone) more
    /// powerful, each with its chain, the statements behind it and whom it reaches.
    #[arg(long, conflicts_with_all = ["compartment", "principal", "verb", "permission", "operation"])]
    pub escalation: bool,
    /// A user, group or dynamic group (name or OCID; prefix `user `, `group ` or
    /// `dynamic-group ` when names clash): what can it do here?
    #[arg(long, value_name = "NAME")]
    pub principal: Option<String>,
    /// With --resource: who can do this here? e.g. `--verb manage --resource instances`.
    #[arg(long, value_name = "VERB", requires = "resource")]
    pub verb: Option<String>,
    /// Resource type or family for --verb.
    #[arg(long, value_name = "TYPE", requires = "verb")]
    pub resource: Option<String>,
    /// With --principal: may it use this permission here? e.g. `USER_UPDATE`.
    #[arg(long, value_name = "PERMISSION", conflicts_with_all = ["verb", "operation"])]
    pub permission: Option<String>,
    /// With --principal: may it call this API operation here? e.g. `UpdateUser`.
    #[arg(long, value_name = "OPERATION", conflicts_with_all = ["verb", "permission"])]
    pub operation: Option<String>,
    /// A request value for conditions, e.g. `--where request.region=IAD` (repeatable; a
    /// variable given twice holds both values).
    #[arg(long = "where", value_name = "VAR=VALUE")]
    pub values: Vec<String>,
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
    #[command(flatten)]
    pub tenancy: TenancyArgs,
}

#[derive(Debug, Serialize)]
struct Report {
    compartment: String,
    question: String,
    answers: Vec<Answer>,
    /// Statements left out because they do not parse.
    skipped: Vec<String>,
}

pub(super) async fn run(args: AuditArgs) -> anyhow::Result<i32> {
    let snapshot = args.tenancy.load().await?;
    let index = EffectiveIndex::build(&snapshot);
    if args.escalation {
        return super::escalation::run(&index, args.format);
    }
    if let Some(question) = super::decide::question(&index, &args)? {
        return super::decide::answer(&index, &question, args.format);
    }
    let report = answer(&index, &args)?;
    match args.format {
        Format::Json => println!(
            "{}",
            crate::text::escape_json(&serde_json::to_string_pretty(&report)?)
        ),
        Format::Text => {
            crate::say!("{} in {}:", report.question, report.compartment);
            if report.answers.is_empty() {
                crate::say!("  nothing: no statement grants this here");
            }
            for a in &report.answers {
                crate::say!("- {a}");
            }
            for s in &report.skipped {
                crate::say!("! skipped {s}");
            }
        }
    }
    Ok(0)
}

impl AuditArgs {
    /// The OCID of the compartment asked about (the root when none was named).
    pub(super) fn compartment(&self, index: &EffectiveIndex) -> Result<String, UsageError> {
        let name = self.compartment.as_deref().unwrap_or("tenancy");
        index
            .compartment(name)
            .ok_or_else(|| UsageError::UnknownCompartment(name.to_string()))
    }
}

fn answer(index: &EffectiveIndex, args: &AuditArgs) -> anyhow::Result<Report> {
    let compartment = args.compartment(index)?;
    let principal = match &args.principal {
        Some(name) => Some(
            index
                .principal(name)
                .ok_or_else(|| UsageError::UnknownPrincipal(name.clone()))?,
        ),
        None => None,
    };
    let action = match (&args.verb, &args.resource) {
        (Some(v), Some(r)) => Some((v.to_lowercase(), r.clone())),
        (None, None) => None,
        _ => return Err(UsageError::VerbWithoutResource.into()),
    };
    let (question, answers) = match (&principal, &action) {
        (Some(p), Some((v, r))) => (
            format!(
                "Can {} {v} {r}",
                args.principal.as_deref().unwrap_or_default()
            ),
            index.can(p, v, r, &compartment),
        ),
        (Some(p), None) => (
            format!(
                "What {} can do",
                args.principal.as_deref().unwrap_or_default()
            ),
            index.what_can(p, &compartment),
        ),
        (None, Some((v, r))) => (
            format!("Who can {v} {r}"),
            index.who_can(v, r, &compartment),
        ),
        (None, None) => (
            "Statements that apply".to_string(),
            index
                .statements_for(&compartment)
                .iter()
                .map(|a| index.describe(a))
                .collect(),
        ),
    };
    let skipped = index
        .unparsed()
        .iter()
        .map(|u| {
            format!(
                "policy {} statement {}: {}",
                u.policy_name,
                u.index + 1,
                u.diagnostic.message
            )
        })
        .collect();
    Ok(Report {
        compartment: index.tree().display(&compartment),
        question,
        answers,
        skipped,
    })
}
