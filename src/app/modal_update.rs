//! Keys and actions inside a modal: typing into fields, moving between options, submitting.

use super::action::Action;
use super::ctx::Ctx;
use super::modal::{ModalKind, ModalOutcome, ModalPurpose};
use super::pane_id::PaneId;
use super::text_input;

/// Applies an action to the open modal. When the modal closes, returns its owner, purpose and
/// outcome for the owner to act on.
pub fn update_modal(
    ctx: &mut Ctx,
    action: &Action,
) -> Option<(PaneId, ModalPurpose, ModalOutcome)> {
    let modal = ctx.modal.as_mut()?;
    let outcome = match (&mut modal.kind, action) {
        (_, Action::Cancel | Action::Back) | (ModalKind::Text { .. }, Action::Select) => {
            Some(ModalOutcome::Cancelled)
        }
        (ModalKind::Form { fields, focus, .. }, Action::Input(key)) => {
            if let Some(f) = fields.get_mut(*focus) {
                text_input::apply_key(&mut f.value, key);
            }
            None
        }
        (ModalKind::Form { fields, focus, .. }, Action::Paste(text)) => {
            if let Some(f) = fields.get_mut(*focus) {
                text_input::paste(&mut f.value, text);
            }
            None
        }
        (ModalKind::Form { fields, focus, .. }, Action::NextField) => {
            *focus = (*focus + 1) % fields.len().max(1);
            None
        }
        (ModalKind::Form { fields, focus, .. }, Action::PreviousField) => {
            *focus = (*focus + fields.len().max(1) - 1) % fields.len().max(1);
            None
        }
        (ModalKind::Form { fields, .. }, Action::Select) => Some(ModalOutcome::Submitted(
            fields.iter().map(|f| f.value.trim().to_string()).collect(),
        )),
        (ModalKind::TypedConfirm { input, .. }, Action::Input(key)) => {
            text_input::apply_key(input, key);
            None
        }
        (ModalKind::TypedConfirm { input, .. }, Action::Paste(text)) => {
            text_input::paste(input, text);
            None
        }
        (
            ModalKind::TypedConfirm {
                input, expected, ..
            },
            Action::Select,
        ) => {
            // Enter does nothing until the name is typed exactly: no single key deletes.
            (input == expected).then_some(ModalOutcome::Confirmed)
        }
        (
            ModalKind::Choice {
                options, selected, ..
            },
            Action::NextField,
        ) => {
            *selected = (*selected + 1) % options.len().max(1);
            None
        }
        (
            ModalKind::Choice {
                options, selected, ..
            },
            Action::PreviousField,
        ) => {
            *selected = (*selected + options.len().max(1) - 1) % options.len().max(1);
            None
        }
        (ModalKind::Choice { selected, .. }, Action::Select) => {
            Some(ModalOutcome::Chose(*selected))
        }
        (ModalKind::Choice { scroll, .. } | ModalKind::Text { scroll, .. }, Action::PageDown) => {
            *scroll = scroll.saturating_add(10);
            None
        }
        (ModalKind::Choice { scroll, .. } | ModalKind::Text { scroll, .. }, Action::PageUp) => {
            *scroll = scroll.saturating_sub(10);
            None
        }
        (ModalKind::Text { scroll, .. }, Action::NextField | Action::Down) => {
            *scroll = scroll.saturating_add(1);
            None
        }
        (ModalKind::Text { scroll, .. }, Action::PreviousField | Action::Up) => {
            *scroll = scroll.saturating_sub(1);
            None
        }
        _ => None,
    }?;
    let modal = ctx.modal.take()?;
    let result = (modal.owner, modal.purpose.clone(), outcome);
    // Only a form is ever reopened (with its validation message). Text is not kept, so a
    // password shown once is gone from state as soon as its modal closes.
    ctx.closed_modal = matches!(modal.kind, ModalKind::Form { .. }).then_some(modal);
    Some(result)
}
