//! The Domains pane: snapshots of its states and dialogs, and every identity-domain operation
//! through the real worker and emulator, each change followed to the end of its IAM work
//! request.

use std::time::Duration;

use canopy::app::request::{DomainChange, DomainRequest};
use canopy::app::worker::Sandbox;
use canopy::app::{
    Action, AppState, Loadable, PaneId, Payload, RequestKind, apply_response, update,
};
use canopy::model::{DomainType, LifecycleState, WorkRequestStatus};
use crossterm::event::KeyCode;
use insta::assert_snapshot;

use super::domains_kit::{apply_all, field_value, fill, responses, toast};
use super::harness::{World, act, demo, fresh, key, press, settle, type_text};
use super::pane_kit::{form, form_error, kinds, loaded_in, loading_in, refresh_failing};

/// The screen, the emulator's port (in domain URLs, new on every run) made fixed.
fn render(state: &AppState) -> String {
    let re = regex::Regex::new(r"127\.0\.0\.1:\d+").expect("a regex");
    re.replace_all(&super::harness::render(state), "127.0.0.1:PORT")
        .into_owned()
}

fn domains_in(world: World) -> (AppState, World) {
    let mut world = world;
    let (mut state, requests) = fresh(&world, false);
    settle(&mut state, &mut world, requests);
    act(&mut state, &mut world, Action::Go(PaneId::Domains));
    (state, world)
}

/// The demo tenancy with the Domains pane open; work requests finish at once.
fn domains() -> (AppState, World) {
    domains_in(super::harness::world(demo()))
}

/// Selects the domain with this display name.
fn select(state: &mut AppState, name: &str) {
    let list = &mut state.panes.domains.domains;
    let id = list
        .all()
        .iter()
        .find(|d| d.display_name == name)
        .unwrap_or_else(|| panic!("no domain {name}"))
        .id
        .clone();
    assert!(list.select(&id));
}

fn domain_in_emulator(world: &World, name: &str) -> Option<canopy::model::Domain> {
    world
        .snapshot()
        .domains
        .into_iter()
        .find(|d| d.display_name == name)
}

#[test]
fn domains_loading() {
    let (state, requests, _) = loading_in(PaneId::Domains);
    assert!(
        kinds(&requests).iter().any(|k| matches!(
            k,
            RequestKind::Domains(DomainRequest::LicenseTypes { current: None })
        )),
        "{requests:?}"
    );
    assert_snapshot!(render(&state));
}

#[test]
fn domains_loaded() {
    let (state, _) = domains();
    // Domains live in any compartment: the tenancy's and the one in a sub-compartment.
    let names: Vec<&str> = state
        .panes
        .domains
        .domains
        .all()
        .iter()
        .map(|d| d.display_name.as_str())
        .collect();
    assert_eq!(names.len(), 3, "{names:?}");
    assert!(names.contains(&"Legacy-Apps"));
    let screen = render(&state);
    assert!(screen.contains("Home region us-ashburn-1"), "{screen}");
    assert!(screen.contains("us-phoenix-1 (enabled)"), "{screen}");
    assert_snapshot!(screen);
}

#[test]
fn domains_empty() {
    let mut seed = demo();
    seed.domains.clear();
    let (state, _) = loaded_in(seed, PaneId::Domains);
    assert_snapshot!(render(&state));
}

#[test]
fn domains_failed() {
    let (mut state, _) = domains();
    refresh_failing(&mut state, 500, "InternalServerError");
    assert!(matches!(
        state.panes.domains.domains.items,
        Loadable::Failed(_)
    ));
    assert_snapshot!(render(&state));
}

#[test]
fn which_domains_sends_the_api_filters() {
    let (mut state, mut world) = domains();
    press(&mut state, &mut world, key(KeyCode::Char('s')));
    assert_snapshot!("domains_which_domains_form", render(&state));
    // Only the tenancy itself, secondary domains, premium-free ones only.
    let form = state.ctx.modal.as_mut().unwrap().form_state_mut().unwrap();
    for (name, value) in [
        ("below", "no"),
        ("type", "SECONDARY"),
        ("lifecycleState", "ACTIVE"),
        ("sortBy", "NAME"),
    ] {
        let field = form.fields.iter_mut().find(|f| f.name == name).unwrap();
        field.input.set(value);
    }
    let sent = update(&mut state, Action::Select);
    let [
        RequestKind::Domains(DomainRequest::List {
            compartment_ids,
            query,
        }),
    ] = &kinds(&sent)[..]
    else {
        panic!("expected ListDomains, got {sent:?}");
    };
    assert_eq!(compartment_ids, &vec![world.tenancy_id.clone()]);
    assert_eq!(query.domain_type, Some(DomainType::Secondary));
    assert_eq!(query.filter.lifecycle_state, Some(LifecycleState::Active));
    settle(&mut state, &mut world, sent);
    let listed: Vec<String> = state
        .panes
        .domains
        .domains
        .all()
        .iter()
        .map(|d| d.display_name.clone())
        .collect();
    assert_eq!(listed, vec!["Partners".to_string()]);
    let screen = render(&state);
    assert!(screen.contains("type SECONDARY"), "{screen}");
}

#[test]
fn a_domain_is_created_and_its_work_request_followed() {
    let (mut state, mut world) = domains();
    press(&mut state, &mut world, key(KeyCode::Char('c')));
    fill(&mut state, &mut world, "displayName", "Contractors");
    fill(
        &mut state,
        &mut world,
        "description",
        "Contractor identities",
    );
    fill(&mut state, &mut world, "adminUserName", "contractor-admin");
    fill(
        &mut state,
        &mut world,
        "adminEmail",
        "admin@contractors.example",
    );
    fill(
        &mut state,
        &mut world,
        "freeformTags",
        "owner=security-team",
    );
    assert_eq!(field_value(&state, "homeRegion"), "us-ashburn-1");
    assert_eq!(field_value(&state, "licenseType"), "free");
    assert_snapshot!("domains_create_form", render(&state));
    let sent = update(&mut state, Action::Select);
    let [RequestKind::Domains(DomainRequest::Create(details))] = &kinds(&sent)[..] else {
        panic!("expected CreateDomain, got {sent:?}");
    };
    assert_eq!(details.compartment_id, world.tenancy_id);
    assert_eq!(details.admin_user_name.as_deref(), Some("contractor-admin"));
    assert_eq!(
        details.freeform_tags.as_ref().unwrap()["owner"],
        "security-team"
    );
    settle(&mut state, &mut world, sent);
    let created = domain_in_emulator(&world, "Contractors").expect("created");
    assert_eq!(created.lifecycle_state, LifecycleState::Active);
    assert!(state.ctx.modal.is_none(), "the form closed");
    assert!(state.panes.domains.work.is_empty());
    assert!(
        state.panes.domains.domains.find(&created.id).is_some(),
        "the list was read again"
    );
    assert!(toast(&state).contains("created domain Contractors"));
}

#[test]
fn a_failed_create_shows_the_work_request_errors_beside_the_form() {
    let (mut state, mut world) = domains();
    press(&mut state, &mut world, key(KeyCode::Char('c')));
    fill(&mut state, &mut world, "displayName", "Bounces");
    fill(&mut state, &mut world, "adminUserName", "bounce-admin");
    fill(
        &mut state,
        &mut world,
        "adminEmail",
        "admin@bounces.invalid",
    );
    let sent = update(&mut state, Action::Select);
    settle(&mut state, &mut world, sent);
    let error = form_error(&state);
    assert!(error.contains("FAILED"), "{error}");
    assert!(domain_in_emulator(&world, "Bounces").is_none());
    // What was typed is still there.
    assert_eq!(field_value(&state, "displayName"), "Bounces");
}

#[test]
fn the_services_refusal_shows_beside_the_field_it_names() {
    let (mut state, mut world) = domains();
    press(&mut state, &mut world, key(KeyCode::Char('c')));
    fill(&mut state, &mut world, "displayName", "Half-Done");
    fill(&mut state, &mut world, "adminUserName", "someone");
    let sent = update(&mut state, Action::Select);
    settle(&mut state, &mut world, sent);
    let email = form(&state)
        .fields
        .iter()
        .find(|f| f.name == "adminEmail")
        .unwrap();
    let error = email.error.clone().unwrap_or_default();
    assert!(error.contains("adminEmail is required"), "{error}");
}

#[test]
fn editing_a_domain_sends_only_what_changed() {
    let (mut state, mut world) = domains();
    select(&mut state, "Partners");
    press(&mut state, &mut world, key(KeyCode::Char('e')));
    assert_eq!(form(&state).fields[0].input.text(), "Partners");
    fill(&mut state, &mut world, "description", " and suppliers");
    assert_snapshot!("domains_edit_form", render(&state));
    let sent = update(&mut state, Action::Select);
    let [RequestKind::Domains(DomainRequest::Change { change, seen, .. })] = &kinds(&sent)[..]
    else {
        panic!("expected UpdateDomain, got {sent:?}");
    };
    let DomainChange::Update(details) = change else {
        panic!("{change:?}");
    };
    assert!(details.display_name.is_none() && details.freeform_tags.is_none());
    assert!(
        details
            .description
            .as_deref()
            .unwrap()
            .ends_with("and suppliers")
    );
    assert_eq!(seen.as_ref().unwrap().display_name, "Partners");
    settle(&mut state, &mut world, sent);
    assert!(
        domain_in_emulator(&world, "Partners")
            .unwrap()
            .description
            .ends_with("and suppliers")
    );
    assert!(
        state
            .panes
            .domains
            .selected()
            .unwrap()
            .description
            .ends_with("and suppliers"),
        "the domain was read again"
    );
}

#[test]
fn deactivate_and_activate_follow_their_work_requests() {
    // Work requests take a moment, so progress shows before the end.
    let world = Sandbox::with(demo(), Duration::from_millis(60));
    let (mut state, mut world) = domains_in(world);
    select(&mut state, "Partners");
    press(&mut state, &mut world, key(KeyCode::Char('t')));
    assert_snapshot!("domains_deactivate_question", render(&state));
    let sent = update(&mut state, Action::Select);
    assert!(matches!(
        &kinds(&sent)[..],
        [RequestKind::Domains(DomainRequest::Change {
            change: DomainChange::Deactivate,
            ..
        })]
    ));
    let answers = responses(&mut world, &sent[0]);
    assert!(answers.len() >= 2, "progress before the end: {answers:?}");
    let done = answers.last().unwrap().clone();
    let Ok(Payload::WorkRequest(last)) = &done.result else {
        panic!("{done:?}");
    };
    assert_eq!(last.status, WorkRequestStatus::Succeeded);
    // How progress shows (the worker's own answers came at times of their own).
    let mut running = last.clone();
    running.status = WorkRequestStatus::InProgress;
    running.percent_complete = Some(40.0);
    let _ = apply_response(
        &mut state,
        canopy::app::Response {
            done: false,
            result: Ok(Payload::WorkRequest(running)),
            ..done.clone()
        },
    );
    let screen = render(&state);
    assert!(
        screen.contains("⟳ deactivating domain Partners: IN_PROGRESS 40%"),
        "{screen}"
    );
    assert_snapshot!("domains_deactivate_in_progress", screen);
    apply_all(&mut state, &mut world, answers);
    assert!(state.panes.domains.work.is_empty());
    assert!(toast(&state).contains("deactivated domain Partners"));
    assert_eq!(
        state.panes.domains.selected().unwrap().lifecycle_state,
        LifecycleState::Inactive
    );
    assert_eq!(
        domain_in_emulator(&world, "Partners")
            .unwrap()
            .lifecycle_state,
        LifecycleState::Inactive
    );
    // And back.
    press(&mut state, &mut world, key(KeyCode::Char('t')));
    assert!(render(&state).contains("Activate domain Partners?"));
    let sent = update(&mut state, Action::Select);
    settle(&mut state, &mut world, sent);
    assert_eq!(
        domain_in_emulator(&world, "Partners")
            .unwrap()
            .lifecycle_state,
        LifecycleState::Active
    );
    assert!(toast(&state).contains("activated domain Partners"));
}

#[test]
fn enter_shows_the_domain_read_afresh() {
    let (mut state, mut world) = domains();
    select(&mut state, "Partners");
    // Changed in the service since it was listed: the dialog shows it as it is now.
    world.change(|store| {
        let d = store
            .domains
            .iter_mut()
            .find(|d| d.display_name == "Partners")
            .unwrap();
        d.description = "Suppliers only".into();
    });
    let asked = update(&mut state, Action::Select);
    assert!(matches!(
        &kinds(&asked)[..],
        [RequestKind::Domains(DomainRequest::Get { .. })]
    ));
    settle(&mut state, &mut world, asked);
    let screen = render(&state);
    assert!(screen.contains("Domain Partners"), "{screen}");
    assert!(screen.contains("Suppliers only"), "{screen}");
    assert_snapshot!("domains_detail_dialog", screen);
    assert_eq!(
        state.panes.domains.selected().unwrap().description,
        "Suppliers only"
    );
}

#[test]
fn the_default_domain_is_neither_deactivated_nor_deleted() {
    let (mut state, mut world) = domains();
    select(&mut state, "Default");
    for k in ['t', 'D', 'R'] {
        press(&mut state, &mut world, key(KeyCode::Char(k)));
        assert!(state.ctx.modal.is_none(), "{k} opened a dialog");
        assert!(
            toast(&state).contains("Default domain"),
            "{}",
            toast(&state)
        );
    }
}

#[test]
fn moving_a_domain_changes_its_compartment() {
    let (mut state, mut world) = domains();
    select(&mut state, "Partners");
    press(&mut state, &mut world, key(KeyCode::Char('m')));
    assert_snapshot!("domains_move_form", render(&state));
    let form = state.ctx.modal.as_mut().unwrap().form_state_mut().unwrap();
    form.fields[0].input.set("Prod");
    let sent = update(&mut state, Action::Select);
    settle(&mut state, &mut world, sent);
    let prod = state
        .ctx
        .compartments
        .data()
        .unwrap()
        .iter()
        .find(|c| c.name == "Prod")
        .unwrap()
        .id
        .clone();
    assert_eq!(
        domain_in_emulator(&world, "Partners")
            .unwrap()
            .compartment_id,
        prod
    );
    assert!(
        toast(&state).contains("moved to acme-corp/Prod"),
        "{}",
        toast(&state)
    );
}

#[test]
fn changing_the_license_offers_the_allowed_types() {
    let (mut state, mut world) = domains();
    select(&mut state, "Partners");
    let asked = update(&mut state, Action::ChangeLicense);
    assert_eq!(
        kinds(&asked),
        vec![RequestKind::Domains(DomainRequest::LicenseTypes {
            current: Some("external-user".into())
        })]
    );
    settle(&mut state, &mut world, asked);
    let screen = render(&state);
    assert!(screen.contains("premium"), "{screen}");
    assert_snapshot!("domains_license_choice", screen);
    let sent = update(&mut state, Action::Select);
    settle(&mut state, &mut world, sent);
    assert_eq!(
        domain_in_emulator(&world, "Partners").unwrap().license_type,
        "premium"
    );
    assert_eq!(
        state.panes.domains.selected().unwrap().license_type,
        "premium"
    );
}

#[test]
fn replicating_offers_the_subscribed_regions() {
    let (mut state, mut world) = domains();
    select(&mut state, "Partners");
    press(&mut state, &mut world, key(KeyCode::Char('R')));
    let screen = render(&state);
    assert!(screen.contains("us-phoenix-1"), "{screen}");
    assert_snapshot!("domains_replicate_choice", screen);
    let sent = update(&mut state, Action::Select);
    settle(&mut state, &mut world, sent);
    let replicas = domain_in_emulator(&world, "Partners")
        .unwrap()
        .replica_regions;
    assert_eq!(replicas.len(), 1);
    assert_eq!(replicas[0].region, "us-phoenix-1");
    assert!(render(&state).contains("us-phoenix-1 (enabled)"));
}

#[test]
fn deleting_an_inactive_domain_needs_its_name() {
    let (mut state, mut world) = domains();
    select(&mut state, "Partners");
    press(&mut state, &mut world, key(KeyCode::Char('D')));
    assert!(
        toast(&state).contains("deactivate it first"),
        "{}",
        toast(&state)
    );
    select(&mut state, "Legacy-Apps");
    press(&mut state, &mut world, key(KeyCode::Char('D')));
    type_text(&mut state, &mut world, "Legacy");
    assert_snapshot!("domains_delete_confirmation", render(&state));
    assert!(update(&mut state, Action::Select).is_empty());
    type_text(&mut state, &mut world, "-Apps");
    let sent = update(&mut state, Action::Select);
    settle(&mut state, &mut world, sent);
    assert!(domain_in_emulator(&world, "Legacy-Apps").is_none());
    assert!(
        state
            .panes
            .domains
            .domains
            .all()
            .iter()
            .all(|d| d.display_name != "Legacy-Apps")
    );
    assert!(toast(&state).contains("deleted domain Legacy-Apps"));
}

#[test]
fn a_change_is_refused_when_the_domain_changed_since_listed() {
    let (mut state, mut world) = domains();
    select(&mut state, "Partners");
    // Someone else renames it meanwhile.
    world.change(|store| {
        let d = store
            .domains
            .iter_mut()
            .find(|d| d.display_name == "Partners")
            .unwrap();
        d.display_name = "Partners-2".into();
    });
    press(&mut state, &mut world, key(KeyCode::Char('t')));
    let sent = update(&mut state, Action::Select);
    settle(&mut state, &mut world, sent);
    assert!(
        toast(&state).contains("changed since it was listed"),
        "{}",
        toast(&state)
    );
    assert_eq!(
        domain_in_emulator(&world, "Partners-2")
            .unwrap()
            .lifecycle_state,
        LifecycleState::Active
    );
}

#[test]
fn read_only_hides_the_domain_changes() {
    let mut world = super::harness::world(demo());
    let (mut state, requests) = fresh(&world, true);
    settle(&mut state, &mut world, requests);
    act(&mut state, &mut world, Action::Go(PaneId::Domains));
    let screen = render(&state);
    assert!(!screen.contains("new domain"), "{screen}");
    assert!(update(&mut state, Action::Activate).is_empty());
    assert!(toast(&state).contains("read-only"));
}
