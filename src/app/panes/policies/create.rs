//! The new-policy form: its fields, the statement linted as it is typed (and against the
//! tenancy on submit, once loaded), and the create request.

use std::collections::BTreeMap;
use super::{ME, Pending, PoliciesPane, PolicyDialog, dialog, statements_of};
use crate::app::ctx::Ctx;
use crate::app::request::PolicyRequest;
use crate::app::tag_fields::{given, read_tags, tag_fields};
use crate::app::widgets::form::{Field, FormValues};
use crate::app::widgets::modal::Modal;
use crate::model::CreatePolicyDetails;

impl PoliciesPane {
    pub(super) fn open_create_form(&mut self, ctx: &mut Ctx) {
        let compartment = self
            .scope()
            .map(|id| ctx.compartment_path(id))
            .unwrap_or_default();
        let mut fields = vec![
                Field::text("name", "Name")
                    .required()
                    .max_chars(100)
                    .help("unique in the compartment"),
                Field::text("description", "Description")
                    .required()
                    .max_chars(400),
                Field::text("compartment", "Compartment")
                    .value(&compartment)
                    .help("where it is attached: a path like Prod/AppTier or an OCID; empty for the tenancy"),
                Field::text("statement", "Statement")
                    .required()
                    .live(statement_lint)
                    .help("the first statement; add more with e once it exists"),
                version_date_field(""),
        ];
        fields.extend(tag_fields(ctx, ME, &BTreeMap::default(), &BTreeMap::default()));
        ctx.open(Modal::form(dialog(PolicyDialog::Create), "New policy", fields));
    }

    pub(super) fn create(&mut self, v: &FormValues, ctx: &mut Ctx) {
        // Against the tenancy too, once it is loaded (unknown groups and compartments), as
        // the editor lints.
        if let Some(linter) = ctx.snapshot.data() {
            let compartment = ctx.resolve_compartment(v.get("compartment")).ok();
            let target = compartment.unwrap_or_else(|| linter.snapshot().tenancy.id.clone());
            let found = linter.lint(&target, None, &statements_of(v.get("statement")));
            if let Some(e) = found.iter().find(|d| d.diagnostic.is_error()) {
                let d = &e.diagnostic;
                return ctx.refuse(Some("statement"), format!("column {}: {}", d.column, d.message));
            }
        }
        let compartment_id = match ctx.resolve_compartment(v.get("compartment")) {
            Ok(id) => id,
            Err(e) => return ctx.refuse(Some("compartment"), e),
        };
        let (free, defined) = match read_tags(v) {
            Ok(tags) => tags,
            Err((field, e)) => return ctx.refuse(Some(field), e),
        };
        let details = CreatePolicyDetails {
            compartment_id,
            name: v.string("name"),
            statements: statements_of(v.get("statement")),
            description: v.string("description"),
            version_date: v.optional("version_date"),
            freeform_tags: given(free),
            defined_tags: given(defined),
        };
        let done = format!("policy {} created", v.get("name"));
        if let Some(req) = ctx.write(ME, PolicyRequest::Create(details), done) {
            self.pending.insert(req, Pending::Create);
        }
    }
}

/// The first error of a statement as typed: syntax, unknown verbs and resource types.
fn statement_lint(text: &str) -> Result<(), String> {
    let (_, found) = crate::policy::parse_statement(text);
    match found.iter().find(|d| d.is_error()) {
        Some(d) => Err(format!("column {}: {}", d.column, d.message)),
        None => Ok(()),
    }
}

/// A policy's version date: the date whose policy language it is read with; empty for
/// always the current one.
pub(super) fn version_date_field(value: &str) -> Field {
    Field::text("version_date", "Version date")
        .value(value)
        .check(crate::app::validate::date)
        .help("YYYY-MM-DD: the policy is read as of that date; empty: always the latest")
}
