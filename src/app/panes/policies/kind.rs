//! Policies as a resource kind: listed with their compartment path, in path order.

use std::borrow::Cow;

use crate::app::action::Action;
use crate::app::ctx::Ctx;
use crate::app::resource::{Column, Noun, Presence, Resource, SortKey, Width};
use crate::model::Policy;

impl Resource for Policy {
    const NOUN: Noun = Noun {
        one: "policy",
        many: "policies",
    };

    fn id(&self) -> &str {
        &self.id
    }

    fn name(&self) -> &str {
        &self.name
    }

    fn columns() -> Vec<Column<Self>> {
        vec![
            Column::new("Policy", Width::Percent(35), |p, _| p.name.clone()),
            Column::new("Compartment", Width::Fill(1), |p, ctx| {
                ctx.compartment_path(&p.compartment_id)
            }),
            Column::new("Stmts", Width::Fixed(5), |p: &Policy, _: &Ctx| {
                p.statements.len().to_string()
            })
                .sorted_by(|p, _| SortKey::count(p.statements.len())),
            Column::new("State", Width::Fixed(8), |p, _| p.lifecycle_state.to_string()),
        ]
    }

    fn detail(&self, ctx: &Ctx) -> Vec<(&'static str, String)> {
        let mut out = vec![
            ("OCID", self.id.clone()),
            ("Compartment", ctx.compartment_path(&self.compartment_id)),
            ("State", self.lifecycle_state.to_string()),
            ("Created", self.time_created.clone()),
        ];
        if let Some(v) = &self.version_date {
            out.push(("Version date", v.clone()));
        }
        out.push(("Description", self.description.clone()));
        out
    }

    fn presence(&self) -> Presence {
        Presence::of(&self.lifecycle_state)
    }

    /// The tenancy's own policies first, then by compartment path, then by name.
    fn natural_key(&self, ctx: &Ctx) -> SortKey {
        SortKey::text(&format!(
            "{}\u{0}{}",
            ctx.compartment_path(&self.compartment_id),
            self.name
        ))
    }

    fn search_text(&self, ctx: &Ctx) -> Cow<'_, str> {
        Cow::Owned(format!(
            "{}/{}",
            ctx.compartment_path(&self.compartment_id),
            self.name
        ))
    }

    fn compartment_id(&self) -> Option<&str> {
        Some(&self.compartment_id)
    }

    fn actions() -> &'static [Action] {
        &[
            Action::Edit,
            Action::EditExternal,
            Action::Create,
            Action::Delete,
        ]
    }
}
