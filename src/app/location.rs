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
    /// The selection's name when it was kept, for lists of marks.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
}

/// The file, beside the drafts: `$XDG_DATA_HOME/canopy/locations.json`.
pub fn default_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "canopy").map(|d| d.data_dir().join("locations.json"))
}

/// What is kept per profile: the last place (flattened, so files from before marks and
/// history still read), the named places and the palette's history.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
struct Kept {
    #[serde(flatten)]
    last: Location,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    marks: BTreeMap<String, Location>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    history: Vec<String>,
}

/// The key a place is kept under: the profile and its tenancy.
fn key(state: &AppState) -> String {
    let s = &state.ctx.session;
    format!("{}/{}", s.profile, s.tenancy_id)
}

fn read(path: &Path) -> BTreeMap<String, Kept> {
    // A missing or unreadable file is no place to go back to, not an error worth a word.
    std::fs::read(path)
        .ok()
        .and_then(|bytes| serde_json::from_slice(&bytes).ok())
        .unwrap_or_default()
}

/// Where the user is now.
pub fn current(state: &AppState) -> Location {
    let pane = state.panes.get(state.active);
    let selected = pane
        .selected_ocid(&state.ctx)
        .filter(|id| id.starts_with("ocid1."));
    let label = selected
        .as_ref()
        .and_then(|_| super::selection::selected_name(state));
    Location {
        pane: state.active.name().to_string(),
        selected,
        label,
    }
}

fn write(path: &Path, all: &BTreeMap<String, Kept>) -> Result<(), crate::files::FileError> {
    let json = serde_json::to_vec_pretty(all).unwrap_or_default();
    if let Some(dir) = path.parent() {
        crate::files::private_dir(dir)?;
    }
    crate::files::write_private(path, &json)
}

/// Keeps the current place, the marks and the palette's history for this profile
/// (owner-only file).
pub fn save(path: &Path, state: &AppState) -> Result<(), crate::files::FileError> {
    let mut all = read(path);
    all.insert(
        key(state),
        Kept {
            last: current(state),
            marks: state.marks.clone(),
            history: state.history.lines().to_vec(),
        },
    );
    write(path, &all)
}

/// Keeps only the marks (at once, when one is added or removed, so a crash loses none).
pub fn save_marks(path: &Path, state: &AppState) -> Result<(), crate::files::FileError> {
    let mut all = read(path);
    let kept = all.entry(key(state)).or_default();
    kept.marks = state.marks.clone();
    write(path, &all)
}

/// Goes back to where the user was last time with this profile, if anywhere, and brings
/// back the marks and the palette's history.
pub fn restore(path: &Path, state: &mut AppState) {
    state.places_path = Some(path.to_path_buf());
    let Some(kept) = read(path).remove(&key(state)) else {
        return;
    };
    state.marks = kept.marks;
    state.history = super::palette::History::from_lines(kept.history);
    go_to(state, &kept.last);
}

/// Opens a kept place: its resource when it had one selected, else its pane.
pub fn go_to(state: &mut AppState, place: &Location) {
    match (&place.selected, PaneId::from_name(&place.pane)) {
        (Some(ocid), _) => super::jump::to_ocid(state, ocid),
        (None, Some(pane)) => super::update::go(state, pane),
        (None, None) => {}
    }
}
