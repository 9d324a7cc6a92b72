//! The shared machinery every pane grows on: lists keep the selected resource (not the row)
//! through refresh, filter, sort and other people's changes; forms keep what was typed when
//! the service refuses it; the cursor stands where typing lands; on-screen keys follow the
//! keymap.

use canopy::app::widgets::filter::{FilterMode, ListFilter};
use canopy::app::{Action, AppState, PaneId};
use crossterm::event::KeyCode;
use insta::assert_snapshot;

use super::harness::{World, act, cursor_at, key, loaded, press, render, stable, type_text};
use super::pane_kit::{enter, form, form_error, tab};

/// The OCID of the selection of the focused list.
fn selected(state: &AppState) -> String {
    state
        .panes
        .get(state.active)
        .focused_list()
        .and_then(|l| l.selected_id())
        .unwrap_or_else(|| panic!("a selection in {:?}:\n{}", state.active, render(state)))
        .to_string()
}

fn filter(state: &mut AppState, query: &str) {
    let f = ListFilter {
        query: query.into(),
        mode: FilterMode::Substring,
    };
    let AppState {
        ctx, panes, active, ..
    } = state;
    panes.get_mut(*active).set_filter(f, ctx);
}

/// Moves `down` rows into the focused list, then checks that refresh, a filter that
/// keeps it, sorting by every column, and a neighbour deleted by someone else all leave the
/// same resource selected.
fn keeps_its_place(
    state: &mut AppState,
    world: &mut World,
    down: usize,
    delete_neighbour: impl Fn(&mut canopy::emulator::Store, &str),
) {
    for _ in 0..down {
        act(state, world, Action::Down);
    }
    let id = selected(state);
    let name = state
        .panes
        .get(state.active)
        .focused_list()
        .and_then(canopy::app::widgets::list_view::ListControl::selected_name)
        .unwrap();
    act(state, world, Action::Refresh);
    assert_eq!(selected(state), id, "refresh");
    filter(state, &name[..name.len().min(3)]);
    assert_eq!(selected(state), id, "filter");
    filter(state, "");
    for _ in 0..6 {
        act(state, world, Action::Sort);
        assert_eq!(selected(state), id, "sort");
    }
    act(state, world, Action::SortReverse);
    assert_eq!(selected(state), id, "reverse");
    act(state, world, Action::SortReverse);
    // Someone else deletes the row above: the selection stays on the same resource.
    act(state, world, Action::Up);
    let neighbour = selected(state);
    act(state, world, Action::Down);
    world.change(|s| delete_neighbour(s, &neighbour));
    act(state, world, Action::Refresh);
    assert_eq!(selected(state), id, "a neighbour deleted");
}

#[test]
fn the_selection_follows_the_user_group_and_dynamic_group() {
    let (mut state, mut world) = loaded(false);
    act(&mut state, &mut world, Action::Go(PaneId::Identity));
    // Not next to the user the requests are signed as: removing them would lock us out.
    keeps_its_place(&mut state, &mut world, 3, |s, id| {
        drop(s.users.remove(id));
    });
    act(&mut state, &mut world, Action::NextTab);
    keeps_its_place(&mut state, &mut world, 2, |s, id| {
        drop(s.groups.remove(id));
    });
    act(&mut state, &mut world, Action::NextTab);
    keeps_its_place(&mut state, &mut world, 2, |s, id| {
        drop(s.dynamic_groups.remove(id));
    });
}

#[test]
fn the_selection_follows_the_policy_and_the_invitation() {
    let (mut state, mut world) = loaded(false);
    act(&mut state, &mut world, Action::Go(PaneId::Policies));
    keeps_its_place(&mut state, &mut world, 2, |s, id| {
        drop(s.policies.remove(id));
    });
    act(&mut state, &mut world, Action::Go(PaneId::Invitations));
    keeps_its_place(&mut state, &mut world, 2, |s, id| {
        drop(s.invitations.remove(id));
    });
}

#[test]
fn the_selection_follows_the_tag_namespace() {
    let (mut state, mut world) = loaded(false);
    act(&mut state, &mut world, Action::Go(PaneId::Tags));
    keeps_its_place(&mut state, &mut world, 2, |s, id| {
        drop(s.tag_namespaces.remove(id));
    });
}

#[test]
fn a_selected_resource_deleted_elsewhere_gives_way_to_its_neighbour_with_a_word() {
    let (mut state, mut world) = loaded(false);
    act(&mut state, &mut world, Action::Go(PaneId::Invitations));
    act(&mut state, &mut world, Action::Down);
    let gone = selected(&state);
    world.change(|s| drop(s.invitations.remove(&gone)));
    act(&mut state, &mut world, Action::Refresh);
    assert_ne!(selected(&state), gone);
    let toast = state.ctx.toasts.current().unwrap().text.clone();
    assert!(toast.contains("is gone; selected"), "{toast}");
}

#[test]
fn a_form_the_service_refuses_stays_open_with_the_error_beside_the_field() {
    let (mut state, mut world) = loaded(false);
    act(&mut state, &mut world, Action::Go(PaneId::Policies));
    act(&mut state, &mut world, Action::Create);
    type_text(&mut state, &mut world, "night-shift");
    tab(&mut state, &mut world);
    type_text(&mut state, &mut world, "Night operators");
    tab(&mut state, &mut world);
    tab(&mut state, &mut world);
    // The statement is linted as it is typed: the missing `to` shows at once.
    type_text(
        &mut state,
        &mut world,
        "Allow group Operators manage instances in tenancy",
    );
    let live = form(&state).fields[3].error.clone().unwrap_or_default();
    assert!(live.contains("expected `to`"), "{live}");
    assert!(
        canopy::app::update(&mut state, Action::Select).is_empty(),
        "refused before anything is sent"
    );
    press(&mut state, &mut world, key(KeyCode::Home));
    for _ in 0.."Allow group Operators ".len() {
        press(&mut state, &mut world, key(KeyCode::Right));
    }
    type_text(&mut state, &mut world, "to ");
    assert_eq!(form(&state).fields[3].error, None, "fixed as typed");
    // Well formed, but the service refuses it: there is no group Operators.
    enter(&mut state, &mut world);
    let f = form(&state);
    assert_eq!(
        f.fields[0].input.text(),
        "night-shift",
        "nothing typed is lost"
    );
    assert_eq!(f.focus, 3, "the statement the service named has the focus");
    let error = f.fields[3].error.clone().unwrap_or_default();
    assert!(
        error.contains("400 InvalidParameter")
            && error.contains("statement 1")
            && error.contains("group 'Operators'"),
        "{error}"
    );
    assert!(f.waiting.is_none(), "the form takes keys again");
    assert_snapshot!(stable(&render(&state)));
    // Naming a group that exists creates the policy and closes the form.
    press(&mut state, &mut world, key(KeyCode::Home));
    for _ in 0.."Allow group ".len() {
        press(&mut state, &mut world, key(KeyCode::Right));
    }
    for _ in 0.."Operators".len() {
        press(&mut state, &mut world, key(KeyCode::Delete));
    }
    type_text(&mut state, &mut world, "AppOps");
    enter(&mut state, &mut world);
    assert!(state.ctx.modal.is_none(), "{}", form_error(&state));
    assert_eq!(state.panes.policies.selected().unwrap().name, "night-shift");
}

#[test]
fn the_cursor_stands_where_typing_lands() {
    let (mut state, mut world) = loaded(false);
    act(&mut state, &mut world, Action::Go(PaneId::Identity));
    act(&mut state, &mut world, Action::Create);
    type_text(&mut state, &mut world, "ana");
    let (x, y) = cursor_at(&state, 80, 24).expect("a visible cursor in the form");
    let screen = render(&state);
    let row: Vec<&str> = screen.lines().collect();
    let line = row[y as usize];
    let before: String = line.chars().take(x as usize).collect();
    assert!(
        before.ends_with("ana"),
        "cursor after the typed text: {line:?} at {x}"
    );
    press(&mut state, &mut world, key(KeyCode::Left));
    assert_eq!(cursor_at(&state, 80, 24), Some((x - 1, y)));
    // The `/` prompt too.
    act(&mut state, &mut world, Action::Cancel);
    act(&mut state, &mut world, Action::Filter);
    type_text(&mut state, &mut world, "ad");
    assert_eq!(cursor_at(&state, 80, 24), Some((3, 23)));
}

#[test]
fn on_screen_keys_are_the_keys_bound() {
    let user = "[[identity]]\nkeys = [\"n\"]\naction = \"create\"\ndescription = \"new\"\n";
    let keymap = canopy::app::keymap::Keymap::from_sources(
        include_str!("../../assets/keymap.toml"),
        Some(("user.toml", user)),
    )
    .unwrap();
    let mut seed = super::harness::demo();
    seed.dynamic_groups.clear();
    let mut world = super::harness::world(seed);
    let mut state = AppState::new(super::harness::session(&world, false), keymap);
    let requests = canopy::app::start(&mut state);
    super::harness::settle(&mut state, &mut world, requests);
    act(&mut state, &mut world, Action::Go(PaneId::Identity));
    act(&mut state, &mut world, Action::Command("dg".into()));
    let screen = render(&state);
    assert!(
        screen.contains("No dynamic groups. Press n to create one."),
        "{screen}"
    );
    assert!(screen.contains(" n new"), "the hint bar too:\n{screen}");
}

#[test]
fn sort_and_columns_are_chosen_per_list() {
    let (mut state, mut world) = loaded(false);
    act(&mut state, &mut world, Action::Go(PaneId::Policies));
    press(&mut state, &mut world, key(KeyCode::Char('o')));
    press(&mut state, &mut world, key(KeyCode::Char('o')));
    assert!(
        render(&state).contains("by Compartment ↑"),
        "{}",
        render(&state)
    );
    press(&mut state, &mut world, key(KeyCode::Char(',')));
    // Hide "Compartment" (the second column) and close the chooser.
    press(&mut state, &mut world, key(KeyCode::Down));
    press(&mut state, &mut world, key(KeyCode::Enter));
    assert!(state.ctx.modal.is_some(), "the chooser stays open for more");
    press(&mut state, &mut world, key(KeyCode::Esc));
    let screen = render(&state);
    assert!(!screen.contains("Compartment  "), "{screen}");
    assert_snapshot!(screen);
}

#[test]
fn a_read_only_list_pane_is_one_declaration() {
    // The Regions pane began as the worked example of docs/architecture.md (a kind
    // description, a request, a declaration line and a draw arm); its subscriptions are
    // still one generic list, with the generic keys.
    let (mut state, mut world) = loaded(false);
    act(&mut state, &mut world, Action::Command("reg".into()));
    assert_eq!(state.active, PaneId::Regions);
    let screen = render(&state);
    assert!(screen.contains("Region subscriptions ("), "{screen}");
    assert!(screen.contains("us-ashburn-1"), "{screen}");
    assert_snapshot!(screen);
    // The generic list keys work there too.
    act(&mut state, &mut world, Action::Filter);
    type_text(&mut state, &mut world, "zzz");
    assert!(render(&state).contains("No region subscriptions match the filter"));
}
