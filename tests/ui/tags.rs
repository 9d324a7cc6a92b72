//! The Tags pane.
