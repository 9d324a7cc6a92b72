//! Editing users, groups and dynamic groups: the edit form reads the resource fresh first
//! (`GetUser`, `GetGroup`, `GetDynamicGroup`) and the update carries the etag it read as
//! `if-match`, so a change made meanwhile comes back as a conflict instead of being
//! overwritten. Also a membership's detail, read fresh when it is opened.

use crate::model::{
    DynamicGroup, Group, UpdateDynamicGroupDetails, UpdateGroupDetails, UpdateUserDetails, User,
    UserGroupMembership,
};

use super::{IdentityDialog, IdentityPane, IdentityTab, ME, dialog};
use crate::app::ctx::Ctx;
use crate::app::request::{IdentityRequest, Payload, RequestKind, Response};
use crate::app::tag_fields::{changed, read_tags, tag_fields};
use crate::app::validate;
use crate::app::widgets::form::{Field, FormValues};
use crate::app::widgets::modal::{Modal, Tone, ToneLine};

/// A read whose answer opens something.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Read {
    /// The edit form of what it answers.
    Edit,
    /// A membership's detail.
    Membership,
}

pub(super) fn description_field(value: &str) -> Field {
    Field::text("description", "Description")
        .value(value)
        .required()
        .max_chars(400)
}

pub(super) fn email_field(value: &str) -> Field {
    Field::text("email", "E-mail")
        .value(value)
        .check(validate::email)
        .help("optional")
}

pub(super) fn rule_field(value: &str) -> Field {
    Field::text("matching_rule", "Matching rule")
        .value(value)
        .required()
        .check(super::forms::matching_rule)
        .help("e.g. ALL {instance.compartment.id = 'ocid1.compartment.oc1..x'}")
}

fn db_user_name_field(value: &str) -> Field {
    Field::text("db_user_name", "DB user name")
        .value(value)
        .max_chars(30)
        .help("the user's name in Autonomous Databases (up to 30 characters); optional")
}

impl IdentityPane {
    /// `e`: reads the selection fresh; the form opens with what the service has now.
    pub(super) fn start_edit(&mut self, ctx: &mut Ctx) {
        let Some(id) = self.selected_id() else {
            return;
        };
        let kind = match self.tab {
            IdentityTab::Users => IdentityRequest::GetUser { id },
            IdentityTab::Groups => IdentityRequest::GetGroup { id },
            IdentityTab::DynamicGroups => IdentityRequest::GetDynamicGroup { id },
        };
        let kind = match self.for_domain(kind.into()) {
            Ok(kind) => kind,
            Err(why) => return ctx.toasts.info(why),
        };
        let request = ctx.send_read(ME, kind);
        self.reads.insert(request, Read::Edit);
    }

    /// Enter on a membership: reads it and shows its detail.
    pub(super) fn open_membership(&mut self, ctx: &mut Ctx) {
        let Some(row) = self.members.selected() else {
            return;
        };
        let kind = IdentityRequest::GetMembership {
            id: row.membership_id.clone(),
        };
        let kind = match self.for_domain(kind.into()) {
            Ok(kind) => kind,
            Err(why) => return ctx.toasts.info(why),
        };
        let request = ctx.send_read(ME, kind);
        self.reads.insert(request, Read::Membership);
    }

    /// The answer to one of [`IdentityPane::reads`]: the form or detail it was for.
    pub(super) fn take_read(&mut self, read: Read, response: &Response, ctx: &mut Ctx) {
        let item = match &response.result {
            Ok(Payload::Item(item)) => item,
            Ok(other) => return ctx.toasts.error(format!("unexpected answer: {}", other.describe())),
            Err(f) => return ctx.toasts.error(f.summary()),
        };
        let etag = item.etag.clone();
        let modal = if let Some(u) = item.get::<User>() {
            let modal = Self::user_form(ctx, &u, etag);
            self.users.replace(u, ctx);
            modal
        } else if let Some(g) = item.get::<Group>() {
            let mut fields = vec![description_field(&g.description)];
            if self.domain.is_some() {
                // Only a domain group can be renamed; a classic group's name is fixed.
                fields.insert(0, super::rename::group_name_field(&g.name));
            }
            fields.extend(tag_fields(ctx, ME, &g.freeform_tags, &g.defined_tags));
            let modal = Modal::form(
                dialog(IdentityDialog::EditGroup {
                    id: g.id.clone(),
                    etag,
                }),
                &format!("Edit group {}", g.name),
                fields,
            );
            self.groups.replace(g, ctx);
            modal
        } else if let Some(d) = item.get::<DynamicGroup>() {
            let mut fields = vec![description_field(&d.description), rule_field(&d.matching_rule)];
            fields.extend(tag_fields(ctx, ME, &d.freeform_tags, &d.defined_tags));
            let modal = Modal::form(
                dialog(IdentityDialog::EditDynamicGroup {
                    id: d.id.clone(),
                    etag,
                }),
                &format!("Edit dynamic group {}", d.name),
                fields,
            );
            self.dynamic_groups.replace(d, ctx);
            modal
        } else if let Some(m) = item.get::<UserGroupMembership>() {
            self.membership_detail(&m, ctx)
        } else {
            return;
        };
        // A membership's detail may show over anything; a form only where nothing is open.
        if read == Read::Membership || ctx.modal.is_none() {
            ctx.open(modal);
        }
    }

    fn user_form(ctx: &mut Ctx, u: &User, etag: Option<String>) -> Modal {
        let mut fields = vec![
            description_field(&u.description),
            email_field(u.email.as_deref().unwrap_or("")),
            db_user_name_field(u.db_user_name.as_deref().unwrap_or("")),
        ];
        fields.extend(tag_fields(ctx, ME, &u.freeform_tags, &u.defined_tags));
        Modal::form(
            dialog(IdentityDialog::EditUser {
                id: u.id.to_string(),
                etag,
            }),
            &format!("Edit user {}", u.name),
            fields,
        )
    }

    fn membership_detail(&self, m: &UserGroupMembership, ctx: &Ctx) -> Modal {
        let user = self.user_name(&m.user_id);
        let group = ctx
            .name_of(&m.group_id)
            .map_or_else(|| m.group_id.to_string(), str::to_string);
        let line = |k: &str, v: &str| ToneLine::plain(format!("{k:<12}{v}"));
        Modal::text(
            "Membership",
            vec![
                ToneLine::new(Tone::Heading, format!("{user} in {group}")),
                line("OCID", &m.id),
                line("User", &m.user_id),
                line("Group", &m.group_id),
                line("State", &m.lifecycle_state.to_string()),
                line("Since", &m.time_created),
            ],
        )
    }

    /// The update an edit form asks for; `None` when nothing changed (a toast says so).
    pub(super) fn edit_request(
        &self,
        dialog: &IdentityDialog,
        v: &FormValues,
        ctx: &mut Ctx,
    ) -> Option<(RequestKind, String)> {
        let (free, defined) = match read_tags(v) {
            Ok(tags) => tags,
            Err((field, e)) => {
                ctx.refuse(Some(field), e);
                return None;
            }
        };
        let (kind, done, unchanged): (RequestKind, String, bool) = match dialog.clone() {
            IdentityDialog::EditUser { id, etag } => {
                let u = self.users.find(&id)?;
                let text = |o: &Option<String>| o.clone().unwrap_or_default();
                let details = UpdateUserDetails {
                    description: changed(&u.description, v.string("description")),
                    email: changed(&text(&u.email), v.string("email")),
                    db_user_name: changed(&text(&u.db_user_name), v.string("db_user_name")),
                    freeform_tags: changed(&u.freeform_tags, free),
                    defined_tags: changed(&u.defined_tags, defined),
                };
                let unchanged = details == UpdateUserDetails::default();
                let done = format!("updated user {}", u.name);
                let kind = IdentityRequest::UpdateUser {
                    id,
                    details,
                    if_match: etag,
                };
                (kind.into(), done, unchanged)
            }
            IdentityDialog::EditGroup { id, etag } => {
                let g = self.groups.find(&id)?;
                let name = if self.domain.is_some() {
                    v.string("name")
                } else {
                    String::new()
                };
                if !name.is_empty() && name != g.name {
                    let rename = super::rename::GroupRename {
                        id,
                        etag,
                        name,
                        description: v.string("description"),
                    };
                    self.ask_rename_group(rename, ctx);
                    return None;
                }
                let details = UpdateGroupDetails {
                    description: changed(&g.description, v.string("description")),
                    freeform_tags: changed(&g.freeform_tags, free),
                    defined_tags: changed(&g.defined_tags, defined),
                };
                let unchanged = details == UpdateGroupDetails::default();
                let done = format!("updated group {}", g.name);
                let kind = IdentityRequest::UpdateGroup {
                    id,
                    details,
                    if_match: etag,
                };
                (kind.into(), done, unchanged)
            }
            IdentityDialog::EditDynamicGroup { id, etag } => {
                let d = self.dynamic_groups.find(&id)?;
                let details = UpdateDynamicGroupDetails {
                    description: changed(&d.description, v.string("description")),
                    matching_rule: changed(&d.matching_rule, v.string("matching_rule")),
                    freeform_tags: changed(&d.freeform_tags, free),
                    defined_tags: changed(&d.defined_tags, defined),
                };
                let unchanged = details == UpdateDynamicGroupDetails::default();
                let done = format!("updated dynamic group {}", d.name);
                let kind = IdentityRequest::UpdateDynamicGroup {
                    id,
                    details,
                    if_match: etag,
                };
                (kind.into(), done, unchanged)
            }
            _ => return None,
        };
        if unchanged {
            ctx.toasts.info("nothing changed");
            return None;
        }
        Some((kind, done))
    }
}
