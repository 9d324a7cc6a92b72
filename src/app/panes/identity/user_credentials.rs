//! The selected user's credentials, a tab per kind (API keys, auth tokens, secret keys, SMTP,
//! DB, OAuth 2.0, Swift, MFA): all listed at once when asked for (`K`), each tab with its
//! count and oldest age; created, changed, deleted and (MFA) activated from their tab. The
//! forms are in `credential_forms`, what the answers do in `results`.

use crate::model::{Credential, CredentialKind, UiPasswordInformation};

use super::{IdentityDialog, IdentityFocus, IdentityPane, ME, dialog};
use crate::app::action::Action;
use crate::app::ctx::Ctx;
use crate::app::panes::credentials::CredentialRow;
use crate::app::request::{CredentialRequest, Payload, RequestId, Response, SignInRequest};
use crate::app::resource::Resource as _;
use crate::app::widgets::list_view::ListView;
use crate::app::widgets::loadable::Loadable;
use crate::app::widgets::modal::{Modal, Tone, ToneLine};

/// One kind's tab: how many the user has and the oldest one's age in days.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KindCount {
    pub kind: CredentialKind,
    pub count: usize,
    pub oldest_days: Option<i64>,
}

impl IdentityPane {
    /// Focuses the selected user's credentials (the API keys tab first, or the tab last shown).
    pub(super) fn open_credentials(&mut self, ctx: &mut Ctx) {
        if self.selected_user().is_none() {
            ctx.toasts.info("credentials belong to users: select a user");
            return;
        }
        self.focus = IdentityFocus::Credentials;
        self.load_credentials(ctx);
    }

    /// Shows one user's credentials of one kind (from the Credentials pane): the users tab,
    /// the filter cleared if it hides them.
    pub fn show_user_credentials(&mut self, user_id: &str, kind: CredentialKind, ctx: &mut Ctx) {
        self.tab = super::IdentityTab::Users;
        if !self.users.items.is_loaded() {
            // Shown once the users arrive.
            self.show_after_load = Some((user_id.to_string(), kind));
            return;
        }
        if !self.users.select(user_id) {
            let mut cleared = self.users.filter.clone();
            cleared.query.clear();
            self.users.set_filter(cleared, ctx);
            if !self.users.select(user_id) {
                ctx.toasts.info("that user is not in the user list: refresh it");
                return;
            }
        }
        if self.creds_kind != kind {
            self.creds_kind = kind;
            self.creds = ListView::default();
        }
        self.open_credentials(ctx);
        self.show_kind(ctx);
    }

    /// Lists the selected user's credentials unless they are the ones held; the request id.
    pub(super) fn load_credentials(&mut self, ctx: &mut Ctx) -> Option<RequestId> {
        let user_id = self.selected_user()?.id.to_string();
        // The same user's, unless the last listing failed or another pane wrote since (a
        // revoke from the Credentials pane).
        if self.creds_user.as_deref() == Some(user_id.as_str())
            && !matches!(self.user_creds, Loadable::Failed(_))
            && self.creds_writes == ctx.writes_outside(ME)
        {
            return None;
        }
        self.creds_writes = ctx.writes_outside(ME);
        let request = ctx.send_read(
            ME,
            CredentialRequest::ListOfUser {
                user_id: user_id.clone(),
            },
        );
        self.user_creds = Loadable::loading(request);
        self.creds = ListView::default();
        self.creds.start_loading(request);
        self.creds_user = Some(user_id);
        Some(request)
    }

    /// The listing of credentials on its way, if one is.
    pub(super) fn user_creds_request(&self) -> Option<RequestId> {
        match &self.user_creds {
            Loadable::Loading { request, .. } => Some(*request),
            _ => None,
        }
    }

    /// Forgets the credentials held, so the next look lists them again.
    pub(super) fn forget_credentials(&mut self) {
        self.creds_user = None;
        self.user_creds = Loadable::NotLoaded;
    }

    /// Takes the listing of a user's credentials; false when the response is not it.
    pub(super) fn take_credentials(&mut self, response: &Response, ctx: &mut Ctx) -> bool {
        if !self.user_creds.awaits(response.id) {
            return false;
        }
        self.user_creds = match &response.result {
            Ok(Payload::Items(items)) => items.clone().take::<Credential>().map_or_else(
                || {
                    Loadable::Failed(crate::app::request::Failure::unexpected(
                        "the listing of credentials",
                        &Payload::Items(items.clone()),
                    ))
                },
                Loadable::Loaded,
            ),
            Ok(other) => Loadable::Failed(crate::app::request::Failure::unexpected(
                "the listing of credentials",
                other,
            )),
            Err(f) => Loadable::Failed(f.clone()),
        };
        match &self.user_creds {
            Loadable::Failed(f) => self.creds.items = Loadable::Failed(f.clone()),
            _ => self.show_kind(ctx),
        }
        if self.caps_after.take_if(|r| *r == response.id).is_some()
            && let Some(user) = self.selected_user().cloned()
        {
            let key = ctx.key(&Action::Select);
            let modal = super::forms::capabilities_modal(&user, &key, 0, Some(self));
            ctx.open(modal);
        }
        true
    }

    /// Puts the current kind's credentials in the list.
    pub(super) fn show_kind(&mut self, ctx: &Ctx) {
        let user = self
            .creds_user
            .as_deref()
            .and_then(|id| self.users.find(id))
            .cloned();
        let rows: Vec<CredentialRow> = self
            .user_creds
            .data()
            .map(|all| {
                all.iter()
                    .filter(|c| c.kind() == self.creds_kind)
                    .map(|c| CredentialRow::new(c.clone(), user.as_ref()))
                    .collect()
            })
            .unwrap_or_default();
        // The kind and user are the tab's; an API key (a long fingerprint) neither expires
        // nor changes state.
        self.creds.hidden = match self.creds_kind {
            CredentialKind::ApiKey => [0, 1, 4, 5, 6].into_iter().collect(),
            _ => [0, 1, 4].into_iter().collect(),
        };
        if self.user_creds.is_loaded() {
            self.creds.set_items(rows, ctx);
        }
    }

    /// Every kind's count and oldest age, for the tabs.
    pub fn kind_counts(&self, now: i64) -> Vec<KindCount> {
        let all = self.user_creds.data().map_or(&[][..], Vec::as_slice);
        CredentialKind::ALL
            .iter()
            .map(|&kind| {
                let of_kind = all.iter().filter(|c| c.kind() == kind);
                KindCount {
                    kind,
                    count: of_kind.clone().count(),
                    oldest_days: of_kind
                        .filter_map(|c| {
                            crate::app::panes::credentials::age_days(c.time_created(), now)
                        })
                        .max(),
                }
            })
            .collect()
    }

    /// How many credentials of these kinds the selected user holds, once listed.
    pub fn count_of(&self, kinds: &[CredentialKind]) -> Option<usize> {
        let user = self.selected_user()?;
        if self.creds_user.as_deref() != Some(user.id.as_str()) {
            return None;
        }
        let all = self.user_creds.data()?;
        Some(all.iter().filter(|c| kinds.contains(&c.kind())).count())
    }

    /// When the selected user's console password was last set, once read.
    pub fn password_info(&self, user_id: &str) -> &Loadable<Option<UiPasswordInformation>> {
        static NOT_LOADED: Loadable<Option<UiPasswordInformation>> = Loadable::NotLoaded;
        self.ui_passwords.get(user_id).unwrap_or(&NOT_LOADED)
    }

    /// Reads when the selected user's console password was set, once per user.
    pub(super) fn load_password_info(&mut self, ctx: &mut Ctx) {
        let Some(user_id) = self.selected_user().map(|u| u.id.to_string()) else {
            return;
        };
        if self.ui_passwords.contains_key(&user_id) {
            return;
        }
        let request = ctx.send_read(
            ME,
            SignInRequest::GetUiPasswordInformation {
                user_id: user_id.clone(),
            },
        );
        self.ui_passwords
            .insert(user_id, Loadable::loading(request));
    }

    /// Takes the answer about a console password; false when the response is not one.
    pub(super) fn take_password_info(&mut self, response: &Response) -> bool {
        let Some(slot) = self
            .ui_passwords
            .values_mut()
            .find(|l| l.awaits(response.id))
        else {
            return false;
        };
        *slot = match &response.result {
            Ok(p) => match p.as_item::<Option<UiPasswordInformation>>() {
                Some(info) => Loadable::Loaded(info),
                None => Loadable::Failed(crate::app::request::Failure::unexpected(
                    "the console password information",
                    p,
                )),
            },
            Err(f) => Loadable::Failed(f.clone()),
        };
        true
    }

    fn step_kind(&mut self, forward: bool, ctx: &Ctx) {
        let all = CredentialKind::ALL;
        let i = all.iter().position(|k| *k == self.creds_kind).unwrap_or(0);
        let n = all.len();
        self.creds_kind = all[if forward { (i + 1) % n } else { (i + n - 1) % n }];
        // Another kind's rows: the cursor starts at the top, nothing to say about the old one.
        self.creds = ListView::default();
        self.show_kind(ctx);
    }

    pub(super) fn handle_credentials(&mut self, action: &Action, ctx: &mut Ctx) -> bool {
        if let Action::NextTab | Action::PreviousTab = action {
            self.step_kind(*action == Action::NextTab, ctx);
            return true;
        }
        if self.creds.navigate(action) {
            return true;
        }
        let Some(user) = self.selected_user().cloned() else {
            return false;
        };
        let row = self.creds.selected().cloned();
        match (action, row) {
            (Action::Create, _) => self.start_create(&user, ctx),
            (Action::Edit, Some(row)) => Self::start_edit_credential(&user, &row, ctx),
            (Action::Delete, Some(row)) => ctx.open(revoke_modal(
                &row,
                dialog(IdentityDialog::RevokeCredential {
                    user_id: user.id.to_string(),
                    kind: row.kind(),
                    path_id: row.credential.path_id().to_string(),
                    id: row.id().to_string(),
                }),
            )),
            (Action::Select, Some(row)) => match &row.credential {
                // A device is read again: its state may have moved on.
                Credential::MfaDevice(d) => {
                    let request = ctx.send_read(
                        ME,
                        CredentialRequest::GetMfaDevice {
                            user_id: user.id.to_string(),
                            id: d.id.clone(),
                        },
                    );
                    self.device_read = Some(request);
                }
                _ => ctx.open(detail_modal(&row, ctx)),
            },
            (Action::Activate | Action::NewSeed, Some(row)) => {
                let Credential::MfaDevice(d) = &row.credential else {
                    ctx.toasts.info("only an MFA device is activated: see the MFA tab");
                    return true;
                };
                if d.is_activated {
                    ctx.toasts
                        .info("this MFA device is active already: delete it to enrol again");
                } else if *action == Action::Activate {
                    ctx.open(super::credential_forms::activate_form(&user, &d.id));
                } else {
                    let kind = CredentialRequest::GenerateTotpSeed {
                        user_id: user.id.to_string(),
                        id: d.id.clone(),
                    };
                    self.send(kind, format!("new MFA seed for {}", user.name), None, ctx);
                }
            }
            (Action::Edit | Action::Delete | Action::Select | Action::Activate | Action::NewSeed, None) => {
                ctx.toasts
                    .info(format!("no {} selected", self.creds_kind.one()));
            }
            _ => return false,
        }
        true
    }
}

/// A revoke: the description (or what [`CredentialRow::confirmation`] says) typed first.
pub(crate) fn revoke_modal(row: &CredentialRow, d: crate::app::panes::PaneDialog) -> Modal {
    let kind = row.kind().one();
    let expected = row.confirmation();
    let what = if expected == row.user_name {
        "the user's name".to_string()
    } else if matches!(row.credential, Credential::ApiKey(_)) {
        "the fingerprint's end".to_string()
    } else {
        "its description".to_string()
    };
    Modal::typed_confirm(
        d,
        &format!("Revoke {kind}"),
        vec![
            ToneLine::new(
                Tone::Heading,
                format!("Revoke {kind} '{}' of {}?", row.credential.label(), row.user_name),
            ),
            ToneLine::plain("Whatever signs in with it stops working at once."),
            ToneLine::plain(""),
            ToneLine::new(Tone::Dim, format!("Type {what} ({expected}) to confirm.")),
        ],
        &expected,
    )
}

/// A credential's fields as a read-only dialog.
pub(crate) fn detail_modal(row: &CredentialRow, ctx: &Ctx) -> Modal {
    let mut lines = vec![ToneLine::new(Tone::Heading, row.credential.label())];
    for (label, value) in row.detail(ctx) {
        lines.push(ToneLine::plain(format!("{label:<12}{value}")));
    }
    Modal::text(&format!("{} of {}", row.kind().one(), row.user_name), lines)
}
