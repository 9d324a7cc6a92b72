//! Rendering: panes, widgets, theme and keymap.
