//! The Tags pane's form pieces: the dialogs it opens, and the checks on what the user typed
//! (tag names, allowed values, a default's value, a compartment given by path or OCID).

use crate::model::{LifecycleState, Tag, TagValidator};

use super::ctx::Ctx;
use super::modal::{FormField, Modal, ModalPurpose, Tone, ToneLine};
use super::tags::{ME, TagsDialog};
use super::validate;

pub(crate) fn purpose(d: TagsDialog) -> ModalPurpose {
    ModalPurpose::Tags(d)
}

pub(crate) fn yes(b: bool) -> &'static str {
    if b { "yes" } else { "no" }
}

/// The allowed values of a tag, comma-separated, as the form shows them.
pub fn values_text(validator: Option<&TagValidator>) -> String {
    match validator {
        Some(TagValidator::Enum { values }) => values.join(", "),
        _ => String::new(),
    }
}

/// The edit form of one tag (opened once the full tag, with its validator, arrived).
pub fn edit_tag_modal(tag: &Tag) -> Modal {
    Modal::form(
        ME,
        purpose(TagsDialog::EditTag {
            namespace_id: tag.tag_namespace_id.clone().unwrap_or_default(),
            name: tag.name.clone(),
        }),
        &format!("Edit tag {}", tag.name),
        vec![
            FormField::new("Description", &tag.description, ""),
            FormField::new("Cost tracking", yes(tag.is_cost_tracking), "yes or no"),
            FormField::new(
                "Allowed values",
                &values_text(tag.validator.as_ref()),
                "comma-separated (a list of values); empty: any value",
            ),
        ],
    )
}

/// A tag key: a name without dots or spaces (they would break `Namespace.key`).
pub(crate) fn tag_name(name: &str, what: &str) -> Result<(), String> {
    validate::name(name, what, 100)?;
    if name.contains('.') || name.contains(' ') {
        return Err(format!("{what} cannot contain dots or spaces"));
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
        if v.chars().any(char::is_control) {
            return Err("allowed values cannot contain control characters".into());
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
        ME,
        purpose(d),
        title,
        vec![
            ToneLine::new(Tone::Heading, heading),
            ToneLine::plain(note),
            ToneLine::plain(""),
            ToneLine::new(Tone::Dim, format!("Type {name} and press Enter.")),
        ],
        name,
    )
}

/// The compartment a user typed: an OCID, or a path (`Prod/AppTier`, with or without the
/// tenancy's name first); empty is the tenancy.
pub fn resolve_compartment(text: &str, ctx: &Ctx) -> Result<String, String> {
    let text = text.trim().trim_matches('/');
    if text.is_empty() {
        return Ok(ctx.session.tenancy_id.clone());
    }
    if text.starts_with("ocid1.") {
        validate::ocid(text, "")?;
        return Ok(text.to_string());
    }
    let all = ctx.compartments.data().map_or(&[][..], Vec::as_slice);
    let root = ctx.compartment_path(&ctx.session.tenancy_id);
    if text == root {
        return Ok(ctx.session.tenancy_id.clone());
    }
    all.iter()
        .filter(|c| c.lifecycle_state == LifecycleState::Active)
        .find(|c| {
            let path = ctx.compartment_path(&c.id);
            path == text || path.strip_prefix(&format!("{root}/")) == Some(text)
        })
        .map(|c| c.id.clone())
        .ok_or_else(|| format!("no active compartment at '{text}' (try Prod/AppTier or an OCID)"))
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
        ME,
        purpose(d),
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
    if value.chars().any(char::is_control) {
        return Err("the value cannot contain control characters".into());
    }
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
