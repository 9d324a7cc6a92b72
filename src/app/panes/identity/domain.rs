//! The Identity pane in one identity domain. The Default domain's users and groups come from
//! the classic API; another domain's from the Identity Domains (SCIM) API at the domain's URL.
//! `d` chooses the domain; in another domain the pane's own requests are turned into their SCIM
//! equivalents here, each change conditional on the `meta.version` the pane last read.

use crate::api::DomainQuery;
use crate::model::{Domain, DomainDirectory};

use super::{IdentityDialog, IdentityFocus, IdentityPane, ME, dialog};
use crate::app::ctx::Ctx;
use crate::app::request::{
    DirectoryRequest, DomainRequest, IdentityRequest, Payload, RequestId, RequestKind, Response,
};
use crate::app::widgets::list_view::ListView;
use crate::app::widgets::loadable::Loadable;
use crate::app::widgets::modal::{Modal, Tone, ToneLine};

/// A domain other than Default, and its directory as last read.
#[derive(Debug, Clone)]
pub struct DomainView {
    pub domain: Domain,
    pub directory: Loadable<DomainDirectory>,
}

/// What the chooser offers, and the request reading it.
#[derive(Debug, Clone, Default)]
pub struct DomainChoices {
    pub request: Option<RequestId>,
    pub domains: Vec<Domain>,
}

impl IdentityPane {
    /// The display name of the domain shown, when it is not Default.
    pub fn domain_name(&self) -> Option<&str> {
        self.domain.as_ref().map(|v| v.domain.display_name.as_str())
    }

    /// `d`: lists the tenancy's domains, then offers them.
    pub(super) fn choose_domain(&mut self, ctx: &mut Ctx) {
        let root = ctx.session.tenancy_id.clone();
        let compartment_ids = crate::app::panes::domains::subtree(ctx, &root);
        let request = ctx.send_read(
            ME,
            DomainRequest::List {
                compartment_ids,
                query: DomainQuery::default(),
            },
        );
        self.domain_choices.request = Some(request);
    }

    /// The domain list the chooser waits for.
    pub(super) fn take_domain_choices(&mut self, response: &Response, ctx: &mut Ctx) -> bool {
        if self.domain_choices.request != Some(response.id) {
            return false;
        }
        self.domain_choices.request = None;
        let domains = match &response.result {
            Ok(Payload::Items(items)) => items.clone().take::<Domain>().unwrap_or_default(),
            Ok(_) => Vec::new(),
            Err(f) => {
                ctx.toasts.error(f.summary());
                return true;
            }
        };
        let mut domains: Vec<Domain> = domains
            .into_iter()
            .filter(|d| d.lifecycle_state == crate::model::LifecycleState::Active)
            .collect();
        // Default first, then by name.
        domains.sort_by(|a, b| {
            (!a.is_default(), &a.display_name).cmp(&(!b.is_default(), &b.display_name))
        });
        if domains.is_empty() {
            ctx.toasts
                .info("this tenancy has no identity domains to choose from");
            return true;
        }
        let names: Vec<&str> = domains.iter().map(|d| d.display_name.as_str()).collect();
        let current = self.domain_name().unwrap_or("Default").to_string();
        ctx.open(Modal::choice(
            dialog(IdentityDialog::ChooseDomain),
            "Identity domain",
            vec![
                ToneLine::new(Tone::Heading, "Whose users and groups to show?"),
                ToneLine::plain(format!("Now: {current}.")),
            ],
            &names,
        ));
        self.domain_choices.domains = domains;
        true
    }

    /// The chooser's answer: shows that domain's directory.
    pub(super) fn chose_domain(&mut self, choice: usize, ctx: &mut Ctx) {
        let Some(domain) = self.domain_choices.domains.get(choice).cloned() else {
            return;
        };
        if self.domain_name() == Some(domain.display_name.as_str())
            || (self.domain.is_none() && domain.is_default())
        {
            return;
        }
        self.focus = IdentityFocus::List;
        self.domain = (!domain.is_default()).then(|| DomainView {
            domain: domain.clone(),
            directory: Loadable::NotLoaded,
        });
        // Another domain's people: nothing of the old lists (selection included) carries over.
        self.users = ListView::default();
        self.groups = ListView::default();
        self.dynamic_groups = ListView::default();
        self.members_of = None;
        if self.domain.is_some() {
            self.load_domain(ctx);
        } else {
            self.memberships_request = None;
            crate::app::panes::Pane::refresh(self, ctx);
        }
        ctx.toasts
            .info(format!("identity domain {}", domain.display_name));
    }

    /// Reads the chosen domain's directory (again).
    pub(super) fn load_domain(&mut self, ctx: &mut Ctx) {
        let Some(view) = &self.domain else {
            return;
        };
        let request = ctx.send_read(
            ME,
            DirectoryRequest::Read {
                domain: Box::new(view.domain.clone()),
            },
        );
        self.users.start_loading(request);
        self.groups.start_loading(request);
        self.dynamic_groups.start_loading(request);
        if let Some(view) = &mut self.domain {
            view.directory = Loadable::loading(request);
        }
    }

    /// The directory's answer: the lists and the memberships show it.
    pub(super) fn take_directory(&mut self, response: &mut Response, ctx: &mut Ctx) -> bool {
        let Some(view) = &mut self.domain else {
            return false;
        };
        if !view.directory.awaits(response.id) {
            return false;
        }
        view.directory = match Loadable::<Vec<DomainDirectory>>::from_items(
            &response.result,
            "the domain's directory",
        ) {
            Loadable::Loaded(mut all) => Loadable::Loaded(all.pop().unwrap_or_default()),
            Loadable::Failed(f) => Loadable::Failed(f),
            _ => Loadable::NotLoaded,
        };
        let Some(dir) = view.directory.data().cloned() else {
            // Each list shows the failure inline, as for any listing.
            self.users.take_response(response, ctx);
            self.groups.take_response(response, ctx);
            self.dynamic_groups.take_response(response, ctx);
            let failure = match &response.result {
                Err(f) => f.summary(),
                Ok(_) => "unexpected answer".to_string(),
            };
            ctx.toasts.error(format!(
                "cannot read the directory of {}: {failure}",
                self.domain_name().unwrap_or_default()
            ));
            return true;
        };
        self.users.set_items(dir.users, ctx);
        self.groups.set_items(dir.groups, ctx);
        self.dynamic_groups.set_items(dir.dynamic_groups, ctx);
        ctx.memberships = Loadable::Loaded(dir.memberships.into());
        self.memberships_changed(ctx);
        true
    }

    /// A request of the pane, for the domain shown: unchanged in Default; in another domain
    /// its SCIM equivalent, or why there is none.
    pub(super) fn for_domain(&self, kind: RequestKind) -> Result<RequestKind, String> {
        let Some(view) = &self.domain else {
            return Ok(kind);
        };
        let url = view.domain.url.clone();
        let empty = DomainDirectory::default();
        let dir = view.directory.data().unwrap_or(&empty);
        let id = |ocid: &str| dir.scim_id(ocid).to_string();
        let version = |ocid: &str| dir.versions.get(ocid).cloned();
        let RequestKind::Identity(request) = kind else {
            return Err(self.not_in_domain());
        };
        let scim = match request {
            IdentityRequest::GetUser { id: u } => DirectoryRequest::GetUser { url, id: id(&u) },
            IdentityRequest::GetGroup { id: g } => DirectoryRequest::GetGroup { url, id: id(&g) },
            IdentityRequest::CreateUser(d) => DirectoryRequest::CreateUser {
                url,
                user_name: d.name,
                description: d.description,
                email: d.email,
            },
            IdentityRequest::UpdateUser {
                id: u,
                details,
                if_match,
            } => {
                // The form sends only what changed: the rest stays as read (PUT replaces all).
                let current = dir.users.iter().find(|x| x.id == u);
                DirectoryRequest::UpdateUser {
                    url,
                    id: id(&u),
                    description: details
                        .description
                        .or_else(|| current.map(|x| x.description.clone()))
                        .unwrap_or_default(),
                    email: details
                        .email
                        .or_else(|| current.and_then(|x| x.email.clone())),
                    if_match,
                }
            }
            IdentityRequest::DeleteUser { id: u } => DirectoryRequest::DeleteUser {
                url,
                if_match: version(&u),
                id: id(&u),
            },
            IdentityRequest::CreateGroup(d) => DirectoryRequest::CreateGroup {
                url,
                name: d.name,
                description: d.description,
            },
            IdentityRequest::UpdateGroup {
                id: g,
                details,
                if_match,
            } => {
                let current = dir.groups.iter().find(|x| x.id == g);
                DirectoryRequest::UpdateGroup {
                    url,
                    name: None,
                    id: id(&g),
                    description: details
                        .description
                        .or_else(|| current.map(|x| x.description.clone()))
                        .unwrap_or_default(),
                    if_match,
                }
            }
            IdentityRequest::DeleteGroup { id: g } => DirectoryRequest::DeleteGroup {
                url,
                if_match: version(&g),
                id: id(&g),
            },
            IdentityRequest::AddUserToGroup(d) => DirectoryRequest::Membership {
                url,
                if_match: version(&d.group_id),
                group_id: id(&d.group_id),
                user_id: id(&d.user_id),
                add: true,
            },
            IdentityRequest::RemoveUserFromGroup { membership_id } => {
                let m = dir
                    .live_memberships()
                    .find(|m| m.id == membership_id)
                    .ok_or_else(|| format!("membership {membership_id} is not in this domain"))?;
                DirectoryRequest::Membership {
                    url,
                    if_match: version(&m.group_id),
                    group_id: id(&m.group_id),
                    user_id: id(&m.user_id),
                    add: false,
                }
            }
            _ => return Err(self.not_in_domain()),
        };
        Ok(scim.into())
    }

    pub(super) fn not_in_domain(&self) -> String {
        format!(
            "not available in identity domain {}: canopy manages its users, groups and \
             memberships (choose Default with d for the rest)",
            self.domain_name().unwrap_or_default()
        )
    }
}
