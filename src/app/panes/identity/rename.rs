//! Renaming a group of another identity domain (the Identity Domains API allows it; a classic
//! IAM group keeps its name for life). Statements name a group by its name, so the rename is
//! confirmed only after the dialog has shown the statements that name it and the access they
//! stop granting.

use super::{IdentityDialog, IdentityPane, ME, dialog};
use crate::app::ctx::Ctx;
use crate::app::impact::{self, ImpactQuery, Kind, Structural};
use crate::app::request::DirectoryRequest;
use crate::app::validate;
use crate::app::widgets::form::Field;
use crate::app::widgets::modal::{Modal, Tone, ToneLine};

/// The name field of a domain group's edit form.
pub(super) fn group_name_field(name: &str) -> Field {
    Field::text("name", "Name")
        .value(name)
        .required()
        .max_chars(100)
        .check(|v| validate::name(v, "the name", 100))
        .help("unique in the domain; statements name it as 'Domain'/'Name'")
}

/// A rename waiting for its confirmation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupRename {
    pub id: String,
    pub etag: Option<String>,
    pub name: String,
    pub description: String,
}

impl IdentityPane {
    /// The edit form of a domain group was sent with a new name: show what names it first.
    pub(super) fn ask_rename_group(&self, rename: GroupRename, ctx: &mut Ctx) {
        let old = self
            .groups
            .find(&rename.id)
            .map_or_else(|| rename.id.clone(), |g| g.name.clone());
        let domain = self.domain_name().unwrap_or_default().to_string();
        let query = ImpactQuery::new(
            Kind::Group,
            &rename.id,
            Structural::Rename(rename.name.clone()),
        );
        let (found, waiting) = impact::lines(ctx, ME, &query);
        let mut lines = vec![ToneLine::new(
            Tone::Heading,
            format!("Rename group {domain}/{old} to {}?", rename.name),
        )];
        lines.extend(found);
        let mut modal = Modal::choice(
            dialog(IdentityDialog::RenameGroup(Box::new(rename))),
            "Rename group",
            lines,
            &["Rename", "Cancel"],
        );
        // Statements name a group by its name: renaming takes a deliberate choice.
        modal.select_option(1);
        ctx.open(modal.with_impact(waiting.then_some(query)));
    }

    /// "Rename" chosen: one SCIM PATCH carrying the new name and the description.
    pub(super) fn rename_group(&mut self, rename: GroupRename, ctx: &mut Ctx) {
        let Some(view) = &self.domain else {
            return ctx.toasts.error("classic IAM groups cannot be renamed");
        };
        let dir = view.directory.data();
        let scim_id = dir.map_or(rename.id.as_str(), |d| d.scim_id(&rename.id));
        let kind = DirectoryRequest::UpdateGroup {
            url: view.domain.url.clone(),
            id: scim_id.to_string(),
            description: rename.description,
            name: Some(rename.name.clone()),
            if_match: rename.etag,
        };
        if let Some(id) = ctx.write(ME, kind, format!("renamed group to {}", rename.name)) {
            self.domain_writes.insert(id);
        }
    }
}
