//! The Federation pane: snapshots of its states and dialogs, and every identity-provider,
//! provider-group, group-mapping and SCIM-client operation through the real worker and
//! emulator. Also the Identity pane's group detail, which names the mappings into a group.

use canopy::app::panes::federation::{FederationFocus, SideList};
use canopy::app::request::{FederationRequest, MetadataSource};
use canopy::app::{Action, AppState, Effect, Loadable, PaneId, Payload, RequestKind, update};
use canopy::model::{IdentityProvider, LifecycleState};
use crossterm::event::KeyCode;
use insta::assert_snapshot;

use super::domains_kit::{apply_all, fill, responses, toast};
use super::harness::{World, act, demo, key, loaded, press, render, settle, type_text};
use super::pane_kit::{form_error, kinds, loaded_in, loading_in, refresh_failing};

const METADATA: &str = "<md:EntityDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\">\
    <md:IDPSSODescriptor><md:KeyDescriptor use=\"signing\"><ds:KeyInfo><ds:X509Data>\
    <ds:X509Certificate>MIIBaTCCAQ+gAwIBAgIUQk</ds:X509Certificate></ds:X509Data></ds:KeyInfo>\
    </md:KeyDescriptor><md:SingleSignOnService Binding=\"urn:oasis:names:tc:SAML:2.0:bindings:\
    HTTP-Redirect\" Location=\"https://sso.partner.example/saml\"/></md:IDPSSODescriptor>\
    </md:EntityDescriptor>";

fn federation() -> (AppState, World) {
    let (mut state, mut world) = loaded(false);
    act(&mut state, &mut world, Action::Go(PaneId::Federation));
    (state, world)
}

fn select_provider(state: &mut AppState, name: &str) {
    let list = &mut state.panes.federation.providers;
    let id = list
        .all()
        .iter()
        .find(|p| p.name == name)
        .unwrap_or_else(|| panic!("no provider {name}"))
        .id
        .clone();
    assert!(list.select(&id));
}

fn provider_in_emulator(world: &World, name: &str) -> Option<IdentityProvider> {
    world
        .snapshot()
        .identity_providers
        .into_iter()
        .find(|p| p.name == name)
}

/// The IAM group's OCID by name.
fn group_id(world: &World, name: &str) -> String {
    world
        .snapshot()
        .groups
        .into_iter()
        .find(|g| g.name == name)
        .unwrap()
        .id
}

/// Focuses the selected provider's mappings; the mapping the cursor is on.
fn on_the_mappings(state: &mut AppState, world: &mut World) -> canopy::model::IdpGroupMapping {
    press(state, world, key(KeyCode::Enter));
    state
        .panes
        .federation
        .provider_mappings()
        .unwrap()
        .selected()
        .unwrap()
        .clone()
}

/// Moves the pick list's cursor to the row named `name` (a filter would do the same).
fn pick_row(state: &mut AppState, world: &mut World, name: &str) {
    act(state, world, Action::Filter);
    type_text(state, world, name);
    press(state, world, key(KeyCode::Enter));
}

#[test]
fn federation_loading() {
    let (state, requests, _) = loading_in(PaneId::Federation);
    assert!(kinds(&requests).contains(&RequestKind::Federation(
        FederationRequest::ListProviders {
            filter: canopy::api::ListFilter::default()
        }
    )));
    assert_snapshot!(render(&state));
}

#[test]
fn federation_loaded() {
    let (state, _) = federation();
    let pane = &state.panes.federation;
    assert_eq!(pane.providers.all().len(), 3);
    assert_eq!(pane.selected_provider().unwrap().name, "acme-adfs");
    assert_eq!(pane.provider_mappings().unwrap().all().len(), 7);
    let screen = render(&state);
    // Mappings name the IAM group, not its OCID.
    assert!(screen.contains("NetworkAdmins"), "{screen}");
    assert_snapshot!(screen);
}

#[test]
fn federation_empty() {
    let mut seed = demo();
    seed.identity_providers.clear();
    seed.identity_provider_groups.clear();
    seed.idp_group_mappings.clear();
    let (state, _) = loaded_in(seed, PaneId::Federation);
    assert_snapshot!(render(&state));
}

#[test]
fn federation_failed() {
    let (mut state, _) = federation();
    refresh_failing(&mut state, 404, "NotAuthorizedOrNotFound");
    assert!(matches!(
        state.panes.federation.providers.items,
        Loadable::Failed(_)
    ));
    assert_snapshot!(render(&state));
}

#[test]
fn which_providers_sends_the_api_filters() {
    let (mut state, mut world) = federation();
    press(&mut state, &mut world, key(KeyCode::Char('s')));
    let form = state.ctx.modal.as_mut().unwrap().form_state_mut().unwrap();
    form.fields[1].input.set("DELETED");
    assert_snapshot!("federation_which_providers_form", render(&state));
    let sent = update(&mut state, Action::Select);
    let [RequestKind::Federation(FederationRequest::ListProviders { filter })] = &kinds(&sent)[..]
    else {
        panic!("expected ListIdentityProviders, got {sent:?}");
    };
    assert_eq!(filter.lifecycle_state, Some(LifecycleState::Deleted));
    settle(&mut state, &mut world, sent);
    let names: Vec<&str> = state
        .panes
        .federation
        .providers
        .all()
        .iter()
        .map(|p| p.name.as_str())
        .collect();
    assert_eq!(names, vec!["adfs-pilot"]);
}

#[test]
fn the_groups_a_provider_reports() {
    let (mut state, mut world) = federation();
    press(&mut state, &mut world, key(KeyCode::Char(']')));
    assert_eq!(state.panes.federation.side, SideList::Groups);
    assert_eq!(
        state
            .panes
            .federation
            .provider_groups()
            .unwrap()
            .all()
            .len(),
        8
    );
    let screen = render(&state);
    assert!(screen.contains("Domain Users"), "{screen}");
    assert_snapshot!(screen);
}

#[test]
fn a_provider_is_created_from_pasted_metadata() {
    let (mut state, mut world) = federation();
    press(&mut state, &mut world, key(KeyCode::Char('c')));
    fill(&mut state, &mut world, "name", "partner-sso");
    fill(
        &mut state,
        &mut world,
        "description",
        "Partner single sign-on",
    );
    fill(
        &mut state,
        &mut world,
        "metadataUrl",
        "https://sso.partner.example/metadata",
    );
    fill(
        &mut state,
        &mut world,
        "freeformAttributes",
        "upstreamIdentityProvider=partner",
    );
    fill(
        &mut state,
        &mut world,
        "freeformTags",
        "owner=security-team",
    );
    fill(&mut state, &mut world, "metadata", "");
    act(&mut state, &mut world, Action::Paste(METADATA.into()));
    assert_snapshot!("federation_create_provider_form", render(&state));
    let sent = update(&mut state, Action::Select);
    let [RequestKind::Federation(FederationRequest::CreateProvider { details, metadata })] =
        &kinds(&sent)[..]
    else {
        panic!("expected CreateIdentityProvider, got {sent:?}");
    };
    assert_eq!(details.product_type, "IDCS");
    assert_eq!(details.protocol, "SAML2");
    assert!(matches!(metadata, MetadataSource::Xml(x) if x.contains("X509Certificate")));
    settle(&mut state, &mut world, sent);
    let created = provider_in_emulator(&world, "partner-sso").expect("created");
    assert_eq!(created.redirect_url, "https://sso.partner.example/saml");
    assert_eq!(
        created.freeform_attributes.unwrap()["upstreamIdentityProvider"],
        "partner"
    );
    assert_eq!(
        state.panes.federation.selected_provider().unwrap().name,
        "partner-sso"
    );
    assert!(toast(&state).contains("created identity provider partner-sso"));
}

#[test]
fn a_provider_reads_its_metadata_from_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("metadata.xml");
    std::fs::write(&path, METADATA).unwrap();
    let (mut state, mut world) = federation();
    press(&mut state, &mut world, key(KeyCode::Char('c')));
    fill(&mut state, &mut world, "name", "from-file");
    fill(
        &mut state,
        &mut world,
        "metadataUrl",
        "https://sso.partner.example/metadata",
    );
    fill(
        &mut state,
        &mut world,
        "metadata",
        &format!("{}.missing", path.display()),
    );
    let sent = update(&mut state, Action::Select);
    settle(&mut state, &mut world, sent);
    // A path that is not there: said beside the form, nothing sent, everything kept.
    assert!(
        form_error(&state).contains("cannot read"),
        "{}",
        form_error(&state)
    );
    assert!(provider_in_emulator(&world, "from-file").is_none());
    let form = state.ctx.modal.as_mut().unwrap().form_state_mut().unwrap();
    let field = form
        .fields
        .iter_mut()
        .find(|f| f.name == "metadata")
        .unwrap();
    field.input.set(&path.display().to_string());
    let sent = update(&mut state, Action::Select);
    assert!(matches!(
        &kinds(&sent)[..],
        [RequestKind::Federation(FederationRequest::CreateProvider {
            metadata: MetadataSource::File(_),
            ..
        })]
    ));
    settle(&mut state, &mut world, sent);
    let created = provider_in_emulator(&world, "from-file").expect("created");
    assert_eq!(created.signing_certificate, "MIIBaTCCAQ+gAwIBAgIUQk");
}

#[test]
fn editing_a_provider_reads_it_first_and_sends_its_etag() {
    let (mut state, mut world) = federation();
    let asked = update(&mut state, Action::Edit);
    assert!(matches!(
        &kinds(&asked)[..],
        [RequestKind::Federation(
            FederationRequest::GetProvider { .. }
        )]
    ));
    settle(&mut state, &mut world, asked);
    fill(&mut state, &mut world, "description", " (retiring 2027)");
    assert_snapshot!("federation_edit_provider_form", render(&state));
    let sent = update(&mut state, Action::Select);
    let [
        RequestKind::Federation(FederationRequest::UpdateProvider {
            details,
            metadata,
            etag,
            ..
        }),
    ] = &kinds(&sent)[..]
    else {
        panic!("expected UpdateIdentityProvider, got {sent:?}");
    };
    assert!(etag.is_some(), "conditional on the provider as read");
    assert!(metadata.is_none(), "an empty metadata field keeps it");
    assert!(details.metadata_url.is_none(), "only what changed");
    settle(&mut state, &mut world, sent);
    assert!(
        provider_in_emulator(&world, "acme-adfs")
            .unwrap()
            .description
            .ends_with("(retiring 2027)")
    );
}

#[test]
fn a_provider_with_mappings_is_not_deleted_and_one_without_is() {
    let (mut state, mut world) = federation();
    press(&mut state, &mut world, key(KeyCode::Char('D')));
    type_text(&mut state, &mut world, "acme");
    assert_snapshot!("federation_delete_provider_confirmation", render(&state));
    type_text(&mut state, &mut world, "-adfs");
    let sent = update(&mut state, Action::Select);
    settle(&mut state, &mut world, sent);
    assert!(toast(&state).contains("409"), "{}", toast(&state));
    assert_eq!(
        provider_in_emulator(&world, "acme-adfs")
            .unwrap()
            .lifecycle_state,
        LifecycleState::Active
    );
    // Without its mappings it goes (and stays listed as deleted).
    world.change(|s| {
        let ids: Vec<String> = s
            .idp_group_mappings
            .iter()
            .filter(|m| {
                m.idp_group_name.starts_with("OCI_") || m.idp_group_name.starts_with("IDCS")
            })
            .map(|m| m.id.clone())
            .collect();
        for id in ids {
            s.idp_group_mappings.remove(&id);
        }
    });
    select_provider(&mut state, "OracleIdentityCloudService");
    press(&mut state, &mut world, key(KeyCode::Char('D')));
    type_text(&mut state, &mut world, "OracleIdentityCloudService");
    let sent = update(&mut state, Action::Select);
    settle(&mut state, &mut world, sent);
    assert_eq!(
        provider_in_emulator(&world, "OracleIdentityCloudService")
            .unwrap()
            .lifecycle_state,
        LifecycleState::Deleted
    );
    assert_eq!(
        state
            .panes
            .federation
            .selected_provider()
            .unwrap()
            .lifecycle_state,
        LifecycleState::Deleted,
        "listed again, as deleted"
    );
}

#[test]
fn the_scim_client_secret_is_shown_once_copyable_and_never_logged() {
    let (mut state, mut world) = federation();
    press(&mut state, &mut world, key(KeyCode::Char('S')));
    assert_snapshot!("federation_reset_scim_question", render(&state));
    let sent = update(&mut state, Action::Select);
    assert!(matches!(
        &kinds(&sent)[..],
        [RequestKind::Federation(
            FederationRequest::ResetScimClient { .. }
        )]
    ));
    let answers = responses(&mut world, &sent[0]);
    let Ok(Payload::Secret { owner, secret, .. }) = &answers[0].result else {
        panic!("{answers:?}");
    };
    let (client_id, secret) = (owner.clone(), secret.expose().to_string());
    assert!(!format!("{answers:?}").contains(&secret), "Debug hides it");
    apply_all(&mut state, &mut world, answers);
    let screen = render(&state);
    assert!(
        screen.contains(&secret) && screen.contains(&client_id),
        "{screen}"
    );
    assert_snapshot!(
        "federation_scim_secret",
        screen
            .replace(&secret, &"S".repeat(secret.len()))
            .replace(&client_id, &"C".repeat(client_id.len()))
    );
    // Copy: on the clipboard, and the dialog is still there to copy the client id too.
    let _ = update(&mut state, Action::Select);
    assert!(state.ctx.effects.contains(&Effect::Copy(secret.clone())));
    assert!(toast(&state).contains("copied the client secret"));
    assert!(!toast(&state).contains(&secret));
    let _ = update(&mut state, Action::Down);
    let _ = update(&mut state, Action::Select);
    assert!(state.ctx.effects.contains(&Effect::Copy(client_id)));
    // Closed: gone from the state.
    let _ = update(&mut state, Action::Cancel);
    assert!(state.ctx.modal.is_none());
    state.ctx.effects.clear();
    assert!(!render(&state).contains(&secret));
}

#[test]
fn a_mapping_is_made_by_picking_both_groups() {
    let (mut state, mut world) = federation();
    press(&mut state, &mut world, key(KeyCode::Enter));
    assert_eq!(state.panes.federation.focus, FederationFocus::Side);
    press(&mut state, &mut world, key(KeyCode::Char('c')));
    assert_eq!(state.panes.federation.focus, FederationFocus::Pick);
    assert_snapshot!("federation_pick_provider_group", render(&state));
    pick_row(&mut state, &mut world, "Domain Users");
    press(&mut state, &mut world, key(KeyCode::Enter));
    assert_snapshot!("federation_pick_group", render(&state));
    pick_row(&mut state, &mut world, "ReadOnly");
    let sent = update(&mut state, Action::Select);
    let [RequestKind::Federation(FederationRequest::CreateMapping { details, .. })] =
        &kinds(&sent)[..]
    else {
        panic!("expected CreateIdpGroupMapping, got {sent:?}");
    };
    assert_eq!(details.idp_group_name, "Domain Users");
    assert_eq!(details.group_id, group_id(&world, "ReadOnly"));
    settle(&mut state, &mut world, sent);
    assert!(
        world
            .snapshot()
            .idp_group_mappings
            .iter()
            .any(|m| m.idp_group_name == "Domain Users")
    );
    let pane = &state.panes.federation;
    assert_eq!(pane.focus, FederationFocus::Side);
    assert_eq!(pane.provider_mappings().unwrap().all().len(), 8);
    assert!(
        !pane.iam_groups.filter.is_active(),
        "the pick lists are unfiltered for next time"
    );
}

#[test]
fn changing_a_mapping_reads_it_and_starts_on_its_groups() {
    let (mut state, mut world) = federation();
    let mapping = on_the_mappings(&mut state, &mut world);
    let asked = update(&mut state, Action::Edit);
    assert!(matches!(
        &kinds(&asked)[..],
        [RequestKind::Federation(
            FederationRequest::GetMapping { .. }
        )]
    ));
    settle(&mut state, &mut world, asked);
    let pane = &state.panes.federation;
    assert_eq!(pane.focus, FederationFocus::Pick);
    assert_eq!(
        pane.provider_groups().unwrap().selected().unwrap().name,
        mapping.idp_group_name,
        "the pick starts on the current provider group"
    );
    press(&mut state, &mut world, key(KeyCode::Enter));
    assert_eq!(
        state.panes.federation.iam_groups.selected().unwrap().id,
        mapping.group_id
    );
    pick_row(&mut state, &mut world, "Contractors");
    let sent = update(&mut state, Action::Select);
    let [RequestKind::Federation(FederationRequest::UpdateMapping { details, etag, .. })] =
        &kinds(&sent)[..]
    else {
        panic!("expected UpdateIdpGroupMapping, got {sent:?}");
    };
    assert!(etag.is_some());
    assert!(details.idp_group_name.is_none(), "only what changed");
    settle(&mut state, &mut world, sent);
    let now = world
        .snapshot()
        .idp_group_mappings
        .into_iter()
        .find(|m| m.id == mapping.id)
        .unwrap();
    assert_eq!(now.group_id, group_id(&world, "Contractors"));
}

#[test]
fn deleting_a_mapping_needs_the_provider_group_typed() {
    let (mut state, mut world) = federation();
    let mapping = on_the_mappings(&mut state, &mut world);
    press(&mut state, &mut world, key(KeyCode::Char('D')));
    assert_snapshot!("federation_delete_mapping_confirmation", render(&state));
    type_text(&mut state, &mut world, &mapping.idp_group_name);
    let sent = update(&mut state, Action::Select);
    settle(&mut state, &mut world, sent);
    assert!(
        world
            .snapshot()
            .idp_group_mappings
            .iter()
            .all(|m| m.id != mapping.id)
    );
    assert!(
        state
            .panes
            .federation
            .provider_mappings()
            .unwrap()
            .find(&mapping.id)
            .is_none()
    );
}

#[test]
fn a_provider_that_reports_no_groups_has_the_group_name_typed() {
    let mut seed = demo();
    let idcs = seed
        .identity_providers
        .iter()
        .find(|p| p.product_type == "IDCS")
        .unwrap()
        .id
        .clone();
    seed.identity_provider_groups
        .retain(|g| g.identity_provider_id != idcs);
    let (mut state, mut world) = loaded_in(seed, PaneId::Federation);
    select_provider(&mut state, "OracleIdentityCloudService");
    act(&mut state, &mut world, Action::Refresh);
    press(&mut state, &mut world, key(KeyCode::Enter));
    press(&mut state, &mut world, key(KeyCode::Char('c')));
    type_text(&mut state, &mut world, "IDCS_Auditors");
    assert_snapshot!("federation_provider_group_typed", render(&state));
    press(&mut state, &mut world, key(KeyCode::Enter));
    assert_eq!(state.panes.federation.focus, FederationFocus::Pick);
    pick_row(&mut state, &mut world, "SecurityAuditors");
    let sent = update(&mut state, Action::Select);
    settle(&mut state, &mut world, sent);
    assert!(
        world
            .snapshot()
            .idp_group_mappings
            .iter()
            .any(|m| m.idp_group_name == "IDCS_Auditors" && m.idp_id == idcs)
    );
}

#[test]
fn a_group_names_the_provider_groups_mapped_into_it() {
    let (mut state, mut world) = loaded(false);
    act(&mut state, &mut world, Action::Command("grp".into()));
    assert!(state.panes.identity.federated.is_loaded());
    let admins = state
        .panes
        .identity
        .groups
        .all()
        .iter()
        .find(|g| g.name == "Administrators")
        .unwrap()
        .id
        .clone();
    assert!(state.panes.identity.groups.select(&admins));
    assert_eq!(
        state.panes.identity.mapped_into(&admins),
        vec![(
            "OracleIdentityCloudService".to_string(),
            "OCI_Administrators".to_string()
        )]
    );
    let screen = super::harness::render_size(&state, 120, 30);
    assert!(
        screen.contains("OCI_Administrators via OracleIdentityCloudService"),
        "{screen}"
    );
}
