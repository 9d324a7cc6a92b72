//! Pure state tests: state + action -> new state + requests, no terminal.

use canopy::app::diff::{DiffLine, diff, reapply};
use canopy::app::modal::{ModalKind, ModalPurpose};
use canopy::app::{Action, PaneId, RequestKind, apply_response, update};
use crossterm::event::KeyCode;

use super::harness::{act, answer, ctrl, fresh, key, loaded, press, type_text};

#[test]
fn start_asks_for_the_tree_and_the_tenancy() {
    let snapshot = super::harness::demo();
    let (_, requests) = fresh(&snapshot, false);
    let kinds: Vec<_> = requests.iter().map(|r| r.kind.clone()).collect();
    assert!(kinds.contains(&RequestKind::ListCompartments));
    assert!(kinds.contains(&RequestKind::GetTenancy));
}

#[test]
fn policies_fan_out_once_the_tree_is_loaded_and_arrive_page_by_page() {
    let mut snapshot = super::harness::demo();
    let (mut state, requests) = fresh(&snapshot, false);
    let mut follow = Vec::new();
    for r in &requests {
        for resp in answer(&mut snapshot, r) {
            follow.extend(apply_response(&mut state, resp));
        }
    }
    let list = follow
        .iter()
        .find(|r| matches!(r.kind, RequestKind::ListPolicies { .. }))
        .expect("the policy fan-out starts when the tree arrives");
    let RequestKind::ListPolicies { compartment_ids } = &list.kind else {
        unreachable!()
    };
    assert!(compartment_ids.contains(&snapshot.tenancy.id));
    let mut pages = answer(&mut snapshot, list).into_iter();
    apply_response(&mut state, pages.next().unwrap());
    let partial = state.panes.policies.policies.data().map_or(0, Vec::len);
    assert!(
        state.panes.policies.policies.is_loading() && partial > 0,
        "first page shown while loading"
    );
    apply_response(&mut state, pages.next().unwrap());
    assert!(state.panes.policies.policies.is_loaded());
    assert!(state.panes.policies.policies.data().unwrap().len() > partial);
}

#[test]
fn a_superseded_listing_is_dropped() {
    let mut snapshot = super::harness::demo();
    let (mut state, requests) = fresh(&snapshot, false);
    let old = requests
        .iter()
        .find(|r| r.kind == RequestKind::ListCompartments)
        .unwrap()
        .clone();
    let newer = update(&mut state, Action::Refresh);
    assert!(
        newer
            .iter()
            .any(|r| r.kind == RequestKind::ListCompartments && r.id > old.id)
    );
    for resp in answer(&mut snapshot, &old) {
        apply_response(&mut state, resp);
    }
    assert!(
        state.ctx.compartments.is_loading(),
        "the stale answer must not land"
    );
}

#[test]
fn tree_expands_collapses_and_filters_to_the_path_of_a_match() {
    let (mut state, mut snapshot) = loaded(false);
    let top_level = state.panes.compartments.rows.len();
    assert!(top_level > 1);
    act(&mut state, &mut snapshot, Action::Down);
    while !state.panes.compartments.rows[state.panes.compartments.cursor.selected].has_children {
        act(&mut state, &mut snapshot, Action::Down);
    }
    act(&mut state, &mut snapshot, Action::Expand);
    assert!(state.panes.compartments.rows.len() > top_level);
    act(&mut state, &mut snapshot, Action::Collapse);
    assert_eq!(state.panes.compartments.rows.len(), top_level);

    act(&mut state, &mut snapshot, Action::Filter);
    type_text(&mut state, &mut snapshot, "pci");
    let rows = &state.panes.compartments.rows;
    let names: Vec<String> = rows
        .iter()
        .filter_map(|r| state.ctx.compartment(&r.id).map(|c| c.name.clone()))
        .collect();
    assert!(names.contains(&"PCI".to_string()), "{names:?}");
    assert!(names.len() < 8, "only the path to the match: {names:?}");
    press(&mut state, &mut snapshot, key(KeyCode::Esc));
    assert_eq!(
        state.panes.compartments.rows.len(),
        top_level,
        "Esc in the prompt restores"
    );
}

#[test]
fn enter_on_a_compartment_shows_its_policies_and_esc_goes_back() {
    let (mut state, mut snapshot) = loaded(false);
    act(&mut state, &mut snapshot, Action::Select);
    assert_eq!(state.active, PaneId::Policies);
    assert_eq!(
        state.panes.policies.scope.as_deref(),
        Some(snapshot.tenancy.id.as_str())
    );
    act(&mut state, &mut snapshot, Action::Back);
    assert!(
        state.panes.policies.scope.is_none(),
        "first Esc clears the scope"
    );
    act(&mut state, &mut snapshot, Action::Back);
    assert_eq!(
        state.active,
        PaneId::Compartments,
        "then Esc goes back along the breadcrumbs"
    );
}

fn open_first_policy_editor(
    state: &mut canopy::app::AppState,
    snapshot: &mut canopy::model::Snapshot,
) {
    act(state, snapshot, Action::Go(PaneId::Policies));
    act(state, snapshot, Action::Edit);
    assert!(
        state.panes.policies.editor.is_some(),
        "the editor opens once the policy arrives"
    );
}

#[test]
fn edit_save_sends_the_statements_with_if_match_after_a_diff() {
    let (mut state, mut snapshot) = loaded(false);
    open_first_policy_editor(&mut state, &mut snapshot);
    let id = state
        .panes
        .policies
        .editor
        .as_ref()
        .unwrap()
        .policy_id
        .clone();
    press(&mut state, &mut snapshot, key(KeyCode::Enter));
    type_text(
        &mut state,
        &mut snapshot,
        "Allow group Auditors to inspect all-resources in tenancy",
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
    assert_eq!(modal.purpose, ModalPurpose::SavePolicy);
    let requests = update(&mut state, Action::Select);
    let RequestKind::UpdatePolicy { etag, details, .. } = &requests[0].kind else {
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
    super::harness::settle(&mut state, &mut snapshot, requests);
    assert!(state.panes.policies.editor.is_none());
    assert!(
        !state.ctx.drafts.items.contains_key(&id),
        "the draft goes once saved"
    );
    let saved = snapshot.policies.iter().find(|p| p.id == id).unwrap();
    assert!(saved.statements.iter().any(|s| s.contains("Auditors")));
}

#[test]
fn stale_etag_shows_the_conflict_and_reapply_merges_on_the_new_version() {
    let (mut state, mut snapshot) = loaded(false);
    open_first_policy_editor(&mut state, &mut snapshot);
    let id = state
        .panes
        .policies
        .editor
        .as_ref()
        .unwrap()
        .policy_id
        .clone();
    // Someone else adds a statement meanwhile.
    let remote = "Allow group Ops to read buckets in tenancy".to_string();
    snapshot
        .policies
        .iter_mut()
        .find(|p| p.id == id)
        .unwrap()
        .statements
        .push(remote.clone());
    press(&mut state, &mut snapshot, key(KeyCode::Enter));
    type_text(
        &mut state,
        &mut snapshot,
        "Allow group Mine to read users in tenancy",
    );
    act(&mut state, &mut snapshot, Action::Save);
    act(&mut state, &mut snapshot, Action::Select);
    let modal = state.ctx.modal.as_ref().expect("the conflict dialog");
    assert_eq!(modal.purpose, ModalPurpose::PolicyConflict);
    let ModalKind::Choice { lines, .. } = &modal.kind else {
        panic!()
    };
    assert!(
        lines.iter().any(|l| l.text.contains(&remote)),
        "shows what changed remotely"
    );
    act(&mut state, &mut snapshot, Action::Select); // reapply
    let editor = state.panes.policies.editor.as_ref().expect("still editing");
    let statements = editor.statements();
    assert!(statements.contains(&remote) && statements.iter().any(|s| s.contains("Mine")));
    act(&mut state, &mut snapshot, Action::Save);
    act(&mut state, &mut snapshot, Action::Select);
    let saved = snapshot.policies.iter().find(|p| p.id == id).unwrap();
    assert!(
        saved.statements.contains(&remote) && saved.statements.iter().any(|s| s.contains("Mine"))
    );
}

#[test]
fn read_only_refuses_writes_without_sending() {
    let (mut state, mut snapshot) = loaded(true);
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
    act(&mut state, &mut snapshot, Action::Go(PaneId::Policies));
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
    let (mut state, mut snapshot) = loaded(false);
    act(&mut state, &mut snapshot, Action::Down);
    act(&mut state, &mut snapshot, Action::Down);
    let name = state
        .ctx
        .compartment(state.panes.compartments.selected_id().unwrap())
        .unwrap()
        .name
        .clone();
    act(&mut state, &mut snapshot, Action::Delete);
    assert!(
        update(&mut state, Action::Select).is_empty(),
        "Enter alone deletes nothing"
    );
    assert!(state.ctx.modal.is_some());
    type_text(&mut state, &mut snapshot, &name[..name.len() - 1]);
    assert!(update(&mut state, Action::Select).is_empty());
    let last = name.chars().last().unwrap().to_string();
    for c in last.chars() {
        press(&mut state, &mut snapshot, key(KeyCode::Char(c)));
    }
    let requests = update(&mut state, Action::Select);
    assert!(matches!(
        requests[0].kind,
        RequestKind::DeleteCompartment { .. }
    ));
}

#[test]
fn palette_switches_panes_and_quits() {
    let (mut state, mut snapshot) = loaded(false);
    press(&mut state, &mut snapshot, key(KeyCode::Char(':')));
    type_text(&mut state, &mut snapshot, "pol");
    press(&mut state, &mut snapshot, key(KeyCode::Enter));
    assert_eq!(state.active, PaneId::Policies);
    press(&mut state, &mut snapshot, key(KeyCode::Char(':')));
    type_text(&mut state, &mut snapshot, "nope");
    press(&mut state, &mut snapshot, key(KeyCode::Enter));
    assert!(
        state
            .ctx
            .toasts
            .current()
            .unwrap()
            .text
            .contains("unknown command")
    );
    press(&mut state, &mut snapshot, key(KeyCode::Char(':')));
    type_text(&mut state, &mut snapshot, "q");
    press(&mut state, &mut snapshot, key(KeyCode::Enter));
    assert!(state.quit);
}

#[test]
fn editor_takes_q_as_text_and_ctrl_c_still_quits() {
    let (mut state, mut snapshot) = loaded(false);
    open_first_policy_editor(&mut state, &mut snapshot);
    press(&mut state, &mut snapshot, key(KeyCode::Char('q')));
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
    press(&mut state, &mut snapshot, ctrl('c'));
    assert!(state.quit);
}

#[test]
fn copy_and_raw_json_use_the_selection() {
    let (mut state, mut snapshot) = loaded(false);
    act(&mut state, &mut snapshot, Action::Down);
    let id = state.panes.compartments.selected_id().unwrap().to_string();
    let _ = update(&mut state, Action::CopyOcid);
    assert!(
        state
            .ctx
            .effects
            .contains(&canopy::app::Effect::Copy(id.clone()))
    );
    act(&mut state, &mut snapshot, Action::RawJson);
    let ModalKind::Text { lines, .. } = &state.ctx.modal.as_ref().unwrap().kind else {
        panic!()
    };
    assert!(lines.iter().any(|l| l.text.contains(&id)));
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
    let (mut state, mut snapshot) = loaded(false);
    // Create under the root, through the form.
    act(&mut state, &mut snapshot, Action::Create);
    press(&mut state, &mut snapshot, key(KeyCode::Enter));
    let modal = state
        .ctx
        .modal
        .as_ref()
        .expect("an empty name is refused and the form stays");
    let ModalKind::Form { error, .. } = &modal.kind else {
        panic!()
    };
    assert!(error.as_deref().unwrap().contains("name"));
    type_text(&mut state, &mut snapshot, "Lab");
    press(&mut state, &mut snapshot, key(KeyCode::Tab));
    type_text(&mut state, &mut snapshot, "Experiments");
    press(&mut state, &mut snapshot, key(KeyCode::Enter));
    let lab = snapshot
        .compartments
        .iter()
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
    act(&mut state, &mut snapshot, Action::Rename);
    press(&mut state, &mut snapshot, ctrl('u'));
    type_text(&mut state, &mut snapshot, "Lab2");
    press(&mut state, &mut snapshot, key(KeyCode::Enter));
    assert_eq!(state.ctx.compartment(&lab).unwrap().name, "Lab2");

    // Move it under Dev: pick the target in the tree.
    act(&mut state, &mut snapshot, Action::Move);
    let dev = state
        .panes
        .compartments
        .rows
        .iter()
        .position(|r| {
            state
                .ctx
                .compartment(&r.id)
                .is_some_and(|c| c.name == "Dev")
        })
        .unwrap();
    state.panes.compartments.cursor.selected = dev;
    act(&mut state, &mut snapshot, Action::Select);
    assert_eq!(
        state.ctx.modal.as_ref().unwrap().purpose,
        ModalPurpose::MoveCompartment {
            id: lab.clone(),
            target_id: state.panes.compartments.rows[dev].id.clone()
        }
    );
    act(&mut state, &mut snapshot, Action::Select);
    let moved = snapshot.compartments.iter().find(|c| c.id == lab).unwrap();
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
    act(&mut state, &mut snapshot, Action::Delete);
    type_text(&mut state, &mut snapshot, "Lab2");
    act(&mut state, &mut snapshot, Action::Select);
    assert_eq!(
        state.ctx.compartment(&lab).unwrap().lifecycle_state,
        canopy::model::LifecycleState::Deleted
    );
    state.panes.compartments.reveal(&lab, &state.ctx);
    act(&mut state, &mut snapshot, Action::Recover);
    assert_eq!(
        state.ctx.compartment(&lab).unwrap().lifecycle_state,
        canopy::model::LifecycleState::Active
    );
}

#[test]
fn moving_into_its_own_child_is_refused() {
    let (mut state, mut snapshot) = loaded(false);
    let dev_row = state
        .panes
        .compartments
        .rows
        .iter()
        .position(|r| {
            state
                .ctx
                .compartment(&r.id)
                .is_some_and(|c| c.name == "Dev")
        })
        .unwrap();
    state.panes.compartments.cursor.selected = dev_row;
    act(&mut state, &mut snapshot, Action::Move);
    act(&mut state, &mut snapshot, Action::Expand);
    act(&mut state, &mut snapshot, Action::Down);
    act(&mut state, &mut snapshot, Action::Select);
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
}

#[test]
fn create_and_delete_a_policy() {
    let (mut state, mut snapshot) = loaded(false);
    act(&mut state, &mut snapshot, Action::Go(PaneId::Policies));
    act(&mut state, &mut snapshot, Action::Create);
    type_text(&mut state, &mut snapshot, "auditors");
    press(&mut state, &mut snapshot, key(KeyCode::Tab));
    type_text(&mut state, &mut snapshot, "Read-only auditors");
    press(&mut state, &mut snapshot, key(KeyCode::Tab));
    press(&mut state, &mut snapshot, key(KeyCode::Tab));
    type_text(
        &mut state,
        &mut snapshot,
        "Allow group Auditors to inspect all-resources in tenancy",
    );
    press(&mut state, &mut snapshot, key(KeyCode::Enter));
    let created = snapshot
        .policies
        .iter()
        .find(|p| p.name == "auditors")
        .expect("created");
    assert_eq!(created.compartment_id, snapshot.tenancy.id);
    assert_eq!(state.panes.policies.selected().unwrap().name, "auditors");
    act(&mut state, &mut snapshot, Action::Delete);
    type_text(&mut state, &mut snapshot, "auditors");
    act(&mut state, &mut snapshot, Action::Select);
    assert!(!snapshot.policies.iter().any(|p| p.name == "auditors"));
    assert!(state.ctx.toasts.current().unwrap().text.contains("deleted"));
}

#[test]
fn drafts_found_at_start_are_offered_and_restored_into_the_editor() {
    let mut snapshot = super::harness::demo();
    let policy = snapshot.policies[0].clone();
    let keymap = canopy::app::keymap::Keymap::default_keymap().unwrap();
    let mut state = canopy::app::AppState::new(super::harness::session(&snapshot, false), keymap);
    state.ctx.drafts.found = vec![canopy::app::drafts::Draft {
        policy_id: policy.id.clone(),
        policy_name: policy.name.clone(),
        etag: Some(super::harness::etag(&policy)),
        base: policy.statements.clone(),
        text: format!(
            "{}\nAllow group Restored to read users in tenancy",
            policy.statements.join("\n")
        ),
    }];
    let requests = canopy::app::start(&mut state);
    assert_eq!(
        state.ctx.modal.as_ref().unwrap().purpose,
        ModalPurpose::RestoreDrafts
    );
    super::harness::settle(&mut state, &mut snapshot, requests);
    act(&mut state, &mut snapshot, Action::Select);
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
    let (mut state, mut snapshot) = loaded(false);
    act(&mut state, &mut snapshot, Action::Go(PaneId::Policies));
    act(&mut state, &mut snapshot, Action::EditExternal);
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
        &mut snapshot,
        Action::ExternalEditDone(Some(format!(
            "{text}\nAllow group Ext to read users in tenancy\n"
        ))),
    );
    let editor = state.panes.policies.editor.as_ref().unwrap();
    assert!(editor.is_modified() && editor.text().contains("Ext"));
}

#[test]
fn esc_closes_the_editor_and_keeps_the_draft() {
    let (mut state, mut snapshot) = loaded(false);
    open_first_policy_editor(&mut state, &mut snapshot);
    let id = state
        .panes
        .policies
        .editor
        .as_ref()
        .unwrap()
        .policy_id
        .clone();
    type_text(&mut state, &mut snapshot, " x");
    press(&mut state, &mut snapshot, key(KeyCode::Esc));
    assert!(state.panes.policies.editor.is_none());
    assert!(state.ctx.drafts.items.contains_key(&id));
    act(&mut state, &mut snapshot, Action::Edit);
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
    press(&mut state, &mut snapshot, ctrl('x'));
    assert!(state.panes.policies.editor.is_none() && !state.ctx.drafts.items.contains_key(&id));
}
