//! How the tenancy's users sign in: when a console password was last set, the authentication
//! policy (password rules, network policy) and the network sources it can name.

use crate::app::request::{Item, Payload};
use crate::app::worker::{PAGE_LIMIT, Work};
use crate::model::{
    CreateNetworkSourceDetails, UiPasswordInformation, UpdateAuthenticationPolicyDetails,
    UpdateNetworkSourceDetails,
};

#[derive(Debug, Clone, PartialEq)]
pub enum SignInRequest {
    /// Answers with an `Option<UiPasswordInformation>` item: `None` for a user who never had
    /// a console password (the service's 404).
    GetUiPasswordInformation {
        user_id: String,
    },
    GetAuthenticationPolicy,
    /// Conditional on `etag` (from the get the form was filled from).
    UpdateAuthenticationPolicy {
        details: UpdateAuthenticationPolicyDetails,
        etag: Option<String>,
    },
    ListNetworkSources,
    GetNetworkSource {
        id: String,
    },
    CreateNetworkSource(CreateNetworkSourceDetails),
    /// Conditional on `etag` (from the get the form was filled from).
    UpdateNetworkSource {
        id: String,
        details: UpdateNetworkSourceDetails,
        etag: Option<String>,
    },
    DeleteNetworkSource {
        id: String,
    },
}

impl SignInRequest {
    pub fn is_write(&self) -> bool {
        use SignInRequest as R;
        match self {
            R::GetUiPasswordInformation { .. }
            | R::GetAuthenticationPolicy
            | R::ListNetworkSources
            | R::GetNetworkSource { .. } => false,
            R::UpdateAuthenticationPolicy { .. }
            | R::CreateNetworkSource(_)
            | R::UpdateNetworkSource { .. }
            | R::DeleteNetworkSource { .. } => true,
        }
    }

    pub(crate) async fn run(&self, w: &Work<'_>) {
        use SignInRequest as R;
        let (c, tenancy) = (w.client, w.tenancy_id);
        match self {
            R::GetUiPasswordInformation { user_id } => {
                let answer = match c.get_user_ui_password_information(user_id).await {
                    Ok(info) => Ok(Some(info.value)),
                    Err(e) if e.status() == Some(404) => Ok(None),
                    Err(e) => Err(e),
                };
                w.finish(answer.map(|info: Option<UiPasswordInformation>| {
                    Payload::Item(Item::new(info, None))
                }));
            }
            R::GetAuthenticationPolicy => w.one(c.get_authentication_policy(tenancy).await),
            R::UpdateAuthenticationPolicy { details, etag } => w.one(
                c.update_authentication_policy(tenancy, details, etag.as_deref())
                    .await,
            ),
            R::ListNetworkSources => {
                let all = crate::api::ListFilter::default();
                w.list(
                    c.list_network_sources(tenancy, &all)
                        .limit(PAGE_LIMIT)
                        .all()
                        .await,
                );
            }
            R::GetNetworkSource { id } => w.one(c.get_network_source(id).await),
            R::CreateNetworkSource(d) => w.one(c.create_network_source(d).await),
            R::UpdateNetworkSource { id, details, etag } => {
                w.one(c.update_network_source(id, details, etag.as_deref()).await);
            }
            R::DeleteNetworkSource { id } => w.done(c.delete_network_source(id, None).await),
        }
    }
}
