//! What is selected, and selecting with the mouse: the selection's name (for `Y` and marks)
//! and a click mapped to the row drawn under it.

use super::panes::PaneId;
use super::state::AppState;

/// The selected resource's name: the one the app knows for its OCID, else its JSON's.
pub fn selected_name(state: &AppState) -> Option<String> {
    let pane = state.panes.get(state.active);
    let id = pane.selected_ocid(&state.ctx)?;
    if let Some(name) = state.ctx.name_of(&id) {
        return Some(name.to_string());
    }
    if let Some(c) = state.ctx.compartment(&id) {
        return Some(c.name.clone());
    }
    let json = pane.selected_json(&state.ctx)?;
    let name = json.get("name").or_else(|| json.get("displayName"))?;
    name.as_str().map(str::to_string)
}

/// A click selects the row under it in the focused list (or the tree); true when it hit the
/// row already selected, which opens it as Enter does. Clicks elsewhere do nothing.
pub(super) fn click(state: &mut AppState, column: u16, row: u16) -> bool {
    let AppState { panes, active, .. } = state;
    let pane = panes.get_mut(*active);
    let hit = match pane.focused_list_mut() {
        Some(list) => list.click(column, row),
        None if *active == PaneId::Compartments => {
            let tree = &mut panes.compartments;
            let len = tree.rows.len();
            tree.cursor.row_at(column, row, len).map(|i| {
                let again = i == tree.cursor.selected;
                tree.cursor.selected = i;
                again
            })
        }
        None => None,
    };
    hit == Some(true)
}
