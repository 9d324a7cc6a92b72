//! The Invitations pane.
