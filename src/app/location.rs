//! Where the user was: the pane and the selected resource, per profile, kept on quit and
//! restored on the next start (as lfk and tgcp do). The selection is reopened through the
//! same jump an OCID pasted into `:` takes, so it lands once its list has loaded.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::panes::PaneId;
use super::state::AppState;

/// One profile's last place.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Location {
    /// The pane's keymap name (`policies`).
    pub pane: String,
    /// The OCID selected there, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub selected: Option<String>,
}

/// The file, beside the drafts: `$XDG_DATA_HOME/canopy/locations.json`.
pub fn default_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "canopy").map(|d| d.data_dir().join("locations.json"))
}

/// The key a place is kept under: the profile and its tenancy.
fn key(state: &AppState) -> String {
    let s = &state.ctx.session;
    format!("{}/{}", s.profile, s.tenancy_id)
}

fn read(path: &Path) -> BTreeMap<String, Location> {
    // A missing or unreadable file is no place to go back to, not an error worth a word.
    std::fs::read(path)
        .ok()
        .and_then(|bytes| serde_json::from_slice(&bytes).ok())
        .unwrap_or_default()
}

/// Where the user is now.
pub fn current(state: &AppState) -> Location {
    let pane = state.panes.get(state.active);
    Location {
        pane: state.active.name().to_string(),
        selected: pane
            .selected_ocid(&state.ctx)
            .filter(|id| id.starts_with("ocid1.")),
    }
}

/// Keeps the current place for this profile (owner-only file).
pub fn save(path: &Path, state: &AppState) -> Result<(), crate::files::FileError> {
    let mut all = read(path);
    all.insert(key(state), current(state));
    let json = serde_json::to_vec_pretty(&all).unwrap_or_default();
    if let Some(dir) = path.parent() {
        crate::files::private_dir(dir)?;
    }
    crate::files::write_private(path, &json)
}

/// Goes back to where the user was last time with this profile, if anywhere.
pub fn restore(path: &Path, state: &mut AppState) {
    let Some(place) = read(path).remove(&key(state)) else {
        return;
    };
    match (place.selected, PaneId::from_name(&place.pane)) {
        (Some(ocid), _) => super::jump::to_ocid(state, &ocid),
        (None, Some(pane)) => super::update::go(state, pane),
        (None, None) => {}
    }
}
