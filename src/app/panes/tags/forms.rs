//! The Tags pane's form pieces: the dialogs it opens, and the checks on what the user typed
//! (tag names, allowed values, a default's value).

use crate::model::{Tag, TagValidator};

use super::kinds::values_text;
use super::{ME, TagsDialog, dialog};
use crate::app::ctx::Ctx;
use crate::app::widgets::form::Field;
use crate::app::widgets::modal::{Modal, Tone, ToneLine};

/// The description, cost-tracking, allowed-values and tag fields of a tag.
pub fn tag_fields(tag: Option<&Tag>, ctx: &mut Ctx) -> Vec<Field> {
    let (free, defined) = tag.map_or_else(Default::default, |t| {
        (t.freeform_tags.clone(), t.defined_tags.clone())
    });
    let mut fields = vec![
        Field::text("description", "Description")
            .value(tag.map_or("", |t| t.description.as_str()))
            .required()
            .max_chars(400),
        Field::yes_no(
            "cost_tracking",
            "Cost tracking",
            tag.is_some_and(|t| t.is_cost_tracking),
        )
        .help("Space switches"),
        Field::text("values", "Allowed values")
            .value(&values_text(tag.and_then(|t| t.validator.as_ref())))
            .check(|v| parse_values(v).map(drop))
            .help("comma-separated (a list of values); empty: any value"),
    ];
    fields.extend(crate::app::tag_fields::tag_fields(ctx, ME, &free, &defined));
    fields
}

/// The edit form of one tag (opened once the full tag, with its validator, arrived).
pub fn edit_tag_modal(tag: &Tag, ctx: &mut Ctx) -> Modal {
    Modal::form(
        dialog(TagsDialog::EditTag {
            namespace_id: tag.tag_namespace_id.clone().unwrap_or_default(),
            name: tag.name.clone(),
        }),
        &format!("Edit tag {}", tag.name),
        tag_fields(Some(tag), ctx),
    )
}

/// A tag key: a name without dots or spaces (they would break `Namespace.key`).
pub(crate) fn tag_name(name: &str) -> Result<(), String> {
    if name.contains('.') || name.contains(' ') {
        return Err("cannot contain dots or spaces".into());
    }
    Ok(())
}

/// Parses the allowed-values field: `None` for any value, else the ENUM's values.
pub fn parse_values(text: &str) -> Result<Option<Vec<String>>, String> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    let mut values: Vec<String> = Vec::new();
    for v in text.split(',').map(str::trim) {
        if v.is_empty() {
            return Err("an allowed value is empty (two commas in a row?)".into());
        }
        if values.iter().any(|x| x == v) {
            return Err(format!("'{v}' is listed twice"));
        }
        values.push(v.to_string());
    }
    Ok(Some(values))
}

pub(crate) fn typed_delete(
    title: &str,
    heading: String,
    note: &str,
    name: &str,
    d: TagsDialog,
) -> Modal {
    Modal::typed_confirm(
        dialog(d),
        title,
        vec![
            ToneLine::new(Tone::Heading, heading),
            ToneLine::plain(note),
            ToneLine::plain(""),
            ToneLine::new(Tone::Dim, format!("Type {name} to confirm.")),
        ],
        name,
    )
}

pub(crate) fn retire_choice(what: &str, name: &str, retired: bool, d: TagsDialog) -> Modal {
    let (title, line, option) = if retired {
        (
            format!("Reactivate {what}"),
            format!("Reactivate {what} {name}? It can be applied to resources again."),
            "Reactivate",
        )
    } else {
        (
            format!("Retire {what}"),
            format!("Retire {what} {name}? It can no longer be applied; values stay."),
            "Retire",
        )
    };
    Modal::choice(
        dialog(d),
        &title,
        vec![ToneLine::new(Tone::Heading, line)],
        &[option, "Cancel"],
    )
}

/// A default's value: one of the ENUM's values if the tag has a list; not empty unless the
/// user must give it (required).
pub(crate) fn check_value(
    value: &str,
    required: bool,
    validator: Option<&TagValidator>,
) -> Result<(), String> {
    if value.is_empty() && !required {
        return Err("the value cannot be empty unless it is required".into());
    }
    if let Some(TagValidator::Enum { values }) = validator
        && !value.is_empty()
        && !values.iter().any(|v| v == value)
    {
        return Err(format!("the value must be one of: {}", values.join(", ")));
    }
    Ok(())
}
