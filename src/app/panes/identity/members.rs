//! The Identity pane's lists about its selection: a user's groups or a group's members (with
//! add and remove), and the pick list a membership is added from.

use rustc_hash::FxHashMap;

use crate::model::{AddUserToGroupDetails, LifecycleState, UserGroupMembership};

use super::kinds::{Candidate, MemberRow};
use super::{IdentityDialog, IdentityFocus, IdentityPane, IdentityTab, dialog};
use crate::app::action::Action;
use crate::app::ctx::Ctx;
use crate::app::request::{IdentityRequest, Items, Payload, Response};
use crate::app::widgets::list_view::ListView;
use crate::app::widgets::loadable::Loadable;
use crate::app::widgets::modal::{Modal, Tone, ToneLine};

/// Memberships by user and by group, so a selection's memberships are found without
/// scanning them all (a large tenancy has hundreds of thousands).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MembershipIndex {
    by_user: Grouped,
    by_group: Grouped,
    /// Counts rebuilds, so lists drawn from the memberships know when to redraw them.
    pub version: usize,
}

/// Positions of the memberships grouped by one of their OCIDs: each OCID's run of one shared
/// list. A list of positions per OCID was 12 MB for 250,000 memberships of 100,000 users;
/// this is a third of that.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Grouped {
    // FxHash: built on the UI thread when 250,000 memberships arrive, where SipHash over
    // their OCIDs took long enough to delay a keystroke's frame.
    runs: FxHashMap<crate::model::SharedId, (u32, u32)>,
    positions: Vec<u32>,
}

impl Grouped {
    /// Groups the positions of `all` by `key` (memberships `live` only).
    fn build<'a>(
        all: &'a [UserGroupMembership],
        live: impl Fn(&UserGroupMembership) -> bool,
        key: impl Fn(&'a UserGroupMembership) -> &'a crate::model::SharedId,
    ) -> Self {
        let mut runs: FxHashMap<crate::model::SharedId, (u32, u32)> = FxHashMap::default();
        for m in all.iter().filter(|m| live(m)) {
            runs.entry(key(m).clone()).or_default().1 += 1;
        }
        let mut start = 0;
        // Counted, each run gets its place; filling them counts them again.
        for run in runs.values_mut() {
            let len = run.1;
            *run = (start, 0);
            start += len;
        }
        let mut positions = vec![0; start as usize];
        for (at, m) in all.iter().enumerate().filter(|(_, m)| live(m)) {
            if let Some((from, filled)) = runs.get_mut(key(m).as_str()) {
                positions[(*from + *filled) as usize] = at as u32;
                *filled += 1;
            }
        }
        Grouped { runs, positions }
    }

    fn of(&self, id: &str) -> &[u32] {
        self.runs.get(id).map_or(&[], |&(from, len)| {
            &self.positions[from as usize..(from + len) as usize]
        })
    }
}

/// Every membership of the tenancy with its index, built by the worker: indexing 250,000
/// memberships on the UI thread held up keystrokes.
#[derive(Debug, Clone)]
pub struct IndexedMemberships {
    pub list: Vec<UserGroupMembership>,
    pub index: MembershipIndex,
}

impl IndexedMemberships {
    pub fn new(list: Vec<UserGroupMembership>) -> Self {
        let index = MembershipIndex::build(&list);
        Self { list, index }
    }
}

impl MembershipIndex {
    /// Indexes the memberships that count (not deleted).
    pub fn build(all: &[UserGroupMembership]) -> Self {
        let live = |m: &UserGroupMembership| m.lifecycle_state != LifecycleState::Deleted;
        MembershipIndex {
            by_user: Grouped::build(all, live, |m| &m.user_id),
            by_group: Grouped::build(all, live, |m| &m.group_id),
            version: 0,
        }
    }

    /// Positions (in the memberships) of the user's memberships.
    pub fn of_user(&self, user_id: &str) -> &[u32] {
        self.by_user.of(user_id)
    }

    /// Positions (in the memberships) of the group's memberships.
    pub fn of_group(&self, group_id: &str) -> &[u32] {
        self.by_group.of(group_id)
    }
}

impl IdentityPane {
    pub(super) fn take_memberships(&mut self, response: &mut Response, ctx: &mut Ctx) {
        // Moved out, not copied: a large tenancy has hundreds of thousands of memberships.
        let mut index = None;
        ctx.memberships = match &mut response.result {
            Ok(Payload::Items(items)) if items.holds::<IndexedMemberships>() => {
                let items = std::mem::replace(items, Items::new(Vec::<IndexedMemberships>::new()));
                let indexed = items
                    .take::<IndexedMemberships>()
                    .and_then(|mut one| one.pop());
                let (list, built) = indexed.map_or_else(
                    || (Vec::new(), MembershipIndex::default()),
                    |i| (i.list, i.index),
                );
                index = Some(built);
                Loadable::Loaded(list.into())
            }
            Ok(Payload::Items(items)) if items.holds::<UserGroupMembership>() => {
                let items = std::mem::replace(items, Items::new(Vec::<UserGroupMembership>::new()));
                Loadable::Loaded(items.take::<UserGroupMembership>().unwrap_or_default().into())
            }
            Ok(Payload::Items(items)) => Loadable::Failed(crate::app::request::Failure::unexpected(
                "the membership listing",
                &Payload::Items(items.clone()),
            )),
            Ok(other) => Loadable::Failed(crate::app::request::Failure::unexpected(
                "the membership listing",
                other,
            )),
            Err(f) => Loadable::Failed(f.clone()),
        };
        match index {
            Some(built) => ctx.set_member_index(built),
            None => ctx.reindex_memberships(),
        }
        // Group and user rows count memberships.
        self.users.column_data_changed(ctx);
        self.groups.column_data_changed(ctx);
        self.sync_members(ctx);
    }

    /// Keeps the members list in step with the selection and the memberships.
    pub(super) fn sync_members(&mut self, ctx: &Ctx) {
        let Some(id) = self.selected_id() else {
            self.members.set_items(Vec::new(), ctx);
            self.members_of = None;
            return;
        };
        let key = (id.clone(), ctx.member_index.version);
        if self.members_of.as_ref() == Some(&key) {
            return;
        }
        let same_selection = self.members_of.as_ref().is_some_and(|(was, _)| *was == id);
        if !same_selection {
            self.members = ListView::default();
        }
        self.members.set_items(self.member_rows(&id, ctx), ctx);
        self.members_of = Some(key);
    }

    /// The memberships of the user or group `id`, from the other side.
    fn member_rows(&self, id: &str, ctx: &Ctx) -> Vec<MemberRow> {
        let Some(all) = ctx.memberships.data() else {
            return Vec::new();
        };
        let user_side = self.tab == IdentityTab::Users;
        let indices = match self.tab {
            IdentityTab::Users => ctx.member_index.of_user(id),
            IdentityTab::Groups => ctx.member_index.of_group(id),
            IdentityTab::DynamicGroups => &[],
        };
        indices
            .iter()
            .filter_map(|&i| all.get(i as usize))
            .map(|m| {
                let (other_id, other_name) = if user_side {
                    let name = self.groups.find(&m.group_id).map(|g| g.name.clone());
                    (m.group_id.to_string(), name)
                } else {
                    let name = self.users.find(&m.user_id).map(|u| u.name.clone());
                    (m.user_id.to_string(), name)
                };
                MemberRow {
                    membership_id: m.id.clone(),
                    other_name: other_name.unwrap_or_else(|| other_id.clone()),
                    other_id,
                    time_created: m.time_created.to_string(),
                }
            })
            .collect()
    }

    pub(super) fn open_members(&mut self, ctx: &mut Ctx) {
        match self.tab {
            IdentityTab::Users | IdentityTab::Groups if self.selected_id().is_some() => {
                self.focus = IdentityFocus::Members;
            }
            IdentityTab::DynamicGroups => ctx
                .toasts
                .info("dynamic groups have no members: their matching rule decides"),
            _ => {}
        }
    }

    pub(super) fn handle_members(&mut self, action: &Action, ctx: &mut Ctx) -> bool {
        if self.members.navigate(action) {
            return true;
        }
        match action {
            Action::Add => self.start_pick(ctx),
            Action::Delete => {
                let Some(row) = self.members.selected().cloned() else {
                    ctx.toasts.info("no membership selected");
                    return true;
                };
                let (user, group) = self.pair_names(&row);
                ctx.open(Modal::typed_confirm(
                    dialog(IdentityDialog::RemoveMembership {
                        membership_id: row.membership_id.clone(),
                    }),
                    "Remove from group",
                    vec![
                        ToneLine::new(Tone::Heading, format!("Remove {user} from {group}?")),
                        ToneLine::plain("The user loses what the group's policies grant."),
                        ToneLine::plain(""),
                        ToneLine::new(
                            Tone::Dim,
                            format!("Type {} to confirm.", row.other_name),
                        ),
                    ],
                    &row.other_name,
                ));
            }
            Action::Select => self.open_membership(ctx),
            _ => return false,
        }
        true
    }

    /// The user's and the group's names for a membership row.
    pub(super) fn pair_names(&self, row: &MemberRow) -> (String, String) {
        match self.tab {
            IdentityTab::Groups => (
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
        let taken: Vec<&str> = self.members.all().iter().map(|r| r.other_id.as_str()).collect();
        let candidates: Vec<Candidate> = match self.tab {
            IdentityTab::Users => self
                .groups
                .all()
                .iter()
                .filter(|g| {
                    g.lifecycle_state == LifecycleState::Active && !taken.contains(&g.id.as_str())
                })
                .map(|g| Candidate {
                    id: g.id.clone(),
                    name: g.name.clone(),
                })
                .collect(),
            IdentityTab::Groups => self
                .users
                .all()
                .iter()
                .filter(|u| {
                    u.lifecycle_state == LifecycleState::Active && !taken.contains(&u.id.as_str())
                })
                .map(|u| Candidate {
                    id: u.id.to_string(),
                    name: u.name.clone(),
                })
                .collect(),
            IdentityTab::DynamicGroups => Vec::new(),
        };
        if candidates.is_empty() {
            ctx.toasts.info("nothing left to add");
            return;
        }
        self.pick = ListView::default();
        self.pick.set_items(candidates, ctx);
        self.focus = IdentityFocus::Pick;
    }

    pub(super) fn handle_pick(&mut self, action: &Action, ctx: &mut Ctx) -> bool {
        if self.pick.navigate(action) {
            return true;
        }
        match action {
            Action::Select => {
                let Some(candidate) = self.pick.selected().cloned() else {
                    return true;
                };
                let Some((details, user, group)) = self.membership_with(candidate) else {
                    return true;
                };
                self.focus = IdentityFocus::Members;
                self.send(
                    IdentityRequest::AddUserToGroup(details),
                    format!("added {user} to {group}"),
                    None,
                    ctx,
                );
            }
            Action::Cancel => self.focus = IdentityFocus::Members,
            _ => return false,
        }
        true
    }

    /// The membership that joins the selection with a picked group (or user), and the user's
    /// and the group's names.
    fn membership_with(&self, other: Candidate) -> Option<(AddUserToGroupDetails, String, String)> {
        if self.tab == IdentityTab::Groups {
            let g = self.groups.selected()?;
            let details = AddUserToGroupDetails {
                user_id: other.id,
                group_id: g.id.clone(),
            };
            Some((details, other.name, g.name.clone()))
        } else {
            let u = self.users.selected()?;
            let details = AddUserToGroupDetails {
                user_id: u.id.to_string(),
                group_id: other.id,
            };
            Some((details, u.name.clone(), other.name))
        }
    }
}
