//! The Identity pane's lists about its selection: a user's groups or a group's members (with
//! add and remove), the pick list a membership is added from, and a user's API keys.

use std::collections::HashMap;

use crate::model::{AddUserToGroupDetails, ApiKey, LifecycleState, UserGroupMembership};

use super::action::Action;
use super::ctx::Ctx;
use super::filter::ListFilter;
use super::identity::{IdentityDialog, IdentityFocus, IdentityPane, IdentityView, ME};
use super::list::ListCursor;
use super::modal::{FormField, Modal, ModalPurpose, Tone, ToneLine};
use super::request::RequestKind;

/// Memberships by user and by group, so a selection's memberships are found without
/// scanning them all (a large tenancy has hundreds of thousands).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MembershipIndex {
    by_user: HashMap<String, Vec<usize>>,
    by_group: HashMap<String, Vec<usize>>,
}

impl MembershipIndex {
    /// Indexes the memberships that count (not deleted).
    pub fn build(all: &[UserGroupMembership]) -> Self {
        let mut index = MembershipIndex::default();
        for (i, m) in all.iter().enumerate() {
            if m.lifecycle_state == LifecycleState::Deleted {
                continue;
            }
            index.by_user.entry(m.user_id.clone()).or_default().push(i);
            index
                .by_group
                .entry(m.group_id.clone())
                .or_default()
                .push(i);
        }
        index
    }

    pub fn of_user(&self, user_id: &str) -> &[usize] {
        self.by_user.get(user_id).map_or(&[], Vec::as_slice)
    }

    pub fn of_group(&self, group_id: &str) -> &[usize] {
        self.by_group.get(group_id).map_or(&[], Vec::as_slice)
    }
}

/// One membership as the members list shows it, from the selection's side.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MemberRow {
    pub membership_id: String,
    /// The group (for a user) or the user (for a group).
    pub other_id: String,
    pub other_name: String,
}

/// Candidates for a new membership: groups the user is not in, or users not in the group.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Pick {
    pub candidates: Vec<(String, String)>,
    /// Indices into `candidates` after the filter.
    pub rows: Vec<usize>,
    pub cursor: ListCursor,
    pub filter: ListFilter,
}

impl Pick {
    fn new(mut candidates: Vec<(String, String)>) -> Self {
        candidates.sort_by_key(|(_, name)| name.to_lowercase());
        let mut pick = Pick {
            candidates,
            ..Pick::default()
        };
        pick.set_filter(ListFilter::default());
        pick
    }

    pub fn set_filter(&mut self, filter: ListFilter) {
        self.filter = filter;
        let mut compiled = self.filter.compile();
        self.rows = (0..self.candidates.len())
            .filter(|&i| compiled.matches(&self.candidates[i].1))
            .collect();
        self.cursor.clamp(self.rows.len());
    }

    pub fn selected(&self) -> Option<&(String, String)> {
        self.candidates.get(*self.rows.get(self.cursor.selected)?)
    }

    pub fn visible(&self) -> Vec<&(String, String)> {
        self.rows
            .iter()
            .filter_map(|&i| self.candidates.get(i))
            .collect()
    }
}

impl IdentityPane {
    /// The memberships of the selected user or group, sorted by the other side's name.
    pub fn member_rows(&self) -> Vec<MemberRow> {
        let Some(all) = self.memberships.data() else {
            return Vec::new();
        };
        let row = |i: &usize, user_side: bool| {
            let m = &all[*i];
            let (other_id, other_name) = if user_side {
                let name = self.groups.find(&m.group_id).map(|g| g.name.clone());
                (m.group_id.clone(), name)
            } else {
                let name = self.users.find(&m.user_id).map(|u| u.name.clone());
                (m.user_id.clone(), name)
            };
            MemberRow {
                membership_id: m.id.clone(),
                other_name: other_name.unwrap_or_else(|| other_id.clone()),
                other_id,
            }
        };
        let mut rows: Vec<MemberRow> = match self.view {
            IdentityView::Users => match self.users.selected() {
                Some(u) => self
                    .member_index
                    .of_user(&u.id)
                    .iter()
                    .map(|i| row(i, true))
                    .collect(),
                None => Vec::new(),
            },
            IdentityView::Groups => match self.groups.selected() {
                Some(g) => self
                    .member_index
                    .of_group(&g.id)
                    .iter()
                    .map(|i| row(i, false))
                    .collect(),
                None => Vec::new(),
            },
            IdentityView::DynamicGroups => Vec::new(),
        };
        rows.sort_by_cached_key(|r| r.other_name.to_lowercase());
        rows
    }

    pub fn selected_key(&self) -> Option<&ApiKey> {
        if self.keys_user.as_deref() != self.selected_user().map(|u| u.id.as_str()) {
            return None;
        }
        self.api_keys.data()?.get(self.keys_cursor.selected)
    }

    pub(crate) fn open_members(&mut self, ctx: &mut Ctx) {
        match self.view {
            IdentityView::Users | IdentityView::Groups if self.selected_id().is_some() => {
                self.focus = IdentityFocus::Members;
                self.members_cursor = ListCursor::default();
            }
            IdentityView::DynamicGroups => ctx
                .toasts
                .info("dynamic groups have no members: their matching rule decides"),
            _ => {}
        }
    }

    pub(crate) fn handle_members(&mut self, action: &Action, ctx: &mut Ctx) -> bool {
        let rows = self.member_rows();
        if self.members_cursor.navigate(action, rows.len()) {
            return true;
        }
        match action {
            Action::Add => self.start_pick(ctx),
            Action::Delete => {
                let Some(row) = rows.get(self.members_cursor.selected) else {
                    ctx.toasts.info("no membership selected");
                    return true;
                };
                let (user, group) = self.pair_names(row);
                ctx.open(Modal::typed_confirm(
                    ME,
                    ModalPurpose::Identity(IdentityDialog::RemoveMembership {
                        membership_id: row.membership_id.clone(),
                    }),
                    "Remove from group",
                    vec![
                        ToneLine::new(Tone::Heading, format!("Remove {user} from {group}?")),
                        ToneLine::plain("The user loses what the group's policies grant."),
                        ToneLine::plain(""),
                        ToneLine::new(
                            Tone::Dim,
                            format!("Type {} and press Enter.", row.other_name),
                        ),
                    ],
                    &row.other_name,
                ));
            }
            Action::Select => {}
            _ => return false,
        }
        true
    }

    /// The user's and the group's names for a membership row.
    fn pair_names(&self, row: &MemberRow) -> (String, String) {
        match self.view {
            IdentityView::Groups => (
                row.other_name.clone(),
                self.groups
                    .selected()
                    .map(|g| g.name.clone())
                    .unwrap_or_default(),
            ),
            _ => (
                self.users
                    .selected()
                    .map(|u| u.name.clone())
                    .unwrap_or_default(),
                row.other_name.clone(),
            ),
        }
    }

    fn start_pick(&mut self, ctx: &mut Ctx) {
        let taken: Vec<String> = self.member_rows().into_iter().map(|r| r.other_id).collect();
        let candidates: Vec<(String, String)> = match self.view {
            IdentityView::Users => self
                .groups
                .all()
                .iter()
                .filter(|g| g.lifecycle_state == LifecycleState::Active && !taken.contains(&g.id))
                .map(|g| (g.id.clone(), g.name.clone()))
                .collect(),
            IdentityView::Groups => self
                .users
                .all()
                .iter()
                .filter(|u| u.lifecycle_state == LifecycleState::Active && !taken.contains(&u.id))
                .map(|u| (u.id.clone(), u.name.clone()))
                .collect(),
            IdentityView::DynamicGroups => Vec::new(),
        };
        if candidates.is_empty() {
            ctx.toasts.info("nothing left to add");
            return;
        }
        self.pick = Some(Pick::new(candidates));
        self.focus = IdentityFocus::Pick;
    }

    pub(crate) fn handle_pick(&mut self, action: &Action, ctx: &mut Ctx) -> bool {
        let Some(pick) = &mut self.pick else {
            self.focus = IdentityFocus::Members;
            return false;
        };
        if pick.cursor.navigate(action, pick.rows.len()) {
            return true;
        }
        match action {
            Action::Select => {
                let Some((other_id, other_name)) = pick.selected().cloned() else {
                    return true;
                };
                let Some((details, user, group)) = self.membership_with(other_id, other_name)
                else {
                    return true;
                };
                self.pick = None;
                self.focus = IdentityFocus::Members;
                self.send_write(
                    RequestKind::AddUserToGroup(details),
                    format!("added {user} to {group}"),
                    super::identity::Removal::Nothing,
                    ctx,
                );
            }
            Action::Cancel => {
                self.pick = None;
                self.focus = IdentityFocus::Members;
            }
            _ => return false,
        }
        true
    }

    /// The membership that joins the selection with a picked group (or user), and the user's
    /// and the group's names.
    fn membership_with(
        &self,
        other_id: String,
        other_name: String,
    ) -> Option<(AddUserToGroupDetails, String, String)> {
        if self.view == IdentityView::Groups {
            let g = self.groups.selected()?;
            let details = AddUserToGroupDetails {
                user_id: other_id,
                group_id: g.id.clone(),
            };
            Some((details, other_name, g.name.clone()))
        } else {
            let u = self.users.selected()?;
            let details = AddUserToGroupDetails {
                user_id: u.id.clone(),
                group_id: other_id,
            };
            Some((details, u.name.clone(), other_name))
        }
    }

    pub(crate) fn handle_keys(&mut self, action: &Action, ctx: &mut Ctx) -> bool {
        let len = self.api_keys.data().map_or(0, Vec::len);
        if self.keys_cursor.navigate(action, len) {
            return true;
        }
        let Some(user) = self.selected_user().cloned() else {
            return false;
        };
        match action {
            Action::Add => ctx.open(Modal::form(
                ME,
                ModalPurpose::Identity(IdentityDialog::UploadKey {
                    user_id: user.id.clone(),
                }),
                &format!("Upload an API key for {}", user.name),
                vec![FormField::new(
                    "Public key",
                    "",
                    "paste the PEM public key, or type the path of a .pem file",
                )],
            )),
            Action::Delete => {
                let Some(key) = self.selected_key() else {
                    ctx.toasts.info("no API key selected");
                    return true;
                };
                let fingerprint = key.fingerprint.clone();
                let tail = fingerprint_tail(&fingerprint);
                ctx.open(Modal::typed_confirm(
                    ME,
                    ModalPurpose::Identity(IdentityDialog::DeleteKey {
                        user_id: user.id.clone(),
                        fingerprint: fingerprint.clone(),
                    }),
                    "Delete API key",
                    vec![
                        ToneLine::new(
                            Tone::Heading,
                            format!("Delete API key {fingerprint} of {}?", user.name),
                        ),
                        ToneLine::plain("Programs signing with this key stop working."),
                        ToneLine::plain(""),
                        ToneLine::new(
                            Tone::Dim,
                            format!("Type the fingerprint's end ({tail}) and press Enter."),
                        ),
                    ],
                    &tail,
                ));
            }
            _ => return false,
        }
        true
    }
}

/// The last four bytes of a fingerprint (`12:34:56:78`): enough to type as a confirmation.
pub fn fingerprint_tail(fingerprint: &str) -> String {
    let start = fingerprint.len().saturating_sub(11);
    fingerprint.get(start..).unwrap_or(fingerprint).to_string()
}
