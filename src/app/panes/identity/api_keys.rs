//! The selected user's API signing keys: listed when asked for, uploaded from a pasted PEM or
//! a file, and deleted with the fingerprint's end typed as confirmation.

use super::{IdentityDialog, IdentityPane, ME, dialog};
use crate::app::action::Action;
use crate::app::ctx::Ctx;
use crate::app::request::CredentialRequest;
use crate::app::widgets::form::Field;
use crate::app::widgets::list_view::ListView;
use crate::app::widgets::modal::{Modal, Tone, ToneLine};

impl IdentityPane {
    /// Loads the selected user's API keys unless they are the ones shown.
    pub(super) fn load_keys(&mut self, ctx: &mut Ctx) {
        let Some(user_id) = self.selected_user().map(|u| u.id.clone()) else {
            return;
        };
        if self.keys_user.as_deref() == Some(user_id.as_str()) {
            return;
        }
        let request = ctx.send_read(
            ME,
            CredentialRequest::ListApiKeys {
                user_id: user_id.clone(),
            },
        );
        self.api_keys = ListView::default();
        self.api_keys.start_loading(request);
        self.keys_user = Some(user_id);
    }

    pub(super) fn handle_keys(&mut self, action: &Action, ctx: &mut Ctx) -> bool {
        if self.api_keys.navigate(action) {
            return true;
        }
        let Some(user) = self.selected_user().cloned() else {
            return false;
        };
        match action {
            Action::Add => ctx.open(Modal::form(
                dialog(IdentityDialog::UploadKey {
                    user_id: user.id.clone(),
                }),
                &format!("Upload an API key for {}", user.name),
                vec![
                    Field::text("key", "Public key")
                        .required()
                        .help("paste the PEM public key, or type the path of a .pem file"),
                ],
            )),
            Action::Delete => {
                let Some(key) = self.api_keys.selected() else {
                    ctx.toasts.info("no API key selected");
                    return true;
                };
                let fingerprint = key.fingerprint.clone();
                let tail = fingerprint_tail(&fingerprint);
                ctx.open(Modal::typed_confirm(
                    dialog(IdentityDialog::DeleteKey {
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
                            format!("Type the fingerprint's end ({tail}) to confirm."),
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
