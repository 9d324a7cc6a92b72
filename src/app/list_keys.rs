//! The keys every list answers the same way, whatever its pane: sort by the next column,
//! reverse, choose the columns shown, mark rows for a bulk action.

use super::action::Action;
use super::panes::PaneDialog;
use super::state::AppState;
use super::widgets::modal::{Modal, ModalKind, Tone, ToneLine};

/// Sort, column choice and marks, for whatever list has the focus.
pub(super) fn list_action(state: &mut AppState, action: &Action) {
    let AppState {
        ctx, panes, active, ..
    } = state;
    let pane = panes.get_mut(*active);
    if pane.focused_list_mut().is_none() {
        // A pane that is not a list (the compartment tree) may still take marks.
        if !pane.handle(action, ctx) {
            ctx.toasts.info("no list here");
        }
        return;
    }
    let Some(list) = pane.focused_list_mut() else {
        return;
    };
    match action {
        Action::Sort => list.sort_next(ctx),
        Action::SortReverse => list.sort_reverse(ctx),
        Action::Mark => {
            let marked = list.toggle_mark();
            let noun = list.noun();
            let count = list.marked();
            let what = if count == 1 { noun.one } else { noun.many };
            let verb = if marked { "marked" } else { "unmarked" };
            ctx.toasts.info(format!("{verb}; {count} {what} marked"));
        }
        _ => choose_columns(state, None),
    }
}

/// Opens (or, after a choice, updates) the column chooser of the focused list. It stays open
/// so several columns can be switched in one go.
pub(super) fn choose_columns(state: &mut AppState, toggled: Option<usize>) {
    let AppState {
        ctx, panes, active, ..
    } = state;
    let Some(list) = panes.get_mut(*active).focused_list_mut() else {
        return;
    };
    let columns = list.columns();
    if let Some(i) = toggled {
        if i >= columns.len() {
            return; // "Done"
        }
        list.toggle_column(i);
    }
    let options: Vec<String> = list
        .columns()
        .iter()
        .map(|(title, shown)| format!("[{}] {title}", if *shown { "x" } else { " " }))
        .chain(std::iter::once("Done".to_string()))
        .collect();
    let options: Vec<&str> = options.iter().map(String::as_str).collect();
    let mut modal = Modal::choice(
        PaneDialog::Columns,
        "Columns",
        vec![ToneLine::new(
            Tone::Dim,
            "Enter shows or hides a column; the first always shows.",
        )],
        &options,
    );
    if let (Some(i), ModalKind::Choice { selected, .. }) = (toggled, &mut modal.kind) {
        *selected = i;
    }
    ctx.open(modal);
}
