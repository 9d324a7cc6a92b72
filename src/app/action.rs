//! What the user meant, after the keymap resolved a key. The keymap file names these actions
//! directly (`snake_case`); variants the keymap cannot produce are `#[serde(skip)]`.

use crossterm::event::KeyEvent;
use serde::Deserialize;

use super::panes::PaneId;

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    // --- everywhere ---
    Quit,
    NextPane,
    PreviousPane,
    /// Switch to a pane: `{ go = "policies" }` in the keymap.
    Go(PaneId),
    /// Open the `:` command palette.
    Palette,
    /// Open the `/` filter prompt of the focused list.
    Filter,
    /// Cycle the filter between substring, regex and fuzzy matching.
    FilterMode,
    Help,
    /// Esc: close the innermost overlay, clear a filter, or go back along the breadcrumbs.
    Back,
    /// Copy the selected resource's OCID to the clipboard (OSC 52).
    CopyOcid,
    /// Show the selected resource as raw JSON.
    RawJson,
    Refresh,
    /// Show the session's latest error in full (code, message, `opc-request-id`).
    LastError,

    // --- lists and trees ---
    Up,
    Down,
    PageUp,
    PageDown,
    Top,
    Bottom,
    Expand,
    Collapse,
    /// Enter: open, pick or confirm, depending on where the focus is.
    Select,
    /// Every policy statement that applies to the selected compartment.
    Audit,
    /// In the audit view: ask "what can PRINCIPAL do here".
    AskWhatCan,
    /// In the audit view: ask "who can VERB RESOURCE here".
    AskWhoCan,
    /// In the audit view: ask "can PRINCIPAL do this here" (yes or no, and why not).
    AskCan,
    /// In the audit view: the tenancy's escalation paths (who can make themselves more
    /// powerful, and how).
    EscalationPaths,
    /// Order the list by its next column (after the last, by name again).
    Sort,
    /// Reverse the list's order.
    SortReverse,
    /// Choose which of the list's columns show.
    Columns,
    /// Mark or unmark the selected row for an action on several at once.
    Mark,

    // --- writes (unreachable in read-only mode) ---
    Create,
    Edit,
    /// Edit in `$EDITOR` instead of the embedded editor.
    EditExternal,
    Rename,
    Move,
    Delete,
    Recover,
    /// Save the editor's content (asks for confirmation with a diff first).
    Save,
    /// Add to the focused list: a user to a group, an API key to a user.
    Add,
    /// Block or unblock the selected user.
    Block,
    /// Toggle the selected user's capabilities.
    Capabilities,
    /// Create or reset the selected user's console password (shown once).
    ResetPassword,
    /// Retire or reactivate the selected tag namespace or tag.
    Retire,
    /// Activate the selected MFA device with the code its authenticator app shows; activate
    /// or deactivate the selected identity domain.
    Activate,
    /// A new seed for the selected MFA device (not activated yet), shown once.
    NewSeed,
    /// Change the selected identity domain's license type.
    ChangeLicense,
    /// Replicate the selected identity domain to another region.
    Replicate,
    /// Reset the selected identity provider's SCIM client (a new secret, shown once).
    ResetScimClient,
    /// The selected resource's other fields in a form (a policy's description, version date
    /// and tags).
    Details,
    /// Add a lock (FULL or DELETE) to the selected tag namespace or tag default.
    Lock,
    /// Remove a lock from the selected tag namespace or tag default.
    Unlock,
    /// Add, set or remove a defined tag on every marked row (or the selection).
    BulkTags,
    /// Import the selected standard tag namespace template.
    Import,

    // --- sub-views ---
    /// The next list of a pane with several (users, groups, dynamic groups).
    NextTab,
    PreviousTab,
    /// The Identity pane: choose the identity domain whose users and groups it shows.
    ChooseDomain,
    /// The selected user's credentials, a tab per kind (API keys first).
    #[serde(alias = "api_keys")]
    Credentials,
    /// Pick the compartment a list is scoped to (tag defaults).
    Scope,
    /// The selected compartment's resources of other services (instances, buckets ...).
    Resources,

    // --- dialogs ---
    /// Move the focus to the next field or option.
    NextField,
    PreviousField,
    /// Leave the editor or a dialog without keeping its changes.
    Cancel,
    /// Copy the secret a dialog shows once to the clipboard (OSC 52).
    CopySecret,
    /// Copy the selected resource's name.
    CopyName,
    /// Copy all the text shown: a viewer's (raw JSON, an error's details) or the audit
    /// view's last answer.
    CopyText,
    /// Take back the editor's last change.
    Undo,
    /// Make the change undone last again.
    Redo,

    // --- internal: never from the keymap ---
    /// A key for a text input (editor, prompt, form field) that the keymap did not claim.
    #[serde(skip)]
    Input(KeyEvent),
    /// Text pasted into the terminal.
    #[serde(skip)]
    Paste(String),
    /// A left click at this screen cell (`--mouse`): selects the row there; a click on the
    /// row already selected opens it, as Enter does.
    #[serde(skip)]
    Click {
        column: u16,
        row: u16,
    },
    /// A clock tick: spinners turn and toasts age.
    #[serde(skip)]
    Tick,
    /// The external editor closed with this text (`None`: it failed or was cancelled).
    #[serde(skip)]
    ExternalEditDone(Option<String>),
    /// Run a command-palette command, e.g. `pol` or `q`.
    #[serde(skip)]
    Command(String),
    /// Restore the saved drafts found at start.
    #[serde(skip)]
    RestoreDrafts,
    /// A pane-specific sub-view, e.g. the Identity pane's `users` tab (from the palette).
    #[serde(skip)]
    Show(String),
}

impl Action {
    /// Actions that change the tenancy: refused (with a toast) in read-only mode and hidden
    /// from the hint bar and help there.
    pub fn is_write(&self) -> bool {
        matches!(
            self,
            Action::Create
                | Action::Edit
                | Action::EditExternal
                | Action::Rename
                | Action::Move
                | Action::Delete
                | Action::Recover
                | Action::Save
                | Action::Add
                | Action::Block
                | Action::Capabilities
                | Action::ResetPassword
                | Action::Retire
                | Action::Activate
                | Action::NewSeed
                | Action::ChangeLicense
                | Action::Replicate
                | Action::ResetScimClient
                | Action::Details
                | Action::Lock
                | Action::Unlock
                | Action::BulkTags
                | Action::Import
        )
    }
}
