//! The Log pane: every message of the session in full (errors with their OCI code, message
//! and `opc-request-id`, results), and every API call (method, path, status, duration).
//! Enter shows the selected one whole; `y` copies it.

use super::{Dialogs, KeyContext, Pane, PaneId, PaneState};
use crate::app::action::Action;
use crate::app::ctx::Ctx;
use crate::app::request::{CallRecord, Response};
use crate::app::widgets::cursor::ListCursor;
use crate::app::widgets::modal::{Modal, ModalOutcome, Tone, ToneLine};
use crate::app::widgets::toast::{Kept, ToastKind};

/// Calls kept; older ones scroll away.
const KEEP: usize = 5000;

/// The Log pane's two lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum LogTab {
    #[default]
    Calls,
    Messages,
}

impl LogTab {
    pub const ALL: [LogTab; 2] = [LogTab::Calls, LogTab::Messages];

    pub fn title(self) -> &'static str {
        match self {
            LogTab::Calls => "API calls",
            LogTab::Messages => "Messages",
        }
    }
}

#[derive(Debug, Default)]
pub struct LogPane {
    pub tab: LogTab,
    pub calls: std::collections::VecDeque<CallRecord>,
    pub cursor: ListCursor,
    /// The cursor in the session's messages (`ctx.toasts.kept`).
    pub messages: ListCursor,
    /// Follow new calls while the cursor sits on the last one.
    follow: bool,
}

impl LogPane {
    pub fn new() -> Self {
        LogPane {
            follow: true,
            ..LogPane::default()
        }
    }

    pub fn record(&mut self, call: CallRecord) {
        self.calls.push_back(call);
        if self.calls.len() > KEEP {
            // A ring: thousands of calls a second (a fan-out) each drop the oldest in O(1).
            self.calls.pop_front();
        }
        if self.follow {
            self.cursor.selected = self.calls.len() - 1;
        }
    }

    /// The messages tab with the latest error selected (the last-error key's destination).
    pub fn show_last_error(&mut self, ctx: &Ctx) {
        self.tab = LogTab::Messages;
        let kept = &ctx.toasts.kept;
        if let Some(i) = kept.iter().rposition(|k| k.kind == ToastKind::Error) {
            self.messages.selected = i;
        }
    }

    fn selected_message<'a>(&self, ctx: &'a Ctx) -> Option<&'a Kept> {
        ctx.toasts.kept.get(self.messages.selected)
    }
}

/// A message in full, as the details dialog shows it.
pub fn message_modal(kept: &Kept) -> Modal {
    let (title, tone) = match kept.kind {
        ToastKind::Error => ("Error", Tone::Error),
        ToastKind::Success => ("Done", Tone::Plain),
        ToastKind::Info => ("Note", Tone::Plain),
    };
    Modal::text(
        title,
        vec![
            ToneLine::new(Tone::Dim, format!("at {} UTC", kept.time())),
            ToneLine::new(tone, kept.text.clone()),
            ToneLine::new(Tone::Dim, "every message: Log (6) › Messages, where y copies one"),
        ],
    )
}

fn call_modal(c: &CallRecord) -> Modal {
    let line = |k: &str, v: String| ToneLine::plain(format!("{k:<9}{v}"));
    Modal::text(
        "API call",
        vec![
            line("Method", c.method.clone()),
            line("Path", c.path.clone()),
            line(
                "Status",
                c.status.map_or_else(|| "no answer".into(), |s| s.to_string()),
            ),
            line("Took", format!("{} ms", c.duration_ms)),
        ],
    )
}

impl Pane for LogPane {
    fn contexts(&self) -> Vec<KeyContext> {
        vec![KeyContext::Log, KeyContext::Tabs, KeyContext::List]
    }

    fn handle(&mut self, action: &Action, ctx: &mut Ctx) -> bool {
        match action {
            Action::NextTab | Action::PreviousTab => {
                self.tab = match self.tab {
                    LogTab::Calls => LogTab::Messages,
                    LogTab::Messages => LogTab::Calls,
                };
                if self.tab == LogTab::Messages {
                    self.messages.selected = ctx.toasts.kept.len().saturating_sub(1);
                }
                return true;
            }
            Action::Select => {
                let modal = match self.tab {
                    LogTab::Calls => self.calls.get(self.cursor.selected).map(call_modal),
                    LogTab::Messages => self.selected_message(ctx).map(message_modal),
                };
                if let Some(modal) = modal {
                    ctx.open(modal);
                }
                return true;
            }
            _ => {}
        }
        match self.tab {
            LogTab::Calls => {
                let moved = self.cursor.navigate(action, self.calls.len());
                if moved {
                    self.follow = self.cursor.selected + 1 >= self.calls.len();
                }
                moved
            }
            LogTab::Messages => self.messages.navigate(action, ctx.toasts.kept.len()),
        }
    }

    fn take_response(&mut self, _response: Response, _ctx: &mut Ctx) {}

    fn refresh(&mut self, _ctx: &mut Ctx) {}

    /// `y`: the selected message in full, or the call's path.
    fn selected_ocid(&self, ctx: &Ctx) -> Option<String> {
        match self.tab {
            LogTab::Calls => self.calls.get(self.cursor.selected).map(|c| c.path.clone()),
            LogTab::Messages => self.selected_message(ctx).map(|k| k.text.clone()),
        }
    }

    fn selected_json(&self, ctx: &Ctx) -> Option<serde_json::Value> {
        match self.tab {
            LogTab::Calls => {
                let c = self.calls.get(self.cursor.selected)?;
                Some(serde_json::json!({
                    "method": c.method, "path": c.path, "status": c.status,
                    "durationMs": c.duration_ms,
                }))
            }
            LogTab::Messages => {
                let k = self.selected_message(ctx)?;
                Some(serde_json::json!({
                    "kind": format!("{:?}", k.kind), "text": k.text, "at": k.at,
                }))
            }
        }
    }
}

impl Dialogs for LogPane {
    type Dialog = ();

    fn on_modal(&mut self, _dialog: (), _outcome: ModalOutcome, _ctx: &mut Ctx) {}
}

impl PaneState for LogPane {
    fn new(_id: PaneId) -> Self {
        LogPane::new()
    }
}
