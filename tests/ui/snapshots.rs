//! `TestBackend` renders at 80x24, snapshotted with insta: every pane of this framework in
//! its loading, loaded, empty and failed states, and the editor, diff and conflict dialogs.

use canopy::app::{Action, Loadable, PaneId, apply_response};
use crossterm::event::KeyCode;
use insta::assert_snapshot;

use super::harness::{
    act, demo, edit_first_policy, fail, fresh, key, loaded, loaded_with, press, render,
    render_size, type_text, world,
};

#[test]
fn compartments_loading() {
    let (state, _) = fresh(&world(demo()), false);
    assert_snapshot!(render(&state));
}

#[test]
fn compartments_loaded() {
    let (mut state, mut world) = loaded(false);
    act(&mut state, &mut world, Action::Down);
    act(&mut state, &mut world, Action::Expand);
    act(&mut state, &mut world, Action::Down);
    assert_snapshot!(render(&state));
}

#[test]
fn compartments_empty_tenancy() {
    let mut seed = demo();
    seed.compartments.clear();
    seed.policies.clear();
    let (state, _) = loaded_with(seed, false);
    assert_snapshot!(render(&state));
}

#[test]
fn compartments_failed() {
    let (mut state, requests) = fresh(&world(demo()), false);
    for r in &requests {
        apply_response(&mut state, fail(r, 401, "NotAuthenticated"));
    }
    assert_snapshot!(render(&state));
}

#[test]
fn compartments_read_only_header_and_hints() {
    let (state, _) = loaded(true);
    assert_snapshot!(render(&state));
}

#[test]
fn compartments_filtered() {
    let (mut state, mut world) = loaded(false);
    act(&mut state, &mut world, Action::Filter);
    type_text(&mut state, &mut world, "app");
    assert_snapshot!(render(&state));
}

/// A filter with a `/` (or `:`) matches compartment paths, not names only.
#[test]
fn the_tree_filter_matches_paths() {
    let (mut state, mut world) = loaded(false);
    act(&mut state, &mut world, Action::Filter);
    type_text(&mut state, &mut world, "prod/app");
    let screen = render(&state);
    assert!(screen.contains("AppTier"), "{screen}");
    assert!(!screen.contains("Staging"), "{screen}");
    assert!(!screen.contains("▸ Dev"), "{screen}");
    act(&mut state, &mut world, Action::Back);
    act(&mut state, &mut world, Action::Filter);
    type_text(&mut state, &mut world, "staging:app");
    let screen = render(&state);
    assert!(
        screen.contains("Staging") && screen.contains("AppTier"),
        "{screen}"
    );
    assert!(!screen.contains("Prod"), "{screen}");
}

#[test]
fn delete_confirmation() {
    let (mut state, mut world) = loaded(false);
    act(&mut state, &mut world, Action::Down);
    act(&mut state, &mut world, Action::Down);
    act(&mut state, &mut world, Action::Delete);
    type_text(&mut state, &mut world, "De");
    assert_snapshot!(render(&state));
}

#[test]
fn policies_loading() {
    let mut world = world(demo());
    let (mut state, requests) = fresh(&world, false);
    // The tree arrives; the policy fan-out has not answered yet.
    for r in requests.iter().filter(|r| {
        !matches!(
            r.kind,
            canopy::app::RequestKind::Policies(canopy::app::request::PolicyRequest::List { .. })
        )
    }) {
        for resp in super::harness::answer(&mut world, r) {
            let _ = apply_response(&mut state, resp);
        }
    }
    act_no_answer(&mut state, Action::Go(PaneId::Policies));
    assert_snapshot!(render(&state));
}

fn act_no_answer(state: &mut canopy::app::AppState, action: Action) {
    let _ = canopy::app::update(state, action);
}

#[test]
fn policies_loaded() {
    let (mut state, mut world) = loaded(false);
    act(&mut state, &mut world, Action::Go(PaneId::Policies));
    act(&mut state, &mut world, Action::Down);
    assert_snapshot!(render(&state));
}

#[test]
fn policies_empty() {
    let mut seed = demo();
    seed.policies.clear();
    let (mut state, mut world) = loaded_with(seed, false);
    act(&mut state, &mut world, Action::Go(PaneId::Policies));
    assert_snapshot!(render(&state));
}

/// `--demo --as USER` and real tenancies: the service refuses the policies of some
/// compartments (404 `NotAuthorizedOrNotFound`). The rest are listed and the pane says where it
/// is blind; scoped to a refused compartment, it says so instead of "no policies".
#[test]
fn policies_refused_in_some_compartments() {
    use canopy::app::request::{Payload, PolicyRequest, RefusedCompartments};
    let seed = demo();
    let id_of = |name: &str| {
        seed.compartments
            .iter()
            .find(|c| c.name == name)
            .map(|c| c.id.clone())
            .expect("a demo compartment")
    };
    let (prod, finance) = (id_of("Prod"), id_of("Finance"));
    let mut world = world(seed.clone());
    let (mut state, requests) = fresh(&world, false);
    let is_listing = |r: &canopy::app::Request| {
        matches!(
            r.kind,
            canopy::app::RequestKind::Policies(PolicyRequest::List { .. })
        )
    };
    let mut listings = Vec::new();
    for r in requests {
        if is_listing(&r) {
            listings.push(r);
            continue;
        }
        for resp in super::harness::answer(&mut world, &r) {
            listings.extend(
                apply_response(&mut state, resp)
                    .into_iter()
                    .filter(is_listing),
            );
        }
    }
    listings.extend(canopy::app::update(
        &mut state,
        Action::Go(PaneId::Policies),
    ));
    let listing = listings
        .into_iter()
        .find(is_listing)
        .expect("the policy listing");
    let _ = apply_response(
        &mut state,
        canopy::app::Response {
            id: listing.id,
            pane: listing.pane,
            done: false,
            result: Ok(Payload::item(RefusedCompartments(vec![
                prod.clone(),
                finance,
            ]))),
        },
    );
    for resp in super::harness::answer(&mut world, &listing) {
        let _ = apply_response(&mut state, resp);
    }
    assert_eq!(state.panes.policies.refused.len(), 2);
    assert_snapshot!(render(&state));
    state.panes.policies.set_scope(Some(prod), &state.ctx);
    let scoped = render(&state);
    assert!(
        scoped.contains("NotAuthorizedOrNotFound: you may not list the policies of"),
        "{scoped}"
    );
    assert!(scoped.contains("Prod"), "{scoped}");
    // The tree's detail does not count a refused compartment's policies as none.
    let _ = canopy::app::update(&mut state, Action::Go(PaneId::Compartments));
    super::harness::select_compartment(&mut state, "Prod");
    let detail = render(&state);
    assert!(detail.contains("not listed"), "{detail}");
}

#[test]
fn policies_failed() {
    let (mut state, mut world) = loaded(false);
    act(&mut state, &mut world, Action::Go(PaneId::Policies));
    let requests = canopy::app::update(&mut state, Action::Refresh);
    for r in &requests {
        apply_response(&mut state, fail(r, 500, "InternalServerError"));
    }
    assert!(matches!(
        state.panes.policies.list.items,
        Loadable::Failed(_)
    ));
    assert_snapshot!(render(&state));
}

#[test]
fn policy_editor() {
    let (mut state, mut world) = loaded(false);
    edit_first_policy(
        &mut state,
        &mut world,
        "Allow group Auditors to inspect all-resources",
    );
    assert_snapshot!(render(&state));
}

/// Ten broken statements at 80x24: the findings take the free rows, wrap, and follow the
/// cursor (it is on the last line, so the panel starts further down and says how many are
/// above).
#[test]
fn policy_editor_findings_follow_the_cursor() {
    let (mut state, mut world) = loaded(false);
    edit_first_policy(&mut state, &mut world, "Allow group Auditors to inspect");
    for n in 0..9 {
        press(&mut state, &mut world, key(KeyCode::Enter));
        type_text(
            &mut state,
            &mut world,
            &format!("Allow grup G{n} to read users in tenancy"),
        );
    }
    let screen = render(&state);
    assert!(screen.contains("above"), "{screen}");
    assert_snapshot!(screen);
}

#[test]
fn policy_save_diff() {
    let (mut state, mut world) = loaded(false);
    edit_first_policy(
        &mut state,
        &mut world,
        "Allow group SecurityAuditors to inspect all-resources in tenancy",
    );
    act(&mut state, &mut world, Action::Save);
    assert_snapshot!(render(&state));
}

#[test]
fn policy_conflict() {
    let (mut state, mut world) = loaded(false);
    act(&mut state, &mut world, Action::Go(PaneId::Policies));
    act(&mut state, &mut world, Action::Edit);
    let id = state
        .panes
        .policies
        .editor
        .as_ref()
        .unwrap()
        .policy_id
        .clone();
    world.change(|s| {
        s.policies
            .get_mut(&id)
            .unwrap()
            .statements
            .push("Allow group ReadOnly to read buckets in tenancy".into());
    });
    press(&mut state, &mut world, key(KeyCode::Enter));
    type_text(
        &mut state,
        &mut world,
        "Allow group Developers to read audit-events in tenancy",
    );
    act(&mut state, &mut world, Action::Save);
    act(&mut state, &mut world, Action::Select);
    assert_snapshot!(render(&state));
}

#[test]
fn help_overlay() {
    let (mut state, mut world) = loaded(false);
    act(&mut state, &mut world, Action::Help);
    assert_snapshot!(render(&state));
}

#[test]
fn command_log() {
    let (mut state, mut world) = loaded(false);
    canopy::app::update::record_call(
        &mut state,
        canopy::app::CallRecord {
            method: "GET".into(),
            path: "/20160918/compartments?compartmentIdInSubtree=true".into(),
            status: Some(200),
            duration_ms: 12,
        },
    );
    canopy::app::update::record_call(
        &mut state,
        canopy::app::CallRecord {
            method: "PUT".into(),
            path: "/20160918/policies/ocid1.policy.oc1..x".into(),
            status: Some(412),
            duration_ms: 7,
        },
    );
    act(&mut state, &mut world, Action::Go(PaneId::Log));
    assert_snapshot!(render(&state));
}

#[test]
fn escape_sequences_in_names_are_drawn_harmlessly() {
    let mut seed = demo();
    seed.compartments[0].name = "evil\x1b[2J\x1b]52;c;cHduZWQ=\x07name".into();
    let (state, _) = loaded_with(seed, false);
    let screen = render(&state);
    assert!(!screen.contains('\x1b') && !screen.contains('\x07'));
    assert!(screen.contains("evil␛[2J"), "{screen}");
}

#[test]
fn zero_width_and_bidi_characters_in_names_are_shown_not_hidden() {
    // A zero-width joiner made tmux shift the cells after it (stale "AFinance" on screen).
    let mut seed = demo();
    seed.compartments[0].name = "Dev\u{200d}".into();
    let finance = seed
        .compartments
        .iter_mut()
        .find(|c| c.name == "Finance")
        .unwrap();
    finance.name = "evil\u{202e}txt".into();
    let (state, _) = loaded_with(seed, false);
    let screen = render(&state);
    assert!(!screen.contains('\u{200d}') && !screen.contains('\u{202e}'));
    assert!(screen.contains("Dev<U+200D>"), "{screen}");
    assert!(screen.contains("evil<U+202E>txt"), "{screen}");
}

#[test]
fn audit_of_a_compartment() {
    let (mut state, mut world) = loaded(false);
    super::harness::select_compartment(&mut state, "Prod");
    act(&mut state, &mut world, Action::Audit);
    assert_snapshot!(render(&state));
}

/// `? help` stays in the hint bar of every pane at 80 columns, however many keys the pane has.
#[test]
fn help_is_always_in_the_hint_bar() {
    let (mut state, mut world) = super::harness::loaded(false);
    for pane in [
        PaneId::Compartments,
        PaneId::Identity,
        PaneId::Policies,
        PaneId::Tags,
        PaneId::Invitations,
        PaneId::Domains,
        PaneId::Federation,
        PaneId::Credentials,
    ] {
        act(&mut state, &mut world, Action::Go(pane));
        let screen = render_size(&state, 80, 24);
        let hints = screen.lines().nth(22).unwrap_or_default();
        assert!(hints.trim_end().ends_with("? help"), "{pane:?}: {hints}");
    }
}

/// Below the smallest size the panes are laid out for, the screen says what is needed.
#[test]
fn a_terminal_too_small_says_so() {
    let (state, _world) = super::harness::loaded(false);
    let screen = render_size(&state, 50, 12);
    let text = screen.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        text.contains("terminal too small: canopy needs 60x16, this one is 50x12"),
        "{screen}"
    );
    assert!(!render_size(&state, 60, 16).contains("too small"));
}
