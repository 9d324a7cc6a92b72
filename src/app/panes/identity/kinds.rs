//! Users, groups, dynamic groups, API keys, memberships and membership candidates as
//! resource kinds: their columns, detail fields and the writes each offers.

use crate::app::action::Action;
use crate::app::ctx::Ctx;
use crate::app::resource::{Column, Noun, Presence, Resource, SortKey, Width};
use crate::model::{ApiKey, DynamicGroup, Group, User};

impl Resource for User {
    const NOUN: Noun = Noun {
        one: "user",
        many: "users",
    };

    fn id(&self) -> &str {
        &self.id
    }

    fn name(&self) -> &str {
        &self.name
    }

    fn columns() -> Vec<Column<Self>> {
        vec![
            // User names are often e-mail addresses: the detail shows the e-mail field.
            Column::new("User", Width::Fill(1), |u, _| u.name.clone()),
            Column::new("Status", Width::Fixed(8), |u, _| {
                if u.is_blocked() {
                    "BLOCKED".to_string()
                } else {
                    u.lifecycle_state.to_string()
                }
            }),
            Column::new("MFA", Width::Fixed(3), |u, _| {
                if u.is_mfa_activated { "on" } else { "off" }.to_string()
            }),
            Column::new("Groups", Width::Fixed(6), |u: &User, ctx: &Ctx| {
                member_count(ctx, ctx.member_index.of_user(&u.id).len())
            })
            .sorted_by(|u, ctx| SortKey::count(ctx.member_index.of_user(&u.id).len())),
            Column::new("Created", Width::Fixed(10), |u, _| day(&u.time_created)),
        ]
    }

    fn detail(&self, _ctx: &Ctx) -> Vec<(&'static str, String)> {
        let mut out = vec![("OCID", self.id.to_string())];
        if let Some(email) = &self.email {
            let verified = if self.email_verified == Some(true) {
                " (verified)"
            } else {
                ""
            };
            out.push(("E-mail", format!("{email}{verified}")));
        }
        let state = if self.is_blocked() {
            format!("{} (BLOCKED)", self.lifecycle_state)
        } else {
            self.lifecycle_state.to_string()
        };
        out.push(("State", state));
        out.push(("Created", self.time_created.to_string()));
        out.push((
            "MFA",
            if self.is_mfa_activated { "on" } else { "off" }.to_string(),
        ));
        if let Some(db) = &self.db_user_name {
            out.push(("DB user", db.clone()));
        }
        if let Some(login) = &self.last_successful_login_time {
            out.push(("Last login", login.to_string()));
        }
        out.push(("Description", self.description.clone()));
        out
    }

    fn presence(&self) -> Presence {
        if self.is_blocked() {
            return Presence::Dormant;
        }
        Presence::of(&self.lifecycle_state)
    }

    fn actions() -> &'static [Action] {
        &[
            Action::Create,
            Action::Edit,
            Action::Delete,
            Action::Block,
            Action::Capabilities,
            Action::ResetPassword,
        ]
    }
}

impl Resource for Group {
    const NOUN: Noun = Noun {
        one: "group",
        many: "groups",
    };

    fn id(&self) -> &str {
        &self.id
    }

    fn name(&self) -> &str {
        &self.name
    }

    fn columns() -> Vec<Column<Self>> {
        vec![
            Column::new("Group", Width::Percent(40), |g, _| g.name.clone()),
            Column::new("Users", Width::Fixed(5), |g: &Group, ctx: &Ctx| {
                member_count(ctx, ctx.member_index.of_group(&g.id).len())
            })
            .sorted_by(|g, ctx| SortKey::count(ctx.member_index.of_group(&g.id).len())),
            Column::new("Description", Width::Fill(1), |g, _| g.description.clone()),
            Column::new("Created", Width::Fixed(10), |g, _| day(&g.time_created)),
        ]
    }

    fn detail(&self, _ctx: &Ctx) -> Vec<(&'static str, String)> {
        vec![
            ("OCID", self.id.clone()),
            ("State", self.lifecycle_state.to_string()),
            ("Created", self.time_created.clone()),
            ("Description", self.description.clone()),
        ]
    }

    fn presence(&self) -> Presence {
        Presence::of(&self.lifecycle_state)
    }

    fn actions() -> &'static [Action] {
        &[Action::Create, Action::Edit, Action::Delete]
    }
}

impl Resource for DynamicGroup {
    const NOUN: Noun = Noun {
        one: "dynamic group",
        many: "dynamic groups",
    };

    fn id(&self) -> &str {
        &self.id
    }

    fn name(&self) -> &str {
        &self.name
    }

    fn columns() -> Vec<Column<Self>> {
        vec![
            Column::new("Dynamic group", Width::Percent(40), |d, _| d.name.clone()),
            Column::new("Matching rule", Width::Fill(1), |d, _| d.matching_rule.clone()),
        ]
    }

    fn detail(&self, _ctx: &Ctx) -> Vec<(&'static str, String)> {
        vec![
            ("OCID", self.id.clone()),
            ("State", self.lifecycle_state.to_string()),
            ("Created", self.time_created.clone()),
            ("Description", self.description.clone()),
            ("Matching rule", self.matching_rule.clone()),
        ]
    }

    fn presence(&self) -> Presence {
        Presence::of(&self.lifecycle_state)
    }

    fn actions() -> &'static [Action] {
        &[Action::Create, Action::Edit, Action::Delete]
    }
}

impl Resource for ApiKey {
    const NOUN: Noun = Noun {
        one: "API key",
        many: "API keys",
    };

    fn id(&self) -> &str {
        &self.key_id
    }

    fn name(&self) -> &str {
        &self.fingerprint
    }

    fn columns() -> Vec<Column<Self>> {
        vec![
            Column::new("Fingerprint", Width::Fixed(47), |k, _| k.fingerprint.clone()),
            Column::new("Created", Width::Fill(1), |k, _| k.time_created.clone()),
        ]
    }

    fn presence(&self) -> Presence {
        Presence::of(&self.lifecycle_state)
    }

    fn natural_key(&self, _ctx: &Ctx) -> SortKey {
        SortKey::Text(self.time_created.clone())
    }

    fn actions() -> &'static [Action] {
        &[Action::Add, Action::Delete]
    }
}

/// One membership from the selection's side: the group a user is in, or a member of a group.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MemberRow {
    pub membership_id: String,
    /// The group (for a user) or the user (for a group).
    pub other_id: String,
    pub other_name: String,
    pub time_created: String,
}

impl Resource for MemberRow {
    const NOUN: Noun = Noun {
        one: "membership",
        many: "memberships",
    };

    fn id(&self) -> &str {
        &self.membership_id
    }

    fn name(&self) -> &str {
        &self.other_name
    }

    fn columns() -> Vec<Column<Self>> {
        vec![
            Column::new("Name", Width::Fill(1), |m, _| m.other_name.clone()),
            Column::new("Since", Width::Fixed(10), |m, _| day(&m.time_created)),
        ]
    }

    fn actions() -> &'static [Action] {
        &[Action::Add, Action::Delete]
    }
}

/// A group (or user) a membership can be added with.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Candidate {
    pub id: String,
    pub name: String,
}

impl Resource for Candidate {
    const NOUN: Noun = Noun {
        one: "candidate",
        many: "candidates",
    };

    fn id(&self) -> &str {
        &self.id
    }

    fn name(&self) -> &str {
        &self.name
    }

    fn columns() -> Vec<Column<Self>> {
        vec![Column::new("Name", Width::Fill(1), |c, _| c.name.clone())]
    }
}

/// A member count once memberships are loaded, `…` before.
fn member_count(ctx: &Ctx, n: usize) -> String {
    if ctx.memberships.is_loaded() {
        n.to_string()
    } else {
        "…".to_string()
    }
}

/// The date part of an RFC 3339 time.
pub(crate) fn day(time: &str) -> String {
    time.get(..10).unwrap_or(time).to_string()
}
