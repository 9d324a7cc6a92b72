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

/// The toasts on screen, newest last. Only the newest is drawn; older ones age out.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Toasts {
    pub items: Vec<Toast>,
}

impl Toasts {
    pub fn push(&mut self, kind: ToastKind, text: impl Into<String>) {
        self.items.push(Toast {
            kind,
            text: text.into(),
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
}
