//! Keys and actions inside a modal: typing into fields, moving between options, submitting.

use super::form::Form;
use super::line_editor::Edit;
use super::modal::{Modal, ModalKind, ModalOutcome};
use crate::app::action::Action;
use crate::app::ctx::Ctx;

/// Applies an action to the open modal. When the modal closes, returns it with its outcome
/// for the owning pane to act on.
pub fn update_modal(ctx: &mut Ctx, action: &Action) -> Option<(Modal, ModalOutcome)> {
    if *action == Action::CopySecret {
        copy_secret(ctx);
        return None;
    }
    if *action == Action::CopyText {
        if let Some(Modal {
            kind: ModalKind::Text { lines, .. },
            title,
            ..
        }) = &ctx.modal
        {
            let text: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
            let done = format!("copied {title} ({} lines)", text.len());
            let text = text.join("\n");
            ctx.copy(text, done);
        }
        return None;
    }
    let modal = ctx.modal.as_mut()?;
    let outcome = match (&mut modal.kind, action) {
        (_, Action::Cancel | Action::Back) | (ModalKind::Text { .. }, Action::Select) => {
            Some(ModalOutcome::Cancelled)
        }
        (ModalKind::Form(form), action) => form_action(form, action),
        (ModalKind::TypedConfirm { input, .. }, Action::Input(key)) => {
            input.handle(key);
            None
        }
        (ModalKind::TypedConfirm { input, .. }, Action::Paste(text)) => {
            input.paste(text);
            None
        }
        (
            ModalKind::TypedConfirm {
                input, expected, ..
            },
            Action::Select,
        ) => {
            // Enter does nothing until the name is typed exactly: no single key deletes.
            (input.text() == expected).then_some(ModalOutcome::Confirmed)
        }
        (
            ModalKind::Choice {
                options, selected, ..
            },
            Action::NextField | Action::Down,
        ) => {
            *selected = (*selected + 1) % options.len().max(1);
            None
        }
        (
            ModalKind::Choice {
                options, selected, ..
            },
            Action::PreviousField | Action::Up,
        ) => {
            *selected = (*selected + options.len().max(1) - 1) % options.len().max(1);
            None
        }
        (ModalKind::Choice { selected, .. }, Action::Select) => {
            Some(ModalOutcome::Chose(*selected))
        }
        (
            ModalKind::Choice { scroll, .. }
            | ModalKind::TypedConfirm { scroll, .. }
            | ModalKind::Text { scroll, .. }
            | ModalKind::Secret { scroll, .. },
            Action::PageDown,
        ) => {
            *scroll = scroll.saturating_add(10);
            None
        }
        (
            ModalKind::Choice { scroll, .. }
            | ModalKind::TypedConfirm { scroll, .. }
            | ModalKind::Text { scroll, .. }
            | ModalKind::Secret { scroll, .. },
            Action::PageUp,
        ) => {
            *scroll = scroll.saturating_sub(10);
            None
        }
        (ModalKind::Secret { .. }, Action::Select) => Some(ModalOutcome::Confirmed),
        (
            ModalKind::Text { scroll, .. } | ModalKind::Secret { scroll, .. },
            Action::NextField | Action::Down,
        ) => {
            *scroll = scroll.saturating_add(1);
            None
        }
        (
            ModalKind::Text { scroll, .. } | ModalKind::Secret { scroll, .. },
            Action::PreviousField | Action::Up,
        ) => {
            *scroll = scroll.saturating_sub(1);
            None
        }
        _ => None,
    }?;
    let modal = ctx.modal.take()?;
    Some((modal, outcome))
}

/// Puts the secret the open dialog shows on the clipboard; the dialog stays open.
fn copy_secret(ctx: &mut Ctx) {
    let Some(ModalKind::Secret { secret, .. }) = ctx.modal.as_ref().map(|m| &m.kind) else {
        return;
    };
    let secret = secret.clone();
    if let Some(refusal) = ctx.clipboard.refusal() {
        ctx.toasts.error(refusal);
        return;
    }
    ctx.effects
        .push(crate::app::ctx::Effect::CopySecret(secret));
    ctx.toasts
        .success("copied to the clipboard: paste it now, it is not shown again");
}

fn form_action(form: &mut Form, action: &Action) -> Option<ModalOutcome> {
    match action {
        Action::Input(key) => {
            if form.key(key) == Edit::Changed {
                form.error = None;
            }
            None
        }
        Action::Paste(text) => {
            form.paste(text);
            None
        }
        Action::NextField => {
            form.next_field(true);
            None
        }
        Action::PreviousField => {
            form.next_field(false);
            None
        }
        // While its write is on the way, Enter does not send it twice.
        Action::Select if form.waiting.is_some() => None,
        Action::Select => form.validate().map(ModalOutcome::Submitted),
        _ => None,
    }
}
