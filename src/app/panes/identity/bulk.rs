//! A defined tag added, set or removed on every marked user, group or dynamic group (or the
//! selected one when none is marked), as one bulk edit followed to the end.

use super::{IdentityDialog, IdentityPane, IdentityTab, ME, dialog};
use crate::app::bulk_tags::{BulkTarget, bulk_tags_form, send_bulk_tags};
use crate::app::ctx::Ctx;
use crate::app::request::Response;
use crate::app::resource::Resource;
use crate::app::widgets::form::FormValues;
use crate::app::widgets::list_view::ListView;

fn targets<T: Resource>(list: &ListView<T>, resource_type: &str) -> Vec<BulkTarget> {
    let marked = list.marked_items();
    let chosen: Vec<&T> = if marked.is_empty() {
        list.selected().into_iter().collect()
    } else {
        marked
    };
    chosen
        .into_iter()
        .map(|t| BulkTarget::new(t.id(), resource_type, t.name()))
        .collect()
}

impl IdentityPane {
    /// `T`: the tag form for the marked rows of the list shown.
    pub(super) fn start_bulk_tags(&mut self, ctx: &mut Ctx) {
        let (targets, noun) = match self.tab {
            IdentityTab::Users => (targets(&self.users, "User"), ("user", "users")),
            IdentityTab::Groups => (targets(&self.groups, "Group"), ("group", "groups")),
            IdentityTab::DynamicGroups => (
                targets(&self.dynamic_groups, "DynamicGroup"),
                ("dynamic group", "dynamic groups"),
            ),
        };
        let what = match targets.len() {
            1 => format!("{} {}", noun.0, targets[0].name),
            n => format!("{n} {}", noun.1),
        };
        let d = dialog(IdentityDialog::BulkTags {
            targets: targets.clone(),
        });
        if let Some(modal) = bulk_tags_form(ctx, ME, d, &what, &targets) {
            ctx.open(modal);
        }
    }

    pub(super) fn send_bulk_tags(&mut self, targets: &[BulkTarget], v: &FormValues, ctx: &mut Ctx) {
        let tenancy = ctx.session.tenancy_id.clone();
        if let Some(request) = send_bulk_tags(ctx, ME, &tenancy, targets, v) {
            self.bulk_edit = Some(request);
        }
    }

    /// The bulk edit's last answer: on success the marks go and the lists are read again.
    pub(super) fn take_bulk_edit(&mut self, response: &Response, ctx: &mut Ctx) -> bool {
        if self.bulk_edit != Some(response.id) {
            return false;
        }
        if response.done {
            self.bulk_edit = None;
            let succeeded = matches!(
                &response.result,
                Ok(crate::app::request::Payload::WorkRequest(wr))
                    if wr.status == crate::model::WorkRequestStatus::Succeeded
            );
            if succeeded {
                self.users.marked.clear();
                self.groups.marked.clear();
                self.dynamic_groups.marked.clear();
                self.load_lists(ctx);
            }
        }
        true
    }
}
