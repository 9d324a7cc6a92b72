//! The two tag fields every create and update form carries: free-form tags (`key=value`) and
//! defined tags (`Namespace.key=value`, checked against the tenancy's tags and completed as
//! typed), and reading them back.

use crate::model::{DefinedTags, FreeformTags};

use super::ctx::Ctx;
use super::panes::PaneId;
use super::tag_catalogue::{TagCatalogue, defined_text, freeform_text, parse_freeform};
use super::widgets::form::{Field, FormValues, TagPart};

/// The free-form and defined tag fields, holding `free` and `defined`. Asks for the
/// tenancy's tags if they are not loaded yet (the field is checked once they arrive).
pub fn tag_fields(
    ctx: &mut Ctx,
    pane: PaneId,
    free: &FreeformTags,
    defined: &DefinedTags,
) -> [Field; 2] {
    let catalogue = ctx.ensure_tag_catalogue(pane);
    [
        Field::text("freeform_tags", "Free-form tags")
            .value(&freeform_text(free))
            .check(|t| parse_freeform(t).map(drop))
            .help("key=value, separated by commas"),
        Field::tag("defined_tags", "Defined tags", catalogue, TagPart::List)
            .value(&defined_text(defined))
            .help("Namespace.key=value, separated by commas; → takes a suggestion"),
    ]
}

/// The tags a submitted form holds (each field was checked already).
pub fn read_tags(v: &FormValues) -> Result<(FreeformTags, DefinedTags), (&'static str, String)> {
    let free = parse_freeform(v.get("freeform_tags")).map_err(|e| ("freeform_tags", e))?;
    let defined = TagCatalogue::default()
        .parse_defined(v.get("defined_tags"))
        .map_err(|e| ("defined_tags", e))?;
    Ok((free, defined))
}

/// For a create: `None` when empty (the service then applies its tag defaults).
pub fn given<T: Default + PartialEq>(tags: T) -> Option<T> {
    (tags != T::default()).then_some(tags)
}

/// For an update: the new value when it differs from the old one.
pub fn changed<T: PartialEq>(old: &T, new: T) -> Option<T> {
    (*old != new).then_some(new)
}
