//! Tag namespaces, tags and tag defaults as resource kinds.

use crate::app::action::Action;
use crate::app::ctx::Ctx;
use crate::app::resource::{Column, Noun, Presence, Resource, Width};
use crate::model::{Tag, TagDefault, TagNamespace, TagValidator};

/// The allowed values of a tag, comma-separated, as forms and lists show them.
pub fn values_text(validator: Option<&TagValidator>) -> String {
    match validator {
        Some(TagValidator::Enum { values }) => values.join(", "),
        _ => String::new(),
    }
}

impl Resource for TagNamespace {
    const NOUN: Noun = Noun {
        one: "tag namespace",
        many: "tag namespaces",
    };

    fn id(&self) -> &str {
        &self.id
    }

    fn name(&self) -> &str {
        &self.name
    }

    fn columns() -> Vec<Column<Self>> {
        vec![
            Column::new("Namespace", Width::Percent(45), |n, _| n.name.clone()),
            Column::new("State", Width::Fixed(8), |n, _| {
                if n.is_retired {
                    "retired".to_string()
                } else {
                    n.lifecycle_state.to_string()
                }
            }),
            Column::new("Compartment", Width::Fill(1), |n, ctx| {
                ctx.compartment_path(&n.compartment_id)
            }),
        ]
    }

    fn detail(&self, ctx: &Ctx) -> Vec<(&'static str, String)> {
        vec![
            ("OCID", self.id.clone()),
            ("Compartment", ctx.compartment_path(&self.compartment_id)),
            ("State", self.lifecycle_state.to_string()),
            ("Retired", if self.is_retired { "yes" } else { "no" }.into()),
            ("Description", self.description.clone()),
        ]
    }

    fn presence(&self) -> Presence {
        if self.is_retired {
            return Presence::Dormant;
        }
        Presence::of(&self.lifecycle_state)
    }

    fn actions() -> &'static [Action] {
        &[Action::Create, Action::Edit, Action::Retire, Action::Delete]
    }
}

impl Resource for Tag {
    const NOUN: Noun = Noun {
        one: "tag",
        many: "tags",
    };

    fn id(&self) -> &str {
        &self.id
    }

    fn name(&self) -> &str {
        &self.name
    }

    fn columns() -> Vec<Column<Self>> {
        vec![
            Column::new("Tag", Width::Percent(40), |t, _| t.name.clone()),
            // "cost" for cost tracking, "retired", or "cost,ret".
            Column::new("Flags", Width::Fixed(8), |t, _| {
                match (t.is_cost_tracking, t.is_retired) {
                    (true, true) => "cost,ret",
                    (true, false) => "cost",
                    (false, true) => "retired",
                    (false, false) => "",
                }
                .to_string()
            }),
            // A listing has no validator: the values show once the tag is read (on
            // selection).
            Column::new("Values", Width::Fill(1), |t, _| {
                match (&t.validator, values_text(t.validator.as_ref())) {
                    (None, _) => "…".to_string(),
                    (Some(_), v) if v.is_empty() => "any".to_string(),
                    (Some(_), v) => v,
                }
            }),
        ]
    }

    fn presence(&self) -> Presence {
        if self.is_retired {
            return Presence::Dormant;
        }
        Presence::of(&self.lifecycle_state)
    }

    fn actions() -> &'static [Action] {
        &[Action::Create, Action::Edit, Action::Retire, Action::Delete]
    }
}

impl Resource for TagDefault {
    const NOUN: Noun = Noun {
        one: "tag default",
        many: "tag defaults",
    };

    fn id(&self) -> &str {
        &self.id
    }

    fn name(&self) -> &str {
        &self.tag_definition_name
    }

    fn columns() -> Vec<Column<Self>> {
        vec![
            Column::new("Tag", Width::Percent(40), tag_path),
            Column::new("Value", Width::Fill(1), |d, _| d.value.clone()),
            Column::new("Required", Width::Fixed(8), |d, _| {
                if d.is_required { "yes" } else { "no" }.to_string()
            }),
        ]
    }

    fn presence(&self) -> Presence {
        Presence::of(&self.lifecycle_state)
    }

    fn compartment_id(&self) -> Option<&str> {
        Some(&self.compartment_id)
    }

    fn actions() -> &'static [Action] {
        &[Action::Create, Action::Edit, Action::Delete]
    }
}

/// `Namespace.key` of a tag default, from the names loaded so far.
pub fn tag_path(d: &TagDefault, ctx: &Ctx) -> String {
    format!(
        "{}.{}",
        ctx.name_of(&d.tag_namespace_id).unwrap_or("?"),
        d.tag_definition_name
    )
}
