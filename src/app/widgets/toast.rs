//! Results of user actions, shown on the toast line for a few seconds and then cleared.

/// How long a toast stays, in ticks (a tick is a quarter of a second).
pub const TOAST_TICKS: u32 = 16;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ToastKind {
    Info,
    Success,
    Error,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Toast {
    pub kind: ToastKind,
    pub text: String,
    pub ticks_left: u32,
}

/// A toast kept for the session, in full, after it left the screen: the Log pane's
/// Messages tab and the last-error key show it again (with the OCI code, message and
/// `opc-request-id` a support ticket needs).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Kept {
    pub kind: ToastKind,
    pub text: String,
    /// Seconds since the Unix epoch.
    pub at: i64,
}

impl Kept {
    /// `HH:MM:SS` (UTC).
    pub fn time(&self) -> String {
        let s = self.at.rem_euclid(86_400);
        format!("{:02}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60)
    }
}

/// How many messages the session keeps.
const KEPT: usize = 2000;

/// The toasts on screen, newest last. Only the newest is drawn; older ones age out.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Toasts {
    pub items: Vec<Toast>,
    /// Every toast of the session, newest last.
    pub kept: Vec<Kept>,
}

impl Toasts {
    pub fn push(&mut self, kind: ToastKind, text: impl Into<String>) {
        let text = text.into();
        self.kept.push(Kept {
            kind,
            text: text.clone(),
            at: super::super::ctx::unix_now(),
        });
        if self.kept.len() > KEPT {
            self.kept.remove(0);
        }
        self.items.push(Toast {
            kind,
            text,
            // Errors stay twice as long: they usually need reading.
            ticks_left: if kind == ToastKind::Error {
                TOAST_TICKS * 2
            } else {
                TOAST_TICKS
            },
        });
        if self.items.len() > 8 {
            self.items.remove(0);
        }
    }

    pub fn info(&mut self, text: impl Into<String>) {
        self.push(ToastKind::Info, text);
    }

    pub fn success(&mut self, text: impl Into<String>) {
        self.push(ToastKind::Success, text);
    }

    pub fn error(&mut self, text: impl Into<String>) {
        self.push(ToastKind::Error, text);
    }

    /// Ages every toast by one tick; true when the line on screen changed.
    pub fn tick(&mut self) -> bool {
        let before = self.items.len();
        for t in &mut self.items {
            t.ticks_left = t.ticks_left.saturating_sub(1);
        }
        self.items.retain(|t| t.ticks_left > 0);
        before != self.items.len()
    }

    pub fn current(&self) -> Option<&Toast> {
        self.items.last()
    }

    /// The session's latest error, in full.
    pub fn last_error(&self) -> Option<&Kept> {
        self.kept.iter().rev().find(|k| k.kind == ToastKind::Error)
    }
}
