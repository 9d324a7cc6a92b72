//! The `:` prompt with arguments: `:pol Prod:AppTier`, `:cmp Prod/AppTier`, `:usr marcus`,
//! `:audit Prod`, an OCID pasted on its own (jumping to its resource, once its list loads),
//! Tab completion of commands, paths and names, and Up for the commands run before.

use canopy::app::state::Prompt;
use canopy::app::{Action, AppState, PaneId, update};
use crossterm::event::KeyCode;

use super::harness::{World, act, fresh, key, loaded, press, settle, type_text, world};
use super::pane_kit::{enter, toast};

const MARCUS: &str = "ocid1.user.oc1..aaaaaaaaqlevilrfqfyiaesgmoymlmrsdnnpiu2egluou72iygicxawsxjfa";
const NETWORK_ADMINS: &str =
    "ocid1.group.oc1..aaaaaaaawp7b2z6kid6rv3u6gv5lmzglaum2b5cmxmwa7v53a5h3elpdpaza";

/// Opens the palette, types `line` and runs it.
fn palette(state: &mut AppState, world: &mut World, line: &str) {
    act(state, world, Action::Palette);
    type_text(state, world, line);
    enter(state, world);
}

/// The palette's input as typed so far.
fn typed(state: &AppState) -> String {
    match &state.prompt {
        Some(Prompt::Palette { input, .. }) => input.text().to_string(),
        other => panic!("the palette should be open: {other:?}"),
    }
}

fn candidates(state: &AppState) -> Vec<String> {
    match &state.prompt {
        Some(Prompt::Palette { candidates, .. }) => candidates.clone(),
        _ => Vec::new(),
    }
}

#[test]
fn pol_with_a_path_scopes_the_policies_to_it() {
    let (mut state, mut world) = loaded(false);
    palette(&mut state, &mut world, "pol Prod:AppTier");
    assert_eq!(state.active, PaneId::Policies);
    let scope = state.panes.policies.scope().expect("scoped").to_string();
    assert_eq!(state.ctx.compartment_path(&scope), "acme-corp/Prod/AppTier");
    // A path that does not exist says so and changes nothing.
    palette(&mut state, &mut world, "pol Nowhere");
    assert!(
        toast(&state).contains("no active compartment at 'Nowhere'"),
        "{}",
        toast(&state)
    );
    assert_eq!(state.panes.policies.scope(), Some(scope.as_str()));
}

#[test]
fn cmp_and_audit_take_a_path() {
    let (mut state, mut world) = loaded(false);
    act(&mut state, &mut world, Action::Go(PaneId::Identity));
    palette(&mut state, &mut world, "cmp Prod/AppTier/Web");
    assert_eq!(state.active, PaneId::Compartments);
    let id = state.panes.compartments.selected_id().unwrap().to_string();
    assert_eq!(
        state.ctx.compartment_path(&id),
        "acme-corp/Prod/AppTier/Web"
    );
    palette(&mut state, &mut world, "audit Prod");
    assert!(state.audit.is_some(), "the audit view of Prod is open");
}

#[test]
fn usr_with_a_name_filters_the_users() {
    let (mut state, mut world) = loaded(false);
    palette(&mut state, &mut world, "usr marcus");
    assert_eq!(state.active, PaneId::Identity);
    settle(&mut state, &mut world, Vec::new());
    let users = &state.panes.identity.users;
    assert_eq!(users.visible().len(), 1);
    assert_eq!(users.selected_id(), Some(MARCUS));
}

#[test]
fn a_pasted_ocid_jumps_to_its_resource_once_the_list_loads() {
    // Nothing of the Identity pane is loaded yet: the selection waits for the listing.
    let mut world = world(super::harness::demo());
    let (mut state, requests) = fresh(&world, false);
    settle(&mut state, &mut world, requests);
    let mut sent = update(&mut state, Action::Palette);
    for c in NETWORK_ADMINS.chars() {
        sent.extend(update(&mut state, Action::Input(key(KeyCode::Char(c)))));
    }
    sent.extend(update(&mut state, Action::Select));
    assert_eq!(state.active, PaneId::Identity);
    settle(&mut state, &mut world, sent);
    assert_eq!(
        state.panes.identity.groups.selected_id(),
        Some(NETWORK_ADMINS)
    );
    // `:ocid` says the same; a kind canopy does not list is named.
    palette(&mut state, &mut world, &format!("ocid {MARCUS}"));
    assert_eq!(state.panes.identity.users.selected_id(), Some(MARCUS));
    palette(
        &mut state,
        &mut world,
        "ocid1.instance.oc1.iad.aaaaaaaaweb1",
    );
    assert!(
        toast(&state).contains("type `instance`"),
        "{}",
        toast(&state)
    );
}

#[test]
fn tab_completes_commands_paths_and_names_and_up_recalls() {
    let (mut state, mut world) = loaded(false);
    act(&mut state, &mut world, Action::Palette);
    type_text(&mut state, &mut world, "dom");
    press(&mut state, &mut world, key(KeyCode::Tab));
    assert_eq!(typed(&state), "dom", "dom, domain, domains share `dom`");
    assert_eq!(candidates(&state), vec!["dom", "domain", "domains"]);
    type_text(&mut state, &mut world, "ains");
    press(&mut state, &mut world, key(KeyCode::Tab));
    assert_eq!(typed(&state), "domains ");
    act(&mut state, &mut world, Action::Back);

    act(&mut state, &mut world, Action::Palette);
    type_text(&mut state, &mut world, "pol prod:app");
    press(&mut state, &mut world, key(KeyCode::Tab));
    assert_eq!(typed(&state), "pol Prod/AppTier");
    assert!(candidates(&state).contains(&"Prod/AppTier/Web".to_string()));
    enter(&mut state, &mut world);
    assert_eq!(state.active, PaneId::Policies);

    act(&mut state, &mut world, Action::Go(PaneId::Identity));
    act(&mut state, &mut world, Action::Palette);
    type_text(&mut state, &mut world, "usr marc");
    press(&mut state, &mut world, key(KeyCode::Tab));
    assert_eq!(typed(&state), "usr marcus.webb@acme-corp.com");
    act(&mut state, &mut world, Action::Back);

    act(&mut state, &mut world, Action::Palette);
    press(&mut state, &mut world, key(KeyCode::Up));
    assert_eq!(typed(&state), "pol Prod/AppTier", "the last command run");
}
