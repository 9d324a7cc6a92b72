//! Adding, setting or removing one defined tag on many resources at once, whatever list
//! they were marked in (users, groups, dynamic groups, compartments, other services'
//! resources): the form (operation, namespace, key and value offered from the tenancy's
//! tags), the check that the service bulk-edits every kind marked, and the request.

use std::collections::BTreeMap;

use crate::model::{
    BulkEditOperationDetails, BulkEditOperationType, BulkEditResource, BulkEditTagsDetails,
    DefinedTags,
};

use super::ctx::Ctx;
use super::panes::{PaneDialog, PaneId};
use super::request::{BulkRequest, RequestId};
use super::widgets::form::{Field, FormValues, TagPart};
use super::widgets::modal::Modal;

/// A resource a bulk tag edit applies to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BulkTarget {
    pub id: String,
    /// As `listBulkEditTagsResourceTypes` names it: `User`, `Compartment`, `Bucket` ...
    pub resource_type: String,
    pub name: String,
    pub metadata: Option<BTreeMap<String, String>>,
}

impl BulkTarget {
    pub fn new(id: &str, resource_type: &str, name: &str) -> Self {
        BulkTarget {
            id: id.to_string(),
            resource_type: resource_type.to_string(),
            name: name.to_string(),
            metadata: None,
        }
    }
}

/// The operations, as the form offers them.
const OPERATIONS: [(&str, BulkEditOperationType); 4] = [
    ("add or set", BulkEditOperationType::AddOrSet),
    ("add where absent", BulkEditOperationType::AddWhereAbsent),
    ("set where present", BulkEditOperationType::SetWherePresent),
    ("remove", BulkEditOperationType::Remove),
];

/// The kinds among `targets` the service does not bulk-edit (once it said which it does).
fn unsupported(targets: &[BulkTarget], ctx: &Ctx) -> Option<Vec<String>> {
    let types = ctx.bulk_edit_types.data()?;
    let mut out: Vec<String> = targets
        .iter()
        .filter(|t| !types.iter().any(|k| k.resource_type == t.resource_type))
        .map(|t| t.resource_type.clone())
        .collect();
    out.dedup();
    Some(out)
}

/// The form for a tag change on `targets` (`what`: "3 users"); `None` (with a toast) when
/// the service does not bulk-edit one of their kinds.
pub fn bulk_tags_form(
    ctx: &mut Ctx,
    pane: PaneId,
    dialog: PaneDialog,
    what: &str,
    targets: &[BulkTarget],
) -> Option<Modal> {
    if targets.is_empty() {
        ctx.toasts.info("nothing marked or selected");
        return None;
    }
    ctx.ensure_bulk_edit_types(pane);
    if let Some(bad) = unsupported(targets, ctx).filter(|b| !b.is_empty()) {
        ctx.toasts.error(format!(
            "the service does not edit tags of {} in bulk",
            bad.join(", ")
        ));
        return None;
    }
    let catalogue = ctx.ensure_tag_catalogue(pane);
    let names: Vec<&str> = targets.iter().map(|t| t.name.as_str()).collect();
    let options: Vec<&str> = OPERATIONS.iter().map(|(o, _)| *o).collect();
    Some(Modal::form(
        dialog,
        &format!("Defined tag on {what}"),
        vec![
            Field::choice("operation", "Operation", &options, options[0])
                .help(&format!("on {}", names.join(", "))),
            Field::tag(
                "namespace",
                "Namespace",
                catalogue.clone(),
                TagPart::Namespace,
            ),
            Field::tag(
                "key",
                "Tag",
                catalogue.clone(),
                TagPart::Key {
                    namespace: "namespace",
                },
            ),
            Field::tag(
                "value",
                "Value",
                catalogue,
                TagPart::Value {
                    namespace: "namespace",
                    key: "key",
                },
            )
            .help("ignored by remove"),
        ],
    ))
}

/// Sends the bulk edit a submitted form asks for, on `targets` of `compartment_id` (the
/// tenancy for users and groups); the request, or `None` with the form told why.
pub fn send_bulk_tags(
    ctx: &mut Ctx,
    pane: PaneId,
    compartment_id: &str,
    targets: &[BulkTarget],
    v: &FormValues,
) -> Option<RequestId> {
    // The types the service edits in bulk are checked here once they are known; until they
    // are (a quick submit), the service checks them itself and its refusal lands on the form.
    match unsupported(targets, ctx) {
        Some(bad) if !bad.is_empty() => {
            ctx.refuse(
                None,
                format!(
                    "the service does not edit tags of {} in bulk",
                    bad.join(", ")
                ),
            );
            return None;
        }
        _ => {}
    }
    let (ns, key, value) = (v.get("namespace"), v.get("key"), v.get("value"));
    if ns.is_empty() || key.is_empty() {
        ctx.refuse(Some("key"), "choose a namespace and a tag");
        return None;
    }
    let operation = OPERATIONS
        .iter()
        .find(|(o, _)| *o == v.get("operation"))
        .map_or(BulkEditOperationType::AddOrSet, |(_, op)| op.clone());
    let remove = operation == BulkEditOperationType::Remove;
    if !remove
        && let Some(catalogue) = ctx.tag_catalogue.data()
        && let Err(e) = catalogue.check(ns, key, value)
    {
        ctx.refuse(Some("value"), e);
        return None;
    }
    let mut defined = DefinedTags::new();
    defined.entry(ns.to_string()).or_default().insert(
        key.to_string(),
        serde_json::Value::String(if remove {
            String::new()
        } else {
            value.to_string()
        }),
    );
    let details = BulkEditTagsDetails {
        compartment_id: compartment_id.to_string(),
        resources: targets
            .iter()
            .map(|t| BulkEditResource {
                id: t.id.clone(),
                resource_type: t.resource_type.clone(),
                metadata: t.metadata.clone(),
            })
            .collect(),
        bulk_edit_operations: vec![BulkEditOperationDetails {
            operation_type: operation,
            defined_tags: defined,
        }],
    };
    let verb = match v.get("operation") {
        "remove" => format!("removed {ns}.{key} from"),
        _ => format!("tagged {ns}.{key}={value} on"),
    };
    let done = format!("{verb} {} resource(s)", targets.len());
    ctx.write(pane, BulkRequest::EditTags(details), done)
}
