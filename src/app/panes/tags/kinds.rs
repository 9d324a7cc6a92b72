//! Tag namespaces, tags and tag defaults as resource kinds.

use crate::app::action::Action;
use crate::app::ctx::Ctx;
use crate::app::resource::{Column, Noun, Presence, Resource, Width};
use crate::model::{
    LockType, ResourceLock, StandardTagNamespaceTemplateSummary, Tag, TagDefault, TagNamespace,
    TagValidator,
};

/// The lock that is in force, as lists mark it: `FULL`, `DELETE`, or nothing.
pub fn lock_text(locks: Option<&Vec<ResourceLock>>) -> String {
    let locks = locks.map_or(&[][..], Vec::as_slice);
    if locks.iter().any(|l| l.lock_type == LockType::Full) {
        "FULL".into()
    } else if locks.iter().any(|l| l.lock_type == LockType::Delete) {
        "DELETE".into()
    } else {
        String::new()
    }
}

/// Each lock as a detail line: `FULL "why" (since ...)`.
pub fn lock_lines(locks: Option<&Vec<ResourceLock>>) -> Vec<(&'static str, String)> {
    locks
        .map_or(&[][..], Vec::as_slice)
        .iter()
        .map(|l| {
            let why = l.message.as_deref().map(|m| format!(" \"{m}\"")).unwrap_or_default();
            let since = l
                .time_created
                .as_deref()
                .map(|t| format!(" since {}", t.get(..10).unwrap_or(t)))
                .unwrap_or_default();
            ("Lock", format!("{}{why}{since}", l.lock_type))
        })
        .collect()
}

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
            Column::new("Lock", Width::Fixed(6), |n, _| lock_text(n.locks.as_ref())),
        ]
    }

    fn detail(&self, ctx: &Ctx) -> Vec<(&'static str, String)> {
        let mut out = vec![
            ("OCID", self.id.clone()),
            ("Compartment", ctx.compartment_path(&self.compartment_id)),
            ("State", self.lifecycle_state.to_string()),
            ("Retired", if self.is_retired { "yes" } else { "no" }.into()),
            ("Description", self.description.clone()),
        ];
        out.extend(lock_lines(self.locks.as_ref()));
        out
    }

    fn presence(&self) -> Presence {
        if self.is_retired {
            return Presence::Dormant;
        }
        Presence::of(&self.lifecycle_state)
    }

    fn actions() -> &'static [Action] {
        &[
            Action::Create,
            Action::Edit,
            Action::Retire,
            Action::Delete,
            Action::Move,
            Action::Lock,
            Action::Unlock,
        ]
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
            Column::new("Lock", Width::Fixed(6), |d, _| lock_text(d.locks.as_ref())),
        ]
    }

    fn detail(&self, ctx: &Ctx) -> Vec<(&'static str, String)> {
        let mut out = vec![
            ("OCID", self.id.clone()),
            ("Tag", tag_path(self, ctx)),
            ("Value", self.value.clone()),
            ("Required", if self.is_required { "yes" } else { "no" }.into()),
            ("State", self.lifecycle_state.to_string()),
        ];
        out.extend(lock_lines(self.locks.as_ref()));
        out
    }

    fn presence(&self) -> Presence {
        Presence::of(&self.lifecycle_state)
    }

    fn compartment_id(&self) -> Option<&str> {
        Some(&self.compartment_id)
    }

    fn actions() -> &'static [Action] {
        &[
            Action::Create,
            Action::Edit,
            Action::Delete,
            Action::Lock,
            Action::Unlock,
        ]
    }
}

impl Resource for StandardTagNamespaceTemplateSummary {
    const NOUN: Noun = Noun {
        one: "standard tag namespace",
        many: "standard tag namespaces",
    };

    fn id(&self) -> &str {
        &self.standard_tag_namespace_name
    }

    fn name(&self) -> &str {
        &self.standard_tag_namespace_name
    }

    fn columns() -> Vec<Column<Self>> {
        vec![
            Column::new("Template", Width::Fixed(24), |t, _| {
                t.standard_tag_namespace_name.clone()
            }),
            Column::new("Status", Width::Fixed(10), |t, _| t.status.clone()),
            Column::new("Description", Width::Fill(1), |t, _| t.description.clone()),
        ]
    }

    fn actions() -> &'static [Action] {
        &[Action::Import]
    }
}

/// A cost-tracking tag, named with its namespace (the listing carries it).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[serde(transparent)]
pub struct CostTag(pub Tag);

impl Resource for CostTag {
    const NOUN: Noun = Noun {
        one: "cost-tracking tag",
        many: "cost-tracking tags",
    };

    fn id(&self) -> &str {
        &self.0.id
    }

    fn name(&self) -> &str {
        &self.0.name
    }

    fn columns() -> Vec<Column<Self>> {
        vec![
            Column::new("Tag", Width::Percent(45), |t, ctx| {
                let ns = t.0.tag_namespace_name.clone().or_else(|| {
                    let id = t.0.tag_namespace_id.as_deref()?;
                    ctx.name_of(id).map(str::to_string)
                });
                format!("{}.{}", ns.unwrap_or_else(|| "?".into()), t.0.name)
            }),
            Column::new("State", Width::Fixed(8), |t, _| {
                if t.0.is_retired {
                    "retired".to_string()
                } else {
                    t.0.lifecycle_state.to_string()
                }
            }),
            Column::new("Values", Width::Fill(1), |t, _| {
                let v = values_text(t.0.validator.as_ref());
                if v.is_empty() { "any".into() } else { v }
            }),
        ]
    }

    fn presence(&self) -> Presence {
        self.0.presence()
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
