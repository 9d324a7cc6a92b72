//! The state side of the widgets every pane shares: the one-line editor, forms with named
//! fields, modals, the generic resource list, the `/` filter, loadable data and toasts. Their
//! drawing is in `ui::widgets`.

pub mod cursor;
pub mod filter;
pub mod form;
pub mod line_editor;
pub mod list_control;
mod list_order;
pub mod list_view;
pub mod loadable;
pub mod modal;
pub mod modal_update;
mod row_index;
pub mod toast;
