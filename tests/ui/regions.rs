//! The Regions pane: region subscriptions (a new one followed until READY), every region,
//! availability and fault domains; and the home region, where Identity writes go, with a
//! profile in another region.

use std::time::Duration;

use canopy::app::panes::regions::RegionsTab;
use canopy::app::request::{DomainChange, DomainRequest, TenancyRequest};
use canopy::app::worker::Sandbox;
use canopy::app::{
    Action, AppState, Loadable, PaneId, Payload, RequestKind, apply_response, update,
};
use canopy::model::{LifecycleState, RegionSubscription};
use crossterm::event::KeyCode;
use insta::assert_snapshot;

use super::domains_kit::{apply_all, responses, toast};
use super::harness::{World, act, demo, fresh, key, loaded, press, render, settle, type_text};
use super::pane_kit::{form_error, kinds, refresh_failing};

fn regions() -> (AppState, World) {
    let (mut state, mut world) = loaded(false);
    act(&mut state, &mut world, Action::Go(PaneId::Regions));
    (state, world)
}

fn tab(state: &mut AppState, world: &mut World) {
    press(state, world, key(KeyCode::Char(']')));
}

fn subscription(world: &World, key: &str) -> Option<RegionSubscription> {
    world
        .snapshot()
        .region_subscriptions
        .into_iter()
        .find(|s| s.region_key == key)
}

#[test]
fn every_region_with_the_tenancys_subscriptions() {
    let (mut state, mut world) = regions();
    let before = update(&mut state, Action::NextTab);
    assert!(kinds(&before).contains(&RequestKind::Tenancy(TenancyRequest::ListRegions)));
    settle(&mut state, &mut world, before);
    assert_eq!(state.panes.regions.tab, RegionsTab::AllRegions);
    let iad = state.panes.regions.regions.find("IAD").unwrap();
    assert_eq!(iad.status.as_deref(), Some("READY"));
    assert!(iad.is_home_region);
    assert!(
        state
            .panes
            .regions
            .regions
            .find("SJC")
            .unwrap()
            .status
            .is_none()
    );
    assert_snapshot!("regions_all_regions", render(&state));
}

#[test]
fn availability_domains_with_their_fault_domains() {
    let (mut state, mut world) = regions();
    tab(&mut state, &mut world);
    tab(&mut state, &mut world);
    assert_eq!(state.panes.regions.tab, RegionsTab::AvailabilityDomains);
    let ads = state.panes.regions.availability_domains.all().len();
    assert!(ads >= 1);
    let fds = state.panes.regions.selected_fault_domains().unwrap();
    assert_eq!(fds.all().len(), 3, "FAULT-DOMAIN-1..3");
    press(&mut state, &mut world, key(KeyCode::Enter));
    assert!(state.panes.regions.on_fault_domains);
    assert_snapshot!("regions_fault_domains", render(&state));
    // Another availability domain: its own fault domains are listed.
    act(&mut state, &mut world, Action::Back);
    act(&mut state, &mut world, Action::Down);
    if ads > 1 {
        let ad = state
            .panes
            .regions
            .availability_domains
            .selected()
            .unwrap()
            .name
            .clone();
        assert!(state.panes.regions.fault_domains.contains_key(&ad));
    }
}

#[test]
fn regions_failed() {
    let (mut state, _) = regions();
    refresh_failing(&mut state, 500, "InternalServerError");
    assert!(matches!(
        state.panes.regions.subscriptions.items,
        Loadable::Failed(_)
    ));
    assert_snapshot!(render(&state));
}

#[test]
fn subscribing_to_a_region_is_followed_until_ready() {
    let world = Sandbox::with(demo(), Duration::from_millis(60));
    let mut world = world;
    let (mut state, requests) = fresh(&world, false);
    settle(&mut state, &mut world, requests);
    act(&mut state, &mut world, Action::Go(PaneId::Regions));
    tab(&mut state, &mut world);
    act(&mut state, &mut world, Action::Filter);
    type_text(&mut state, &mut world, "sanjose");
    press(&mut state, &mut world, key(KeyCode::Enter));
    press(&mut state, &mut world, key(KeyCode::Char('c')));
    assert_snapshot!("regions_subscribe_question", render(&state));
    let sent = update(&mut state, Action::Select);
    assert_eq!(
        kinds(&sent),
        vec![RequestKind::Tenancy(TenancyRequest::SubscribeRegion {
            region_key: "SJC".into()
        })]
    );
    let answers = responses(&mut world, &sent[0]);
    assert!(answers.len() >= 2, "IN_PROGRESS before READY: {answers:?}");
    let first = answers[0].clone();
    let _ = apply_response(&mut state, first);
    let screen = render(&state);
    assert!(
        screen.contains("⟳ subscribing to us-sanjose-1: IN_PROGRESS"),
        "{screen}"
    );
    assert_snapshot!("regions_subscribing", screen);
    apply_all(&mut state, &mut world, answers[1..].to_vec());
    assert_eq!(subscription(&world, "SJC").unwrap().status, "READY");
    assert!(state.panes.regions.work.is_empty());
    assert_eq!(
        state
            .panes
            .regions
            .regions
            .find("SJC")
            .unwrap()
            .status
            .as_deref(),
        Some("READY")
    );
    assert!(toast(&state).contains("subscribed to us-sanjose-1"));
}

#[test]
fn subscribing_by_key_checks_the_region() {
    let (mut state, mut world) = regions();
    // The list of every region is what a typed key is checked against.
    tab(&mut state, &mut world);
    press(&mut state, &mut world, key(KeyCode::Char('['))); // back to subscriptions
    press(&mut state, &mut world, key(KeyCode::Char('c')));
    type_text(&mut state, &mut world, "phx");
    assert!(update(&mut state, Action::Select).is_empty());
    assert!(
        form_error(&state).contains("already subscribed"),
        "{}",
        form_error(&state)
    );
    let form = state.ctx.modal.as_mut().unwrap().form_state_mut().unwrap();
    form.fields[0].input.set("nowhere-1");
    assert!(update(&mut state, Action::Select).is_empty());
    assert!(form_error(&state).contains("no region nowhere-1"));
    assert_snapshot!("regions_subscribe_form", render(&state));
    let form = state.ctx.modal.as_mut().unwrap().form_state_mut().unwrap();
    form.fields[0].input.set("eu-frankfurt-1");
    let sent = update(&mut state, Action::Select);
    settle(&mut state, &mut world, sent);
    assert_eq!(subscription(&world, "FRA").unwrap().status, "READY");
    assert!(state.ctx.modal.is_none());
}

/// A profile whose region is not the tenancy's home region.
fn in_phoenix() -> (AppState, World) {
    let mut world = Sandbox::in_region(demo(), "us-phoenix-1", Duration::ZERO);
    let (mut state, requests) = fresh(&world, false);
    state.ctx.session.region = "us-phoenix-1".into();
    settle(&mut state, &mut world, requests);
    (state, world)
}

#[test]
fn writes_go_to_the_home_region_and_the_screen_says_so() {
    let (mut state, mut world) = in_phoenix();
    let home = state
        .ctx
        .home_region
        .clone()
        .expect("the home region is known");
    assert_eq!(home.region, "us-ashburn-1");
    assert!(home.redirected);
    assert_eq!(world.client.home_region(), Some(home));
    let screen = render(&state);
    assert!(
        screen.contains("us-phoenix-1 │ writes go to us-ashburn-1 (home)"),
        "{screen}"
    );
    assert!(toast(&state).contains("writes go to the home region us-ashburn-1"));
    act(&mut state, &mut world, Action::Go(PaneId::Regions));
    let screen = render(&state);
    assert!(
        screen.contains("Identity writes go there, reads to us-phoenix-1"),
        "{screen}"
    );
    assert_snapshot!("regions_home_region_elsewhere", screen);
    // An IAM write from here: deactivating a domain works, through the home region.
    act(&mut state, &mut world, Action::Go(PaneId::Domains));
    let partners = state
        .panes
        .domains
        .domains
        .all()
        .iter()
        .find(|d| d.display_name == "Partners")
        .unwrap()
        .id
        .clone();
    assert!(state.panes.domains.domains.select(&partners));
    press(&mut state, &mut world, key(KeyCode::Char('t')));
    let sent = update(&mut state, Action::Select);
    assert!(matches!(
        &kinds(&sent)[..],
        [RequestKind::Domains(DomainRequest::Change {
            change: DomainChange::Deactivate,
            ..
        })]
    ));
    let answers = responses(&mut world, &sent[0]);
    assert!(matches!(
        answers.last().map(|r| &r.result),
        Some(Ok(Payload::WorkRequest(_)))
    ));
    apply_all(&mut state, &mut world, answers);
    let d = world
        .snapshot()
        .domains
        .into_iter()
        .find(|d| d.id == partners)
        .unwrap();
    assert_eq!(d.lifecycle_state, LifecycleState::Inactive);
}
