//! Where a `:` command with an argument, or a pasted OCID, takes the user: `:pol Prod:AppTier`
//! scopes the policies to that compartment, `:cmp Prod/AppTier` selects it in the tree,
//! `:audit Prod` audits it, `:usr marcus` filters the users, and an OCID (typed after `:ocid`
//! or pasted on its own) opens the pane that shows its kind with it selected, once loaded.

use super::action::Action;
use super::panes::PaneId;
use super::state::AppState;
use super::update::go;
use super::widgets::filter::ListFilter;

/// A compartment path as users type it: `Prod:AppTier` (the CLI's form) or `Prod/AppTier`.
fn path(text: &str) -> String {
    let text = text.trim();
    if text.starts_with("ocid1.") {
        text.to_string()
    } else {
        text.replace(':', "/")
    }
}

/// Applies the argument of a pane command once the pane is shown.
pub(super) fn with_argument(state: &mut AppState, pane: PaneId, arg: &str) {
    match pane {
        PaneId::Compartments => match state.ctx.resolve_compartment(&path(arg)) {
            Ok(id) => {
                let AppState { ctx, panes, .. } = state;
                panes.compartments.reveal(&id, ctx);
            }
            Err(e) => state.ctx.toasts.error(e),
        },
        PaneId::Policies => match state.ctx.resolve_compartment(&path(arg)) {
            Ok(id) => {
                let AppState { ctx, panes, .. } = state;
                panes.policies.set_scope(Some(id), ctx);
            }
            Err(e) => state.ctx.toasts.error(e),
        },
        _ => {
            let filter = ListFilter {
                query: arg.trim().to_string(),
                ..ListFilter::default()
            };
            let AppState { ctx, panes, .. } = state;
            panes.get_mut(pane).set_filter(filter, ctx);
        }
    }
}

/// `:audit [PATH]`: the audit view of that compartment (the tenancy when none is given).
pub(super) fn audit(state: &mut AppState, arg: &str) {
    match state.ctx.resolve_compartment(&path(arg)) {
        Ok(id) => state.audit = Some(super::audit::AuditView::new(&id, state.active)),
        Err(e) => state.ctx.toasts.error(e),
    }
}

/// Opens the pane that lists the resource this OCID names and selects it (when its list has
/// loaded, if it is still loading).
pub(super) fn to_ocid(state: &mut AppState, ocid: &str) {
    let ocid = ocid.trim();
    if let Err(e) = super::validate::ocid(ocid, "") {
        state.ctx.toasts.error(e);
        return;
    }
    let kind = ocid.split('.').nth(1).unwrap_or_default();
    let (pane, show) = match kind {
        "tenancy" | "compartment" => (PaneId::Compartments, ""),
        "user" => (PaneId::Identity, "users"),
        "group" => (PaneId::Identity, "groups"),
        "dynamicgroup" => (PaneId::Identity, "dynamic_groups"),
        "policy" => (PaneId::Policies, ""),
        "tagnamespace" => (PaneId::Tags, ""),
        "senderinvitation" => (PaneId::Invitations, ""),
        "domain" => (PaneId::Domains, ""),
        "saml2idp" | "identityprovider" => (PaneId::Federation, ""),
        _ => {
            state.ctx.toasts.error(format!(
                "canopy does not list resources of type `{kind}` ({ocid})"
            ));
            return;
        }
    };
    go(state, pane);
    let AppState { ctx, panes, .. } = state;
    if !show.is_empty() {
        panes
            .get_mut(pane)
            .handle(&Action::Show(show.to_string()), ctx);
    }
    match pane {
        PaneId::Compartments => panes.compartments.reveal(ocid, ctx),
        PaneId::Identity => match show {
            "users" => panes.identity.users.want(ocid),
            "groups" => panes.identity.groups.want(ocid),
            _ => panes.identity.dynamic_groups.want(ocid),
        },
        PaneId::Policies => {
            panes.policies.set_scope(None, ctx);
            panes.policies.list.want(ocid);
        }
        PaneId::Tags => panes.tags.namespaces.want(ocid),
        PaneId::Invitations => panes.invitations.invitations.want(ocid),
        PaneId::Domains => panes.domains.domains.want(ocid),
        _ => panes.federation.providers.want(ocid),
    }
}
