//! A policy's other fields (description, version date, free-form and defined tags) in a
//! form: `d` reads the policy fresh, and the update carries the etag it read as `if-match`.

use super::create::version_date_field;
use super::{ME, Pending, PoliciesPane, PolicyDialog, dialog};
use crate::app::ctx::Ctx;
use crate::app::request::PolicyRequest;
use crate::app::tag_fields::{changed, read_tags, tag_fields};
use crate::app::widgets::form::{Field, FormValues};
use crate::app::widgets::modal::Modal;
use crate::model::{Policy, UpdatePolicyDetails};

impl PoliciesPane {
    /// `d`: reads the selected policy; its form opens with the answer.
    pub(super) fn open_details(&mut self, ctx: &mut Ctx) {
        let Some(p) = self.selected() else {
            return;
        };
        let req = ctx.send_read(ME, PolicyRequest::Get { id: p.id.clone() });
        self.pending.insert(req, Pending::OpenDetails);
    }

    pub(super) fn details_form(policy: &Policy, etag: Option<String>, ctx: &mut Ctx) {
        let mut fields = vec![
            Field::text("description", "Description")
                .value(&policy.description)
                .required()
                .max_chars(400),
            version_date_field(policy.version_date.as_deref().unwrap_or("")),
        ];
        fields.extend(tag_fields(
            ctx,
            ME,
            &policy.freeform_tags,
            &policy.defined_tags,
        ));
        ctx.open(Modal::form(
            dialog(PolicyDialog::Details {
                id: policy.id.clone(),
                etag,
            }),
            &format!("Policy {}", policy.name),
            fields,
        ));
    }

    pub(super) fn save_details(
        &mut self,
        id: String,
        etag: Option<String>,
        v: &FormValues,
        ctx: &mut Ctx,
    ) {
        let Some(p) = self.list.find(&id) else {
            return;
        };
        let (free, defined) = match read_tags(v) {
            Ok(tags) => tags,
            Err((field, e)) => return ctx.refuse(Some(field), e),
        };
        let details = UpdatePolicyDetails {
            description: changed(&p.description, v.string("description")),
            statements: None,
            version_date: changed(
                &p.version_date.clone().unwrap_or_default(),
                v.string("version_date"),
            ),
            freeform_tags: changed(&p.freeform_tags, free),
            defined_tags: changed(&p.defined_tags, defined),
        };
        if details == UpdatePolicyDetails::default() {
            ctx.toasts.info("nothing changed");
            return;
        }
        let done = format!("updated policy {}", p.name);
        let kind = PolicyRequest::Update { id, details, etag };
        if let Some(req) = ctx.write(ME, kind, done) {
            self.pending.insert(req, Pending::Details);
        }
    }
}
