//! The audit view over the whole tenancy (loading, loaded, failed, both questions), the
//! snapshot cache and its invalidation, and the editor's tenancy-aware lint.

use canopy::app::request::{CompartmentRequest, TenancyRequest};
use canopy::app::{Action, AppState, Loadable, PaneId, RequestKind, apply_response, update};
use crossterm::event::KeyCode;
use insta::assert_snapshot;

use super::harness::{
    World, act, answer, fail, key, loaded, press, render, render_size, select_compartment, settle,
    type_text,
};

const LOAD: RequestKind = RequestKind::Tenancy(TenancyRequest::Load);

/// Expands the tree along `path` and selects its last compartment.
fn open_path(state: &mut AppState, world: &mut World, path: &[&str]) {
    for (i, name) in path.iter().enumerate() {
        select_compartment(state, name);
        if i + 1 < path.len() {
            act(state, world, Action::Expand);
        }
    }
}

/// The demo loaded, the audit view opened on Prod/AppTier/Web, its requests not answered.
fn audit_web() -> (AppState, World, Vec<canopy::app::Request>) {
    let (mut state, mut world) = loaded(false);
    open_path(&mut state, &mut world, &["Prod", "AppTier", "Web"]);
    let requests = update(&mut state, Action::Audit);
    (state, world, requests)
}

fn screen_text(state: &AppState) -> String {
    render_size(state, 120, 60)
}

#[test]
fn the_audit_view_loads_the_tenancy_once_and_shows_loading() {
    let (state, _, requests) = audit_web();
    let loads = requests.iter().filter(|r| r.kind == LOAD).count();
    assert_eq!(loads, 1, "{requests:?}");
    assert!(state.ctx.snapshot.is_loading());
    assert_snapshot!("audit_loading_80x24", render(&state));
}

#[test]
fn the_audit_view_lists_statements_with_provenance_and_principals() {
    let (mut state, mut world, requests) = audit_web();
    settle(&mut state, &mut world, requests);
    assert!(state.ctx.snapshot.is_loaded());
    let screen = screen_text(&state);
    // Nearest first: the policy attached to Prod/AppTier before the tenancy-wide ones.
    let near = screen.find("ci-functions to use instance-family in compartment Web");
    let far = screen.find("Administrators to manage all-resources");
    assert!(near.is_some() && far.is_some() && near < far, "{screen}");
    assert!(screen.contains("group AppOps ("), "{screen}");
    assert!(screen.contains("any-user"), "{screen}");
    assert!(screen.contains("only where"), "{screen}");
    assert_snapshot!("audit_loaded_80x24", render(&state));
    assert_snapshot!("audit_loaded_120x40", render_size(&state, 120, 40));
}

#[test]
fn a_failed_tenancy_load_is_shown_inline_and_r_retries() {
    let (mut state, mut world, requests) = audit_web();
    for r in requests {
        let response = if r.kind == LOAD {
            fail(&r, 500, "InternalServerError")
        } else {
            answer(&mut world, &r).remove(0)
        };
        let more = apply_response(&mut state, response);
        assert!(
            more.is_empty(),
            "a failure is not retried by itself: {more:?}"
        );
    }
    assert!(matches!(state.ctx.snapshot, Loadable::Failed(_)));
    assert_snapshot!("audit_failed_80x24", render(&state));
    let again = update(&mut state, Action::Refresh);
    assert!(again.iter().any(|r| r.kind == LOAD));
    settle(&mut state, &mut world, again);
    assert!(state.ctx.snapshot.is_loaded());
}

fn loaded_audit_web() -> (AppState, World) {
    let (mut state, mut world, requests) = audit_web();
    settle(&mut state, &mut world, requests);
    (state, world)
}

fn ask(state: &mut AppState, world: &mut World, action: Action, text: &str) {
    act(state, world, action);
    type_text(state, world, text);
    press(state, world, key(KeyCode::Enter));
}

#[test]
fn what_can_a_user_do_here_answers_through_group_membership() {
    let (mut state, mut world) = loaded_audit_web();
    ask(
        &mut state,
        &mut world,
        Action::AskWhatCan,
        "marcus.webb@acme-corp.com",
    );
    let (title, lines) = state.audit.as_ref().and_then(|a| a.answer.clone()).unwrap();
    assert_eq!(title, "What can marcus.webb@acme-corp.com do here?");
    let text: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
    assert!(
        text.iter()
            .any(|l| l.contains("manage instance-family") && l.contains("member of group AppOps")),
        "{text:#?}"
    );
    assert_snapshot!("audit_what_can_120x40", render_size(&state, 120, 40));
}

#[test]
fn who_can_verb_resource_here_lists_the_grants_and_who_they_reach() {
    let (mut state, mut world) = loaded_audit_web();
    ask(
        &mut state,
        &mut world,
        Action::AskWhoCan,
        "manage instances",
    );
    let (_, lines) = state.audit.as_ref().and_then(|a| a.answer.clone()).unwrap();
    let text = lines
        .iter()
        .map(|l| l.text.clone())
        .collect::<Vec<_>>()
        .join("\n");
    assert!(
        text.contains("group AppOps manage instance-family"),
        "{text}"
    );
    assert!(text.contains("reaches: "), "{text}");
    assert!(text.contains("Administrators"), "{text}");
    assert_snapshot!("audit_who_can_80x24", render(&state));
}

#[test]
fn bad_questions_get_a_clear_message() {
    let (mut state, mut world) = loaded_audit_web();
    ask(&mut state, &mut world, Action::AskWhatCan, "nobody-here");
    let (_, lines) = state.audit.as_ref().and_then(|a| a.answer.clone()).unwrap();
    assert!(
        lines[0]
            .text
            .contains("no user, group, dynamic group or IdP group is named `nobody-here`")
    );
    ask(
        &mut state,
        &mut world,
        Action::AskWhoCan,
        "destroy instances",
    );
    let (_, lines) = state.audit.as_ref().and_then(|a| a.answer.clone()).unwrap();
    assert!(
        lines[0].text.contains("unknown verb `destroy`"),
        "{:?}",
        lines[0]
    );
    ask(&mut state, &mut world, Action::AskWhoCan, "manage");
    let (_, lines) = state.audit.as_ref().and_then(|a| a.answer.clone()).unwrap();
    assert!(lines[0].text.contains("type a verb and a resource type"));
}

#[test]
fn the_prompt_takes_the_keys_and_esc_cancels_it_then_closes_the_view() {
    let (mut state, mut world) = loaded_audit_web();
    act(&mut state, &mut world, Action::AskWhatCan);
    // `q` is text in the prompt, not quit.
    type_text(&mut state, &mut world, "q");
    assert!(!state.quit);
    assert_eq!(
        state
            .audit
            .as_ref()
            .and_then(|a| a.asking.clone())
            .map(|(_, t)| t.text().to_string()),
        Some("q".to_string())
    );
    press(&mut state, &mut world, key(KeyCode::Esc));
    assert!(state.audit.as_ref().is_some_and(|a| a.asking.is_none()));
    press(&mut state, &mut world, key(KeyCode::Esc));
    assert!(state.audit.is_none());
}

#[test]
fn the_snapshot_is_cached_and_dropped_by_refresh_and_writes() {
    let (mut state, mut world) = loaded_audit_web();
    let Loadable::Loaded(first) = &state.ctx.snapshot else {
        panic!("loaded")
    };
    let first = first.clone();
    // Closing and reopening the view reuses the cache.
    act(&mut state, &mut world, Action::Back);
    let requests = update(&mut state, Action::Audit);
    assert!(!requests.iter().any(|r| r.kind == LOAD));
    settle(&mut state, &mut world, requests);
    // `r` in the view reloads it.
    let requests = update(&mut state, Action::Refresh);
    assert!(requests.iter().any(|r| r.kind == LOAD));
    settle(&mut state, &mut world, requests);
    let Loadable::Loaded(second) = &state.ctx.snapshot else {
        panic!("reloaded")
    };
    assert!(!std::sync::Arc::ptr_eq(&first, second));
    // A successful write (a compartment rename) invalidates it.
    act(&mut state, &mut world, Action::Back);
    act(&mut state, &mut world, Action::Rename);
    type_text(&mut state, &mut world, "-x");
    press(&mut state, &mut world, key(KeyCode::Enter));
    // Statements name Web by its path: the rename is confirmed after they are shown.
    assert!(render(&state).contains("stops matching"));
    press(&mut state, &mut world, key(KeyCode::Up));
    press(&mut state, &mut world, key(KeyCode::Enter));
    assert!(
        world
            .snapshot()
            .compartments
            .iter()
            .any(|c| c.name == "Web-x"),
        "the rename went through"
    );
    assert!(matches!(state.ctx.snapshot, Loadable::NotLoaded));
}

#[test]
fn the_editor_lints_against_the_tenancy() {
    let (mut state, mut world) = loaded(false);
    act(&mut state, &mut world, Action::Go(PaneId::Policies));
    let id = state
        .panes
        .policies
        .list
        .all()
        .iter()
        .find(|p| p.name == "qa-access")
        .unwrap()
        .id
        .clone();
    assert!(state.panes.policies.list.select(&id));
    act(&mut state, &mut world, Action::Edit);
    let editor = state.panes.policies.editor.as_ref().unwrap();
    assert!(
        editor.lint.tenancy_aware,
        "the snapshot was loaded for the lint"
    );
    let text: Vec<&str> = editor.lint.lines.iter().map(|l| l.text.as_str()).collect();
    assert!(
        text.iter()
            .any(|l| l.starts_with("1:") && l.contains("QA-Engineers")),
        "{text:#?}"
    );
    assert!(editor.lint.marked.contains(&0));
    assert_snapshot!("editor_tenancy_lint_80x24", render(&state));
    // Typing a statement with a known group gets no new finding for it.
    press(&mut state, &mut world, key(KeyCode::Enter));
    type_text(
        &mut state,
        &mut world,
        "Allow group AppOps to read metrics in compartment Staging",
    );
    let editor = state.panes.policies.editor.as_ref().unwrap();
    assert!(!editor.lint.marked.contains(&2), "{:?}", editor.lint.lines);
}

#[test]
fn a_compartment_rename_conflict_shows_the_conflict_and_reloads() {
    let (mut state, mut world) = loaded(false);
    select_compartment(&mut state, "Prod");
    act(&mut state, &mut world, Action::Rename);
    type_text(&mut state, &mut world, "-x");
    // Statements name Prod by its path: "Rename" is chosen after they are shown.
    press(&mut state, &mut world, key(KeyCode::Enter));
    press(&mut state, &mut world, key(KeyCode::Up));
    let enter = canopy::app::action_for_key(&state, &key(KeyCode::Enter)).unwrap();
    let requests = update(&mut state, enter);
    let rename = requests
        .iter()
        .find(|r| {
            matches!(
                r.kind,
                RequestKind::Compartments(CompartmentRequest::Update { .. })
            )
        })
        .expect("the rename is sent");
    let follow = apply_response(&mut state, fail(rename, 412, "NoEtagMatch"));
    assert!(
        follow
            .iter()
            .any(|r| r.kind == RequestKind::Compartments(CompartmentRequest::List)),
        "the tree reloads: {follow:?}"
    );
    let screen = render(&state);
    assert!(
        screen.contains("Conflict") && screen.contains("nothing was written"),
        "{screen}"
    );
    assert!(screen.contains("412 NoEtagMatch"), "{screen}");
    assert!(
        world
            .snapshot()
            .compartments
            .iter()
            .all(|c| c.name != "Prod-x")
    );
}

#[test]
fn help_in_the_audit_view_lists_its_keys() {
    let (mut state, mut world) = loaded_audit_web();
    press(&mut state, &mut world, key(KeyCode::Char('?')));
    let screen = render_size(&state, 100, 40);
    assert!(screen.contains("[audit]"), "{screen}");
    assert!(
        screen.contains("what can X do") && screen.contains("who can VERB RES"),
        "{screen}"
    );
    press(&mut state, &mut world, key(KeyCode::Esc));
    assert!(state.help.is_none() && state.audit.is_some());
}

#[test]
fn a_in_the_policies_pane_audits_the_selected_policys_compartment() {
    let (mut state, mut world) = loaded(false);
    act(&mut state, &mut world, Action::Go(PaneId::Policies));
    let policy = state
        .panes
        .policies
        .list
        .all()
        .iter()
        .find(|p| p.name == "pci-restricted")
        .unwrap()
        .clone();
    let compartment = policy.compartment_id.clone();
    assert!(state.panes.policies.list.select(&policy.id));
    press(&mut state, &mut world, key(KeyCode::Char('a')));
    let view = state.audit.as_ref().expect("the audit view opens");
    assert_eq!(view.compartment_id, compartment);
    assert!(view.is_ready());
    let screen = render(&state);
    assert!(
        screen.contains("Audit: acme-corp/Prod/Data/Warehouse/Sensitive"),
        "{screen}"
    );
    assert!(screen.contains("DENY Deny group Contractors"), "{screen}");
}

#[test]
fn e_shows_the_escalation_paths_of_the_tenancy() {
    let (mut state, mut world) = loaded_audit_web();
    act(&mut state, &mut world, Action::EscalationPaths);
    let (title, lines) = state.audit.as_ref().and_then(|a| a.answer.clone()).unwrap();
    assert_eq!(title, "Escalation paths in the tenancy");
    let text: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
    assert_eq!(text[0], "12 escalation paths:");
    assert!(
        text.contains(&"- group PlatformEngineering can join Administrators"),
        "{text:#?}"
    );
    assert_snapshot!("audit_escalation_120x40", render_size(&state, 120, 40));
}

#[test]
fn audit_questions_complete_names_and_types_with_tab_and_suggest_on_a_miss() {
    let (mut state, mut world) = loaded_audit_web();
    act(&mut state, &mut world, Action::AskWhatCan);
    type_text(&mut state, &mut world, "marc");
    press(&mut state, &mut world, key(KeyCode::Tab));
    let typed = |state: &AppState| {
        state
            .audit
            .as_ref()
            .unwrap()
            .asking
            .as_ref()
            .unwrap()
            .1
            .text()
            .to_string()
    };
    assert_eq!(typed(&state), "marcus.webb@acme-corp.com ");
    press(&mut state, &mut world, key(KeyCode::Enter));
    let (title, _) = state.audit.as_ref().and_then(|a| a.answer.clone()).unwrap();
    assert!(title.contains("marcus.webb@acme-corp.com"), "{title}");

    // Several candidates: the shared part is completed and the rest listed under the prompt.
    act(&mut state, &mut world, Action::AskWhoCan);
    type_text(&mut state, &mut world, "manage instance");
    press(&mut state, &mut world, key(KeyCode::Tab));
    assert!(typed(&state).starts_with("manage instance"));
    let screen = render(&state);
    assert!(
        screen.contains("Tab: ") && screen.contains("instance-family"),
        "{screen}"
    );
    press(&mut state, &mut world, key(KeyCode::Esc));

    // A part of a name without Tab: not found, with what it might have meant.
    ask(&mut state, &mut world, Action::AskWhatCan, "marcus");
    let (_, lines) = state.audit.as_ref().and_then(|a| a.answer.clone()).unwrap();
    let text: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
    assert!(text.contains(&"did you mean:"), "{text:?}");
    assert!(text.contains(&"  marcus.webb@acme-corp.com"), "{text:?}");
    ask(
        &mut state,
        &mut world,
        Action::AskCan,
        "AppOsp manage instances",
    );
    let (_, lines) = state.audit.as_ref().and_then(|a| a.answer.clone()).unwrap();
    let text: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
    assert!(text.contains(&"  AppOps"), "{text:?}");
}
