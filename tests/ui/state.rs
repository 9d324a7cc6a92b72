//! Pure state tests: state + action -> new state + requests, no terminal.

use canopy::app::panes::policies::PolicyDialog;
use canopy::app::panes::policies::diff::{DiffLine, diff, reapply};
use canopy::app::request::{CompartmentRequest, PolicyRequest, TenancyRequest};
use canopy::app::widgets::modal::ModalKind;
use canopy::app::{
    Action, PaneDialog, PaneId, Payload, RequestKind, Response, apply_response, update,
};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::harness::{act, answer, ctrl, fresh, key, loaded, press, type_text, world};

const LIST_COMPARTMENTS: RequestKind = RequestKind::Compartments(CompartmentRequest::List);

#[test]
fn start_asks_for_the_tree_and_the_tenancy() {
    let (_, requests) = fresh(&world(super::harness::demo()), false);
    let kinds: Vec<_> = requests.iter().map(|r| r.kind.clone()).collect();
    assert!(kinds.contains(&LIST_COMPARTMENTS));
    assert!(kinds.contains(&RequestKind::Tenancy(TenancyRequest::Get)));
}

#[test]
fn policies_fan_out_once_the_tree_is_loaded_and_arrive_page_by_page() {
    let mut world = world(super::harness::demo());
    let (mut state, requests) = fresh(&world, false);
    let mut follow = Vec::new();
    for r in &requests {
        for resp in answer(&mut world, r) {
            follow.extend(apply_response(&mut state, resp));
        }
    }
    let list = follow
        .iter()
        .find(|r| matches!(r.kind, RequestKind::Policies(PolicyRequest::List { .. })))
        .expect("the policy fan-out starts when the tree arrives");
    let RequestKind::Policies(PolicyRequest::List { compartment_ids }) = &list.kind else {
        unreachable!()
    };
    assert!(compartment_ids.contains(&world.tenancy_id));
    // The worker's answer, cut in two pages as a large tenancy's would arrive.
    let answer = answer(&mut world, list).pop().expect("an answer");
    let Ok(Payload::Items(items)) = answer.result.clone() else {
        panic!("policies");
    };
    let all: Vec<canopy::model::Policy> = items.take().expect("policies");
    let (a, b) = all.split_at(all.len() / 2);
    let page = |items: &[canopy::model::Policy], done| Response {
        done,
        result: Ok(Payload::items(items.to_vec())),
        ..answer.clone()
    };
    apply_response(&mut state, page(a, false));
    let partial = state.panes.policies.list.all().len();
    assert!(
        state.panes.policies.list.is_loading() && partial > 0,
        "first page shown while loading"
    );
    apply_response(&mut state, page(b, true));
    assert!(state.panes.policies.list.items.is_loaded());
    assert_eq!(state.panes.policies.list.all().len(), all.len());
}

#[test]
fn a_superseded_listing_is_dropped() {
    let mut world = world(super::harness::demo());
    let (mut state, requests) = fresh(&world, false);
    let old = requests
        .iter()
        .find(|r| r.kind == LIST_COMPARTMENTS)
        .unwrap()
        .clone();
    let newer = update(&mut state, Action::Refresh);
    assert!(
        newer
            .iter()
            .any(|r| r.kind == LIST_COMPARTMENTS && r.id > old.id)
    );
    for resp in answer(&mut world, &old) {
        apply_response(&mut state, resp);
    }
    assert!(
        state.ctx.compartments.is_loading(),
        "the stale answer must not land"
    );
}

#[test]
fn tree_expands_collapses_and_filters_to_the_path_of_a_match() {
    let (mut state, mut world) = loaded(false);
    let top_level = state.panes.compartments.rows.len();
    assert!(top_level > 1);
    act(&mut state, &mut world, Action::Down);
    while !state.panes.compartments.rows[state.panes.compartments.cursor.selected].has_children {
        act(&mut state, &mut world, Action::Down);
    }
    act(&mut state, &mut world, Action::Expand);
    assert!(state.panes.compartments.rows.len() > top_level);
    act(&mut state, &mut world, Action::Collapse);
    assert_eq!(state.panes.compartments.rows.len(), top_level);

    act(&mut state, &mut world, Action::Filter);
    type_text(&mut state, &mut world, "pci");
    let rows = &state.panes.compartments.rows;
    let names: Vec<String> = rows
        .iter()
        .filter_map(|r| state.ctx.compartment(&r.id).map(|c| c.name.clone()))
        .collect();
    assert!(names.contains(&"PCI".to_string()), "{names:?}");
    assert!(names.len() < 8, "only the path to the match: {names:?}");
    press(&mut state, &mut world, key(KeyCode::Esc));
    assert_eq!(
        state.panes.compartments.rows.len(),
        top_level,
        "Esc in the prompt restores"
    );
}

#[test]
fn enter_on_a_compartment_shows_its_policies_and_esc_goes_back() {
    let (mut state, mut world) = loaded(false);
    act(&mut state, &mut world, Action::Select);
    assert_eq!(state.active, PaneId::Policies);
    assert_eq!(
        state.panes.policies.scope(),
        Some(world.tenancy_id.as_str())
    );
    act(&mut state, &mut world, Action::Back);
    assert!(
        state.panes.policies.scope().is_none(),
        "first Esc clears the scope"
    );
    act(&mut state, &mut world, Action::Back);
    assert_eq!(
        state.active,
        PaneId::Compartments,
        "then Esc goes back along the breadcrumbs"
    );
}

fn open_first_policy_editor(state: &mut canopy::app::AppState, world: &mut super::harness::World) {
    act(state, world, Action::Go(PaneId::Policies));
    act(state, world, Action::Edit);
    assert!(
        state.panes.policies.editor.is_some(),
        "the editor opens once the policy arrives"
    );
}

#[test]
fn edit_save_sends_the_statements_with_if_match_after_a_diff() {
    let (mut state, mut world) = loaded(false);
    open_first_policy_editor(&mut state, &mut world);
    let id = state
        .panes
        .policies
        .editor
        .as_ref()
        .unwrap()
        .policy_id
        .clone();
    press(&mut state, &mut world, key(KeyCode::Enter));
    type_text(
        &mut state,
        &mut world,
        "Allow group SecurityAuditors to inspect all-resources in tenancy",
    );
    assert!(
        state.ctx.drafts.items.contains_key(&id),
        "the edit is a draft at once"
    );

    let requests = update(&mut state, Action::Save);
    assert!(
        requests.is_empty(),
        "nothing is sent before the diff is confirmed"
    );
    let modal = state.ctx.modal.as_ref().expect("the diff dialog");
    assert_eq!(modal.dialog, PaneDialog::Policies(PolicyDialog::Save));
    let requests = update(&mut state, Action::Select);
    let RequestKind::Policies(PolicyRequest::Update { etag, details, .. }) = &requests[0].kind
    else {
        panic!("expected an update, got {requests:?}");
    };
    assert!(etag.is_some(), "sent with if-match");
    assert!(
        details
            .statements
            .as_ref()
            .unwrap()
            .iter()
            .any(|s| s.contains("Auditors"))
    );
    super::harness::settle(&mut state, &mut world, requests);
    assert!(state.panes.policies.editor.is_none());
    assert!(
        !state.ctx.drafts.items.contains_key(&id),
        "the draft goes once saved"
    );
    let saved = world
        .snapshot()
        .policies
        .into_iter()
        .find(|p| p.id == id)
        .unwrap();
    assert!(saved.statements.iter().any(|s| s.contains("Auditors")));
}

#[test]
fn a_lost_answer_to_our_own_save_is_saved_not_changed_by_someone_else() {
    let (mut state, mut world) = loaded(false);
    open_first_policy_editor(&mut state, &mut world);
    let id = state
        .panes
        .policies
        .editor
        .as_ref()
        .unwrap()
        .policy_id
        .clone();
    press(&mut state, &mut world, key(KeyCode::Enter));
    type_text(
        &mut state,
        &mut world,
        "Allow group Helpdesk to read audit-events in tenancy",
    );
    world.emulator.faults.drop_next_writes(1);
    act(&mut state, &mut world, Action::Save);
    act(&mut state, &mut world, Action::Select);
    assert!(
        state.ctx.modal.is_none(),
        "no conflict: {:?}",
        state.ctx.modal.as_ref().map(|m| &m.dialog)
    );
    assert!(state.panes.policies.editor.is_none(), "saved and closed");
    assert!(!state.ctx.drafts.items.contains_key(&id));
    let saved = world
        .snapshot()
        .policies
        .into_iter()
        .find(|p| p.id == id)
        .unwrap();
    let mine = saved
        .statements
        .iter()
        .filter(|s| s.contains("Helpdesk to read audit-events"))
        .count();
    assert_eq!(mine, 1, "applied once");
}

#[test]
fn stale_etag_shows_the_conflict_and_reapply_merges_on_the_new_version() {
    let (mut state, mut world) = loaded(false);
    open_first_policy_editor(&mut state, &mut world);
    let id = state
        .panes
        .policies
        .editor
        .as_ref()
        .unwrap()
        .policy_id
        .clone();
    // Someone else adds a statement meanwhile.
    let remote = "Allow group ReadOnly to read buckets in tenancy".to_string();
    world.change(|s| {
        s.policies
            .get_mut(&id)
            .unwrap()
            .statements
            .push(remote.clone());
    });
    press(&mut state, &mut world, key(KeyCode::Enter));
    type_text(
        &mut state,
        &mut world,
        "Allow group Developers to read audit-events in tenancy",
    );
    act(&mut state, &mut world, Action::Save);
    act(&mut state, &mut world, Action::Select);
    let modal = state.ctx.modal.as_ref().expect("the conflict dialog");
    assert_eq!(modal.dialog, PaneDialog::Policies(PolicyDialog::Conflict));
    let ModalKind::Choice { lines, .. } = &modal.kind else {
        panic!()
    };
    assert!(
        lines.iter().any(|l| l.text.contains(&remote)),
        "shows what changed remotely"
    );
    act(&mut state, &mut world, Action::Select); // reapply
    let editor = state.panes.policies.editor.as_ref().expect("still editing");
    let statements = editor.statements();
    assert!(statements.contains(&remote) && statements.iter().any(|s| s.contains("audit-events")));
    act(&mut state, &mut world, Action::Save);
    act(&mut state, &mut world, Action::Select);
    let saved = world
        .snapshot()
        .policies
        .into_iter()
        .find(|p| p.id == id)
        .unwrap();
    assert!(
        saved.statements.contains(&remote)
            && saved.statements.iter().any(|s| s.contains("audit-events"))
    );
}

#[test]
fn read_only_refuses_writes_without_sending() {
    let (mut state, mut world) = loaded(true);
    for action in [Action::Create, Action::Delete, Action::Move, Action::Rename] {
        let requests = update(&mut state, action.clone());
        assert!(
            requests.is_empty() && state.ctx.modal.is_none(),
            "{action:?} refused"
        );
        assert!(
            state
                .ctx
                .toasts
                .current()
                .unwrap()
                .text
                .contains("read-only")
        );
    }
    act(&mut state, &mut world, Action::Go(PaneId::Policies));
    let requests = update(&mut state, Action::Select);
    assert!(requests.is_empty() && state.panes.policies.editor.is_none());
    let hints = canopy::ui::frame::hint_entries(&state);
    assert!(
        !hints.iter().any(|(_, d)| d == "edit" || d == "delete"),
        "{hints:?}"
    );
}

#[test]
fn delete_needs_the_name_typed_exactly() {
    let (mut state, mut world) = loaded(false);
    act(&mut state, &mut world, Action::Down);
    act(&mut state, &mut world, Action::Down);
    let name = state
        .ctx
        .compartment(state.panes.compartments.selected_id().unwrap())
        .unwrap()
        .name
        .clone();
    act(&mut state, &mut world, Action::Delete);
    assert!(
        update(&mut state, Action::Select).is_empty(),
        "Enter alone deletes nothing"
    );
    assert!(state.ctx.modal.is_some());
    type_text(&mut state, &mut world, &name[..name.len() - 1]);
    assert!(update(&mut state, Action::Select).is_empty());
    let last = name.chars().last().unwrap().to_string();
    for c in last.chars() {
        press(&mut state, &mut world, key(KeyCode::Char(c)));
    }
    let requests = update(&mut state, Action::Select);
    assert!(matches!(
        requests[0].kind,
        RequestKind::Compartments(CompartmentRequest::Delete { .. })
    ));
}

#[test]
fn palette_switches_panes_and_quits() {
    let (mut state, mut world) = loaded(false);
    press(&mut state, &mut world, key(KeyCode::Char(':')));
    type_text(&mut state, &mut world, "pol");
    press(&mut state, &mut world, key(KeyCode::Enter));
    assert_eq!(state.active, PaneId::Policies);
    press(&mut state, &mut world, key(KeyCode::Char(':')));
    type_text(&mut state, &mut world, "nope");
    press(&mut state, &mut world, key(KeyCode::Enter));
    assert!(
        state
            .ctx
            .toasts
            .current()
            .unwrap()
            .text
            .contains("unknown command")
    );
    press(&mut state, &mut world, key(KeyCode::Char(':')));
    type_text(&mut state, &mut world, "q");
    press(&mut state, &mut world, key(KeyCode::Enter));
    assert!(state.quit);
}

#[test]
fn editor_takes_q_as_text_and_ctrl_c_still_quits() {
    let (mut state, mut world) = loaded(false);
    open_first_policy_editor(&mut state, &mut world);
    press(&mut state, &mut world, key(KeyCode::Char('q')));
    assert!(!state.quit);
    assert!(
        state
            .panes
            .policies
            .editor
            .as_ref()
            .unwrap()
            .text()
            .contains('q')
    );
    press(&mut state, &mut world, ctrl('c'));
    assert!(state.quit);
}

#[test]
fn copy_and_raw_json_use_the_selection() {
    let (mut state, mut world) = loaded(false);
    act(&mut state, &mut world, Action::Down);
    let id = state.panes.compartments.selected_id().unwrap().to_string();
    let _ = update(&mut state, Action::CopyOcid);
    assert!(
        state
            .ctx
            .effects
            .contains(&canopy::app::Effect::Copy(id.clone()))
    );
    act(&mut state, &mut world, Action::RawJson);
    let ModalKind::Text { lines, .. } = &state.ctx.modal.as_ref().unwrap().kind else {
        panic!()
    };
    assert!(lines.iter().any(|l| l.text.contains(&id)));
    // `y` in the viewer copies all of the JSON; `Y` on the selection copies its name.
    let json: Vec<String> = lines.iter().map(|l| l.text.clone()).collect();
    press(&mut state, &mut world, key(KeyCode::Char('y')));
    assert!(
        state
            .ctx
            .effects
            .contains(&canopy::app::Effect::Copy(json.join("\n")))
    );
    press(&mut state, &mut world, key(KeyCode::Esc));
    let name = state.ctx.compartment(&id).unwrap().name.clone();
    press(
        &mut state,
        &mut world,
        KeyEvent::new(KeyCode::Char('Y'), KeyModifiers::SHIFT),
    );
    assert!(
        state
            .ctx
            .effects
            .contains(&canopy::app::Effect::Copy(name.clone())),
        "{:?}",
        state.ctx.effects
    );
    // In the audit view `y` copies the last answer, title first.
    act(&mut state, &mut world, Action::Audit);
    act(&mut state, &mut world, Action::AskWhoCan);
    type_text(&mut state, &mut world, "manage instances");
    press(&mut state, &mut world, key(KeyCode::Enter));
    press(&mut state, &mut world, key(KeyCode::Char('y')));
    assert!(
        state.ctx.effects.iter().any(|e| matches!(e,
            canopy::app::Effect::Copy(t) if t.starts_with("Who can manage instances here?"))),
        "{:?}",
        state.ctx.effects
    );
}

#[test]
fn statement_diff_and_reapply() {
    let s = |v: &[&str]| v.iter().map(|x| (*x).to_string()).collect::<Vec<_>>();
    let d = diff(&s(&["a", "b", "c"]), &s(&["a", "c", "d"]));
    assert_eq!(
        d,
        vec![
            DiffLine::Same("a".into()),
            DiffLine::Removed("b".into()),
            DiffLine::Same("c".into()),
            DiffLine::Added("d".into()),
        ]
    );
    // base a b c; mine removes b, adds x after a; theirs adds z at the end.
    let merged = reapply(
        &s(&["a", "b", "c"]),
        &s(&["a", "x", "c"]),
        &s(&["a", "b", "c", "z"]),
    );
    assert_eq!(merged, s(&["a", "x", "c", "z"]));
}

#[test]
fn create_rename_move_delete_recover_a_compartment() {
    let (mut state, mut world) = loaded(false);
    // Create under the root, through the form.
    act(&mut state, &mut world, Action::Create);
    press(&mut state, &mut world, key(KeyCode::Enter));
    let error = super::pane_kit::form_error(&state);
    assert!(error.contains("Name cannot be empty"), "{error}");
    type_text(&mut state, &mut world, "Lab");
    press(&mut state, &mut world, key(KeyCode::Tab));
    type_text(&mut state, &mut world, "Experiments");
    press(&mut state, &mut world, key(KeyCode::Enter));
    let lab = world
        .snapshot()
        .compartments
        .into_iter()
        .find(|c| c.name == "Lab")
        .expect("created")
        .id
        .clone();
    assert_eq!(
        state.panes.compartments.selected_id(),
        Some(lab.as_str()),
        "the new one is selected"
    );

    // Rename it.
    act(&mut state, &mut world, Action::Rename);
    press(&mut state, &mut world, ctrl('u'));
    type_text(&mut state, &mut world, "Lab2");
    press(&mut state, &mut world, key(KeyCode::Enter));
    // The tenancy was not loaded yet: the dialog checked which statements name Lab.
    let shown = super::harness::render_size(&state, 120, 40);
    assert!(shown.contains("No policy statement names it"), "{shown}");
    press(&mut state, &mut world, key(KeyCode::Up));
    press(&mut state, &mut world, key(KeyCode::Enter));
    assert_eq!(state.ctx.compartment(&lab).unwrap().name, "Lab2");

    // Move it under Dev: pick the target in the tree.
    act(&mut state, &mut world, Action::Move);
    let dev = super::harness::select_compartment(&mut state, "Dev");
    act(&mut state, &mut world, Action::Select);
    assert_eq!(
        state.ctx.modal.as_ref().unwrap().dialog,
        PaneDialog::Compartments(canopy::app::panes::compartments::CompartmentDialog::Move {
            id: lab.clone(),
            target_id: state.panes.compartments.rows[dev].id.clone()
        })
    );
    act(&mut state, &mut world, Action::Select);
    let moved = world
        .snapshot()
        .compartments
        .into_iter()
        .find(|c| c.id == lab)
        .unwrap();
    assert_eq!(
        state.ctx.compartment(&moved.compartment_id).unwrap().name,
        "Dev"
    );
    assert!(
        state.panes.compartments.work.is_empty(),
        "the work request was followed to the end"
    );

    // Delete it (typed), then recover it.
    state.panes.compartments.reveal(&lab, &state.ctx);
    act(&mut state, &mut world, Action::Delete);
    type_text(&mut state, &mut world, "Lab2");
    act(&mut state, &mut world, Action::Select);
    assert_eq!(
        state.ctx.compartment(&lab).unwrap().lifecycle_state,
        canopy::model::LifecycleState::Deleted
    );
    state.panes.compartments.reveal(&lab, &state.ctx);
    act(&mut state, &mut world, Action::Recover);
    assert_eq!(
        state.ctx.compartment(&lab).unwrap().lifecycle_state,
        canopy::model::LifecycleState::Active
    );
}

#[test]
fn moving_into_its_own_child_is_refused() {
    let (mut state, mut world) = loaded(false);
    super::harness::select_compartment(&mut state, "Dev");
    act(&mut state, &mut world, Action::Move);
    act(&mut state, &mut world, Action::Expand);
    act(&mut state, &mut world, Action::Down);
    act(&mut state, &mut world, Action::Select);
    assert!(state.ctx.modal.is_none());
    assert!(
        state
            .ctx
            .toasts
            .current()
            .unwrap()
            .text
            .contains("cannot move into itself")
    );
    assert!(
        state.panes.compartments.moving.is_some(),
        "move mode stays on to pick another target"
    );
    act(&mut state, &mut world, Action::Select);
    assert_eq!(
        state.active,
        PaneId::Compartments,
        "Enter does not open Policies"
    );
}

#[test]
fn create_and_delete_a_policy() {
    let (mut state, mut world) = loaded(false);
    act(&mut state, &mut world, Action::Go(PaneId::Policies));
    act(&mut state, &mut world, Action::Create);
    type_text(&mut state, &mut world, "auditors");
    press(&mut state, &mut world, key(KeyCode::Tab));
    type_text(&mut state, &mut world, "Read-only auditors");
    press(&mut state, &mut world, key(KeyCode::Tab));
    press(&mut state, &mut world, key(KeyCode::Tab));
    type_text(
        &mut state,
        &mut world,
        "Allow group SecurityAuditors to inspect all-resources in tenancy",
    );
    press(&mut state, &mut world, key(KeyCode::Enter));
    let created = world
        .snapshot()
        .policies
        .into_iter()
        .find(|p| p.name == "auditors")
        .expect("created");
    assert_eq!(created.compartment_id, world.tenancy_id);
    assert_eq!(state.panes.policies.selected().unwrap().name, "auditors");
    act(&mut state, &mut world, Action::Delete);
    type_text(&mut state, &mut world, "auditors");
    act(&mut state, &mut world, Action::Select);
    assert!(!world.snapshot().policies.iter().any(
        |p| p.name == "auditors" && p.lifecycle_state == canopy::model::LifecycleState::Active
    ));
    assert!(state.ctx.toasts.current().unwrap().text.contains("deleted"));
}

#[test]
fn drafts_found_at_start_are_offered_and_restored_into_the_editor() {
    let mut world = world(super::harness::demo());
    let policy = world.snapshot().policies[0].clone();
    let etag = world
        .block_on(world.client.get_policy(&policy.id))
        .expect("the policy")
        .etag;
    let keymap = canopy::app::keymap::Keymap::default_keymap().unwrap();
    let mut state = canopy::app::AppState::new(super::harness::session(&world, false), keymap);
    state.ctx.drafts.found = vec![canopy::app::drafts::Draft {
        policy_id: policy.id.clone(),
        policy_name: policy.name.clone(),
        etag,
        base: policy.statements.clone(),
        text: format!(
            "{}\nAllow group Restored to read users in tenancy",
            policy.statements.join("\n")
        ),
        compartment_id: policy.compartment_id.clone(),
    }];
    let requests = canopy::app::start(&mut state);
    assert_eq!(
        state.ctx.modal.as_ref().unwrap().dialog,
        PaneDialog::Policies(PolicyDialog::RestoreDrafts)
    );
    super::harness::settle(&mut state, &mut world, requests);
    act(&mut state, &mut world, Action::Select);
    assert_eq!(state.active, PaneId::Policies);
    let editor = state
        .panes
        .policies
        .editor
        .as_ref()
        .expect("the draft is open");
    assert!(editor.text().contains("Restored"));
    assert!(state.ctx.drafts.items.contains_key(&policy.id) && state.ctx.drafts.found.is_empty());
}

#[test]
fn external_editor_round_trip() {
    let (mut state, mut world) = loaded(false);
    act(&mut state, &mut world, Action::Go(PaneId::Policies));
    act(&mut state, &mut world, Action::EditExternal);
    let text = match state.ctx.effects.last() {
        Some(canopy::app::Effect::ExternalEdit { owner, text }) => {
            assert_eq!(*owner, PaneId::Policies);
            text.clone()
        }
        other => panic!("expected an external edit, got {other:?}"),
    };
    state.ctx.effects.clear();
    act(
        &mut state,
        &mut world,
        Action::ExternalEditDone(Some(format!(
            "{text}\nAllow group Ext to read users in tenancy\n"
        ))),
    );
    let editor = state.panes.policies.editor.as_ref().unwrap();
    assert!(editor.is_modified() && editor.text().contains("Ext"));
}

#[test]
fn esc_closes_the_editor_and_keeps_the_draft() {
    let (mut state, mut world) = loaded(false);
    open_first_policy_editor(&mut state, &mut world);
    let id = state
        .panes
        .policies
        .editor
        .as_ref()
        .unwrap()
        .policy_id
        .clone();
    type_text(&mut state, &mut world, " x");
    press(&mut state, &mut world, key(KeyCode::Esc));
    assert!(state.panes.policies.editor.is_none());
    assert!(state.ctx.drafts.items.contains_key(&id));
    act(&mut state, &mut world, Action::Edit);
    assert!(
        state
            .panes
            .policies
            .editor
            .as_ref()
            .unwrap()
            .text()
            .ends_with(" x"),
        "the draft is continued"
    );
    // Ctrl-X on a modified edit asks first, with "keep editing" chosen: Enter keeps it.
    press(&mut state, &mut world, ctrl('x'));
    assert!(state.ctx.modal.is_some(), "discarding asks first");
    press(&mut state, &mut world, key(KeyCode::Enter));
    assert!(state.panes.policies.editor.is_some() && state.ctx.drafts.items.contains_key(&id));
    press(&mut state, &mut world, ctrl('x'));
    press(&mut state, &mut world, key(KeyCode::Up));
    press(&mut state, &mut world, key(KeyCode::Enter));
    assert!(state.panes.policies.editor.is_none() && !state.ctx.drafts.items.contains_key(&id));
}

#[test]
fn ctrl_z_undoes_and_ctrl_y_redoes_in_the_editor() {
    let (mut state, mut world) = loaded(false);
    open_first_policy_editor(&mut state, &mut world);
    let text = |state: &canopy::app::AppState| state.panes.policies.editor.as_ref().unwrap().text();
    let before = text(&state);
    type_text(&mut state, &mut world, "zz");
    assert_ne!(text(&state), before);
    press(&mut state, &mut world, ctrl('z'));
    press(&mut state, &mut world, ctrl('z'));
    assert_eq!(text(&state), before, "two undos take both characters back");
    assert!(!state.panes.policies.editor.as_ref().unwrap().is_modified());
    press(&mut state, &mut world, ctrl('y'));
    assert!(text(&state).ends_with('z') && !text(&state).ends_with("zz"));
    // An unmodified edit closes on Ctrl-X without a question.
    press(&mut state, &mut world, ctrl('z'));
    press(&mut state, &mut world, ctrl('x'));
    assert!(state.panes.policies.editor.is_none() && state.ctx.modal.is_none());
}

#[test]
fn a_text_viewer_scrolls_and_closes_with_q() {
    let (mut state, mut world) = loaded(false);
    act(&mut state, &mut world, Action::RawJson);
    press(&mut state, &mut world, key(KeyCode::Char('j')));
    let ModalKind::Text { scroll, .. } = &state.ctx.modal.as_ref().unwrap().kind else {
        panic!()
    };
    assert_eq!(*scroll, 1);
    press(&mut state, &mut world, key(KeyCode::Char('q')));
    assert!(
        state.ctx.modal.is_none() && !state.quit,
        "q closes the viewer, not canopy"
    );
}

/// Where `text` is drawn: (column, row) of its first character.
fn drawn_at(screen: &str, text: &str) -> (u16, u16) {
    screen
        .lines()
        .enumerate()
        .find_map(|(y, line)| {
            line.find(text)
                .map(|x| (line[..x].chars().count() as u16, y as u16))
        })
        .unwrap_or_else(|| panic!("{text} is not on screen:\n{screen}"))
}

#[test]
fn a_click_selects_the_row_under_it_and_a_second_click_opens_it() {
    let (mut state, mut world) = loaded(false);
    let screen = super::harness::render(&state);
    let (column, row) = drawn_at(&screen, "Finance");
    act(&mut state, &mut world, Action::Click { column, row });
    assert_eq!(
        state
            .panes
            .compartments
            .selected_id()
            .and_then(|id| state.ctx.compartment(id))
            .map(|c| c.name.as_str()),
        Some("Finance")
    );
    assert_eq!(state.active, PaneId::Compartments);
    super::harness::render(&state);
    act(&mut state, &mut world, Action::Click { column, row });
    assert_eq!(
        state.active,
        PaneId::Policies,
        "the second click opens it, as Enter"
    );

    // In a list: the users.
    act(&mut state, &mut world, Action::Go(PaneId::Identity));
    let screen = super::harness::render(&state);
    let (column, row) = drawn_at(&screen, "carlos.mendes");
    act(&mut state, &mut world, Action::Click { column, row });
    assert_eq!(
        state
            .panes
            .identity
            .users
            .selected()
            .map(|u| u.name.as_str()),
        Some("carlos.mendes@acme-corp.com")
    );
    // A click outside any list changes nothing.
    act(&mut state, &mut world, Action::Click { column: 0, row: 0 });
    assert_eq!(
        state
            .panes
            .identity
            .users
            .selected()
            .map(|u| u.name.as_str()),
        Some("carlos.mendes@acme-corp.com")
    );
}

/// The last place restored can be any pane: starting on Policies still reads the tree (the
/// policies wait for it) and the tenancy for the header.
#[test]
fn a_session_that_starts_on_policies_reads_the_tree_it_needs() {
    let mut world = super::harness::world(super::harness::demo());
    let keymap = canopy::app::keymap::Keymap::default_keymap().unwrap();
    let mut state = canopy::app::AppState::new(super::harness::session(&world, false), keymap);
    state.active = PaneId::Policies;
    let requests = canopy::app::start(&mut state);
    super::harness::settle(&mut state, &mut world, requests);
    assert!(state.ctx.compartments.is_loaded());
    assert!(!state.panes.policies.list.all().is_empty());
    let screen = super::harness::render(&state);
    assert!(screen.contains("acme-corp"), "{screen}");
}
