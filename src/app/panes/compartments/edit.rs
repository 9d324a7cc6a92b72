//! Editing a compartment: its name, description and tags. A rename that statements name (by
//! path) is confirmed only after they are shown, with the access it takes away.

use crate::app::ctx::Ctx;
use crate::app::impact::{self, ImpactQuery, Kind, Structural};
use crate::app::request::CompartmentRequest;
use crate::app::tag_fields::{changed, read_tags};
use crate::app::widgets::form::FormValues;
use crate::app::widgets::modal::{Modal, Tone, ToneLine};
use crate::model::{Compartment, UpdateCompartmentDetails};

use super::writes::{CompartmentDialog, dialog};
use super::{CompartmentsPane, ME, PendingWrite};

impl CompartmentsPane {
    pub(super) fn edit(&mut self, id: String, v: &FormValues, ctx: &mut Ctx) {
        let Some(c) = ctx.compartment(&id) else {
            return;
        };
        let (name, description) = (v.string("name"), v.string("description"));
        let (free, defined) = match read_tags(v) {
            Ok(tags) => tags,
            Err((field, e)) => return ctx.refuse(Some(field), e),
        };
        let details = UpdateCompartmentDetails {
            name: (c.name != name).then(|| name.clone()),
            description: (c.description != description).then_some(description),
            freeform_tags: changed(&c.freeform_tags, free),
            defined_tags: changed(&c.defined_tags, defined),
        };
        if details == UpdateCompartmentDetails::default() {
            ctx.toasts.info("nothing changed");
            return;
        }
        let seen = c.clone();
        let rename = details.name.clone().map(|new_name| {
            ImpactQuery::new(Kind::Compartment, &id, Structural::Rename(new_name))
        });
        if let Some(query) = rename.filter(|q| !impact::is_harmless(ctx, q)) {
            // A rename: statements naming the old path stop matching, so show them first.
            let (found, waiting) = impact::lines(ctx, ME, &query);
            let mut lines = vec![ToneLine::new(
                Tone::Heading,
                format!(
                    "Rename {} to {name}?",
                    ctx.compartment_path(&id)
                ),
            )];
            lines.extend(found);
            let confirm = CompartmentDialog::ConfirmEdit {
                id,
                details: Box::new(details),
                seen: Box::new(seen),
            };
            let mut modal = Modal::choice(
                dialog(confirm),
                "Rename compartment",
                lines,
                &["Rename", "Cancel"],
            );
            // Statements stop matching (or may): renaming takes a deliberate choice.
            modal.select_option(1);
            ctx.open(modal.with_impact(waiting.then_some(query)));
            return;
        }
        self.send_edit(id, details, seen, ctx);
    }

    pub(super) fn send_edit(
        &mut self,
        id: String,
        details: UpdateCompartmentDetails,
        seen: Compartment,
        ctx: &mut Ctx,
    ) {
        let name = details.name.clone().unwrap_or_else(|| seen.name.clone());
        let kind = CompartmentRequest::Update {
            id,
            details,
            seen: Some(seen),
        };
        if let Some(req) =
            ctx.write_showing_conflicts(ME, kind, format!("compartment {name} updated"))
        {
            self.writes.insert(req, PendingWrite::Reveal);
        }
    }

}
