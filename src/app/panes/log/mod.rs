//! The command log: every API call this session made, newest last.

use super::{Dialogs, KeyContext, Pane, PaneId, PaneState};
use crate::app::action::Action;
use crate::app::ctx::Ctx;
use crate::app::request::{CallRecord, Response};
use crate::app::widgets::cursor::ListCursor;
use crate::app::widgets::modal::ModalOutcome;

/// Calls kept; older ones scroll away.
const KEEP: usize = 5000;

#[derive(Debug, Default)]
pub struct LogPane {
    pub calls: Vec<CallRecord>,
    pub cursor: ListCursor,
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
        self.calls.push(call);
        if self.calls.len() > KEEP {
            self.calls.remove(0);
        }
        if self.follow {
            self.cursor.selected = self.calls.len() - 1;
        }
    }
}

impl Pane for LogPane {
    fn contexts(&self) -> Vec<KeyContext> {
        vec![KeyContext::Log, KeyContext::List]
    }

    fn handle(&mut self, action: &Action, _ctx: &mut Ctx) -> bool {
        let moved = self.cursor.navigate(action, self.calls.len());
        if moved {
            self.follow = self.cursor.selected + 1 >= self.calls.len();
        }
        moved
    }

    fn take_response(&mut self, _response: Response, _ctx: &mut Ctx) {}

    fn refresh(&mut self, _ctx: &mut Ctx) {}

    fn selected_json(&self, _ctx: &Ctx) -> Option<serde_json::Value> {
        let c = self.calls.get(self.cursor.selected)?;
        Some(serde_json::json!({
            "method": c.method, "path": c.path, "status": c.status, "durationMs": c.duration_ms,
        }))
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
