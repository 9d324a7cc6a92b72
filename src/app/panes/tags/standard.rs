//! Standard tags (Oracle's namespace templates: view one, import it as a work request) and
//! the cost-tracking tags, with the limit OCI applies.

use std::fmt::Write as _;
use crate::model::{ImportStandardTagsDetails, StandardTagNamespaceTemplate, Tag};

use super::kinds::CostTag;
use super::{ME, TagsChange, TagsDialog, TagsPane, TagsRead, dialog};
use crate::app::ctx::Ctx;
use crate::app::request::{Failure, Payload, Response, TagRequest};
use crate::app::widgets::modal::{Modal, Tone, ToneLine};

impl TagsPane {
    /// The cost-tracking listing: full tags, kept as their own kind (named with namespace).
    pub(super) fn take_cost(&mut self, response: &Response, ctx: &mut Ctx) {
        let result = match &response.result {
            Ok(Payload::Items(items)) => items
                .clone()
                .take::<Tag>()
                .map(|tags| tags.into_iter().map(CostTag).collect())
                .ok_or_else(|| Failure::unexpected("the cost-tracking tags", &Payload::Items(items.clone()))),
            Ok(other) => Err(Failure::unexpected("the cost-tracking tags", other)),
            Err(f) => Err(f.clone()),
        };
        let done = response.done || result.is_err();
        self.cost.take(response.id, result, done, ctx);
    }

    /// Enter on a template: read it, then show its tags.
    pub(super) fn view_template(&mut self, ctx: &mut Ctx) {
        let Some(t) = self.standard.selected() else {
            return;
        };
        let name = t.standard_tag_namespace_name.clone();
        let read = ctx.send_read(ME, TagRequest::GetStandardTemplate { name });
        self.reads.insert(read, TagsRead::Template);
    }

    /// `i` on a template: ask before importing it.
    pub(super) fn ask_import(&mut self, ctx: &mut Ctx) {
        if ctx.session.read_only {
            return ctx.refuse_write();
        }
        let Some(t) = self.standard.selected() else {
            return;
        };
        let name = t.standard_tag_namespace_name.clone();
        let exists = self.namespaces.all().iter().any(|n| n.name == name);
        let what = if exists {
            format!("Namespace {name} exists: the import adds the tags and values it lacks.")
        } else {
            format!("Creates the namespace {name} with its tags in the root compartment.")
        };
        ctx.open(Modal::choice(
            dialog(TagsDialog::ImportStandard { name: name.clone() }),
            "Import standard tags",
            vec![
                ToneLine::new(Tone::Heading, format!("Import {name}?")),
                ToneLine::plain(what),
                ToneLine::new(Tone::Dim, "The service does it as a work request."),
            ],
            &["Import", "Cancel"],
        ));
    }

    pub(super) fn import(&mut self, name: &str, ctx: &mut Ctx) {
        let details = ImportStandardTagsDetails {
            compartment_id: ctx.session.tenancy_id.clone(),
            standard_tag_namespace_name: name.to_string(),
        };
        self.send(
            TagRequest::ImportStandard(details),
            format!("imported standard tags {name}"),
            TagsChange::Reload,
            ctx,
        );
    }
}

/// A template and its tags, as a read-only view.
pub(super) fn template_modal(t: &StandardTagNamespaceTemplate) -> Modal {
    let mut lines = vec![
        ToneLine::new(Tone::Heading, t.standard_tag_namespace_name.clone()),
        ToneLine::plain(t.description.clone()),
        ToneLine::new(Tone::Dim, format!("status {}", t.status)),
        ToneLine::plain(""),
    ];
    for tag in &t.tag_definition_templates {
        let mut head = format!("{} ({})", tag.tag_definition_name, tag.tag_type);
        if tag.is_cost_tracking {
            head.push_str(" cost tracking");
        }
        if let Some(m) = tag
            .enum_mutability
            .as_ref()
            .filter(|_| tag.tag_type == crate::model::StandardTagDefinitionType::Enum)
        {
            let _ = write!(head, ", values {m}");
        }
        lines.push(ToneLine::new(Tone::Heading, head));
        lines.push(ToneLine::plain(format!("  {}", tag.description)));
        if let Some(values) = &tag.possible_values {
            lines.push(ToneLine::new(Tone::Dim, format!("  {}", values.join(", "))));
        }
    }
    Modal::text(&format!("Standard tags {}", t.standard_tag_namespace_name), lines)
}
